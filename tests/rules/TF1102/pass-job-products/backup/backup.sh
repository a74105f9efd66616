#!/bin/sh
set -eu
stamp=$(date +%Y%m%dT%H%M%S)
curl -fsS "$SCHEMA_URL" | gzip > "/backups/schema-$stamp.json.gz"
pg_dump --no-owner "$DATABASE_URL" > "/backups/db-$stamp"
aws s3 cp "/backups/db-$stamp" "s3://$BUCKET/db-$stamp"
python3 /opt/report.py > /backups/summary.csv
python3 /opt/digest.py > "/backups/digest-$stamp"
