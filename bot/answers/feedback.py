"""Feedback on factual answers: "Auttoiko vastaus?" with 👍/👎, and an optional reason.

A factual answer (a reply with a message marked ``factual``: one that ends with its sources,
``Lähde: …``) ends with the question and two quick replies, ``/feedback_helpful`` and
``/feedback_not_helpful``, before the answer's own quick replies. They stay one message, so
the answer is still the bot's last message and Telegram (which shows one keyboard at a time)
keeps every button.

The feedback is stored in the conversation store as a ``feedback`` slot event:
``{"helpful": "yes"}`` or ``{"helpful": "no"}``. After 👎 the parent is invited to say
briefly what was missing. The reason is the very next message, unless it is a new
question: only a message the bot would otherwise not understand (``nlu_fallback`` or
``out_of_scope``) right after 👎 is taken as the reason and stored, masked again, as
``{"helpful": "no", "reason": …}``. Anything else is answered as usual, so a parent who
asks a new question right away is never stuck in a feedback step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Final

from bot.answers.intents import Intent
from bot.answers.messages import Button, Message, Reply
from bot.answers.phrases import say
from bot.directory.model import Language
from bot.privacy import mask

#: The slot the feedback events are stored in.
FEEDBACK_SLOT: Final = "feedback"
#: Longest reason stored, in characters.
MAX_REASON_CHARS: Final = 500

#: Intents of a message that is taken as the reason after 👎 (not a new question).
REASON_INTENTS: Final = frozenset({Intent.NLU_FALLBACK, Intent.OUT_OF_SCOPE})


def is_factual(reply: Reply) -> bool:
    """Whether a reply states facts: one of its messages is marked ``factual``."""
    return any(message.factual for message in reply.messages)


def with_feedback(reply: Reply, language: Language = "fi") -> Reply:
    """Ask "Auttoiko vastaus?" with 👍/👎 at the end of a factual reply; others are unchanged.

    Args:
        reply: The answer.
        language: The parent's language code.

    Returns:
        The reply whose last message ends with the question, 👍/👎 first among its buttons.
    """
    if not is_factual(reply):
        return reply
    *first, last = reply.messages
    asked = replace(
        last,
        text=f"{last.text}\n\n{say('feedback_ask', language)}",
        buttons=(
            Button(say("feedback_yes", language), f"/{Intent.FEEDBACK_HELPFUL}"),
            Button(say("feedback_no", language), f"/{Intent.FEEDBACK_NOT_HELPFUL}"),
            *last.buttons,
        ),
    )
    return replace(reply, messages=(*first, asked))


def feedback_reply(intent: str, language: Language = "fi") -> Reply:
    """Thank the parent for 👍 or 👎 and store it as the ``feedback`` slot.

    Args:
        intent: ``feedback_helpful`` or ``feedback_not_helpful``.
        language: The parent's language code.
    """
    helpful = intent == Intent.FEEDBACK_HELPFUL
    text = say("feedback_thanks_yes" if helpful else "feedback_thanks_no", language)
    return Reply(
        (Message(text, (), language),), {FEEDBACK_SLOT: {"helpful": "yes" if helpful else "no"}}
    )


def awaits_reason(intents: Sequence[str]) -> bool:
    """Whether the latest message is the optional reason after 👎.

    Args:
        intents: The intents of the conversation's user messages, oldest first, the latest
            message's last.
    """
    return (
        len(intents) >= 2
        and intents[-2] == Intent.FEEDBACK_NOT_HELPFUL
        and intents[-1] in REASON_INTENTS
    )


def reason_reply(text: str, language: Language = "fi") -> Reply:
    """Store the reason after 👎 (masked, shortened) and thank the parent."""
    reason = " ".join(mask(text).split())[:MAX_REASON_CHARS]
    slot: dict[str, Any] = {"helpful": "no", "reason": reason}
    message = Message(say("feedback_thanks_reason", language), (), language)
    return Reply((message,), {FEEDBACK_SLOT: slot})
