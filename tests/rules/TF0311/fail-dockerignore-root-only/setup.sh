mv config/env.staging config/.env.staging
git init -q && git add -A && git commit -qm init
