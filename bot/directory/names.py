"""Name folding shared by the loader (email rules) and the queries (name matching)."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower-case ASCII form of a name: ``Hämäläinen`` → ``hamalainen``, ``Åbo`` → ``abo``.

    Finnish addresses and ids write ä, ö and å as a, o and a; other accents are dropped too.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The folded words of a name; hyphens and spaces separate words."""
    return _WORD.findall(fold(text))
