"""Retry a call with exponential back-off and jitter."""
import random
import time


class RetryError(Exception):
    """Raised when every attempt failed."""

    def __init__(self, attempts, last):
        super().__init__(f"gave up after {attempts} attempts: {last}")
        self.attempts = attempts
        self.last = last


def backoff(attempt, base=0.1, cap=10.0):
    """The delay before the next attempt, with full jitter."""
    return random.uniform(0, min(cap, base * 2 ** attempt))


def retry(call, attempts=5, retry_on=(ConnectionError, TimeoutError)):
    """Call until it succeeds or attempts run out."""
    last = None
    for attempt in range(attempts):
        try:
            return call()
        except retry_on as exc:
            last = exc
            time.sleep(backoff(attempt))
    raise RetryError(attempts, last)


def retrying(attempts=5):
    """Decorator form of retry()."""
    def wrap(fn):
        def inner(*args, **kwargs):
            return retry(lambda: fn(*args, **kwargs), attempts)
        return inner
    return wrap
