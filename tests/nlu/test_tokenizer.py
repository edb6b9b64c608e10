from __future__ import annotations

import pytest
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.lemmas import dotted_spellings, lemma
from bot.rasa.tokenizer import FinnishTokenizer


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (["perheneuvola", "perheneuvolaan", "perheneuvolassa", "perheneuvolaa"], "perheneuvola"),
        (["kohtaamispaikka", "kohtaamispaikkoja", "Kohtaamispaikat"], "kohtaamispaikka"),
        (["muutosagentti", "muutosagentin", "muutosagenttina"], "muutosagentti"),
        (["palvelu", "palveluita", "palveluja", "palvelut"], "palvelu"),
    ],
)
def test_inflected_forms_share_one_lemma(forms: list[str], expected: str) -> None:
    assert {lemma(form) for form in forms} == {expected}


@pytest.mark.parametrize(
    ("undotted", "dotted", "expected"),
    [
        ("laakarin", "lääkärin", "laakari"),
        ("paivakoteja", "päiväkoteja", "paivakoti"),
        ("loytyyko", "löytyykö", "loytya"),
        ("sahkopostia", "sähköpostia", "sahkoposti"),
    ],
)
def test_words_typed_without_dots_get_the_dotted_lemma(
    undotted: str, dotted: str, expected: str
) -> None:
    assert lemma(undotted) == lemma(dotted) == expected


@pytest.mark.parametrize(
    ("spoken", "expected"),
    [("onks", "olla"), ("voiks", "voida"), ("loytyyks", "loytya"), ("mite", "miten")],
)
def test_spoken_forms_and_clitics(spoken: str, expected: str) -> None:
    assert lemma(spoken) == expected


def test_question_words_keep_their_meaning() -> None:
    assert lemma("missä") == lemma("mis") == lemma("missa") == "missa"
    assert lemma("mitä") == "mita"
    assert len({lemma("missä"), lemma("mitä"), lemma("mistä"), lemma("kuka")}) == 4


def test_dotted_spellings_fewest_dots_first() -> None:
    spellings = list(dotted_spellings("tyota"))
    assert spellings[:2] == ["työta", "tyotä"]
    assert spellings[-1] == "työtä"
    assert len(spellings) == 3
    assert list(dotted_spellings("työtä")) == []


def test_numbers_and_odd_tokens_do_not_break() -> None:
    assert lemma("112") == "112"
    assert lemma("HyPe:ssä") == "hype"


def tokenize(text: str) -> Message:
    message = Message(data={TEXT: text, INTENT: "ask_services"})
    FinnishTokenizer(FinnishTokenizer.get_default_config()).process_training_data(
        TrainingData([message])
    )
    return message


def test_tokenizer_sets_lemmas_on_text_tokens() -> None:
    message = tokenize("Onks Laukaas perheneuvolaa?")
    tokens = message.get(TOKENS_NAMES[TEXT])
    assert [t.text for t in tokens] == ["Onks", "Laukaas", "perheneuvolaa"]
    assert [t.lemma for t in tokens] == ["olla", "laukaa", "perheneuvola"]
    assert [(t.start, t.end) for t in tokens] == [(0, 4), (5, 12), (13, 26)]


def test_tokenizer_leaves_intent_labels_alone() -> None:
    message = tokenize("mitä palveluita")
    [intent_token] = message.get(TOKENS_NAMES[INTENT])
    assert intent_token.lemma == "ask_services"
