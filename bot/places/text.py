"""Tokens of a line of chat text, lower-cased and folded the same way for names and input."""

from __future__ import annotations

import re

# People type a for ä and o for ö; å (Swedish names) is folded too.
FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "y"})

# Case endings written after a colon ("HyPe:ssä", "Ii:hin"), matched on folded text; a colon
# before anything else ("S:t Karins", "klo 13:00") separates tokens.
_COLON_ENDINGS = "ssa|sta|lla|lta|lle|aan|een|iin|oon|uun|yyn|h[aeiouy]n|ksi|na|ta|st|lt|n|s|l|a"
LETTER = r"[^\W\d_]"
TOKEN = re.compile(rf"{LETTER}+(?::(?:{_COLON_ENDINGS})(?!{LETTER}))?")


def lower(text: str) -> str:
    """Lower-case text keeping every character at its index (rare letters stay as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def fold_lower(low: str) -> str:
    """Fold lower-case text: ä, ö, å → a, o, a (same length; fast when there is nothing to do)."""
    if low.isascii():
        return low
    folded = low.replace("ä", "a").replace("ö", "o").replace("å", "a")
    return folded if folded.isascii() else folded.translate(FOLD)


def fold(text: str) -> str:
    """Return lower-case text with ä, ö and å folded to a and o, same length as ``text``."""
    return fold_lower(lower(text))


def split(text: str) -> tuple[list[str], list[str]]:
    """Split a name or form into tokens.

    Returns:
        The lower-case tokens and the folded tokens, colons removed.
    """
    low = lower(text)
    spans = [m.span() for m in TOKEN.finditer(fold_lower(low))]
    exact = [low[a:b].replace(":", "") for a, b in spans]
    return exact, [fold_lower(t) for t in exact]
