# A bundled dist/, a SAM build directory, a Lambda zip, compiled Python
# and a war, all committed.
mkdir -p web/dist .aws-sam/build/Fn app/__pycache__ deploy
echo 'console.log(1)' >web/dist/main.4f2a.js
echo '{"version":3}' >web/dist/main.4f2a.js.map
echo 'print(1)' >.aws-sam/build/Fn/app.py
printf 'PK\003\004' >deploy/lambda-function.zip
printf '\003\363\r\n' >app/__pycache__/app.cpython-312.pyc
printf '\003\363\r\n' >app/util.pyc
printf 'PK\003\004' >shop.war
git init -q
git add -A && git commit -qm "outputs"
