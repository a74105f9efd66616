# main, and environment branches that carry commits main does not have:
# staging (2), env/qa (1) and the remote-tracking origin/production (1),
# compared with origin/HEAD's target, origin/main.
git init -q -b main && git add app.py && git commit -qm init
git checkout -qb staging
echo 'DEBUG = True' > settings.py && git add settings.py && git commit -qm hotfix1
echo 'DEBUG = False' > settings.py && git commit -qam hotfix2
git checkout -q main && git checkout -qb env/qa
echo qa > qa.txt && git add qa.txt && git commit -qm qa
git checkout -q main && git checkout -qb tmp
echo p > prod.txt && git add prod.txt && git commit -qm prod
git update-ref refs/remotes/origin/production HEAD
git checkout -q main && git branch -qD tmp
git update-ref refs/remotes/origin/main main
git symbolic-ref refs/remotes/origin/HEAD refs/remotes/origin/main
