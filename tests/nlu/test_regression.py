"""NLU quality on the held-out files, with thresholds a little below the measured numbers.

The model is the session's ``trained_model`` (tests/conftest.py): the full model for the
current training data, trained once into models/ and shared with the end-to-end tests.
Measured numbers: reports/nlu_evaluation.md (``python -m tools.nlu_eval``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.paths import TRAINING_DATA_DIR
from tools.nlu_eval import evaluate
from tools.nlu_eval_scores import IN_DOMAIN_FILE, OUT_OF_DOMAIN_FILE, Evaluation, load_examples

MIN_INTENT_MACRO_F1 = 0.94
MIN_INTENT_F1 = 0.75
MIN_ENTITY_F1 = 0.93
MIN_OUT_OF_DOMAIN_ROUTED = 0.87


@pytest.fixture(scope="module")
def evaluation(trained_model: Path) -> Evaluation:
    return evaluate(trained_model, load_examples(IN_DOMAIN_FILE), load_examples(OUT_OF_DOMAIN_FILE))


def test_intent_macro_f1(evaluation: Evaluation) -> None:
    assert evaluation.intent_macro_f1 >= MIN_INTENT_MACRO_F1, evaluation.confusions


def test_every_intent_is_recognised(evaluation: Evaluation) -> None:
    weak = {name: round(s.f1, 2) for name, s in evaluation.intents.items() if s.f1 < MIN_INTENT_F1}
    assert not weak, evaluation.confusions


def test_entity_f1(evaluation: Evaluation) -> None:
    scores = {name: round(s.f1, 2) for name, s in evaluation.entities.items()}
    assert evaluation.entity_micro.f1 >= MIN_ENTITY_F1, scores


def test_out_of_domain_goes_to_out_of_scope_or_fallback(evaluation: Evaluation) -> None:
    routed = evaluation.out_of_domain_routed
    assert routed >= MIN_OUT_OF_DOMAIN_ROUTED, evaluation.out_of_domain_misses


def normalised(text: str) -> str:
    return re.sub(r"[^\w ]", "", text.lower()).strip()


def test_held_out_examples_are_not_in_the_training_data() -> None:
    training = {normalised(ex.text) for ex in load_examples(TRAINING_DATA_DIR / "nlu")}
    held_out = load_examples(IN_DOMAIN_FILE) + load_examples(OUT_OF_DOMAIN_FILE)
    copied = [ex.text for ex in held_out if normalised(ex.text) in training]
    assert not copied
