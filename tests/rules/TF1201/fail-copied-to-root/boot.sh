#!/bin/sh
flask db upgrade
exec gunicorn app:app
