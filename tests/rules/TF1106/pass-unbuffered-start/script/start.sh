#!/bin/sh
export PYTHONUNBUFFERED=1
exec gunicorn app:app
