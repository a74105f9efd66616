import subprocess

subprocess.run(["ffmpeg", "-i", "a", "b"], check=True)
subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "a.docx"])
# The stack has these:
subprocess.run(["git", "pull"], check=True)
subprocess.run(["convert", "a.png", "b.jpg"], check=True)
subprocess.run(["pg_dump", "--no-owner"], check=True)
