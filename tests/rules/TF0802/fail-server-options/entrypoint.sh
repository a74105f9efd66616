#!/bin/sh
set -e
echo $$ > /var/run/app.pid
exec "$@"
