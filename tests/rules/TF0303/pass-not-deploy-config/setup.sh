mv env.prod-sample .env.prod-sample && mv env.test .env.test && mv web/env web/.env
mv vendor/example.com/lib/ui/env.development vendor/example.com/lib/ui/.env.development
git init -q && git add -A && git commit -qm init
