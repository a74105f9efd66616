"""A command-line helper library: it runs nothing long-lived of its own."""
import signal


def protect_critical_section():
    # The caller's own process decides; no service is deployed from here.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
