#!/bin/bash
set -Eeo pipefail

_main() {
	if [ "$1" = 'serve' ]; then
		echo "preparing"
	fi
	exec "$@"
}

_is_sourced() {
	[ "${#FUNCNAME[@]}" -ge 2 ]
}

if ! _is_sourced; then
	_main "$@"
fi
