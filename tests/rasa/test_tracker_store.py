"""The conversation store: SQLite by default, PostgreSQL from the environment, both real."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy import parse_duration
from bot.rasa.tracker_store import (
    ConfiguredSQLTrackerStore,
    Purged,
    database_url,
    is_sqlite_file,
    purge,
)
from bot.settings import DatabaseSettings
from tests.postgres import throwaway_postgres

DOMAIN = Domain.from_dict({"slots": {"place": {"type": "text", "mappings": [{"type": "custom"}]}}})


def test_default_is_an_sqlite_file_in_the_state_dir(tmp_path: Path) -> None:
    url = database_url(DatabaseSettings.from_env({"PERHEBOTTI_STATE_DIR": str(tmp_path / "state")}))
    assert url == f"sqlite:///{tmp_path / 'state' / 'conversations.db'}"
    assert (tmp_path / "state").is_dir()


def test_database_url_from_environment_wins() -> None:
    url = "postgresql://bot:secret@127.0.0.1:5432/perhebotti"
    settings = DatabaseSettings.from_env(
        {"PERHEBOTTI_DATABASE_URL": url, "PERHEBOTTI_STATE_DIR": "x"}
    )
    assert database_url(settings) == url


def test_a_value_that_is_not_a_url_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="PERHEBOTTI_DATABASE_URL must be a database URL"):
        DatabaseSettings.from_env({"PERHEBOTTI_DATABASE_URL": "localhost"})


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


@pytest.fixture()
def sqlite_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default store: an SQLite file in a throw-away state folder."""
    monkeypatch.delenv("PERHEBOTTI_DATABASE_URL", raising=False)
    monkeypatch.setenv("PERHEBOTTI_STATE_DIR", str(tmp_path))
    return tmp_path


async def test_sqlite_conversations_survive_a_restart(sqlite_state: Path) -> None:
    await _round_trip()
    assert (sqlite_state / "conversations.db").stat().st_size > 0


async def test_sqlite_keeps_a_write_ahead_log(sqlite_state: Path) -> None:
    await _round_trip()
    store = ConfiguredSQLTrackerStore(domain=DOMAIN)
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


@pytest.mark.parametrize(
    ("url", "file"),
    [
        ("sqlite:////srv/perhebotti/conversations.db", True),
        ("sqlite:///relative.db", True),
        ("sqlite://", False),
        ("sqlite:///:memory:", False),
        ("postgresql://bot:secret@127.0.0.1:5432/perhebotti", False),
    ],
)
def test_only_an_sqlite_file_gets_the_pooled_engine(url: str, file: bool) -> None:
    assert is_sqlite_file(url) is file


@pytest.fixture()
def postgres_url() -> Iterator[str]:
    """A throw-away PostgreSQL server on a free loopback port (Debian's binaries)."""
    with throwaway_postgres() as server:
        yield server.url


