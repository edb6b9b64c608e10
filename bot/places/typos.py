"""Place-name forms one typo away from a token: a deletion index checked with rapidfuzz.

A typo is one deleted, inserted or substituted letter, or two neighbouring letters swapped,
anywhere in the word (the first letter too). The index maps each key and each key with one
letter deleted to the key; a token's own one-letter deletions meet it there whenever the two
are one edit apart. rapidfuzz's optimal string alignment distance then keeps only the keys
really one edit away (two deletions can also meet for words two edits apart).

When a token is one edit from two places, the likelier typo wins: a swap, a deletion, a key
next to the right one on a Finnish keyboard or a doubled letter is likelier than any other
letter (``kahajoki`` is Kauhajoki rather than Kalajoki, ``sakola`` Askola rather than Säkylä).
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from bot.text import fold

# Tokens shorter than this are never read as a typo: too many short words are one letter
# from a short form ("ei" from "Ii").
MIN_TYPO_TOKEN = 4

# The letter rows of a Finnish keyboard.
KEYBOARD = ("qwertyuiopå", "asdfghjklöä", "zxcvbnm")
LIKELY, UNLIKELY = 1, 2


def keyboard_neighbours() -> dict[str, str]:
    """Return the keys around each letter key (same row and the rows above and below)."""
    near: dict[str, str] = {}
    for r, row in enumerate(KEYBOARD):
        for c, char in enumerate(row):
            keys = [row[k] for k in (c - 1, c + 1) if 0 <= k < len(row)]
            for other in (r - 1, r + 1):
                if 0 <= other < len(KEYBOARD):
                    above = KEYBOARD[other]
                    keys += [above[k] for k in (c - 1, c, c + 1) if 0 <= k < len(above)]
            near[char] = "".join(sorted(set(keys)))
    return near


NEIGHBOURS = keyboard_neighbours()
_FOLDED_NEIGHBOURS: dict[str, set[str]] = {}
for _char, _keys in NEIGHBOURS.items():
    _FOLDED_NEIGHBOURS.setdefault(fold(_char), set()).update(fold(_keys))


def _deletions(word: str) -> list[str]:
    """Return ``word`` with each one of its letters deleted."""
    return [word[:k] + word[k + 1 :] for k in range(len(word))]


class TypoIndex:
    """Finds the keys one typo away from a token."""

    def __init__(self, keys: Iterable[str]) -> None:
        """Index the keys.

        Args:
            keys: Folded, lower-case single-word forms that forgive a typo.
        """
        self._variants: dict[str, set[str]] = {}
        heads: set[tuple[str, int]] = set()
        tails: set[tuple[str, int]] = set()
        for key in dict.fromkeys(keys):
            for variant in (key, *_deletions(key)):
                self._variants.setdefault(variant, set()).add(key)
            # A token one edit from the key keeps its first three letters (edit at 3 or
            # later) or has the three letters after its fourth where the key has them at
            # 3, 4 or 5 (edit at 0, 1 or 2); its length is the key's, plus or minus one.
            for change in (-1, 0, 1):
                heads.add((key[:3], len(key) + change))
                tails.update((key[k : k + 3], len(key) + change) for k in (3, 4, 5))
        self._heads = frozenset(heads)
        self._tails = frozenset(tails)

    def maybe(self, token: str) -> bool:
        """Return cheaply whether ``token`` could be one typo from a key (no false no's)."""
        size = len(token)
        return size >= MIN_TYPO_TOKEN and (
            (token[:3], size) in self._heads or (token[4:7], size) in self._tails
        )

    def near(self, token: str) -> list[str]:
        """Return the keys one typo from ``token`` (the token itself excluded)."""
        if len(token) < MIN_TYPO_TOKEN:
            return []
        variants = self._variants
        candidates: set[str] = set()
        for variant in (token, *_deletions(token)):
            found = variants.get(variant)
            if found is not None:
                candidates |= found
        candidates.discard(token)
        if not candidates:
            return []
        close = process.extract(
            token, list(candidates), scorer=OSA.distance, score_cutoff=1, limit=None
        )
        return [key for key, _, _ in close]


def typo_cost(key: str, token: str) -> int:
    """Return how unlikely a typo turns folded ``key`` into ``token`` (one edit apart).

    Returns:
        ``LIKELY`` for a swap of neighbouring letters, a deleted letter, a key next to the
        right one, or an inserted letter next to (or the same as) a letter beside it;
        ``UNLIKELY`` for any other substitution or insertion.
    """
    ops = list(Levenshtein.editops(key, token))
    if len(ops) != 1:
        return LIKELY  # two operations one OSA edit apart: a swap
    tag, src, dest = ops[0].tag, ops[0].src_pos, ops[0].dest_pos
    if tag == "delete":
        return LIKELY
    typed = token[dest]
    if tag == "replace":
        return LIKELY if typed in _FOLDED_NEIGHBOURS.get(key[src], ()) else UNLIKELY
    beside = token[max(dest - 1, 0) : dest] + token[dest + 1 : dest + 2]
    near = any(typed == c or typed in _FOLDED_NEIGHBOURS.get(c, ()) for c in beside)
    return LIKELY if near else UNLIKELY


def one_typo(a: str, b: str) -> bool:
    """Return whether ``a`` and ``b`` are at most one typo apart (see the module docstring)."""
    return OSA.distance(a, b, score_cutoff=1) <= 1
