#!/bin/sh
# tests/bench.sh BIN [FILES] [RUNS]: time twelvelint on a generated
# repository of FILES files (default 4000), RUNS times per setting (default
# 7), and print the median of each and their ratios.  Machines here are
# shared and noisy: compare ratios, not single times.  The tree is made
# from a fixed recipe, so two runs of the script scan the same input.
set -eu
BIN=$1
FILES=${2:-4000}
RUNS=${3:-7}
T=$(mktemp -d "${TMPDIR:-/tmp}/twelvelint-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM

# --- the tree: sources, Dockerfiles, compose files, templates, manifests
awk -v n="$FILES" -v root="$T/repo" '
function emit(path, text) {
	dir = path; sub(/\/[^\/]*$/, "", dir)
	system("mkdir -p \"" root "/" dir "\"")
	printf "%s", text > (root "/" path); close(root "/" path)
}
BEGIN {
	body = ""
	for (l = 0; l < 60; l++)
		body = body sprintf("def handler_%d(event):\n    return {\"status\": %d, \"body\": event.get(\"x%d\")}\n", l, l, l)
	for (i = 0; i < n; i++) {
		svc = sprintf("svc%03d", i % 200)
		k = i % 10
		if (k < 5)
			emit(svc "/app/mod" i ".py", "import os\nimport json\n" body \
			    (i % 97 == 0 ? "DB = \"postgres://app@db.internal:5432/app\"\n" : ""))
		else if (k < 8)
			emit(svc "/web/mod" i ".js", "const express = require(\"express\");\n" \
			    "const port = process.env.PORT || 3000;\n" body)
		else if (k == 8)
			emit(svc "/Dockerfile" (i % 20 == 8 ? "" : "." i),
			    "FROM python:3.12-slim AS build\nRUN pip install -r requirements.txt\n" \
			    "FROM python:3.12-slim\nCOPY --from=build /app /app\nCMD [\"gunicorn\", \"app:app\"]\n")
		else
			emit(svc "/deploy/template" i ".yaml",
			    "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Fn:\n" \
			    "    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n" \
			    "      Environment:\n        Variables:\n          TABLE: !Ref Table\n")
	}
}'
(cd "$T/repo" && git init -q && git add -A &&
    git -c user.name=bench -c user.email=bench@example.invalid commit -qm bench)
echo "bench: $FILES files, $(du -sh "$T/repo" | cut -f1), $RUNS runs each"

median() {	# median of the numbers on stdin
	sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

run() {		# run LABEL ARGS…: median wall-clock milliseconds
	label=$1
	shift
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		s=$(date +%s%N)
		"$BIN" "$@" --fail-on none --format json "$T/repo" >/dev/null
		e=$(date +%s%N)
		echo $(((e - s) / 1000000))
		i=$((i + 1))
	done | median >"$T/$label"
	echo "bench: $label: median $(cat "$T/$label") ms"
}

JOBS=$(nproc 2>/dev/null || echo 2)
run j1 -j 1
run jN -j "$JOBS"
run patterns-off -j 1 --disable TF0301,TF0401,TF0402,TF0602,TF0605,TF0701,TF1003,TF1101
awk -v a="$(cat "$T/j1")" -v b="$(cat "$T/jN")" -v c="$(cat "$T/patterns-off")" -v j="$JOBS" 'BEGIN {
	printf "bench: -j 1 / -j %d = %.2f (speed-up from threads)\n", j, a / (b > 0 ? b : 1)
	printf "bench: pattern packs off / on at -j 1 = %.2f\n", c / (a > 0 ? a : 1)
}'
