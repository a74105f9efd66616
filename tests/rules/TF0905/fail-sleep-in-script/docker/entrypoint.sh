#!/bin/sh
set -e
for d in uploads cache; do
	mkdir -p "/data/$d"
done
echo "directories done"

# Give the database time to come up.
sleep 10
python manage.py migrate --no-input
exec "$@"
