#!/bin/sh
set -e
su postgres -c 'pg_ctl -D /var/lib/postgresql/data start'
until pg_isready; do sleep 1; done
exec node server.js
