"""Evaluate the NLU on held-out data, next to Rasa's default pipeline trained on the same data.

``python -m tools.nlu_eval`` trains an NLU model with the project's ``config.yml`` and one
with the pipeline ``rasa init`` writes (both on ``data/training``), parses the held-out files
in ``data/test/nlu`` with both, and writes ``reports/nlu_evaluation.md``: per-intent
precision/recall/F1, entity F1 per entity (type and canonical value must both match; the
vocabulary maps words to ids as the actions do), the
confusion pairs, the share of everyday out-of-domain sentences routed to ``out_of_scope`` or
``nlu_fallback``, a sweep of the fallback threshold over the project model's confidences, and
a k-fold cross-validation of both pipelines on the training data with Rasa's folds
(``--folds``, default 5; ``--skip-cv`` leaves it out).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.directory.loader import load_directory
from bot.paths import PROJECT_ROOT, TRAINING_DATA_DIR
from bot.places.vocabulary import KINDS, Vocabulary, vocabulary_of
from tools.nlu_cv import DEFAULT_FOLDS, CrossValidation, fold_score, rasa_folds
from tools.nlu_cv import render as render_cv
from tools.nlu_eval_scores import (
    FALLBACK_INTENT,
    IN_DOMAIN_FILE,
    OUT_OF_DOMAIN_FILE,
    Entity,
    Evaluation,
    Example,
    Prediction,
    Score,
    examples_of,
    load_examples,
    score,
)

if TYPE_CHECKING:
    from rasa.shared.nlu.training_data.training_data import TrainingData

CONFIG = PROJECT_ROOT / "config.yml"
DOMAIN = PROJECT_ROOT / "domain.yml"
REPORT = PROJECT_ROOT / "reports" / "nlu_evaluation.md"

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


def train(config: Path, output: Path, nlu_data: Path = TRAINING_DATA_DIR) -> Path:
    """Train an NLU-only model with a config file.

    Args:
        config: The pipeline's config file.
        output: Folder for the model archive.
        nlu_data: The training data (``data/training`` unless a fold's part).

    Returns:
        Path of the trained model.
    """
    from rasa.model_training import train_nlu

    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    model = train_nlu(
        config=str(config),
        nlu_data=str(nlu_data),
        output=str(output),
        domain=str(DOMAIN),
    )
    if model is None:
        raise RuntimeError(f"NLU training with {config} produced no model")
    return Path(model)


def _prediction(parsed: dict[str, Any], words: Vocabulary) -> Prediction:
    """The parse as the actions read it: vocabulary words as the ids the answers use."""
    ranking = [r for r in parsed.get("intent_ranking") or [] if r["name"] != FALLBACK_INTENT]
    top = ranking[0] if ranking else {"name": "", "confidence": 0.0}

    def value(kind: str, raw: str) -> str:
        return (words.canonical(raw, kind) or raw) if kind in KINDS else raw

    return Prediction(
        intent=parsed["intent"]["name"],
        entities=tuple(
            (e["entity"], value(e["entity"], str(e["value"]))) for e in parsed.get("entities") or []
        ),
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
    words = vocabulary_of(load_directory())

    async def parse_all() -> list[Prediction]:
        return [_prediction(await agent.parse_message(text), words) for text in texts]

    return asyncio.run(parse_all())


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
    return score(in_domain, out_of_domain, predictions)


def _row(name: str, ours: Score | None, base: Score | None) -> str:
    def cells(score: Score | None) -> str:
        if score is None:
            return " – | – | – "
        return f" {score.precision:.2f} | {score.recall:.2f} | {score.f1:.2f} "

    shown = ours or base
    support = shown.support if shown else 0
    return f"| {name} | {support} |{cells(ours)}|{cells(base)}|"


def _shown(path: Path) -> str:
    """A path as shown in the report: relative to the project, else just its name."""
    return str(path.relative_to(PROJECT_ROOT)) if path.is_relative_to(PROJECT_ROOT) else path.name


def _pairs(entities: Sequence[Entity]) -> str:
    return ", ".join(f"{kind}={value}" for kind, value in entities) or "–"


def render(
    ours: Evaluation,
    base: Evaluation | None,
    config: Path,
    cross_validations: Sequence[CrossValidation] = (),
) -> str:
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
        "Generated by `python -m tools.nlu_eval`; do not edit by hand.",
        "",
        f"- Training data: `data/training/`; held-out data: `{_shown(IN_DOMAIN_FILE)}`"
        f" (in-domain) and `{_shown(OUT_OF_DOMAIN_FILE)}` (everyday, out of domain).",
        f"- Project pipeline: `{_shown(config)}`."
        " Default pipeline: what `rasa init` writes (WhitespaceTokenizer, RegexFeaturizer,"
        " LexicalSyntacticFeaturizer, CountVectorsFeaturizer word + char_wb 1–4, DIET 100 epochs,"
        " EntitySynonymMapper, ResponseSelector, FallbackClassifier 0.3).",
        "- Intents: the predicted intent must equal the expected one; `nlu_fallback` counts as"
        " wrong. Entities: type **and canonical value** must match (per message, spans ignored),"
        " so an unnormalised value is an error. Service, role, topic and contact-field values"
        " are read as the actions read them, through the directory vocabulary.",
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
    lines += render_cv(cross_validations)
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


def cross_validate(
    name: str, config: Path, folds: Sequence[tuple[TrainingData, TrainingData]], workdir: Path
) -> CrossValidation:
    """Train a pipeline on each fold's training part and score it on the fold's test part.

    Args:
        name: The pipeline's name in the report.
        config: Its config file.
        folds: (train, test) pairs from :func:`tools.nlu_cv.rasa_folds`.
        workdir: Folder for the fold data and models.
    """
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLWriter

    result = CrossValidation(name)
    for i, (train_part, test_part) in enumerate(folds, start=1):
        data_file = workdir / f"fold{i}" / "nlu.yml"
        data_file.parent.mkdir(parents=True)
        RasaYAMLWriter().dump(data_file, train_part)
        started = time.monotonic()
        model = train(config, data_file.parent, nlu_data=data_file)
        result.train_seconds += time.monotonic() - started
        examples = examples_of(test_part)
        fold = fold_score(examples, predict(model, [ex.text for ex in examples]))
        result.folds.append(fold)
        model.unlink()
        print(f"{name}, fold {i}/{len(folds)}: {fold}", flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    """Train both pipelines, evaluate them on the held-out data and write the report."""
    parser = argparse.ArgumentParser(prog="python -m tools.nlu_eval", description=__doc__)
    parser.add_argument("--config", type=Path, default=CONFIG, help="project pipeline config")
    parser.add_argument("--report", type=Path, default=REPORT, help="markdown report to write")
    parser.add_argument(
        "--skip-baseline", action="store_true", help="do not train the default pipeline"
    )
    parser.add_argument(
        "--folds", type=int, default=DEFAULT_FOLDS, help="cross-validation folds (default 5)"
    )
    parser.add_argument("--skip-cv", action="store_true", help="leave out the cross-validation")
    args = parser.parse_args(argv)
    if not args.skip_cv and args.folds < 2:
        parser.error("--folds must be at least 2")
    logging.getLogger("rasa").setLevel(logging.WARNING)
    in_domain = load_examples(IN_DOMAIN_FILE)
    out_of_domain = load_examples(OUT_OF_DOMAIN_FILE)
    with tempfile.TemporaryDirectory(prefix="nlu-eval-") as tmp:
        work = Path(tmp)
        # A cache of its own: fold models would crowd out the project's cached components.
        os.environ.setdefault("RASA_CACHE_DIRECTORY", str(work / "rasa-cache"))
        config = args.config.resolve()
        baseline_config = work / "baseline.yml"
        baseline_config.write_text(BASELINE_CONFIG)
        pipelines = [("project pipeline", config)]
        if not args.skip_baseline:
            pipelines.append(("default pipeline", baseline_config))
        cross_validations = []
        if not args.skip_cv:
            folds = rasa_folds(args.folds)
            cross_validations = [
                cross_validate(name, path, folds, work / f"cv-{n}")
                for n, (name, path) in enumerate(pipelines)
            ]
        ours = _trained_evaluation(config, work / "project", in_domain, out_of_domain)
        base = None
        if not args.skip_baseline:
            base = _trained_evaluation(baseline_config, work / "default", in_domain, out_of_domain)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(render(ours, base, config, cross_validations))
    print(args.report.read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
