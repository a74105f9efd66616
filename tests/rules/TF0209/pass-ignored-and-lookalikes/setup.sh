# node_modules installed but ignored; a source directory named venv and a
# Go vendor tree, tracked.
mkdir -p node_modules/express venv vendor/github.com/lib/pq \
    tests/fixtures/node_modules/fake
echo '{"name": "express"}' >node_modules/express/package.json
echo 'def make_env(): pass' >venv/builder.py
echo '# github.com/lib/pq v1.10.9' >vendor/modules.txt
echo 'package pq' >vendor/github.com/lib/pq/conn.go
echo '{"name": "fake"}' >tests/fixtures/node_modules/fake/package.json
echo 'node_modules/' >.gitignore
git init -q
git add -A && git commit -qm "source"
