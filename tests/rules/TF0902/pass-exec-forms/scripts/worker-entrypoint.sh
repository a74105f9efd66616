#!/bin/sh
# Both branches replace the shell.
if [ "$QUEUE" = "priority" ]; then
	exec su-exec app node worker.js --queue priority
else
	exec su-exec app node worker.js
fi
