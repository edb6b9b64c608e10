"""Scores of NLU predictions on the held-out data: per intent, per entity, out of domain.

The held-out files are ``data/test/nlu/nlu.yml`` (the bot's intents, with entities) and
``data/test/nlu/out_of_domain.yml`` (everyday sentences the bot cannot answer). Intent
precision, recall, F1, macro-F1 and accuracy come from scikit-learn. An entity counts as found
when its type and canonical value both match.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

from bot.paths import DATA_DIR

if TYPE_CHECKING:
    from rasa.shared.nlu.training_data.training_data import TrainingData

TEST_DIR = DATA_DIR / "test" / "nlu"
IN_DOMAIN_FILE = TEST_DIR / "nlu.yml"
OUT_OF_DOMAIN_FILE = TEST_DIR / "out_of_domain.yml"

FALLBACK_INTENT = "nlu_fallback"
OUT_OF_SCOPE_INTENT = "out_of_scope"
ROUTED_AWAY = frozenset({OUT_OF_SCOPE_INTENT, FALLBACK_INTENT})
SWEEP = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)

Entity = tuple[str, str]  # (entity type, canonical value)


@dataclass(frozen=True)
class Example:
    """One held-out message with its expected intent and entities."""

    text: str
    intent: str
    entities: tuple[Entity, ...]


@dataclass(frozen=True)
class Prediction:
    """What a model made of one message.

    Attributes:
        intent: The final intent (``nlu_fallback`` when the FallbackClassifier fired).
        entities: (type, value) of every extracted entity.
        top_intent: The classifier's best real intent, under any fallback.
        top_confidence: Its confidence.
    """

    intent: str
    entities: tuple[Entity, ...]
    top_intent: str
    top_confidence: float


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of one label, and its support (how many were expected)."""

    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class EntityCounts:
    """How many entities of one type were expected, predicted, and both (hits)."""

    hits: int
    predicted: int
    expected: int

    @property
    def score(self) -> Score:
        """Precision (share of the predictions right), recall (share found) and their F1."""
        precision = self.hits / self.predicted if self.predicted else 0.0
        recall = self.hits / self.expected if self.expected else 0.0
        total = precision + recall
        f1 = 2 * precision * recall / total if total else 0.0
        return Score(precision, recall, f1, self.expected)


@dataclass(frozen=True)
class IntentScores:
    """Intent scores of one set of predictions, all from scikit-learn.

    Attributes:
        per_intent: Score of every expected intent, by name.
        macro_f1: Unweighted mean F1 over the expected intents.
        accuracy: Share of the predictions that were right.
    """

    per_intent: dict[str, Score]
    macro_f1: float
    accuracy: float


@dataclass
class Evaluation:
    """Every number of one model on the held-out data.

    Attributes:
        intents: Score per intent of the in-domain test file.
        intent_macro_f1: Unweighted mean F1 over those intents.
        entities: Score per entity type the test file annotates.
        entity_micro: Precision/recall/F1 over all entities together.
    """

    intents: dict[str, Score]
    intent_macro_f1: float
    entities: dict[str, Score]
    entity_micro: Score
    confusions: list[tuple[str, str, int, str]]  # expected, predicted, count, one example
    out_of_domain_routed: float
    out_of_domain_misses: list[tuple[str, str]]  # text, predicted intent
    in_domain_fallback: float
    entity_errors: list[tuple[str, list[Entity], list[Entity]]]  # text, missed, extra
    sweep: list[tuple[float, float, float]] = field(default_factory=list)
    train_seconds: float = 0.0


def pooled(counts: Iterable[EntityCounts]) -> EntityCounts:
    """Micro-average: add up the counts of several entity types."""
    counts = list(counts)
    return EntityCounts(
        sum(c.hits for c in counts),
        sum(c.predicted for c in counts),
        sum(c.expected for c in counts),
    )


def load_examples(path: Path) -> list[Example]:
    """Read a Rasa NLU YAML file of held-out examples.

    Args:
        path: The YAML file.

    Returns:
        Its examples, entity values as annotated (canonical ids).
    """
    from rasa.shared.nlu.training_data.loading import load_data

    return examples_of(load_data(str(path)))


def examples_of(data: TrainingData) -> list[Example]:
    """The intent examples of Rasa training data, entity values as annotated."""
    return [
        Example(
            text=message.get("text"),
            intent=message.get("intent"),
            entities=tuple((e["entity"], str(e["value"])) for e in message.get("entities") or []),
        )
        for message in data.intent_examples
    ]


