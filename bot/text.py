"""The one fold: how every matcher in the project compares text.

People type a for ä and o for ö, and Swedish names have å, so names, crisis rules and
vocabulary words are all compared lower-cased with those letters folded. The folded text has
the same length as the input, so a match found in folded text is at the same index in what the
parent wrote.
"""

from __future__ import annotations

import re
import unicodedata

#: Letters folded to the ones people type on any keyboard; ü is a Finnish y.
FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "y"})

_WORD = re.compile(r"[^\W_]+")


def lower(text: str) -> str:
    """Lower-case text keeping every character at its index (rare letters stay as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _plain(char: str) -> str:
    """The base letter of an accented letter (š → s), or the character itself."""
    decomposed = unicodedata.normalize("NFD", char)
    if len(decomposed) > 1 and all(unicodedata.combining(c) for c in decomposed[1:]):
        return decomposed[0].lower()
    return char


def fold_lower(low: str) -> str:
    """Fold lower-case text: ä, ö, å → a, o, a, other accents dropped (same length).

    Fast when there is nothing to do, which is most chat text.
    """
    if low.isascii():
        return low
    folded = low.replace("ä", "a").replace("ö", "o").replace("å", "a")
    if folded.isascii():
        return folded
    return "".join(_plain(c) for c in folded.translate(FOLD))


def fold(text: str) -> str:
    """Lower-case text with ä, ö and å folded to a and o: ``Hämäläinen`` → ``hamalainen``."""
    return fold_lower(lower(text))


def words(text: str) -> list[str]:
    """The folded words of a text; spaces, hyphens and punctuation separate words."""
    return _WORD.findall(fold(text))


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """The folded words of a text (as :func:`words`) with their character spans in it."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(fold(text))]
