#!/bin/sh
# A step before the server: it must return.
set -e
npx prisma migrate deploy
