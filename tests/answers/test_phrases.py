"""The phrase table: every phrase in every language, with the same placeholders."""

from __future__ import annotations

from string import Formatter

import pytest

from bot.answers.phrases import ANSWER_PHRASES, PHRASES, say
from bot.answers.phrases_contact import CONTACT_PHRASES
from bot.directory.model import LANGUAGES


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(PHRASES))
def test_every_phrase_has_every_language_and_the_same_placeholders(key: str) -> None:
    texts = PHRASES[key]
    assert set(texts) == set(LANGUAGES)
    assert len({frozenset(placeholders(text)) for text in texts.values()}) == 1
    # Only the note "names stay in Finnish" is empty, and only in Finnish.
    assert texts["sv"] and texts["en"]


def test_the_phrase_tables_share_no_key_and_say_knows_them_all() -> None:
    assert not set(ANSWER_PHRASES) & set(CONTACT_PHRASES)
    assert set(PHRASES) == set(ANSWER_PHRASES) | set(CONTACT_PHRASES)
    assert say("handoff_nothing", "en", place="Tampere") == (
        "The directory has no contact details for Tampere."
    )
    assert say("feedback_ask", "sv") == "Hjälpte svaret?"


def test_say_fills_in_and_refuses_a_missing_value() -> None:
    assert say("no_meeting_places", "sv", place="Lahtis") == (
        "Katalogen har inga mötesplatser i Lahtis."
    )
    with pytest.raises(KeyError):
        say("no_meeting_places", "en")
