"""Where the Rasa server and the action server spend their time under load.

``python -m tools.profile_rasa`` serves Perhebotti the way ``make bench`` does
(:class:`bot.stack.Stack`, a fresh SQLite conversation store), each server ready to be
profiled with :mod:`cProfile`, and keeps conversations in flight with the bench's load
generator (:mod:`tools.bench_load`): 30 conversations for 30 s by default. Only the load is
profiled (not the start, which loads the model): ``SIGUSR1`` starts each server's profiler,
``SIGUSR2`` stops it and writes ``<server>.prof`` into ``--out``. Then it prints each server's
top functions by own time and by cumulative time, as shares of the server's busy time (the time
a Python function of its event loop thread was running). The machine may be busy with other
work, so the shares matter, not the absolute times; ``python -m pstats`` reads the files.

``--no-profile`` serves without the profiler and only measures the load levels; with
``--levels 10 30 --repeat 2`` that is the A/B run that tells whether a change helps. Settings in
the environment reach the servers as in ``make run``, e.g. ``TF_INTRA_OP_PARALLELISM_THREADS``.
``--model`` serves a given model instead of the one for the current inputs (which is trained
when missing).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import os
import pstats
import re
import runpy
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from bot.stack import Ports, Stack
from bot.training import ensure_model
from tools.bench_load import NORMAL_MESSAGE, WEBHOOK, free_port, message_cost, run_load

SERVERS = ("rasa", "actions")


def profiled(command: list[str], output: Path) -> list[str]:
    """Return ``command`` run by :func:`serve_profiled`, which profiles into ``output``.

    Args:
        command: A Python script with its arguments, or ``python`` and its arguments.
        output: Where the statistics go when the process gets ``SIGUSR2``.
    """
    if command[0] == sys.executable:
        command = command[1:]
    return [sys.executable, "-m", "tools.profile_rasa", "--serve", str(output), "--", *command]


def serve_profiled(output: Path, command: list[str]) -> None:
    """Run ``command`` in this process; ``SIGUSR1`` starts profiling, ``SIGUSR2`` writes it.

    Args:
        output: Where the statistics go.
        command: A Python script with its arguments, or ``-m``, a module and its arguments.
    """
    profile = cProfile.Profile()

    def start(signum: int, frame: FrameType | None) -> None:
        profile.enable()

    def stop(signum: int, frame: FrameType | None) -> None:
        profile.disable()
        written = output.with_suffix(".tmp")
        profile.dump_stats(written)
        written.replace(output)  # whole, for the waiting parent

    signal.signal(signal.SIGUSR1, start)
    signal.signal(signal.SIGUSR2, stop)
    if command[0] == "-m":
        sys.argv = command[1:]
        runpy.run_module(command[1], run_name="__main__", alter_sys=True)
    else:
        sys.argv = command
        runpy.run_path(command[0], run_name="__main__")


@dataclass
class ProfiledStack(Stack):
    """The bot's processes, the servers ready to be profiled when ``profile_dir`` is set.

    Args:
        profile_dir: Where each server writes ``<name>.prof``.
    """

    profile_dir: Path | None = None

    def command(self, name: str) -> tuple[list[str], dict[str, str]]:
        """The command line of process ``name``, run by :func:`serve_profiled` if profiling."""
        command, env = super().command(name)
        if self.profile_dir is None:
            return command, env
        return profiled(command, self.profile_dir / f"{name}.prof"), env

    def signal_servers(self, signum: int) -> None:
        """Send ``signum`` to the servers (SIGUSR1 starts profiling, SIGUSR2 writes it)."""
        for name in SERVERS:
            os.kill(self.processes[name].pid, signum)


def top(stats: pstats.Stats, sort: str, count: int) -> str:
    """The ``count`` first functions by ``sort`` (``tottime``, ``cumulative``), with shares.

    Each line gives the function's own and cumulative time as percentages of the busy time
    (the sum of all own times), its number of calls and its place.
    """
    table = stats.stats  # type: ignore[attr-defined]
    busy: float = stats.total_tt  # type: ignore[attr-defined]
    index = {"tottime": 2, "cumulative": 3}[sort]
    rows = sorted(table.items(), key=lambda row: row[1][index], reverse=True)
    lines = [f"{'own %':>6} {'cum %':>6} {'calls':>9}  function"]
    for (filename, line, function), (_, calls, own, cumulative, _) in rows[:count]:
        place = f"{_short(filename)}:{line}({function})" if line else function
        lines.append(f"{100 * own / busy:6.1f} {100 * cumulative / busy:6.1f} {calls:9d}  {place}")
    return "\n".join(lines)


def _short(filename: str) -> str:
    """A source path from its package on (after site-packages or the standard library)."""
    return re.sub(r"^.*/(site-packages|lib/python3\.\d+)/", "", filename)


def summary(path: Path, window: float, count: int) -> str:
    """The busy time and the top functions of one server's statistics file."""
    stats = pstats.Stats(str(path), stream=io.StringIO())
    busy: float = stats.total_tt  # type: ignore[attr-defined]
    return (
        f"{path.stem}: busy {busy:.1f} s of the {window:.1f} s profiled\n"
        f"By own time:\n{top(stats, 'tottime', count)}\n"
        f"By cumulative time:\n{top(stats, 'cumulative', count)}\n"
    )


