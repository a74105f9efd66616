#!/bin/sh
trap -- '' INT TERM
exec "$@"
