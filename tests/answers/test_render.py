"""Answer pieces written from the real directory: sources, the Finnish note, the factual flag."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answers.format import format_date, provenance_line
from bot.answers.render import (
    emails,
    fact_text,
    factual,
    municipality_name,
    person_line,
    sources_text,
    unit_block,
    unit_info,
)
from bot.directory.model import Language, Person, ProgrammeFact, ServiceLocation
from bot.directory.queries import Directory
from bot.directory.values import Source

HYPE_SOURCE = (
    "Askelia kohti LAPEn tavoitteita Keski-Suomessa – Laukaassa HyPe ja Äänekoskella avointa "
    "päiväkoti -toimintaa"
)
#: The note that names and descriptions stay in Finnish, in Swedish and English answers.
IN_FINNISH = {
    "sv": "Namn och beskrivningar visas på finska där katalogen inte har en svensk version.",
    "en": "Names and descriptions are shown in Finnish where the directory has no English "
    "version.",
}


def source(directory: Directory, source_id: str) -> Source:
    found = directory.source(source_id)
    assert found is not None, source_id
    return found


def unit(directory: Directory, unit_id: str) -> ServiceLocation:
    found = directory.unit(unit_id)
    assert found is not None, unit_id
    return found


def person(directory: Directory, person_id: str) -> Person:
    found = directory.person(person_id)
    assert found is not None, person_id
    return found


def fact(directory: Directory, fact_id: str) -> ProgrammeFact:
    return next(fact for fact in directory.facts if fact.id == fact_id)


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("fi", "Lähde: Perhekeskus, päivitetty 15.2.2019"),
        ("sv", "Källa: Perhekeskus, uppdaterad 15 februari 2019"),
        ("en", "Source: Perhekeskus, updated 15 February 2019"),
    ],
)
def test_a_source_line_has_the_sources_date_in_the_language(
    directory: Directory, language: Language, line: str
) -> None:
    kaksineuvoinen = source(directory, "seed-004")  # sources.yaml: updated 2019-02-15
    assert kaksineuvoinen.updated == date(2019, 2, 15)
    assert sources_text([kaksineuvoinen], language) == line
    assert provenance_line("Perhekeskus", None, date(2019, 2, 15), language) == line


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fi", "15.2.2019"),
        ("sv", "15 februari 2019"),
        ("en", "15 February 2019"),
    ],
)
def test_format_date_in_each_language(language: Language, text: str) -> None:
    assert format_date(date(2019, 2, 15), language) == text


def test_sources_are_listed_once_each_in_order(directory: Directory) -> None:
    lape, hype = source(directory, "seed-002"), source(directory, "seed-000")
    assert sources_text([lape, hype, lape], "fi") == (
        "Lähde: Lapsi- ja perhepalvelujen muutosohjelma LAPE, päivitetty 16.1.2019\n"
        f"Lähde: {HYPE_SOURCE}, päiväys ei tiedossa"
    )
    assert sources_text([hype], "en") == f"Source: {HYPE_SOURCE}, date unknown"
    assert sources_text([hype], "sv") == f"Källa: {HYPE_SOURCE}, datum okänt"
    assert sources_text([], "fi") == ""


def test_a_finnish_factual_message_has_no_language_note(directory: Directory) -> None:
    message = factual("Fakta", [source(directory, "seed-004")], "fi")
    assert message.text == "Fakta\n\nLähde: Perhekeskus, päivitetty 15.2.2019"
    assert message.factual and message.lang == "fi" and message.buttons == ()


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("sv", "Källa: Perhekeskus, uppdaterad 15 februari 2019"),
        ("en", "Source: Perhekeskus, updated 15 February 2019"),
    ],
)
def test_swedish_and_english_answers_say_that_names_stay_in_finnish(
    directory: Directory, language: Language, line: str
) -> None:
    message = factual("Fakta", [source(directory, "seed-004")], language)
    assert message.text == f"Fakta\n\n{IN_FINNISH[language]}\n\n{line}"
    assert message.factual and message.lang == language


def test_a_message_without_a_source_is_not_factual() -> None:
    message = factual("Hakemistossa ei ole yhteystietoja alueelta Pirkanmaa.", [], "fi")
    assert message.text == "Hakemistossa ei ole yhteystietoja alueelta Pirkanmaa."
    assert not message.factual
    assert factual("Fakta", [], "sv").text == f"Fakta\n\n{IN_FINNISH['sv']}"


def test_a_units_details_in_english_keep_the_finnish_names(directory: Directory) -> None:
    message = unit_info(directory, unit(directory, "laukaa-hype"), "en")
    lines = message.text.split("\n")
    assert lines[0] == "Laukaan lasten ja nuorten hyvinvointi- ja perhekeskus"
    assert "Municipality: Laukaa" in lines
    services = next(line for line in lines if line.startswith("Services: "))
    assert services.startswith("Services: family centre, doctor's services, ")
    assert "family counselling (Jyväskylän perheneuvola)" in services
    assert lines[-3:] == [IN_FINNISH["en"], "", f"Source: {HYPE_SOURCE}, date unknown"]
    assert message.factual and message.lang == "en"


def test_a_person_line_in_finnish_and_english(directory: Directory) -> None:
    hanna = person(directory, "hanna-hamalainen")
    organisation = "Keski-Suomen lasten ja perheiden parhaaksi -hanke"
    numbers = "[014 266 0992](tel:+358142660992), [050 304 6670](tel:+358503046670)"
    email = "[hanna.k.hamalainen@jkl.fi](mailto:hanna.k.hamalainen@jkl.fi)"
    assert person_line(hanna, directory, ("phone", "email"), "fi") == (
        f"Hanna Hämäläinen, muutosagentti ({organisation}) – p. {numbers} – {email}"
    )
    assert person_line(hanna, directory, ("email",), "en") == (
        f"Hanna Hämäläinen, change agent ({organisation}) – {email}"
    )


def test_a_derived_email_says_its_rule(directory: Directory) -> None:
    raija = person(directory, "raija-harju-kivinen")
    assert emails(raija, "sv") == (
        "[raija.harju-kivinen@jkl.fi](mailto:raija.harju-kivinen@jkl.fi) "
        "(härledd ur sidans adressregel etunimi.sukunimi@jkl.fi)"
    )


def test_a_programme_fact_with_its_amount(directory: Directory) -> None:
    assert fact_text(fact(directory, "lape-rahoitus")) == (
        "LAPE-kärkihankkeiden rahoitus: Sosiaali- ja terveysministeriö myönsi jokaisen maakunnan "
        "ja pääkaupunkiseudun LAPE-kärkihankkeille yhteensä 19 miljoonaa euroa "
        "kärkihankerahoitusta.\n"
        "Kärkihankerahoitus kaikille maakunnille ja pääkaupunkiseudulle: 19 000 000 €"
    )


@pytest.mark.parametrize(
    ("place", "language", "name"),
    [
        ("410", "sv", "Laukas"),
        ("region:Keski-Suomi", "fi", "Keski-Suomi"),
        ("region:Keski-Suomi", "sv", "Mellersta Finland"),
        ("region:Keski-Suomi", "en", "Central Finland"),
        ("county:Keski-Suomen hyvinvointialue", "en", "Central Finland wellbeing services county"),
    ],
)
def test_place_names_in_the_language(
    directory: Directory, place: str, language: Language, name: str
) -> None:
    assert municipality_name(directory, place, language) == name


def test_a_unit_block_says_what_the_unit_is_before_its_services(directory: Directory) -> None:
    unit = directory.unit("kaksineuvoinen-perhekeskus")
    assert unit is not None
    lines = unit_block(unit, directory).splitlines()
    assert lines[0] == "Kuntayhtymä Kaksineuvoisen perhekeskus (Kaksineuvoisen perhekeskus)"
    assert lines[1] == unit.description
    assert lines[2] == "Palvelut: perhekeskus, vammaispalvelut, lastensuojelu."
