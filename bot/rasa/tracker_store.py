"""Conversation storage: SQLite by default, any SQLAlchemy URL from the environment.

``endpoints.yml`` names :class:`ConfiguredSQLTrackerStore`. Conversations then persist across
restarts in ``var/conversations.db`` (git-ignored). Setting ``PERHEBOTTI_DATABASE_URL``
(e.g. ``postgresql://perhebotti:secret@127.0.0.1:5432/perhebotti``) switches to that database;
``PERHEBOTTI_STATE_DIR`` moves the SQLite file elsewhere.

What parents type is stored with identity codes, phone numbers and email addresses masked
(:func:`bot.privacy.mask`): the bot has already understood the message when it is saved, and
nobody reading the stored conversations needs those details.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.paths import STATE_DIR
from bot.privacy import mask

DATABASE_URL_ENV = "PERHEBOTTI_DATABASE_URL"
STATE_DIR_ENV = "PERHEBOTTI_STATE_DIR"


def database_url(environ: Mapping[str, str] = os.environ) -> str:
    """Return the SQLAlchemy URL of the conversation database.

    Args:
        environ: Environment to read ``PERHEBOTTI_DATABASE_URL`` / ``PERHEBOTTI_STATE_DIR`` from.

    Returns:
        The configured URL, or an SQLite file URL under the state folder (created if missing).
    """
    url = environ.get(DATABASE_URL_ENV, "").strip()
    if url:
        if "://" not in url:
            raise ValueError(
                f"{DATABASE_URL_ENV} must be a database URL such as "
                f"postgresql://user:password@host:5432/dbname, got {url!r}"
            )
        return url
    state_dir = Path(environ.get(STATE_DIR_ENV) or STATE_DIR)
    state_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{state_dir / 'conversations.db'}"


class ConfiguredSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store pointed at :func:`database_url`."""

    def __init__(
        self,
        domain: Domain | None = None,
        host: str | None = None,
        event_broker: EventBroker | None = None,
        **kwargs: Any,
    ) -> None:
        """Create the store; ``host`` from endpoints.yml is ignored in favour of the env."""
        super().__init__(domain=domain, host=database_url(), event_broker=event_broker)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the conversation's new events, with personal data masked in user messages."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            for event in self._additional_events(session, tracker):
                data = masked_event_data(event)
                session.add(
                    self.SQLEvent(
                        sender_id=tracker.sender_id,
                        type_name=event.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=data.get("parse_data", {}).get("intent", {}).get("name"),
                        action_name=data.get("name"),
                        data=json.dumps(data),
                    )
                )
            session.commit()


def masked_event_data(event: Event) -> dict[str, Any]:
    """The event as Rasa stores it, with the text of a user message masked."""
    data: dict[str, Any] = event.as_dict()
    if isinstance(event, UserUttered) and event.text:
        data["text"] = mask(event.text)
        parse_data = data.get("parse_data")
        if isinstance(parse_data, dict) and isinstance(parse_data.get("text"), str):
            parse_data["text"] = mask(parse_data["text"])
    return data
