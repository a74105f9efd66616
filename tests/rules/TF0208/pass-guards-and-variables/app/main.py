import os
import shutil
import subprocess

FFMPEG = os.environ.get("FFMPEG_BIN", "/opt/ffmpeg/bin/ffmpeg")


def transcode(src, dst):
    cmd = ["ffmpeg", "-i", src, dst]
    subprocess.run(cmd, check=True)
    subprocess.run([FFMPEG, "-i", src, dst], check=True)
    subprocess.run(f"{FFMPEG} -i {src} {dst}", shell=True, check=True)


def to_markdown(src):
    if shutil.which("pandoc") is None:
        return None
    return subprocess.check_output(["pandoc", "-t", "gfm", src])

# subprocess.run(["wkhtmltopdf", "a.html", "a.pdf"])
