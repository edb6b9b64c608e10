"""Conversation tokens: the gateway, not the browser, chooses who the bot is talking to.

A token is ``<conversation id>.<signature>``. The id is ``web-<issue time>-<random>``: random,
with the time it was issued (seconds, hexadecimal), so that tokens expire; the HMAC signature
lets the gateway check a token without keeping a table of conversations. When a token has
expired the page asks for a new one, which starts a new conversation.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import time

#: Prefix of the Rasa sender ids of website conversations (they show up in the tracker store).
SENDER_PREFIX = "web-"

_IDENTIFIER = re.compile(rf"{SENDER_PREFIX}([0-9a-f]{{1,12}})-[A-Za-z0-9_-]{{16,64}}")


def _signature(secret: bytes, conversation_id: str) -> str:
    digest = hmac.new(secret, conversation_id.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def new_token(secret: bytes, now: float | None = None) -> str:
    """Start a conversation and return its signed token.

    Args:
        secret: The gateway's signing key.
        now: Unix time of issue (tests pass their own).

    Returns:
        The token the browser sends back with every message.
    """
    issued = int(time.time() if now is None else now)
    conversation_id = f"{SENDER_PREFIX}{issued:x}-{secrets.token_urlsafe(18)}"
    return f"{conversation_id}.{_signature(secret, conversation_id)}"


def conversation_id(
    secret: bytes, token: object, max_age: float | None = None, now: float | None = None
) -> str | None:
    """Return the conversation id of a token this gateway issued, or None for anything else.

    Args:
        secret: The gateway's signing key.
        token: What the browser sent as its session.
        max_age: Seconds a token stays valid after it was issued (None: no expiry).
        now: Current Unix time (tests pass their own).

    Returns:
        The conversation id, or None for a forged, malformed or expired token.
    """
    if not isinstance(token, str) or len(token) > 200:
        return None
    identifier, _, signature = token.rpartition(".")
    match = _IDENTIFIER.fullmatch(identifier)
    if match is None:
        return None
    if not hmac.compare_digest(signature, _signature(secret, identifier)):
        return None
    if max_age is not None:
        age = (time.time() if now is None else now) - int(match.group(1), 16)
        if age > max_age or age < -60:  # expired, or issued in the future
            return None
    return identifier
