mv env .env && mv env.example .env.example
mv web/config/env.staging web/config/.env.staging
mv web/env.production web/.env.production
mv api/env.local api/.env.local
git init -q && git add -A && git add -f web/config/.env.staging api/.env.local web/.env.production && git commit -qm init
