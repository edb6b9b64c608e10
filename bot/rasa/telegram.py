"""Telegram channel: Rasa's Telegram connector, configured by ``TELEGRAM_*`` variables.

``credentials.yml`` lists ``bot.rasa.telegram.TelegramInput``; the channel is on when
``TELEGRAM_TOKEN`` is set and then also needs ``TELEGRAM_BOT_NAME`` (the bot's username)
and ``TELEGRAM_WEBHOOK_URL`` (public HTTPS address of ``/webhooks/telegram/webhook``).
``TELEGRAM_API_URL`` points the bot at another Bot API server (a local one, or a stand-in in
tests). :class:`bot.settings.TelegramSettings` reads them. Without ``TELEGRAM_TOKEN`` the
server starts as usual and the channel only answers ``GET /webhooks/telegram/`` with
``{"status": "disabled"}``.

Differences from Rasa's connector:

* the webhook is set when the server has started (not with ``asyncio.run`` while the app is
  being built), and a failure is logged instead of stopping the whole bot;
* Telegram is given a secret derived from the token, and updates without it are refused, so
  nobody else can post messages in a parent's name to the webhook;
* buttons become a reply keyboard; when the user taps one, Telegram sends the title back,
  which is turned into the button's payload again;
* markdown links in the bot's text become Telegram HTML links (phone numbers and emails as
  plain text, which Telegram makes tappable);
* ``/start`` and ``/help`` are understood as a greeting and a question about what the bot does;
  ``/start`` is answered first with the one-line privacy notice in the user's language
  (:data:`bot.privacy.PRIVACY_NOTICES`);
* the Telegram user's ``language_code`` ("sv", "en-GB", "fi") is passed to the bot as the
  hint ``metadata = {"language": "sv"}`` when it is Finnish, Swedish or English; no other
  metadata is passed (:func:`language_hint`);
* what the user typed passes through :func:`bot.privacy.clean_user_text` before Rasa sees it:
  identity codes, phone numbers and emails are masked, and a typed payload keeps only safe ids;
* when the bot sent nothing back (the action server is down, an action failed), the user
  gets the short apology with 112 (:data:`bot.rasa.rest.NO_REPLY_TEXT`), never silence.
"""

from __future__ import annotations

import asyncio
import hmac
import html
import json
import logging
import re
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from aiogram import Bot
from aiogram.bot.api import TelegramAPIServer
from aiogram.types import KeyboardButton, ReplyKeyboardMarkup
from aiogram.utils.exceptions import TelegramAPIError
from rasa.core.channels import telegram
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.shared.exceptions import RasaException
from sanic import Blueprint, response
from sanic.exceptions import InvalidUsage
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.privacy import PRIVACY_NOTICE, PRIVACY_NOTICES, clean_user_text
from bot.rasa.rest import NO_REPLY_TEXT
from bot.settings import TelegramSettings

logger = logging.getLogger(__name__)

#: Header in which Telegram repeats the webhook's secret token.
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"

#: Longest text Telegram accepts in one message.
MESSAGE_LIMIT = 4096

#: Conversations whose last keyboard is remembered (the oldest are forgotten first).
REMEMBERED_KEYBOARDS = 10_000

#: Telegram commands and the intents they stand for.
COMMANDS = {"/start": "/greet", "/help": "/ask_capabilities"}

_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")

#: The languages the bot answers in; a user's other ``language_code`` gives no hint.
HINT_LANGUAGES = frozenset({"fi", "sv", "en"})

#: The parts of an update that carry the user who sent it.
_UPDATE_KINDS = ("message", "edited_message", "callback_query")


def language_hint(update: object) -> str | None:
    """Return the sender's language from a Telegram update: "fi", "sv", "en" or None.

    Telegram gives the language of the user's app as an IETF tag in ``from.language_code``
    ("sv", "en-GB", "pt-br"); only its first part counts, and only the bot's languages.
    """
    if not isinstance(update, dict):
        return None
    for kind in _UPDATE_KINDS:
        part = update.get(kind)
        sender = part.get("from") if isinstance(part, dict) else None
        code = sender.get("language_code") if isinstance(sender, dict) else None
        if isinstance(code, str):
            language = code.split("-", 1)[0].strip().lower()
            return language if language in HINT_LANGUAGES else None
    return None


