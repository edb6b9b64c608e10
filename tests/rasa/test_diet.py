"""The serving DIET predicts exactly what Rasa's own load of the same weights predicts."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from bot.rasa.diet import ServingDIETClassifier, _ServingDIET, viterbi
from tools.nlu_eval_scores import IN_DOMAIN_FILE, load_examples


def _parse_all(model: Path, texts: list[str]) -> list[dict[str, Any]]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))

    async def parse() -> list[dict[str, Any]]:
        return [await agent.parse_message(text) for text in texts]

    return asyncio.run(parse())


def _summary(parsed: dict[str, Any]) -> tuple[Any, ...]:
    entities = tuple(
        (e["entity"], e["value"], e["start"], e["end"])
        for e in parsed["entities"]
        if e.get("extractor") == ServingDIETClassifier.__name__
    )
    ranking = tuple((r["name"], round(r["confidence"], 4)) for r in parsed["intent_ranking"])
    confidences = tuple(
        round(e["confidence_entity"], 4)
        for e in parsed["entities"]
        if e.get("extractor") == ServingDIETClassifier.__name__
    )
    return ranking, entities, confidences


def test_same_predictions_as_rasas_own_load(
    trained_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rasa.nlu.classifiers.diet_classifier import DIET

    held_out = [example.text for example in load_examples(IN_DOMAIN_FILE)]
    # Long messages too, where the entity decoding has many tokens: ten questions in one.
    texts = held_out[:150] + [" ".join(held_out[start : start + 10]) for start in range(0, 80, 10)]
    assert len(texts) == 158
    serving = [_summary(parsed) for parsed in _parse_all(trained_model, texts)]

    assert ServingDIETClassifier.model_class() is _ServingDIET
    monkeypatch.setattr(ServingDIETClassifier, "model_class", staticmethod(lambda: DIET))
    rasas_own = [_summary(parsed) for parsed in _parse_all(trained_model, texts)]

    assert serving == rasas_own
    assert any(entities for _, entities, _ in serving), "DIET extracted no entity at all"
    assert any(entities for _, entities, _ in serving[150:]), "no entity in the long messages"


@pytest.mark.parametrize("seed", range(40))
def test_viterbi_decodes_as_rasas_crf_layer(seed: int) -> None:
    import numpy as np
    import tensorflow as tf
    from rasa.utils.tensorflow.layers import CRF

    rng = np.random.default_rng(seed)
    tags, batch, length = int(rng.integers(2, 20)), int(rng.integers(1, 4)), 1 + seed % 50
    scale = (0.5, 3.0, 30.0)[seed % 3]  # 30: softmax saturates at exactly 1.0
    potentials = (rng.normal(size=(batch, length, tags)) * scale).astype(np.float32)
    lengths = rng.integers(1, length + 1, size=batch)
    lengths[0] = length
    layer = CRF(tags, reg_lambda=0.001, scale_loss=False)
    layer.build(tf.TensorShape([batch, length, tags]))
    layer.transition_params.assign((rng.normal(size=(tags, tags)) * scale).astype(np.float32))

    rasa_tags, rasa_scores = layer(tf.constant(potentials), tf.constant(lengths))
    numpy_tags, numpy_scores = viterbi(potentials, layer.transition_params.numpy(), lengths)

    assert (numpy_tags == rasa_tags.numpy()).all()
    assert np.allclose(numpy_scores, rasa_scores.numpy(), atol=1e-5)
