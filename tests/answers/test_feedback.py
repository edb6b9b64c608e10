"""Feedback: 👍/👎 after every factual answer, and the optional reason after 👎."""

from __future__ import annotations

import pytest

from bot.answers.feedback import (
    awaits_reason,
    feedback_reply,
    is_factual,
    reason_reply,
    with_feedback,
)
from bot.answers.messages import Button, Message, Reply

FACTUAL = Reply(
    (
        Message(
            "Laukaa: HyPe\n\nLähde: Sivu, päivitetty 1.2.2019",
            (Button("Lisää", "/x"),),
            factual=True,
        ),
    ),
    {"question": {"intent": "ask_services"}},
)


def test_a_factual_answer_ends_with_the_question_and_the_buttons() -> None:
    reply = with_feedback(FACTUAL)
    assert len(reply.messages) == 1
    message = reply.messages[0]
    assert message.text.endswith("Lähde: Sivu, päivitetty 1.2.2019\n\nAuttoiko vastaus?")
    assert [(b.title, b.payload) for b in message.buttons] == [
        ("👍 Kyllä", "/feedback_helpful"),
        ("👎 Ei", "/feedback_not_helpful"),
        ("Lisää", "/x"),
    ]
    assert reply.slots == FACTUAL.slots


@pytest.mark.parametrize(
    ("language", "question"), [("sv", "Hjälpte svaret?"), ("en", "Did this answer help?")]
)
def test_the_question_is_in_the_parents_language(language: str, question: str) -> None:
    source = {"sv": "Källa", "en": "Source"}[language]
    reply = Reply((Message(f"Fakta\n\n{source}: Sivu, datum okänt", factual=True),))
    assert with_feedback(reply, language).messages[0].text.endswith(question)  # type: ignore[arg-type]


def test_replies_that_are_not_factual_are_unchanged() -> None:
    reply = Reply((Message("Missä kunnassa asut?", (Button("Laukaa", "/inform_place"),)),))
    assert with_feedback(reply) is reply
    assert with_feedback(Reply(())) == Reply(())
    # The flag decides, not the text: a source line alone does not make a message factual.
    assert not is_factual(Reply((Message("Fakta\n\nLähde: Sivu, datum okänt"),)))
    assert is_factual(Reply((Message("Kysymys"), Message("Fakta", factual=True))))


def test_thumbs_are_stored_as_the_feedback_slot() -> None:
    assert feedback_reply("feedback_helpful").slots == {"feedback": {"helpful": "yes"}}
    down = feedback_reply("feedback_not_helpful")
    assert down.slots == {"feedback": {"helpful": "no"}}
    assert down.messages[0].text == (
        "Kiitos palautteesta, se auttaa parantamaan vastauksia. Jos haluat, kerro lyhyesti, mitä "
        "vastauksesta puuttui. Älä kirjoita henkilötietoja. Voit myös kysyä suoraan jotain muuta."
    )
    assert feedback_reply("feedback_helpful", "sv").messages[0].text == (
        "Tack för responsen! Fråga gärna mer."
    )


def test_only_an_unclear_message_right_after_thumbs_down_is_the_reason() -> None:
    assert awaits_reason(["ask_services", "feedback_not_helpful", "nlu_fallback"])
    assert awaits_reason(["feedback_not_helpful", "out_of_scope"])
    assert not awaits_reason(["feedback_not_helpful", "ask_services"])  # a new question
    assert not awaits_reason(["feedback_helpful", "nlu_fallback"])
    assert not awaits_reason(["feedback_not_helpful", "greet", "nlu_fallback"])
    assert not awaits_reason(["nlu_fallback"])


def test_the_reason_is_masked_again_and_shortened() -> None:
    reply = reason_reply("soitin 040 123 4567 eikä kukaan vastannut " + "x" * 600)
    reason = reply.slots["feedback"]["reason"]
    assert "[puhelinnumero]" in reason and "040" not in reason
    assert len(reason) == 500
    assert reply.slots["feedback"]["helpful"] == "no"
