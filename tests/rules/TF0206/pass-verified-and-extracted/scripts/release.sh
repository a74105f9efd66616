#!/bin/sh
# Runs a script of the repository, and fetches data, not code.
set -eu
curl -fsSL https://api.example.dev/releases | jq -r '.[0].tag_name' > VERSION
sh ./scripts/build.sh "$(cat VERSION)"
bash -c 'echo "$(curl -s https://api.example.dev/status)"'
curl -fsS https://api.example.dev/config | python3 -m json.tool > config.json
curl -fsS https://example.dev/notes.txt | perl -pe 's/\r$//' > NOTES
