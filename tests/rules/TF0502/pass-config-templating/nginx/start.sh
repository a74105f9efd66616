#!/bin/sh
set -eu
# Config from the environment, written into config files at start.
sed -i "s/LISTEN_PORT/${PORT:-8080}/" /etc/nginx/conf.d/default.conf
sed -i 's/worker_processes  1;/worker_processes auto;/' /etc/nginx/nginx.conf
sed -i "s|__API_URL__|${API_URL}|g" /usr/share/nginx/html/assets/*.js
# Calls to services, not downloads of code.
curl -fsS -X POST https://registry.internal.example/api/v1/register \
	-d "{\"host\": \"$(hostname)\"}" >/dev/null
curl -fsS http://localhost:8080/healthz/app.js || true
wget -q --spider https://status.example.net/ping.php
git config --global --add safe.directory /usr/share/nginx/html
exec nginx -g 'daemon off;'
