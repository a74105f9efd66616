import signal
import sys


def stop(signum, frame):
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
print("importing")