async def _load(url: str, levels: list[int], repeat: int, seconds: float) -> None:
    for _ in range(repeat):
        for level in levels:
            load = await run_load(url, level, seconds, f"profile-{time.time_ns()}")
            print(
                f"{level:>3} conversations: {load.throughput:5.1f} msg/s, "
                f"p50 {load.percentile(50) * 1000:.0f} ms, p95 {load.percentile(95) * 1000:.0f} ms,"
                f" errors {load.errors}",
                flush=True,
            )


def _wait_for(paths: list[Path], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not all(path.exists() for path in paths):
        if time.monotonic() > deadline:
            raise SystemExit(f"no statistics written: {[str(path) for path in paths]}")
        time.sleep(0.2)


def main(argv: list[str] | None = None) -> int:
    """Serve, load, and print where the time went (or only the load figures)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=30, help="seconds per load level")
    parser.add_argument("--levels", type=int, nargs="+", default=[30], help="conversations")
    parser.add_argument("--repeat", type=int, default=1, help="runs of all levels")
    parser.add_argument("--no-profile", action="store_true", help="measure the load only")
    parser.add_argument("--model", type=Path, help="model to serve (default: current inputs)")
    parser.add_argument("--out", type=Path, help="folder for the statistics and logs")
    parser.add_argument("--top", type=int, default=25, help="functions listed per table")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("command", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        command = args.command[1:] if args.command[:1] == ["--"] else args.command
        serve_profiled(args.serve, command)
        return 0
    work = args.out or Path(tempfile.mkdtemp(prefix="perhebotti-profile-"))
    work.mkdir(parents=True, exist_ok=True)
    stack = ProfiledStack(
        model=args.model or ensure_model(),
        ports=Ports(action=free_port(), rasa=free_port(), web=free_port()),
        env={"PERHEBOTTI_STATE_DIR": str(work / "state")},
        log_dir=work / "logs",
        web=False,
        profile_dir=None if args.no_profile else work,
    )
    outputs = [work / f"{name}.prof" for name in SERVERS]
    with stack.running():
        url = f"{stack.ports.rasa_url}{WEBHOOK}"
        asyncio.run(message_cost(url, NORMAL_MESSAGE, "profile-warmup", repeat=3))
        if not args.no_profile:
            stack.signal_servers(signal.SIGUSR1)
        started = time.monotonic()
        asyncio.run(_load(url, args.levels, args.repeat, args.seconds))
        window = time.monotonic() - started
        if not args.no_profile:
            stack.signal_servers(signal.SIGUSR2)
            _wait_for(outputs)
    if not args.no_profile:
        for path in outputs:
            print(summary(path, window, args.top))
    print(f"Statistics and logs: {work}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
