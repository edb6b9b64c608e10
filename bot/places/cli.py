"""``python -m bot places``: find municipalities in lines of text.

Reads lines on stdin and prints, for each, the three-digit codes of the municipalities found,
tab-separated (an empty line when none). ``--explain`` adds what matched and why. Units and
persons come from the directory of :func:`bot.settings.directory_dir`.

Developer tools live outside the running bot: ``python -m tools.places_bench`` measures
accuracy and speed, ``python -m tools.places_near_words`` regenerates
``bot/places/near_words.txt``.
"""

from __future__ import annotations

import argparse
import sys

from bot.directory.loader import load_directory
from bot.places import resolver_for
from bot.places.resolver import Match
from bot.settings import directory_dir

USAGE = "python -m bot places [--explain] < lines.txt"


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
    parser.add_argument("--explain", action="store_true", help="show what matched and why")
    args = parser.parse_args(argv[1:])
    find, write = resolver_for(load_directory(directory_dir())).find, sys.stdout.write
    for line in sys.stdin:
        matches = find(line.rstrip("\n"))
        write("\t".join([m.id for m in matches if m.kind == "municipality"]) + "\n")
        if args.explain:
            write("".join(explain(match) + "\n" for match in matches))
    return 0
