# A secret in history, but the scan is not asked for --history.
git init -q
printf 'TOKEN = "ghp_R7tKq2Lm9XzV4bNc8WdYp3Hs6Jf1Ga5Ue0Qo"\n' > config.py
git add config.py && git commit -qm "add config"
git rm -q config.py && git commit -qm "remove it"
