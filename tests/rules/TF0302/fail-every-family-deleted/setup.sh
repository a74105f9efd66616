# Every detector family of TF0301, committed and then deleted: the
# fixtures are TF0301's own fail cases, copied in (not duplicated here).
src=$(cd "$(dirname "$0")/../../TF0301" && pwd)
git init -q
for d in "$src"/fail-*/; do
	fam=$(basename "$d")
	mkdir -p "$fam"
	(cd "$d" && tar cf - --exclude=./expected --exclude=./setup.sh \
	    --exclude=./args .) | (cd "$fam" && tar xf -)
done
git add -A && git commit -qm "add service configuration"
git rm -rq . && git commit -qm "move all secrets to AWS Secrets Manager"
