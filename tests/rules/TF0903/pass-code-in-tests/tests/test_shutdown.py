import signal


def test_ignored_sigterm_is_reported(tmp_path):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
