#!/bin/sh
set -e
python manage.py migrate --noinput >> /var/log/migrate.log 2>&1
python manage.py collectstatic --noinput 2> logs/collectstatic.txt
exec gunicorn config.wsgi --bind "0.0.0.0:${PORT:-8000}"
