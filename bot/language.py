"""Which language a parent writes in: Finnish, Swedish or English, per message.

Detection uses Lingua (``lingua-language-detector``, offline, made for short text) limited to
the three languages the bot answers in; it was right on 99.0 % of 500 independent chat
messages against 96.6 % for py3langid (``python -m tools.language_bench``). A conversation keeps
its language through short or ambiguous messages ("ok", "Lahti", "kiitos"): it switches only
when a message is clearly in another language. Place, unit and person names are left out
before detection, because a Finnish town name inside an English sentence says nothing about
the parent's language; so are service, role and topic words when a sentence remains around
them ("is there a perhekeskus in Äänekoski?").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Final, TypeGuard

from lingua import Language as LinguaLanguage
from lingua import LanguageDetector, LanguageDetectorBuilder

from bot.directory.model import LANGUAGES, Language

DEFAULT_LANGUAGE: Final[Language] = "fi"

#: A message of at most this many words is short: it rarely shows its language.
SHORT_WORDS = 2
#: Confidence needed to switch away from the conversation's language ("and Finland in total?"
#: is Swedish to the detector at 0.69; a parent who switches writes a clearer sentence).
SWITCH_CONFIDENCE = {"short": 0.9, "long": 0.7}
#: Confidence needed for the first message, when only the page's hint or the default is known.
FIRST_CONFIDENCE = {"short": 0.5, "long": 0.5}
#: Confidence needed when names were left out and only a word or two remain: in
#: "äänekosken perhekeskuksen facebook" the Finnish is in the names' case endings.
AFTER_NAMES_CONFIDENCE = 0.58

_CODES: Final[dict[LinguaLanguage, Language]] = {
    LinguaLanguage.FINNISH: "fi",
    LinguaLanguage.SWEDISH: "sv",
    LinguaLanguage.ENGLISH: "en",
}
_WORD = re.compile(r"[^\W\d_]+")
#: "e-post" (Swedish for e-mail) is two words to Lingua, "e" and "post", which it reads as
#: Finnish: "Elina Vesterinens e-post?", "hennes e-post?" are Swedish.
_SWEDISH_EMAIL = re.compile(r"\be-?post(?:adress(?:en)?)?\b", re.IGNORECASE)


def is_language(value: object) -> TypeGuard[Language]:
    """Whether a value (a slot, a hint from a channel) is one of the bot's languages."""
    return value in LANGUAGES


@dataclass(frozen=True)
class Detection:
    """The likeliest language of a text and how sure the detector is (0–1)."""

    language: Language
    confidence: float
    words: int


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_CODES).with_preloaded_language_models().build()


def warm_up() -> None:
    """Load the language models now (the first parent should not wait for them)."""
    _detector()


def without_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with the given character spans (names found by the NLU) blanked out."""
    chars = list(text)
    for start, end in spans:
        for index in range(max(0, start), min(len(chars), end)):
            chars[index] = " "
    return "".join(chars)


def detect(text: str) -> Detection | None:
    """The likeliest of the bot's languages for a text, or None when it has no words."""
    words = _WORD.findall(text)
    if not words:
        return None
    if _SWEDISH_EMAIL.search(text):
        return Detection("sv", 1.0, len(words))
    values = _detector().compute_language_confidence_values(" ".join(words))
    best = values[0]
    return Detection(_CODES[best.language], best.value, len(words))


def reply_language(
    text: str,
    *,
    previous: str | None = None,
    hint: str | None = None,
    names: Iterable[tuple[int, int]] = (),
    terms: Iterable[tuple[int, int]] = (),
) -> Language:
    """The language to answer this message in.

    Args:
        text: The parent's message.
        previous: The conversation's language so far (the ``language`` slot), if any.
        hint: The channel's hint (the chat page's language, Telegram's ``language_code``).
        names: Character spans of place, unit and person names to leave out.
        terms: Character spans of service, role and topic words. They are left out too
            when a sentence remains ("is there a perhekeskus in Äänekoski?"), but kept in
            a keyword query, where they are the only words ("familjecenter Gustav Adolfs").

    Returns:
        The detected language when the message clearly shows it; otherwise the
        conversation's language, else the hint, else Finnish.
    """
    base: Language = (
        previous if is_language(previous) else hint if is_language(hint) else DEFAULT_LANGUAGE
    )
    if text.lstrip().startswith("/"):
        # A button's payload ("/greet", '/ask_services{"place": "410"}') says nothing.
        return base
    spans = list(names)
    with_terms = [*spans, *terms]
    if len(_WORD.findall(without_spans(text, with_terms))) > SHORT_WORDS:
        spans = with_terms
    detection = detect(without_spans(text, spans))
    if detection is None or detection.language == base:
        return base
    length = "short" if detection.words <= SHORT_WORDS else "long"
    needed = (SWITCH_CONFIDENCE if is_language(previous) else FIRST_CONFIDENCE)[length]
    if spans and length == "short":
        needed = max(needed, AFTER_NAMES_CONFIDENCE)
    return detection.language if detection.confidence >= needed else base
