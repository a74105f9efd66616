# An installed npm tree and a virtual environment, committed.
mkdir -p web/node_modules/express/lib web/node_modules/.bin \
    web/node_modules/@types/node .venv/lib/python3.12/site-packages/flask
echo '{"name": "express", "version": "4.19.2"}' \
    >web/node_modules/express/package.json
echo 'module.exports = {};' >web/node_modules/express/lib/index.js
echo '{"name": "@types/node"}' >web/node_modules/@types/node/package.json
echo 'home = /usr/bin' >.venv/pyvenv.cfg
echo '' >.venv/lib/python3.12/site-packages/flask/__init__.py
git init -q
git add -A && git commit -qm "vendored trees"
