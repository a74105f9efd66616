# The secret is removed in the working tree but not committed: HEAD still
# has it, and that is what the report must say.
git init -q
printf 'import os\nTOKEN = "ghp_R7tKq2Lm9XzV4bNc8WdYp3Hs6Jf1Ga5Ue0Qo"\n' > config.py
git add config.py && git commit -qm "add config"
printf 'import os\nTOKEN = os.environ["GITHUB_TOKEN"]\n' > config.py
