"""The model fingerprint hashes exactly what shapes the model."""

from __future__ import annotations

from bot.paths import PROJECT_ROOT
from bot.training import NOT_MODEL_INPUTS, _input_files


def test_the_fingerprint_covers_the_nlu_inputs_and_not_the_channels() -> None:
    inputs = {path.relative_to(PROJECT_ROOT).as_posix() for path in _input_files()}
    for shaping in (
        "config.yml",
        "domain.yml",
        "data/training/rules.yml",
        "data/training/nlu/swedish.yml",
        "bot/lemmas.py",
        "bot/places/text.py",
        "bot/text.py",
        "bot/rasa/tokenizer.py",
        "bot/rasa/name_entities.py",
        "bot/rasa/crisis.py",
    ):
        assert shaping in inputs, shaping
    for name in NOT_MODEL_INPUTS:
        assert not any(path.endswith(f"/{name}") for path in inputs), name
    assert not any(path.startswith(("bot/answers/", "bot/web/", "actions/")) for path in inputs)
