"""Rasa NLU component: place, unit and person entities from the Finnish name resolver.

Rasa's lookup tables and synonyms match exact words only, and Finnish inflects names
(Lahti → Lahdessa, Harju-Kivinen → Harju-Kiviselle). This extractor runs
``bot.places`` on each message and marks what it finds, so training data need not list
inflected forms and DIET does not learn these entities:

- ``place``: a municipality code ("410"), "region:<region>" or "county:<county>",
- ``unit``: a directory unit id,
- ``person``: a directory person id.

Each entity carries ``start``/``end`` (the name as typed), ``value`` (the canonical id),
``confidence`` and ``extractor``.

The component serves the directory folder of its ``directory`` config (relative to the
project root; ``PERHEBOTTI_DIRECTORY_DIR`` overrides it, see :func:`bot.settings.directory_dir`)
from its own :class:`~bot.directory.store.DirectoryStore`. Rasa creates it when the model is
loaded, and the directory is loaded then, not on the first message. The resolver follows the
store: a reloaded directory gives a rebuilt resolver on the next message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_CONFIDENCE,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.directory.queries import Directory
from bot.directory.store import DirectoryStore
from bot.paths import PROJECT_ROOT
from bot.places import resolver_for
from bot.places.resolver import Resolver
from bot.settings import directory_dir

# Resolver kinds → entity names of the domain.
ENTITY_OF_KIND = {
    "municipality": "place",
    "region": "place",
    "county": "place",
    "unit": "unit",
    "person": "person",
}


class StoreResolver:
    """The resolver of the directory a store serves, rebuilt when the store holds a new one.

    Args:
        store: The directory store to follow.
    """

    def __init__(self, store: DirectoryStore) -> None:
        self.store = store
        self._built: tuple[Directory, Resolver] | None = None

    def __call__(self) -> Resolver:
        """Return the resolver of the store's current directory (loaded on first use)."""
        directory = self.store.current()
        built = self._built
        if built is None or built[0] is not directory:
            built = (directory, resolver_for(directory))
            self._built = built
        return built[1]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class FinnishNameExtractor(GraphComponent, EntityExtractorMixin):
    """Marks place, unit and person entities with canonical directory ids."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """The lowest confidence kept, and the directory folder (relative to the project)."""
        return {"min_confidence": 0.0, "directory": "data/directory"}

    @staticmethod
    def supported_languages() -> list[str] | None:
        """Finnish only."""
        return ["fi"]

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> FinnishNameExtractor:
        """Create the component; its directory is loaded now, not on the first message.

        Rasa calls this when it loads the model, with the default config merged in.
        """
        folder = directory_dir(PROJECT_ROOT / config["directory"])
        resolver = StoreResolver(DirectoryStore(folder))
        resolver()  # loads the directory and builds the resolver
        return cls(config, resolver)

    def __init__(self, config: dict[str, Any], resolver: Callable[[], Resolver]) -> None:
        """Create the extractor.

        Args:
            config: Component config (``min_confidence``, ``directory``).
            resolver: Returns the resolver to use (:class:`StoreResolver` in :meth:`create`).
        """
        self._config = {**self.get_default_config(), **config}
        self._resolver = resolver

    def process(self, messages: list[Message]) -> list[Message]:
        """Add the entities found in each message's text to its entities.

        Args:
            messages: Messages to process.

        Returns:
            The same messages.
        """
        resolver = self._resolver()
        minimum = float(self._config["min_confidence"])
        for message in messages:
            text = message.get(TEXT)
            if not text:
                continue
            entities = [
                {
                    ENTITY_ATTRIBUTE_TYPE: ENTITY_OF_KIND[match.kind],
                    ENTITY_ATTRIBUTE_START: match.start,
                    ENTITY_ATTRIBUTE_END: match.end,
                    ENTITY_ATTRIBUTE_VALUE: match.id,
                    ENTITY_ATTRIBUTE_CONFIDENCE: match.confidence,
                }
                for match in resolver.find(text)
                if match.confidence >= minimum
            ]
            if entities:
                message.set(
                    ENTITIES,
                    message.get(ENTITIES, []) + self.add_extractor_name(entities),
                    add_to_output=True,
                )
        return messages
