"""The Telegram channel's own parts, against the stand-in Bot API (no Rasa server)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from aiohttp.test_utils import TestServer
from rasa.core.channels.channel import UserMessage
from rasa.shared.exceptions import RasaException
from sanic.exceptions import InvalidUsage

from bot.rasa.rest import NO_REPLY_TEXT
from bot.rasa.telegram import (
    MESSAGE_LIMIT,
    TelegramInput,
    TelegramOutput,
    language_hint,
    message_parts,
    reply_or_apologise,
    telegram_html,
)
from bot.settings import DEFAULT_TELEGRAM_API_URL, TelegramSettings
from tests.telegram.standin import BOT_NAME, TOKEN, BotAPI, update

WEBHOOK = "https://perhebotti.example.fi/webhooks/telegram/webhook"


@pytest.fixture
def api() -> BotAPI:
    return BotAPI()


@pytest.fixture
async def output(
    api: BotAPI, aiohttp_server: Callable[..., Awaitable[TestServer]]
) -> AsyncIterator[TelegramOutput]:
    server = await aiohttp_server(api.app())
    channel = TelegramOutput(
        TelegramSettings(TOKEN, BOT_NAME, WEBHOOK, api_url=str(server.make_url("")))
    )
    yield channel
    await channel.session.close()


def test_links_become_telegram_html() -> None:
    text = (
        "Soita [040 123 4567](tel:+358401234567), [neuvolaan](tel:+35814123) tai "
        "[hype@laukaa.fi](mailto:hype@laukaa.fi). Lue [HyPe](https://www.laukaa.fi/a?b=1&c=2) "
        "<script>alert(1)</script> [x](javascript:alert(1))"
    )
    assert telegram_html(text) == (
        "Soita 040 123 4567, neuvolaan +35814123 tai hype@laukaa.fi. "
        'Lue <a href="https://www.laukaa.fi/a?b=1&amp;c=2">HyPe</a> '
        "&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))"
    )


def test_long_text_is_split_between_paragraphs() -> None:
    first, second = "a" * 3000, "b" * 3000
    parts = message_parts(f"Lyhyt.\n\n{first}\n\n{second}\n\nLoppu.")
    assert parts == [f"Lyhyt.\n\n{first}", f"{second}\n\nLoppu."]
    assert all(len(part) <= MESSAGE_LIMIT for part in parts)
    assert message_parts("Yksi.\n\nKaksi.") == ["Yksi.\n\nKaksi."]


def test_settings_from_environment() -> None:
    assert TelegramSettings.from_env({}) is None
    assert TelegramSettings.from_env({"TELEGRAM_TOKEN": "  "}) is None
    env = {
        "TELEGRAM_TOKEN": TOKEN,
        "TELEGRAM_BOT_NAME": "@" + BOT_NAME,
        "TELEGRAM_WEBHOOK_URL": WEBHOOK,
    }
    settings = TelegramSettings.from_env(env)
    assert settings == TelegramSettings(TOKEN, BOT_NAME, WEBHOOK, DEFAULT_TELEGRAM_API_URL)
    assert settings.webhook_secret != TelegramSettings("1:other", BOT_NAME, WEBHOOK).webhook_secret
    with pytest.raises(ValueError, match="TELEGRAM_WEBHOOK_URL"):
        TelegramSettings.from_env({"TELEGRAM_TOKEN": TOKEN, "TELEGRAM_BOT_NAME": BOT_NAME})


def test_an_incomplete_environment_stops_the_channel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_TOKEN", TOKEN)
    monkeypatch.delenv("TELEGRAM_BOT_NAME", raising=False)
    monkeypatch.delenv("TELEGRAM_WEBHOOK_URL", raising=False)
    with pytest.raises(RasaException, match="TELEGRAM_BOT_NAME and TELEGRAM_WEBHOOK_URL"):
        TelegramInput.from_credentials(None)


def test_channel_is_off_without_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TELEGRAM_TOKEN", raising=False)
    channel = TelegramInput.from_credentials(None)
    blueprint = channel.blueprint(on_new_message=lambda message: None)
    assert [route.uri for route in blueprint._future_routes] == ["/"]
    with pytest.raises(RasaException, match="TELEGRAM_TOKEN"):
        channel.get_output_channel()
    with pytest.raises(RasaException, match="environment"):
        TelegramInput.from_credentials({"access_token": TOKEN})


async def test_set_webhook_sends_secret(output: TelegramOutput, api: BotAPI) -> None:
    assert await output.set_webhook(WEBHOOK) is True
    (params,) = api.sent("setWebhook")
    assert params["url"] == WEBHOOK
    assert params["secret_token"] == output.settings.webhook_secret
    assert params["allowed_updates"] == ["message", "edited_message", "callback_query"]


async def test_buttons_become_reply_keyboard(output: TelegramOutput, api: BotAPI) -> None:
    buttons = [
        {"title": "Laukaa", "payload": '/inform_place{"place": "410"}'},
        {"title": "Mitä osaat?", "payload": "/ask_capabilities"},
    ]
    await output.send_response("42", {"text": "Missä kunnassa asut?", "buttons": buttons})
    (sent,) = api.sent()
    assert sent["chat_id"] == "42"
    assert sent["text"] == "Missä kunnassa asut?"
    assert sent["parse_mode"] == "HTML"
    assert sent["reply_markup"] == {
        "keyboard": [[{"text": "Laukaa"}], [{"text": "Mitä osaat?"}]],
        "resize_keyboard": True,
        "one_time_keyboard": True,
    }
    assert output.user_text("42", "Laukaa") == '/inform_place{"place": "410"}'
    assert output.user_text("42", "Mitä osaat?") == "/ask_capabilities"
    assert output.user_text("42", "Laukaa ja Muurame") == "Laukaa ja Muurame"
    assert output.user_text("43", "Laukaa") == "Laukaa"


def test_commands_become_intents(output: TelegramOutput) -> None:
    assert output.user_text("42", "/start") == "/greet"
    assert output.user_text("42", f"/help@{BOT_NAME}") == "/ask_capabilities"
    assert output.user_text("42", "/muu") == "/muu"


def test_typed_personal_data_is_masked(output: TelegramOutput) -> None:
    typed = "hetu 010123A9876, soita (040) 123 4567"
    assert output.user_text("42", typed) == "hetu [henkilötunnus], soita [puhelinnumero]"
    crafted = '/ask_person_contact{"person": "131052-308T", "contact_field": "040 555 1234"}'
    assert output.user_text("42", crafted) == "/ask_person_contact"


async def test_text_goes_out_as_html(output: TelegramOutput, api: BotAPI) -> None:
    await output.send_response("42", {"text": "Katso [sivu](https://hype.fi) & soita."})
    (sent,) = api.sent()
    assert sent["text"] == 'Katso <a href="https://hype.fi">sivu</a> &amp; soita.'
    assert sent["disable_web_page_preview"] == "True"  # aiogram's form encoding
    assert "reply_markup" not in sent


async def test_no_reply_gets_the_apology_with_112(output: TelegramOutput, api: BotAPI) -> None:
    async def silent(message: UserMessage) -> None:  # e.g. the action server is down
        return None

    async def failing(message: UserMessage) -> None:
        raise RuntimeError("action server unreachable")

    for bot in (silent, failing):
        await reply_or_apologise(output, bot, UserMessage("Mikä on LAPE?", output, 42))
    assert [sent["text"] for sent in api.sent()] == [NO_REPLY_TEXT, NO_REPLY_TEXT]
    assert "112" in NO_REPLY_TEXT


async def test_a_reply_gets_no_apology(output: TelegramOutput, api: BotAPI) -> None:
    async def answering(message: UserMessage) -> None:
        await output.send_text_message(str(message.sender_id), "LAPE on muutosohjelma.")

    await reply_or_apologise(output, answering, UserMessage("Mikä on LAPE?", output, 42))
    assert [sent["text"] for sent in api.sent()] == ["LAPE on muutosohjelma."]


def with_language(code: object, kind: str = "message") -> dict[str, object]:
    """A text update whose sender's app is in the language ``code``."""
    body = update(1, 7010, "Hej")
    body["message"]["from"]["language_code"] = code
    if kind != "message":
        body[kind] = body.pop("message")
    return body


