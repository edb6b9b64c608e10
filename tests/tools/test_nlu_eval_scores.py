"""The held-out scores: intents through scikit-learn, entities by multiset matching."""

from __future__ import annotations

from dataclasses import astuple

import pytest

from tools.nlu_eval_scores import (
    EntityCounts,
    Example,
    Prediction,
    Score,
    entity_counts,
    intent_scores,
    pooled,
    score,
)


def example(text: str, intent: str, *entities: tuple[str, str]) -> Example:
    return Example(text, intent, tuple(entities))


def prediction(intent: str, *entities: tuple[str, str]) -> Prediction:
    return Prediction(intent, tuple(entities), intent, 0.9)


EXAMPLES = [
    example("hei", "greet"),
    example("moi", "greet"),
    example("kiitos", "thank"),
    example("neuvola Jyväskylässä", "find_service", ("service", "neuvola"), ("place", "179")),
    example("perheneuvola", "find_service", ("service", "perheneuvola")),
    example("perhekeskus Oulussa", "find_service", ("place", "564")),
]
PREDICTIONS = [
    prediction("greet"),
    prediction("nlu_fallback"),  # never right, and not an intent of its own
    prediction("greet"),  # a wrong prediction of an expected intent
    prediction("find_service", ("service", "neuvola"), ("place", "179")),
    prediction("out_of_scope", ("service", "neuvola")),  # not expected anywhere
    prediction("find_service", ("place", "564"), ("place", "564")),
]


def test_intent_scores_match_hand_computed_values() -> None:
    scores = intent_scores(EXAMPLES, PREDICTIONS)
    # Only the expected intents have a row; nlu_fallback and out_of_scope only cost recall.
    assert list(scores.per_intent) == ["find_service", "greet", "thank"]
    # find_service: 2 predicted, both right; 3 expected.
    assert astuple(scores.per_intent["find_service"]) == pytest.approx((1.0, 2 / 3, 0.8, 3))
    # greet: 2 predicted, 1 right; 2 expected → P 1/2, R 1/2.
    assert astuple(scores.per_intent["greet"]) == pytest.approx((0.5, 0.5, 0.5, 2))
    # thank: never predicted → P 0 (not undefined), R 0, F1 0.
    assert scores.per_intent["thank"] == Score(0.0, 0.0, 0.0, 1)
    assert scores.macro_f1 == pytest.approx((0.8 + 0.5 + 0.0) / 3)
    assert scores.accuracy == pytest.approx(3 / 6)


def test_intent_scores_refuse_mismatched_lengths() -> None:
    with pytest.raises(ValueError):
        intent_scores(EXAMPLES, PREDICTIONS[:-1])


def test_entity_counts_match_type_and_value_as_multisets() -> None:
    counts = entity_counts(EXAMPLES, PREDICTIONS)
    # place: 179 found, 564 found once and predicted twice.
    assert counts["place"] == EntityCounts(hits=2, predicted=3, expected=2)
    # service: neuvola found, perheneuvola read as neuvola.
    assert counts["service"] == EntityCounts(hits=1, predicted=2, expected=2)
    assert astuple(counts["place"].score) == pytest.approx((2 / 3, 1.0, 0.8, 2))
    assert pooled(counts.values()) == EntityCounts(hits=3, predicted=5, expected=4)


def test_entity_score_of_nothing_predicted_is_zero() -> None:
    assert EntityCounts(hits=0, predicted=0, expected=3).score == Score(0.0, 0.0, 0.0, 3)


def test_score_collects_every_number() -> None:
    outside = [example("sataa", "out_of_scope"), example("pizza", "out_of_scope")]
    evaluation = score(
        EXAMPLES,
        outside,
        [*PREDICTIONS, prediction("nlu_fallback"), prediction("greet")],
    )
    assert evaluation.intents == intent_scores(EXAMPLES, PREDICTIONS).per_intent
    assert evaluation.intent_macro_f1 == pytest.approx(1.3 / 3)
    assert astuple(evaluation.entities["service"]) == pytest.approx((0.5, 0.5, 0.5, 2))
    # all entities: 3 of 5 predictions right, 3 of 4 found.
    assert astuple(evaluation.entity_micro) == pytest.approx((0.6, 0.75, 2 / 3, 4))
    assert evaluation.confusions == [
        ("greet", "nlu_fallback", 1, "moi"),
        ("thank", "greet", 1, "kiitos"),
        ("find_service", "out_of_scope", 1, "perheneuvola"),
    ]
    assert evaluation.in_domain_fallback == pytest.approx(1 / 6)
    assert evaluation.out_of_domain_routed == 0.5
    assert evaluation.out_of_domain_misses == [("pizza", "greet")]
