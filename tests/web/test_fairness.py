"""One client cannot slow the others: in-flight cap, fair queue, dropped callers, read timeouts.

Assertions are on the order in which the stand-in Rasa receives messages and on what the
queue holds, never on how long something took.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.web.app import QUEUE, create_app
from bot.web.clients import parse_networks
from bot.web.fairqueue import CallerGoneError, FairQueue, QueueFullError
from bot.web.server import runner
from bot.web.settings import Settings
from tests.web.conftest import REST_PATH

ATTACKER = "203.0.113.9"
PARENT = "198.51.100.7"


class GatedRasa:
    """A stand-in Rasa that answers only when the test lets it, recording the arrival order."""

    def __init__(self) -> None:
        self.received: list[str] = []
        self.gate = asyncio.Semaphore(0)

    async def webhook(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.received.append(body["message"])
        await self.gate.acquire()
        return web.json_response([{"recipient_id": body["sender"], "text": "vastaus"}])

    def let(self, answers: int = 1) -> None:
        """Let ``answers`` more messages be answered."""
        for _ in range(answers):
            self.gate.release()


@pytest.fixture
async def gated(
    aiohttp_server: Callable[..., Awaitable[TestServer]],
) -> AsyncIterator[tuple[GatedRasa, str]]:
    rasa = GatedRasa()
    app = web.Application()
    app.router.add_post(REST_PATH, rasa.webhook)
    server = await aiohttp_server(app)
    yield rasa, str(server.make_url("")).rstrip("/")
    rasa.let(1000)


async def _gateway(
    aiohttp_client: Callable[..., Awaitable[TestClient]], rasa_url: str, **overrides: Any
) -> TestClient:
    settings = Settings(
        rasa_url=rasa_url,
        rate_limit=1000,
        rasa_timeout=60,
        trusted_proxies=parse_networks("127.0.0.1"),
        **overrides,
    )
    return await aiohttp_client(create_app(settings))


def _queue(client: TestClient) -> FairQueue:
    assert client.app is not None
    return client.app[QUEUE]


async def _session(client: TestClient, address: str) -> str:
    response = await client.post("/api/session", headers={"X-Forwarded-For": address})
    assert response.status == 201
    token: str = (await response.json())["session"]
    return token


async def _say(client: TestClient, address: str, session: str, text: str) -> tuple[int, Any]:
    response = await client.post(
        "/api/messages",
        json={"session": session, "message": text},
        headers={"X-Forwarded-For": address},
    )
    return response.status, await response.json()


async def _until(condition: Callable[[], bool]) -> None:
    for _ in range(1000):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition not reached")


async def test_another_client_is_served_before_the_attackers_backlog(
    aiohttp_client: Callable[..., Awaitable[TestClient]], gated: tuple[GatedRasa, str]
) -> None:
    rasa, url = gated
    client = await _gateway(aiohttp_client, url, max_in_flight=2)
    queue = _queue(client)
    sessions = [await _session(client, ATTACKER) for _ in range(12)]
    attack = [
        asyncio.create_task(_say(client, ATTACKER, session, f"roskaa {n}"))
        for n, session in enumerate(sessions)
    ]
    await _until(lambda: len(rasa.received) == 2 and queue.waiting(ATTACKER) == 10)
    parent = asyncio.create_task(_say(client, PARENT, await _session(client, PARENT), "LAPE?"))
    await _until(lambda: queue.waiting(PARENT) == 1)

    rasa.let()  # one of the attacker's messages is answered: the slot is the parent's
    await _until(lambda: len(rasa.received) == 3)
    assert rasa.received[2] == "LAPE?"
    assert queue.waiting(ATTACKER) == 10  # the attacker's backlog still waits
    rasa.let(3)
    assert await parent == (200, {"messages": [{"text": "vastaus", "buttons": []}]})

    rasa.let(20)
    assert [await task for task in attack][0][0] == 200
    assert queue.in_flight == 0 and queue.waiting() == 0


async def test_a_client_may_keep_only_a_few_messages_waiting(
    aiohttp_client: Callable[..., Awaitable[TestClient]], gated: tuple[GatedRasa, str]
) -> None:
    rasa, url = gated
    client = await _gateway(aiohttp_client, url, max_in_flight=1, max_waiting_per_client=2)
    queue = _queue(client)
    sessions = [await _session(client, ATTACKER) for _ in range(4)]
    tasks = [asyncio.create_task(_say(client, ATTACKER, s, "x")) for s in sessions[:3]]
    await _until(lambda: queue.in_flight == 1 and queue.waiting(ATTACKER) == 2)
    status, body = await _say(client, ATTACKER, sessions[3], "x")
    assert (status, body["error"]) == (429, "rate_limited")
    rasa.let(3)
    assert [(await task)[0] for task in tasks] == [200, 200, 200]


async def test_a_queued_message_whose_caller_has_gone_is_dropped(
    aiohttp_client: Callable[..., Awaitable[TestClient]], gated: tuple[GatedRasa, str]
) -> None:
    rasa, url = gated
    client = await _gateway(aiohttp_client, url, max_in_flight=1)
    queue = _queue(client)
    first, gone, later = [await _session(client, ATTACKER) for _ in range(3)]
    in_flight = asyncio.create_task(_say(client, ATTACKER, first, "eka"))
    await _until(lambda: rasa.received == ["eka"])
    assert client.server.runner is not None
    server = client.server.runner.server
    assert server is not None
    abandoned = asyncio.create_task(_say(client, ATTACKER, gone, "hylätty"))
    await _until(lambda: queue.waiting(ATTACKER) == 1)
    connections = len(server.connections)
    abandoned.cancel()  # the browser tab was closed
    await _until(lambda: len(server.connections) < connections)

    rasa.let()
    assert (await in_flight)[0] == 200
    rasa.let()
    assert (await _say(client, ATTACKER, later, "myöhempi"))[0] == 200
    assert rasa.received == ["eka", "myöhempi"]  # the abandoned message never reached Rasa
    assert queue.waiting() == 0 and queue.in_flight == 0


async def test_queue_takes_turns_and_drops_callers_that_have_gone() -> None:
    queue = FairQueue(capacity=1, max_waiting=2)
    await queue.acquire("a")  # a holds the only slot
    order: list[str] = []

    async def take(client: str, alive: bool = True) -> None:
        try:
            await queue.acquire(client, lambda: alive)
        except CallerGoneError:
            order.append(f"{client} gone")
            return
        order.append(client)
        queue.release(client)

    tasks = [asyncio.create_task(take(c)) for c in ("a", "a")]
    tasks += [asyncio.create_task(take("b", alive=False)), asyncio.create_task(take("c"))]
    await asyncio.sleep(0)
    assert queue.waiting() == 4 and queue.waiting("a") == 2
    with pytest.raises(QueueFullError):
        await queue.acquire("a")
    queue.release("a")
    await asyncio.gather(*tasks)
    assert order == ["a", "b gone", "c", "a"]  # a's second message waits for b's and c's turn
    assert queue.in_flight == 0 and queue.dropped == 1


# --- read timeouts -------------------------------------------------------------------------


@pytest.fixture
async def guarded_port(gated: tuple[GatedRasa, str]) -> AsyncIterator[int]:
    _, url = gated
    settings = Settings(rasa_url=url, read_timeout=0.3, keepalive_timeout=0.3)
    served = runner(create_app(settings), settings)
    await served.setup()
    site = web.TCPSite(served, "127.0.0.1", 0)
    await site.start()
    yield served.addresses[0][1]
    await served.cleanup()


async def _closed_by_server(port: int, sent: bytes) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(sent)
    await writer.drain()
    answer = await asyncio.wait_for(reader.read(), 30)  # a hang guard, not a timing claim
    writer.close()
    return answer


async def test_slow_or_idle_clients_are_disconnected(guarded_port: int) -> None:
    assert await _closed_by_server(guarded_port, b"") == b""  # idle, never sends
    partial = b"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    assert await _closed_by_server(guarded_port, partial) == b""  # headers never end
    kept_alive = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
    answer = await _closed_by_server(guarded_port, kept_alive)  # then idles on keep-alive
    assert answer.startswith(b"HTTP/1.1 200")


async def test_a_body_that_never_arrives_gets_408(guarded_port: int) -> None:
    head = (
        b"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: 100\r\n\r\n"
    )
    answer = await _closed_by_server(guarded_port, head + b'{"session": ')
    assert answer.startswith(b"HTTP/1.1 408")
    assert b"request_timeout" in answer
