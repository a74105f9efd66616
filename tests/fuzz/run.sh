#!/bin/sh
# tests/fuzz/run.sh BUILD SECONDS: build each libFuzzer harness with clang
# (ASan + UBSan) against the library sources, seed it with the rule
# fixtures, and run it for SECONDS.  Exit non-zero on the first crash;
# crash inputs are left in BUILD/fuzz/ARTIFACTS.
set -eu
B=$1
SECS=${2:-30}
CC=${FUZZ_CC:-clang}
OUT=$B/fuzz
mkdir -p "$OUT"
FLAGS="-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
    -Iinclude $(pkg-config --cflags yaml-0.1 libcjson libgit2 libpcre2-8)"
LIBS="$(pkg-config --libs yaml-0.1 libcjson libgit2 libpcre2-8) -lpthread -lm"
SRC=$(ls src/*.c rules/*.c | grep -v '^src/main.c$')

seed() {	# seed DIR NAME-PATTERN…: fixtures as a starting corpus
	dir=$1
	shift
	mkdir -p "$dir"
	for pat in "$@"; do
		find tests/rules examples -type f -name "$pat" -size -64k \
		    -exec cp {} "$dir/" \; 2>/dev/null || true
	done
}

for h in dockerfile yaml shell manifest patterns config; do
	echo "fuzz: building $h"
	# shellcheck disable=SC2086
	$CC $FLAGS -o "$OUT/fuzz_$h" "tests/fuzz/fuzz_$h.c" $SRC "$B/packs.c" $LIBS
	corpus="$OUT/corpus_$h"
	case $h in
	dockerfile) seed "$corpus" 'Dockerfile*' ;;
	yaml) seed "$corpus" '*.yml' '*.yaml' '*.json' ;;
	shell) seed "$corpus" '*.sh' Procfile 'env*' ;;
	manifest) seed "$corpus" package.json Pipfile '*.txt' go.mod ;;
	patterns) seed "$corpus" '*.py' '*.js' '*.go' '*.yml' ;;
	config) seed "$corpus" '*.yml' ;;
	esac
	mkdir -p "$OUT/artifacts_$h"
	echo "fuzz: running $h for ${SECS}s"
	"$OUT/fuzz_$h" -max_total_time="$SECS" -max_len=65536 \
	    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
	    -artifact_prefix="$OUT/artifacts_$h/" "$corpus" \
	    >"$OUT/$h.log" 2>&1 || { tail -40 "$OUT/$h.log"; exit 1; }
	grep -E '^stat::number_of_executed_units' "$OUT/$h.log" | sed "s/^/fuzz: $h: /"
done
echo "fuzz: no crash"
