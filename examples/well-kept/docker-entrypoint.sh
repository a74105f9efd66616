#!/bin/sh
# Config comes from the environment (the ECS task definition and its
# secrets from AWS Secrets Manager); nothing is built or migrated here.
set -eu
: "${DATABASE_URL:?DATABASE_URL must be set}"
exec "$@"
