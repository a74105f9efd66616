#!/bin/bash
until flask db upgrade; do
    echo "upgrade failed, retrying in 5 seconds" >&2
    sleep 5
done
if [[ -n "$SEED" ]]; then flask seed; fi
exec gunicorn -b ":${PORT:-8000}" app:app
