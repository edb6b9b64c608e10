"""Starvation benchmark: one client floods the chat gateway, another parent still gets answers.

Starts the real bot (action server, Rasa, gateway) on free loopback ports. An attacker at one
address opens 19 sessions, each sending 1,000-character messages of unknown words as fast as
the gateway lets it; meanwhile a parent at another address asks ordinary questions one after
another. The report gives the parent's latency (p50, p95, max) with and without the flood,
and how the attacker's messages ended (answered, refused with 429, timed out).

    python -m tools.starvation_bench [--seconds 60]

Addresses come from ``X-Forwarded-For``, which the gateway believes from its trusted proxy
(loopback here), so both clients are on loopback but count as two addresses.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import string
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import aiohttp

from bot.stack import Ports, Stack
from bot.training import ensure_model
from tools.answers_eval import free_port

ATTACKER, PARENT = "10.0.0.66", "10.0.0.7"
SESSIONS = 19
#: Seconds between a parent's questions: 15 a minute, under the gateway's 20 per conversation.
PAUSE = 4.0
QUESTIONS = ["Mikä on LAPE?", "mitä palveluita laukaassa on", "kuka on keski-suomen muutosagentti"]


def _junk(rng: random.Random) -> str:
    """About 1,000 characters of words no dictionary knows."""
    words: list[str] = []
    length = 0
    while length < 990:
        word = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 12)))
        words.append(word)
        length += len(word) + 1
    return " ".join(words)[:1000]


async def _session(http: aiohttp.ClientSession, web: str, address: str) -> str | None:
    headers = {"Origin": web, "X-Forwarded-For": address}
    async with http.post(f"{web}/api/session", json={}, headers=headers) as response:
        if response.status != 201:
            return None
        token: str = (await response.json())["session"]
        return token


async def _send(
    http: aiohttp.ClientSession, web: str, address: str, token: str, text: str
) -> tuple[int, float]:
    headers = {"Origin": web, "X-Forwarded-For": address}
    started = time.perf_counter()
    async with http.post(
        f"{web}/api/messages", json={"session": token, "message": text}, headers=headers
    ) as response:
        await response.read()
        return response.status, time.perf_counter() - started


async def _attacker(http: aiohttp.ClientSession, web: str, stop: float, seen: Counter[int]) -> None:
    rng = random.Random(66)
    tokens = [token for _ in range(SESSIONS) if (token := await _session(http, web, ATTACKER))]

    async def flood(token: str) -> None:
        while time.perf_counter() < stop:
            status, _ = await _send(http, web, ATTACKER, token, _junk(rng))
            seen[status] += 1
            if status == 429:
                await asyncio.sleep(0.5)

    await asyncio.gather(*(flood(token) for token in tokens))


async def _parent(
    http: aiohttp.ClientSession, web: str, stop: float, statuses: Counter[int]
) -> list[float]:
    """A parent asking a question every few seconds, as people type (within the rate limit)."""
    token = await _session(http, web, PARENT)
    assert token is not None
    latencies = []
    while time.perf_counter() < stop:
        for question in QUESTIONS:
            status, seconds = await _send(http, web, PARENT, token, question)
            statuses[status] += 1
            latencies.append(seconds if status == 200 else float("inf"))
            await asyncio.sleep(PAUSE)
    return latencies


def _summary(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return (
        f"{len(ordered)} questions: p50 {statistics.median(ordered):.2f} s, "
        f"p95 {p95:.2f} s, max {ordered[-1]:.2f} s"
    )


async def _run(web: str, seconds: float) -> str:
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        await _send(http, web, PARENT, await _session(http, web, PARENT) or "", "hei")  # warm-up
        quiet_statuses: Counter[int] = Counter()
        quiet = await _parent(http, web, time.perf_counter() + seconds / 2, quiet_statuses)
        seen: Counter[int] = Counter()
        stop = time.perf_counter() + seconds
        flood = asyncio.create_task(_attacker(http, web, stop, seen))
        await asyncio.sleep(2)  # let the flood fill the queue first
        loaded_statuses: Counter[int] = Counter()
        loaded = await _parent(http, web, stop, loaded_statuses)
        await flood
    return "\n".join(
        [
            f"parent alone: {_summary(quiet)}; statuses {dict(quiet_statuses)}",
            f"parent during the flood ({SESSIONS} sessions from one address): {_summary(loaded)};"
            f" statuses {dict(loaded_statuses)}",
            "attacker's messages by HTTP status: "
            + ", ".join(f"{status}: {count}" for status, count in sorted(seen.items())),
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Start the bot, run the flood, print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args(argv)
    model = ensure_model()
    with tempfile.TemporaryDirectory(prefix="starvation-") as state:
        stack = Stack(
            model=model,
            ports=Ports(action=free_port(), rasa=free_port(), web=free_port()),
            env={"PERHEBOTTI_STATE_DIR": state, "PERHEBOTTI_TRUSTED_PROXIES": "127.0.0.1"},
            log_dir=Path(state) / "logs",
        )
        with stack.running():
            print(asyncio.run(_run(stack.ports.web_url, args.seconds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
