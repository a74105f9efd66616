#!/bin/sh
# tests/html-screenshot.sh [OUTDIR]: render the HTML report of examples/shop
# with headless Chromium, once 1280 px wide and once 414 px wide (a phone),
# and print the paths of the two PNG files.  Not part of `make check`: it
# is for looking at the page.  Installs Debian's chromium with apt-get when
# it is missing (as .ci/install-deps installs the build dependencies).
#
#   make && sh tests/html-screenshot.sh /tmp/shots
#
# BIN (default build/twelvelint) and TARGET (default examples/shop) may be
# set in the environment.
set -eu

BIN=${BIN:-build/twelvelint}
TARGET=${TARGET:-examples/shop}
OUT=${1:-$(mktemp -d "${TMPDIR:-/tmp}/twelvelint-shots.XXXXXX")}

if [ ! -x "$BIN" ]; then
	echo "html-screenshot: no '$BIN': run make first" >&2
	exit 1
fi

find_browser() {
	for b in chromium chromium-browser google-chrome; do
		if command -v "$b" >/dev/null 2>&1; then
			command -v "$b"
			return 0
		fi
	done
	return 1
}

if ! BROWSER=$(find_browser); then
	echo "html-screenshot: installing chromium" >&2
	if [ "$(id -u)" = 0 ]; then
		SUDO=""
	elif command -v sudo >/dev/null 2>&1; then
		SUDO="sudo"
	else
		echo "html-screenshot: no chromium; install it as root:" \
		    "apt-get install -y chromium" >&2
		exit 1
	fi
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "html-screenshot: no apt-get here; install Chromium" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq >/dev/null
	$SUDO apt-get install -y -qq --no-install-recommends chromium \
	    fonts-dejavu-core >/dev/null
	BROWSER=$(find_browser)
fi

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
"$BIN" --fail-on none -f "html:$OUT/report.html" "$TARGET"

# shot NAME WIDTH HEIGHT: one screenshot of the report.
shot() {
	# Chromium writes its profile under HOME; keep it out of the user's.
	HOME="$OUT/home" "$BROWSER" --headless --disable-gpu --no-sandbox \
	    --hide-scrollbars --screenshot="$OUT/$1.png" \
	    --window-size="$2,$3" "file://$OUT/report.html" \
	    >"$OUT/$1.log" 2>&1
	if [ ! -s "$OUT/$1.png" ]; then
		echo "html-screenshot: no screenshot; see $OUT/$1.log" >&2
		exit 1
	fi
	echo "$OUT/$1.png"
}

shot wide 1280 2000
shot narrow 414 2000
