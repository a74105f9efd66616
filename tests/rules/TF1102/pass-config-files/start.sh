#!/bin/sh
set -e
cat > /etc/nginx/conf.d/health.conf <<EOF2
server { listen 8081; location / { return 200; } }
EOF2
envsubst '$BACKEND_URL' < /etc/nginx/templates/default.conf.template > /etc/nginx/conf.d/default.conf
echo "window.__ENV__ = { api: \"$API_URL\" };" > /usr/share/nginx/html/env.js
printf '{"release":"%s"}\n' "$RELEASE" > /usr/share/nginx/html/version.json
jq -n --arg u "$API_URL" '{api: $u}' > /usr/share/nginx/html/config.json
: > /var/log/nginx/error.log
echo "start.sh: configured" >> /var/log/boot.log
exec nginx -g 'daemon off;'
