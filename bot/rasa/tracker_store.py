"""Conversation storage: SQLite by default, any SQLAlchemy URL from the settings.

``endpoints.yml`` names :class:`ConfiguredSQLTrackerStore`. Conversations then persist across
restarts in ``var/conversations.db`` (git-ignored). Setting ``PERHEBOTTI_DATABASE_URL``
(e.g. ``postgresql://perhebotti:secret@127.0.0.1:5432/perhebotti``) switches to that database;
``PERHEBOTTI_STATE_DIR`` moves the SQLite file elsewhere (:class:`bot.settings.DatabaseSettings`).
The SQLite file keeps a write-ahead log (:func:`sqlite_engine`): saving a turn appends to the
log instead of writing a journal and the database, and reading does not wait for writing.
Rasa's table and queries are kept; the store reads and writes them with SQLAlchemy Core
statements built once, where Rasa builds ORM queries and objects for every message (a third of
the Rasa server's time went to the store under load).

Personal data never reaches the store: the channels (:mod:`bot.rasa.rest`,
:mod:`bot.rasa.telegram`) mask what parents type before Rasa sees it, and drop the request
metadata. :func:`purge` deletes what is older than the retention period
(``python -m bot privacy purge``, see :mod:`bot.privacy`).
"""

from __future__ import annotations

import itertools
import json
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot.rasa import action_response, events, processor
from bot.settings import DatabaseSettings

# Every Rasa server of Perhebotti loads this module (endpoints.yml): the place for changes to
# Rasa's own behaviour in that process.
action_response.install()
events.install()
processor.install()


def database_url(settings: DatabaseSettings) -> str:
    """Return the SQLAlchemy URL of the conversation database.

    Args:
        settings: Where the conversations live (:meth:`DatabaseSettings.from_env`).

    Returns:
        The configured URL, or an SQLite file URL under the state folder (created if missing).
    """
    if settings.url:
        return settings.url
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{settings.state_dir / 'conversations.db'}"


#: SQLite database names of a database in memory (no file, no log).
IN_MEMORY = (None, "", ":memory:")


def is_sqlite_file(url: str) -> bool:
    """Whether ``url`` is that of an SQLite database in a file (not in memory)."""
    parsed = sa.engine.make_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.database not in IN_MEMORY


