#!/bin/sh
set -e
case "$1" in
migrate)
    python manage.py migrate --noinput
    ;;
*)
    exec "$@"
    ;;
esac
