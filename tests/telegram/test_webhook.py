"""Telegram end to end: real Rasa server, real update JSON, stand-in Bot API (no internet)."""

from __future__ import annotations

import html
import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.privacy import PRIVACY_NOTICE, PRIVACY_NOTICES
from bot.rasa.telegram import SECRET_HEADER
from bot.settings import TelegramSettings
from bot.stack import Stack
from tests.conftest import free_ports
from tests.telegram.standin import BOT_NAME, TOKEN, BotAPI, update
from tests.web.local_server import serving_in_thread

pytestmark = pytest.mark.e2e

WEBHOOK_URL = "https://perhebotti.example.fi/webhooks/telegram/webhook"
SECRET = TelegramSettings(TOKEN, BOT_NAME, WEBHOOK_URL).webhook_secret
HYPE_QUESTION = "Mitä palveluita Laukaan HyPessä on?"


@pytest.fixture(scope="module")
def telegram(
    trained_model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Stack, BotAPI]]:
    """Rasa with the Telegram channel on, pointed at a stand-in Bot API."""
    api = BotAPI()
    state = tmp_path_factory.mktemp("telegram")
    with serving_in_thread(api.app()) as api_port:
        env = {
            "PERHEBOTTI_STATE_DIR": str(state),
            "TELEGRAM_TOKEN": TOKEN,
            "TELEGRAM_BOT_NAME": BOT_NAME,
            "TELEGRAM_WEBHOOK_URL": WEBHOOK_URL,
            "TELEGRAM_API_URL": f"http://127.0.0.1:{api_port}",
        }
        stack = Stack(
            model=trained_model, ports=free_ports(), env=env, log_dir=state / "logs", web=False
        )
        with stack.running():
            yield stack, api


def post_update(stack: Stack, body: dict[str, Any], secret: str | None = SECRET) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers[SECRET_HEADER] = secret
    request = urllib.request.Request(
        f"{stack.ports.rasa_url}/webhooks/telegram/webhook",
        data=json.dumps(body).encode(),
        headers=headers,
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status: int = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status


def say(stack: Stack, api: BotAPI, chat_id: int, text: str) -> list[dict[str, Any]]:
    """Post a user's message; return the messages the bot sent to that chat in reply."""
    before = len(api.sent())
    assert post_update(stack, update(len(api.calls) + 1, chat_id, text)) == 200
    replies = [m for m in api.sent()[before:] if int(m["chat_id"]) == chat_id]
    assert replies, f"no reply to {text!r}"
    return replies


def test_webhook_is_set_with_secret_at_start(telegram: tuple[Stack, BotAPI]) -> None:
    _, api = telegram
    deadline = time.monotonic() + 10
    while not api.sent("setWebhook") and time.monotonic() < deadline:
        time.sleep(0.1)
    (params,) = api.sent("setWebhook")
    assert params["url"] == WEBHOOK_URL
    assert params["secret_token"] == SECRET


def test_update_without_secret_is_refused(telegram: tuple[Stack, BotAPI]) -> None:
    stack, api = telegram
    before = len(api.calls)
    assert post_update(stack, update(1, 7001, "Hei"), secret=None) == 403
    assert post_update(stack, update(2, 7001, "Hei"), secret="wrong") == 403
    assert len(api.calls) == before


def test_start_greets_with_reply_keyboard_and_tapping_a_button_answers(
    telegram: tuple[Stack, BotAPI],
) -> None:
    stack, api = telegram
    notice, greeting = say(stack, api, 7002, "/start")
    assert notice["text"] == html.escape(PRIVACY_NOTICE, quote=False)
    assert "Perhebotti" in greeting["text"]
    keyboard = greeting["reply_markup"]
    assert keyboard["one_time_keyboard"] is True
    titles = [row[0]["text"] for row in keyboard["keyboard"]]
    assert HYPE_QUESTION in titles
    assert all(len(row) == 1 for row in keyboard["keyboard"])

    answer = "\n".join(m["text"] for m in say(stack, api, 7002, HYPE_QUESTION))
    assert "HyPe" in answer


def test_start_in_a_swedish_telegram_app_greets_in_swedish(
    telegram: tuple[Stack, BotAPI],
) -> None:
    stack, api = telegram
    before = len(api.sent())
    assert post_update(stack, update(len(api.calls) + 1, 7010, "/start", language="sv")) == 200
    notice, greeting = (m for m in api.sent()[before:] if int(m["chat_id"]) == 7010)
    assert notice["text"] == html.escape(PRIVACY_NOTICES["sv"], quote=False)
    assert greeting["text"].startswith("Hej! Jag är Perhebotti.")
