"""`make run` and `make shell` (``python -m bot run | shell``) in a real terminal."""

from __future__ import annotations

import fcntl
import json
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
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bot.paths import PROJECT_ROOT
from tests.conftest import free_port, free_ports

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


def _own_terminal() -> None:
    """In the child: a new session whose controlling terminal is the pty (Ctrl-C works)."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


@contextmanager
def terminal_running(
    command: list[str], env: dict[str, str]
) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    """Run a command in a pseudo-terminal of 250 columns; kill it if it is still running."""
    controller, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 250, 0, 0))
    process = subprocess.Popen(
        command,
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        cwd=PROJECT_ROOT,
        env={**os.environ, "TERM": "xterm", **env},
        preexec_fn=_own_terminal,
    )
    os.close(terminal)
    try:
        yield controller, process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)  # lets the command stop its servers
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        os.close(controller)


def assert_closed(*ports: int) -> None:
    for port in ports:
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_run_answers_over_rest_and_ctrl_c_stops_everything(
    trained_model: Path, tmp_path: Path
) -> None:
    ports = free_ports()
    env = {
        "PERHEBOTTI_ACTION_PORT": str(ports.action),
        "PERHEBOTTI_RASA_PORT": str(ports.rasa),
        "PERHEBOTTI_WEB_PORT": str(ports.web),
        "PERHEBOTTI_STATE_DIR": str(tmp_path),
    }
    seen: list[str] = []
    with terminal_running([sys.executable, "-m", "bot", "run"], env) as (controller, process):
        shown = read_until(controller, r"Press Ctrl-C to stop", seen, timeout=240)
        assert f"chat page         {ports.web_url}/" in shown
        request = urllib.request.Request(
            f"{ports.rasa_url}/webhooks/rest/webhook",
            data=json.dumps(
                {"sender": "t", "message": "Mitä palveluita Laukaan HyPessä on?"}
            ).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            replies = json.loads(response.read())
        assert "Laukaan lasten ja nuorten hyvinvointi- ja perhekeskus" in replies[0]["text"]
        os.write(controller, b"\x03")  # Ctrl-C
        assert process.wait(timeout=60) == 0
    assert_closed(ports.action, ports.rasa, ports.web)


def test_staff_can_ask_in_the_shell(trained_model: Path, tmp_path: Path) -> None:
    action_port = free_port()
    env = {
        "PERHEBOTTI_ACTION_PORT": str(action_port),
        "PERHEBOTTI_RASA_PORT": str(free_port()),
        "PERHEBOTTI_STATE_DIR": str(tmp_path),
    }
    seen: list[str] = []
    with terminal_running([sys.executable, "-m", "bot", "shell"], env) as (controller, shell):
        read_until(controller, r"Your input ->", seen, timeout=240)
        os.write(controller, "Mitä palveluita Laukaan HyPessä on?\r".encode())
        answer = read_until(controller, r"Type out your own message", seen, timeout=60)
        assert "Laukaan lasten ja nuorten hyvinvointi- ja perhekeskus" in answer
        assert "lääkärin palvelut" in answer
        assert "3: Kohtaamispaikat (/ask_meeting_places)" in answer
        seen.clear()
        # The third button (after 👍 and 👎): the place is remembered.
        os.write(controller, b"\x1b[B\x1b[B\r")
        pattern = r"kohtaamispaikkoja kunnassa Laukaa[\s\S]*Type out your own message"
        read_until(controller, pattern, seen, timeout=60)
        seen.clear()
        # Down past 👍, 👎 and the two next steps to "Type out your own message".
        os.write(controller, b"\x1b[B\x1b[B\x1b[B\x1b[B\r")
        read_until(controller, r"Your input ->", seen, timeout=30)
        os.write(controller, b"/stop\r")
        assert shell.wait(timeout=60) == 0
    assert_closed(action_port)  # the action server started for the shell stops with it
