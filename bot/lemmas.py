"""Finnish lemmas of chat words: spoken forms, words typed without ä/ö, the -ks clitic.

Finnish inflects every noun and verb (perheneuvola, perheneuvolaan, perheneuvolassa), so
counting surface words sees a different word for every case. :func:`lemma` gives the
dictionary form with simplemma's offline Finnish dictionary, after three steps chat Finnish
needs:

- spoken short forms (``mis``, ``mite``, ``mul``) are read as their standard word;
- words typed without ä and ö (``laakari``, ``paivakoteja``) get their dots back when the
  dotted spelling is a known word form;
- the spoken question clitic ``-ks`` (``onks``, ``voiks``, ``loytyyks``) is dropped.

Lemmas are lower case and folded (ä → a, ö → o), so a lemma is the same however it was typed.
Question words keep their own lemma: simplemma gives ``mikä`` for ``missä`` and ``mitä``, but
"where" and "what" ask different things. Used by the NLU tokenizer and by the fact ranking.

simplemma's Finnish dictionary is read as a MARISA trie (simplemma's ``marisa-trie`` extra):
as a Python dict it takes about 350 MB in every process that lemmatises (the Rasa server,
the action server, training), as a trie about 30 MB, at the same speed. The first process
that needs it builds the trie file (:data:`TRIE_DIR`, some seconds) and later ones map it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import combinations
from pathlib import Path

from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
from simplemma.strategies.dictionaries import TrieDictionaryFactory
from simplemma.utils import normalize_token

from bot.paths import STATE_DIR
from bot.text import fold

LANGUAGE = "fi"
#: Where the dictionary trie is kept (git-ignored; rebuilt when missing).
TRIE_DIR = STATE_DIR / "lemmas"

# Spoken forms (folded) and the standard word they stand for.
SPOKEN: dict[str, str] = {
    "mis": "missä",
    "mist": "mistä",
    "mihi": "mihin",
    "mite": "miten",
    "mitäs": "mitä",
    "mul": "minulla",
    "sul": "sinulla",
    "meil": "meillä",
    "teil": "teillä",
    "tääl": "täällä",
    "siel": "siellä",
    "mun": "minun",
    "sun": "sinun",
    "ma": "minä",
    "sa": "sinä",
    "tää": "tämä",
    "toi": "tuo",
    "kans": "kanssa",
    "nii": "niin",
    "kiitti": "kiitos",
    "kiitoksia": "kiitos",
}
SPOKEN_FOLDED = {fold(key): value for key, value in SPOKEN.items()}

# Question words whose lemma is the word itself (folded).
QUESTION_WORDS = frozenset(
    fold(word)
    for word in (
        "mikä",
        "mitä",
        "missä",
        "mistä",
        "mihin",
        "miten",
        "milloin",
        "kuka",
        "kenen",
        "kenelle",
        "keneen",
        "ketä",
        "kuinka",
        "paljonko",
        "millainen",
    )
)

SPOKEN_CLITICS = ("ks", "s")  # onks, voiks, löytyyks; mitäs, kukas
MAX_UNDOTTED = 8  # a word with more a/o letters than this is not tried with dots (2**n spellings)


def dotted_spellings(word: str) -> Iterator[str]:
    """Yield the spellings of a word typed without dots, fewest dots first.

    Every ``a`` may stand for ``ä`` and every ``o`` for ``ö``. A word that already has a dot,
    or has too many candidate letters, yields nothing.

    Args:
        word: A lower-case word.
    """
    if "ä" in word or "ö" in word:
        return
    positions = [i for i, char in enumerate(word) if char in "ao"]
    if len(positions) > MAX_UNDOTTED:
        return
    for count in range(1, len(positions) + 1):
        for chosen in combinations(positions, count):
            chars = list(word)
            for i in chosen:
                chars[i] = "ä" if chars[i] == "a" else "ö"
            yield "".join(chars)


def _spellings(word: str) -> Iterator[str]:
    """Yield what a typed word may be: itself, dotted, and without a spoken clitic."""
    yield word
    yield from dotted_spellings(word)
    for clitic in SPOKEN_CLITICS:
        stem = word.removesuffix(clitic)
        if stem != word and len(stem) >= 2:
            yield stem
            yield from dotted_spellings(stem)


def build_trie(directory: Path = TRIE_DIR) -> Path:
    """Build the trie of simplemma's Finnish dictionary in ``directory`` unless it is there.

    Built beside the target and renamed into place, so processes starting together never
    read a half-written file.

    Returns:
        The trie file.
    """
    target = directory / f"{LANGUAGE}.dic"
    if not target.exists():
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=directory) as scratch:
            TrieDictionaryFactory(disk_cache_dir=scratch).get_dictionary(LANGUAGE)
            os.replace(Path(scratch) / target.name, target)
    return target


@cache
def _dictionary() -> tuple[Lemmatizer, DictionaryLookupStrategy]:
    """The lemmatizer and the dictionary lookup of simplemma over the trie (built on first use)."""
    factory = TrieDictionaryFactory(disk_cache_dir=str(build_trie().parent))
    return (
        Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)),
        DictionaryLookupStrategy(dictionary_factory=factory),
    )


def _is_known(word: str) -> bool:
    return _dictionary()[1].get_lemma(normalize_token(word), LANGUAGE) is not None


def _lemmatize(word: str) -> str:
    return _dictionary()[0].lemmatize(word, LANGUAGE)


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Return the lemma of one chat word: lower case and folded.

    Args:
        word: A token as typed.

    Returns:
        The dictionary form of the first spelling simplemma knows, else simplemma's guess for
        the word itself; folded (``päiväkoteja`` and ``paivakoteja`` → ``paivakoti``).
    """
    low = word.lower()
    standard = SPOKEN_FOLDED.get(fold(low), low)
    if fold(standard) in QUESTION_WORDS:
        return fold(standard)
    if standard.isalpha():
        for spelling in _spellings(standard):
            if fold(spelling) in QUESTION_WORDS:
                return fold(spelling)
            if _is_known(spelling):
                return fold(_lemmatize(spelling))
    return fold(_lemmatize(standard))
