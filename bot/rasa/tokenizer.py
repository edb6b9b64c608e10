"""Finnish tokenizer: whitespace tokens that carry their lemma (:func:`bot.lemmas.lemma`).

Rasa's ``CountVectorsFeaturizer`` then counts lemmas (``use_lemma`` is on by default); a
second, character n-gram featurizer on surface forms keeps typos close to the right word.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.lemmas import LANGUAGE, lemma


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class FinnishTokenizer(WhitespaceTokenizer):
    """Whitespace tokenizer that sets each text token's Finnish lemma."""

    @staticmethod
    def supported_languages() -> list[str] | None:
        """Finnish only."""
        return [LANGUAGE]

    @staticmethod
    def not_supported_languages() -> list[str] | None:
        """No exclusions beyond :meth:`supported_languages`."""
        return None

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> FinnishTokenizer:
        """Create the tokenizer (it has no trained state) and load the lemma dictionary.

        Rasa calls this when it loads the model, so the first parent does not wait for the
        dictionary (it takes seconds).
        """
        lemma("perhekeskus")
        return cls(config)

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        """Split the attribute on whitespace and punctuation; lemmatise the user's text."""
        tokens: list[Token] = super().tokenize(message, attribute)
        if attribute == TEXT:
            for token in tokens:
                token.lemma = lemma(token.text)
        return tokens
