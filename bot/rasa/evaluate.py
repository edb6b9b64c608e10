"""Evaluate the NLU on held-out data, next to Rasa's default pipeline trained on the same data.

``python -m bot.rasa.evaluate`` trains an NLU model with the project's ``config.yml`` and one
with the pipeline ``rasa init`` writes (both on ``data/training``), parses the held-out files
in ``data/test/nlu`` with both, and writes ``reports/nlu_evaluation.md``: per-intent
precision/recall/F1, entity F1 per entity (type and canonical value must both match), the
confusion pairs, the share of everyday out-of-domain sentences routed to ``out_of_scope`` or
``nlu_fallback``, and a sweep of the fallback threshold over the project model's confidences.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.paths import DATA_DIR, PROJECT_ROOT, TRAINING_DATA_DIR

CONFIG = PROJECT_ROOT / "config.yml"
DOMAIN = PROJECT_ROOT / "domain.yml"
TEST_DIR = DATA_DIR / "test" / "nlu"
IN_DOMAIN_FILE = TEST_DIR / "nlu.yml"
OUT_OF_DOMAIN_FILE = TEST_DIR / "out_of_domain.yml"
REPORT = PROJECT_ROOT / "reports" / "nlu_evaluation.md"

FALLBACK_INTENT = "nlu_fallback"
OUT_OF_SCOPE_INTENT = "out_of_scope"
ROUTED_AWAY = frozenset({OUT_OF_SCOPE_INTENT, FALLBACK_INTENT})
SWEEP = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)

# What `rasa init` puts in config.yml (its commented-out default pipeline, Rasa 3.6).
BASELINE_CONFIG = """\
recipe: default.v1
language: fi
pipeline:
  - name: WhitespaceTokenizer
  - name: RegexFeaturizer
  - name: LexicalSyntacticFeaturizer
  - name: CountVectorsFeaturizer
  - name: CountVectorsFeaturizer
    analyzer: char_wb
    min_ngram: 1
    max_ngram: 4
  - name: DIETClassifier
    epochs: 100
    constrain_similarities: true
  - name: EntitySynonymMapper
  - name: ResponseSelector
    epochs: 100
    constrain_similarities: true
  - name: FallbackClassifier
    threshold: 0.3
    ambiguity_threshold: 0.1
