"""The question a turn asks, with what the conversation remembers (bot/answers/dialogue.py).

Places and persons are found in the message text by the resolver the NLU uses, built from the
real directory, so the ids are the ones a conversation really carries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from bot.answers.dialogue import Question, Turn, asks_national_level, question_for
from bot.answers.intents import Intent
from bot.answers.replies import answer
from bot.directory.model import Language
from bot.directory.queries import Directory
from bot.places import Resolver, resolver_for

SERVICES_OF_COUNSELLING = Question(intent="ask_services", service="perheneuvola")


@dataclass(frozen=True)
class Names:
    """Finds names in a message as the NLU's name extractor does."""

    resolver: Resolver

    def places(self, text: str) -> list[str]:
        """The values of the message's ``place`` entities."""
        kinds = ("municipality", "region", "county")
        return [match.id for match in self.resolver.find(text) if match.kind in kinds]

    def person(self, name: str) -> str:
        """The value of the ``person`` entity of a name."""
        match = self.resolver.resolve_value(name)
        assert match is not None and match.kind == "person", name
        return match.id


@pytest.fixture(scope="module")
def names(directory: Directory) -> Names:
    return Names(resolver_for(directory))


def test_the_resolver_gives_the_directorys_ids(names: Names, directory: Directory) -> None:
    assert names.places("entä Äänekoskella?") == ["992"]
    assert names.places("entä Keski-Suomessa?") == ["region:Keski-Suomi"]
    municipality = directory.municipality("992")
    assert municipality is not None and municipality.name_fi == "Äänekoski"
    person = directory.person(names.person("Hanna Hämäläinen"))
    assert person is not None and person.id == "hanna-hamalainen"


@pytest.mark.parametrize("text", ["entä Äänekoskella?", "Äänekoski", "entä Keski-Suomessa?"])
def test_a_place_alone_repeats_the_previous_question(names: Names, text: str) -> None:
    place = names.places(text)[0]
    turn = Turn(
        "inform_place", {"place": [place]}, place=place, previous=SERVICES_OF_COUNSELLING, text=text
    )
    assert question_for(turn) == SERVICES_OF_COUNSELLING


def test_a_new_place_after_a_unit_drops_the_unit(names: Names) -> None:
    previous = Question(intent="ask_unit_info", unit="laukaa-hype")
    turn = Turn("inform_place", {"place": names.places("entä Äänekoskella?")}, previous=previous)
    assert question_for(turn) == Question(intent="ask_unit_info")
    # A place button carries no place entity: the remembered unit stays.
    assert question_for(Turn("inform_place", {}, previous=previous)) == previous


@pytest.mark.parametrize("intent", ["inform_place", "greet", "thank", "nlu_fallback"])
def test_nothing_is_asked_without_a_question(names: Names, intent: str) -> None:
    assert question_for(Turn(intent, {"place": names.places("Laukaa")})) is None


def test_a_new_question_takes_its_own_entities(names: Names) -> None:
    turn = Turn(
        "find_service",
        {"service": ["perheneuvola", "neuvola"], "place": names.places("onko laukaassa")},
        previous=Question(intent="ask_programme", topics=("lape",)),
    )
    assert question_for(turn) == Question(intent="find_service", service="perheneuvola")


def test_a_programme_follow_up_without_a_topic_keeps_the_previous_topics() -> None:
    previous = Question(intent="ask_programme", topics=("kslape", "avaustapahtuma"))
    follow_up = Turn("ask_programme", {}, previous=previous, text="missä se pidettiin?")
    assert question_for(follow_up) == previous
    # A topic of its own wins; repeated topics are asked once.
    own = Turn("ask_programme", {"topic": ["rahoitus", "rahoitus"]}, previous=previous)
    assert question_for(own) == Question(intent="ask_programme", topics=("rahoitus",))
    # Only a programme question lends its topics.
    after_services = Turn("ask_programme", {}, previous=SERVICES_OF_COUNSELLING)
    assert question_for(after_services) == Question(intent="ask_programme")


@pytest.mark.parametrize(
    ("text", "entities", "field"),
    [
        ("entä puhelinnumero?", {"contact_field": ["phone"]}, "phone"),
        ("mikä hänen numeronsa on?", {"contact_field": ["phone"]}, "phone"),
        ("kerro lisää", {}, "email"),  # no field asked: the previous one
    ],
)
def test_a_contact_follow_up_refers_to_the_last_person(
    names: Names, text: str, entities: dict[str, list[str]], field: str
) -> None:
    hanna = names.person("Hanna Hämäläinen")
    previous = Question(intent="ask_person_contact", contact_field="email", person=hanna)
    turn = Turn("ask_person_contact", entities, person=hanna, previous=previous, text=text)
    assert question_for(turn) == Question(
        intent="ask_person_contact", contact_field=field, person=hanna
    )


