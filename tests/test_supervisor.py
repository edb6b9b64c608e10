"""Supervision: a child that ends is started again with backoff; the others keep running."""

from __future__ import annotations

import io
import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.stack import Stack
from bot.supervisor import Supervisor

SLEEPER = [sys.executable, "-c", "import time; time.sleep(120)"]
CRASHER = [sys.executable, "-c", "raise SystemExit(3)"]


class FakeStack(Stack):
    """A stack whose processes are small Python programs instead of the servers."""

    commands: dict[str, list[str]]

    def command(self, name: str) -> tuple[list[str], dict[str, str]]:
        return self.commands[name], {}


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[FakeStack]:
    fake = FakeStack(model=tmp_path / "unused.tar.gz", log_dir=tmp_path)
    fake.commands = {"actions": SLEEPER, "rasa": SLEEPER, "web": SLEEPER}
    for name in fake.commands:
        fake.respawn(name)
    yield fake
    fake.stop(timeout=5)


def _wait_ended(stack: Stack, name: str) -> None:
    deadline = time.monotonic() + 10
    while stack.processes[name].poll() is None:
        assert time.monotonic() < deadline, f"{name} did not end"
        time.sleep(0.02)


def test_a_killed_child_is_restarted_and_the_others_keep_running(stack: FakeStack) -> None:
    clock, out = Clock(), io.StringIO()
    supervisor = Supervisor(stack, clock=clock, out=out)
    supervisor.check()
    before = {name: process.pid for name, process in stack.processes.items()}

    os.killpg(before["actions"], signal.SIGKILL)
    _wait_ended(stack, "actions")
    supervisor.check()
    assert "actions stopped unexpectedly (exit -9); restarting in 1 s" in out.getvalue()
    assert stack.processes["actions"].pid == before["actions"]  # not before the delay

    clock.now = 1.0
    supervisor.check()
    after = {name: process.pid for name, process in stack.processes.items()}
    assert after["actions"] != before["actions"]
    assert stack.processes["actions"].poll() is None
    assert after["rasa"] == before["rasa"] and after["web"] == before["web"]
    assert all(process.poll() is None for process in stack.processes.values())
    assert supervisor.restarts == {"actions": 1}


def test_a_child_that_keeps_crashing_waits_longer_each_time(stack: FakeStack) -> None:
    clock, out = Clock(), io.StringIO()
    supervisor = Supervisor(stack, clock=clock, out=out, max_delay=4, stable_after=30)
    stack.commands["rasa"] = CRASHER
    os.killpg(stack.processes["rasa"].pid, signal.SIGKILL)
    delays = []
    for _ in range(5):
        _wait_ended(stack, "rasa")
        supervisor.check()
        due = supervisor._due["rasa"]
        delays.append(due - clock.now)
        clock.now = due
        supervisor.check()  # restarts it; it crashes again
    assert delays == [1, 2, 4, 4, 4]
    assert supervisor.restarts == {"rasa": 5}
    assert stack.processes["web"].poll() is None  # the gateway kept running throughout

    stack.commands["rasa"] = SLEEPER  # fixed: it stays up, and its backoff resets
    _wait_ended(stack, "rasa")
    supervisor.check()
    clock.now = supervisor._due["rasa"]
    supervisor.check()
    clock.now += 31
    supervisor.check()
    clock.now += 1
    supervisor.check()
    assert "rasa" not in supervisor._delay
    os.killpg(stack.processes["rasa"].pid, signal.SIGKILL)
    _wait_ended(stack, "rasa")
    supervisor.check()
    assert supervisor._due["rasa"] - clock.now == 1


def test_a_restart_that_cannot_start_is_tried_again(stack: FakeStack) -> None:
    clock, out = Clock(), io.StringIO()
    supervisor = Supervisor(stack, clock=clock, out=out)
    stack.commands["web"] = ["/nonexistent/python"]
    os.killpg(stack.processes["web"].pid, signal.SIGKILL)
    _wait_ended(stack, "web")
    supervisor.check()
    clock.now = 1
    supervisor.check()
    assert "could not restart web" in out.getvalue()
    assert supervisor._due["web"] == 3


def test_stack_runs_the_guarded_action_server_with_a_token(tmp_path: Path) -> None:
    first = Stack(model=tmp_path / "m.tar.gz")
    second = Stack(model=tmp_path / "m.tar.gz")
    assert len(first.action_token) >= 32 and first.action_token != second.action_token
    assert first.environment["PERHEBOTTI_ACTION_TOKEN"] == first.action_token
    command, _ = first.command("actions")
    assert command[1:3] == ["-m", "bot.rasa.actions_server"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PERHEBOTTI_ACTION_TOKEN", "given-secret")
        assert Stack(model=tmp_path / "m.tar.gz").action_token == "given-secret"
