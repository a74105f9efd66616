#!/bin/sh
# Only prepares the environment; nothing long-running here.
export APP_ENV="${APP_ENV:-production}"
mkdir -p /tmp/cache
echo "environment ready"
