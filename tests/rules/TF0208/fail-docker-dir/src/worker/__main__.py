from subprocess import Popen, check_call

check_call(["gs", "-sDEVICE=png16m", "-o", "out.png", "in.pdf"])
Popen(["ffmpeg", "-i", "in.mp4", "out.webm"]).wait()
