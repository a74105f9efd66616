#!/bin/sh
set -e
supercronic /srv/crontab &
exec node server.js
