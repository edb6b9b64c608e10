"""K-fold cross-validation of an NLU pipeline on ``data/training``, with Rasa's own folds.

The folds are the ones ``rasa test nlu --cross-validation`` makes (``generate_folds`` in
``rasa.nlu.test``: a stratified split by intent). They are drawn once with a fixed seed, so
that every pipeline is trained and tested on the same folds. Each fold's test part is scored
like the held-out set: intent accuracy, intent macro-F1 over the fold's intents, entity F1
(type and canonical value) and the share of messages sent to ``nlu_fallback``.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.paths import TRAINING_DATA_DIR
from tools.nlu_eval_scores import (
    FALLBACK_INTENT,
    Example,
    Prediction,
    entity_counts,
    intent_scores,
    pooled,
)

if TYPE_CHECKING:
    from rasa.shared.nlu.training_data.training_data import TrainingData

DEFAULT_FOLDS = 5
#: Seed of the fold split: the same folds for every pipeline and every run.
SEED = 1


@dataclass(frozen=True)
class FoldScore:
    """Scores of one fold's test part."""

    accuracy: float
    macro_f1: float
    entity_f1: float
    fallback: float


@dataclass
class CrossValidation:
    """The fold scores of one pipeline."""

    name: str
    folds: list[FoldScore] = field(default_factory=list)
    train_seconds: float = 0.0

    def spread(self, metric: str) -> tuple[float, float]:
        """Mean and (population) standard deviation of a metric over the folds.

        Args:
            metric: A field of :class:`FoldScore` (``accuracy``, ``macro_f1`` …).
        """
        values = [getattr(fold, metric) for fold in self.folds]
        return statistics.fmean(values), statistics.pstdev(values)


def fold_score(examples: Sequence[Example], predictions: Sequence[Prediction]) -> FoldScore:
    """Score the predictions for one fold's test examples (in the same order).

    Entities are scored per type the examples annotate (see ``entity_counts``): a predicted
    type the training data never annotates, like ``place`` from the name extractor, is not
    counted.

    Raises:
        ValueError: When there are no examples or not one prediction per example.
    """
    if not examples or len(examples) != len(predictions):
        raise ValueError(f"{len(examples)} examples, {len(predictions)} predictions")
    intents = intent_scores(examples, predictions)
    return FoldScore(
        accuracy=intents.accuracy,
        macro_f1=intents.macro_f1,
        entity_f1=pooled(entity_counts(examples, predictions).values()).score.f1,
        fallback=sum(p.intent == FALLBACK_INTENT for p in predictions) / len(predictions),
    )


def rasa_folds(n: int, seed: int = SEED) -> list[tuple[TrainingData, TrainingData]]:
    """Rasa's stratified folds of ``data/training`` as (train, test) pairs.

    ``generate_folds`` shuffles with NumPy's global generator, so it is seeded first.
    """
    import numpy as np
    from rasa.nlu.test import generate_folds
    from rasa.shared.nlu.training_data.loading import load_data

    if n < 2:
        raise ValueError(f"cross-validation needs at least 2 folds, not {n}")
    np.random.seed(seed)
    return list(generate_folds(n, load_data(str(TRAINING_DATA_DIR / "nlu"))))


def _cell(result: CrossValidation, metric: str) -> str:
    mean, std = result.spread(metric)
    return f"{mean:.3f} ± {std:.3f}"


def render(results: Sequence[CrossValidation]) -> list[str]:
    """Markdown lines of the cross-validation section: mean ± std, then every fold."""
    if not results:
        return []
    n = len(results[0].folds)
    header = "| | " + " | ".join(r.name for r in results) + " |"
    rule = "|---" * (len(results) + 1) + "|"
    rows = [
        ("intent accuracy", "accuracy"),
        ("intent macro-F1", "macro_f1"),
        ("entity F1 (type and canonical value)", "entity_f1"),
        ("sent to nlu_fallback", "fallback"),
    ]
    lines = [
        "",
        f"## {n}-fold cross-validation on the training data",
        "",
        f"Rasa's stratified folds (`generate_folds`, as `rasa test nlu --cross-validation"
        f" --folds {n}`), seed {SEED}: each pipeline is trained on the same {n - 1}/{n} of"
        f" `data/training/nlu/` and tested on the other 1/{n}, {n} times. Mean ± standard"
        " deviation over the folds; macro-F1 is over the intents of each fold's test part.",
        "",
        header,
        rule,
    ]
    lines += [
        f"| {label} | " + " | ".join(_cell(r, metric) for r in results) + " |"
        for label, metric in rows
    ]
    seconds = " | ".join(f"{r.train_seconds:.0f} s" for r in results)
    lines += [f"| training, all folds | {seconds} |", "", "Per fold (accuracy / macro-F1):", ""]
    lines += ["| fold | " + " | ".join(r.name for r in results) + " |", rule]
    for i in range(n):
        cells = [f"{r.folds[i].accuracy:.3f} / {r.folds[i].macro_f1:.3f}" for r in results]
        lines.append(f"| {i + 1} | " + " | ".join(cells) + " |")
    return lines
