"""Forward a user's message to Rasa's REST channel and keep only what the page shows."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import aiohttp

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


async def ask(
    session: aiohttp.ClientSession, rasa_url: str, sender: str, message: str, timeout: float
) -> list[dict[str, Any]]:
    """Send one message to Rasa's REST webhook and return the bot's replies.

    Args:
        session: HTTP client session of the gateway.
        rasa_url: Base URL of the Rasa server.
        sender: Conversation id (issued by the gateway).
        message: The user's text or a button's payload.
        timeout: Seconds to wait for the whole answer.

    Returns:
        Replies as ``{"text": str, "buttons": [{"title": str, "payload": str}]}``.

    Raises:
        BotError: When Rasa is down, too slow, or answers with an error.

    """
    url = f"{rasa_url}/webhooks/rest/webhook"
    try:
        async with session.post(
            url,
            json={"sender": sender, "message": message},
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
    """Keep the text and buttons of Rasa's REST replies, dropping anything malformed."""
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
            messages.append({"text": text if isinstance(text, str) else "", "buttons": buttons})
    return messages
