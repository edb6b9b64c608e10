"""Benchmark of the place-name resolver: municipality recognition, false places, speed.

    python -m tools.places_bench [--seconds 5] [--seed 2025] [--show N]

The sets live with the tests in ``tests/places/`` (a developer tool may read them; the running
bot never does):

- ``forms_all.tsv``: every case form of all 308 municipalities, as written, in lower case and
  typed without ä/ö; each must give exactly its municipality.
- folded forms: each of those forms with ä → a, ö → o and å → a, capitals kept.
- one-typo forms, generated here deterministically from the lower-case forms (with and without
  ä/ö): every deletion, every swap of neighbouring letters, and at every position one
  substitution and one insertion of a letter drawn (seeded) from the keys next to it on a
  Finnish keyboard (``bot.places.typos.NEIGHBOURS``; an insertion may also double a letter).
  A typo of a long name stands alone; a typo of a short name (at most ``SHORT_NAME`` letters)
  or of a name that is also an everyday word (Lahti, Salo …) follows a service word, as in
  "neuvola lahdesa": with no context such a typo is as likely an everyday word. Not counted:
  typos that are another name's exact form (Vaasa → "vaala" is Vaala) and typos that spell an
  everyday word of simplemma's Finnish dictionary (Laukaa → "laukkaa"): reading those as a
  place would be a false place. Both are reported.
- ``everyday.txt``: sentences that must give no place; ``sentences.tsv``: parent messages with
  the ids they must give, in order.
- Swedish and English names (``data/test/places/``): the Swedish base form and genitive of every
  municipality whose Swedish name differs from the Finnish one, and its English name where that
  differs from both, scored like the Finnish forms (as written, folded, one typo; a typo of a
  short or everyday-word name follows "familjecentralen i"); ``sentences_sv_en.tsv``: Swedish
  and English messages with their ids; ``everyday_sv.txt`` and ``everyday_en.txt``: everyday
  Swedish and English sentences that must give no place.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.directory.loader import load_directory
from bot.directory.municipalities import load_municipalities
from bot.paths import DIRECTORY_DIR, MUNICIPALITIES_CSV, PROJECT_ROOT
from bot.places.names import (
    COMMON_WORD_NAMES,
    PERSON_LIKE_NAMES,
    PLACE_KINDS,
    SWEDISH_WORD_NAMES,
    all_aliases,
)
from bot.places.nearwords import load_near_words
from bot.places.resolver import Resolver
from bot.places.swedish import swedish_forms
from bot.places.text import split
from bot.places.typos import NEIGHBOURS
from bot.places.vocabulary import vocabulary_of
from bot.text import fold

SETS_DIR = PROJECT_ROOT / "tests" / "places"
LANGUAGE_SETS_DIR = PROJECT_ROOT / "data" / "test" / "places"
EVERYDAY_SETS = {
    "fi": SETS_DIR / "everyday.txt",
    "sv": LANGUAGE_SETS_DIR / "everyday_sv.txt",
    "en": LANGUAGE_SETS_DIR / "everyday_en.txt",
}
TARGET = 0.995
SHORT_NAME = 5  # names of at most this many letters get a context word around their typos
CONTEXT = "neuvola {}"
CONTEXT_SV = "familjecentralen i {}"
ROUNDS = 5
SEED = 2025


def rows(path: Path) -> list[list[str]]:
    """Return the tab-separated rows of a data file, comments and blank lines left out."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def named_entities() -> list[tuple[str, str, list[str]]]:
    """Return the directory's units and persons as the test sets expect them."""
    entities = json.loads((SETS_DIR / "named_entities.json").read_text(encoding="utf-8"))
    return [(kind, eid, names) for kind, eid, names in entities]


