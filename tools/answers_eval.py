"""End-to-end answer correctness on the independent parent sets, through the real servers.

Every case of ``data/test/parents/parents.yml`` (Finnish), ``parents_sv_en.yml`` (Swedish
and English) and ``parents_third.yml`` (all three) is a short conversation sent over Rasa's
REST channel to the running bot (action server and Rasa server started here, on free ports).
A case is right when the last reply contains one of its expected strings (a unit, person,
number or fact from the directory), none of its forbidden ones (another town's unit, a
made-up detail), and every message of the reply is in the case's language (the ``lang`` the
bot gives each message). The sets were written from the seed pages and the directory by people
who never saw the training data; they are never used to tune the bot. ``parents_fresh.yml``
is run on its own (``--cases``): its failures are not read, so it stays the measure of
conversations nobody fixed the bot for.

Besides the project's model, the same set can be run against models trained here (with
``rasa train``, same domain and data unless told) and shown side by side: ``--baseline`` adds
Rasa's default NLU pipeline (what ``rasa init`` writes) with the project's policies,
``--config`` a model made with another config file, and ``--merge FROM:TO`` a model whose
training data has intent FROM relabelled TO (FROM's rule and domain entry dropped).

    python -m tools.answers_eval [--out reports/answers_evaluation.md] [--show-failures]
        [--cases data/test/parents/parents_fresh.yml]
        [--baseline] [--config PATH] [--merge FROM:TO]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import urllib.request
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.answers.phrases import PHRASES
from bot.directory.model import LANGUAGES
from bot.paths import DATA_DIR, PROJECT_ROOT, TRAINING_DATA_DIR
from bot.stack import Ports, Stack
from bot.training import QUIET_ENV, RASA, ensure_model
from tools.nlu_eval import BASELINE_CONFIG

CASE_FILES = tuple(
    DATA_DIR / "test" / "parents" / name
    for name in ("parents.yml", "parents_sv_en.yml", "parents_third.yml")
)
REPORT = PROJECT_ROOT / "reports" / "answers_evaluation.md"
CONFIG = PROJECT_ROOT / "config.yml"
DOMAIN = PROJECT_ROOT / "domain.yml"
PROJECT = "project model"
#: Replies that mean the bot did not understand (a bare fallback), in every language.
FALLBACK_MARKERS = tuple(
    PHRASES[key][lang].split(".")[0]
    for key in ("not_understood", "out_of_scope")
    for lang in LANGUAGES
)
#: How the source lines of a reply start, in every language.
SOURCE_LABELS = tuple(f"{PHRASES['source'][lang]}:" for lang in LANGUAGES)


@dataclass(frozen=True)
class Case:
    """One conversation of the set and what its last reply must and must not contain."""

    id: str
    kind: str
    turns: tuple[str, ...]
    expect_any: tuple[str, ...]
    never: tuple[str, ...]
    language: str = "fi"


@dataclass(frozen=True)
class Outcome:
    """How the bot did on one case."""

    case: Case
    reply: str
    right: bool
    fallback: bool


def load_cases(paths: tuple[Path, ...] = CASE_FILES) -> list[Case]:
    """The cases of the independent sets."""
    cases = []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        cases += [
            Case(
                id=item["id"],
                kind=item["kind"],
                turns=tuple(item["turns"]),
                expect_any=tuple(item.get("expect_any") or ()),
                never=tuple(item.get("never") or ()),
                language=item.get("language", "fi"),
            )
            for item in data["cases"]
        ]
    return cases


def free_port() -> int:
    """A TCP port that is free on loopback right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass(frozen=True)
class Said:
    """The bot's reply to one message: its text with button titles, and each message's language."""

    text: str
    languages: tuple[str, ...]


def send(rasa_url: str, sender: str, message: str) -> Said:
    """Send one message over the REST channel and collect the reply."""
    request = urllib.request.Request(
        f"{rasa_url}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": message}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        replies: list[dict[str, Any]] = json.loads(response.read())
    parts = []
    for reply in replies:
        parts.append(str(reply.get("text") or ""))
        parts += [str(button.get("title") or "") for button in reply.get("buttons") or []]
    return Said("\n".join(parts), tuple(str(reply.get("lang")) for reply in replies))


def judge(case: Case, said: Said) -> Outcome:
    """Whether the last reply answers the case, in the case's language."""
    reply = said.text
    has_expected = not case.expect_any or any(text in reply for text in case.expect_any)
    # A source line names its page's title ("… Laukaassa HyPe …"); that is not an answer.
    answer_lines = "\n".join(
        line for line in reply.splitlines() if not line.startswith(SOURCE_LABELS)
    )
    has_wrong = any(text in answer_lines for text in case.never)
    in_language = bool(said.languages) and all(lang == case.language for lang in said.languages)
    fallback = any(marker in reply for marker in FALLBACK_MARKERS)
    right = has_expected and not has_wrong and bool(reply) and in_language
    return Outcome(case, reply, right, fallback)


