git init -q && git add -A && git commit -qm init
git remote add origin https://git.example.invalid/team/app.git