def telegram_html(text: str) -> str:
    """Escape text for Telegram's HTML mode, turning markdown links into what Telegram shows.

    ``[title](https://…)`` becomes a link; ``[…](tel:…)`` and ``[…](mailto:…)`` become the
    visible text, followed by the number or address when the text does not already show it.
    """
    parts: list[str] = []
    last = 0
    for match in _LINK.finditer(text):
        parts.append(html.escape(text[last : match.start()], quote=False))
        title, target = match.groups()
        scheme, _, address = target.partition(":")
        if scheme in {"http", "https"}:
            parts.append(f'<a href="{html.escape(target)}">{html.escape(title, quote=False)}</a>')
        elif scheme in {"tel", "mailto"}:
            if scheme == "tel":  # "040 123 4567" shows +358401234567: compare the last digits
                shown = re.sub(r"\D", "", address)[-8:] in re.sub(r"\D", "", title)
            else:
                shown = address.lower() in title.lower()
            suffix = "" if shown else f" {address}"
            parts.append(html.escape(title + suffix, quote=False))
        else:
            parts.append(html.escape(match.group(0), quote=False))
        last = match.end()
    parts.append(html.escape(text[last:], quote=False))
    return "".join(parts)


def message_parts(text: str) -> list[str]:
    """Split the bot's text into Telegram messages (HTML), keeping paragraphs together."""
    parts: list[str] = []
    for paragraph in text.strip().split("\n\n"):
        formatted = telegram_html(paragraph)
        if parts and len(parts[-1]) + 2 + len(formatted) <= MESSAGE_LIMIT:
            parts[-1] += "\n\n" + formatted
        else:
            parts.append(formatted)
    return parts


class TelegramOutput(telegram.TelegramOutput):
    """Sends the bot's replies through the configured Bot API server.

    Args:
        settings: The bot's Telegram configuration.

    """

    def __init__(self, settings: TelegramSettings) -> None:
        Bot.__init__(self, settings.token, server=TelegramAPIServer.from_base(settings.api_url))
        self.settings = settings
        self._keyboards: OrderedDict[str, dict[str, str]] = OrderedDict()
        self._sent: OrderedDict[str, int] = OrderedDict()

    def sent_to(self, recipient_id: str) -> int:
        """How many messages this channel has sent to a chat (recently active chats only)."""
        return self._sent.get(str(recipient_id), 0)

    async def set_webhook(self, url: str, *args: Any, **kwargs: Any) -> bool:
        """Point Telegram at ``url``, with the secret token, for the updates the bot handles."""
        payload = {
            "url": url,
            "secret_token": self.settings.webhook_secret,
            "allowed_updates": json.dumps(["message", "edited_message", "callback_query"]),
        }
        result: bool = await self.request("setWebhook", payload)
        return result

    async def _send(self, recipient_id: str, text: str, reply_markup: Any = None) -> None:
        recipient = str(recipient_id)
        self._sent[recipient] = self._sent.get(recipient, 0) + 1
        self._sent.move_to_end(recipient)
        while len(self._sent) > REMEMBERED_KEYBOARDS:
            self._sent.popitem(last=False)
        parts = message_parts(text)
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            await self.send_message(
                recipient_id,
                part,
                parse_mode="HTML",
                disable_web_page_preview=True,
                reply_markup=reply_markup if last else None,
            )

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        """Send text, with links in Telegram's format."""
        await self._send(recipient_id, text)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        """Send text with the buttons as a one-time reply keyboard, one button per row."""
        keyboard = ReplyKeyboardMarkup(resize_keyboard=True, one_time_keyboard=True)
        choices: dict[str, str] = {}
        for button in buttons:
            keyboard.row(KeyboardButton(button["title"]))
            choices[button["title"]] = button.get("payload") or button["title"]
        self._keyboards[str(recipient_id)] = choices
        self._keyboards.move_to_end(str(recipient_id))
        while len(self._keyboards) > REMEMBERED_KEYBOARDS:
            self._keyboards.popitem(last=False)
        await self._send(recipient_id, text or "Valitse:", reply_markup=keyboard)

    def user_text(self, sender_id: str, text: str) -> str:
        """Return what the user meant: a tapped button's payload, a command's intent, or text.

        Typed text comes back with personal data masked (:func:`bot.privacy.clean_user_text`).
        """
        choice = self._keyboards.get(sender_id, {}).get(text)
        if choice is not None:
            return choice
        command = text.split("@", 1)[0] if text.startswith("/") else text
        return COMMANDS.get(command) or clean_user_text(text)


