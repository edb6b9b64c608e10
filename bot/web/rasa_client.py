"""Forward a user's message to Rasa's REST channel and keep only what the page shows.

The page's language goes along as the hint ``{"metadata": {"language": "sv"}}``; each reply
keeps the ``lang`` Rasa gave it ("fi", "sv", "en"), so the page can mark the message for
screen readers.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import aiohttp

from bot.directory.model import LANGUAGES, Language

logger = logging.getLogger(__name__)


class BotError(Exception):
    """The bot could not answer.

    Attributes:
        code: ``bot_unavailable`` (Rasa is down), ``bot_timeout`` (it did not answer in time)
            or ``bot_error`` (it answered with an error or with something unreadable).

    """

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def language_of(value: object) -> Language | None:
    """Return ``value`` when it is one of the bot's languages ("fi", "sv", "en"), else None."""
    for language in LANGUAGES:
        if value == language:
            return language
    return None


async def ask(
    session: aiohttp.ClientSession,
    rasa_url: str,
    sender: str,
    message: str,
    timeout: float,
    language: Language | None = None,
) -> list[dict[str, Any]]:
    """Send one message to Rasa's REST webhook and return the bot's replies.

    Args:
        session: HTTP client session of the gateway.
        rasa_url: Base URL of the Rasa server.
        sender: Conversation id (issued by the gateway).
        message: The user's text or a button's payload.
        timeout: Seconds to wait for the whole answer.
        language: The page's language, sent as the hint ``metadata.language``.

    Returns:
        Replies as ``{"text": str, "buttons": [{"title": str, "payload": str}]}``, with
        ``"lang"`` when Rasa gave the reply's language.

    Raises:
        BotError: When Rasa is down, too slow, or answers with an error.

    """
    url = f"{rasa_url}/webhooks/rest/webhook"
    body: dict[str, Any] = {"sender": sender, "message": message}
    if language is not None:
        body["metadata"] = {"language": language}
    try:
        async with session.post(
            url,
            json=body,
            timeout=aiohttp.ClientTimeout(total=timeout),
        ) as response:
            if response.status != 200:
                logger.warning("Rasa answered %s at %s", response.status, url)
                raise BotError("bot_error")
            body = await response.json(content_type=None)
    except asyncio.TimeoutError:
        logger.warning("Rasa did not answer within %s s at %s", timeout, url)
        raise BotError("bot_timeout") from None
    except aiohttp.ClientError as error:
        logger.warning("Rasa is not reachable at %s: %s", url, error)
        raise BotError("bot_unavailable") from None
    except ValueError:
        logger.warning("Rasa answered with something that is not JSON at %s", url)
        raise BotError("bot_error") from None
    return page_messages(body)


def page_messages(body: object) -> list[dict[str, Any]]:
    """Keep the text, buttons and language of Rasa's REST replies, dropping anything malformed."""
    if not isinstance(body, list):
        raise BotError("bot_error")
    messages: list[dict[str, Any]] = []
    for reply in body:
        if not isinstance(reply, dict):
            continue
        text = reply.get("text")
        buttons = [
            {"title": button["title"], "payload": button["payload"]}
            for button in reply.get("buttons") or []
            if isinstance(button, dict)
            and isinstance(button.get("title"), str)
            and isinstance(button.get("payload"), str)
        ]
        if isinstance(text, str) or buttons:
            kept = {"text": text if isinstance(text, str) else "", "buttons": buttons}
            language = language_of(reply.get("lang"))
            if language is not None:
                kept["lang"] = language
            messages.append(kept)
    return messages
