import os
import subprocess


def transcode(src, dst):
    subprocess.run(
        [
            "ffmpeg", "-y", "-i", src,
            "-c:v", "libx264", dst,
        ],
        check=True,
    )


def thumbnail(src, dst):
    # ImageMagick through the shell
    os.system(f"convert {src} -resize 200x200 {dst}")


def probe(src):
    return subprocess.check_output(f"timeout 10 ffprobe -v error {src}",
                                   shell=True)
