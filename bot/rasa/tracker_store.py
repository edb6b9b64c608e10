"""Conversation storage: SQLite by default, any SQLAlchemy URL from the environment.

``endpoints.yml`` names :class:`ConfiguredSQLTrackerStore`. Conversations then persist across
restarts in ``var/conversations.db`` (git-ignored). Setting ``PERHEBOTTI_DATABASE_URL``
(e.g. ``postgresql://perhebotti:secret@127.0.0.1:5432/perhebotti``) switches to that database;
``PERHEBOTTI_STATE_DIR`` moves the SQLite file elsewhere.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain

from bot.paths import STATE_DIR

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
