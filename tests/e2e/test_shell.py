"""Staff shell mode: `python -m bot shell` (what `make shell` runs) in a real terminal."""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import socket
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from bot.paths import PROJECT_ROOT
from tests.conftest import free_port

pytestmark = pytest.mark.e2e

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\r")


def read_until(fd: int, pattern: str, seen: list[str], timeout: float) -> str:
    """Read the terminal until the pattern shows (ANSI codes removed) or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = ANSI.sub("", "".join(seen))
        if re.search(pattern, text):
            return text
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                seen.append(os.read(fd, 65536).decode(errors="replace"))
            except OSError:
                break
    raise AssertionError(f"{pattern!r} did not appear; the terminal showed:\n{text[-3000:]}")


def test_staff_can_ask_in_the_shell(trained_model: Path, tmp_path: Path) -> None:
    action_port = free_port()
    env = {
        **os.environ,
        "TERM": "xterm",
        "PERHEBOTTI_ACTION_PORT": str(action_port),
        "PERHEBOTTI_RASA_PORT": str(free_port()),
        "PERHEBOTTI_STATE_DIR": str(tmp_path),
    }
    controller, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 250, 0, 0))
    shell = subprocess.Popen(
        [sys.executable, "-m", "bot", "shell"],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        cwd=PROJECT_ROOT,
        env=env,
        start_new_session=True,
    )
    os.close(terminal)
    seen: list[str] = []
    try:
        read_until(controller, r"Your input ->", seen, timeout=240)
        os.write(controller, "Mitä palveluita Laukaan HyPessä on?\r".encode())
        answer = read_until(controller, r"Type out your own message", seen, timeout=60)
        assert "Laukaan lasten ja nuorten hyvinvointi- ja perhekeskus" in answer
        assert "lääkärin palvelut" in answer
        assert "1: Kohtaamispaikat (/ask_meeting_places)" in answer
        seen.clear()
        os.write(controller, b"\r")  # the first button: the place is remembered
        pattern = r"kohtaamispaikkoja kunnassa Laukaa[\s\S]*Type out your own message"
        read_until(controller, pattern, seen, timeout=60)
        seen.clear()
        os.write(controller, b"\x1b[B\x1b[B\r")  # down to "Type out your own message"
        read_until(controller, r"Your input ->", seen, timeout=30)
        os.write(controller, b"/stop\r")
        assert shell.wait(timeout=60) == 0
    finally:
        if shell.poll() is None:
            os.killpg(shell.pid, signal.SIGKILL)
            shell.wait()
        os.close(controller)
    # the action server started for the shell is stopped with it
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", action_port), timeout=2).close()
