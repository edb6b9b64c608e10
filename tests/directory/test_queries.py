"""The hierarchy municipality → region / county → national, and no unit of another area."""

from __future__ import annotations

import pytest

from bot.directory.queries import Directory

KESKI_SUOMI_TEAM = [
    "raija-harju-kivinen",
    "senja-hirsjarvi",
    "petri-oinonen",
    "sari-paananen",
    "maria-lehtinen",
    "johanna-liukkonen",
    "hanna-hamalainen",
]


def ids(entries: tuple[object, ...]) -> list[str]:
    return [entry.id for entry in entries]  # type: ignore[attr-defined]


def test_laukaa_gets_hype_locally(directory: Directory) -> None:
    answer = directory.lookup("410")
    assert answer.level == "municipality"
    assert ids(answer.units) == ["laukaa-hype"]
    assert ids(answer.regional_contacts) == KESKI_SUOMI_TEAM
    assert [s.id for s in answer.sources][0] == "seed-000"


def test_laukaa_perheneuvola_is_hype(directory: Directory) -> None:
    answer = directory.lookup("410", "perheneuvola")
    assert ids(answer.units) == ["laukaa-hype"]
    assert answer.service is not None and answer.service.id == "perheneuvola"


def test_laukaa_neuvola_has_no_unit_but_says_what_is_there(directory: Directory) -> None:
    answer = directory.lookup("410", "neuvola")
    assert answer.units == ()
    assert ids(answer.other_local_units) == ["laukaa-hype"]
    assert answer.level == "region"
    assert ids(answer.regional_contacts) == KESKI_SUOMI_TEAM


def test_muurame_gets_keski_suomi_contacts_not_hype(directory: Directory) -> None:
    answer = directory.lookup("500")
    assert answer.level == "region"
    assert answer.units == answer.other_local_units == answer.regional_units == ()
    assert ids(answer.regional_contacts) == KESKI_SUOMI_TEAM
    assert "kslape" in ids(answer.facts)
    assert not any(fact.units for fact in answer.facts)


def test_rovaniemi_is_lappi_with_nothing_local(directory: Directory) -> None:
    answer = directory.lookup("698")
    assert answer.municipality.region_fi == "Lappi"
    assert answer.level == "national"
    assert answer.units == answer.regional_units == answer.facts == ()
    assert answer.local_contacts == answer.regional_contacts == ()
    assert "lape" in ids(answer.national_facts)


def test_aanekoski_meeting_places_are_its_open_day_care_centres(directory: Directory) -> None:
    answer = directory.meeting_places("992")
    assert ids(answer.units) == ["aanekoski-avoimet-paivakodit"]
    assert ids(answer.other_local_units) == ["aanekoski-perhekeskus"]


def test_muurame_has_no_meeting_place(directory: Directory) -> None:
    answer = directory.meeting_places("500")
    assert answer.units == answer.regional_units == ()


def test_lahti_gets_jalo_pilot_and_the_regional_model(directory: Directory) -> None:
    answer = directory.lookup("398")
    assert answer.level == "municipality"
    assert ids(answer.units) == ["lahti-monitoimitalo-jalo"]
    assert ids(answer.regional_units) == ["phhyky-perhekeskus"]
    assert ids(answer.regional_contacts) == ["elina-vesterinen"]
    assert answer.units[0].status is not None and "2018" in answer.units[0].status


def test_padasjoki_without_pilot_gets_paijat_hame(directory: Directory) -> None:
    answer = directory.lookup("576")
    assert answer.level == "region"
    assert answer.units == ()
    assert ids(answer.regional_units) == ["phhyky-perhekeskus"]
    assert ids(answer.regional_contacts) == ["elina-vesterinen"]


def test_seinajoki_has_lintala_but_the_rest_of_etela_pohjanmaa_does_not(
    directory: Directory,
) -> None:
    seinajoki = directory.lookup("743")
    assert ids(seinajoki.units) == ["seinajoki-perhekeskus"]
    assert ids(seinajoki.local_contacts) == ["harri-lintala"]
    alajarvi = directory.lookup("005")
    assert alajarvi.level == "region"
    assert alajarvi.units == alajarvi.regional_units == ()
    assert alajarvi.local_contacts == alajarvi.regional_contacts == ()
    assert ids(alajarvi.facts) == ["etela-pohjanmaa-lape"]


def test_no_municipality_gets_a_unit_of_another_area(directory: Directory) -> None:
    for code, municipality in directory.municipalities.items():
        for service in (None, "perhekeskus", "kohtaamispaikka"):
            answer = directory.lookup(code, service)
            for unit in answer.units + answer.other_local_units:
                assert code in unit.area.municipalities, (code, unit.id)
            for unit in answer.regional_units:
                assert municipality.region_fi in unit.area.regions, (code, unit.id)
            for person in answer.local_contacts:
                assert code in person.area.municipalities
            found = ids(answer.units + answer.other_local_units + answer.regional_units)
            assert not any(unit_id.startswith("kaksineuvoinen") for unit_id in found)
            assert "julia-ekola" not in ids(answer.local_contacts + answer.regional_contacts)