def run_cases(rasa_url: str, cases: list[Case]) -> list[Outcome]:
    """Send every case as its own conversation and judge the last reply."""
    outcomes = []
    for case in cases:
        sender = f"eval-{uuid.uuid4().hex}"
        said = Said("", ())
        for turn in case.turns:
            said = send(rasa_url, sender, turn)
        outcomes.append(judge(case, said))
    return outcomes


@dataclass(frozen=True)
class Variant:
    """A model to run the set against.

    Attributes:
        name: Its column in the report.
        description: How it was made, for the report.
        config: The config file to train with; None with no merge means the project's model.
        merge: (FROM, TO): train on data where intent FROM is relabelled TO.
    """

    name: str
    description: str
    config: Path | None = None
    merge: tuple[str, str] | None = None


def baseline_config(project_config: str) -> str:
    """Rasa's default NLU pipeline with the project's dialogue policies, as a config file."""
    config = yaml.safe_load(BASELINE_CONFIG)
    config["policies"] = yaml.safe_load(project_config).get("policies")
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def relabel_nlu(text: str, source: str, target: str) -> str:
    """An NLU YAML file's text with every ``- intent: source`` block labelled ``target``."""
    pattern = rf"^(\s*-\s*intent:\s*){re.escape(source)}[ \t]*$"
    return re.sub(pattern, rf"\g<1>{target}", text, flags=re.MULTILINE)


def _mentions(item: dict[str, Any], intent: str) -> bool:
    return any(step.get("intent") == intent for step in item.get("steps") or [])


def _intent_name(item: str | dict[str, Any]) -> str:
    """A domain's intent entry is a name, or a mapping of the name to its options."""
    return next(iter(item)) if isinstance(item, dict) else item


def without_intent(data: dict[str, Any], intent: str) -> dict[str, Any]:
    """A domain or rules/stories file's content with the intent and what names it removed."""
    result = dict(data)
    if "intents" in data:
        result["intents"] = [item for item in data["intents"] if _intent_name(item) != intent]
    for key in ("rules", "stories"):
        if key in data:
            result[key] = [item for item in data[key] if not _mentions(item, intent)]
    return result


