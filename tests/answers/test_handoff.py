"""Asking for a person: the local contact card from the directory, never a pretend transfer."""

from __future__ import annotations

import pytest

from bot.answers.feedback import is_factual
from bot.answers.handoff import HANDOFF_QUESTION, handoff_answer, waits_for_place
from bot.directory.queries import Directory


def text_of(directory: Directory, place: str | None, language: str = "fi") -> str:
    reply = handoff_answer(directory, place, language)  # type: ignore[arg-type]
    return "\n".join(message.text for message in reply.messages)


def test_laukaa_gets_its_unit_then_the_region_contact_then_the_helpline(
    directory: Directory,
) -> None:
    text = text_of(directory, "410")
    assert text.startswith("En voi siirtää tätä keskustelua ihmiselle")
    unit, contact, helpline = (text.index(s) for s in ("HyPe", "Hämäläinen", "09 2525 0111"))
    assert unit < contact < helpline  # HyPe has no phone of its own in the directory
    assert "Lähde:" in text


def test_muurame_gets_the_region_contact_person_not_a_laukaa_unit(directory: Directory) -> None:
    text = text_of(directory, "500")
    assert "Hanna Hämäläinen" in text and "[050 304 6670](tel:+358503046670)" in text
    assert "HyPe" not in text


def test_tampere_is_told_plainly_and_still_gets_the_national_line(directory: Directory) -> None:
    text = text_of(directory, "837")
    assert "Hakemistossa ei ole tietoja myöskään alueelta Pirkanmaa" in text
    assert "09 2525 0111" in text
    for elsewhere in ("HyPe", "Hämäläinen"):
        assert elsewhere not in text


def test_swedish_and_english_get_their_own_helpline_first(directory: Directory) -> None:
    swedish, english = text_of(directory, "410", "sv"), text_of(directory, "410", "en")
    assert swedish.startswith("Jag kan inte koppla") and "09 2525 0112" in swedish
    assert english.startswith("I can't transfer this chat") and "09 2525 0116" in english


def test_without_a_place_the_municipality_is_asked_and_the_request_remembered(
    directory: Directory,
) -> None:
    reply = handoff_answer(directory, None)
    assert "Missä kunnassa asut?" in reply.messages[0].text
    assert reply.messages[0].buttons[0].payload == '/inform_place{"place": "410"}'
    assert reply.slots == {"question": dict(HANDOFF_QUESTION)}
    assert waits_for_place(reply.slots["question"])
    assert not is_factual(reply)


def test_an_unknown_place_code_is_asked_again(directory: Directory) -> None:
    assert handoff_answer(directory, "999").slots == {"question": dict(HANDOFF_QUESTION)}


def test_a_region_gets_its_contact_persons(directory: Directory) -> None:
    text = text_of(directory, "region:Keski-Suomi")
    assert "Hanna Hämäläinen" in text


@pytest.mark.parametrize("value", [None, "", {"intent": "ask_services"}, ["ask_human"], 3])
def test_other_question_slots_do_not_wait_for_a_handoff_place(value: object) -> None:
    assert not waits_for_place(value)
