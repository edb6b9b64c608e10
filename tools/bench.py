"""``make bench``: Perhebotti beside stock Rasa under the same load, on loopback.

In one run, with one load generator (:mod:`tools.bench_load`), it

1. trains a stock ``rasa init --no-prompt`` bot in a temporary folder and Perhebotti's model
   from scratch (into a temporary folder; ``models/`` is left alone), timing both;
2. serves each bot alone, the way ``make run`` serves Perhebotti (``rasa run`` with the REST
   channel on loopback; Perhebotti with its action server), one after the other;
3. measures p50/p95/p99 latency and messages per second with 1, 10 and 30 conversations in
   flight, the cost of a 1,000-character message of unknown words against a normal one, and
   the peak resident memory of every process;
4. prints a Markdown report and writes it into ``docs/benchmarks.md`` between
   ``<!-- bench:start -->`` and ``<!-- bench:end -->`` (appended when the markers are missing).

Settings in the environment reach Perhebotti's processes as in ``make run`` (e.g.
``SANIC_WORKERS`` with ``PERHEBOTTI_LOCK_STORE_URL``). ``--skip-training`` serves the current
model and a stock bot already trained in ``--stock-dir`` instead (no training times then).
Where the servers spend their time under the same load: ``python -m tools.profile_rasa``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import rasa

from bot.paths import PROJECT_ROOT
from bot.stack import SERVER_TIMEOUTS, Ports, Stack
from bot.training import QUIET_ENV, RASA, ensure_model
from tools.bench_load import (
    NORMAL_MESSAGE,
    WEBHOOK,
    LoadResult,
    PeakMemory,
    free_port,
    machine,
    message_cost,
    run_load,
    unknown_words,
)

REPORT = PROJECT_ROOT / "docs" / "benchmarks.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
LEVELS = (1, 10, 30)


@dataclass
class BotResult:
    """What was measured for one bot."""

    name: str
    training: float | None = None
    loads: list[LoadResult] = field(default_factory=list)
    normal: float = float("nan")
    long: float = float("nan")
    memory: dict[str, int] = field(default_factory=dict)


def _timed(command: list[str], cwd: Path, log: Path) -> float:
    started = time.monotonic()
    with log.open("ab") as output:
        result = subprocess.run(
            command, cwd=cwd, env={**os.environ, **QUIET_ENV}, stdout=output, stderr=output
        )
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command[:2])} failed; see {log}")
    return time.monotonic() - started


def _wait_until_up(process: subprocess.Popen[bytes], url: str, timeout: float = 300) -> None:
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"stock Rasa exited with code {process.returncode}")
        with (
            contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError),
            urllib.request.urlopen(url, timeout=2),
        ):
            return
        time.sleep(0.5)
    raise SystemExit(f"stock Rasa did not answer at {url} within {timeout:.0f} s")


@contextlib.contextmanager
def _stock_server(folder: Path, port: int, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """Serve the stock bot in ``folder`` like Perhebotti's Rasa: REST channel on loopback."""
    model = max((folder / "models").glob("*.tar.gz"), key=lambda path: path.stat().st_mtime)
    command = [RASA, "run", "--model", str(model), "--interface", "127.0.0.1",
               "--port", str(port), "--credentials", "credentials.yml"]  # fmt: skip
    with log.open("ab") as output:
        process = subprocess.Popen(
            command,
            cwd=folder,
            env={**os.environ, **QUIET_ENV, **SERVER_TIMEOUTS},
            stdout=output,
            stderr=output,
        )
    try:
        _wait_until_up(process, f"http://127.0.0.1:{port}/webhooks/rest/")
        yield process
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def _measure(result: BotResult, url: str, pids: dict[str, int], seconds: float) -> None:
    memory = PeakMemory(pids)
    watcher = asyncio.create_task(memory.watch())
    try:
        await message_cost(url, NORMAL_MESSAGE, f"{result.name}-warmup", repeat=3)
        for level in LEVELS:
            load = await run_load(url, level, seconds, f"{result.name}-{time.time_ns()}")
            result.loads.append(load)
            print(
                f"  {result.name:<11} {level:>2} conversations: {load.throughput:5.1f} msg/s, "
                f"p95 {load.percentile(95):.2f} s, errors {load.errors}",
                file=sys.stderr,
            )
        result.normal = await message_cost(url, NORMAL_MESSAGE, f"{result.name}-normal")
        result.long = await message_cost(url, unknown_words(1000), f"{result.name}-long")
    finally:
        watcher.cancel()
        memory.sample()
    result.memory = memory.peaks


def bench_perhebotti(work: Path, seconds: float, skip_training: bool) -> BotResult:
    """Train (unless skipped) and serve Perhebotti alone; measure it."""
    result = BotResult("Perhebotti")
    if skip_training:
        model = ensure_model()
    else:
        print("Training Perhebotti from scratch ...", file=sys.stderr)
        started = time.monotonic()
        with (work / "train-perhebotti.log").open("w") as log:
            model = ensure_model(work / "models", log=log)
        result.training = time.monotonic() - started
    stack = Stack(
        model=model,
        ports=Ports(action=free_port(), rasa=free_port(), web=free_port()),
        env={"PERHEBOTTI_STATE_DIR": str(work / "state")},
        log_dir=work / "logs",
        web=False,
    )
    with stack.running():
        pids = {f"{name} server": process.pid for name, process in stack.processes.items()}
        asyncio.run(_measure(result, f"{stack.ports.rasa_url}{WEBHOOK}", pids, seconds))
    return result


