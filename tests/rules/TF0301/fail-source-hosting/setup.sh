mv github .github
