#!/bin/sh
# tests/run.sh BIN BUILD: every test of twelvelint; the last line is
# "N passed, N failed".  UPDATE=1 rewrites the golden files (rule cases'
# `expected`, tests/cli/*.out), which are then read in the diff;
# CASES='TF09* TF1101' limits the rule cases to those rules.
#
#   unit      each TAP check of build/tests/t_* counts once
#   rules     tests/rules/TFffnn/{fail,pass}-*/: one test per case
#   registry  every rule has a fail and a pass case; docs are current
#   cli       tests/cli/cases: exit codes and golden outputs
#   schema    JSON reports validate against docs/json-schema.json
set -u

BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
B=$2
TOP=$(pwd)
PY=/usr/bin/python3
pass=0
fail=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/twelvelint-tests.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM

ok() { pass=$((pass + 1)); [ -z "${VERBOSE:-}" ] || echo "ok: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# Fixed identity and dates for every git command a case runs.
export GIT_AUTHOR_NAME=twelvelint GIT_AUTHOR_EMAIL=tests@example.invalid
export GIT_COMMITTER_NAME=twelvelint GIT_COMMITTER_EMAIL=tests@example.invalid
export GIT_AUTHOR_DATE="2026-01-01T00:00:00Z" GIT_COMMITTER_DATE="2026-01-01T00:00:00Z"
export GIT_CONFIG_NOSYSTEM=1 HOME="$WORK/home" NO_COLOR=
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global user.name twelvelint
git config --global user.email tests@example.invalid

# ---------------------------------------------------------------- unit
for t in "$B"/tests/t_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	arg=""
	[ "$name" = t_output ] && arg="$WORK/t_output.json $WORK/t_output-nogit.json"
	if [ -f "tests/unit/$name.sh" ]; then
		sh "tests/unit/$name.sh" "$t" >"$WORK/$name.tap" 2>&1
	else
		"$t" $arg >"$WORK/$name.tap" 2>&1
	fi
	rc=$?
	n_ok=$(grep -c '^ok ' "$WORK/$name.tap")
	n_bad=$(grep -c '^not ok ' "$WORK/$name.tap")
	pass=$((pass + n_ok))
	fail=$((fail + n_bad))
	[ "$n_bad" -eq 0 ] || grep -A2 '^not ok ' "$WORK/$name.tap" | sed "s/^/$name: /"
	if [ "$rc" -ne 0 ] && [ "$n_bad" -eq 0 ]; then
		bad "$name exited $rc"
		tail -5 "$WORK/$name.tap"
	fi
	if [ "$n_ok" -eq 0 ] && [ "$n_bad" -eq 0 ]; then
		bad "$name ran no check"
	fi
done
if [ -f "$WORK/t_output.json" ]; then
	if $PY tests/check-json-schema.py docs/json-schema.json \
	    "$WORK/t_output.json" "$WORK/t_output-nogit.json" \
	    >"$WORK/schema.log" 2>&1; then
		ok "schema: synthetic reports"
	else
		bad "schema: synthetic report"; cat "$WORK/schema.log"
	fi
fi

# --------------------------------------------------------------- rules
# Copy a case into a sandbox: dotfiles and git directories are stored
# under plain names (gitignore, dockerignore, .gitted) and renamed here.
sandbox() {
	# The whole parent: a setup.sh may build ../origin beside the tree.
	rm -rf "$(dirname "$2")"
	mkdir -p "$2"
	(cd "$1" && tar cf - --exclude=./expected --exclude=./setup.sh \
	    --exclude=./args .) | (cd "$2" && tar xf -)
	find "$2" -depth \( -name gitignore -o -name dockerignore -o \
	    -name .gitted -o -name gitattributes \) | while read -r p; do
		case $(basename "$p") in
		.gitted) mv "$p" "$(dirname "$p")/.git" ;;
		*) mv "$p" "$(dirname "$p")/.$(basename "$p")" ;;
		esac
	done
	if [ -f "$1/setup.sh" ]; then
		(cd "$2" && sh "$TOP/$1/setup.sh") >"$WORK/setup.log" 2>&1 ||
		    { cat "$WORK/setup.log"; return 1; }
	fi
	return 0
}

