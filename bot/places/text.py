"""Tokens of a line of chat text, lower-cased and folded the same way for names and input."""

from __future__ import annotations

import re

from bot.text import fold_lower, lower

# Case endings written after a colon ("HyPe:ssä", "Ii:hin"), matched on folded text; a colon
# before anything else ("S:t Karins", "klo 13:00") separates tokens.
_COLON_ENDINGS = "ssa|sta|lla|lta|lle|aan|een|iin|oon|uun|yyn|h[aeiouy]n|ksi|na|ta|st|lt|n|s|l|a"
LETTER = r"[^\W\d_]"
TOKEN = re.compile(rf"{LETTER}+(?::(?:{_COLON_ENDINGS})(?!{LETTER}))?")


def split(text: str) -> tuple[list[str], list[str]]:
    """Split a name or form into tokens.

    Returns:
        The lower-case tokens and the folded tokens, colons removed.
    """
    low = lower(text)
    spans = [m.span() for m in TOKEN.finditer(fold_lower(low))]
    exact = [low[a:b].replace(":", "") for a, b in spans]
    return exact, [fold_lower(t) for t in exact]
