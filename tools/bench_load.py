"""Load generation and measurements for ``make bench`` (see :mod:`tools.bench`).

One aiohttp load generator sends multi-turn conversations of parent messages to a Rasa REST
webhook with a fixed number of conversations in flight, and records every message's latency.
A sampler keeps the peak resident memory of each process while it runs.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import random
import socket
import statistics
import string
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

#: Short multi-turn conversations of parents, written for the benchmark.
CONVERSATIONS = (
    ("Hei", "Mitä palveluita Laukaan perhekeskuksessa on?", "entä Äänekoskella?", "kiitos"),
    ("Asumme Muuramessa ja lapsi on kaksivuotias", "mistä saan apua kasvatukseen?",
     "onko siellä perheneuvolaa?"),
    ("kuka on Keski-Suomen muutosagentti?", "mikä hänen puhelinnumeronsa on?", "kiitos avusta"),
    ("tarvitsisin parisuhdetukea jyväskylässä", "missä neuvola on?", "entä Laukaassa?"),
    ("mistä löydän perhekahvilan?", "asun Saarijärvellä", "kiitos, hei hei"),
)  # fmt: skip

#: Rasa's REST channel, where the messages go.
WEBHOOK = "/webhooks/rest/webhook"

#: A normal question, to compare the cost of a long message with.
NORMAL_MESSAGE = "Mitä palveluita Laukaan perhekeskuksessa on?"


def unknown_words(length: int = 1000, seed: int = 13) -> str:
    """Return ``length`` characters of made-up lower-case words (none of them Finnish)."""
    rng = random.Random(seed)
    words: list[str] = []
    while sum(len(word) + 1 for word in words) < length:
        words.append("".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 11))))
    return " ".join(words)[:length].rstrip()


@dataclass(frozen=True)
class LoadResult:
    """Latencies of one load level.

    Attributes:
        concurrency: Conversations in flight.
        latencies: Seconds per answered message.
        errors: Messages that failed (not HTTP 200, or no answer in time).
        seconds: Wall time from the first message sent to the last answer.
    """

    concurrency: int
    latencies: list[float]
    errors: int
    seconds: float

    @property
    def throughput(self) -> float:
        """Answered messages per second."""
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, percent: int) -> float:
        """The ``percent``-th latency percentile, in seconds."""
        if len(self.latencies) < 2:
            return self.latencies[0] if self.latencies else float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[percent - 1]


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def _post(session: aiohttp.ClientSession, url: str, sender: str, text: str) -> bool:
    try:
        async with session.post(url, json={"sender": sender, "message": text}) as response:
            await response.read()
            return response.status == 200
    except (aiohttp.ClientError, asyncio.TimeoutError):
        return False


async def _conversations(
    session: aiohttp.ClientSession,
    url: str,
    name: str,
    until: float,
    latencies: list[float],
    errors: list[int],
) -> None:
    for number in itertools.count():
        script = CONVERSATIONS[number % len(CONVERSATIONS)]
        for text in script:
            if time.monotonic() >= until:
                return
            started = time.monotonic()
            if await _post(session, url, f"{name}-{number}", text):
                latencies.append(time.monotonic() - started)
            else:
                errors.append(1)


async def run_load(url: str, concurrency: int, seconds: float, tag: str) -> LoadResult:
    """Keep ``concurrency`` conversations going for ``seconds``; measure every message.

    Args:
        url: The REST webhook.
        concurrency: Conversations in flight at once.
        seconds: How long new messages are started.
        tag: Prefix of the sender ids (each run gets new conversations).

    Returns:
        The latencies and errors of the run.
    """
    latencies: list[float] = []
    errors: list[int] = []
    timeout = aiohttp.ClientTimeout(total=60)
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        started = time.monotonic()
        until = started + seconds
        await asyncio.gather(
            *(
                _conversations(session, url, f"{tag}-c{concurrency}-{worker}", until, latencies,
                               errors)
                for worker in range(concurrency)
            )
        )  # fmt: skip
        elapsed = time.monotonic() - started
    return LoadResult(concurrency, latencies, len(errors), elapsed)


async def message_cost(url: str, text: str, tag: str, repeat: int = 5) -> float:
    """Median latency of ``text`` sent ``repeat`` times, one at a time, each in a new conversation.

    Returns:
        Seconds (NaN when no message was answered).
    """
    latencies: list[float] = []
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
        for number in range(repeat):
            started = time.monotonic()
            if await _post(session, url, f"{tag}-{number}", text):
                latencies.append(time.monotonic() - started)
    return statistics.median(latencies) if latencies else float("nan")


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            child = int(stat.parent.name)
            found += [child, *_children(child)]
    return found


def rss_bytes(pid: int) -> int:
    """Resident memory of process ``pid`` and all its descendants, in bytes (0 when gone)."""
    total = 0
    for each in (pid, *_children(pid)):
        try:
            status = Path(f"/proc/{each}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
    return total


@dataclass
class PeakMemory:
    """Samples the resident memory of named processes and keeps each one's peak."""

    pids: Mapping[str, int]
    peaks: dict[str, int] = field(default_factory=dict)

    def sample(self) -> None:
        """Take one sample of every process."""
        for name, pid in self.pids.items():
            self.peaks[name] = max(self.peaks.get(name, 0), rss_bytes(pid))

    async def watch(self, interval: float = 0.5) -> None:
        """Sample every ``interval`` seconds until cancelled."""
        while True:
            self.sample()
            await asyncio.sleep(interval)


def machine() -> dict[str, str]:
    """CPU model, cores and memory of this machine."""
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "unknown"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    return {"cpu": cpu, "cores": str(os.cpu_count()), "memory": memory}