@pytest.mark.parametrize(
    ("code", "hint"),
    [
        ("sv", "sv"),
        ("en", "en"),
        ("fi", "fi"),
        ("en-GB", "en"),
        ("SV", "sv"),
        ("de", None),
        ("pt-br", None),
        ("", None),
        (None, None),
        (42, None),
    ],
)
def test_language_code_becomes_the_language_hint(code: object, hint: str | None) -> None:
    assert language_hint(with_language(code)) == hint


def test_language_hint_of_edited_messages_and_button_taps() -> None:
    assert language_hint(with_language("sv", "edited_message")) == "sv"
    assert language_hint(with_language("en", "callback_query")) == "en"
    assert language_hint({"update_id": 1}) is None
    assert language_hint([]) is None


class _Request:
    def __init__(self, body: object) -> None:
        self._body = body

    @property
    def json(self) -> object:
        if self._body is None:
            raise InvalidUsage("Failed when parsing body as json")
        return self._body


def test_the_channel_passes_only_the_language_hint_as_metadata() -> None:
    channel = TelegramInput(TelegramSettings(TOKEN, BOT_NAME, WEBHOOK))
    body = with_language("sv")
    assert channel.get_metadata(_Request(body)) == {"language": "sv"}  # type: ignore[arg-type]
    assert channel.get_metadata(_Request(with_language("ru"))) is None  # type: ignore[arg-type]
    assert channel.get_metadata(_Request(None)) is None  # type: ignore[arg-type]
