"""Finnish tokenizer: whitespace tokens that carry their lemma.

Finnish inflects every noun and verb (perheneuvola, perheneuvolaan, perheneuvolassa), so a
featurizer that counts surface words sees a different word for every case. This tokenizer
sets ``Token.lemma`` with simplemma's offline Finnish dictionary; Rasa's
``CountVectorsFeaturizer`` then counts lemmas (``use_lemma`` is on by default). A second,
character n-gram featurizer on surface forms keeps typos close to the right word.

Chat Finnish needs three more steps before the dictionary helps:

- spoken short forms (``mis``, ``mite``, ``mul``) are read as their standard word;
- words typed without ä and ö (``laakari``, ``paivakoteja``) get their dots back when the
  dotted spelling is a known word form;
- the spoken question clitic ``-ks`` (``onks``, ``voiks``, ``loytyyks``) is dropped.

Lemmas are lower case and folded (ä → a, ö → o), so a lemma is the same however it was typed.
Question words keep their own lemma: simplemma gives ``mikä`` for ``missä`` and ``mitä``, but
"where" and "what" ask different things.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import combinations
from typing import Any

import simplemma
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.places.text import fold

LANGUAGE = "fi"

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
            if simplemma.is_known(spelling, LANGUAGE):
                return fold(simplemma.lemmatize(spelling, LANGUAGE))
    return fold(simplemma.lemmatize(standard, LANGUAGE))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class FinnishTokenizer(WhitespaceTokenizer):
    """Whitespace tokenizer that sets each text token's Finnish lemma."""

    @staticmethod
    def supported_languages() -> list[str] | None:
        """Finnish only."""
        return [LANGUAGE]

    @staticmethod
    def not_supported_languages() -> list[str] | None:
        """No exclusions beyond :meth:`supported_languages`."""
        return None

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> FinnishTokenizer:
        """Create the tokenizer (it has no trained state)."""
        return cls(config)

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        """Split the attribute on whitespace and punctuation; lemmatise the user's text."""
        tokens: list[Token] = super().tokenize(message, attribute)
        if attribute == TEXT:
            for token in tokens:
                token.lemma = lemma(token.text)
        return tokens
