"""Login throttling: a client, or a user name, that keeps failing waits before trying again.

Failures are counted in memory per key (the client's address, the user
name) over a sliding window; past MAX_FAILURES the key is refused until its
oldest failure leaves the window. A success clears the key's failures.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

# Five wrong passwords a minute is more than a person types; a guesser is
# held to a few hundred a day per address and per user name.
MAX_FAILURES = 5
WINDOW_S = 60.0
# Keys remembered at most: an attacker rotating names cannot fill memory.
MAX_KEYS = 10_000


class LoginThrottle:
    def __init__(self, max_failures: int = MAX_FAILURES, window_s: float = WINDOW_S):
        self.max_failures = max_failures
        self.window_s = window_s
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def wait_s(self, *keys: str) -> float:
        """Seconds until any of `keys` may try again (0: it may now)."""
        now = time.monotonic()
        with self._lock:
            waits = [self._wait(key, now) for key in keys]
        return max(waits, default=0.0)

    def _wait(self, key: str, now: float) -> float:
        failures = self._failures.get(key)
        if not failures:
            return 0.0
        while failures and now - failures[0] > self.window_s:
            failures.popleft()
        if len(failures) < self.max_failures:
            return 0.0
        return self.window_s - (now - failures[0])

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            if len(self._failures) > MAX_KEYS:
                self._failures.clear()  # forget everyone rather than grow without bound
            for key in keys:
                self._failures[key].append(now)

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)
