# staging is fully merged into main; release/1.2, develop and feature/x
# have commits of their own but are not environments.
git init -q -b main && git add app.py && git commit -qm init
git checkout -qb staging
echo s > s.txt && git add s.txt && git commit -qm staged
git checkout -q main && git merge -q --no-ff -m merge staging
for b in release/1.2 develop feature/prod-banner; do
	git checkout -qb "$b" main
	echo "$b" > b.txt && git add b.txt && git commit -qm "$b"
done
git checkout -q main
