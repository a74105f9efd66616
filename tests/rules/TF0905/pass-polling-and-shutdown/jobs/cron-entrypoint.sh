#!/bin/sh
# A demo job: it only logs and pauses; nothing starts after the pause.
echo "job started"
sleep 3
echo "job finished"
