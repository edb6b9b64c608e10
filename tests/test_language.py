"""Which language a message is answered in."""

from __future__ import annotations

import pytest

from bot.language import detect, reply_language, without_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mitä palveluita Laukaassa on lapsiperheille?", "fi"),
        ("Vilka tjänster finns det för barnfamiljer i Laukaa?", "sv"),
        ("What services are there for families with children in Laukaa?", "en"),
        ("hej", "sv"),
        ("moi", "fi"),
    ],
)
def test_a_first_message_is_answered_in_its_language(text: str, expected: str) -> None:
    assert reply_language(text) == expected


def test_short_or_ambiguous_messages_keep_the_conversation_language() -> None:
    for text in ("ok", "Lahti", "tack", "thanks", "?"):
        assert reply_language(text, previous="sv") == "sv"
    assert reply_language("Lahti", previous="en") == "en"


def test_a_clear_sentence_switches_the_language() -> None:
    assert reply_language("Can you answer in English please?", previous="fi") == "en"
    assert reply_language("Voitko vastata suomeksi kiitos?", previous="en") == "fi"
    assert reply_language("och i Lahtis då?", previous="fi") == "sv"


def test_the_swedish_word_for_email_is_swedish() -> None:
    assert reply_language("Elina Vesterinens e-post?", names=[(0, 18)]) == "sv"
    assert reply_language("hennes e-post?", previous="fi") == "sv"
    assert reply_language("e-posti?", previous="fi") == "fi"  # no Swedish word


def test_a_few_words_the_detector_is_unsure_of_keep_the_language() -> None:
    assert reply_language("and Finland in total?", previous="en") == "en"  # Swedish at 0.69


def test_a_word_or_two_left_after_the_names_needs_a_clear_language() -> None:
    text = "äänekosken perhekeskuksen facebook"
    assert reply_language(text, names=[(0, 24)]) == "fi"
    assert reply_language("family centre laukaa", names=[(14, 20)]) == "en"
    assert reply_language("julia ekola phone", names=[(0, 11)]) == "en"


def test_names_are_left_out_of_detection() -> None:
    text = "and what about Äänekoski"
    assert without_spans(text, [(15, 24)]).strip() == "and what about"
    assert reply_language(text, previous="en", names=[(15, 24)]) == "en"


def test_the_hint_decides_only_when_the_message_does_not() -> None:
    assert reply_language("Laukaa", hint="sv", names=[(0, 6)]) == "sv"
    assert reply_language("Laukaa", hint="xx", names=[(0, 6)]) == "fi"
    assert reply_language("Mitä palveluita Laukaassa on lapsiperheille?", hint="en") == "fi"


def test_text_without_words_has_no_language() -> None:
    assert detect("123 !!! 😀") is None
    assert reply_language("123 !!! 😀", previous="en") == "en"


def test_a_button_payload_keeps_the_language() -> None:
    assert reply_language("/greet", hint="sv") == "sv"
    assert reply_language('/ask_services{"place": "410"}', previous="en") == "en"


def test_directory_words_are_left_out_only_when_a_sentence_remains() -> None:
    text = "moi! is there a perhekeskus in Äänekoski? sorry my finnish is bad"
    assert reply_language(text, names=[(31, 40)], terms=[(16, 27)]) == "en"
    assert reply_language(text, names=[(31, 40)]) == "fi"  # what the service word did alone
    keywords = "familjecenter Gustav Adolfs"
    assert reply_language(keywords, names=[(14, 27)], terms=[(0, 13)]) == "sv"
