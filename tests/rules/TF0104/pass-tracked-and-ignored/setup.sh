# Everything committed except a personal override (ignored) and a
# development Dockerfile (untracked, but not a deploy artefact).
git init -q -b main && git add .gitignore app.py Dockerfile docker-compose.yml &&
git commit -qm init
