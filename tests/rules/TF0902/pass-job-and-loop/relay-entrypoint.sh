#!/bin/sh
# Restart the relay whenever it exits; exec would end the loop.
while true; do
	node /app/relay.js
	echo "relay exited, restarting"
	sleep 2
done
