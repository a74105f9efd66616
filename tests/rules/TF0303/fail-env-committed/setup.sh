mv env.production .env.production && mv env.local .env.local
git init -q && git add -A && git commit -qm init
