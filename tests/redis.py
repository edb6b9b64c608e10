"""A throw-away Redis server on loopback, from Debian's ``redis-server``, for tests."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import free_port


@dataclass(frozen=True)
class Redis:
    """A running server: its URL and port."""

    url: str
    port: int


def _wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"redis-server exited with code {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"redis-server did not answer on port {port} within {timeout:.0f} s")


@contextmanager
def throwaway_redis() -> Iterator[Redis]:
    """A throw-away Redis server on a free loopback port, without persistence."""
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not Path(binary).exists():
        pytest.fail("redis-server is not installed: run scripts/system-deps.sh")
    data = Path(tempfile.mkdtemp(prefix="perhebotti-redis-"))
    port = free_port()
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(data),
               "--save", "", "--appendonly", "no", "--daemonize", "no",
               "--logfile", str(data / "redis.log")]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(port, process, timeout=15)
        yield Redis(f"redis://127.0.0.1:{port}/0", port)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(data, ignore_errors=True)
