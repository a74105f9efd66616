#!/bin/sh
cleanup() {
	rm -f /tmp/app.pid
}
trap cleanup TERM
trap '' HUP INT
trap "" TERM
trap - TERM
exec "$@"
