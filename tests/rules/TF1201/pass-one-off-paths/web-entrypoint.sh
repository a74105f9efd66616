#!/bin/sh
if [ "$RUN_MIGRATIONS" = 1 ]; then
    python manage.py migrate --noinput
    exit 0
fi
exec gunicorn app.wsgi
