#!/bin/sh
python3 -c 'import flask' > /dev/null
exec python3 /opt/service/main.py --port "${PORT:-8080}"
