#!/bin/sh
# Quiet the warm-up, keep everything else on the container's own streams.
node warm-cache.js > /dev/null 2>&1
node metrics-sidecar.js > /proc/1/fd/1 2>/proc/1/fd/2 &
exec 2>&1
exec "$@" >/dev/stdout
