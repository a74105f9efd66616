#!/bin/sh
set -e
nginx -t
echo "starting" >&2
exec gunicorn --bind "0.0.0.0:${PORT:-8000}" app:app
