#!/bin/sh
set -e
echo "waiting for the database"
python manage.py migrate --noinput
exec "$@"
