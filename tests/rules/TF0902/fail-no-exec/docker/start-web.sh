#!/bin/sh
set -e

echo "collecting static files"
python manage.py collectstatic --no-input

gunicorn shop.wsgi:application --bind "0.0.0.0:${PORT:-8000}" --workers 3
