#!/bin/sh
set -e
rsyslogd -f /etc/rsyslog.conf
exec "$@"
