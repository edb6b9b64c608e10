"""Rasa NLU component: place, unit and person entities from the Finnish name resolver.

Rasa's lookup tables and synonyms match exact words only, and Finnish inflects names
(Lahti → Lahdessa, Harju-Kivinen → Harju-Kiviselle). This extractor runs
``bot.places`` on each message and marks what it finds, so training data need not list
inflected forms and DIET does not learn these entities:

- ``place``: a municipality code ("410"), "region:<region>" or "county:<county>",
- ``unit``: a directory unit id,
- ``person``: a directory person id.

Each entity carries ``start``/``end`` (the name as typed), ``value`` (the canonical id),
``confidence`` and ``extractor``. The resolver follows the directory: a reloaded directory
gives a rebuilt resolver on the next message.
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

from bot.places import default_resolver
from bot.places.resolver import Resolver

# Resolver kinds → entity names of the domain.
ENTITY_OF_KIND = {
    "municipality": "place",
    "region": "place",
    "county": "place",
    "unit": "unit",
    "person": "person",
}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class FinnishNameExtractor(GraphComponent, EntityExtractorMixin):
    """Marks place, unit and person entities with canonical directory ids."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """The component's default config: the lowest confidence kept."""
        return {"min_confidence": 0.0}

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
        """Create the component (it has nothing to train or load)."""
        return cls(config)

    def __init__(
        self,
        config: dict[str, Any],
        resolver: Callable[[], Resolver] = default_resolver,
    ) -> None:
        """Create the extractor.

        Args:
            config: Component config (``min_confidence``).
            resolver: Returns the resolver to use; the project's, following the directory,
                by default.
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
