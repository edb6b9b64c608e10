"""The page's language goes to Rasa as a hint; each reply keeps its language for the page."""

from __future__ import annotations

import re
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from bot.web.app import STATIC_DIR
from bot.web.rasa_client import language_of, page_messages
from tests.web.conftest import StandInRasa

Client = TestClient


async def send(client: Client, body: dict[str, Any]) -> dict[str, Any]:
    session = await client.post("/api/session")
    token = (await session.json())["session"]
    response = await client.post("/api/messages", json={"session": token, **body})
    assert response.status == 200
    answer: dict[str, Any] = await response.json()
    return answer


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
async def test_page_language_goes_to_rasa_as_metadata(
    client: Client, rasa: StandInRasa, language: str
) -> None:
    await send(client, {"message": "Hej", "metadata": {"language": language}})
    (sent,) = rasa.received
    assert sent["metadata"] == {"language": language}


@pytest.mark.parametrize(
    "metadata",
    [{"language": "de"}, {"language": ["sv"]}, {"language": None}, "sv", [], {"other": "x"}],
)
async def test_other_metadata_is_not_passed_on(
    client: Client, rasa: StandInRasa, metadata: object
) -> None:
    await send(client, {"message": "Hej", "metadata": metadata})
    (sent,) = rasa.received
    assert set(sent) == {"sender", "message"}


@pytest.mark.parametrize(("lang", "kept"), [("sv", "sv"), ("en", "en"), ("de", None), (7, None)])
async def test_replies_keep_their_language(
    client: Client, rasa: StandInRasa, lang: object, kept: str | None
) -> None:
    rasa.lang = lang
    first, second = (await send(client, {"message": "Hej"}))["messages"]
    assert first.get("lang") == kept
    assert "lang" not in second


def test_language_of() -> None:
    assert [language_of(v) for v in ("fi", "sv", "en", "SV", "", None, 1)] == [
        "fi",
        "sv",
        "en",
        None,
        None,
        None,
        None,
    ]
    assert page_messages([{"text": "Hej", "lang": "sv"}]) == [
        {"text": "Hej", "buttons": [], "lang": "sv"}
    ]


def _table(script: str, language: str) -> str:
    match = re.search(rf"\n    {language}: {{\n(.*?)\n    }},\n", script, re.S)
    assert match is not None, language
    return match.group(1)


def test_the_page_has_every_text_in_three_languages() -> None:
    script = (STATIC_DIR / "chat.js").read_text(encoding="utf-8")
    keys = {
        language: re.findall(r"^ {6,8}(\w+):", _table(script, language), re.M)
        for language in ("fi", "sv", "en")
    }
    assert keys["fi"] == keys["sv"] == keys["en"]
    assert {"intro", "privacy", "label", "send", "typing", "offline", "errors"} <= set(keys["fi"])
    for language in ("sv", "en"):
        assert "112" in _table(script, language)
