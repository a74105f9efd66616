# A repository of three commits, cloned with --depth 1 into the target.
mkdir ../origin && cd ../origin && git init -q &&
for i in 1 2 3; do echo "v$i" > VERSION; git add VERSION; git commit -qm "v$i"; done
cd ../tree && git clone -q --depth 1 "file://$(cd ../origin && pwd)" .
