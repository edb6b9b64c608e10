"""The REST channel, validated: bad requests get a 400 with a reason, personal data is masked.

``credentials.yml`` lists ``bot.rasa.rest.ValidatingRestInput`` instead of Rasa's ``rest:``;
the address stays ``POST /webhooks/rest/webhook`` with ``{"sender": id, "message": text}``.
Differences from Rasa's :class:`~rasa.core.channels.rest.RestInput`:

* the body must be a JSON object of at most :data:`MAX_BODY_BYTES` bytes (413 otherwise);
  ``[]``, ``42``, ``null``, ``"hei"`` or an empty body get 400 instead of a 500;
* ``sender`` is required: 1–:data:`MAX_SENDER_CHARS` letters, digits and ``_-.:@`` (no
  shared ``default`` conversation, nothing odd stored as an id);
* ``message`` must be a non-blank string of at most :data:`MAX_MESSAGE_CHARS` characters;
* the text is passed through :func:`bot.privacy.clean_user_text` before Rasa sees it, so
  identity codes, phone numbers and emails are masked and typed payloads carry only safe ids;
* of the body's ``metadata`` only ``language`` ("fi", "sv" or "en", the chat page's hint)
  reaches the bot, as ``{"language": …}``; ``input_channel`` is ignored;
* when the bot produced no reply at all, the answer is a short apology with 112.

Errors are ``{"error": code, "reason": text}``; the request body is never echoed.
"""

from __future__ import annotations

import json
import logging
import re
from asyncio import CancelledError
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.directory.model import LANGUAGES
from bot.privacy import clean_user_text

logger = logging.getLogger(__name__)

#: Largest request body accepted, in bytes.
MAX_BODY_BYTES = 16 * 1024

#: Longest message accepted, in characters (the chat page allows 1,000).
MAX_MESSAGE_CHARS = 4000

#: Longest sender id accepted.
MAX_SENDER_CHARS = 128

_SENDER = re.compile(rf"[A-Za-z0-9_.:@-]{{1,{MAX_SENDER_CHARS}}}")

#: The reply when the bot answered nothing (a failure somewhere on the way).
NO_REPLY_TEXT = (
    "Pahoittelut, en pystynyt nyt vastaamaan. Yritä hetken kuluttua uudelleen. "
    "Hätätilanteessa soita 112."
)


class RequestError(ValueError):
    """The request cannot be handed to the bot.

    Attributes:
        code: Short machine-readable reason.
        status: HTTP status to answer with.

    """

    def __init__(self, code: str, reason: str, status: int = 400) -> None:
        super().__init__(reason)
        self.code = code
        self.status = status


def parse_body(body: bytes) -> tuple[str, str, str | None]:
    """Check a webhook body and return its sender and cleaned message.

    Args:
        body: The raw request body.

    Returns:
        ``(sender, text, language)`` with the text ready for Rasa (personal data masked) and
        the language hint of ``metadata.language`` when it is one of the bot's languages.

    Raises:
        RequestError: With the reason the body is refused.

    """
    if len(body) > MAX_BODY_BYTES:
        raise RequestError("too_large", f"The body exceeds {MAX_BODY_BYTES} bytes.", 413)
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise RequestError("invalid_json", "The body is not UTF-8 JSON.") from None
    if not isinstance(data, dict):
        raise RequestError("invalid_json", 'The body must be a JSON object {"sender", "message"}.')
    sender = data.get("sender")
    if not isinstance(sender, str) or not _SENDER.fullmatch(sender):
        raise RequestError(
            "invalid_sender",
            f"sender must be 1-{MAX_SENDER_CHARS} letters, digits or _-.:@ characters.",
        )
    message = data.get("message")
    if not isinstance(message, str) or not message.strip():
        raise RequestError("empty_message", "message must be a non-empty string.")
    if len(message) > MAX_MESSAGE_CHARS:
        raise RequestError(
            "message_too_long", f"message exceeds {MAX_MESSAGE_CHARS} characters.", 413
        )
    metadata = data.get("metadata")
    hint = metadata.get("language") if isinstance(metadata, dict) else None
    return sender, clean_user_text(message), hint if hint in LANGUAGES else None


def _error(error: RequestError) -> HTTPResponse:
    return response.json({"error": error.code, "reason": str(error)}, status=error.status)


async def _read_body(request: Request) -> bytes:
    """Read a streamed body, stopping as soon as it is larger than allowed."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise RequestError("too_large", f"The body exceeds {MAX_BODY_BYTES} bytes.", 413)
    body = bytearray()
    while True:
        chunk = await request.stream.read() if request.stream else None
        if chunk is None:
            return bytes(body)
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise RequestError("too_large", f"The body exceeds {MAX_BODY_BYTES} bytes.", 413)


class LanguageCollectingOutputChannel(CollectingOutputChannel):
    """Rasa's collecting channel that keeps each bot message's language as ``lang``.

    The actions send every message with ``lang`` ("fi", "sv", "en"); the chat page puts it on
    the message element, so that a screen reader reads it in the right language.
    """

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """Collect the message as Rasa does, then mark the collected parts with its language."""
        first = len(self.messages)
        lang = message.get("lang")
        await super().send_response(recipient_id, message)
        if lang in LANGUAGES:
            for collected in self.messages[first:]:
                collected["lang"] = lang


class ValidatingRestInput(RestInput):
    """Rasa's REST channel with the request checked and personal data masked."""

    @classmethod
    def name(cls) -> str:
        """Keep Rasa's name, so the address stays ``/webhooks/rest/webhook``."""
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """The health route and the validating webhook."""
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"], stream=True)
        async def receive(request: Request) -> HTTPResponse:
            try:
                sender, text, language = parse_body(await _read_body(request))
            except RequestError as error:
                return _error(error)
            collector = LanguageCollectingOutputChannel()
            try:
                await on_new_message(
                    UserMessage(
                        text,
                        collector,
                        sender,
                        input_channel=self.name(),
                        metadata={"language": language} if language else None,
                    )
                )
            except CancelledError:
                logger.error("The bot did not finish answering %s", sender)
            except Exception:
                logger.exception("The bot failed to answer %s", sender)
            if not collector.messages:
                return response.json([{"recipient_id": sender, "text": NO_REPLY_TEXT}])
            return response.json(collector.messages)

        return webhook
