"""Which reading is answered, which facts rank first, and how an unsure turn is rescued."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answers.dialogue import (
    Question,
    Turn,
    asks_again_for_place,
    question_for,
    refers_to_unit,
)
from bot.answers.facts import rank_facts, responsible_for
from bot.answers.replies import answer
from bot.answers.routing import likeliest_question, not_understood
from bot.directory.model import Language
from bot.directory.queries import Directory


def reply(directory: Directory, intent: str, text: str, **kwargs: object) -> str:
    entities = kwargs.pop("entities", {})
    turn = Turn(intent=intent, entities=entities, text=text, **kwargs)  # type: ignore[arg-type]
    messages = answer(directory, turn).messages
    return "\n".join(
        "\n".join([message.text, *(button.title for button in message.buttons)])
        for message in messages
    )


def test_a_town_and_a_service_word_get_the_local_service(directory: Directory) -> None:
    text = reply(
        directory,
        "ask_programme",
        "perhekeskus heinola",
        entities={"place": ["111"], "topic": ["perhekeskus"]},
        place="111",
    )
    assert "kunnassa Heinola" in text and "Päijät-Hämeen perhekeskus" in text


def test_what_is_a_family_centre_stays_the_definition(directory: Directory) -> None:
    text = reply(
        directory,
        "ask_programme",
        "mikä on perhekeskus laukaassa",
        entities={"place": ["410"], "topic": ["perhekeskus"]},
        place="410",
    )
    assert text.startswith("Mikä on perhekeskus?")


def test_a_programme_topic_worded_like_a_unit_question(directory: Directory) -> None:
    text = reply(
        directory,
        "ask_unit_info",
        "missä keski-suomen lape avajaiset pidettiin",
        entities={"place": ["region:Keski-Suomi"]},
        place="region:Keski-Suomi",
    )
    assert "Pääkirjaston Minnansalissa" in text


def test_contact_details_of_a_unit_are_the_units(directory: Directory) -> None:
    text = reply(directory, "ask_person_contact", "mikä sen puhelinnumero on", unit="laukaa-hype")
    assert text.startswith("Laukaan lasten ja nuorten hyvinvointi- ja perhekeskus")
    person = reply(
        directory,
        "ask_person_contact",
        "mikä hänen puhelinnumeronsa on",
        unit="laukaa-hype",
        person="hanna-hamalainen",
    )
    assert "Hanna Hämäläinen" in person


def test_a_units_contact_person_comes_from_its_organisation(directory: Directory) -> None:
    text = reply(
        directory,
        "ask_contact_role",
        "kuka on kaksineuvoisen perhekeskuksen yhteyshenkilö",
        entities={"unit": ["kaksineuvoinen-perhekeskus"]},
    )
    assert "Julia Ekola" in text and "Hämäläinen" not in text


def test_a_newly_named_place_wins_over_the_remembered_unit(directory: Directory) -> None:
    text = reply(
        directory,
        "inform_place",
        "entä äänekoski?",
        entities={"place": ["992"]},
        place="992",
        unit="laukaa-hype",
        previous=Question(intent="ask_unit_info", unit="laukaa-hype"),
    )
    assert "Äänekosken perhekeskustoiminta" in text and "HyPe" not in text


def test_a_place_alone_answers_what_is_there(directory: Directory) -> None:
    text = reply(
        directory, "inform_place", "asun laukaassa", entities={"place": ["410"]}, place="410"
    )
    assert "Laukaan lasten ja nuorten hyvinvointi- ja perhekeskus" in text


def test_a_region_without_units_gives_its_facts_not_a_false_nothing(
    directory: Directory,
) -> None:
    text = reply(directory, "ask_services", "lapua perhekeskus", place="408")
    assert "Alueelta Etelä-Pohjanmaa" in text and "ei ole tietoja myöskään" not in text
    assert "Seinäjoen perhekeskuspalvelut\n" not in text  # another town's unit is not local


@pytest.mark.parametrize(
    ("text", "place", "fact"),
    [
        ("paljonko keski-suomi sai lape rahaa", "region:Keski-Suomi", "kslape-rahoitus"),
        ("milloin oli keski-suomen avaustapahtuma", "region:Keski-Suomi", "kslape-avaustapahtuma"),
        ("kuinka paljon stm myönsi lape kärkihankkeille", None, "lape-rahoitus"),
        ("mitkä kunnat olivat pilotteja", "region:Päijät-Häme", "paijat-hame-pilotit"),
        ("kuka koordinoi perhekeskuksia vuodesta 2019", "111", "huomisen-hyvinvointia-jatko"),
    ],
)
def test_facts_rank_by_what_is_asked_and_area(
    directory: Directory, text: str, place: str | None, fact: str
) -> None:
    assert rank_facts(directory, text, (), place)[0].id == fact


def test_another_regions_facts_are_never_given(directory: Directory) -> None:
    facts = rank_facts(directory, "paljonko lape rahaa saatiin", ("rahoitus",), "111")
    assert all("Keski-Suomi" not in fact.area.regions for fact in facts)


def test_an_unsure_turn_naming_the_directory_is_answered() -> None:
    ranking = [("nlu_fallback", 0.7), ("inform_place", 0.4), ("ask_services", 0.2)]
    assert likeliest_question("nlu_fallback", ranking, {"place": ["992"]}) == "ask_services"
    weather = [("nlu_fallback", 0.7), ("out_of_scope", 0.5), ("inform_place", 0.3)]
    assert likeliest_question("nlu_fallback", weather, {"place": ["398"]}) is None
    town = {"place": ["111"]}
    assert likeliest_question("nlu_fallback", weather, town, names_service=True) == "ask_services"
    help_asked = likeliest_question(
        "out_of_scope", weather, {}, asks_for_help=True, knows_place=True
    )
    assert help_asked == "ask_services"
    assert likeliest_question("nlu_fallback", ranking, {"person": ["x"]}) == "ask_person_contact"
    assert likeliest_question("out_of_scope", ranking, {"place": ["398"]}) is None
    assert likeliest_question("nlu_fallback", [("nlu_fallback", 0.9), ("greet", 0.1)], {}) is None


def test_a_contact_word_right_after_a_person_asks_for_that_persons_contact() -> None:
    weather = [("out_of_scope", 0.97), ("ask_person_contact", 0.02)]
    email = {"contact_field": ["email"]}
    assert likeliest_question("out_of_scope", weather, email, knows_person=True) == (
        "ask_person_contact"
    )
    assert likeliest_question("out_of_scope", weather, email) is None


def test_the_fallback_offers_a_way_forward_and_no_unit() -> None:
    message = not_understood("nlu_fallback", [("nlu_fallback", 0.9), ("greet", 0.1)]).messages[0]
    assert message.text.startswith("En ole varma") and message.buttons
    assert all("HyPe" not in button.title for button in message.buttons)


def test_a_programme_follow_up_without_a_topic_keeps_the_last_topics() -> None:
    previous = Question(intent="ask_programme", topics=("lape", "avaustapahtuma"))
    turn = Turn(intent="ask_programme", entities={}, previous=previous, text="missä se pidettiin?")
    asked = question_for(turn)
    assert asked is not None and asked.topics == ("lape", "avaustapahtuma")
    fresh = Turn(intent="ask_programme", entities={"topic": ["rahoitus"]}, previous=previous)
    asked = question_for(fresh)
    assert asked is not None and asked.topics == ("rahoitus",)


def test_a_faint_in_domain_intent_does_not_beat_what_the_message_names() -> None:
    ranking = [("nlu_fallback", 0.7), ("crisis", 0.55), ("ask_meeting_places", 0.02)]
    named = {"place": ["410"], "service": ["tukea"]}
    assert likeliest_question("nlu_fallback", ranking, named) == "ask_services"


def test_a_message_without_letters_is_not_read_as_a_place(directory: Directory) -> None:
    emoji = answer(directory, Turn(intent="inform_place", entities={}, text="😀😀😀"))
    assert emoji.messages[0].text.startswith("En ole varma, mitä tarkoitit.")
    assert emoji.messages[0].buttons
    typo = answer(directory, Turn(intent="inform_place", entities={}, text="asun kuopiosa"))
    assert typo.messages[0].text.startswith("En tunnistanut kuntaa.")


def test_a_national_follow_up_is_a_programme_question_even_out_of_scope() -> None:
    ranking = [("out_of_scope", 0.9), ("ask_programme", 0.05)]
    assert likeliest_question("out_of_scope", ranking, {}) is None
    assert likeliest_question("out_of_scope", ranking, {}, national_follow_up=True) == (
        "ask_programme"
    )


def test_the_person_whose_responsibility_is_asked_is_chosen(directory: Directory) -> None:
    team = directory.find_contacts(region="region:Keski-Suomi")
    asked = responsible_for(directory, team, "vaativan tason palvelut keski-suomi yhteyshenkilö")
    assert [p.id for p in asked] == ["johanna-liukkonen"]
    assert responsible_for(directory, team, "keski-suomen yhteyshenkilöt") == team
    english = "who is responsible for early childhood education in KSLAPE"
    assert [p.id for p in responsible_for(directory, team, english)] == ["senja-hirsjarvi"]
    swedish = "vem ansvarar för småbarnspedagogik i Mellersta Finland"
    assert [p.id for p in responsible_for(directory, team, swedish)] == ["senja-hirsjarvi"]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Vem i KSLAPE ansvarar för tjänster på krävande nivå?", "johanna-liukkonen"),
        ("who handles specialised outpatient services in Central Finland", "maria-lehtinen"),
        ("vem har hand om öppenvården på specialnivå", "maria-lehtinen"),
    ],
)
def test_a_responsibility_is_found_in_the_words_of_its_translation(
    directory: Directory, text: str, person: str
) -> None:
    team = directory.find_contacts(region="region:Keski-Suomi")
    assert [p.id for p in responsible_for(directory, team, text)] == [person]
    turn = Turn(
        intent="ask_contact_role",
        entities={"place": ("region:Keski-Suomi",)},
        text=text,
        place="region:Keski-Suomi",
        language="sv" if "Vem" in text or "vem" in text else "en",
    )
    shown = answer(directory, turn).messages[0].text
    found = directory.person(person)
    assert found is not None
    translation = found.responsibility_in(turn.language)
    assert translation is not None and translation[1] and translation[0] in shown


@pytest.mark.parametrize(
    ("text", "language", "intent"),
    [
        ("what's a family centre? the nurse mentioned a 'perhekeskus'", "en", "ask_services"),
        ("vad är ett familjecenter?", "sv", "ask_services"),
        ("mikä on perhekeskus", "fi", "ask_services"),
        ("mikä ihmeen perhekeskus", "fi", "ask_unit_info"),
    ],
)
def test_what_is_asked_without_a_place_gets_the_definition(
    directory: Directory, text: str, language: Language, intent: str
) -> None:
    turn = Turn(intent=intent, entities={}, text=text, language=language)
    assert answer(directory, turn).messages[0].text.startswith("Mikä on perhekeskus?")


@pytest.mark.parametrize(
    ("text", "language"),
    [("mitä kohtaamispaikoissa yleensä tehdään", "fi"), ("what happens at a meeting place", "en")],
)
def test_what_happens_in_meeting_places_without_a_place_gets_the_definition(
    directory: Directory, text: str, language: Language
) -> None:
    turn = Turn(intent="ask_meeting_places", entities={}, text=text, language=language)
    cards = ("Mikä on kohtaamispaikka?", "Kohtaamispaikat ovat osa perhekeskusta")
    assert answer(directory, turn).messages[0].text.startswith(cards)
    with_place = replace(turn, place="992")
    assert "Äänekosken avoimet päiväkodit" in answer(directory, with_place).messages[0].text


def test_whether_the_services_are_new_is_a_question_about_the_family_centre(
    directory: Directory,
) -> None:
    text = "onko perhekeskuksen palvelut jotain uusia palveluita"
    reply = answer(directory, Turn(intent="ask_services", entities={}, text=text))
    assert reply.messages[0].text.startswith(("Mikä on perhekeskus?", "Perhekeskuksesta"))


def test_services_asked_without_a_place_still_get_the_question_for_the_place(
    directory: Directory,
) -> None:
    turn = Turn(intent="ask_services", entities={}, text="what family centres are there")
    assert answer(directory, turn).messages[0].text.startswith("Missä kunnassa asut?")


def test_what_a_named_unit_offers_is_no_definition_question(directory: Directory) -> None:
    turn = Turn(
        intent="ask_services",
        entities={"unit": ("kaksineuvoinen-perhekeskus",)},
        text="What does the Kaksineuvoinen family centre offer?",
        language="en",
    )
    text = answer(directory, turn).messages[0].text
    assert text.startswith("Kuntayhtymä Kaksineuvoisen perhekeskus")


def test_a_town_without_meeting_places_gets_its_own_family_services_first(
    directory: Directory,
) -> None:
    text = reply(directory, "ask_meeting_places", "perhekahvila seinäjoki", place="743")
    assert "Hakemistossa ei ole kohtaamispaikkoja kunnassa Seinäjoki" in text
    assert "Seinäjoen perhekeskuspalvelut" in text  # the town's own unit, not the region's fact
    lapua = reply(directory, "ask_meeting_places", "perhekahvila lapua", place="408")
    assert "Alueelta Etelä-Pohjanmaa" in lapua and "Seinäjoen perhekeskuspalvelut\n" not in lapua


def test_a_place_named_with_such_asks_the_last_question_there(directory: Directory) -> None:
    previous = Question(intent="ask_programme", topics=("kohtaamispaikka",))
    such = Turn(
        intent="nlu_fallback",
        entities={"place": ["992"]},
        text="onko äänekoskella sellaisia",
        place="992",
        previous=previous,
    )
    assert asks_again_for_place(such)
    assert not asks_again_for_place(replace(such, text="onko äänekoskella perhekeskus"))
    assert not asks_again_for_place(replace(such, previous=None))
    unsure = [("nlu_fallback", 0.6), ("out_of_scope", 0.3)]
    intent = likeliest_question("nlu_fallback", unsure, such.entities, place_follow_up=True)
    assert intent == "inform_place"
    text = reply(
        directory, intent, such.text, entities=such.entities, place="992", previous=previous
    )
    assert "Äänekosken avoimet päiväkodit" in text


def test_contact_details_with_a_town_and_a_service_are_the_local_units(
    directory: Directory,
) -> None:
    entities = {"place": ["743"], "service": ["perhekeskus"], "contact_field": ["phone"]}
    text = reply(
        directory,
        "find_service",
        "seinajoki perhekeskus yhteystiedot",
        entities=entities,
        place="743",
    )
    assert "Lintala" in text and "416 2167" in text  # the unit's contact person
    entities = {"place": ["992"], "service": ["perhekeskus"], "contact_field": ["phone"]}
    text = reply(
        directory, "ask_services", "äänekoski perhekeskus puhelin", entities=entities, place="992"
    )
    assert text.startswith("Äänekosken perhekeskustoiminta")  # not a choice of two units


@pytest.mark.parametrize(
    ("text", "entities", "place", "expected"),
    [
        ("etelä-pohjanmaan lape hanke", {"topic": ["lape"]}, "region:Etelä-Pohjanmaa", "2017–2018"),
        ("keski-suomen muutosraha", {"topic": ["rahoitus"]}, "region:Keski-Suomi", "miljoona"),
    ],
)
def test_a_contact_reading_without_a_role_or_someone_asked_is_the_programme(
    directory: Directory, text: str, entities: dict[str, list[str]], place: str, expected: str
) -> None:
    entities = {**entities, "place": [place]}
    answer_text = reply(directory, "ask_contact_role", text, entities=entities, place=place)
    assert expected in answer_text and "Yhteyshenkilö" not in answer_text
    who = reply(
        directory, "ask_contact_role", f"kuka vastaa: {text}", entities=entities, place=place
    )
    assert "Yhteyshenkilö" in who


def test_someone_to_ask_in_a_region_is_the_regions_contact_person(directory: Directory) -> None:
    place = "region:Päijät-Häme"
    text = "onko päijät-hämeessä joku jolta voi kysyä perhekeskuksista"
    entities = {"place": [place], "topic": ["perhekeskus"]}
    for intent in ("ask_services", "ask_unit_info"):
        assert "Vesterinen" in reply(directory, intent, text, entities=entities, place=place)
    units = reply(directory, "ask_services", "päijät-hämeen perhekeskukset", entities=entities)
    assert "Vesterinen" not in units.split("Lähde")[0]


def test_a_meeting_place_question_about_a_unit_read_as_a_contact_question(
    directory: Directory,
) -> None:
    entities = {"unit": ["kaksineuvoinen-perhekeskus"], "service": ["kohtaamispaikka"]}
    text = reply(
        directory,
        "ask_contact_role",
        "mötesplats för familjer Kaksineuvoinen",
        entities=entities,
        language="sv",
    )
    assert "Kaksineuvoisen kohtaamispaikat" in text
    asked = reply(
        directory,
        "ask_contact_role",
        "vem är kontaktperson för mötesplatserna i Kaksineuvoinen",
        entities=entities,
        language="sv",
    )
    assert "Ekola" in asked


def test_a_year_asks_for_the_programmes_history(directory: Directory) -> None:
    place = "region:Päijät-Häme"
    entities = {"place": [place], "topic": ["perhekeskus"]}
    text = "mitä päijät-hämeessä tehdään 2019 perhekeskuksen kanssa"
    answer_text = reply(directory, "ask_services", text, entities=entities, place=place)
    assert "2019" in answer_text and "hakemisto tuntee nämä yksiköt" not in answer_text
    units = reply(
        directory, "ask_services", "päijät-hämeen perhekeskukset", entities=entities, place=place
    )
    assert "hakemisto tuntee nämä yksiköt" in units
    born = "2019 syntynyt lapsi, neuvola lahdessa"
    lahti = {"place": ["398"], "service": ["neuvola"]}
    assert "Lahti" in reply(directory, "ask_services", born, entities=lahti, place="398")


def test_a_year_named_picks_the_fact_of_that_year(directory: Directory) -> None:
    place, topics = "region:Päijät-Häme", ("perhekeskus",)
    in_2019 = rank_facts(directory, "mitä päijät-hämeessä tehdään 2019", topics, place)
    model = rank_facts(directory, "päijät-hämeen perhekeskusmalli", topics, place)
    assert in_2019[0].id == "huomisen-hyvinvointia-jatko"
    assert model[0].id == "paijat-hame-perhekeskusmalli"


def test_a_towns_one_meeting_place_is_remembered_for_the_follow_up(directory: Directory) -> None:
    turn = Turn(intent="ask_meeting_places", entities={}, text="öppet daghem", place="992")
    first = answer(directory, turn)
    assert first.slots["unit"] == "aanekoski-avoimet-paivakodit"

    follow_up = Turn(
        intent="nlu_fallback",
        entities={},
        text="mistä niistä saa lisää tietoa?",
        place="992",
        unit=first.slots["unit"],
    )
    assert refers_to_unit(follow_up)
    unsure = [("nlu_fallback", 0.6), ("ask_unit_info", 0.2), ("ask_services", 0.2)]
    intent = likeliest_question("nlu_fallback", unsure, {}, unit_follow_up=True)
    assert intent == "ask_unit_info"
    text = reply(directory, intent, follow_up.text, place="992", unit=follow_up.unit)
    assert text.startswith("Äänekosken avoimet päiväkodit") and "facebook.com" in text


@pytest.mark.parametrize(
    ("text", "unit", "named", "refers"),
    [
        ("har de facebook?", "aanekoski-avoimet-paivakodit", {}, True),
        ("what are their opening hours", "laukaa-hype", {}, True),
        ("mistä niistä saa lisää tietoa?", None, {}, False),
        ("onko siellä perheneuvola", "laukaa-hype", {"place": ["992"]}, False),
        ("kiitos paljon", "laukaa-hype", {}, False),
    ],
)
def test_what_refers_to_the_unit_talked_about(
    text: str, unit: str | None, named: dict[str, list[str]], refers: bool
) -> None:
    turn = Turn(intent="nlu_fallback", entities=named, text=text, unit=unit)
    assert refers_to_unit(turn) is refers


def test_out_of_scope_is_no_unit_follow_up() -> None:
    ranking = [("out_of_scope", 0.9)]
    assert likeliest_question("out_of_scope", ranking, {}, unit_follow_up=True) is None


def test_how_much_money_is_a_programme_question_even_with_some_word(directory: Directory) -> None:
    text = (
        "Luin että Keski-Suomessa oli joku LAPE-juttu. Kuinka paljon sinne annettiin rahaa "
        "ja mihin sitä käytetään?"
    )
    for intent in ("ask_contact_role", "ask_services"):
        shown = reply(
            directory,
            intent,
            text,
            entities={"place": ("region:Keski-Suomi",), "topic": ("lape",)},
            place="region:Keski-Suomi",
        )
        assert "miljoona euroa" in shown and "Hämäläinen" not in shown, intent


def test_who_to_contact_in_a_town_gets_its_services_then_the_areas_contacts(
    directory: Directory,
) -> None:
    turn = Turn(
        intent="ask_services",
        entities={"place": ("081",)},
        text="keneen otan yhteyttä hartolassa",
        place="081",
    )
    services, contacts = answer(directory, turn).messages
    assert "Hartolan perhekeskuspilotti" in services.text
    assert "Elina Vesterinen" in contacts.text and "044 729 7985" in contacts.text
    asked_what = replace(turn, text="mitä palveluita hartolassa on")
    assert len(answer(directory, asked_what).messages) == 1
    then_seinajoki = Turn(
        intent="ask_services",
        entities={"place": ("743",), "service": ("perhekeskus",)},
        text="then who can I ask in Seinäjoki?",
        place="743",
        language="en",
    )
    assert "Harri Lintala" in answer(directory, then_seinajoki).messages[-1].text


@pytest.mark.parametrize(
    ("text", "language"),
    [("kontaktperson i Södra Österbotten", "sv"), ("yhteyshenkilö etelä-pohjanmaalla", "fi")],
)
def test_a_contact_person_asked_with_a_place_alone_gets_the_contacts(
    directory: Directory, text: str, language: Language
) -> None:
    place = "region:Etelä-Pohjanmaa"
    turn = Turn(
        intent="inform_place",
        entities={"place": (place,)},
        text=text,
        place=place,
        language=language,
    )
    assert "Harri Lintala" in answer(directory, turn).messages[0].text


def test_who_handles_something_in_the_region_talked_about_is_one_of_its_people(
    directory: Directory,
) -> None:
    region = "region:Keski-Suomi"
    turn = Turn(
        intent="ask_services",
        entities={},
        text="kuka hoitaa vaativan tason palveluja?",
        place=region,
        previous=Question(intent="ask_contact_role"),
    )
    shown = answer(directory, turn).messages[0].text
    assert "Johanna Liukkonen" in shown and "Laukaan" not in shown


def test_a_regions_money_without_its_own_figure_says_the_figure_is_national(
    directory: Directory,
) -> None:
    place = "region:Päijät-Häme"
    turn = Turn(
        intent="ask_programme",
        entities={"place": (place,)},
        text="hur mycket pengar fick Päijät-Häme",
        place=place,
        language="sv",
    )
    shown = answer(directory, turn).messages[0].text
    assert shown.startswith("Katalogen har ingen egen siffra för Päijänne-Tavastland.")
    assert "19 miljoonaa euroa" in shown
    own = replace(turn, text="hur mycket pengar fick Mellersta Finland", place="region:Keski-Suomi")
    shown = answer(directory, own).messages[0].text
    assert "miljoona euroa" in shown and "Katalogen har ingen egen siffra" not in shown
