# Two secrets: one committed and removed again, one still in the file.
git init -q
printf 'import os\nTOKEN = "ghp_R7tKq2Lm9XzV4bNc8WdYp3Hs6Jf1Ga5Ue0Qo"\n' > config.py
git add config.py && git commit -qm "add config"
printf 'import os\nTOKEN = os.environ["GITHUB_TOKEN"]\n' > config.py
printf 'SLACK = "xoxb-2048193057-4096281735-Zq8vT2nLw4Rk9pXcA7mB3dYs"\n' > notify.py
git add -A && git commit -qm "read the token from the environment"
