"""Attacks on the gateway from issue 14: each gets a clear 4xx, never a 500."""

from __future__ import annotations

import http.client
import ipaddress
import json
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.settings import gateway_settings
from bot.web import sessions
from bot.web.app import SETTINGS, create_app
from bot.web.clients import client_address, client_scheme, parse_networks
from bot.web.settings import Settings
from tests.web.conftest import REST_PATH, StandInRasa
from tests.web.local_server import serving_in_thread
from tests.web.test_gateway import assert_error, new_session

Client = TestClient
MakeClient = Callable[..., Awaitable[Client]]
LOOPBACK = parse_networks("127.0.0.1, ::1")


async def test_deeply_nested_json_gets_400(client: Client) -> None:
    body = b"[" * 1100 + b"]" * 1100
    response = await client.post(
        "/api/messages", data=body, headers={"Content-Type": "application/json"}
    )
    await assert_error(response, 400, "invalid_json")
    nested = ("[" * 5000 + "]" * 5000).encode()
    response = await client.post("/api/messages", data=nested)
    assert response.status == 400


async def test_unknown_charset_gets_400(client: Client, rasa: StandInRasa) -> None:
    token = await new_session(client)
    body = json.dumps({"session": token, "message": "hei"}).encode()
    for charset in ("nonexistent-xyz", "utf-16", "latin-1"):
        response = await client.post(
            "/api/messages",
            data=body,
            headers={"Content-Type": f"application/json; charset={charset}"},
        )
        await assert_error(response, 400, "unsupported_charset")
    ok = await client.post(
        "/api/messages", data=body, headers={"Content-Type": "application/json; charset=UTF-8"}
    )
    assert ok.status == 200
    assert len(rasa.received) == 1


@pytest.mark.parametrize(("path", "status"), [("/nope", 404), ("/static/", 403)])
async def test_aiohttp_own_error_pages_have_security_headers(
    client: Client, path: str, status: int
) -> None:
    response = await client.get(path)
    assert response.status == status
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "Strict-Transport-Security" not in response.headers  # plain HTTP here


async def test_same_origin_check_compares_the_scheme(client: Client) -> None:
    own = str(client.make_url("")).rstrip("/")
    assert own.startswith("http://")
    other_scheme = "https://" + own.removeprefix("http://")
    refused = await client.post("/api/session", headers={"Origin": other_scheme})
    await assert_error(refused, 403, "origin_not_allowed")
    assert (await client.post("/api/session", headers={"Origin": own})).status == 201


async def test_forwarded_for_is_ignored_from_untrusted_peers(make_client: MakeClient) -> None:
    client = await make_client(rate_limit=2)
    for address in ("203.0.113.1", "203.0.113.2"):
        await client.post("/api/session", headers={"X-Forwarded-For": address})
    spoofed = await client.post("/api/session", headers={"X-Forwarded-For": "203.0.113.3"})
    await assert_error(spoofed, 429, "rate_limited")


async def test_forwarded_for_from_a_trusted_proxy_gives_each_client_its_limit(
    make_client: MakeClient,
) -> None:
    client = await make_client(rate_limit=2, trusted_proxies=LOOPBACK)
    for address in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
        for _ in range(2):
            response = await client.post("/api/session", headers={"X-Forwarded-For": address})
            assert response.status == 201
    again = await client.post("/api/session", headers={"X-Forwarded-For": "203.0.113.1"})
    await assert_error(again, 429, "rate_limited")


async def test_https_behind_a_trusted_proxy(make_client: MakeClient) -> None:
    client = await make_client(trusted_proxies=LOOPBACK)
    host = client.make_url("").host
    port = client.make_url("").port
    headers = {"X-Forwarded-Proto": "https", "Origin": f"https://{host}:{port}"}
    response = await client.post("/api/session", headers=headers)
    assert response.status == 201
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


async def test_expired_session_is_refused(make_client: MakeClient, rasa: StandInRasa) -> None:
    client = await make_client(session_ttl=60.0)
    app = client.app
    assert app is not None
    secret = app[SETTINGS].secret
    old = sessions.new_token(secret, now=0)
    response = await client.post("/api/messages", json={"session": old, "message": "Hei"})
    await assert_error(response, 401, "invalid_session")
    fresh = await new_session(client)
    response = await client.post("/api/messages", json={"session": fresh, "message": "Hei"})
    assert response.status == 200
    assert len(rasa.received) == 1


