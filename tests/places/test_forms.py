"""Forms of all 308 municipalities, from the rules in ``expected_forms.py`` (not the resolver's)."""

from __future__ import annotations

from bot.directory.municipalities import load_municipalities
from bot.paths import MUNICIPALITIES_CSV
from bot.places.resolver import Resolver
from tests.places.expected_forms import FORMS_FILE, render, rule_forms, tricky_forms


def test_forms_file_is_what_the_rules_give() -> None:
    assert FORMS_FILE.read_text(encoding="utf-8") == render()


def test_the_expected_forms_cover_inflection_of_most_municipalities() -> None:
    municipalities = load_municipalities(MUNICIPALITIES_CSV)
    inflected = {m.code for m in municipalities.values() if len(rule_forms(m)) > 1}
    inflected |= {code for code, _ in tricky_forms()}
    assert len(inflected) == 308
    assert len(municipalities) == 308


def test_every_expected_form_resolves_to_its_municipality(resolver: Resolver) -> None:
    rows = [line.split("\t") for line in FORMS_FILE.read_text(encoding="utf-8").splitlines()]
    rows = [row for row in rows if not row[0].startswith("#")]
    wrong = [(code, form) for code, form in rows if [m.id for m in resolver.find(form)] != [code]]
    assert len(rows) > 4000
    assert wrong == []


def test_forms_in_a_sentence_keep_their_span(resolver: Resolver) -> None:
    text = "Muutimme Uudestakaupungista Äänekoskelle."
    matches = resolver.find(text)
    assert [(m.id, text[m.start : m.end]) for m in matches] == [
        ("895", "Uudestakaupungista"),
        ("992", "Äänekoskelle"),
    ]
