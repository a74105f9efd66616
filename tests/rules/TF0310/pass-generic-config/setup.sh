mv env.example .env.example && mv env .env
git init -q && git add -A && git commit -qm init