async def reply_or_apologise(
    output: TelegramOutput,
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    message: UserMessage,
) -> None:
    """Hand the message to the bot; when it sent nothing back, send the apology with 112."""
    recipient = str(message.sender_id)
    before = output.sent_to(recipient)
    try:
        await on_new_message(message)
    except Exception:
        logger.exception("The bot failed to answer a Telegram message")
    if output.sent_to(recipient) == before:
        await output.send_text_message(recipient, NO_REPLY_TEXT)


class TelegramInput(telegram.TelegramInput):
    """Receives Telegram updates at ``/webhooks/telegram/webhook``; off without a token.

    Args:
        settings: The bot's Telegram configuration, or None to leave the channel off.

    """

    def __init__(self, settings: TelegramSettings | None) -> None:
        super().__init__(
            settings.token if settings else None,
            settings.bot_name if settings else None,
            settings.webhook_url if settings else None,
            debug_mode=False,
        )
        self.settings = settings
        self._output: TelegramOutput | None = None

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        """Build the channel from the ``TELEGRAM_*`` variables; ``credentials.yml`` gives none.

        Raises:
            RasaException: When ``credentials.yml`` gives values (they belong in the
                ``TELEGRAM_*`` variables) or a needed variable is missing.

        """
        if credentials:
            raise RasaException(
                "Configure Telegram with TELEGRAM_TOKEN, TELEGRAM_BOT_NAME and "
                "TELEGRAM_WEBHOOK_URL in the environment, not in credentials.yml."
            )
        try:
            return cls(TelegramSettings.from_env())
        except ValueError as error:
            raise RasaException(str(error)) from None

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        """Return ``{"language": …}`` from the update's ``language_code``, or None."""
        try:
            body = request.json
        except InvalidUsage:  # a body that is not JSON gives no hint; Rasa's handler refuses it
            return None
        language = language_hint(body)
        return {"language": language} if language else None

    def get_output_channel(self) -> TelegramOutput:
        """Return the channel's one output channel (the webhook is set at server start)."""
        if self.settings is None:
            raise RasaException("The Telegram channel is off: TELEGRAM_TOKEN is not set.")
        if self._output is None:
            self._output = TelegramOutput(self.settings)
        return self._output

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's Telegram routes, guarded by the webhook secret; a stub when off."""
        if self.settings is None:
            disabled = Blueprint("telegram_webhook", __name__)

            @disabled.route("/", methods=["GET"])
            async def health(_: Request) -> HTTPResponse:
                return response.json({"status": "disabled"})

            return disabled

        settings = self.settings
        output = self.get_output_channel()

        async def handle(message: UserMessage) -> None:
            hint = (message.metadata or {}).get("language")
            message.metadata = {"language": hint} if hint in HINT_LANGUAGES else None
            if message.text is not None:
                if message.text.split("@", 1)[0].strip() == "/start":
                    notice = PRIVACY_NOTICES.get(str(hint), PRIVACY_NOTICE)
                    await output.send_text_message(message.sender_id, notice)
                message.text = output.user_text(message.sender_id, message.text)
            await reply_or_apologise(output, on_new_message, message)

        webhook = super().blueprint(handle)

        @webhook.middleware("request")
        async def check_secret(request: Request) -> HTTPResponse | None:
            if request.path.endswith("/webhook") and request.method == "POST":
                sent = request.headers.get(SECRET_HEADER, "")
                if not hmac.compare_digest(sent, settings.webhook_secret):
                    logger.warning("Refused a Telegram update without the webhook secret")
                    return response.text("forbidden", status=403)
            return None

        @webhook.listener("after_server_start")
        async def register_webhook(*_: Any) -> None:
            try:
                await output.set_webhook(settings.webhook_url)
                logger.info("Telegram webhook set to %s", settings.webhook_url)
            except (TelegramAPIError, aiohttp.ClientError, asyncio.TimeoutError) as error:
                logger.error(
                    "Could not set the Telegram webhook at %s: %s. Telegram messages will not "
                    "arrive until it is set (GET /webhooks/telegram/set_webhook retries).",
                    settings.api_url,
                    error,
                )

        @webhook.listener("after_server_stop")
        async def close_session(*_: Any) -> None:
            await output.session.close()

        return webhook
