#!/bin/sh
set -e
exec >>/proc/1/fd/1 2>&1

if [ "${1#-}" != "$1" ]; then
	set -- node "$@"
fi

if [ "$(id -u)" = "0" ]; then
	chown -R node:node /data
	exec gosu node "$@"
fi

exec "$@"
