# build/ holds build scripts; wrapper jars, vendored jars, sample data
# zips and a GitHub action's dist/ are committed on purpose; real output
# is ignored.
mkdir -p build gradle/wrapper .mvn/wrapper libs action/dist data target/classes
printf 'FROM alpine:3.20\n' >build/Dockerfile
printf '#!/bin/sh\nmake\n' >build/package.sh
echo 'module.exports = {}' >build/webpack.config.js
printf 'PK\003\004' >gradle/wrapper/gradle-wrapper.jar
printf 'PK\003\004' >.mvn/wrapper/maven-wrapper.jar
printf 'PK\003\004' >libs/ojdbc8.jar
printf 'name: x\nruns:\n  using: node20\n  main: dist/index.js\n' >action/action.yml
echo 'x' >action/dist/index.js
echo '{"version":3}' >action/dist/index.js.map
printf 'PK\003\004' >data/sample-images.zip
printf '\312\376\272\276' >target/classes/App.class
echo 'target/' >.gitignore
git init -q
git add -A && git commit -qm "source"
