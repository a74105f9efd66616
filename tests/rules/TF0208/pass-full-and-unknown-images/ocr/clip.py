import subprocess

subprocess.run(["ffprobe", "in.mp4"], check=True)
