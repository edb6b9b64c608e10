"""The cross-validation scores and report section (pure parts, no training)."""

from __future__ import annotations

import pytest

from tools.nlu_cv import CrossValidation, FoldScore, fold_score, render
from tools.nlu_eval_scores import Example, Prediction


def example(text: str, intent: str, *entities: tuple[str, str]) -> Example:
    return Example(text, intent, tuple(entities))


def prediction(intent: str, *entities: tuple[str, str]) -> Prediction:
    return Prediction(intent, tuple(entities), intent, 0.9)


def test_fold_score_counts_accuracy_macro_f1_entities_and_fallback() -> None:
    examples = [
        example("a", "greet"),
        example("b", "greet"),
        example("c", "ask_services", ("place", "410")),
        example("d", "ask_services", ("place", "992")),
    ]
    predictions = [
        prediction("greet"),
        prediction("nlu_fallback"),
        prediction("ask_services", ("place", "410")),
        prediction("ask_services", ("place", "410")),
    ]
    score = fold_score(examples, predictions)
    assert score.accuracy == 0.75
    # greet: P 1, R 0.5 → F1 2/3; ask_services: P 1, R 1 → F1 1.
    assert score.macro_f1 == pytest.approx((2 / 3 + 1) / 2)
    # place: one of two right, one extra → P 0.5, R 0.5.
    assert score.entity_f1 == pytest.approx(0.5)
    assert score.fallback == 0.25


def test_fold_score_refuses_mismatched_lengths() -> None:
    with pytest.raises(ValueError):
        fold_score([example("a", "greet")], [])
    with pytest.raises(ValueError):
        fold_score([], [])


def test_spread_is_mean_and_population_std() -> None:
    result = CrossValidation(
        "p", [FoldScore(0.8, 0.7, 1.0, 0.0), FoldScore(1.0, 0.9, 1.0, 0.0)], 12.0
    )
    assert result.spread("accuracy") == pytest.approx((0.9, 0.1))
    assert result.spread("entity_f1") == pytest.approx((1.0, 0.0))


def test_render_shows_both_pipelines_and_every_fold() -> None:
    ours = CrossValidation("project pipeline", [FoldScore(0.9, 0.8, 1.0, 0.1)] * 3, 30)
    base = CrossValidation("default pipeline", [FoldScore(0.5, 0.4, 0.2, 0.0)] * 3, 90)
    text = "\n".join(render([ours, base]))
    assert "## 3-fold cross-validation" in text
    assert "| intent accuracy | 0.900 ± 0.000 | 0.500 ± 0.000 |" in text
    assert "| intent macro-F1 | 0.800 ± 0.000 | 0.400 ± 0.000 |" in text
    assert "| 3 | 0.900 / 0.800 | 0.500 / 0.400 |" in text
    assert "| training, all folds | 30 s | 90 s |" in text
    assert render([]) == []


def test_fold_score_ignores_entity_types_the_examples_do_not_annotate() -> None:
    examples = [example("a", "find_service", ("service", "perheneuvola"))]
    predictions = [prediction("find_service", ("service", "perheneuvola"), ("place", "410"))]
    assert fold_score(examples, predictions).entity_f1 == 1
    wrong = [prediction("find_service", ("service", "neuvola"))]
    assert fold_score(examples, wrong).entity_f1 == 0
