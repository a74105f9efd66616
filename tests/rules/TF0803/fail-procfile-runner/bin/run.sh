#!/bin/sh
set -e
export PORT="${PORT:-5000}"
exec honcho start -f Procfile
