"""Every contact detail, unit, date and link of the five seed pages is in the directory.

The expected values below were copied by hand from the seed pages.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.directory.model import (
    LANGUAGES,
    Organization,
    Person,
    ProgrammeFact,
    ServiceLocation,
)
from bot.directory.queries import Directory
from bot.paths import DIRECTORY_DIR, PROJECT_ROOT

# person id -> (role, organisation, phones as printed on the page)
PERSONS: dict[str, tuple[str, str, list[str]]] = {
    "raija-harju-kivinen": ("hankepaallikko", "kslape", ["014 266 8201", "050 351 9249"]),
    "senja-hirsjarvi": ("kehittamiskoordinaattori", "kslape", ["014 266 4742", "050 351 9971"]),
    "petri-oinonen": ("kehittamiskoordinaattori", "kslape", ["014 266 0568", "050 412 4028"]),
    "sari-paananen": ("kehittamiskoordinaattori", "kslape", ["014 266 4870", "050 351 8621"]),
    "maria-lehtinen": ("kehittamiskoordinaattori", "kslape", ["014 266 4585", "050 593 8316"]),
    "johanna-liukkonen": ("kehittamiskoordinaattori", "kslape", ["014 266 7535", "050 351 9769"]),
    "hanna-hamalainen": ("muutosagentti", "kslape", ["014 2660992", "050 3046670"]),
    "elina-vesterinen": ("muutosagentti", "phhyky", ["044-729 7985"]),
    "harri-lintala": ("perhekeskustyoryhman-puheenjohtaja", "seinajoen-kaupunki", ["06 416 2167"]),
    "julia-ekola": ("perhekeskuskoordinaattori", "kaksineuvoinen", ["040 549 9734"]),
}

# person id -> (address, derived from the page's rule?, as the page printed it)
EMAILS: dict[str, tuple[str, bool, str | None]] = {
    "raija-harju-kivinen": ("raija.harju-kivinen@jkl.fi", True, None),
    "senja-hirsjarvi": ("senja.hirsjarvi@jkl.fi", True, None),
    "petri-oinonen": ("petri.oinonen@jkl.fi", True, None),
    "sari-paananen": ("sari.h.paananen@jkl.fi", False, "sari.h.paananen(at)jkl.fi"),
    "maria-lehtinen": ("maria.lehtinen@jkl.fi", True, None),
    "johanna-liukkonen": ("johanna.liukkonen@jkl.fi", True, None),
    "hanna-hamalainen": ("hanna.k.hamalainen@jkl.fi", False, "hanna.k.hamalainen(a)jkl.fi"),
    "elina-vesterinen": ("elina.vesterinen2@phhyky.fi", False, None),
    "harri-lintala": ("harri.lintala@seinajoki.fi", False, "harri.lintalaseinajoki.fi"),
}

# unit id -> links and social media accounts the pages give for it
UNIT_LINKS: dict[str, set[str]] = {
    "laukaa-hype": {
        "https://www.laukaa.fi/palvelut/laukaan-hyvinvointi-ja-perhekeskus-hype",
        "https://www.laukaa.fi/uutinen/hypella-nakoisensa-avajaiset-iloista-rentoa-ja-juhlavaa",
    },
    "aanekoski-perhekeskus": {
        "https://www.facebook.com/aanekoskenperhekeskustoiminta/",
        "https://twitter.com/perhekeskusaki",
    },
    "seinajoki-perhekeskus": {"https://www.seinajoki.fi/perhekeskuspalvelut"},
}

SEEDS = PROJECT_ROOT / "data" / "sources"


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def test_all_ten_people_named_on_the_pages_are_there(directory: Directory) -> None:
    assert {person.id for person in directory.persons} == set(PERSONS)


@pytest.mark.parametrize("person_id", PERSONS)
def test_person_role_organisation_and_phones(directory: Directory, person_id: str) -> None:
    person = directory.person(person_id)
    assert person is not None
    role, organisation, phones = PERSONS[person_id]
    assert (person.role, person.organization) == (role, organisation)
    assert [phone.digits for phone in person.phones] == [digits(phone) for phone in phones]
    assert all(phone.prefix == "+358" for phone in person.phones)


@pytest.mark.parametrize("person_id", PERSONS)
def test_person_email_as_given_or_derived(directory: Directory, person_id: str) -> None:
    person = directory.person(person_id)
    assert person is not None
    if person_id not in EMAILS:  # Julia Ekola: the page gives no address
        assert person.emails == ()
        return
    address, derived, printed = EMAILS[person_id]
    [email] = person.emails
    assert (email.address, email.derived, email.as_printed) == (address, derived, printed)
    assert (email.rule == "etunimi.sukunimi@jkl.fi") == derived


def test_international_phone_form(directory: Directory) -> None:
    person = directory.person("harri-lintala")
    assert person is not None
    assert person.phones[0].international == "+35864162167"


def test_roles_have_finnish_titles(directory: Directory) -> None:
    person = directory.person("harri-lintala")
    assert person is not None
    assert person.role_title == "perhekeskustyöryhmän puheenjohtaja"


def test_contact_areas(directory: Directory) -> None:
    def regions(person_id: str) -> tuple[str, ...]:
        person = directory.person(person_id)
        assert person is not None
        return person.area.regions

    assert all(regions(pid) == ("Keski-Suomi",) for pid in list(PERSONS)[:7])
    assert regions("elina-vesterinen") == ("Päijät-Häme",)
    lintala = directory.person("harri-lintala")
    ekola = directory.person("julia-ekola")
    assert lintala is not None and ekola is not None
    assert lintala.area.municipalities == ("743",) and not lintala.area.regions
    assert not ekola.area.stated


def test_unit_links(directory: Directory) -> None:
    for unit_id, expected in UNIT_LINKS.items():
        unit = directory.unit(unit_id)
        assert unit is not None
        found = {page.url for page in unit.web_pages} | {link.url for link in unit.social_media}
        assert found == expected, unit_id


def test_unit_contacts(directory: Directory) -> None:
    def contacts(unit_id: str) -> tuple[str, ...]:
        unit = directory.unit(unit_id)
        assert unit is not None
        return unit.contacts

    assert contacts("seinajoki-perhekeskus") == ("harri-lintala",)
    assert contacts("kaksineuvoinen-perhekeskus") == ("julia-ekola",)


def test_hype_services_and_start(directory: Directory) -> None:
    hype = directory.unit("laukaa-hype")
    assert hype is not None
    offered = {offer.service: offer.provider for offer in hype.services}
    assert set(offered) == {
        "perhekeskus",
        "laakari",
        "psykiatrinen-sairaanhoitaja",
        "nuorisotyo",
        "etsiva-nuorisotyo",
        "parisuhdetuki",
        "perheneuvola",
        "nuorten-sosiaalityo",
        "jarjestojen-palvelut",
    }
    assert offered["parisuhdetuki"] == "Jyväskylän seurakunnan perheasiainneuvottelukeskus"
    assert offered["perheneuvola"] == "Jyväskylän perheneuvola"
    assert [(d.label, d.text, d.start) for d in hype.dates] == [("käynnistyi", "elokuussa", None)]


def test_contract_unit_ids_exist(directory: Directory) -> None:
    assert {unit.id for unit in directory.units} == {
        "laukaa-hype",
        "aanekoski-perhekeskus",
        "aanekoski-avoimet-paivakodit",
        "asikkala-perhekeskus",
        "hartola-perhekeskus",
        "lahti-monitoimitalo-jalo",
        "phhyky-perhekeskus",
        "seinajoki-perhekeskus",
        "kaksineuvoinen-perhekeskus",
        "kaksineuvoinen-kohtaamispaikat",
    }


def test_kaksineuvoinen_area_is_not_invented(directory: Directory) -> None:
    for unit_id in ("kaksineuvoinen-perhekeskus", "kaksineuvoinen-kohtaamispaikat"):
        unit = directory.unit(unit_id)
        assert unit is not None and not unit.area.stated
    organisation = directory.organization("kaksineuvoinen")
    assert organisation is not None and not organisation.area.stated


def test_source_dates_only_where_the_page_gives_one(directory: Directory) -> None:
    dates = {source.id: source.updated for source in directory.sources if source.seed_file}
    assert dates == {
        "seed-000": None,
        "seed-001": None,
        "seed-002": date(2019, 1, 16),
        "seed-003": None,
        "seed-004": date(2019, 2, 15),
    }
    entries: list[ServiceLocation | Person | ProgrammeFact | Organization] = [
        *directory.units,
        *directory.persons,
        *directory.facts,
        *directory.organizations,
    ]
    assert all(entry.updated == entry.source.updated for entry in entries)


def test_programme_facts(directory: Directory) -> None:
    [lape_money] = [f for f in directory.programme("rahoitus") if f.area.national]
    assert lape_money.amounts[0].euros == 19_000_000
    kslape_money = next(f for f in directory.programme("rahoitus") if f.id == "kslape-rahoitus")
    assert (kslape_money.amounts[0].euros, kslape_money.amounts[0].period) == (
        1_000_000,
        "2017–2018",
    )
    [event] = directory.programme("avaustapahtuma")
    assert event.dates[0].start == date(2017, 3, 15)
    assert "Minnansali" in event.text and "13–14.30" in event.text
    project = directory.programme("huomisen-hyvinvointia")[0]
    assert (project.dates[0].start, project.dates[0].end) == (date(2017, 4, 3), date(2018, 12, 31))
    assert len(project.points) == 4
    assert project.links[0].url == "https://www.huomisenhyvinvointia.fi/aineisto/"
    assert "vuoden 2017 alussa" in directory.programme("lape")[0].text
    [pilots] = directory.programme("pilotit")
    assert set(pilots.units) == {
        "asikkala-perhekeskus",
        "hartola-perhekeskus",
        "lahti-monitoimitalo-jalo",
    }
    for topic in ("perhekeskus", "kohtaamispaikka", "muutosagentti", "kslape"):
        assert directory.programme(topic), topic


def test_every_topic_and_service_of_the_contract_exists(directory: Directory) -> None:
    assert {topic.id for topic in directory.topics} == {
        "lape", "kslape", "huomisen-hyvinvointia", "perhekeskus", "kohtaamispaikka",
        "muutosagentti", "rahoitus", "pilotit", "avaustapahtuma",
    }  # fmt: skip
    assert {role.id for role in directory.roles} == {
        "muutosagentti", "hankepaallikko", "kehittamiskoordinaattori",
        "perhekeskuskoordinaattori", "perhekeskustyoryhman-puheenjohtaja",
    }  # fmt: skip
    assert len(directory.services) == 15
    perheneuvola = directory.service("perheneuvola")
    assert perheneuvola is not None
    assert [c.code for c in perheneuvola.service_classes] == ["P3.7"]


def test_all_municipalities(directory: Directory) -> None:
    assert len(directory.municipalities) == 308
    laukaa = directory.municipality("410")
    assert laukaa is not None and laukaa.region_fi == "Keski-Suomi"


def test_yaml_is_never_read_as_rasa_training_data() -> None:
    training_key = re.compile(r"^\s*(nlu|responses|stories|rules):", re.MULTILINE)
    for path in DIRECTORY_DIR.glob("*.yaml"):
        assert not training_key.search(path.read_text(encoding="utf-8")), path.name


def test_every_phone_number_on_the_seed_pages_is_in_the_directory(directory: Directory) -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt"))
    on_pages = {digits(m) for m in re.findall(r"\b0\d{1,2}[ -]?\d{3}[ -]?\d{3,4}\b", text)}
    in_directory = {phone.digits for person in directory.persons for phone in person.phones}
    assert on_pages == in_directory


def test_helplines_name_their_source_and_the_day_they_were_checked(directory: Directory) -> None:
    assert {line.id for line in directory.helplines} >= {
        "mieli-kriisipuhelin",
        "lasten-ja-nuorten-puhelin",
        "nollalinja",
        "myrkytystietokeskus",
    }
    for line in directory.helplines:
        assert line.source.url and line.source.url.startswith("https://"), line.id
        assert line.checked is not None, line.id
        assert all(line.names[language] for language in LANGUAGES), line.id


def test_helplines_for_a_language_fall_back_to_finnish(directory: Directory) -> None:
    english = [line.phone for line in directory.helplines_for("crisis", "en")]
    assert english == ["09 2525 0116", "09 2525 0111"]
    assert [line.phone for line in directory.helplines_for("violence", "sv")] == ["080 005 005"]
    assert [line.phone for line in directory.helplines_for("crisis", "fi")] == ["09 2525 0111"]