def test_unknown_municipality_or_service_is_an_error(directory: Directory) -> None:
    with pytest.raises(KeyError):
        directory.lookup("999")
    with pytest.raises(KeyError):
        directory.lookup("410", "hammaslaakari")


def test_find_contacts_by_name(directory: Directory) -> None:
    assert ids(directory.find_contacts(name="Hämäläinen")) == ["hanna-hamalainen"]
    assert ids(directory.find_contacts(name="hanna hamalainen")) == ["hanna-hamalainen"]
    assert ids(directory.find_contacts(name="Harju-Kivinen")) == ["raija-harju-kivinen"]
    assert ids(directory.find_contacts(name="julia-ekola")) == ["julia-ekola"]
    assert directory.find_contacts(name="Virtanen") == ()


def test_find_contacts_by_role_and_region(directory: Directory) -> None:
    assert ids(directory.find_contacts(role="muutosagentti")) == [
        "hanna-hamalainen",
        "elina-vesterinen",
    ]
    assert ids(directory.find_contacts(role="muutosagentti", region="region:Keski-Suomi")) == [
        "hanna-hamalainen"
    ]
    assert ids(directory.find_contacts(role="muutosagentti", region="Päijät-Häme")) == [
        "elina-vesterinen"
    ]
    county = "county:Päijät-Hämeen hyvinvointialue"
    assert ids(directory.find_contacts(region=county)) == ["elina-vesterinen"]
    assert directory.find_contacts(role="muutosagentti", region="region:Lappi") == ()
    assert ids(directory.find_contacts(region="Etelä-Pohjanmaa")) == ["harri-lintala"]
    assert ids(directory.find_contacts(region="500")) == KESKI_SUOMI_TEAM
    assert ids(directory.find_contacts(role="hankepaallikko")) == ["raija-harju-kivinen"]


def test_find_contacts_by_organisation(directory: Directory) -> None:
    assert ids(directory.find_contacts(organisation="kslape")) == KESKI_SUOMI_TEAM
    # KSLAPE is administered by Jyväskylä, so its team belongs to the city too.
    assert ids(directory.find_contacts(organisation="jyvaskylan-kaupunki")) == KESKI_SUOMI_TEAM
    assert ids(directory.find_contacts(organisation="kaksineuvoinen")) == ["julia-ekola"]


def test_programme_lists_primary_then_related_facts(directory: Directory) -> None:
    facts = ids(directory.programme("kslape"))
    assert facts[0] == "kslape"
    assert {"kslape-rahoitus", "kslape-avaustapahtuma"} <= set(facts)
    assert directory.programme("ei-aihetta") == ()


def test_by_id(directory: Directory) -> None:
    unit = directory.unit("laukaa-hype")
    person = directory.person("sari-paananen")
    service = directory.service("perheneuvola")
    assert unit is not None and unit.aliases[0] == "HyPe"
    assert person is not None and person.full_name == "Sari Paananen"
    assert service is not None and service.name_fi == "perheneuvola"
    assert directory.unit("x") is directory.person("x") is directory.service("x") is None


def test_named_entities(directory: Directory) -> None:
    entities = directory.named_entities()
    assert ("person", "raija-harju-kivinen", ["Raija Harju-Kivinen"]) in entities
    hype = next(names for kind, key, names in entities if key == "laukaa-hype")
    assert hype[0] == "Laukaan lasten ja nuorten hyvinvointi- ja perhekeskus" and "HyPe" in hype
    assert {kind for kind, _, _ in entities} == {"unit", "person", "region"}
    assert len(entities) == 23
    # a regional project or consortium names its region; a municipality or an area unknown
    # to the source names none
    areas = {name: key for kind, key, names in entities if kind == "region" for name in names}
    assert areas["KSLAPE"] == "region:Keski-Suomi"
    assert areas["PHHYKY"] == areas["Huomisen hyvinvointia"] == "region:Päijät-Häme"
    assert "Kaksineuvoinen" not in areas and "Laukaa" not in areas


def test_a_units_meeting_places_are_it_and_the_units_that_belong_to_it(
    directory: Directory,
) -> None:
    centre = directory.unit("kaksineuvoinen-perhekeskus")
    assert centre is not None
    assert ids(directory.meeting_places_of(centre)) == ["kaksineuvoinen-kohtaamispaikat"]
    hype = directory.unit("laukaa-hype")
    assert hype is not None and directory.meeting_places_of(hype) == ()