def load_resolver() -> Resolver:
    """Return a resolver over all municipalities and the test sets' named entities.

    The place cues include the directory's service, role and topic words, as in the bot.
    """
    cues = vocabulary_of(load_directory(DIRECTORY_DIR)).cue_stems()
    municipalities = load_municipalities(MUNICIPALITIES_CSV)
    return Resolver(municipalities, named_entities(), load_near_words(), cues)


def fold_keep_case(text: str) -> str:
    """Return ``text`` folded (ä → a, ö → o, å → a) with its capitals kept."""
    return "".join(f.upper() if c.isupper() else f for c, f in zip(text, fold(text), strict=True))


def typos(word: str, rng: random.Random) -> list[str]:
    """Return the one-typo forms of a lower-case word (letters only are touched).

    Every deletion and every swap of two neighbouring letters; at every position one
    substitution by a key next to the letter and one insertion of a key next to (or equal
    to) the letter before, both drawn with ``rng``.
    """
    out = []
    letters = [k for k, c in enumerate(word) if c in NEIGHBOURS]
    for k in letters:
        out.append(word[:k] + word[k + 1 :])
        if k + 1 < len(word) and word[k + 1] in NEIGHBOURS and word[k + 1] != word[k]:
            out.append(word[:k] + word[k + 1] + word[k] + word[k + 2 :])
        out.append(word[:k] + rng.choice(NEIGHBOURS[word[k]]) + word[k + 1 :])
        out.append(word[: k + 1] + rng.choice(NEIGHBOURS[word[k]] + word[k]) + word[k + 1 :])
    return [t for t in dict.fromkeys(out) if t != word]


