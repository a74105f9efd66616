#!/bin/sh
set -e
exec docker run --rm --env-file deploy/orders.env example/orders:1.4.2
