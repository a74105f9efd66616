import signal

stopping = False


def request_stop(signum, frame):
    global stopping
    stopping = True


signal.signal(signal.SIGTERM, request_stop)
signal.signal(signal.SIGTERM, lambda *_: server.shutdown())
