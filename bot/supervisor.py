"""Keep the bot's processes running: a child that ends is started again, with backoff.

``python -m bot run`` starts the action server, Rasa and the chat gateway, then hands them to
:func:`supervise`. When one of them ends (a crash, an out-of-memory kill), only that one is
started again, after 1 s, then 2, 4 … up to a minute when it keeps failing; the others keep
serving meanwhile. The gateway tells parents the bot is down for a moment while Rasa is, and
Rasa answers the short apology with 112 while the action server is.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import IO, Protocol


class Stack(Protocol):
    """What the supervisor needs of :class:`bot.stack.Stack` (no import cycle)."""

    @property
    def processes(self) -> Mapping[str, subprocess.Popen[bytes]]:
        """The running processes by name."""

    def respawn(self, name: str) -> None:
        """Start the named process again."""


@dataclass
class Supervisor:
    """Restart the stack's processes that end, each with its own exponential backoff.

    Args:
        stack: The running processes (restarted with :meth:`Stack.respawn`).
        min_delay: Seconds before the first restart of a process.
        max_delay: Longest wait between restarts of a process that keeps failing.
        stable_after: Seconds a restarted process must stay up for its backoff to reset.
        clock: Monotonic clock in seconds (tests pass their own).
        out: Where restarts are reported.
    """

    stack: Stack
    min_delay: float = 1.0
    max_delay: float = 60.0
    stable_after: float = 60.0
    clock: Callable[[], float] = time.monotonic
    out: IO[str] = field(default_factory=lambda: sys.stdout)
    restarts: dict[str, int] = field(default_factory=dict)
    _delay: dict[str, float] = field(default_factory=dict)
    _due: dict[str, float] = field(default_factory=dict)
    _since: dict[str, float] = field(default_factory=dict)

    def check(self) -> None:
        """Look at every process once: note the ended ones, restart those whose wait is over."""
        now = self.clock()
        for name, process in list(self.stack.processes.items()):
            if name in self._due:
                if now >= self._due[name]:
                    self._restart(name, now)
                continue
            code = process.poll()
            if code is None:
                if now - self._since.setdefault(name, now) >= self.stable_after:
                    self._delay.pop(name, None)
                continue
            delay = self._next_delay(name)
            self._due[name] = now + delay
            self._report(f"{name} stopped unexpectedly (exit {code}); restarting in {delay:g} s")

    def _next_delay(self, name: str) -> float:
        previous = self._delay.get(name)
        delay = self.min_delay if previous is None else min(previous * 2, self.max_delay)
        self._delay[name] = delay
        return delay

    def _restart(self, name: str, now: float) -> None:
        del self._due[name]
        self._since[name] = now
        try:
            self.stack.respawn(name)
        except OSError as error:  # e.g. out of processes: try again later
            delay = self._next_delay(name)
            self._due[name] = now + delay
            self._report(f"could not restart {name} ({error}); trying again in {delay:g} s")
            return
        self.restarts[name] = self.restarts.get(name, 0) + 1
        self._report(f"{name} restarted")

    def _report(self, text: str) -> None:
        print(text, file=self.out, flush=True)


def supervise(stack: Stack, interval: float = 0.5) -> int:
    """Keep the stack's processes running until Ctrl-C or SIGTERM; return the exit code 0."""
    supervisor = Supervisor(stack)
    try:
        while True:
            supervisor.check()
            time.sleep(interval)
    except KeyboardInterrupt:
        print("\nStopping ...", flush=True)
        return 0
