#!/bin/sh
set -e
python manage.py dumpdata auth.group > /tmp/groups.json
python -c 'import secrets; print(secrets.token_hex(16))' > /run/app/instance-id
vault kv get -field=token secret/app | tee /run/secrets/app-token > /dev/null
nohup python manage.py process_outbox &
exec gunicorn config.wsgi --bind "0.0.0.0:${PORT:-8000}"
