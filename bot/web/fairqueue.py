"""An overall cap on messages in flight to Rasa, with a fair queue per client.

At most ``capacity`` messages are with Rasa at once. Others wait in a queue of their own
client (address); when a slot frees up, it goes to the waiting client with the fewest messages
in flight (the longest waiting first among equals), so a client with many messages waiting
delays another client by one message at most, not by its whole backlog. A client may have
only ``max_waiting`` messages waiting; a waiting message whose caller has gone (the
connection closed) is dropped, never sent to Rasa.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass


class QueueFullError(Exception):
    """The client already has as many messages waiting as it may."""


class CallerGoneError(Exception):
    """The message's turn came, but its caller had gone: it was dropped."""


@dataclass
class _Waiter:
    future: asyncio.Future[None]
    alive: Callable[[], bool]


class FairQueue:
    """Admit at most ``capacity`` at a time; the rest wait, clients served in turn.

    Args:
        capacity: Messages allowed in flight at once (all clients together).
        max_waiting: Messages one client may have waiting.

    """

    def __init__(self, capacity: int, max_waiting: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self.max_waiting = max_waiting
        self.in_flight = 0
        self.dropped = 0
        self._active: dict[str, int] = {}
        self._waiting: OrderedDict[str, deque[_Waiter]] = OrderedDict()

    def waiting(self, client: str | None = None) -> int:
        """How many messages wait (of one client, or of all)."""
        if client is not None:
            return len(self._waiting.get(client, ()))
        return sum(len(queue) for queue in self._waiting.values())

    async def acquire(self, client: str, alive: Callable[[], bool] = lambda: True) -> None:
        """Wait for a slot; call :meth:`release` when done with it.

        Args:
            client: Whose message this is (the client address).
            alive: Whether the caller is still there; checked when its turn comes.

        Raises:
            QueueFullError: The client has ``max_waiting`` messages waiting already.
            CallerGoneError: The caller had gone when its turn came.

        """
        if self.in_flight < self.capacity and not self._waiting:
            self._admit(client)
            return
        queue = self._waiting.setdefault(client, deque())
        if len(queue) >= self.max_waiting:
            if not queue:
                del self._waiting[client]
            raise QueueFullError(client)
        waiter = _Waiter(asyncio.get_running_loop().create_future(), alive)
        queue.append(waiter)
        try:
            await waiter.future
        except asyncio.CancelledError:  # a timeout, or the handler was cancelled
            if waiter.future.done() and not waiter.future.cancelled():
                if waiter.future.exception() is None:
                    self.release(client)  # the slot was granted just before: give it on
            else:
                self._forget(client, waiter)
            raise

    def release(self, client: str) -> None:
        """Give ``client``'s slot back; the next client in turn gets it."""
        self.in_flight -= 1
        left = self._active.get(client, 1) - 1
        if left > 0:
            self._active[client] = left
        else:
            self._active.pop(client, None)
        self._grant()

    def _admit(self, client: str) -> None:
        self.in_flight += 1
        self._active[client] = self._active.get(client, 0) + 1

    def _grant(self) -> None:
        while self.in_flight < self.capacity and self._waiting:
            client = min(self._waiting, key=lambda key: self._active.get(key, 0))
            queue = self._waiting[client]
            waiter = queue.popleft()
            if queue:
                self._waiting.move_to_end(client)  # the others' turn first
            else:
                del self._waiting[client]
            if waiter.future.done():
                continue
            if not waiter.alive():
                self.dropped += 1
                waiter.future.set_exception(CallerGoneError(client))
                continue
            self._admit(client)
            waiter.future.set_result(None)

    def _forget(self, client: str, waiter: _Waiter) -> None:
        queue = self._waiting.get(client)
        if queue is not None and waiter in queue:
            queue.remove(waiter)
            if not queue:
                del self._waiting[client]