def entity_counts(
    examples: Sequence[Example], predictions: Sequence[Prediction]
) -> dict[str, EntityCounts]:
    """Multiset matches per entity type, counted by hand: scikit-learn has no such metric."""
    kinds = sorted({kind for ex in examples for kind, _ in ex.entities})
    counts = {}
    for kind in kinds:
        tp = predicted = expected = 0
        for example, prediction in zip(examples, predictions, strict=True):
            gold = Counter(e for e in example.entities if e[0] == kind)
            found = Counter(e for e in prediction.entities if e[0] == kind)
            tp += sum((gold & found).values())
            predicted += sum(found.values())
            expected += sum(gold.values())
        counts[kind] = EntityCounts(tp, predicted, expected)
    return counts


def _entity_errors(
    examples: Sequence[Example], predictions: Sequence[Prediction]
) -> list[tuple[str, list[Entity], list[Entity]]]:
    errors = []
    for example, prediction in zip(examples, predictions, strict=True):
        gold, found = Counter(example.entities), Counter(prediction.entities)
        missed, extra = sorted((gold - found).elements()), sorted((found - gold).elements())
        if missed or extra:
            errors.append((example.text, missed, extra))
    return errors


def intent_scores(examples: Sequence[Example], predictions: Sequence[Prediction]) -> IntentScores:
    """Intent scores over the expected intents (``nlu_fallback`` is never right).

    A predicted intent that no example expects, like ``nlu_fallback``, has no score of its
    own; it only lowers the recall of the intent that was expected.
    """
    pairs = list(zip(examples, predictions, strict=True))
    expected = [ex.intent for ex, _ in pairs]
    predicted = [p.intent for _, p in pairs]
    labels = sorted(set(expected))
    precision, recall, f1, support = precision_recall_fscore_support(
        expected, predicted, labels=labels, zero_division=0
    )
    return IntentScores(
        per_intent={
            label: Score(float(p), float(r), float(f), int(n))
            for label, p, r, f, n in zip(labels, precision, recall, f1, support, strict=True)
        },
        macro_f1=float(
            f1_score(expected, predicted, labels=labels, average="macro", zero_division=0)
        ),
        accuracy=float(accuracy_score(expected, predicted)),
    )


def _confusions(
    examples: Sequence[Example], predictions: Sequence[Prediction]
) -> list[tuple[str, str, int, str]]:
    counts: Counter[tuple[str, str]] = Counter()
    sample: dict[tuple[str, str], str] = {}
    for example, prediction in zip(examples, predictions, strict=True):
        if example.intent != prediction.intent:
            pair = (example.intent, prediction.intent)
            counts[pair] += 1
            sample.setdefault(pair, example.text)
    return [(a, b, n, sample[(a, b)]) for (a, b), n in counts.most_common()]


def threshold_sweep(
    in_domain: Sequence[tuple[Example, Prediction]],
    out_of_domain: Sequence[Prediction],
    thresholds: Iterable[float] = SWEEP,
) -> list[tuple[float, float, float]]:
    """What a FallbackClassifier threshold would give, from the classifier's confidences.

    Returns:
        (threshold, in-domain accuracy, out-of-domain routed share) per threshold: an
        in-domain message counts when its top intent is right and clears the threshold; an
        out-of-domain one when its top intent is out_of_scope or falls under the threshold.
    """
    rows = []
    for threshold in thresholds:
        correct = sum(
            1 for ex, p in in_domain if p.top_intent == ex.intent and p.top_confidence >= threshold
        )
        routed = sum(
            1
            for p in out_of_domain
            if p.top_intent == OUT_OF_SCOPE_INTENT or p.top_confidence < threshold
        )
        rows.append((threshold, correct / len(in_domain), routed / len(out_of_domain)))
    return rows


def score(
    in_domain: Sequence[Example],
    out_of_domain: Sequence[Example],
    predictions: Sequence[Prediction],
) -> Evaluation:
    """Score the predictions for the in-domain examples followed by the out-of-domain ones.

    Args:
        in_domain: Examples of the bot's intents, with entities.
        out_of_domain: Everyday sentences the bot cannot answer.
        predictions: One per example, in that order.
    """
    inside, outside = predictions[: len(in_domain)], predictions[len(in_domain) :]
    misses = [(ex.text, p.intent) for ex, p in zip(out_of_domain, outside, strict=True)]
    misses = [(text, intent) for text, intent in misses if intent not in ROUTED_AWAY]
    intents = intent_scores(in_domain, inside)
    entities = entity_counts(in_domain, inside)
    return Evaluation(
        intents=intents.per_intent,
        intent_macro_f1=intents.macro_f1,
        entities={kind: counts.score for kind, counts in entities.items()},
        entity_micro=pooled(entities.values()).score,
        entity_errors=_entity_errors(in_domain, inside),
        confusions=_confusions(in_domain, inside),
        out_of_domain_routed=1 - len(misses) / len(out_of_domain),
        out_of_domain_misses=misses,
        in_domain_fallback=sum(p.intent == FALLBACK_INTENT for p in inside) / len(inside),
        sweep=threshold_sweep(list(zip(in_domain, inside, strict=True)), outside),
    )
