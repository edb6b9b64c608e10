"""Crisis detection in Finnish, Swedish and English, measured on the independent sets."""

from __future__ import annotations

import pytest

from bot.safety import EMERGENCY_LINES, RULE_SETS, asks_for_help, detect_crisis
from bot.safety.engine import CrisisMatch, _sentences, blank, rule_matches
from tests.safety.sets import crisis_messages, everyday_messages, out_of_domain_messages
from tests.safety.test_finnish import CRISIS as FINNISH_CRISIS

CRISIS = crisis_messages()
EVERYDAY = everyday_messages()
OUT_OF_DOMAIN = out_of_domain_messages()

#: Phrasings for rules that the independent set does not happen to use.
MORE_EXAMPLES = [
    "vauvalla on anafylaktinen reaktio",
    "mitt barn har fått en förgiftning",
    "pappa fick en hjärtattack nu",
    "pojken höll på att drunkna i sjön",
    "jag är livrädd för min man",
    "I think my son took an overdose",
    "my dad is having a heart attack",
    "my toddler nearly drowned in the pool",
    "I'm terrified of my husband",
]


def test_the_sets_are_large_enough() -> None:
    for language in ("fi", "sv", "en"):
        assert sum(sample.lang == language for sample in CRISIS) >= 40
    assert len(EVERYDAY) >= 60


@pytest.mark.parametrize("sample", CRISIS, ids=lambda sample: sample.text[:50])
def test_every_crisis_message_is_detected(sample: object) -> None:
    match = detect_crisis(sample.text)  # type: ignore[attr-defined]
    assert match is not None


def test_the_reply_language_is_the_parents() -> None:
    wrong = [
        sample.text
        for sample in CRISIS
        if (match := detect_crisis(sample.text)) is not None and match.language != sample.lang
    ]
    # Mixed-language messages may be answered in either of their languages.
    assert len(wrong) <= len(CRISIS) * 0.05, wrong


@pytest.mark.parametrize(
    ("name", "texts"),
    [
        ("everyday family messages", [sample.text for sample in EVERYDAY]),
        ("out-of-domain questions", OUT_OF_DOMAIN),
    ],
)
def test_false_alarms_stay_at_most_two_percent(name: str, texts: list[str]) -> None:
    alarms = [text for text in texts if detect_crisis(text) is not None]
    assert len(alarms) <= len(texts) * 0.02, alarms


def test_each_rule_fires() -> None:
    texts = [text for text, _ in FINNISH_CRISIS] + [s.text for s in CRISIS] + MORE_EXAMPLES
    folded = [blank(sentence) for text in texts for _, sentence in _sentences(text)]
    silent = [
        f"{rule_set.language}: {rule.reason}"
        for rule_set in RULE_SETS
        for rule in rule_set.rules
        if not any(rule_matches(rule, sentence) for sentence in folded)
    ]
    assert not silent


@pytest.mark.parametrize(
    ("text", "language", "category"),
    [
        ("min man slår mig", "sv", "violence"),
        ("my husband hits me", "en", "violence"),
        ("jag orkar inte leva", "sv", "suicide"),
        ("there's no point in anything", "en", "suicide"),
        ("my toddler swallowed pills", "en", "medical"),
        ("bebisen andas inte", "sv", "medical"),
        ("hjälp, vår treåring har försvunnit", "sv", "danger"),
        ("someone is breaking in", "en", "danger"),
    ],
)
def test_language_and_category(text: str, language: str, category: str) -> None:
    match = detect_crisis(text)
    assert match is not None
    assert (match.language, match.category) == (language, category)


@pytest.mark.parametrize(
    "text",
    [
        "I'm dying to know when the family centre opens",
        "just killing time at the playground",
        "jag dör av skratt åt barnens teater",
        "vädret tar livet av mig, finns det inomhuslek?",
        "my toddler hits me when he is tired, is that normal?",
        "we took a first aid course on choking",
        "where can I find a course on preventing domestic violence?",
    ],
)
def test_figures_of_speech_are_not_crises(text: str) -> None:
    assert detect_crisis(text) is None


def test_emergency_lines_name_112_in_every_language() -> None:
    assert set(EMERGENCY_LINES) == {"fi", "sv", "en"}
    assert all("112" in line for line in EMERGENCY_LINES.values())


def test_a_crisis_travels_as_a_value_without_the_parents_words() -> None:
    match = detect_crisis("my teenage son talks about suicide")
    assert match is not None
    value = match.as_value()
    assert value == {"category": "suicide", "language": "en", "young": True, "helpline": "crisis"}
    again = CrisisMatch.from_value(value)
    assert again is not None
    assert (again.category, again.language, again.young, again.helpline) == (
        "suicide",
        "en",
        True,
        "crisis",
    )
    assert again.phrase == ""


def test_a_value_that_is_no_crisis_reads_as_none() -> None:
    assert CrisisMatch.from_value(None) is None
    assert CrisisMatch.from_value({"category": "flood", "language": "fi"}) is None
    assert CrisisMatch.from_value({"category": "violence", "language": "de"}) is None
    # kept before the helpline was stored: the category's own helpline
    old = CrisisMatch.from_value({"category": "violence", "language": "fi", "young": False})
    assert old is not None and old.helpline == "violence"


@pytest.mark.parametrize(
    "text",
    [
        "Vart kan vi vända oss?",
        "vart vänder man sig med familjefrågor",
        "var kan vi få hjälp med vår tonåring",
        "vem kan jag prata med",
        "who can we talk to",
        "kenelle voin soittaa",
    ],
)
def test_a_question_for_help_is_recognised(text: str) -> None:
    assert asks_for_help(text)


def test_a_question_for_facts_is_no_question_for_help() -> None:
    assert not asks_for_help("när pågick projektet")
