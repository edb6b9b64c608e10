"""The gateway's own behaviours, against a small local stand-in for Rasa's REST webhook."""

from __future__ import annotations

import socket
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from tests.web.conftest import SITE, StandInRasa

Client = TestClient


async def new_session(client: Client) -> str:
    response = await client.post("/api/session")
    assert response.status == 201
    token: str = (await response.json())["session"]
    return token


async def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status == status
    assert response.content_type == "application/json"
    body: dict[str, Any] = await response.json()
    assert body["error"] == code
    assert body["message"]  # a Finnish sentence the page shows as is
    return body


async def test_health_and_page(client: Client) -> None:
    assert (await client.get("/healthz")).status == 200
    page = await client.get("/")
    assert page.status == 200
    html = await page.text()
    assert '<html lang="fi" data-perhebotti-default-lang>' in html
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    for path in ("/widget.js", "/static/chat.js", "/static/chat.css"):
        assert (await client.get(path)).status == 200


async def test_relays_message_with_server_issued_conversation_id(
    client: Client, rasa: StandInRasa
) -> None:
    token = await new_session(client)
    response = await client.post(
        "/api/messages",
        json={"session": token, "message": "  Mitä HyPessä on?  ", "sender": "someone-else"},
    )
    assert response.status == 200
    assert await response.json() == {
        "messages": [
            {"text": "Kysyit: Mitä HyPessä on?", "buttons": []},
            {
                "text": "Valitse kunta",
                "buttons": [{"title": "Laukaa", "payload": '/inform_place{"place": "410"}'}],
            },
        ]
    }
    (sent,) = rasa.received
    assert sent["message"] == "Mitä HyPessä on?"
    assert sent["sender"] == token.rpartition(".")[0]
    assert sent["sender"].startswith("web-") and sent["sender"] != "someone-else"
    assert "metadata" not in sent  # no language hint from the page, none to Rasa


async def test_each_session_is_a_new_conversation(client: Client) -> None:
    tokens = {await new_session(client) for _ in range(5)}
    assert len(tokens) == 5


@pytest.mark.parametrize("session", [None, "", "web-abc.def", "nonsense", 42])
async def test_unknown_or_forged_session_is_refused(
    client: Client, rasa: StandInRasa, session: object
) -> None:
    response = await client.post("/api/messages", json={"session": session, "message": "Hei"})
    await assert_error(response, 401, "invalid_session")
    assert rasa.received == []


async def test_tampered_session_is_refused(client: Client) -> None:
    conversation, _, signature = (await new_session(client)).rpartition(".")
    forged = f"{conversation}x.{signature}"
    response = await client.post("/api/messages", json={"session": forged, "message": "Hei"})
    await assert_error(response, 401, "invalid_session")


async def test_session_of_another_gateway_is_refused(
    client: Client, make_client: Callable[..., Awaitable[Client]]
) -> None:
    other = await make_client()
    token = await new_session(other)
    response = await client.post("/api/messages", json={"session": token, "message": "Hei"})
    await assert_error(response, 401, "invalid_session")


@pytest.mark.parametrize(
    "body", [b"{not json", b"", b"[1, 2]", b'"text"', b'{"message": 5}', b"\xff\xfe"]
)
async def test_malformed_requests_get_400(client: Client, body: bytes) -> None:
    response = await client.post(
        "/api/messages", data=body, headers={"Content-Type": "application/json"}
    )
    await assert_error(response, 400, "invalid_json")


@pytest.mark.parametrize("message", ["", "   \n "])
async def test_empty_message_gets_400(client: Client, rasa: StandInRasa, message: str) -> None:
    token = await new_session(client)
    response = await client.post("/api/messages", json={"session": token, "message": message})
    body = await assert_error(response, 400, "empty_message")
    assert body["message"] == "Kirjoita viesti ennen kuin lähetät sen."
    assert rasa.received == []


