"""A per-host rate limit for the pages readers fetch on their own (feed entries' links)."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlsplit

__all__ = ["HostThrottle"]


class HostThrottle:
    """Waits so that requests to one host start at least ``interval`` seconds apart.

    One throttle is shared by a whole read (every feed of an ``ingest`` run); ``clock`` and
    ``sleep`` are injectable so tests measure waits without sleeping.
    """

    def __init__(
        self,
        interval: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._interval = max(0.0, interval)
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}

    def wait(self, url: str) -> float:
        """Block until ``url``'s host may be contacted again; return the seconds waited."""
        host = (urlsplit(url).hostname or "").lower()
        now = self._clock()
        ready = self._last.get(host, now - self._interval) + self._interval
        waited = max(0.0, ready - now)
        if waited:
            self._sleep(waited)
        self._last[host] = now + waited
        return waited
