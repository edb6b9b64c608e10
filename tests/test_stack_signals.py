"""Stopping ``bot run``: repeated signals do not leave servers behind, nor does a SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from bot.paths import PROJECT_ROOT
from bot.stack import Stack, _interrupt

#: A child that takes a second to stop after SIGTERM, like a server finishing requests.
SLOW_TO_STOP = (
    "import signal, sys, time\n"
    "signal.signal(signal.SIGTERM, lambda *_: (time.sleep(1.0), sys.exit(0)))\n"
    "print('ready', flush=True)\n"
    "time.sleep(120)\n"
)


def _gone(pid: int) -> bool:
    """Whether the process has ended (a zombie waiting for its reaper counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "State:\tZ" in state


def _wait_gone(pid: int, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _gone(pid):
            return True
        time.sleep(0.1)
    return False


def test_stop_is_not_interrupted_by_more_signals(tmp_path: Path) -> None:
    stack = Stack(model=tmp_path / "unused.tar.gz", log_dir=tmp_path)
    for name in ("actions", "rasa"):
        stack._spawn(name, [sys.executable, "-c", SLOW_TO_STOP])
    pids = [process.pid for process in stack.processes.values()]
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(
        "ready" not in (tmp_path / f"{name}.log").read_text() for name in ("actions", "rasa")
    ):
        time.sleep(0.05)

    previous = signal.signal(signal.SIGTERM, _interrupt)

    def more_signals() -> None:  # a group SIGTERM and a double Ctrl-C while stopping
        time.sleep(0.3)
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGINT):
            os.kill(os.getpid(), sig)
            time.sleep(0.1)

    sender = threading.Thread(target=more_signals)
    try:
        sender.start()
        stack.stop()  # must not raise KeyboardInterrupt
        sender.join()
        assert signal.getsignal(signal.SIGTERM) is _interrupt  # handlers are restored
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert stack.processes == {}
    assert all(_gone(pid) for pid in pids)
    stack.stop()  # idempotent


def test_children_die_when_bot_run_is_killed(tmp_path: Path) -> None:
    parent = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from bot.stack import Stack
        stack = Stack(model=Path("unused.tar.gz"), log_dir=Path({str(tmp_path)!r}))
        stack._spawn("rasa", [sys.executable, "-c", "import time; time.sleep(120)"])
        print(stack.processes["rasa"].pid, flush=True)
        time.sleep(120)
        """
    )
    process = subprocess.Popen(
        [sys.executable, "-c", parent], cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    child = int(process.stdout.readline())
    assert not _gone(child)
    process.kill()
    process.wait()
    if not _wait_gone(child):
        os.killpg(child, signal.SIGKILL)
        pytest.fail("the child outlived its killed parent")
