"""NLU component that makes crisis messages win over every other prediction.

Placed last in the pipeline (after DIET and the FallbackClassifier): when
:func:`bot.safety.detect_crisis` finds immediate danger, violence, suicide or a medical
emergency in the text, the message's intent becomes ``crisis`` with full confidence,
whatever the classifier thought, and the ``crisis`` rule answers with 112 first. What was
found (category, language, helpline) goes into the parse data under ``crisis``, so the crisis
action answers from this one detection.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.answers.intents import Intent
from bot.safety import CRISIS_KEY, detect_crisis


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CrisisIntentOverride(GraphComponent, IntentClassifier):
    """Sets the intent to ``crisis`` when the text describes an emergency."""

    @classmethod
    def required_components(cls) -> list[type]:
        """Runs after an intent classifier, so that it can overrule it."""
        return [IntentClassifier]

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> CrisisIntentOverride:
        """Create the component (it has no state)."""
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        """Overrule the predicted intent of every message that describes a crisis."""
        for message in messages:
            text = message.get(TEXT)
            match = detect_crisis(text) if isinstance(text, str) else None
            if match is None:
                continue
            message.set(CRISIS_KEY, match.as_value(), add_to_output=True)
            crisis = {INTENT_NAME_KEY: Intent.CRISIS, PREDICTED_CONFIDENCE_KEY: 1.0}
            ranking = [
                entry
                for entry in message.get(INTENT_RANKING_KEY) or []
                if entry.get(INTENT_NAME_KEY) != Intent.CRISIS
            ]
            message.set(INTENT, crisis, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [crisis, *ranking], add_to_output=True)
        return messages
