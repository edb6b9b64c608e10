"""The summing count featurizer gives exactly the features of Rasa's own counting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rasa.featurizers import SummedCountVectorsFeaturizer
from bot.rasa.tokenizer import FinnishTokenizer
from tools.nlu_eval_scores import IN_DOMAIN_FILE, load_examples

CONFIGS = {
    "lemmas": {},
    "character n-grams": {
        "analyzer": "char_wb",
        "use_lemma": False,
        "min_ngram": 2,
        "max_ngram": 4,
    },
    "word pairs": {"min_ngram": 1, "max_ngram": 2},  # not summed: pairs cross the spaces
}


def _create(cls: Any, config: dict[str, Any], tmp_path: Path, name: str) -> Any:
    return cls.create(
        {**cls.get_default_config(), **config},
        LocalModelStorage(tmp_path),
        Resource(name),
        ExecutionContext(GraphSchema({})),
    )


def _features(featurizer: Any, messages: list[Message]) -> list[Any]:
    featurizer.process(messages)
    found = []
    for message in messages:
        sequence, sentence = message.get_sparse_features(TEXT)
        found.append(tuple(
            (f.features.row.tolist(), f.features.col.tolist(), f.features.data.tolist(),
             f.features.dtype, f.features.shape)
            for f in (sequence, sentence) if f is not None
        ))  # fmt: skip
    return found


@pytest.mark.parametrize("config", CONFIGS.values(), ids=CONFIGS.keys())
def test_same_features_as_rasas_counting(
    config: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted_again: list[bool] = []
    rasas_counting = CountVectorsFeaturizer._create_features

    def spy(self: CountVectorsFeaturizer, *args: Any) -> Any:
        counted_again.append(isinstance(self, SummedCountVectorsFeaturizer))
        return rasas_counting(self, *args)

    monkeypatch.setattr(CountVectorsFeaturizer, "_create_features", spy)
    texts = [example.text for example in load_examples(IN_DOMAIN_FILE)]
    tokenizer = _create(FinnishTokenizer, {}, tmp_path, "tokenizer")

    def tokenized(chosen: list[str]) -> list[Message]:
        messages = [Message(data={TEXT: text}) for text in chosen]
        tokenizer.process(messages)
        return messages

    training = TrainingData(tokenized(texts[:120]))
    ours = _create(SummedCountVectorsFeaturizer, config, tmp_path, "ours")
    rasas = _create(CountVectorsFeaturizer, config, tmp_path, "rasas")
    ours.train(training)
    rasas.train(training)

    long = [" ".join(texts[start : start + 10]) for start in range(0, 80, 10)]
    unseen = texts[120:] + long + ["xqzv wprkj", "ö"]
    assert _features(ours, tokenized(unseen)) == _features(rasas, tokenized(unseen))
    # Ours counted again (Rasa's way) only where the sum is not the sentence: word pairs.
    assert any(counted_again) is (config.get("max_ngram") == 2)

    # A token with a space inside is counted as Rasa counts it.
    counted_again.clear()
    spaced = [["perhe keskus", "neuvola"], []]

    def dense(created: tuple[list[Any], list[Any]]) -> list[Any]:
        return [None if m is None else m.toarray().tolist() for part in created for m in part]

    assert dense(ours._create_features(TEXT, spaced)) == dense(rasas._create_features(TEXT, spaced))
    assert counted_again == [True, False]
    assert any(
        np.any(np.array(features[-1][2]) > 1) for features in _features(ours, tokenized(unseen))
    )
