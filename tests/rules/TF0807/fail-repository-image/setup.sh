# The repository is acme/storefront: its own published image is the app.
git init -q
git remote add origin https://github.com/acme/storefront.git
git add -A && git commit -qm "compose file"
