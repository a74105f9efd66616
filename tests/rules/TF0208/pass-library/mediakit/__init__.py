import subprocess


def probe(path):
    """A library documents its ffmpeg requirement; it deploys nothing."""
    return subprocess.check_output(["ffprobe", path])