def merged_data(source: str, target: str, workdir: Path) -> tuple[Path, Path]:
    """Copy the training data and domain with intent ``source`` merged into ``target``.

    Returns:
        The data folder and the domain file of the copy.
    """
    data = workdir / "training"
    shutil.copytree(TRAINING_DATA_DIR, data)
    for path in sorted(data.rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        content = yaml.safe_load(text) or {}
        if "rules" in content or "stories" in content:
            text = yaml.safe_dump(without_intent(content, source), allow_unicode=True)
        path.write_text(relabel_nlu(text, source, target), encoding="utf-8")
    domain = workdir / "domain.yml"
    content = yaml.safe_load(DOMAIN.read_text(encoding="utf-8"))
    domain.write_text(yaml.safe_dump(without_intent(content, source), allow_unicode=True))
    return data, domain


def train_model(config: Path, data: Path, domain: Path, workdir: Path) -> Path:
    """Train a full model with ``rasa train`` into ``workdir`` (its own cache); return it.

    Raises:
        RuntimeError: When training fails (with the end of its output).
    """
    log = workdir / "train.log"
    command = [
        RASA, "train", "--data", str(data), "--config", str(config), "--domain", str(domain),
        "--out", str(workdir), "--fixed-model-name", "variant", "--force",
    ]  # fmt: skip
    env = {**os.environ, **QUIET_ENV, "RASA_CACHE_DIRECTORY": str(workdir / "rasa-cache")}
    with log.open("w") as output:
        result = subprocess.run(
            command, cwd=PROJECT_ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    model = workdir / "variant.tar.gz"
    if result.returncode != 0 or not model.exists():
        tail = log.read_text(errors="replace")[-2000:]
        raise RuntimeError(f"rasa train with {config} failed ({result.returncode}):\n{tail}")
    return model


def model_for(variant: Variant, workdir: Path) -> Path:
    """The project's model (trained when its inputs changed), or the variant's, trained here."""
    if variant.config is None and variant.merge is None:
        return ensure_model()
    workdir.mkdir(parents=True)
    data, domain = TRAINING_DATA_DIR, DOMAIN
    if variant.merge:
        data, domain = merged_data(*variant.merge, workdir)
    return train_model(variant.config or CONFIG, data, domain, workdir)


def run_model(model: Path, cases: list[Case]) -> list[Outcome]:
    """Start the bot with a model on free ports, run the cases and stop it."""
    with tempfile.TemporaryDirectory(prefix="answers-eval-") as state:
        stack = Stack(
            model=model,
            ports=Ports(action=free_port(), rasa=free_port(), web=free_port()),
            env={"PERHEBOTTI_STATE_DIR": state},
            log_dir=Path(state) / "logs",
            web=False,
        )
        with stack.running():
            return run_cases(stack.ports.rasa_url, cases)


def _table(results: dict[str, list[Outcome]], key: str) -> list[str]:
    names = list(results)
    total: Counter[str] = Counter(getattr(o.case, key) for o in results[names[0]])
    right = {name: Counter[str]() for name in names}
    fallbacks = {name: Counter[str]() for name in names}
    for name, outcomes in results.items():
        for outcome in outcomes:
            group = getattr(outcome.case, key)
            right[name][group] += outcome.right
            fallbacks[name][group] += outcome.fallback
    single = len(names) == 1
    heads = ["right" if single else f"right: {n}" for n in names]
    heads += ["bare fallback" if single else f"bare fallbacks: {n}" for n in names]
    lines = [f"| {key} | cases | " + " | ".join(heads) + " |", "| --- " * (len(heads) + 2) + "|"]
    for group in sorted(total):
        cells = [f"{right[n][group] / total[group]:.1%}" for n in names]
        cells += [str(fallbacks[n][group]) for n in names]
        lines.append(f"| {group} | {total[group]} | " + " | ".join(cells) + " |")
    count = sum(total.values())
    cells = [f"**{sum(right[n].values()) / count:.1%}**" for n in names]
    cells += [str(sum(fallbacks[n].values())) for n in names]
    lines.append(f"| **all** | {count} | " + " | ".join(cells) + " |")
    return lines


def report(results: dict[str, list[Outcome]], *, show_failures: bool) -> str:
    """Markdown tables of correctness per language and per kind, one column per model.

    Args:
        results: Outcomes of the same cases per model, the project's model first.
        show_failures: Whether to list the cases the first model got wrong.
    """
    lines = [*_table(results, "language"), "", *_table(results, "kind")]
    if show_failures:
        first = next(iter(results))
        lines += ["", f"## Failures ({first})", ""]
        for outcome in results[first]:
            if not outcome.right:
                case = outcome.case
                said = " → ".join(case.turns)
                got = outcome.reply.replace("\n", " / ")[:300]
                lines.append(f"- `{case.id}` ({case.kind}) {said!r}: {got!r}")
    return "\n".join(lines) + "\n"


def _variants(args: argparse.Namespace, workdir: Path) -> list[Variant]:
    variants = [Variant(PROJECT, "the project's model (`config.yml`, `data/training/`)")]
    if args.baseline:
        config = workdir / "baseline.yml"
        config.write_text(baseline_config(CONFIG.read_text(encoding="utf-8")))
        described = "Rasa's default NLU pipeline (what `rasa init` writes) + the project's policies"
        variants.append(Variant("default pipeline", described, config=config))
    if args.config:
        name = f"config {args.config.name}"
        variants.append(Variant(name, f"trained with `{args.config.name}`", config=args.config))
    if args.merge:
        source, _, target = args.merge.partition(":")
        described = f"training data with `{source}` relabelled `{target}` and its rule dropped"
        variants.append(Variant(f"{source} → {target}", described, merge=(source, target)))
    return variants


def _write(
    out: Path, variants: list[Variant], results: dict[str, list[Outcome]], show_failures: bool
) -> str:
    models = "".join(f"- {v.name}: {v.description}\n" for v in variants)
    text = (
        "# End-to-end answers on the independent parent set\n\n"
        f"{models}\n{report(results, show_failures=show_failures)}"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return text


def main(argv: list[str] | None = None) -> int:
    """Start the bot with each model, run the set, print and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPORT)
    parser.add_argument(
        "--cases",
        type=Path,
        nargs="+",
        default=CASE_FILES,
        help="case files (default: the three read sets)",
    )
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument("--only", help="run only cases of this kind")
    parser.add_argument("--language", choices=LANGUAGES, help="run only cases in this language")
    parser.add_argument("--baseline", action="store_true", help="also Rasa's default pipeline")
    parser.add_argument("--config", type=Path, help="also a model trained with this config")
    parser.add_argument("--merge", metavar="FROM:TO", help="also a model with FROM merged in TO")
    args = parser.parse_args(argv)
    if args.config and not args.config.is_file():
        parser.error(f"no such config file: {args.config}")
    if args.merge and not re.fullmatch(r"\w+:\w+", args.merge):
        parser.error("--merge takes FROM:TO, two intent names")
    cases = [
        case
        for case in load_cases(tuple(args.cases))
        if (not args.only or case.kind == args.only)
        and (not args.language or case.language == args.language)
    ]
    if not cases:
        parser.error("no case matches --only / --language")
    results: dict[str, list[Outcome]] = {}
    with tempfile.TemporaryDirectory(prefix="answers-models-") as tmp:
        variants = _variants(args, Path(tmp))
        for n, variant in enumerate(variants):
            model = model_for(variant, Path(tmp) / f"model-{n}")
            results[variant.name] = run_model(model, cases)
            # Written after each model: a long run that is stopped keeps what it measured.
            text = _write(args.out, variants[: n + 1], results, args.show_failures)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