async def test_postgresql_url_switches_the_store(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PERHEBOTTI_DATABASE_URL", postgres_url)
    monkeypatch.setenv("PERHEBOTTI_STATE_DIR", str(tmp_path / "unused"))
    await _round_trip()
    store = ConfiguredSQLTrackerStore(domain=DOMAIN)
    assert store.engine.dialect.name == "postgresql"
    assert not (tmp_path / "unused" / "conversations.db").exists()


def _event_time(days_ago: float) -> float:
    return time.time() - days_ago * 86400


async def _save_old_and_new() -> None:
    """One conversation from 100 days ago, one that started then and goes on, one from today."""
    old = DialogueStateTracker.from_events(
        "old-parent",
        [UserUttered("vanha salaisuus", timestamp=_event_time(100))],
        slots=DOMAIN.slots,
    )
    ongoing = DialogueStateTracker.from_events(
        "ongoing-parent",
        [
            UserUttered("alkuperäinen kysymys", timestamp=_event_time(100)),
            UserUttered("uusi kysymys", timestamp=_event_time(1)),
        ],
        slots=DOMAIN.slots,
    )
    new = DialogueStateTracker.from_events(
        "new-parent", [UserUttered("tuore kysymys")], slots=DOMAIN.slots
    )
    store = ConfiguredSQLTrackerStore(domain=DOMAIN)
    for tracker in (old, ongoing, new):
        await store.save(tracker)


async def _texts(sender: str) -> list[str]:
    tracker = await ConfiguredSQLTrackerStore(domain=DOMAIN).retrieve(sender)
    if tracker is None:
        return []
    return [event.text or "" for event in tracker.events if isinstance(event, UserUttered)]


async def _check_purge(url: str) -> None:
    await _save_old_and_new()
    purged = purge(url, before=_event_time(90))
    assert purged == Purged(events=2, conversations=1)
    assert await _texts("old-parent") == []
    assert await _texts("ongoing-parent") == ["uusi kysymys"]
    assert await _texts("new-parent") == ["tuore kysymys"]
    assert purge(url, before=_event_time(90)) == Purged(0, 0)


async def test_purge_sqlite_deletes_old_events_from_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PERHEBOTTI_DATABASE_URL", raising=False)
    monkeypatch.setenv("PERHEBOTTI_STATE_DIR", str(tmp_path))
    await _check_purge(database_url(DatabaseSettings.from_env()))
    # The database file and its write-ahead log (-wal, -shm) when there is one.
    stored = b"".join(path.read_bytes() for path in tmp_path.glob("conversations.db*"))
    assert b"vanha salaisuus" not in stored
    assert "alkuperäinen".encode() not in stored
    assert b"kysymys" in stored
    assert b"uusi kysymys" in stored


async def test_purge_postgresql(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERHEBOTTI_DATABASE_URL", postgres_url)
    await _check_purge(postgres_url)


def test_purge_of_an_empty_database_is_a_no_op(tmp_path: Path) -> None:
    assert purge(f"sqlite:///{tmp_path / 'none.db'}", before=time.time()) == Purged(0, 0)


async def test_purge_command_default_is_90_days(tmp_path: Path) -> None:
    env = {**os.environ, "PERHEBOTTI_STATE_DIR": str(tmp_path)}
    env.pop("PERHEBOTTI_DATABASE_URL", None)
    old = DialogueStateTracker.from_events(
        "p", [UserUttered("vanha", timestamp=_event_time(91))], slots=DOMAIN.slots
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PERHEBOTTI_STATE_DIR", str(tmp_path))
        patch.delenv("PERHEBOTTI_DATABASE_URL", raising=False)
        await ConfiguredSQLTrackerStore(domain=DOMAIN).save(old)
    command = [sys.executable, "-m", "bot", "privacy", "purge"]
    kept = subprocess.run(
        [*command, "--older-than", "92d"], env=env, capture_output=True, text=True
    )
    assert kept.returncode == 0, kept.stderr
    assert kept.stdout.startswith("deleted 0 events")
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "deleted 1 events; 1 conversations removed entirely" in done.stdout
    bad = subprocess.run([*command, "--older-than", "soon"], env=env, capture_output=True)
    assert bad.returncode == 2


@pytest.mark.parametrize(("text", "seconds"), [("90d", 90 * 86400), ("12h", 43200), ("5s", 5)])
def test_parse_duration(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "90", "d", "-1d", "1w", "1.5d"])
def test_parse_duration_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration(text)


async def test_saving_the_tracker_read_needs_no_count_and_stores_each_event_once(
    sqlite_state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ConfiguredSQLTrackerStore(domain=DOMAIN)
    await store.save(
        DialogueStateTracker.from_events("parent-2", [UserUttered("hei")], slots=DOMAIN.slots)
    )
    tracker = await store.retrieve("parent-2")
    assert tracker is not None

    def no_count(*args: object) -> None:
        raise AssertionError("the stored events were counted")

    monkeypatch.setattr(SQLTrackerStore, "_additional_events", no_count)
    tracker.update(UserUttered("Asun Laukaassa"))
    await store.save(tracker)
    # A new session started while the message was handled, and the tracker is saved twice.
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    await store.save(tracker)
    tracker.update(SlotSet("place", "410"))
    await store.save(tracker)

    everything = await ConfiguredSQLTrackerStore(domain=DOMAIN).retrieve_full_tracker("parent-2")
    assert everything is not None
    assert [event.as_dict()["event"] for event in everything.events] == [
        "user",
        "user",
        "action",
        "session_started",
        "slot",
    ]


async def test_a_tracker_not_read_from_the_store_is_counted(sqlite_state: Path) -> None:
    store = ConfiguredSQLTrackerStore(domain=DOMAIN)
    events = [UserUttered("hei")]
    await store.save(DialogueStateTracker.from_events("parent-3", events, slots=DOMAIN.slots))
    # Another object with the same events and one more (as Rasa's API builds them).
    events.append(UserUttered("Asun Laukaassa"))
    other = DialogueStateTracker.from_events("parent-3", events, slots=DOMAIN.slots)
    await ConfiguredSQLTrackerStore(domain=DOMAIN).save(other)
    restored = await store.retrieve("parent-3")
    assert restored is not None
    assert [e.text for e in restored.events if isinstance(e, UserUttered)] == [
        "hei",
        "Asun Laukaassa",
    ]


async def test_rows_and_reads_are_rasas_own(sqlite_state: Path) -> None:
    """Rasa's SQLTrackerStore writes the same rows, and reads back what this store wrote."""
    events = [
        UserUttered("hei", {"name": "greet", "confidence": 0.9}, timestamp=1.0),
        ActionExecuted("action_answer", timestamp=2.0),
        SlotSet("place", "410", timestamp=3.0),
        ActionExecuted("action_session_start", timestamp=4.0),
        SessionStarted(timestamp=5.0),
        UserUttered("Asun Laukaassa", timestamp=6.0),
    ]
    ours = ConfiguredSQLTrackerStore(domain=DOMAIN)
    rasas = SQLTrackerStore(domain=DOMAIN, host=f"sqlite:///{sqlite_state / 'rasa.db'}")
    for store in (ours, rasas):
        await store.save(DialogueStateTracker.from_events("parent-4", events, slots=DOMAIN.slots))

    def rows(store: SQLTrackerStore) -> list[tuple[object, ...]]:
        table = store.SQLEvent.__table__
        with store.engine.connect() as connection:
            selected = sa.select(*(c for c in table.c if c.name != "id")).order_by(table.c.id)
            return [tuple(row) for row in connection.execute(selected)]

    assert rows(ours) == rows(rasas)
    assert len(rows(ours)) == 6
    for all_sessions in (False, True):
        mine = await ours._retrieve("parent-4", all_sessions)
        theirs = await SQLTrackerStore._retrieve(ours, "parent-4", all_sessions)
        assert mine is not None and theirs is not None
        assert mine.current_state() == theirs.current_state()
    latest = await ours.retrieve("parent-4")
    assert latest is not None and len(latest.events) == 2
    assert await ours.retrieve("nobody") is None
