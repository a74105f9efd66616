git init -q && git add -A && git commit -qm init
mv env .env && mv env.example .env.example
