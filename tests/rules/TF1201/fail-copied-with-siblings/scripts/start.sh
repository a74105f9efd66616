#!/bin/sh
python manage.py migrate
exec gunicorn app.wsgi
