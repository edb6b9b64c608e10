"""The schema: every problem of a file at once, strict values, names in Swedish and English."""

from __future__ import annotations

from pathlib import Path

from bot.answers.normalise import vocabulary_in
from bot.directory.loader import load_directory
from bot.directory.model import Language, Role, Service
from bot.directory.queries import Directory
from tests.directory.helpers import edit, issues_of


def found(path: Path) -> dict[tuple[str, str, str], str]:
    return {(i.file, i.entry, i.field): i.message for i in issues_of(path)}


def test_every_problem_of_one_entry_and_file_is_reported(copy: Path) -> None:
    edit(copy / "persons.yaml", '"06 416 2167"', '"06 416 21x7"')
    edit(copy / "persons.yaml", "    given_name: Harri\n", "    given_name: [Harri]\n")
    edit(copy / "persons.yaml", "as_printed: harri.lintalas", "as_prnted: harri.lintalas")
    edit(copy / "persons.yaml", "    responsibility: vaativan", "    responsibilty: vaativan")
    assert found(copy) == {
        ("persons.yaml", "harri-lintala", "phones[0]"): (
            "malformed phone number '06 416 21x7' (e.g. 050 123 4567)"
        ),
        ("persons.yaml", "harri-lintala", "given_name"): "expected text, got list",
        ("persons.yaml", "harri-lintala", "emails[0].as_prnted"): "unknown field 'as_prnted'",
        ("persons.yaml", "johanna-liukkonen", "responsibilty"): "unknown field 'responsibilty'",
    }


def test_a_broken_entry_keeps_its_id_for_references(copy: Path) -> None:
    """Units naming a person whose entry has an error get no second, misleading error."""
    edit(copy / "persons.yaml", "    given_name: Harri\n", "")
    assert list(found(copy)) == [("persons.yaml", "harri-lintala", "given_name")]


def test_booleans_and_numbers_are_taken_as_written(copy: Path) -> None:
    edit(copy / "programmes.yaml", "area: {national: true}", "area: {national: 'true'}")
    edit(copy / "programmes.yaml", "euros: 19000000", "euros: 19 milj.")
    issues = list(found(copy).items())
    assert issues[0] == (
        ("programmes.yaml", "lape", "area.national"),
        "expected true or false, got 'true'",
    )
    assert issues[1] == (
        ("programmes.yaml", "lape-rahoitus", "amounts[0].euros"),
        "expected a number: '19 milj.'",
    )


def test_swedish_and_english_names_are_checked(copy: Path) -> None:
    edit(copy / "services.yaml", "    name_sv: familjecenter\n", "    name_sv: [familjecenter]\n")
    edit(copy / "roles.yaml", "    title_en: change agent\n", "    title_en: ''\n    name_en: x\n")
    harri = "    given_name: Harri\n"
    edit(copy / "persons.yaml", harri, harri + "    name_sv: Harri\n")
    assert found(copy) == {
        ("services.yaml", "perhekeskus", "name_sv"): "expected text, got list",
        ("roles.yaml", "muutosagentti", "name_en"): "unknown field 'name_en'",
        ("persons.yaml", "harri-lintala", "name_sv"): "unknown field 'name_sv'",
    }


def test_an_address_rule_is_only_for_a_person(copy: Path) -> None:
    edit(
        copy / "units.yaml",
        "    contacts: [harri-lintala]\n",
        "    contacts: [harri-lintala]\n    emails: [{rule: etunimi.sukunimi@seinajoki.fi}]\n",
    )
    assert found(copy) == {
        ("units.yaml", "seinajoki-perhekeskus", "emails[0].rule"): (
            "only a person's address can be derived from a rule"
        )
    }


def test_name_in_a_language_falls_back_to_finnish(directory: Directory) -> None:
    service = directory.service("perhekeskus")
    role = directory.role("muutosagentti")
    unit = directory.unit("laukaa-hype")
    assert service is not None and role is not None and unit is not None
    assert service.name_in("sv") == ("familjecenter", True)
    assert service.name_in("en") == ("family centre", True)
    assert service.name_in("fi") == ("perhekeskus", True)
    assert role.name_in("sv") == ("förändringsagent", True)
    assert unit.name_in("en") == (unit.name_fi, False)


def test_the_vocabulary_is_named_in_every_language(directory: Directory) -> None:
    entries: list[Service | Role] = [*directory.services, *directory.roles]
    languages: tuple[Language, ...] = ("sv", "en")
    for entry in entries:
        for language in languages:
            name, translated = entry.name_in(language)
            assert translated and name, (entry.id, language)


def test_names_of_places_and_programmes_stay_finnish(directory: Directory) -> None:
    """Only the vocabulary is translated: unit, organisation and programme names are facts."""
    assert all(unit.name_sv is None and unit.name_en is None for unit in directory.units)
    assert all(o.name_sv is None and o.name_en is None for o in directory.organizations)
    for topic in ("lape", "kslape", "huomisen-hyvinvointia"):
        entry = directory.topic(topic)
        assert entry is not None and entry.name_in("en") == (entry.name_fi, False)


def test_parents_swedish_and_english_words_name_the_services(directory: Directory) -> None:
    asked = {
        "Finns det ett familjecenter i Borgå?": "perhekeskus",
        "Is there a family center in Laukaa?": "perhekeskus",
        "Var finns närmaste mötesplats?": "kohtaamispaikka",
        "open daycare in Äänekoski": "avoin-paivakoti",
        "Hur kommer jag till rådgivningen?": "neuvola",
        "child health clinic opening hours": "neuvola",
        "Behöver hjälp av familjerådgivningen": "perheneuvola",
        "outreach youth work in Laukaa": "etsiva-nuorisotyo",
    }
    for text, service in asked.items():
        assert service in vocabulary_in(directory, text), text


def test_an_empty_optional_list_is_empty_and_an_empty_required_value_missing(copy: Path) -> None:
    aliases = (
        "    aliases: [perhekeskustyöryhmän vetäjä, työryhmän puheenjohtaja, arbetsgruppens"
        " ordförande, chair of the working group, working group chair]\n"
    )
    edit(copy / "roles.yaml", aliases, "    aliases:\n")
    role = load_directory(copy).role("perhekeskustyoryhman-puheenjohtaja")
    assert role is not None and role.aliases == ()
    edit(copy / "roles.yaml", "    title_fi: kehittämiskoordinaattori\n", "    title_fi: ''\n")
    assert found(copy) == {("roles.yaml", "kehittamiskoordinaattori", "title_fi"): "missing value"}
