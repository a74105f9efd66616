#!/bin/sh
/usr/local/bin/exporter >> "$EXPORTER_LOG" 2>&1 &
/usr/local/bin/poller > "$LOG_TARGET" &
exec lighttpd -D -f /etc/lighttpd/lighttpd.conf >> /var/log/lighttpd/access.log 2>> /var/log/lighttpd/error.log