def test_a_named_person_wins_over_the_last_one(names: Names) -> None:
    raija = names.person("Raija Harju-Kivisen")
    previous = Question(intent="ask_person_contact", contact_field="phone", person="x")
    turn = Turn(
        "ask_person_contact",
        {"person": [raija], "contact_field": ["email"]},
        person=names.person("Hanna Hämäläinen"),
        previous=previous,
        text="Raija Harju-Kivisen sähköposti",
    )
    assert question_for(turn) == Question(
        intent="ask_person_contact", contact_field="email", person="raija-harju-kivinen"
    )
    # A named person without a field: nothing is borrowed from the previous person.
    alone = Turn("ask_person_contact", {"person": [raija]}, previous=previous)
    assert question_for(alone) == Question(intent="ask_person_contact", person=raija)


def test_a_unit_question_refers_to_the_last_unit_unless_a_place_is_named(names: Names) -> None:
    turn = Turn("ask_unit_info", {}, unit="laukaa-hype", text="kerro siitä lisää")
    assert question_for(turn) == Question(intent="ask_unit_info", unit="laukaa-hype")
    named = Turn("ask_unit_info", {"place": names.places("Äänekoskella")}, unit="laukaa-hype")
    assert question_for(named) == Question(intent="ask_unit_info")


def test_a_role_question_without_a_role_keeps_the_previous_role(names: Names) -> None:
    previous = Question(intent="ask_contact_role", role="muutosagentti")
    turn = Turn(
        "ask_contact_role", {"place": names.places("entä Päijät-Hämeessä?")}, previous=previous
    )
    assert question_for(turn) == previous


def test_a_question_goes_to_the_slot_and_back() -> None:
    question = Question(
        intent="ask_programme",
        service="perhekeskus",
        topics=("kslape", "avaustapahtuma"),
        role="muutosagentti",
        contact_field="email",
        unit="laukaa-hype",
        person="hanna-hamalainen",
    )
    slot = question.to_slot()
    assert slot == {
        "intent": "ask_programme",
        "service": "perhekeskus",
        "topics": ["kslape", "avaustapahtuma"],
        "role": "muutosagentti",
        "contact_field": "email",
        "unit": "laukaa-hype",
        "person": "hanna-hamalainen",
    }
    assert Question.from_slot(slot) == question
    assert Question(intent="ask_services").to_slot() == {"intent": "ask_services"}
    assert Question.from_slot({"intent": "ask_services"}) == Question(intent="ask_services")


@pytest.mark.parametrize(
    ("slot", "question"),
    [
        (None, None),
        ("ask_services", None),
        ({"intent": "greet"}, None),  # not a question
        ({"intent": "ask_human"}, None),  # the handoff request is no directory question
        ({"unit": "laukaa-hype"}, None),
        (
            {"intent": "ask_programme", "topics": "lape", "colour": "red", "unit": ""},
            Question(intent="ask_programme"),
        ),
        (
            {"intent": "ask_unit_info", "unit": "laukaa-hype", "topics": ["lape", 3]},
            Question(intent="ask_unit_info", unit="laukaa-hype", topics=("lape", "3")),
        ),
    ],
)
def test_a_malformed_slot_is_read_safely(slot: Any, question: Question | None) -> None:
    assert Question.from_slot(slot) == question


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("entä koko maa?", "fi"),
        ("och hela landet sammanlagt?", "sv"),
        ("and Finland in total?", "en"),
    ],
)
def test_the_whole_country_after_a_regional_programme_answer_gets_the_national_fact(
    directory: Directory, text: str, language: Language
) -> None:
    previous = Question(intent=Intent.ASK_PROGRAMME, topics=("lape", "rahoitus"))
    for intent in (Intent.INFORM_PLACE, Intent.ASK_PROGRAMME):
        turn = Turn(
            intent=intent,
            entities={},
            place="region:Keski-Suomi",
            previous=previous,
            text=text,
            language=language,
        )
        assert asks_national_level(turn)
        reply = answer(directory, turn).messages[0].text
        assert "19 miljoonaa euroa" in reply and "Keski-Suomeen" not in reply


def test_the_whole_country_without_a_programme_question_is_no_follow_up() -> None:
    turn = Turn(intent=Intent.INFORM_PLACE, entities={}, text="entä koko maa?")
    assert not asks_national_level(turn)


def test_a_unit_named_alone_asks_about_that_unit() -> None:
    alone = Turn(intent=Intent.INFORM_PLACE, entities={"unit": ("asikkala-perhekeskus",)})
    assert question_for(alone) == Question(intent=Intent.ASK_UNIT_INFO, unit="asikkala-perhekeskus")
    previous = Question(intent=Intent.ASK_MEETING_PLACES, person="sari-paananen")
    follow_up = Turn(
        intent=Intent.INFORM_PLACE, entities={"unit": ("laukaa-hype",)}, previous=previous
    )
    assert question_for(follow_up) == Question(intent=Intent.ASK_MEETING_PLACES, unit="laukaa-hype")
