import signal

# Never do this: signal.signal(signal.SIGTERM, signal.SIG_IGN)
signal.signal(signal.SIGTERM, signal.default_int_handler)
