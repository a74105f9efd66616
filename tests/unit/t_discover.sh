#!/bin/sh
# Build the git repositories t_discover needs with the git command (fixed
# identities and dates, no user or system configuration), run the test
# binary on them, and remove them.  Usage: t_discover.sh path/to/t_discover
set -eu

bin=${1:?usage: t_discover.sh path/to/t_discover}
case $bin in
/*) ;;
*) bin=$PWD/$bin ;;
esac
fx=$(mktemp -d "${TMPDIR:-/tmp}/t_discover.fx.XXXXXX")
trap 'chmod -R u+rwx "$fx" 2>/dev/null; rm -rf "$fx"' EXIT INT TERM

mkdir "$fx/home"
HOME=$fx/home
XDG_CONFIG_HOME=$fx/home/.config
GIT_CONFIG_NOSYSTEM=1
GIT_CONFIG_GLOBAL=/dev/null
GIT_AUTHOR_NAME=twelvelint
GIT_AUTHOR_EMAIL=tests@twelvelint.invalid
GIT_AUTHOR_DATE='2024-01-01T00:00:00Z'
GIT_COMMITTER_NAME=twelvelint
GIT_COMMITTER_EMAIL=tests@twelvelint.invalid
GIT_COMMITTER_DATE='2024-01-01T00:00:00Z'
export HOME XDG_CONFIG_HOME GIT_CONFIG_NOSYSTEM GIT_CONFIG_GLOBAL \
    GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_AUTHOR_DATE \
    GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_COMMITTER_DATE
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_CEILING_DIRECTORIES
g() { git -c init.defaultBranch=main -c advice.detachedHead=false "$@"; }

# repo: tracked, untracked, ignored, deleted, a submodule gitlink, a nested
# repository, tags, branches, remotes with credentials
r=$fx/repo
g init -q "$r"
cd "$r"
printf '*.log\nbuild/\n' >.gitignore
printf 'FROM alpine\n' >Dockerfile
printf 'print(1)\n' >app.py
mkdir src build
printf 'package main\n' >src/main.go
printf 'gone\n' >gone.txt
printf 'kept\n' >build/keep.txt
g add .gitignore Dockerfile app.py src/main.go gone.txt
g add -f build/keep.txt
g commit -q -m init
g tag v1.0
g tag -a v1.1 -m release
g branch feature
# staging: one commit of its own, not on the default branch (origin/main)
g update-ref refs/heads/staging \
    "$(g commit-tree -p HEAD -m 'staging only' 'HEAD^{tree}')"
g update-ref refs/remotes/origin/main HEAD
g symbolic-ref refs/remotes/origin/HEAD refs/remotes/origin/main
g remote add origin https://user:s3cret@github.com/acme/app.git
g remote add backup ssh://git@github.com/acme/app.git
g update-index --add --cacheinfo "160000,$(g rev-parse HEAD),vendor/lib"
mkdir -p vendor/lib
g rev-parse HEAD >"$fx/repo.head"
rm gone.txt
printf 'new\n' >new.js
printf 'log\n' >debug.log
printf 'log\n' >src/debug.log
printf 'out\n' >build/out.js
printf 'package main\n' >src/extra.go
g init -q nested
printf 'x\n' >nested/x.py

# unborn: no commit yet, on branch "trunk"
g init -q -b trunk "$fx/unborn"
printf 'hi\n' >"$fx/unborn/README"

# detached: two commits, HEAD detached at the first, clean
d=$fx/detached
g init -q "$d"
printf 'a\n' >"$d/a.txt"
g -C "$d" add a.txt
g -C "$d" commit -q -m one
printf 'b\n' >"$d/a.txt"
g -C "$d" commit -q -a -m two
g -C "$d" checkout -q --detach HEAD~1
g -C "$d" rev-parse HEAD >"$fx/detached.head"

# shallow: a depth-1 clone of repo
g clone -q --depth 1 "file://$r" "$fx/shallow"

# bare
g init -q --bare "$fx/bare.git"

cd "$fx"
"$bin" "$fx"
