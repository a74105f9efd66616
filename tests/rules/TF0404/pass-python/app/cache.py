"""An in-memory cache of pending requests (no HTTP here)."""

requests = {}


def pending(key):
    return requests.get(key)
