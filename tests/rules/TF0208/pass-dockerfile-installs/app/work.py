import subprocess


def run_all(src):
    subprocess.run(["ffmpeg", "-i", src, "out.mp4"], check=True)
    subprocess.run(["ffprobe", src], check=True)
    subprocess.run(["pdftotext", src, "-"], check=True)
    subprocess.run(["magick", src, "out.png"], check=True)
    subprocess.run(["tesseract", src, "out"], check=True)
    # curl is installed by no one, but the RUN above uses it: the image has it
    subprocess.run(["curl", "-fsS", "https://example.com/"], check=True)
