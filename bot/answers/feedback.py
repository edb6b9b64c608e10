"""Feedback on factual answers: "Auttoiko vastaus?" with 👍/👎, and an optional reason.

A factual answer (a reply with a provenance line, ``Lähde: …``) ends with the question and
two quick replies, ``/feedback_helpful`` and ``/feedback_not_helpful``, before the answer's
own quick replies. They stay one message, so the answer is still the bot's last message and
Telegram (which shows one keyboard at a time) keeps every button.

The feedback is stored in the conversation store as a ``feedback`` slot event:
``{"helpful": "yes"}`` or ``{"helpful": "no"}``. After 👎 the parent is invited to say
briefly what was missing. The reason is the very next message, unless it is a new
question: only a message the bot would otherwise not understand (``nlu_fallback`` or
``out_of_scope``) right after 👎 is taken as the reason and stored, masked again, as
``{"helpful": "no", "reason": …}``. Anything else is answered as usual, so a parent who
asks a new question right away is never stuck in a feedback step.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, Final

from bot.answers.intents import Intent
from bot.answers.messages import Button, Message, Reply
from bot.answers.phrases import say
from bot.directory.model import LANGUAGES, Language
from bot.privacy import mask

#: The slot the feedback events are stored in.
FEEDBACK_SLOT: Final = "feedback"
#: How a provenance line starts in each language (:func:`bot.answers.format.provenance_line`).
PROVENANCE_STARTS: Final = tuple(f"{say('source', language)}: " for language in LANGUAGES)
#: Longest reason stored, in characters.
MAX_REASON_CHARS: Final = 500

#: The bot's texts by language code ("fi", "sv", "en").
TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
    "fi": {
        "ask": "Auttoiko vastaus?",
        "yes": "👍 Kyllä",
        "no": "👎 Ei",
        "thanks_yes": "Kiitos palautteesta! Kysy vain lisää, jos haluat.",
        "thanks_no": (
            "Kiitos palautteesta, se auttaa parantamaan vastauksia. Jos haluat, kerro "
            "lyhyesti, mitä vastauksesta puuttui. Älä kirjoita henkilötietoja. Voit myös "
            "kysyä suoraan jotain muuta."
        ),
        "thanks_reason": "Kiitos, palautteesi on tallennettu. Mitä muuta haluaisit tietää?",
    },
    "sv": {
        "ask": "Hjälpte svaret?",
        "yes": "👍 Ja",
        "no": "👎 Nej",
        "thanks_yes": "Tack för responsen! Fråga gärna mer.",
        "thanks_no": (
            "Tack för responsen, den hjälper oss att förbättra svaren. Om du vill kan du "
            "kort berätta vad som saknades. Skriv inga personuppgifter. Du kan också ställa "
            "en ny fråga direkt."
        ),
        "thanks_reason": "Tack, din respons har sparats. Vad mer vill du veta?",
    },
    "en": {
        "ask": "Did this answer help?",
        "yes": "👍 Yes",
        "no": "👎 No",
        "thanks_yes": "Thank you for the feedback! Ask more if you like.",
        "thanks_no": (
            "Thank you for the feedback, it helps us improve the answers. If you like, tell "
            "us briefly what was missing. Please do not write personal data. You can also "
            "ask something else right away."
        ),
        "thanks_reason": (
            "Thank you, your feedback has been saved. What else would you like to know?"
        ),
    },
}

#: Intents of a message that is taken as the reason after 👎 (not a new question).
REASON_INTENTS: Final = frozenset({Intent.NLU_FALLBACK, Intent.OUT_OF_SCOPE})


def texts(language: Language) -> Mapping[str, str]:
    """The texts in the parent's language; Finnish for an unknown code."""
    return TEXTS.get(language, TEXTS["fi"])


def is_factual(reply: Reply) -> bool:
    """Whether a reply states facts: one of its messages carries a provenance line."""
    return any(
        line.startswith(PROVENANCE_STARTS)
        for message in reply.messages
        for line in message.text.splitlines()
    )


def with_feedback(reply: Reply, language: Language = "fi") -> Reply:
    """Ask "Auttoiko vastaus?" with 👍/👎 at the end of a factual reply; others are unchanged.

    Args:
        reply: The answer.
        language: The parent's language code.

    Returns:
        The reply whose last message ends with the question, 👍/👎 first among its buttons.
    """
    if not reply.messages or not is_factual(reply):
        return reply
    text = texts(language)
    *first, last = reply.messages
    asked = replace(
        last,
        text=f"{last.text}\n\n{text['ask']}",
        buttons=(
            Button(text["yes"], f"/{Intent.FEEDBACK_HELPFUL}"),
            Button(text["no"], f"/{Intent.FEEDBACK_NOT_HELPFUL}"),
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
    text = texts(language)["thanks_yes" if helpful else "thanks_no"]
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
    message = Message(texts(language)["thanks_reason"], (), language)
    return Reply((message,), {FEEDBACK_SLOT: slot})
