"""End-to-end answer correctness on the independent parent set, through the real servers.

Every case of ``data/test/parents/parents.yml`` is a short conversation sent over Rasa's REST
channel to the running bot (action server and Rasa server started here, on free ports). A
case is right when the last reply contains one of its expected strings (a unit, person, number
or fact from the directory) and none of its forbidden ones (another town's unit, a made-up
detail). The set was written from the seed pages and the directory by someone who never saw
the training data; it is never used to tune the bot.

    python -m tools.answers_eval [--out reports/answers_evaluation.md] [--show-failures]
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import tempfile
import urllib.request
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.paths import DATA_DIR, PROJECT_ROOT
from bot.stack import Ports, Stack, ensure_model

CASES = DATA_DIR / "test" / "parents" / "parents.yml"
REPORT = PROJECT_ROOT / "reports" / "answers_evaluation.md"
#: Replies that mean the bot did not understand (a bare fallback).
FALLBACK_MARKERS = ("En ole varma, mitä tarkoitit", "Tähän en valitettavasti osaa vastata")


@dataclass(frozen=True)
class Case:
    """One conversation of the set and what its last reply must and must not contain."""

    id: str
    kind: str
    turns: tuple[str, ...]
    expect_any: tuple[str, ...]
    never: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    """How the bot did on one case."""

    case: Case
    reply: str
    right: bool
    fallback: bool


def load_cases(path: Path = CASES) -> list[Case]:
    """The cases of the independent set."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Case(
            id=item["id"],
            kind=item["kind"],
            turns=tuple(item["turns"]),
            expect_any=tuple(item.get("expect_any") or ()),
            never=tuple(item.get("never") or ()),
        )
        for item in data["cases"]
    ]


def free_port() -> int:
    """A TCP port that is free on loopback right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _send(rasa_url: str, sender: str, message: str) -> str:
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
    return "\n".join(parts)


def judge(case: Case, reply: str) -> Outcome:
    """Whether the last reply answers the case."""
    has_expected = not case.expect_any or any(text in reply for text in case.expect_any)
    # A source line names its page's title ("… Laukaassa HyPe …"); that is not an answer.
    answer_lines = "\n".join(
        line for line in reply.splitlines() if not line.startswith(("Lähde:", "Lähteet:"))
    )
    has_wrong = any(text in answer_lines for text in case.never)
    fallback = any(marker in reply for marker in FALLBACK_MARKERS)
    return Outcome(case, reply, has_expected and not has_wrong and bool(reply), fallback)


def run_cases(rasa_url: str, cases: list[Case]) -> list[Outcome]:
    """Send every case as its own conversation and judge the last reply."""
    outcomes = []
    for case in cases:
        sender = f"eval-{uuid.uuid4().hex}"
        reply = ""
        for turn in case.turns:
            reply = _send(rasa_url, sender, turn)
        outcomes.append(judge(case, reply))
    return outcomes


def report(outcomes: list[Outcome], *, show_failures: bool) -> str:
    """A Markdown table of correctness per kind, and optionally the failures."""
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    fallbacks: Counter[str] = Counter()
    for outcome in outcomes:
        total[outcome.case.kind] += 1
        right[outcome.case.kind] += outcome.right
        fallbacks[outcome.case.kind] += outcome.fallback
    lines = [
        "| kind | cases | right | bare fallback |",
        "| --- | --- | --- | --- |",
    ]
    for kind in sorted(total):
        lines.append(
            f"| {kind} | {total[kind]} | {right[kind] / total[kind]:.1%} | {fallbacks[kind]} |"
        )
    all_right = sum(right.values())
    lines.append(
        f"| **all** | {len(outcomes)} | **{all_right / len(outcomes):.1%}** "
        f"| {sum(fallbacks.values())} |"
    )
    if show_failures:
        lines += ["", "## Failures", ""]
        for outcome in outcomes:
            if not outcome.right:
                case = outcome.case
                said = " → ".join(case.turns)
                got = outcome.reply.replace("\n", " / ")[:300]
                lines.append(f"- `{case.id}` ({case.kind}) {said!r}: {got!r}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Start the bot, run the set, print and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPORT)
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument("--only", help="run only cases of this kind")
    args = parser.parse_args(argv)
    cases = [case for case in load_cases() if not args.only or case.kind == args.only]
    model = ensure_model()
    with tempfile.TemporaryDirectory(prefix="answers-eval-") as state:
        stack = Stack(
            model=model,
            ports=Ports(action=free_port(), rasa=free_port(), web=free_port()),
            env={"PERHEBOTTI_STATE_DIR": state},
            log_dir=Path(state) / "logs",
            web=False,
        )
        with stack.running():
            outcomes = run_cases(stack.ports.rasa_url, cases)
    text = "# End-to-end answers on the independent parent set\n\n" + report(
        outcomes, show_failures=args.show_failures
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
