"""The Rasa NLU component on real messages, and in a real (tiny) trained pipeline."""

from __future__ import annotations

from pathlib import Path

from rasa.shared.nlu.training_data.message import Message

from bot.places.resolver import Resolver
from bot.rasa.name_entities import FinnishNameExtractor


def entities(message: Message) -> list[tuple[str, str, str, str, float]]:
    text = message.get("text")
    return [
        (e["entity"], e["value"], text[e["start"] : e["end"]], e["extractor"], e["confidence"])
        for e in message.get("entities", [])
    ]


def test_marks_place_unit_and_person(resolver: Resolver) -> None:
    extractor = FinnishNameExtractor({}, resolver=lambda: resolver)
    message = Message.build(
        "Onko Laukaassa HyPe? Soitanko Paanaselle vai Keski-Suomen muutosagentille?"
    )
    extractor.process([message])
    assert entities(message) == [
        ("place", "410", "Laukaassa", "FinnishNameExtractor", 1.0),
        ("unit", "laukaa-hype", "HyPe", "FinnishNameExtractor", 1.0),
        ("person", "sari-paananen", "Paanaselle", "FinnishNameExtractor", 0.9),
        ("place", "region:Keski-Suomi", "Keski-Suomen", "FinnishNameExtractor", 1.0),
    ]


def test_keeps_other_entities_and_leaves_plain_messages_alone(resolver: Resolver) -> None:
    extractor = FinnishNameExtractor({"min_confidence": 0.9}, resolver=lambda: resolver)
    other = {"entity": "service", "start": 0, "end": 7, "value": "neuvola"}
    with_place = Message.build("neuvola aanekoskella tai helsinkissä")
    with_place.set("entities", [other])
    plain = Message.build("Kiitos avusta!")
    extractor.process([with_place, plain])
    first, *found = with_place.get("entities")
    assert first == other
    assert [e["value"] for e in found] == ["992"]  # the typo, helsinkissä, is below 0.9
    assert plain.get("entities") is None


def test_default_config_and_language() -> None:
    assert FinnishNameExtractor.get_default_config() == {"min_confidence": 0.0}
    assert FinnishNameExtractor.supported_languages() == ["fi"]


CONFIG = """
recipe: default.v1
language: fi
assistant_id: places-test
pipeline:
  - name: WhitespaceTokenizer
  - name: bot.rasa.name_entities.FinnishNameExtractor
  - name: KeywordIntentClassifier
policies: []
"""
NLU = """
version: "3.1"
nlu:
- intent: inform_place
  examples: |
    - asun Laukaassa
    - asun Lahdessa
- intent: greet
  examples: |
    - hei
    - moi
"""


async def test_in_a_trained_pipeline(tmp_path: Path) -> None:
    from rasa.core.agent import Agent
    from rasa.model_training import train_nlu

    (tmp_path / "config.yml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "nlu.yml").write_text(NLU, encoding="utf-8")
    model = train_nlu(
        config=str(tmp_path / "config.yml"),
        nlu_data=str(tmp_path / "nlu.yml"),
        output=str(tmp_path / "models"),
    )
    assert model is not None
    agent = Agent.load(model)
    result = await agent.parse_message("asun Laukaassa, ennen Äänekoskella")
    assert [(e["entity"], e["value"], e["extractor"]) for e in result["entities"]] == [
        ("place", "410", "FinnishNameExtractor"),
        ("place", "992", "FinnishNameExtractor"),
    ]
    assert result["intent"]["name"] == "inform_place"