"""

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
        return _pooled(self.entities.values())


def _pooled(scores: Iterable[Score]) -> Score:
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

    data = load_data(str(path))
    return [
        Example(
            text=message.get("text"),
            intent=message.get("intent"),
            entities=tuple((e["entity"], str(e["value"])) for e in message.get("entities") or []),
        )
        for message in data.intent_examples
    ]


def train(config: Path, output: Path) -> Path:
    """Train an NLU-only model from ``data/training`` with a config file.

    Args:
        config: The pipeline's config file.
        output: Folder for the model archive.

    Returns:
        Path of the trained model.
    """
    from rasa.model_training import train_nlu

    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    model = train_nlu(
        config=str(config),
        nlu_data=str(TRAINING_DATA_DIR),
        output=str(output),
        domain=str(DOMAIN),
    )
    if model is None:
        raise RuntimeError(f"NLU training with {config} produced no model")
    return Path(model)


def _prediction(parsed: dict[str, Any]) -> Prediction:
    ranking = [r for r in parsed.get("intent_ranking") or [] if r["name"] != FALLBACK_INTENT]
    top = ranking[0] if ranking else {"name": "", "confidence": 0.0}
    return Prediction(
        intent=parsed["intent"]["name"],
        entities=tuple((e["entity"], str(e["value"])) for e in parsed.get("entities") or []),
        top_intent=top["name"],
        top_confidence=float(top["confidence"]),
    )


def predict(model: Path, texts: Sequence[str]) -> list[Prediction]:
    """Parse texts with a trained model.

    Args:
        model: A model archive.
        texts: The messages.

    Returns:
        One prediction per text, in order.
    """
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))

    async def parse_all() -> list[Prediction]:
        return [_prediction(await agent.parse_message(text)) for text in texts]

    return asyncio.run(parse_all())


def _entity_scores(
    examples: Sequence[Example], predictions: Sequence[Prediction]
) -> dict[str, Score]:
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


def _intent_scores(
    examples: Sequence[Example], predictions: Sequence[Prediction]
) -> dict[str, Score]:
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


def evaluate(
    model: Path,
    in_domain: Sequence[Example],
    out_of_domain: Sequence[Example],
) -> Evaluation:
    """Score a trained model on the held-out examples.

    Args:
        model: A model archive.
        in_domain: Examples of the bot's intents, with entities.
        out_of_domain: Everyday sentences the bot cannot answer.
    """
    predictions = predict(model, [ex.text for ex in [*in_domain, *out_of_domain]])
    inside, outside = predictions[: len(in_domain)], predictions[len(in_domain) :]
    misses = [(ex.text, p.intent) for ex, p in zip(out_of_domain, outside, strict=True)]
    misses = [(text, intent) for text, intent in misses if intent not in ROUTED_AWAY]
    return Evaluation(
        intents=_intent_scores(in_domain, inside),
        entities=_entity_scores(in_domain, inside),
        entity_errors=_entity_errors(in_domain, inside),
        confusions=_confusions(in_domain, inside),
        out_of_domain_routed=1 - len(misses) / len(out_of_domain),
        out_of_domain_misses=misses,
        in_domain_fallback=sum(p.intent == FALLBACK_INTENT for p in inside) / len(inside),
        sweep=threshold_sweep(list(zip(in_domain, inside, strict=True)), outside),
    )


def _row(name: str, ours: Score | None, base: Score | None) -> str:
    def cells(score: Score | None) -> str:
        if score is None:
            return " – | – | – "
        return f" {score.precision:.2f} | {score.recall:.2f} | {score.f1:.2f} "

    shown = ours or base
    support = shown.expected if shown else 0
    return f"| {name} | {support} |{cells(ours)}|{cells(base)}|"


def _shown(path: Path) -> str:
    """A path as shown in the report: relative to the project, else just its name."""
    return str(path.relative_to(PROJECT_ROOT)) if path.is_relative_to(PROJECT_ROOT) else path.name


def _pairs(entities: Sequence[Entity]) -> str:
    return ", ".join(f"{kind}={value}" for kind, value in entities) or "–"


def render(ours: Evaluation, base: Evaluation | None, config: Path) -> str:
    """Return the markdown report comparing the project pipeline with the default one."""

    def pct(value: float) -> str:
        return f"{100 * value:.1f} %"

    base_macro = f"{base.intent_macro_f1:.3f}" if base else "–"
    base_entity = f"{base.entity_micro.f1:.3f}" if base else "–"
    base_ood = pct(base.out_of_domain_routed) if base else "–"
    base_fallback = pct(base.in_domain_fallback) if base else "–"
    base_train = f"{base.train_seconds:.0f} s" if base else "–"
    lines = [
        "# NLU evaluation",
        "",
        "Generated by `python -m bot.rasa.evaluate`; do not edit by hand.",
        "",
        f"- Training data: `data/training/`; held-out data: `{_shown(IN_DOMAIN_FILE)}`"
        f" (in-domain) and `{_shown(OUT_OF_DOMAIN_FILE)}` (everyday, out of domain).",
        f"- Project pipeline: `{_shown(config)}`."
        " Default pipeline: what `rasa init` writes (WhitespaceTokenizer, RegexFeaturizer,"
        " LexicalSyntacticFeaturizer, CountVectorsFeaturizer word + char_wb 1–4, DIET 100 epochs,"
        " EntitySynonymMapper, ResponseSelector, FallbackClassifier 0.3).",
        "- Intents: the predicted intent must equal the expected one; `nlu_fallback` counts as"
        " wrong. Entities: type **and canonical value** must match (per message, spans ignored),"
        " so an unnormalised value is an error.",
        "",
        "## Summary",
        "",
        "| | project pipeline | default pipeline | target |",
        "|---|---|---|---|",
        f"| intent macro-F1 | {ours.intent_macro_f1:.3f} | {base_macro} | ≥ 0.95 |",
        f"| entity F1 (micro) | {ours.entity_micro.f1:.3f} | {base_entity} | ≥ 0.95 |",
        f"| out-of-domain routed to out_of_scope / nlu_fallback | {pct(ours.out_of_domain_routed)}"
        f" | {base_ood} | ≥ 95 % |",
        f"| in-domain messages sent to nlu_fallback | {pct(ours.in_domain_fallback)}"
        f" | {base_fallback} | |",
        f"| NLU training time | {ours.train_seconds:.0f} s | {base_train} | |",
        "",
        "## Intents",
        "",
        "| intent | support | P | R | F1 | default P | default R | default F1 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    lines += [
        _row(name, score, base.intents.get(name) if base else None)
        for name, score in ours.intents.items()
    ]
    lines += [
        "",
        "## Entities",
        "",
        "| entity | support | P | R | F1 | default P | default R | default F1 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    lines += [
        _row(name, score, base.entities.get(name) if base else None)
        for name, score in ours.entities.items()
    ]
    lines += [_row("**all**", ours.entity_micro, base.entity_micro if base else None)]
    for title, evaluation in (("project", ours), ("default", base)):
        if evaluation is None:
            continue
        lines += ["", f"## Confusion pairs ({title} pipeline)", ""]
        if evaluation.confusions:
            lines += ["| expected | predicted | count | example |", "|---|---|---|---|"]
            lines += [f"| {a} | {b} | {n} | {text} |" for a, b, n, text in evaluation.confusions]
        else:
            lines.append("None.")
        lines += ["", f"Entity errors ({title} pipeline; missed / extra as type=value):", ""]
        lines += [
            f"- {text} — missed: {_pairs(missed)}; extra: {_pairs(extra)}"
            for text, missed, extra in evaluation.entity_errors
        ]
        if not evaluation.entity_errors:
            lines.append("- none")
        lines += ["", f"Out-of-domain sentences not routed away ({title} pipeline):", ""]
        lines += [f"- {text} → {intent}" for text, intent in evaluation.out_of_domain_misses]
        if not evaluation.out_of_domain_misses:
            lines.append("- none")
    lines += [
        "",
        "## Fallback threshold sweep (project pipeline)",
        "",
        "From the classifier's own confidences (under any fallback): in-domain accuracy counts"
        " a message when its best intent is right and clears the threshold; out-of-domain"
        " routing counts it when its best intent is out_of_scope or falls under the threshold."
        " The configured threshold is the one with the highest sum of the two columns.",
        "",
        "| threshold | in-domain accuracy | out-of-domain routed |",
        "|---|---|---|",
    ]
    lines += [f"| {t:.1f} | {pct(acc)} | {pct(ood)} |" for t, acc, ood in ours.sweep]
    return "\n".join(lines) + "\n"


def _trained_evaluation(
    config: Path, workdir: Path, in_domain: list[Example], out_of_domain: list[Example]
) -> Evaluation:
    started = time.monotonic()
    model = train(config, workdir)
    seconds = time.monotonic() - started
    evaluation = evaluate(model, in_domain, out_of_domain)
    evaluation.train_seconds = seconds
    return evaluation


def main(argv: list[str] | None = None) -> int:
    """Train both pipelines, evaluate them on the held-out data and write the report."""
    parser = argparse.ArgumentParser(prog="python -m bot.rasa.evaluate", description=__doc__)
    parser.add_argument("--config", type=Path, default=CONFIG, help="project pipeline config")
    parser.add_argument("--report", type=Path, default=REPORT, help="markdown report to write")
    parser.add_argument(
        "--skip-baseline", action="store_true", help="do not train the default pipeline"
    )
    args = parser.parse_args(argv)
    logging.getLogger("rasa").setLevel(logging.WARNING)
    in_domain = load_examples(IN_DOMAIN_FILE)
    out_of_domain = load_examples(OUT_OF_DOMAIN_FILE)
    with tempfile.TemporaryDirectory(prefix="nlu-eval-") as tmp:
        work = Path(tmp)
        config = args.config.resolve()
        ours = _trained_evaluation(config, work / "project", in_domain, out_of_domain)
        base = None
        if not args.skip_baseline:
            baseline_config = work / "baseline.yml"
            baseline_config.write_text(BASELINE_CONFIG)
            base = _trained_evaluation(baseline_config, work / "default", in_domain, out_of_domain)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(render(ours, base, config))
    print(args.report.read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
