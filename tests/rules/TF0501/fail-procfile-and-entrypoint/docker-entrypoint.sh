#!/bin/sh
set -e
if [ ! -d vendor ]; then
    bundle install
fi
exec "$@"
