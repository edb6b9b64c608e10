"""The dictionary trie gives exactly simplemma's lemmas, and is built once, atomically."""

from __future__ import annotations

import random
from pathlib import Path

import simplemma
from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

from bot.lemmas import LANGUAGE, _is_known, _lemmatize, build_trie


def test_the_trie_lemmatises_as_simplemmas_own_dictionary() -> None:
    dictionary = DEFAULT_DICTIONARY_FACTORY.get_dictionary(LANGUAGE)
    words = random.Random(7).sample(sorted(dictionary), 3000)
    words += ["Laukaassa", "PERHEKESKUS", "lastenneuvolaks", "onks", "qwzrtx", "perhekeskuspilotit"]
    for word in words:
        assert _lemmatize(word) == simplemma.lemmatize(word, LANGUAGE), word
        assert _is_known(word) == simplemma.is_known(word, LANGUAGE), word


def test_the_trie_is_built_once_into_place(tmp_path: Path) -> None:
    target = build_trie(tmp_path)
    assert target == tmp_path / f"{LANGUAGE}.dic"
    built = target.stat().st_mtime_ns
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no scratch left behind
    assert build_trie(tmp_path).stat().st_mtime_ns == built
