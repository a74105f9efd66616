#!/bin/sh
LOG_FILE=/var/log/app.log
java -jar /srv/metrics-agent.jar > "${OUT_DIR}/agent-stdout" &
exec java -jar app.jar >> "$LOG_FILE" 2>&1
