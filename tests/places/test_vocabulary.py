"""Service, role, topic and contact-field words → ids, in any inflection and in compounds."""

from __future__ import annotations

import pytest

from bot.directory.loader import load_directory
from bot.paths import DIRECTORY_DIR
from bot.places.resolver import Resolver
from bot.places.vocabulary import CONTACT_FIELDS, Vocabulary, stem, vocabulary_of

WORDS = Vocabulary(
    [
        ("service", "perheneuvola", ("perheneuvola", "familjerådgivning")),
        ("service", "psykiatrinen-sairaanhoitaja", ("psykiatrinen sairaanhoitaja",)),
        ("service", "perhekeskus", ("perhekeskus", "familjecenter")),
        ("topic", "lape", ("LAPE",)),
        ("topic", "pilotit", ("perhekeskuspilotit",)),
        *(("contact_field", field, names) for field, names in CONTACT_FIELDS),
    ]
)


def test_a_stem_drops_two_letters_keeping_four_and_nen_of_an_adjective() -> None:
    assert [stem(w) for w in ("perheneuvola", "lape", "psykiatrinen", "nro")] == [
        "perheneuvo",
        "lape",
        "psykiatri",
        "nro",
    ]


@pytest.mark.parametrize(
    ("text", "kind", "ids"),
    [
        ("onko laukaassa perheneuvolaa", "service", ("perheneuvola",)),
        ("var finns familjerådgivningen", "service", ("perheneuvola",)),
        ("psykiatrisen sairaanhoitajan vastaanotto", "service", ("psykiatrinen-sairaanhoitaja",)),
        ("perhekeskuspilotit päijät-hämeessä", "service", ("perhekeskus",)),
        ("perhekeskuspilotit päijät-hämeessä", "topic", ("pilotit",)),
        ("milloin lape alkoi", "topic", ("lape",)),
        ("mikä on hänen puhelinnumeronsa", "contact_field", ("phone",)),
        ("entä sahkoposti?", "contact_field", ("email",)),
        ("what is her e-mail", "contact_field", ("email",)),
        ("seinajoki perhekeskus yhteystiedot", "contact_field", ("contact",)),
        ("kontaktuppgifterna till familjecentret", "contact_field", ("contact",)),
        ("kuka on yhteyshenkilö", "contact_field", ()),
        ("onko lahdessa neuvolaa", "service", ()),
        ("psykiatri", "service", ()),
    ],
)
def test_find(text: str, kind: str, ids: tuple[str, ...]) -> None:
    assert WORDS.find(text, kind) == ids


def test_canonical_keeps_an_id_maps_a_form_and_drops_a_stranger() -> None:
    assert WORDS.canonical("perheneuvola", "service") == "perheneuvola"
    assert WORDS.canonical("perheneuvolaan", "service") == "perheneuvola"
    assert WORDS.canonical("lape", "service") is None
    assert WORDS.canonical(None, "service") is None


def test_spans_are_the_words_of_the_entries_named() -> None:
    text = "moi! is there a Perhekeskus or a psykiatrinen sairaanhoitaja in Laukaa?"
    assert [text[a:b] for a, b in WORDS.spans(text)] == [
        "Perhekeskus",
        "psykiatrinen",
        "sairaanhoitaja",
    ]
    # "sairaanhoitaja" alone names no entry: both words are needed.
    assert WORDS.spans("is a sairaanhoitaja there") == []


def test_only_needs_exactly_one() -> None:
    assert WORDS.only("puhelinnumero", "contact_field") == "phone"
    assert WORDS.only("puhelinnumero ja sähköposti", "contact_field") is None
    assert WORDS.only("kiitos", "contact_field") is None


def test_cue_stems_are_long_service_role_and_topic_stems() -> None:
    cues = WORDS.cue_stems()
    assert {"perheneuvo", "psykiatri", "sairaanhoita", "perhekeskuspilot"} <= cues
    assert "lape" not in cues  # too short to show that a message is about family services
    assert not any(s.startswith(("puhelin", "sahkopo")) for s in cues)  # contact fields


def test_a_directory_service_word_makes_a_common_word_name_a_place(resolver: Resolver) -> None:
    assert [m.id for m in resolver.find("parisuhdetuki lahti")] == ["398"]
    assert resolver.find("lapset uivat lahdessa") == []


def test_a_directorys_vocabulary_is_built_once_and_a_new_directory_gets_its_own() -> None:
    first, second = load_directory(DIRECTORY_DIR), load_directory(DIRECTORY_DIR)
    assert vocabulary_of(first) is vocabulary_of(first)
    assert vocabulary_of(second) is not vocabulary_of(first)
    assert vocabulary_of(second).find("perheneuvolaan", "service") == ("perheneuvola",)
