#!/bin/sh
set -e

python -m importer.migrate
"$@"