def test_token_expiry() -> None:
    secret = b"k" * 32
    token = sessions.new_token(secret, now=1_000_000)
    assert sessions.conversation_id(secret, token, max_age=3600, now=1_000_000 + 3600)
    assert sessions.conversation_id(secret, token, max_age=3600, now=1_000_000 + 3601) is None
    assert sessions.conversation_id(secret, token, max_age=3600, now=1_000_000 - 3600) is None
    assert sessions.conversation_id(secret, token) is not None  # no limit given


def test_client_address() -> None:
    proxies = parse_networks("10.0.0.0/8, 127.0.0.1")
    assert client_address("198.51.100.7", "203.0.113.9", proxies) == "198.51.100.7"
    assert client_address("127.0.0.1", "203.0.113.9", proxies) == "203.0.113.9"
    assert client_address("127.0.0.1", "1.2.3.4, 203.0.113.9, 10.1.1.1", proxies) == "203.0.113.9"
    assert client_address("127.0.0.1", "not-an-ip", proxies) == "127.0.0.1"
    assert client_address("127.0.0.1", None, proxies) == "127.0.0.1"
    assert client_address(None, None, proxies) == ""
    assert client_scheme("127.0.0.1", "http", "https", proxies) == "https"
    assert client_scheme("198.51.100.7", "http", "https", proxies) == "http"
    assert client_scheme("127.0.0.1", "http", "gopher", proxies) == "http"
    assert ipaddress.ip_network("10.0.0.0/8") in proxies
    with pytest.raises(ValueError):
        parse_networks("localhost")


def test_settings_read_proxies_and_session_hours() -> None:
    settings = gateway_settings(
        {"PERHEBOTTI_TRUSTED_PROXIES": "127.0.0.1", "PERHEBOTTI_SESSION_HOURS": "2"}
    )
    assert settings.trusted_proxies == parse_networks("127.0.0.1")
    assert settings.session_ttl == 7200


# --- fuzz: no input gives a 500 ------------------------------------------------------------


@pytest.fixture(scope="module")
def gateway() -> Iterator[tuple[int, str]]:
    """The gateway and a stand-in Rasa, served from threads; yields (port, a valid session)."""
    stand_in = StandInRasa()
    rasa_app = web.Application()
    rasa_app.router.add_post(REST_PATH, stand_in.webhook)
    with serving_in_thread(rasa_app) as rasa_port:
        app = create_app(
            Settings(rasa_url=f"http://127.0.0.1:{rasa_port}", rate_limit=10_000, rasa_timeout=2)
        )
        with serving_in_thread(app) as port:
            status, body = request(port, "POST", "/api/session", b"", {})
            assert status == 201
            yield port, body["session"]


def request(
    port: int, method: str, path: str, body: bytes, headers: dict[str, str]
) -> tuple[int, Any]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        try:
            return response.status, json.loads(data)
        except ValueError:
            return response.status, None
    finally:
        connection.close()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children),
    max_leaves=8,
)
HEADER_TEXT = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=40)
CONTENT_TYPES = st.sampled_from(
    ["application/json", "text/plain", "application/json; charset=nonexistent-xyz", ""]
) | HEADER_TEXT.map(lambda value: "application/json; charset=" + value)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    path=st.sampled_from(["/api/messages", "/api/session", "/api/nope", "/", "/static/x"]),
    method=st.sampled_from(["POST", "GET", "OPTIONS", "PUT"]),
    body=st.binary(max_size=300)
    | JSON.map(lambda value: json.dumps(value).encode())
    | st.fixed_dictionaries({"message": JSON, "session": JSON}).map(
        lambda value: json.dumps(value).encode()
    ),
    use_session=st.booleans(),
    message=st.text(max_size=1200),
    content_type=CONTENT_TYPES,
    origin=st.none() | st.sampled_from(["https://evil.example", "null"]) | HEADER_TEXT,
    forwarded=st.none() | HEADER_TEXT,
)
def test_fuzz_no_input_gives_a_500(
    gateway: tuple[int, str],
    path: str,
    method: str,
    body: bytes,
    use_session: bool,
    message: str,
    content_type: str,
    origin: str | None,
    forwarded: str | None,
) -> None:
    port, session = gateway
    if use_session:
        body = json.dumps({"session": session, "message": message}).encode()
    headers = {"Content-Type": content_type}
    if origin is not None:
        headers["Origin"] = origin
    if forwarded is not None:
        headers["X-Forwarded-For"] = forwarded
    status, answer = request(port, method, path, body, headers)
    assert status < 500, (status, answer)
    if path.startswith("/api/") and status >= 400:
        assert isinstance(answer, dict) and answer["error"] and answer["message"]
