# Only app.py is committed: the Dockerfile, Procfile, template and
# buildspec exist in this working tree alone.
git init -q -b main && git add app.py && git commit -qm init
