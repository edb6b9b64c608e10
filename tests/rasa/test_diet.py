"""The serving DIET predicts exactly what Rasa's own load of the same weights predicts."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from bot.rasa.diet import ServingDIETClassifier, _ServingDIET
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
    return ranking, entities


def test_same_predictions_as_rasas_own_load(
    trained_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rasa.nlu.classifiers.diet_classifier import DIET

    texts = [example.text for example in load_examples(IN_DOMAIN_FILE)][:150]
    assert len(texts) == 150
    serving = [_summary(parsed) for parsed in _parse_all(trained_model, texts)]

    assert ServingDIETClassifier.model_class() is _ServingDIET
    monkeypatch.setattr(ServingDIETClassifier, "model_class", staticmethod(lambda: DIET))
    rasas_own = [_summary(parsed) for parsed in _parse_all(trained_model, texts)]

    assert serving == rasas_own
    assert any(entities for _, entities in serving), "DIET extracted no entity at all"
