"""Swedish and English names of municipalities, regions and counties; no false places."""

from __future__ import annotations

import pytest

from bot.directory.municipalities import find_municipality, load_municipalities
from bot.paths import MUNICIPALITIES_CSV
from bot.places.names import PLACE_KINDS
from bot.places.resolver import Resolver
from bot.places.swedish import REGION_EN, swedish_genitive
from tools.places_bench import EVERYDAY_SETS, LANGUAGE_SETS_DIR, rows

SENTENCES = [(row[0], row[1:]) for row in rows(LANGUAGE_SETS_DIR / "sentences_sv_en.tsv")]
EVERYDAY = [(lang, row[0]) for lang, path in EVERYDAY_SETS.items() for row in rows(path)]


def ids(resolver: Resolver, text: str) -> list[str]:
    return [m.id for m in resolver.find(text)]


def places(resolver: Resolver, text: str) -> list[str]:
    return [m.id for m in resolver.find(text) if m.kind in PLACE_KINDS]


def test_the_sets_are_big_enough() -> None:
    assert len(SENTENCES) >= 40
    counts = {lang: sum(1 for other, _ in EVERYDAY if other == lang) for lang in EVERYDAY_SETS}
    assert counts["sv"] >= 75 and counts["en"] >= 75 and counts["fi"] >= 100


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_swedish_and_english_sentence(resolver: Resolver, text: str, expected: list[str]) -> None:
    assert ids(resolver, text) == expected


@pytest.mark.parametrize(("language", "text"), EVERYDAY)
def test_everyday_sentence_gives_no_place(resolver: Resolver, language: str, text: str) -> None:
    assert places(resolver, text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Jakobstad", "598"),
        ("Jakobstads", "598"),
        ("Borgå", "638"),
        ("Borgås", "638"),
        ("Borga", "638"),
        ("borgas", "638"),
        ("Karleby", "272"),
        ("Karlebys", "272"),
        ("Vasa", "905"),
        ("Vasas", "905"),
        ("Helsingfors", "091"),
        ("helsingfors", "091"),
        ("Åbo", "853"),
        ("Åbos", "853"),
        ("Abo", "853"),
        ("Lahtis", "398"),
        ("Jyväskylä", "179"),
        ("Jyväskyläs", "179"),
        ("jyvaskylas", "179"),
        ("Kimitoöns", "322"),
        ("Nykarleby", "893"),
        ("jakobsatd", "598"),  # one typo: a swap
        ("helsingfrs", "091"),  # one typo: a deletion
        ("karlebyy", "272"),  # one typo: a doubled letter
    ],
)
def test_swedish_municipality_forms(resolver: Resolver, text: str, code: str) -> None:
    assert places(resolver, text) == [code]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mellersta Finland", "region:Keski-Suomi"),
        ("Mellersta Finlands", "region:Keski-Suomi"),
        ("mellersta finland", "region:Keski-Suomi"),
        ("Södra Österbotten", "region:Etelä-Pohjanmaa"),
        ("Sodra Osterbottens", "region:Etelä-Pohjanmaa"),
        ("Päijänne-Tavastland", "region:Päijät-Häme"),
        ("Egentliga Finland", "region:Varsinais-Suomi"),
        ("Nyland", "region:Uusimaa"),
        ("Central Finland", "region:Keski-Suomi"),
        ("South Ostrobothnia", "region:Etelä-Pohjanmaa"),
        ("Lapland", "region:Lappi"),
        ("Päijät-Häme", "region:Päijät-Häme"),
        ("Mellersta Finlands välfärdsområde", "county:Keski-Suomen hyvinvointialue"),
        ("Mellersta Finlands välfärdsområdet", "county:Keski-Suomen hyvinvointialue"),
        ("Mellersta Finlands välfärdsområdes", "county:Keski-Suomen hyvinvointialue"),
        ("Päijänne-Tavastlands välfärdsområde", "county:Päijät-Hämeen hyvinvointialue"),
        ("Vanda och Kervo välfärdsområde", "county:Vantaan ja Keravan hyvinvointialue"),
        ("Central Finland wellbeing services county", "county:Keski-Suomen hyvinvointialue"),
        ("wellbeing services county of Päijät-Häme", "county:Päijät-Hämeen hyvinvointialue"),
        ("West Uusimaa wellbeing services county", "county:Länsi-Uudenmaan hyvinvointialue"),
    ],
)
def test_regions_and_counties_in_swedish_and_english(
    resolver: Resolver, text: str, expected: str
) -> None:
    """The same ids as the Finnish names give (``region:<fi>``, ``county:<fi>``)."""
    assert places(resolver, text) == [expected]


def test_finnish_and_swedish_names_give_the_same_ids(resolver: Resolver) -> None:
    assert places(resolver, "Keski-Suomen hyvinvointialue") == places(
        resolver, "Mellersta Finlands välfärdsområde"
    )
    assert places(resolver, "Keski-Suomi") == places(resolver, "Central Finland")
    assert set(REGION_EN) <= {
        match.id.removeprefix("region:")
        for name in REGION_EN.values()
        for match in [resolver.resolve_value(name)]
        if match is not None
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Det finns inga lediga tider", []),  # inga is not Ingå
        ("Vi bor i Ingå", ["149"]),
        ("Hon har stora problem", []),  # stora is not Storå
        ("Familjecentralen i Storå", ["151"]),
        ("Vi köpte den på loppis", []),  # loppis is not Loppi's
        ("Han kokar kaffe", []),  # kokar is not Kökar
        ("Jag kan borga för det", []),  # borga is not Borgå
        ("bor i borga", ["638"]),
        ("We live in Vasa", ["905"]),
        ("i inga fall", []),
        ("the kids and their dad", []),
    ],
)
def test_swedish_everyday_words_need_a_place_context(
    resolver: Resolver, text: str, expected: list[str]
) -> None:
    assert places(resolver, text) == expected


def test_explanations_name_the_language(resolver: Resolver) -> None:
    [match] = resolver.find("Borgås familjecentral")
    assert match.reason == (
        "Borgå (Swedish name, genitive): exact form; a place here: next to a family-service word"
    )
    [region] = resolver.find("Central Finland")
    assert region.reason.startswith("Central Finland (English region name, nominative)")


def test_swedish_genitive() -> None:
    assert swedish_genitive("borgå") == "borgås"
    assert swedish_genitive("lahtis") == "lahtis"
    assert swedish_genitive("malax") == "malax"


@pytest.mark.parametrize(
    ("name", "code"),
    [("Jakobstad", "598"), ("borgå", "638"), ("Pietarsaari", "598"), (" Vasa ", "905")],
)
def test_find_municipality_by_swedish_and_english_name(name: str, code: str) -> None:
    municipality = find_municipality(name, load_municipalities(MUNICIPALITIES_CSV))
    assert municipality is not None and municipality.code == code


def test_find_municipality_of_nothing() -> None:
    assert find_municipality("Mellersta Finland", load_municipalities(MUNICIPALITIES_CSV)) is None
