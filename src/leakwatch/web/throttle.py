"""Login throttling: after `limit` failed logins within `window` for one user name or from one
client address, further logins for it are refused until the oldest failure ages out.

Both keys count, so guessing one user's password from many addresses and guessing many users'
passwords from one address are each stopped. Counts live in the serving process (a restart
forgets them; the audit log keeps each lockout). Behind a reverse proxy, run uvicorn with
`--proxy-headers` so the address is the client's, not the proxy's.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

DEFAULT_LIMIT = 5
DEFAULT_WINDOW_S = 15 * 60.0
#: Keys remembered at most; past that the stalest are forgotten (memory stays bounded).
MAX_KEYS = 50_000


def user_key(name: str) -> str:
    return "user:" + name.strip().casefold()[:100]


def address_key(address: str | None) -> str:
    return "addr:" + (address or "unknown")


@dataclass
class Throttle:
    limit: int = DEFAULT_LIMIT
    window_s: float = DEFAULT_WINDOW_S
    clock: Callable[[], float] = time.monotonic
    _fails: dict[str, deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._fails.get(key)
        if q is None:
            return deque()
        while q and q[0] <= now - self.window_s:
            q.popleft()
        if not q:
            del self._fails[key]
        return q

    def wait_s(self, keys: Sequence[str]) -> float:
        """Seconds until a login for all of `keys` is allowed again (0: allowed now)."""
        now = self.clock()
        with self._lock:
            waits = [
                q[0] + self.window_s - now
                for q in (self._recent(k, now) for k in keys)
                if len(q) >= self.limit
            ]
        return max(waits, default=0.0)

    def failed(self, keys: Sequence[str]) -> list[str]:
        """Count a failure against each key; returns the keys this failure locked."""
        now = self.clock()
        locked = []
        with self._lock:
            for k in keys:
                q = self._recent(k, now)
                if not q:
                    self._fails[k] = q
                q.append(now)
                if len(q) == self.limit:
                    locked.append(k)
            if len(self._fails) > MAX_KEYS:
                stalest = sorted(self._fails, key=lambda k: self._fails[k][-1])
                for k in stalest[: len(self._fails) - MAX_KEYS]:
                    del self._fails[k]
        return locked

    def succeeded(self, key: str) -> None:
        """Forget `key`'s failures (a user who proved themselves); an address keeps its count."""
        with self._lock:
            self._fails.pop(key, None)


def minutes(seconds: float) -> int:
    return max(1, math.ceil(seconds / 60))
