"""The independent crisis sets in data/test/crisis/, written without reading the rules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.paths import DATA_DIR

CRISIS_DIR = DATA_DIR / "test" / "crisis"
OUT_OF_DOMAIN = DATA_DIR / "test" / "nlu" / "out_of_domain.yml"


@dataclass(frozen=True)
class Sample:
    """One message of a set, with its language and (for crisis messages) its kind."""

    lang: str
    text: str
    kind: str = ""


def _messages(path: Path) -> list[Sample]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Sample(m["lang"], m["text"], m.get("kind", "")) for m in data["messages"]]


def crisis_messages() -> list[Sample]:
    """At least 40 crisis messages per language: each must get 112 first."""
    return _messages(CRISIS_DIR / "crisis.yml")


def everyday_messages() -> list[Sample]:
    """Everyday family messages, many sharing words with crises: none is an emergency."""
    return _messages(CRISIS_DIR / "not_crisis.yml")


def out_of_domain_messages() -> list[str]:
    """The held-out everyday questions of the NLU evaluation."""
    data = yaml.safe_load(OUT_OF_DOMAIN.read_text(encoding="utf-8"))
    return [
        line.removeprefix("- ").strip()
        for block in data["nlu"]
        for line in block["examples"].splitlines()
        if line.startswith("- ")
    ]