def bench_stock(work: Path, stock_dir: Path | None, seconds: float) -> BotResult:
    """Create and train (unless given) a ``rasa init`` bot and serve it alone; measure it."""
    result = BotResult("stock Rasa")
    if stock_dir is None:
        print("Creating and training a stock rasa init bot ...", file=sys.stderr)
        stock_dir = work / "stock"
        stock_dir.mkdir()
        command = [RASA, "init", "--no-prompt", "--init-dir", str(stock_dir)]
        result.training = _timed(command, stock_dir, work / "train-stock.log")
    port = free_port()
    with _stock_server(stock_dir, port, work / "logs" / "stock.log") as process:
        url = f"http://127.0.0.1:{port}{WEBHOOK}"
        asyncio.run(_measure(result, url, {"rasa server": process.pid}, seconds))
    return result


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB"


def _met(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def report(ours: BotResult, stock: BotResult, seconds: float) -> str:
    """The Markdown section: machine, tables, and the targets as ratios to stock Rasa."""
    info = machine()
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    workers = os.environ.get("SANIC_WORKERS", "1")
    lines = [
        START,
        "## Perhebotti beside stock Rasa (`make bench`)",
        "",
        f"Run {today} on {info['cpu']}, {info['cores']} cores, {info['memory']} RAM; Python "
        f"{platform.python_version()}, Rasa {rasa.__version__}; Rasa Sanic workers: {workers}. "
        f"Loopback, one aiohttp load generator, each bot served alone through the REST channel, "
        f"{seconds:.0f} s per level; stock Rasa is a `rasa init --no-prompt` bot (in-memory "
        "tracker store, no action server) given the same Finnish parent messages. Other work "
        "may have been running on the machine.",
        "",
        "| bot | conversations | msg/s | p50 | p95 | p99 | errors |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for bot in (ours, stock):
        for load in bot.loads:
            lines.append(
                f"| {bot.name} | {load.concurrency} | {load.throughput:.1f} | "
                f"{_ms(load.percentile(50))} | {_ms(load.percentile(95))} | "
                f"{_ms(load.percentile(99))} | {load.errors} |"
            )
    lines += [
        "",
        "| bot | normal message | 1,000 characters of unknown words | ratio | peak RSS | "
        "training from scratch |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for bot in (ours, stock):
        rss = ", ".join(f"{name} {_mb(size)}" for name, size in bot.memory.items())
        training = f"{bot.training:.0f} s" if bot.training is not None else "not measured"
        lines.append(
            f"| {bot.name} | {_ms(bot.normal)} | {_ms(bot.long)} | {bot.long / bot.normal:.1f}× "
            f"| {rss} | {training} |"
        )
    top_ours, top_stock = ours.loads[-1], stock.loads[-1]
    throughput = top_ours.throughput / top_stock.throughput
    p95 = top_ours.percentile(95) / top_stock.percentile(95)
    rss_ours = ours.memory.get("rasa server", 0)
    rss_ratio = rss_ours / stock.memory["rasa server"]
    long_ratio = ours.long / ours.normal
    level = top_ours.concurrency
    lines += [
        "",
        f"Targets (ratios to stock Rasa in this run, at {level} conversations):",
        "",
        f"- throughput ≥ 2× stock: {throughput:.2f}× — {_met(throughput >= 2)}",
        f"- p95 ≤ stock p95: {p95:.2f}× — {_met(p95 <= 1)}",
        f"- Rasa server RSS ≤ stock: {rss_ratio:.2f}× — {_met(rss_ratio <= 1)} "
        f"(Perhebotti's action server adds {_mb(ours.memory.get('actions server', 0))})",
        f"- 1,000-character message ≤ 2× a normal one: {long_ratio:.1f}× — "
        f"{_met(long_ratio <= 2)}",
        END,
    ]
    return "\n".join(lines) + "\n"


def write_report(section: str, path: Path = REPORT) -> None:
    """Replace the marked section of ``path`` (or append it)."""
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END) + r"\n?", re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: section, text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the report and record it in docs/benchmarks.md."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20, help="seconds per load level")
    parser.add_argument("--skip-training", action="store_true", help="serve existing models")
    parser.add_argument("--stock-dir", type=Path, help="a trained rasa init bot to reuse")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    if args.skip_training and args.stock_dir is None:
        parser.error("--skip-training needs --stock-dir")
    work = Path(tempfile.mkdtemp(prefix="perhebotti-bench-"))
    try:
        ours = bench_perhebotti(work, args.seconds, args.skip_training)
        stock = bench_stock(work, args.stock_dir, args.seconds)
    except BaseException:
        print(f"The benchmark stopped; its logs are in {work}", file=sys.stderr)
        raise
    shutil.rmtree(work, ignore_errors=True)
    section = report(ours, stock, args.seconds)
    print(section)
    if not args.no_write:
        write_report(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
