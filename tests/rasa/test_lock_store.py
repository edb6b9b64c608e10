"""The lock store follows the settings: in memory by default, Redis from a URL."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore

from bot.rasa.lock_store import ConfiguredLockStore, build_lock_store
from bot.settings import LockStoreSettings
from tests.redis import throwaway_redis


def test_in_memory_by_default() -> None:
    assert LockStoreSettings.from_env({}) is None
    assert isinstance(build_lock_store(None), InMemoryLockStore)


def test_redis_url_with_credentials_and_database() -> None:
    settings = LockStoreSettings.from_env(
        {"PERHEBOTTI_LOCK_STORE_URL": "redis://u:p%40ss@10.0.0.5:6380/3"}
    )
    assert settings is not None and "p@ss" not in repr(settings)
    store = build_lock_store(settings)
    assert isinstance(store, RedisLockStore)
    kwargs = store.red.connection_pool.connection_kwargs
    assert (kwargs["host"], kwargs["port"], kwargs["db"]) == ("10.0.0.5", 6380, 3)
    assert (kwargs["username"], kwargs["password"]) == ("u", "p@ss")


@pytest.mark.parametrize(
    ("environ", "reason"),
    [
        ({"PERHEBOTTI_LOCK_STORE_URL": "postgresql://x@h/db"}, "must be a Redis URL"),
        ({"PERHEBOTTI_LOCK_STORE_URL": "127.0.0.1:6379"}, "must be a Redis URL"),
        ({"PERHEBOTTI_LOCK_STORE_URL": "redis://h/locks"}, "must be a number"),
        ({"SANIC_WORKERS": "4"}, "needs a shared lock store"),
    ],
)
def test_bad_settings_are_refused_with_a_reason(environ: dict[str, str], reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        LockStoreSettings.from_env(environ)


def test_two_stores_on_one_redis_serve_one_conversation_in_ticket_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with throwaway_redis() as redis:
        monkeypatch.setenv("PERHEBOTTI_LOCK_STORE_URL", redis.url)
        first, second = ConfiguredLockStore(), ConfiguredLockStore()
        order: list[str] = []

        async def handle(store: ConfiguredLockStore, name: str, delay: float) -> None:
            await asyncio.sleep(delay)
            async with store.lock("parent", wait_time_in_seconds=0.05):
                order.append(f"{name} start")
                await asyncio.sleep(0.2)
                order.append(f"{name} end")

        async def both() -> None:
            await asyncio.gather(handle(first, "a", 0), handle(second, "b", 0.05))

        asyncio.run(both())
        assert order == ["a start", "a end", "b start", "b end"]
        assert first.get_lock("parent") is None  # cleaned up after the last ticket


def test_tickets_issued_at_once_by_two_processes_stores_are_all_different(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Rasa's own Redis lock store reads, changes and writes a lock: at once, two stores
    # (two Rasa processes) could both get the same ticket. Threads stand in for processes.
    with throwaway_redis() as redis:
        monkeypatch.setenv("PERHEBOTTI_LOCK_STORE_URL", redis.url)
        stores = [ConfiguredLockStore() for _ in range(6)]
        start = threading.Barrier(len(stores))

        def issue(store: ConfiguredLockStore) -> list[int]:
            start.wait()
            return [store.issue_ticket("parent") for _ in range(40)]

        with ThreadPoolExecutor(len(stores)) as pool:
            tickets = [ticket for batch in pool.map(issue, stores) for ticket in batch]
        assert len(set(tickets)) == len(tickets) == 240
