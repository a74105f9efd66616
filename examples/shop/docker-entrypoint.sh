#!/bin/sh
set -e
echo "migrating the database" >&2
npx knex migrate:latest
exec "$@"
