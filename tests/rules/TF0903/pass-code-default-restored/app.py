import signal

# A parent that ignored SIGTERM must not pass that on to us.
signal.signal(signal.SIGTERM, signal.SIG_DFL)
