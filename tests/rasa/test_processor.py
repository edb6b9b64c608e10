"""Rasa's message processor with the sequential graph runner: the same parses and predictions."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import rasa.core.processor
from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa import processor
from tools.nlu_eval_scores import IN_DOMAIN_FILE, load_examples


def _serve(model: Path, texts: list[str]) -> tuple[type, list[Any]]:
    """The runner class and, per text: the parse and the policies' next two predictions."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    assert agent.processor is not None
    runner = type(agent.processor.graph_runner)

    async def serve() -> list[Any]:
        results = []
        for number, text in enumerate(texts):
            parsed = await agent.parse_message(text)
            tracker = DialogueStateTracker.from_events(
                f"parent-{number}",
                [ActionExecuted("action_listen"), UserUttered(text, parsed["intent"])],
                slots=agent.domain.slots,
            )
            first = agent.processor._predict_next_with_tracker(tracker)
            tracker.update(
                ActionExecuted(agent.domain.action_names_or_texts[first.max_confidence_index])
            )
            second = agent.processor._predict_next_with_tracker(tracker)
            results.append(
                (
                    parsed["intent_ranking"],
                    [(e["entity"], e["value"]) for e in parsed["entities"]],
                    [
                        (p.policy_name, p.max_confidence_index, p.max_confidence)
                        for p in (first, second)
                    ],
                )
            )
        return results

    return runner, asyncio.run(serve())


def test_same_parses_and_predictions_as_rasas_runner(
    trained_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [example.text for example in load_examples(IN_DOMAIN_FILE)][::4]
    processor.install()
    runner, sequential = _serve(trained_model, texts)
    assert runner is processor.SequentialGraphRunner

    monkeypatch.setattr(rasa.core.processor, "DaskGraphRunner", DaskGraphRunner)
    runner, dask = _serve(trained_model, texts)
    assert runner is DaskGraphRunner

    assert sequential == dask
    assert len({ranking[0]["name"] for ranking, _, _ in sequential}) >= 5, "too few intents"
    assert all(policies[0][0] == "RulePolicy" for _, _, policies in sequential)


def test_an_input_named_like_a_node_is_refused(trained_model: Path) -> None:
    from rasa.core.agent import Agent

    processor.install()
    agent = Agent.load(str(trained_model))
    assert agent.processor is not None
    node = next(iter(agent.processor.graph_runner._graph_schema.nodes))
    with pytest.raises(GraphRunError, match="clashes with a node name"):
        agent.processor.graph_runner.run(inputs={"__message__": node}, targets=[node])


def test_is_empty_as_rasas() -> None:
    assert processor.is_empty(Domain.empty())
    assert not processor.is_empty(Domain.from_dict({"intents": ["greet"]}))
