import multiprocessing
import signal


def init_worker():
    # Ctrl-C goes to the parent only.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)


pool = multiprocessing.Pool(4, initializer=init_worker)
