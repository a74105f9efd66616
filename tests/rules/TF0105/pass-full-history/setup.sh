git init -q && git add -A && git commit -qm one
echo 2 >> app.py && git commit -qam two
