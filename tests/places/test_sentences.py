"""Real messages: parent sentences with expected names, everyday sentences with none."""

from __future__ import annotations

import pytest

from bot.directory.loader import load_directory
from bot.paths import DIRECTORY_DIR
from bot.places import resolver_for
from bot.places.names import PLACE_KINDS
from bot.places.resolver import Resolver
from tools.places_bench import SETS_DIR, rows

SENTENCES = [(row[0], row[1:]) for row in rows(SETS_DIR / "sentences.tsv")]
EVERYDAY = [row[0] for row in rows(SETS_DIR / "everyday.txt")]


def ids(resolver: Resolver, text: str) -> list[str]:
    return [m.id for m in resolver.find(text)]


def test_the_sets_are_big_enough() -> None:
    assert len(SENTENCES) >= 100
    assert len(EVERYDAY) >= 100


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_parent_sentence(resolver: Resolver, text: str, expected: list[str]) -> None:
    assert ids(resolver, text) == expected


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_sentence_gives_no_name(resolver: Resolver, text: str) -> None:
    assert resolver.find(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mikä on jalo lahdessa", ["lahti-monitoimitalo-jalo", "398"]),  # a unit with its town
        ("hype laukaassa", ["laukaa-hype", "410"]),
        ("jalo mieli", []),
        ("milloin hype alkoi", []),  # an everyday word alone stays one
    ],
)
def test_a_unit_and_its_town_side_by_side_are_each_others_cue(
    text: str, expected: list[str]
) -> None:
    assert ids(resolver_for(load_directory(DIRECTORY_DIR)), text) == expected


def test_the_live_directory_gives_the_same_answers() -> None:
    live = resolver_for(load_directory(DIRECTORY_DIR))
    assert [t for t, expected in SENTENCES if ids(live, t) != expected] == []
    assert [t for t in EVERYDAY if any(m.kind in PLACE_KINDS for m in live.find(t))] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lähti kotiin", []),  # lähti is not Lahti typed without dots
        ("en ole koskaan ollut", []),  # koskaan is not a typo of Kotkaan
        ("ei yhtään", []),  # yhtään is not Pyhtää
        ("uimme lahdessa", []),
        ("asun lahdessa", ["398"]),
        ("onko lahdessa perhekeskus", ["398"]),
        ("Lahdessa", ["398"]),
        ("Tänään Lahdessa sataa", ["398"]),
        ("Lahdessa sataa", []),  # capital at the start of a sentence proves nothing
        ("Kaarina tuli kylään", []),
        ("Tänään Kaarina tuli kylään", []),  # a first name, even capitalised
        ("Kaarinassa on neuvola", ["202"]),
        ("entä lahti?", ["398"]),  # a follow-up with another place
        ("parisuhdetuki lahti", ["398"]),  # next to a service word of the directory
        ("Lahdessa ja Hollolassa", ["398", "098"]),
        ("kaksineuvosen perhekeskus", ["kaksineuvoinen-perhekeskus"]),  # a unit's typo, cued
        ("kaksineuvosen kanssa", []),  # not without a cue
        ("Hollola tai Lahti", ["098", "398"]),
        ("Salo:ssa", ["734"]),
        ("Iin kunta", ["139"]),
        ("iin", ["139"]),
        ("mennään iin kautta", []),
    ],
)
def test_common_word_names_need_a_place_context(
    resolver: Resolver, text: str, expected: list[str]
) -> None:
    assert ids(resolver, text) == expected


def test_typos_are_forgiven_only_in_long_names(resolver: Resolver) -> None:
    assert ids(resolver, "jyväskylsäsä") == ["179"]
    assert ids(resolver, "aanekoskela") == ["992"]
    assert ids(resolver, "Turkusa") == []  # Turku has five letters
    assert ids(resolver, "hevonen laukkaa") == []  # a word one letter from Laukaa
    assert ids(resolver, "kaikista huolimatta") == []


def test_explanations_say_what_matched_and_why(resolver: Resolver) -> None:
    [match] = resolver.find("Asun Lahdessa")
    assert match.reason == (
        "Lahti (Finnish name, inessive): exact form; a place here: capitalised inside a sentence"
    )
    [typo] = resolver.find("helsinkissä")
    assert typo.confidence < match.confidence
    assert "one typo from 'helsingissä'" in typo.reason


def test_units_and_persons_come_with_their_kind(resolver: Resolver) -> None:
    text = "Soita Harju-Kiviselle tai HyPeen Laukaaseen"
    assert [(m.kind, m.id, m.text) for m in resolver.find(text)] == [
        ("person", "raija-harju-kivinen", "Harju-Kiviselle"),
        ("unit", "laukaa-hype", "HyPeen"),
        ("municipality", "410", "Laukaaseen"),
    ]


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        ("laukaas", "municipality", "410"),
        ("Lahdessa", "municipality", "398"),
        ("salo", "municipality", "734"),
        ("Harju-Kiviselle", "person", "raija-harju-kivinen"),
        ("Keski-Suomen", "region", "region:Keski-Suomi"),
        ("410", "municipality", "410"),
        ("region:Päijät-Häme", "region", "region:Päijät-Häme"),
        ("laukaa-hype", "unit", "laukaa-hype"),
        (" Jyväskylä ", "municipality", "179"),
    ],
)
def test_resolve_value(resolver: Resolver, value: str, kind: str, expected: str) -> None:
    match = resolver.resolve_value(value)
    assert match is not None
    assert (match.kind, match.id) == (kind, expected)
    assert value[match.start : match.end] == match.text


def test_resolve_value_of_nothing(resolver: Resolver) -> None:
    assert resolver.resolve_value("ei mitään") is None
    assert resolver.resolve_value("") is None
