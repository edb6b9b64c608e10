"""The inflection rules, word by word."""

from __future__ import annotations

import pytest

from bot.places.inflect import harmony, name_forms, strengthen, strip_clitic, weaken


def forms(name: str, **kwargs: object) -> set[str]:
    return {form for _, form in name_forms(name, **kwargs)}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("word", "weak"),
    [
        ("turku", "turu"),
        ("hanko", "hango"),
        ("helsinki", "helsingi"),
        ("kurikka", "kurika"),
        ("outokumpu", "outokummu"),
        ("satakunta", "satakunna"),
        ("harjavalta", "harjavalla"),
        ("juuka", "juua"),
        ("lieto", "liedo"),
        ("vihti", "vihdi"),
        ("kotka", "kotka"),
        ("imatra", "imatra"),
        ("kuopio", "kuopio"),
        ("pello", "pello"),
        ("rusko", "rusko"),
    ],
)
def test_weak_grade(word: str, weak: str) -> None:
    assert weaken(word) == weak


def test_strong_grade_of_weak_nominatives() -> None:
    assert strengthen("pihtipuda") == "pihtiputa"
    assert strengthen("laidu") == "laitu"


@pytest.mark.parametrize(
    ("word", "vowel"),
    [
        ("jyväskylä", "ä"),
        ("seinäjoki", "a"),
        ("kankaanpää", "ä"),
        ("haapavesi", "ä"),
        ("rovaniemi", "ä"),
        ("kemi", "ä"),
        ("enontekiö", "ä"),
        ("mäntyharju", "a"),
    ],
)
def test_vowel_harmony_follows_the_last_part(word: str, vowel: str) -> None:
    assert harmony(word) == vowel


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("lahti", {"lahdessa", "lahden", "lahteen", "lahdesta", "lahdella"}),
        ("äänekoski", {"äänekoskella", "äänekosken", "äänekoskeen", "äänekoskessa"}),
        ("seinäjoki", {"seinäjoella", "seinäjoen", "seinäjokeen"}),
        ("haapavesi", {"haapavedellä", "haapaveden", "haapaveteen"}),
        ("pieksämäki", {"pieksämäellä", "pieksämäen", "pieksämäkeen"}),
        ("rautalampi", {"rautalammilla", "rautalammin", "rautalampiin"}),
        ("laukaa", {"laukaassa", "laukaan", "laukaaseen", "laukaas", "laukaast"}),
        ("espoo", {"espoossa", "espoon", "espooseen"}),
        ("joensuu", {"joensuussa", "joensuuhun"}),
        ("tampere", {"tampereella", "tampereen", "tampereeseen"}),
        ("raahe", {"raahessa", "raahen", "raaheen"}),
        ("muhos", {"muhoksella", "muhoksen", "muhokseen"}),
        ("varkaus", {"varkaudessa", "varkauden", "varkauteen"}),
        ("pihtipudas", {"pihtiputaalla", "pihtiputaan", "pihtiputaaseen"}),
        ("punkalaidun", {"punkalaitumella", "punkalaitumen", "punkalaitumeen"}),
        ("virrat", {"virroilla", "virtain", "virtoihin"}),
        ("kangasala", {"kangasalla", "kangasalalla", "kangasalan"}),
        ("loppi", {"lopella", "lopen", "loppeen"}),
        ("mänttä-vilppula", {"mänttä-vilppulassa", "mänttä-vilppulan"}),
        ("harju-kivinen", {"harju-kivisen", "harju-kiviselle", "harju-kiviseltä"}),
        ("hämäläinen", {"hämäläisen", "hämäläiselle", "hämäläistä"}),
        ("monitoimitalo jalo", {"monitoimitalo jalossa", "monitoimitalo jalon"}),
    ],
)
def test_name_forms(name: str, expected: set[str]) -> None:
    assert expected <= forms(name)


def test_plural_forms_of_nen_place_names() -> None:
    assert {"kaskisissa", "kaskisten", "kaskisiin", "kaskisessa"} <= forms("kaskinen", plural=True)
    assert "kaskisissa" not in forms("kaskinen")


def test_both_parts_inflect_and_the_short_form_is_kept() -> None:
    uusikaupunki = forms("uusikaupunki", both_parts=4)
    assert {"uudessakaupungissa", "uudenkaupungin", "uuteenkaupunkiin"} <= uusikaupunki
    assert "uusikaupungissa" in uusikaupunki
    assert {"isossakyrössä", "isonkyrön", "isokyrössä"} <= forms("isokyrö", both_parts=3)
    assert "uudellamaalla" in forms("uusimaa", both_parts=4)


def test_loan_names_get_forms_without_gradation_too() -> None:
    assert {"getassa", "gedassa"} <= forms("geta", loan=True)
    assert "getassa" not in forms("geta")
    assert "finströmissä" in forms("finström", loan=True)


def test_strip_clitic() -> None:
    assert "lahdessa" in set(strip_clitic("lahdessakin"))
    assert "porissa" in set(strip_clitic("porissako"))
    assert list(strip_clitic("koskaan")) == []
