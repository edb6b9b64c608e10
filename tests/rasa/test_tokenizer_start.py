"""The tokenizer loads the lemma dictionary when Rasa creates it, not on the first message."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource

from bot.rasa import tokenizer as tokenizer_module
from bot.rasa.tokenizer import FinnishTokenizer


def test_create_looks_up_a_lemma(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    looked_up: list[str] = []

    def lemma(word: str) -> str:
        looked_up.append(word)
        return word

    monkeypatch.setattr(tokenizer_module, "lemma", lemma)
    FinnishTokenizer.create(
        FinnishTokenizer.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("tokenizer"),
        ExecutionContext(GraphSchema({})),
    )
    assert len(looked_up) == 1
