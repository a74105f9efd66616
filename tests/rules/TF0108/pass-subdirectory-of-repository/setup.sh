# The target is web's directory inside a larger repository, and ../shared
# is a package of that same repository: a monorepo, not a sibling checkout.
cd .. && git init -q -b main &&
mkdir shared && printf '{\n  "name": "shared",\n  "version": "1.0.0"\n}\n' >shared/package.json &&
git add -A && git commit -qm init
