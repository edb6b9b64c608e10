"""What the bot sends: messages with quick-reply buttons, and the slots a turn sets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Button:
    """A quick reply: what it says and what it sends."""

    title: str
    payload: str


@dataclass(frozen=True)
class Message:
    """One bot message."""

    text: str
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True)
class Reply:
    """The bot's messages for one turn and the slots they set."""

    messages: tuple[Message, ...]
    slots: dict[str, Any] = field(default_factory=dict)


def intent_payload(intent: str, **entities: str) -> str:
    """A button payload that triggers an intent with entities (Rasa's ``/intent{...}``)."""
    if not entities:
        return f"/{intent}"
    pairs = ", ".join(f'"{key}": "{value}"' for key, value in entities.items())
    return f"/{intent}{{{pairs}}}"


def apology() -> Reply:
    """The reply when something failed inside the bot."""
    text = (
        "Pahoittelut, en juuri nyt pysty hakemaan vastausta. Yritä hetken päästä uudelleen. "
        "Jos asia on kiireellinen, ota yhteyttä oman kuntasi palveluihin; hätätilanteessa "
        "soita 112."
    )
    return Reply((Message(text),))
