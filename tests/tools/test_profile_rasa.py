"""The profiling tool: its commands, its profiler switched by signals, its tables (no servers)."""

from __future__ import annotations

import cProfile
import io
import pstats
import signal
import subprocess
import sys
import time
from pathlib import Path

from bot.paths import PROJECT_ROOT
from bot.stack import Stack
from tools.profile_rasa import ProfiledStack, profiled, summary, top


def test_a_script_and_a_module_both_run_under_the_profiling_wrapper(tmp_path: Path) -> None:
    out = tmp_path / "rasa.prof"
    assert profiled(["/venv/bin/rasa", "run"], out) == [
        sys.executable, "-m", "tools.profile_rasa", "--serve", str(out), "--",
        "/venv/bin/rasa", "run",
    ]  # fmt: skip
    assert profiled([sys.executable, "-m", "bot.rasa.actions_server"], out)[-3:] == [
        "--", "-m", "bot.rasa.actions_server",
    ]  # fmt: skip


def test_the_stack_runs_the_servers_profiled_only_when_asked(tmp_path: Path) -> None:
    plain = Stack(model=tmp_path / "model.tar.gz").command("rasa")
    assert ProfiledStack(model=tmp_path / "model.tar.gz").command("rasa") == plain
    command, _ = ProfiledStack(model=tmp_path / "model.tar.gz", profile_dir=tmp_path).command(
        "actions"
    )
    assert command[:6] == [
        sys.executable, "-m", "tools.profile_rasa", "--serve", str(tmp_path / "actions.prof"),
        "--",
    ]  # fmt: skip


def busy_loop() -> None:
    total = 0
    for number in range(200_000):
        total += number * number


def test_the_tables_give_shares_of_the_busy_time() -> None:
    profile = cProfile.Profile()
    profile.runcall(busy_loop)
    stats = pstats.Stats(profile, stream=io.StringIO())
    own = top(stats, "tottime", 3).splitlines()
    assert own[0].split() == ["own", "%", "cum", "%", "calls", "function"]
    assert own[1].endswith("(busy_loop)")
    assert float(own[1].split()[0]) > 50
    cumulative = top(stats, "cumulative", 1).splitlines()
    assert len(cumulative) == 2 and float(cumulative[1].split()[1]) > 99


def wait_for(path: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert time.monotonic() < deadline, f"{path.name} did not appear"
        time.sleep(0.05)


def test_the_wrapper_profiles_between_the_two_signals(tmp_path: Path) -> None:
    script = tmp_path / "server.py"
    script.write_text(
        "import pathlib, time\n"
        "pathlib.Path(__file__).with_suffix('.started').touch()\n"
        "def work():\n"
        "    return sum(n * n for n in range(20_000))\n"
        "deadline = time.monotonic() + 20\n"
        "while time.monotonic() < deadline:\n"
        "    work()\n"
        "    time.sleep(0.001)\n"
    )
    out = tmp_path / "server.prof"
    process = subprocess.Popen(profiled([str(script)], out), cwd=PROJECT_ROOT)
    try:
        wait_for(tmp_path / "server.started")  # the wrapper's handlers are in place
        process.send_signal(signal.SIGUSR1)
        time.sleep(0.5)
        process.send_signal(signal.SIGUSR2)
        wait_for(out)
    finally:
        process.kill()
        process.wait()
    text = summary(out, window=0.5, count=5)
    assert text.startswith("server: busy ")
    assert "server.py:3(work)" in text
