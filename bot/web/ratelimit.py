"""A small in-memory sliding-window rate limiter (one gateway process)."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable


class RateLimiter:
    """Allow at most ``limit`` events per key within any ``window`` seconds.

    Args:
        limit: Events allowed per key within the window.
        window: Window length in seconds.
        clock: Monotonic clock in seconds (tests pass their own).

    """

    def __init__(
        self, limit: int, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._events: dict[str, deque[float]] = {}
        self._last_sweep = clock()

    def hit(self, key: str) -> float:
        """Record an event for ``key`` if allowed.

        Returns:
            0 when the event is allowed, otherwise the seconds until the next one is.

        """
        now = self._clock()
        self._forget_idle(now)
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self.window:
            events.popleft()
        if len(events) >= self.limit:
            return events[0] + self.window - now
        events.append(now)
        return 0.0

    def _forget_idle(self, now: float) -> None:
        """Once per window, drop keys with no event inside it, so memory stays bounded."""
        if now - self._last_sweep < self.window:
            return
        self._last_sweep = now
        self._events = {
            key: events
            for key, events in self._events.items()
            if events and events[-1] > now - self.window
        }
