#!/bin/sh
# One image, one process type per container: the role picks it.
set -e
case "$1" in
web)
	exec gunicorn --bind "0.0.0.0:${PORT:-8000}" app:app
	;;
scheduler)
	exec supercronic /app/crontab
	;;
*)
	exec "$@"
	;;
esac
