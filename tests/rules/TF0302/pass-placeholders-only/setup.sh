git init -q
printf 'TOKEN = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n' > config.py
git add config.py && git commit -qm placeholder
printf 'import os\nTOKEN = os.environ["GITHUB_TOKEN"]\n' > config.py
git commit -qam "from the environment"
