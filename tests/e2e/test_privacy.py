"""Personal data never reaches the conversation store, and Rasa's REST channel refuses junk.

A scripted conversation with every kind of personal data from issue 14 goes to the real bot,
over Rasa's REST webhook and through the chat gateway; then a byte search of the SQLite file
(and its journal, if any) finds none of it.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from bot.rasa.rest import NO_REPLY_TEXT
from bot.stack import Stack
from tests.conftest import free_ports, send
from tests.postgres import throwaway_postgres

pytestmark = pytest.mark.e2e

#: What parents (or an attacker) typed, as in the issue.
MESSAGES = [
    "Hei, lapseni henkilötunnus on 010123A9876 ja minun 010101Y123A",
    "hetuni 131052-308T, voiko neuvola soittaa?",
    "soittakaa numeroon (040) 123 4567",
    "tai 040/1234567",
    "tai kansainvälisesti 358401234567",
    "sähköposti matti.meikalainen@example.fi",
    '/ask_person_contact{"person": "131052-308T", "contact_field": "040 555 1234"}',
    '/inform_place{"place": "150320A1237"}',
    "Asun Laukaassa, 0501112223",
]

#: Byte strings that must not occur anywhere in the stored conversations (long enough not to
#: turn up by chance in timestamps or random ids).
SECRETS = [
    "010123A9876",
    "010101Y123A",
    "131052-308T",
    "123 4567",
    "040/1234567",
    "358401234567",
    "555 1234",
    "150320A1237",
    "meikalainen",
    "0501112223",
]


def _post(url: str, body: bytes, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def _database_files(stack: Stack) -> list[Path]:
    state = Path(stack.env["PERHEBOTTI_STATE_DIR"])
    return sorted(state.glob("conversations.db*"))


def test_personal_data_is_never_stored(bot_stack: Stack) -> None:
    for text in MESSAGES:
        assert send(bot_stack, "privacy-rest", text), f"no reply to {text!r}"
    rest = f"{bot_stack.ports.rasa_url}/webhooks/rest/webhook"
    with_metadata = {
        "sender": "privacy-metadata",
        "message": "hei",
        "metadata": {"hetu": "131052-308T", "puhelin": "040 123 4567"},
    }
    assert _post(rest, json.dumps(with_metadata).encode())[0] == 200

    web = bot_stack.ports.web_url
    origin = {"Origin": web}
    status, session = _post(f"{web}/api/session", b"{}", origin)
    assert status == 201
    for text in MESSAGES:
        body = json.dumps({"session": session["session"], "message": text}).encode()
        status, answer = _post(f"{web}/api/messages", body, origin)
        assert status == 200 and answer["messages"], (text, answer)

    files = _database_files(bot_stack)
    assert files, "no conversation database was written"
    stored = b"".join(path.read_bytes() for path in files)
    assert b"privacy-rest" in stored and b"[henkil" in stored
    found = [secret for secret in SECRETS if secret.encode() in stored]
    assert found == []


@pytest.mark.parametrize(
    "body",
    [
        b"[]",
        b"42",
        b"null",
        b'"hei"',
        b"",
        b'{"sender": "x"}',
        b'{"sender": "x", "message": "   "}',
        b'{"sender": "x", "message": {"a": 1}}',
        b'{"message": "hei"}',
        b'{"sender": "a\\nb<script>", "message": "hei"}',
        json.dumps({"sender": "a" * 10_000, "message": "hei"}).encode(),
    ],
    ids=lambda body: body[:30].decode(),
)
def test_rest_channel_refuses_bad_requests_with_400(bot_stack: Stack, body: bytes) -> None:
    status, answer = _post(f"{bot_stack.ports.rasa_url}/webhooks/rest/webhook", body)
    assert status == 400
    assert answer["error"] and answer["reason"]


def test_rest_channel_refuses_large_bodies(bot_stack: Stack) -> None:
    body = json.dumps({"sender": "x", "message": "a" * 100_000}).encode()
    status, answer = _post(f"{bot_stack.ports.rasa_url}/webhooks/rest/webhook", body)
    assert status == 413 and answer["error"] == "too_large"


def test_a_normal_question_is_still_answered(bot_stack: Stack) -> None:
    replies = send(bot_stack, "privacy-normal", "Mitä palveluita Laukaan HyPessä on?")
    assert replies and replies[0]["text"] != NO_REPLY_TEXT


def test_personal_data_is_never_stored_in_postgresql(
    trained_model: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    state = tmp_path_factory.mktemp("privacy-pg")
    with throwaway_postgres() as database:
        stack = Stack(
            model=trained_model,
            ports=free_ports(),
            env={"PERHEBOTTI_STATE_DIR": str(state), "PERHEBOTTI_DATABASE_URL": database.url},
            log_dir=state / "logs",
            web=False,
        )
        with stack.running():
            for text in MESSAGES:
                assert send(stack, "privacy-postgres", text), f"no reply to {text!r}"
        dump = database.dump()
    assert b"privacy-postgres" in dump and b"[henkil" in dump
    assert [secret for secret in SECRETS if secret.encode() in dump] == []
