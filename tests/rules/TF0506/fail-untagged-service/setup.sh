git init -q
git add -A && git commit -qm "service"
