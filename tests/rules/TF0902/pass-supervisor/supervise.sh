#!/bin/bash
term() {
	kill -TERM "$web" "$beat" 2>/dev/null
}
trap term TERM INT

gunicorn app:app &
web=$!
celery -A app beat &
beat=$!
wait
