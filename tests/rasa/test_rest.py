"""The validating REST channel: every attack body gets a clear 4xx, personal data is masked.

The channel runs in a real Sanic server (as inside Rasa) with a stand-in for Rasa's message
handler that records what the bot would have been given.
"""

from __future__ import annotations

import asyncio
import json
import threading
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field

import aiohttp
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa.core.channels.channel import UserMessage
from sanic import Sanic
from sanic.server import AsyncioServer

from bot.rasa.rest import (
    MAX_BODY_BYTES,
    MAX_SENDER_CHARS,
    NO_REPLY_TEXT,
    RequestError,
    ValidatingRestInput,
    parse_body,
)
from tests.conftest import free_port


@dataclass
class Channel:
    """A running channel and the messages it handed on."""

    url: str
    received: list[UserMessage] = field(default_factory=list)
    silent: bool = False


@pytest.fixture(scope="module")
def server() -> Iterator[Channel]:
    """One Sanic server per module (Sanic 21 cannot start a second app in one process)."""
    port = free_port()
    running = Channel(f"http://127.0.0.1:{port}/webhooks/rest/webhook")

    async def on_new_message(message: UserMessage) -> None:
        running.received.append(message)
        if not running.silent:
            await message.output_channel.send_text_message(message.sender_id, "ok")

    app = Sanic(f"rest-test-{uuid.uuid4().hex}")
    app.blueprint(ValidatingRestInput().blueprint(on_new_message), url_prefix="/webhooks/rest")
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    async def start() -> AsyncioServer | None:
        started = await app.create_server(
            host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False
        )
        if started is not None:
            await started.startup()
        return started

    started = asyncio.run_coroutine_threadsafe(start(), loop).result()
    assert started is not None
    try:
        yield running
    finally:
        started.close()
        asyncio.run_coroutine_threadsafe(started.wait_closed(), loop).result()
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        loop.close()


@pytest.fixture()
def channel(server: Channel) -> Channel:
    server.received.clear()
    server.silent = False
    return server


async def post(channel: Channel, body: bytes, **headers: str) -> tuple[int, object]:
    async with (
        aiohttp.ClientSession() as session,
        session.post(channel.url, data=body, headers=headers) as response,
    ):
        return response.status, await response.json(content_type=None)


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"[]", "invalid_json"),
        (b"42", "invalid_json"),
        (b"null", "invalid_json"),
        (b'"hei"', "invalid_json"),
        (b"", "invalid_json"),
        (b"{", "invalid_json"),
        (b"\xff\xfe", "invalid_json"),
        (b"[" * 1100 + b"]" * 1100, "invalid_json"),
        (b'{"sender": "a"}', "empty_message"),
        (b'{"sender": "a", "message": ""}', "empty_message"),
        (b'{"sender": "a", "message": "  \\n\\t "}', "empty_message"),
        (b'{"sender": "a", "message": {"text": "hei"}}', "empty_message"),
        (b'{"sender": "a", "message": ["hei"]}', "empty_message"),
        (b'{"sender": "a", "message": null}', "empty_message"),
        (b'{"message": "hei"}', "invalid_sender"),
        (b'{"sender": "", "message": "hei"}', "invalid_sender"),
        (b'{"sender": 42, "message": "hei"}', "invalid_sender"),
        (b'{"sender": "a\\nb", "message": "hei"}', "invalid_sender"),
        (b'{"sender": "a\\u0000b", "message": "hei"}', "invalid_sender"),
        (b'{"sender": "<script>", "message": "hei"}', "invalid_sender"),
        (json.dumps({"sender": "a" * 10_000, "message": "hei"}).encode(), "invalid_sender"),
    ],
    ids=lambda value: value[:40].decode("utf-8", "replace") if isinstance(value, bytes) else None,
)
async def test_bad_requests_get_400_with_a_reason(channel: Channel, body: bytes, code: str) -> None:
    status, answer = await post(channel, body)
    assert status == 400
    assert isinstance(answer, dict) and answer["error"] == code and answer["reason"]
    assert not channel.received


