"""One-typo forms of municipality names resolve; everyday words and sentences stay no place."""

from __future__ import annotations

import random

import pytest

from bot.directory.municipalities import load_municipalities
from bot.paths import MUNICIPALITIES_CSV
from bot.places.names import PLACE_KINDS
from bot.places.resolver import Resolver
from bot.places.typos import typo_cost
from bot.text import fold
from tools.places_bench import SETS_DIR, rows, typos


def places(resolver: Resolver, text: str) -> list[str]:
    return [m.id for m in resolver.find(text) if m.kind in PLACE_KINDS]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Jyväsklyässä", "179"),  # swap
        ("asun jyvaskyalssa", "179"),  # swap, typed without ä
        ("laukaasa", "410"),  # deletion
        ("Laukaaassa", "410"),  # insertion
        ("Seinäjoella neuvola? entä Seinäjoeella", "743"),
        ("lajärvellä", "005"),  # first letter lost; the whole message is the name
        ("asun lajärvellä", "005"),
        ("Tmapereella", "837"),
        ("muutimme Kuopiioon", "297"),
        ("mäntä-vilppulassa", "508"),  # hyphenated name
        ("alajårvelle", "005"),  # å for ä
        ("askölaan", "018"),  # ö where the name has o
        ("neuvola turusa", "853"),  # a short name needs a context word
        ("asun lahdesa", "398"),  # a common-word name too
        ("sakola", "018"),  # swap (Askola) beats a far key (Säkylä)
    ],
)
def test_typo_resolves(resolver: Resolver, text: str, code: str) -> None:
    assert code in places(resolver, text)


@pytest.mark.parametrize(
    "text",
    [
        "Onko yhtään neuvolaa lähellä?",  # yhtään is one letter from Pyhtää
        "Kuka on LAPEn koordinaattori?",  # LAPEn is one letter from Lopen
        "Kerro lapesta neuvolassa",
        "Hän lähti kotiin.",
        "turusa",  # no: a short name's typo alone is read only as the whole message
        "lapset uivat lahdesa",  # a common-word name's typo needs a place context
        "neuvola valtaa kaiken ajan",  # valtaa is a word, not Vantaa
        "Jag bor i en stor stad och söker skolan",
    ],
)
def test_no_place_read_by_typo(resolver: Resolver, text: str) -> None:
    found = places(resolver, text)
    assert found == [] or text == "turusa" and found == ["853"]


def test_a_seeded_sample_of_one_typo_forms_resolves(resolver: Resolver) -> None:
    """Every kind of typo (swap included) of 200 forms of names of at least six letters."""
    municipalities = load_municipalities(MUNICIPALITIES_CSV).values()
    long_names = {m.code for m in municipalities if len(fold(m.name_fi).replace("-", "")) >= 6}
    forms = sorted({(code, form.lower()) for code, form in rows(SETS_DIR / "forms_all.tsv")})
    rng = random.Random(11)
    sample = rng.sample([(c, f) for c, f in forms if c in long_names], 200)
    cases = [(code, typo) for code, form in sample for typo in typos(form, rng)]
    swaps = [(c, t) for c, f in sample for t in typos(f, rng) if sorted(t) == sorted(f)]
    missed = [(c, t) for c, t in cases if places(resolver, t) != [c]]
    missed_swaps = [(c, t) for c, t in swaps if places(resolver, t) != [c]]
    assert len(cases) > 5000 and len(swaps) > 1000
    assert len(missed) <= 0.01 * len(cases), missed[:20]
    assert len(missed_swaps) <= 0.01 * len(swaps), missed_swaps[:20]


def test_everyday_sentences_give_no_place(resolver: Resolver) -> None:
    everyday = [row[0] for row in rows(SETS_DIR / "everyday.txt")]
    assert len(everyday) >= 100
    assert [s for s in everyday if places(resolver, s)] == []


def test_likelier_typos_cost_less() -> None:
    assert typo_cost("askola", "sakola") < typo_cost("sakyla", "sakola")  # swap vs far key
    assert typo_cost("laukaa", "laukaaa") < typo_cost("laukaa", "laukaja")  # double vs far
    assert typo_cost("kauhajoki", "kahajoki") == typo_cost("kalajoki", "kalsjoki")
