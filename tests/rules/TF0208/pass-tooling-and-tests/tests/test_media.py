import subprocess


def test_ffmpeg_available():
    subprocess.run(["ffmpeg", "-version"], check=True)
