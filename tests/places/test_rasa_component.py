"""The Rasa NLU component on real messages, its directory, and a real (tiny) trained pipeline."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message

from bot.directory import store as store_module
from bot.directory.queries import Directory
from bot.directory.store import DirectoryStore
from bot.paths import DIRECTORY_DIR
from bot.places.resolver import Resolver
from bot.rasa.name_entities import FinnishNameExtractor, StoreResolver
from bot.settings import DIRECTORY_VAR


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
    assert FinnishNameExtractor.get_default_config() == {
        "min_confidence": 0.0,
        "directory": "data/directory",
    }
    assert FinnishNameExtractor.supported_languages() == ["fi"]


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A private copy of the directory folder, to edit."""
    folder = tmp_path / "directory"
    shutil.copytree(DIRECTORY_DIR, folder)
    return folder


def test_the_resolver_is_rebuilt_when_the_store_reloads(copy: Path) -> None:
    resolver = StoreResolver(DirectoryStore(copy, watch=False))
    first = resolver()
    assert resolver() is first
    assert [m.id for m in first.find("Soitanko Paanaselle?")] == ["sari-paananen"]
    persons = copy / "persons.yaml"
    persons.write_text(persons.read_text(encoding="utf-8").replace("Paananen", "Kettunen"))
    assert resolver.store.refresh()
    second = resolver()
    assert second is not first and resolver() is second
    assert [m.id for m in second.find("Soitanko Kettuselle?")] == ["sari-paananen"]


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders the directory stores load, in order."""
    folders: list[Path] = []
    real_load = store_module.load_directory

    def load(path: Path) -> Directory:
        folders.append(path)
        return real_load(path)

    monkeypatch.setattr(store_module, "load_directory", load)
    return folders


@pytest.fixture
def create(tmp_path: Path) -> Iterator[Callable[[dict[str, object]], FinnishNameExtractor]]:
    """Create the component as Rasa does when it loads a model (default config merged in)."""
    stores: list[DirectoryStore] = []

    def create(config: dict[str, object]) -> FinnishNameExtractor:
        extractor = FinnishNameExtractor.create(
            {**FinnishNameExtractor.get_default_config(), **config},
            LocalModelStorage(tmp_path / "storage"),
            Resource("names"),
            ExecutionContext(GraphSchema({})),
        )
        assert isinstance(extractor._resolver, StoreResolver)
        stores.append(extractor._resolver.store)
        return extractor

    yield create
    for store in stores:
        store.stop()


def test_create_loads_the_configured_directory_before_the_first_message(
    monkeypatch: pytest.MonkeyPatch,
    create: Callable[[dict[str, object]], FinnishNameExtractor],
    copy: Path,
    loads: list[Path],
) -> None:
    monkeypatch.delenv(DIRECTORY_VAR, raising=False)
    extractor = create({"directory": str(copy)})
    assert loads == [copy]
    message = Message.build("Soitanko Paanaselle?")
    extractor.process([message])
    assert [e["value"] for e in message.get("entities")] == ["sari-paananen"]
    assert loads == [copy]  # the message did not load anything
    create({})
    assert loads[-1] == DIRECTORY_DIR  # relative to the project


def test_the_environment_overrides_the_configured_directory(
    monkeypatch: pytest.MonkeyPatch,
    create: Callable[[dict[str, object]], FinnishNameExtractor],
    copy: Path,
    loads: list[Path],
) -> None:
    monkeypatch.setenv(DIRECTORY_VAR, str(copy))
    create({"directory": "data/elsewhere"})
    assert loads == [copy]


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
