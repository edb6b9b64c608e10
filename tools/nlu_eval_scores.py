"""Scores of NLU predictions on the held-out data: per intent, per entity, out of domain.

The held-out files are ``data/test/nlu/nlu.yml`` (the bot's intents, with entities) and
``data/test/nlu/out_of_domain.yml`` (everyday sentences the bot cannot answer). An entity
counts as found when its type and canonical value both match.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

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
    """Counts of one label, with precision, recall and F1 computed from them."""

    hits: int
    predicted: int
    expected: int

    @property
    def precision(self) -> float:
        """Share of the predictions that were right."""
        return self.hits / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Share of the expected ones that were found."""
        return self.hits / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass
class Evaluation:
    """Every number of one model on the held-out data."""

    intents: dict[str, Score]
    entities: dict[str, Score]
    confusions: list[tuple[str, str, int, str]]  # expected, predicted, count, one example
    out_of_domain_routed: float
    out_of_domain_misses: list[tuple[str, str]]  # text, predicted intent
    in_domain_fallback: float
    entity_errors: list[tuple[str, list[Entity], list[Entity]]]  # text, missed, extra
    sweep: list[tuple[float, float, float]] = field(default_factory=list)
    train_seconds: float = 0.0

    @property
    def intent_macro_f1(self) -> float:
        """Unweighted mean F1 over the intents of the in-domain test file."""
        return sum(s.f1 for s in self.intents.values()) / len(self.intents)

    @property
    def entity_micro(self) -> Score:
        """Precision/recall/F1 over all entities together."""
        return pooled(self.entities.values())


def pooled(scores: Iterable[Score]) -> Score:
    """Micro-average: add up the counts of several labels."""
    scores = list(scores)
    hits = sum(s.hits for s in scores)
    return Score(hits, sum(s.predicted for s in scores), sum(s.expected for s in scores))


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


def entity_scores(
    examples: Sequence[Example], predictions: Sequence[Prediction]
) -> dict[str, Score]:
    """Counts per entity type; an entity is found when its type and canonical value match."""
    kinds = sorted({kind for ex in examples for kind, _ in ex.entities})
    scores = {}
    for kind in kinds:
        tp = predicted = expected = 0
        for example, prediction in zip(examples, predictions, strict=True):
            gold = Counter(e for e in example.entities if e[0] == kind)
            found = Counter(e for e in prediction.entities if e[0] == kind)
            tp += sum((gold & found).values())
            predicted += sum(found.values())
            expected += sum(gold.values())
        scores[kind] = Score(tp, predicted, expected)
    return scores


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


def intent_scores(
    examples: Sequence[Example], predictions: Sequence[Prediction]
) -> dict[str, Score]:
    """Counts per expected intent (``nlu_fallback`` is never right)."""
    scores = {}
    for intent in sorted({ex.intent for ex in examples}):
        pairs = list(zip(examples, predictions, strict=True))
        tp = sum(1 for ex, p in pairs if ex.intent == intent and p.intent == intent)
        predicted = sum(1 for _, p in pairs if p.intent == intent)
        expected = sum(1 for ex in examples if ex.intent == intent)
        scores[intent] = Score(tp, predicted, expected)
    return scores


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
    return Evaluation(
        intents=intent_scores(in_domain, inside),
        entities=entity_scores(in_domain, inside),
        entity_errors=_entity_errors(in_domain, inside),
        confusions=_confusions(in_domain, inside),
        out_of_domain_routed=1 - len(misses) / len(out_of_domain),
        out_of_domain_misses=misses,
        in_domain_fallback=sum(p.intent == FALLBACK_INTENT for p in inside) / len(inside),
        sweep=threshold_sweep(list(zip(in_domain, inside, strict=True)), outside),
    )
