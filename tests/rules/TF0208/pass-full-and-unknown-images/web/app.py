import subprocess

subprocess.run(["git", "rev-parse", "HEAD"], check=True)
subprocess.run(["curl", "-fsS", "http://localhost/health"], check=True)
subprocess.run(["convert", "a.png", "b.jpg"], check=True)
