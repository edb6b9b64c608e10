"""Conversation tokens: the gateway, not the browser, chooses who the bot is talking to.

A token is ``<conversation id>.<signature>``. The id is random; the HMAC signature lets the
gateway check a token without keeping a table of conversations.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

#: Prefix of the Rasa sender ids of website conversations (they show up in the tracker store).
SENDER_PREFIX = "web-"


def _signature(secret: bytes, conversation_id: str) -> str:
    digest = hmac.new(secret, conversation_id.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def new_token(secret: bytes) -> str:
    """Start a conversation and return its signed token."""
    conversation_id = SENDER_PREFIX + secrets.token_urlsafe(18)
    return f"{conversation_id}.{_signature(secret, conversation_id)}"


def conversation_id(secret: bytes, token: object) -> str | None:
    """Return the conversation id of a token this gateway issued, or None for anything else."""
    if not isinstance(token, str):
        return None
    identifier, _, signature = token.rpartition(".")
    if not identifier.startswith(SENDER_PREFIX):
        return None
    if not hmac.compare_digest(signature, _signature(secret, identifier)):
        return None
    return identifier