async def test_message_size_limit(client: Client, rasa: StandInRasa) -> None:
    token = await new_session(client)
    ok = await client.post("/api/messages", json={"session": token, "message": "ä" * 1000})
    assert ok.status == 200
    too_long = await client.post("/api/messages", json={"session": token, "message": "ä" * 1001})
    body = await assert_error(too_long, 413, "message_too_long")
    assert "1000 merkkiä" in body["message"]
    assert len(rasa.received) == 1


async def test_huge_body_gets_json_413(client: Client) -> None:
    response = await client.post(
        "/api/messages",
        data=b'{"message": "' + b"a" * 100_000 + b'"}',
        headers={"Content-Type": "application/json"},
    )
    await assert_error(response, 413, "message_too_long")


async def test_rate_limit_per_conversation(
    make_client: Callable[..., Awaitable[Client]], rasa: StandInRasa
) -> None:
    client = await make_client(rate_limit=3)
    first, second = await new_session(client), await new_session(client)
    for _ in range(3):
        response = await client.post("/api/messages", json={"session": first, "message": "Hei"})
        assert response.status == 200
    limited = await client.post("/api/messages", json={"session": first, "message": "Hei"})
    await assert_error(limited, 429, "rate_limited")
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    other = await client.post("/api/messages", json={"session": second, "message": "Hei"})
    assert other.status == 200
    assert len(rasa.received) == 4


async def test_rate_limit_on_new_conversations_per_address(
    make_client: Callable[..., Awaitable[Client]],
) -> None:
    client = await make_client(rate_limit=2)
    await new_session(client)
    await new_session(client)
    await assert_error(await client.post("/api/session"), 429, "rate_limited")


async def test_cors_allows_configured_origin_only(client: Client) -> None:
    preflight = await client.options(
        "/api/messages",
        headers={"Origin": SITE, "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == SITE
    assert "Content-Type" in preflight.headers["Access-Control-Allow-Headers"]

    allowed = await client.post("/api/session", headers={"Origin": SITE})
    assert allowed.status == 201
    assert allowed.headers["Access-Control-Allow-Origin"] == SITE

    for origin in ("https://evil.example", "null", "https://www.laukaa.fi.evil.example"):
        refused = await client.post("/api/session", headers={"Origin": origin})
        await assert_error(refused, 403, "origin_not_allowed")
        assert "Access-Control-Allow-Origin" not in refused.headers
        preflight = await client.options("/api/messages", headers={"Origin": origin})
        assert preflight.status == 403


async def test_same_origin_page_needs_no_cors(client: Client) -> None:
    origin = str(client.make_url("")).rstrip("/")
    response = await client.post("/api/session", headers={"Origin": origin})
    assert response.status == 201
    assert "Access-Control-Allow-Origin" not in response.headers


async def test_bot_down_answers_quickly_with_503(
    make_client: Callable[..., Awaitable[Client]],
) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]  # nothing listens here once the socket closes
    client = await make_client(rasa_url=f"http://127.0.0.1:{closed_port}")
    token = await new_session(client)
    started = time.monotonic()
    response = await client.post("/api/messages", json={"session": token, "message": "Hei"})
    body = await assert_error(response, 503, "bot_unavailable")
    assert time.monotonic() - started < 2
    assert "112" in body["message"]


async def test_slow_bot_answers_504_within_timeout(
    make_client: Callable[..., Awaitable[Client]], rasa: StandInRasa
) -> None:
    rasa.delay = 5
    client = await make_client(rasa_timeout=0.3)
    token = await new_session(client)
    started = time.monotonic()
    response = await client.post("/api/messages", json={"session": token, "message": "Hei"})
    await assert_error(response, 504, "bot_timeout")
    assert time.monotonic() - started < 2


async def test_bot_error_gives_502(client: Client, rasa: StandInRasa) -> None:
    rasa.status = 500
    token = await new_session(client)
    response = await client.post("/api/messages", json={"session": token, "message": "Hei"})
    await assert_error(response, 502, "bot_error")


async def test_unknown_api_path_and_method(client: Client) -> None:
    await assert_error(await client.get("/api/nothing"), 404, "not_found")
    await assert_error(await client.get("/api/messages"), 405, "method_not_allowed")
