#!/bin/sh
set -e
if [ "$ROLE" = "scheduler" ]; then
	printenv > /etc/environment
	cron
	tail -f /var/log/cron.log
else
	exec node server.js
fi
