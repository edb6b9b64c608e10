"""The conversation store: SQLite by default, PostgreSQL from the environment, both real."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa.tracker_store import ConfiguredSQLTrackerStore, database_url
from tests.conftest import free_port

DOMAIN = Domain.from_dict({"slots": {"place": {"type": "text", "mappings": [{"type": "custom"}]}}})


def test_default_is_an_sqlite_file_in_the_state_dir(tmp_path: Path) -> None:
    url = database_url({"PERHEBOTTI_STATE_DIR": str(tmp_path / "state")})
    assert url == f"sqlite:///{tmp_path / 'state' / 'conversations.db'}"
    assert (tmp_path / "state").is_dir()


def test_database_url_from_environment_wins() -> None:
    url = "postgresql://bot:secret@127.0.0.1:5432/perhebotti"
    assert database_url({"PERHEBOTTI_DATABASE_URL": url, "PERHEBOTTI_STATE_DIR": "x"}) == url


def test_a_value_that_is_not_a_url_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="PERHEBOTTI_DATABASE_URL must be a database URL"):
        database_url({"PERHEBOTTI_DATABASE_URL": "localhost"})


async def _round_trip() -> None:
    """Save a conversation with one store, read it back with a new one (a restart)."""
    tracker = DialogueStateTracker.from_events(
        "parent-1", [UserUttered("Asun Laukaassa"), SlotSet("place", "410")], slots=DOMAIN.slots
    )
    await ConfiguredSQLTrackerStore(domain=DOMAIN).save(tracker)
    restored = await ConfiguredSQLTrackerStore(domain=DOMAIN).retrieve("parent-1")
    assert restored is not None
    assert restored.get_slot("place") == "410"
    assert restored.latest_message is not None
    assert restored.latest_message.text == "Asun Laukaassa"


async def test_sqlite_conversations_survive_a_restart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PERHEBOTTI_DATABASE_URL", raising=False)
    monkeypatch.setenv("PERHEBOTTI_STATE_DIR", str(tmp_path))
    await _round_trip()
    assert (tmp_path / "conversations.db").stat().st_size > 0


@pytest.fixture()
def postgres_url() -> Iterator[str]:
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
        url = f"postgresql://bot@127.0.0.1:{port}/postgres"
        yield url
    finally:
        subprocess.run([*server, "-m", "fast", "-w", "stop"], capture_output=True)
        shutil.rmtree(data, ignore_errors=True)


async def test_postgresql_url_switches_the_store(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PERHEBOTTI_DATABASE_URL", postgres_url)
    monkeypatch.setenv("PERHEBOTTI_STATE_DIR", str(tmp_path / "unused"))
    await _round_trip()
    store = ConfiguredSQLTrackerStore(domain=DOMAIN)
    assert store.engine.dialect.name == "postgresql"
    assert not (tmp_path / "unused" / "conversations.db").exists()


async def test_personal_data_is_masked_in_stored_messages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PERHEBOTTI_DATABASE_URL", raising=False)
    monkeypatch.setenv("PERHEBOTTI_STATE_DIR", str(tmp_path))
    typed = "Hetuni on 131052-308T, soita 040 123 4567 tai matti@example.fi"
    tracker = DialogueStateTracker.from_events(
        "parent-2", [UserUttered(typed, parse_data={"text": typed})], slots=DOMAIN.slots
    )
    await ConfiguredSQLTrackerStore(domain=DOMAIN).save(tracker)
    restored = await ConfiguredSQLTrackerStore(domain=DOMAIN).retrieve("parent-2")
    assert restored is not None and restored.latest_message is not None
    expected = "Hetuni on [henkilötunnus], soita [puhelinnumero] tai [sähköposti]"
    assert restored.latest_message.text == expected
    stored = (tmp_path / "conversations.db").read_bytes()
    for secret in (b"131052-308T", b"040 123 4567", b"matti@example.fi"):
        assert secret not in stored
