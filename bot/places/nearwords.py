"""Everyday words one typo away from a form of a place name.

Typo tolerance must not turn "kaikista" into Kaskinen, "valtaa" into Vantaa or "laukkaa"
into Laukaa, nor "inga" into Ingå. ``near_words.txt`` lists every word of simplemma's Finnish,
Swedish and English dictionaries (common words only, folded like input) that the typo check
would otherwise take for a place. It is generated, not written by hand: ``python -m
tools.places_near_words`` rewrites it (the dictionaries are large, which is why they are not
loaded at run time).
"""

from __future__ import annotations

from pathlib import Path

NEAR_WORDS_FILE = Path(__file__).with_name("near_words.txt")


def load_near_words(path: Path = NEAR_WORDS_FILE) -> frozenset[str]:
    """Return the words of ``near_words.txt`` (folded, lower case)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))