for dir in tests/rules/TF*/*-*/; do
	[ -d "$dir" ] || continue
	dir=${dir%/}
	id=$(basename "$(dirname "$dir")")
	# CASES='TF0902 TF11*' (shell patterns) runs, and with UPDATE=1
	# rewrites, only those rules' cases.
	if [ -n "${CASES:-}" ]; then
		m=0
		set -f
		for pat in $CASES; do
			case $id in $pat) m=1 ;; esac
		done
		set +f
		[ "$m" -eq 1 ] || continue
	fi
	case_name=$(basename "$dir")
	tree="$WORK/case/tree"
	if ! sandbox "$dir" "$tree"; then
		bad "$id/$case_name: setup failed"
		continue
	fi
	args=""
	[ -f "$dir/args" ] && args=$(cat "$dir/args")
	# shellcheck disable=SC2086
	(cd "$WORK/case" && "$BIN" -q --no-color --fail-on none \
	    --enable "$id" $args tree) >"$WORK/out" 2>"$WORK/err"
	rc=$?
	grep -F "[$id]" "$WORK/out" | sed 's/^[[:space:]]*//' >"$WORK/got"
	if [ "$rc" -ne 0 ]; then
		bad "$id/$case_name: exit $rc"; cat "$WORK/err"; continue
	fi
	if [ -n "${UPDATE:-}" ]; then
		cp "$WORK/got" "$dir/expected"
	fi
	case $case_name in
	fail-*)
		if [ ! -s "$WORK/got" ]; then
			bad "$id/$case_name: the rule did not fire"
			cat "$WORK/out"
			continue
		fi ;;
	pass-*)
		if [ -s "$WORK/got" ]; then
			bad "$id/$case_name: the rule fired on a near miss:"
			cat "$WORK/got"
			continue
		fi ;;
	*)
		bad "$id/$case_name: a case is named fail-* or pass-*"
		continue ;;
	esac
	if [ -f "$dir/expected" ] && cmp -s "$WORK/got" "$dir/expected"; then
		ok "$id/$case_name"
	else
		bad "$id/$case_name: output differs from expected"
		diff "$dir/expected" "$WORK/got" 2>&1 | head -20
	fi
done

# ------------------------------------------------------------ registry
"$BIN" --list-rules >"$WORK/rules.txt" 2>&1 || bad "--list-rules failed"
while read -r id sev numeral name rest; do
	case $id in TF00*) continue ;; esac
	ls -d tests/rules/"$id"/fail-*/ >/dev/null 2>&1 &&
	    ls -d tests/rules/"$id"/pass-*/ >/dev/null 2>&1 &&
	    { ok "registry: $id has cases"; continue; }
	bad "registry: $id needs a fail-* and a pass-* case under tests/rules/$id/"
done <"$WORK/rules.txt"
for dir in tests/rules/TF*/; do
	id=$(basename "$dir")
	grep -q "^$id " "$WORK/rules.txt" ||
	    bad "registry: tests/rules/$id has no rule"
done
if sh tests/gen-docs.sh "$BIN" "$WORK/gdocs" >"$WORK/docs.log" 2>&1 &&
    diff -r "$WORK/gdocs/rules" docs/rules >"$WORK/docs.diff" 2>&1 &&
    cmp -s "$WORK/gdocs/RULES.md" docs/RULES.md; then
	ok "registry: docs/rules and docs/RULES.md are current"
else
	bad "registry: docs are stale: run 'make docs'"
	head -20 "$WORK/docs.diff"
fi

# ----------------------------------------------------------------- cli
. tests/cli/cases
. tests/ci-recipes.sh	# docs/ci.md, action.yml, pre-commit hooks, completion

# -------------------------------------------------------------- schema
for ex in examples/*/; do
	ex=${ex%/}
	"$BIN" --format json --fail-on none "$ex" >"$WORK/ex.json" 2>"$WORK/ex.err"
	if [ $? -eq 0 ] && $PY tests/check-json-schema.py docs/json-schema.json \
	    "$WORK/ex.json" >"$WORK/schema.log" 2>&1; then
		ok "schema: $ex"
	else
		bad "schema: $ex"; cat "$WORK/ex.err" "$WORK/schema.log"
	fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
