"""A throw-away PostgreSQL server on loopback, from Debian's binaries, for tests."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import free_port


@dataclass(frozen=True)
class Postgres:
    """A running server: its URL, binaries and port."""

    url: str
    bindir: Path
    port: int

    def dump(self) -> bytes:
        """Everything the server stores, as ``pg_dump`` writes it."""
        command = [str(self.bindir / "pg_dump"), "-h", "127.0.0.1", "-p", str(self.port)]
        return subprocess.run(
            [*command, "-U", "bot", "postgres"], check=True, capture_output=True
        ).stdout


@contextmanager
def throwaway_postgres() -> Iterator[Postgres]:
    """A throw-away PostgreSQL server on a free loopback port (Debian's binaries)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.fail("PostgreSQL is not installed: run scripts/system-deps.sh")
    bindir = Path(found[-1]).parent
    # Not under pytest's tmp_path: its parents are private to this user, and as root the
    # server must run as the postgres user (PostgreSQL refuses to run as root).
    data = Path(tempfile.mkdtemp(prefix="perhebotti-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(data, "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    subprocess.run(
        [*run_as, str(bindir / "initdb"), "-D", str(data), "-U", "bot", "--auth=trust"],
        check=True,
        capture_output=True,
    )
    server = [*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(data / "server.log")]
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1"
    subprocess.run([*server, "-o", options, "-w", "start"], check=True, capture_output=True)
    try:
        yield Postgres(f"postgresql://bot@127.0.0.1:{port}/postgres", bindir, port)
    finally:
        subprocess.run([*server, "-m", "fast", "-w", "stop"], capture_output=True)
        shutil.rmtree(data, ignore_errors=True)
