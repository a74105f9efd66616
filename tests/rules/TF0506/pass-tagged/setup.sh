git init -q
git add -A && git commit -qm "service"
git tag v1.0.0