def _dictionary_words(candidates: set[str], languages: tuple[str, ...]) -> set[str]:
    """Return the candidates (folded) that spell an everyday word of simplemma's dictionaries."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    factory = DefaultDictionaryFactory()
    found = set()
    for language in languages:
        for word, lemma in factory.get_dictionary(language).items():
            if lemma.islower():
                folded = fold(word)
                if folded in candidates:
                    found.add(folded)
    return found


@dataclass
class Score:
    """Right answers of one set, with the misses."""

    name: str
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, text: str) -> None:
        """Count one case."""
        self.total += 1
        self.right += ok
        if not ok:
            self.misses.append(text)

    def line(self) -> str:
        """Format the share."""
        return (
            f"{self.name}: {self.right}/{self.total} = {100 * self.right / max(self.total, 1):.2f}%"
        )


@dataclass
class TypoSet:
    """The one-typo cases and what was left out."""

    cases: list[tuple[str, str, bool]]  # (code, text, in a context frame)
    other_name: int
    everyday_word: list[tuple[str, str]]
    multi_word: int = 0


def typo_set(
    forms: list[list[str]], seed: int, swedish: bool = False, languages: tuple[str, ...] = ("fi",)
) -> TypoSet:
    """Return the one-typo cases of the municipality forms (Finnish, or Swedish and English)."""
    table = load_municipalities(MUNICIPALITIES_CSV)
    finnish = {m.code: fold(m.name_fi.removesuffix(" Tl")) for m in table.values()}
    names = {m.code: fold(m.name_sv) for m in table.values()} if swedish else finnish
    careful = {fold(n) for n in COMMON_WORD_NAMES | PERSON_LIKE_NAMES}
    careful_codes = {code for code, name in finnish.items() if name in careful}
    if swedish:  # a Swedish name is guarded when its Finnish one is, or is a Swedish word
        careful |= {fold(n) for n in SWEDISH_WORD_NAMES}
    keys: dict[str, set[str]] = {}
    for alias in all_aliases(table, named_entities()):
        for _, form in alias.forms:
            keys.setdefault(" ".join(split(form)[1]), set()).add(alias.id)
    rng = random.Random(seed)
    base = dict.fromkeys((code, form.lower()) for code, form in forms)
    base.update(dict.fromkeys((code, fold(form)) for code, form in forms))
    seen: set[tuple[str, str]] = set()
    candidates: list[tuple[str, str, bool]] = []
    other = 0
    multi_word = [(code, form) for code, form in base if swedish and " " in form]
    for code, form in base:
        if (code, form) in multi_word:  # "Gustav Adolfs": typos are forgiven in one word only
            continue
        short = len(names[code].replace("-", "")) <= SHORT_NAME
        framed = short or names[code] in careful or code in careful_codes
        for typo in typos(form, rng):
            if (code, typo) in seen or (code, typo) in base:
                continue
            seen.add((code, typo))
            owners = keys.get(fold(typo), set())
            if owners and owners != {code}:
                other += 1
                continue
            candidates.append((code, typo, framed))
    words = _dictionary_words({fold(t) for _, t, _ in candidates}, languages)
    everyday = [(c, t) for c, t, _ in candidates if fold(t) in words]
    cases = [(c, t, f) for c, t, f in candidates if fold(t) not in words]
    return TypoSet(cases, other, everyday, len(multi_word))


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


def _speed(find: Callable[[str], object], lines: list[str], seconds: float) -> list[float]:
    """Return lines per second of each round, sorted."""
    speeds = []
    for _ in range(ROUNDS):
        count, started = 0, time.perf_counter()
        while time.perf_counter() - started < seconds / ROUNDS:
            for line in lines:
                find(line)
            count += len(lines)
        speeds.append(count / (time.perf_counter() - started))
    return sorted(speeds)


def _misses(score: Score, show: int) -> Iterable[str]:
    """Return up to ``show`` misses, indented."""
    return (f"    miss: {text}" for text in score.misses[:show])


def swedish_english_forms() -> list[list[str]]:
    """Return ``[code, form]`` of the Swedish and English names that differ from the Finnish."""
    forms: dict[tuple[str, str], None] = {}
    for m in load_municipalities(MUNICIPALITIES_CSV).values():
        finnish = m.name_fi.removesuffix(" Tl").removesuffix("n kunta").lower()
        if m.name_sv.lower() not in {finnish, m.name_fi.lower()}:
            forms.update(dict.fromkeys((m.code, f) for _, f in swedish_forms(m.name_sv.lower())))
        if m.name_en.lower() not in {finnish, m.name_fi.lower(), m.name_sv.lower()}:
            forms[(m.code, m.name_en.lower())] = None
    return [[code, form] for code, form in forms]


def forms_report(
    places: Callable[[str], list[str]], forms: list[list[str]], seed: int, show: int, sv: bool
) -> tuple[list[str], Counter[str]]:
    """Score a set of municipality forms as written, folded and with one typo.

    Args:
        places: The place ids the resolver finds in a text.
        forms: ``[code, form]`` rows.
        seed: Seed of the typo set.
        show: How many misses of each set to list.
        sv: The forms are Swedish and English names (else Finnish).

    Returns:
        The report lines and the typo misses by municipality.
    """
    context = CONTEXT_SV if sv else CONTEXT
    case_score, folded_score = Score("case forms"), Score("folded forms (ä→a, ö→o, å→a)")
    for code, form in forms:
        case_score.add(places(form) == [code], form)
    for code, form in dict.fromkeys((code, fold_keep_case(form)) for code, form in forms):
        folded_score.add(places(form) == [code], form)
    languages = ("fi", "sv", "en") if sv else ("fi",)
    typo_cases = typo_set(forms, seed, swedish=sv, languages=languages)
    long_score, short_score = Score("  long names, alone"), Score(f"  short names, '{context}'")
    kinds: Counter[str] = Counter()
    for code, typo, framed in typo_cases.cases:
        text = context.format(typo) if framed else typo
        found = places(text)
        ok = found == [code]
        (short_score if framed else long_score).add(ok, f"{text} ({code}, got {found})")
        if not ok:
            kinds[code] += 1
    typo_score = Score("one-typo forms")
    typo_score.right = long_score.right + short_score.right
    typo_score.total = long_score.total + short_score.total
    together = Score("together")
    together.right = case_score.right + folded_score.right + typo_score.right
    together.total = case_score.total + folded_score.total + typo_score.total
    everyday_as_place = [t for c, t in typo_cases.everyday_word if places(t) == [c]]
    lines = [
        case_score.line(),
        *_misses(case_score, show),
        folded_score.line(),
        *_misses(folded_score, show),
        typo_score.line(),
        long_score.line(),
        *_misses(long_score, show),
        short_score.line(),
        *_misses(short_score, show),
        f"  not counted: {typo_cases.other_name} typos that are another name's form,"
        f" {len(typo_cases.everyday_word)} that spell an everyday word"
        f" ({len(everyday_as_place)} of those read as the place when alone)"
        + (f"; typos of {typo_cases.multi_word} multi-word forms" if sv else ""),
        f"{together.line()} (target ≥ {TARGET:.1%})",
    ]
    return lines, kinds


def run_bench(seconds: float = 5.0, seed: int = SEED, show: int = 0) -> str:
    """Run the benchmark and return its report.

    Args:
        seconds: How long to measure the speed.
        seed: Seed of the substitutions and insertions of the typo set.
        show: How many misses of each set to list.

    Returns:
        The report, one measure per line.
    """
    started = time.perf_counter()
    resolver = load_resolver()
    build = time.perf_counter() - started

    def places(text: str) -> list[str]:
        return [m.id for m in resolver.find(text) if m.kind in PLACE_KINDS]

    finnish, kinds = forms_report(places, rows(SETS_DIR / "forms_all.tsv"), seed, show, sv=False)
    other, other_kinds = forms_report(places, swedish_english_forms(), seed, show, sv=True)
    sentences = rows(SETS_DIR / "sentences.tsv")
    sentences_sv_en = rows(LANGUAGE_SETS_DIR / "sentences_sv_en.tsv")
    sentence_lines = []
    for name, rows_ in (("", sentences), (" in Swedish and English", sentences_sv_en)):
        score = Score(f"parent sentences{name}")
        for text, *ids in rows_:
            score.add([m.id for m in resolver.find(text)] == ids, text)
        sentence_lines += [score.line(), *(f"    wrong: {s}" for s in score.misses)]
    everyday_lines, everyday_all = [], []
    for language, path in EVERYDAY_SETS.items():
        everyday = [row[0] for row in rows(path)]
        everyday_all += everyday
        false_places = [s for s in everyday if places(s)]
        false_any = [s for s in everyday if resolver.find(s)]
        everyday_lines += [
            f"everyday sentences ({language}) with a false place: {len(false_places)} of"
            f" {len(everyday)} (any false name: {len(false_any)})",
            *(f"    false: {s}" for s in false_any),
        ]

    lines = [s for s, *_ in sentences + sentences_sv_en] + everyday_all
    speeds = _speed(resolver.find, lines, seconds)
    report = [
        f"machine: {_machine()}",
        f"resolver built in {build * 1000:.0f} ms; typo seed {seed}",
        "Finnish names:",
        *finnish,
        "Swedish and English names (where they differ from the Finnish):",
        *other,
        *sentence_lines,
        *everyday_lines,
        f"speed: {speeds[-1]:,.0f} lines/s best of {ROUNDS} rounds, median"
        f" {speeds[ROUNDS // 2]:,.0f}, over {len(lines)} mixed lines",
    ]
    if show:
        worst = (kinds + other_kinds).most_common(show)
        report.append(f"  typo misses by municipality: {', '.join(f'{c} {n}' for c, n in worst)}")
    return "\n".join(report)


def main(argv: list[str] | None = None) -> int:
    """Print the report."""
    parser = argparse.ArgumentParser(prog="python -m tools.places_bench", description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0, help="time for the speed test")
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the typo set")
    parser.add_argument("--show", type=int, default=0, help="misses to list per set")
    args = parser.parse_args(argv)
    print(run_bench(args.seconds, args.seed, args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
