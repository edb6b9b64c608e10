"""Conversation locks: in memory by default, Rasa's Redis lock store from the settings.

``endpoints.yml`` names :class:`ConfiguredLockStore`. With ``PERHEBOTTI_LOCK_STORE_URL`` unset
(``make run``), locks live in the Rasa process, which is right for one process. Several Rasa
processes (``SANIC_WORKERS`` > 1, or replicas behind a load balancer) must share their locks
so that the messages of one conversation are handled one at a time, in order: set
``PERHEBOTTI_LOCK_STORE_URL`` (e.g. ``redis://:password@127.0.0.1:6379/0``; ``rediss://``
for TLS) and Rasa's own :class:`~rasa.core.lock_store.RedisLockStore` keeps them in Redis
(:class:`bot.settings.LockStoreSettings` reads and checks the URL).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rasa.core.lock_store import (
    LOCK_LIFETIME,
    InMemoryLockStore,
    LockStore,
    RedisLockStore,
    TicketLock,
)

from bot.settings import LockStoreSettings

#: Seconds one change of a lock may take (it takes milliseconds; this only bounds a crash).
CHANGE_TIMEOUT = 10


def build_lock_store(settings: LockStoreSettings | None) -> LockStore:
    """Return Rasa's Redis lock store for ``settings``; an in-memory one for None."""
    if settings is None:
        return InMemoryLockStore()
    return RedisLockStore(
        host=settings.host,
        port=settings.port,
        db=settings.db,
        username=settings.username,
        password=settings.password,
        use_ssl=settings.use_ssl,
    )


class ConfiguredLockStore(LockStore):
    """The lock store of :func:`build_lock_store`, as ``endpoints.yml`` can name it.

    Rasa changes a conversation's lock by reading it, changing it and writing it back. Two
    Rasa processes doing that at once on Redis can both get the same ticket (and handle one
    conversation's messages at the same time) or delete each other's. Here each such change
    holds a short Redis lock of its own, so tickets are issued and returned one at a time.
    """

    def __init__(self, endpoint_config: Any = None) -> None:
        """Create the store from :class:`~bot.settings.LockStoreSettings`, not endpoints.yml."""
        self.store = build_lock_store(LockStoreSettings.from_env())
        super().__init__()

    @contextmanager
    def _changing(self, conversation_id: str) -> Iterator[None]:
        if not isinstance(self.store, RedisLockStore):
            yield  # one process: these changes never run concurrently
            return
        name = f"{self.store.key_prefix}{conversation_id}:change"
        with self.store.red.lock(name, timeout=CHANGE_TIMEOUT, blocking_timeout=CHANGE_TIMEOUT):
            yield

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """Issue the next ticket for ``conversation_id``."""
        with self._changing(conversation_id):
            return super().issue_ticket(conversation_id, lock_lifetime)

    def update_lock(self, conversation_id: str) -> None:
        """Drop the expired tickets of ``conversation_id``."""
        with self._changing(conversation_id):
            super().update_lock(conversation_id)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Return ``ticket_number``; delete the lock when nobody else is waiting."""
        with self._changing(conversation_id):
            super().cleanup(conversation_id, ticket_number)

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        """Fetch the lock of ``conversation_id``."""
        return self.store.get_lock(conversation_id)

    def delete_lock(self, conversation_id: str) -> None:
        """Delete the lock of ``conversation_id``."""
        self.store.delete_lock(conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        """Store ``lock``."""
        self.store.save_lock(lock)
