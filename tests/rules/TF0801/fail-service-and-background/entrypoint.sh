#!/bin/sh
service cron start
node worker.js &
tail -f /dev/null
