"""Benchmark of the name resolver: accuracy on the test sets and lines per second.

The sets live with the tests in ``tests/places/``: ``forms_all.tsv`` (forms of all 308
municipalities), ``sentences.tsv`` (parent-style messages with the expected ids),
``everyday.txt`` (sentences that must give no place) and ``named_entities.json`` (the
directory's units and persons as the sets expect them).
"""

from __future__ import annotations

import json
import os
import platform
import time
from pathlib import Path

from bot.directory.municipalities import municipalities
from bot.paths import PROJECT_ROOT
from bot.places.names import COMMON_WORD_NAMES, PERSON_LIKE_NAMES, PLACE_KINDS, TYPO_MIN
from bot.places.resolver import Resolver

SETS_DIR = PROJECT_ROOT / "tests" / "places"
TARGET_FORMS, TARGET_SPEED = 0.995, 50_000
ROUNDS = 5


def _rows(path: Path) -> list[list[str]]:
    """Return the tab-separated rows of a data file, comments and blank lines left out."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def load_resolver() -> Resolver:
    """Return a resolver over all municipalities and the test sets' named entities."""
    entities = json.loads((SETS_DIR / "named_entities.json").read_text(encoding="utf-8"))
    return Resolver(municipalities(), [(kind, eid, names) for kind, eid, names in entities])


def _typo(form: str) -> str:
    """Return the form with the two letters in its middle swapped."""
    k = len(form) // 2
    return form[:k] + form[k + 1] + form[k] + form[k + 2 :]


def _machine() -> str:
    """Return a one-line description of this machine."""
    model = platform.processor() or "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}"


def _percent(right: int, total: int) -> str:
    """Format a share."""
    return f"{right}/{total} = {100 * right / max(total, 1):.2f}%"


def run_bench(seconds: float = 5.0) -> str:
    """Run the benchmark and return its report.

    Args:
        seconds: How long to measure the speed.

    Returns:
        The report, one measure per line.
    """
    started = time.perf_counter()
    resolver = load_resolver()
    build = time.perf_counter() - started
    names = {m.code: m.name_fi.lower() for m in municipalities().values()}
    careful = COMMON_WORD_NAMES | PERSON_LIKE_NAMES

    forms = _rows(SETS_DIR / "forms_all.tsv")
    forms_right = sum([m.id for m in resolver.find(form)] == [code] for code, form in forms)
    typos = [
        (code, _typo(form))
        for code, form in forms
        if len(names[code]) >= TYPO_MIN
        and names[code] not in careful
        and form.isascii()
        and form.isalpha()
        and form.islower()
        and _typo(form) != form
    ]
    typos_right = sum([m.id for m in resolver.find(form)] == [code] for code, form in typos)

    sentences = _rows(SETS_DIR / "sentences.tsv")
    sentences_right = sum([m.id for m in resolver.find(s)] == ids for s, *ids in sentences)
    wrong = [s for s, *ids in sentences if [m.id for m in resolver.find(s)] != ids]

    everyday = [row[0] for row in _rows(SETS_DIR / "everyday.txt")]
    false_places = [s for s in everyday if any(m.kind in PLACE_KINDS for m in resolver.find(s))]
    false_any = [s for s in everyday if resolver.find(s)]

    lines = [s for s, *_ in sentences] + everyday
    speeds = []
    for _ in range(ROUNDS):
        count, started = 0, time.perf_counter()
        while time.perf_counter() - started < seconds / ROUNDS:
            for line in lines:
                resolver.find(line)
            count += len(lines)
        speeds.append(count / (time.perf_counter() - started))
    speeds.sort()

    report = [
        f"machine: {_machine()}",
        f"resolver built in {build * 1000:.0f} ms",
        f"forms of all 308 municipalities: {_percent(forms_right, len(forms))}"
        f" (target ≥ {TARGET_FORMS:.1%})",
        f"one-letter typos (middle letters swapped, names of {TYPO_MIN}+ letters):"
        f" {_percent(typos_right, len(typos))}",
        f"parent sentences: {_percent(sentences_right, len(sentences))}",
        f"everyday sentences with a false place: {len(false_places)} of {len(everyday)}"
        f" (any false name: {len(false_any)})",
        f"speed: {speeds[-1]:,.0f} lines/s best of {ROUNDS} rounds, median"
        f" {speeds[ROUNDS // 2]:,.0f}, over {len(lines)} mixed lines (target ≥ {TARGET_SPEED:,})",
    ]
    report += [f"  wrong: {s}" for s in wrong] + [f"  false: {s}" for s in false_any]
    return "\n".join(report)