async def test_large_bodies_get_413_declared_or_streamed(channel: Channel) -> None:
    big = json.dumps({"sender": "a", "message": "x" * MAX_BODY_BYTES}).encode()
    assert (await post(channel, big))[0] == 413

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(100):
            yield b" " * 1024

    async with (
        aiohttp.ClientSession() as session,
        session.post(channel.url, data=chunks()) as response,
    ):
        assert response.status == 413
    assert not channel.received


async def test_personal_data_and_metadata_never_reach_the_bot(channel: Channel) -> None:
    body = {
        "sender": "parent-1",
        "message": "hetu 010123A9876 ja 010101Y123A, p. (040) 123 4567 tai 358401234567",
        "metadata": {"hetu": "131052-308T"},
        "input_channel": "telegram",
    }
    status, answer = await post(channel, json.dumps(body).encode())
    assert status == 200
    assert answer == [{"recipient_id": "parent-1", "text": "ok"}]
    (message,) = channel.received
    assert message.text == (
        "hetu [henkilötunnus] ja [henkilötunnus], p. [puhelinnumero] tai [puhelinnumero]"
    )
    assert message.metadata is None
    assert message.input_channel == "rest"


@pytest.mark.parametrize(
    ("metadata", "passed"),
    [
        ({"language": "sv", "hetu": "131052-308T"}, {"language": "sv"}),
        ({"language": "en"}, {"language": "en"}),
        ({"language": "de"}, None),
        ({"language": ["fi"]}, None),
        ("sv", None),
    ],
)
async def test_only_the_language_hint_of_the_metadata_reaches_the_bot(
    channel: Channel, metadata: object, passed: dict[str, str] | None
) -> None:
    body = {"sender": "parent-2", "message": "Hej", "metadata": metadata}
    status, _ = await post(channel, json.dumps(body).encode())
    assert status == 200
    (message,) = channel.received
    assert message.metadata == passed


async def test_crafted_payload_keeps_only_safe_ids(channel: Channel) -> None:
    crafted = '/ask_person_contact{"person": "131052-308T", "contact_field": "040 555 1234"}'
    button = '/ask_person_contact{"person": "sari-paananen", "contact_field": "email"}'
    for text in (crafted, button):
        await post(channel, json.dumps({"sender": "p", "message": text}).encode())
    assert [m.text for m in channel.received] == ["/ask_person_contact", button]


async def test_no_reply_becomes_an_apology_with_112(channel: Channel) -> None:
    channel.silent = True
    status, answer = await post(channel, b'{"sender": "p", "message": "hei"}')
    assert status == 200
    assert answer == [{"recipient_id": "p", "text": NO_REPLY_TEXT}]
    assert "112" in NO_REPLY_TEXT


async def test_health_route(channel: Channel) -> None:
    async with (
        aiohttp.ClientSession() as session,
        session.get(channel.url.removesuffix("webhook")) as response,
    ):
        assert response.status == 200


def test_sender_of_bounded_length_and_safe_characters() -> None:
    ok = "web-" + "a" * (MAX_SENDER_CHARS - 4)
    assert parse_body(json.dumps({"sender": ok, "message": "hei"}).encode()) == (ok, "hei", None)
    with pytest.raises(RequestError):
        parse_body(json.dumps({"sender": ok + "a", "message": "hei"}).encode())


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=10,
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.binary(max_size=200)
    | JSON.map(lambda value: json.dumps(value).encode())
    | st.fixed_dictionaries({"sender": JSON, "message": JSON}).map(
        lambda value: json.dumps(value).encode()
    )
)
def test_fuzz_any_body_is_accepted_or_refused_with_a_reason(body: bytes) -> None:
    try:
        sender, text, language = parse_body(body)
    except RequestError as error:
        assert error.status in {400, 413} and str(error) and error.code
    else:
        assert sender and text.strip() and language in {None, "fi", "sv", "en"}
