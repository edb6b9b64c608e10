"""``python -m bot places``: find municipalities in lines of text.

Reads lines on stdin and prints, for each, the three-digit codes of the municipalities found,
tab-separated (an empty line when none). ``--explain`` adds what matched and why,
``--bench`` runs the benchmark (accuracy on the test sets, lines per second) and
``--near-words`` regenerates ``bot/places/near_words.txt``.
"""

from __future__ import annotations

import argparse
import sys

from bot.directory.municipalities import municipalities
from bot.places import default_resolver
from bot.places.bench import run_bench
from bot.places.nearwords import NEAR_WORDS_FILE, build_near_words, write_near_words
from bot.places.resolver import Match, Resolver

USAGE = "python -m bot places [--explain | --bench | --near-words] < lines.txt"


def explain(match: Match) -> str:
    """Return one indented line telling what matched and why."""
    return (
        f"  {match.text!r} [{match.start}:{match.end}] → {match.kind} {match.id}"
        f" ({match.confidence:.2f}): {match.reason}"
    )


def main(argv: list[str]) -> int:
    """Run the command.

    Args:
        argv: Command line starting with "places".

    Returns:
        Exit status.
    """
    parser = argparse.ArgumentParser(prog="python -m bot places", usage=USAGE)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--explain", action="store_true", help="show what matched and why")
    mode.add_argument("--bench", action="store_true", help="measure accuracy and speed")
    mode.add_argument("--near-words", action="store_true", help="regenerate near_words.txt")
    args = parser.parse_args(argv[1:])
    if args.bench:
        print(run_bench())
        return 0
    if args.near_words:
        words = build_near_words(Resolver(municipalities(), [], near_words=frozenset()))
        write_near_words(words)
        print(f"{len(words)} words written to {NEAR_WORDS_FILE.name}")
        return 0
    find, write = default_resolver().find, sys.stdout.write
    for line in sys.stdin:
        matches = find(line.rstrip("\n"))
        write("\t".join([m.id for m in matches if m.kind == "municipality"]) + "\n")
        if args.explain:
            write("".join(explain(match) + "\n" for match in matches))
    return 0