def _write_ahead_log(connection: Any, record: Any) -> None:
    """On every new SQLite connection: the write-ahead log, synced to disk at checkpoints."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def sqlite_engine(url: str) -> sa.engine.Engine:
    """An engine for an SQLite file that keeps its connections and a write-ahead log.

    SQLAlchemy 1.4 opens a new connection for every session on an SQLite file, and SQLite
    folds the log back into the file whenever its last connection closes: a pool keeps them
    open. With the log, ``synchronous = NORMAL`` cannot corrupt the database; a power cut can
    lose the turns saved just before it.

    Args:
        url: SQLAlchemy URL of an SQLite file.
    """
    engine = sa.create_engine(
        url, poolclass=sa.pool.QueuePool, connect_args={"check_same_thread": False}
    )
    sa.event.listen(engine, "connect", _write_ahead_log)
    return engine


class ConfiguredSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store pointed at :func:`database_url`; SQLite: :func:`sqlite_engine`."""

    def __init__(
        self,
        domain: Domain | None = None,
        host: str | None = None,
        event_broker: EventBroker | None = None,
        **kwargs: Any,
    ) -> None:
        """Create the store; ``host`` from endpoints.yml is ignored in favour of the settings."""
        url = database_url(DatabaseSettings.from_env())
        super().__init__(domain=domain, host=url, event_broker=event_broker)
        if is_sqlite_file(url):  # Rasa's engine for it has no pool, so no connection to close
            self.engine = sqlite_engine(url)
            self.sessionmaker = sa.orm.sessionmaker(bind=self.engine)
        # How many events of each conversation are stored, known from the tracker read for the
        # message being handled: saving it then needs no count query (Rasa counts the stored
        # events on every save). Only for that very tracker object: any other one is counted.
        self._stored: dict[str, tuple[weakref.ref[DialogueStateTracker], int]] = {}
        table = self.SQLEvent.__table__
        sender = table.c.sender_id == sa.bindparam("sender_id")
        session_start = (
            sa.select(sa.func.max(table.c.timestamp))
            .where(sender, table.c.type_name == SessionStarted.type_name)
            .scalar_subquery()
        )
        self._insert = table.insert()
        self._all_sessions = sa.select(table.c.data).where(sender).order_by(table.c.id)
        # Rasa's ``_event_query``: the events from the latest session start on, or all of them.
        self._latest_session = self._all_sessions.where(
            sa.or_(table.c.timestamp >= session_start, session_start.is_(None))
        )

    def _remember(self, tracker: DialogueStateTracker) -> None:
        sender = tracker.sender_id

        def forget(ref: weakref.ref[DialogueStateTracker]) -> None:
            if self._stored.get(sender, (None, 0))[0] is ref:
                del self._stored[sender]

        self._stored[sender] = (weakref.ref(tracker, forget), len(tracker.events))

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        """Rasa's read, remembering how many events the tracker of the latest session has."""
        query = self._all_sessions if fetch_events_from_all_sessions else self._latest_session
        with self.session_scope() as session:
            stored = session.execute(query, {"sender_id": sender_id}).scalars().all()
        if not stored or not self.domain:
            return None
        events = [json.loads(data) for data in stored]
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        if not fetch_events_from_all_sessions:
            self._remember(tracker)
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Rasa's save (the same rows); the count of stored events then comes from this tracker."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            rows = [
                _row(tracker.sender_id, event)
                for event in self._additional_events(session, tracker)
            ]
            if rows:
                session.execute(self._insert, rows)
                session.commit()
        self._remember(tracker)

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Any]:
        """The events not stored yet: counted in the database only for an unknown tracker."""
        ref, stored = self._stored.get(tracker.sender_id, (None, 0))
        if ref is None or ref() is not tracker:
            return super()._additional_events(session, tracker)
        return itertools.islice(tracker.events, stored, len(tracker.events))


def _row(sender_id: str, event: Event) -> dict[str, Any]:
    """The stored row of ``event``: the columns Rasa's ``SQLTrackerStore.save`` fills."""
    data = event.as_dict()
    return {
        "sender_id": sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }


@dataclass(frozen=True)
class Purged:
    """What :func:`purge` deleted.

    Attributes:
        events: Stored events deleted.
        conversations: Conversations deleted entirely (nothing of them was newer).

    """

    events: int
    conversations: int


def purge(url: str, before: float) -> Purged:
    """Delete every stored event older than ``before``.

    A conversation whose last event is older disappears entirely. SQLite overwrites the
    deleted content (``secure_delete``), so it does not linger in the file's free pages, and
    empties its write-ahead log into the file, so it does not linger in the log either.

    Args:
        url: SQLAlchemy URL of the conversation database (:func:`database_url`).
        before: Unix time; events with an earlier timestamp are deleted.

    Returns:
        How many events and whole conversations were deleted.
    """
    engine = sa.create_engine(url)
    try:
        if not sa.inspect(engine).has_table("events"):
            return Purged(0, 0)
        events = sa.Table("events", sa.MetaData(), autoload_with=engine)
        with engine.begin() as connection:
            if engine.dialect.name == "sqlite":
                connection.exec_driver_sql("PRAGMA secure_delete = ON")
            senders = sa.select(events.c.sender_id).distinct()
            before_senders = set(connection.execute(senders).scalars())
            deleted = connection.execute(events.delete().where(events.c.timestamp < before))
            after_senders = set(connection.execute(senders).scalars())
        if engine.dialect.name == "sqlite":
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return Purged(deleted.rowcount, len(before_senders - after_senders))
    finally:
        engine.dispose()
