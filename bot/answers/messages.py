"""What the bot sends: messages with quick-reply buttons, and the slots a turn sets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.answers.phrases import say
from bot.directory.model import Language


@dataclass(frozen=True)
class Button:
    """A quick reply: what it says and what it sends."""

    title: str
    payload: str


@dataclass(frozen=True)
class Message:
    """One bot message, in the language it is written in.

    Attributes:
        text: What the message says.
        buttons: Its quick replies.
        lang: The language it is written in.
        factual: Whether it states facts of the directory (it ends with their sources).
    """

    text: str
    buttons: tuple[Button, ...] = ()
    lang: Language = "fi"
    factual: bool = False


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


def apology(lang: Language = "fi") -> Reply:
    """The reply when something failed inside the bot."""
    return Reply((Message(say("apology", lang), lang=lang),))
