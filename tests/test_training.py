"""The model fingerprint hashes exactly what shapes the model."""

from __future__ import annotations

from bot.paths import PROJECT_ROOT
from bot.training import _input_files


def test_the_fingerprint_covers_the_nlu_inputs_and_not_the_channels() -> None:
    inputs = {path.relative_to(PROJECT_ROOT).as_posix() for path in _input_files()}
    for shaping in (
        "config.yml",
        "domain.yml",
        "data/training/rules.yml",
        "data/training/nlu/swedish.yml",
        "bot/lemmas.py",
        "bot/places/text.py",
        "bot/rasa/tokenizer.py",
        "bot/rasa/name_entities.py",
        "bot/rasa/crisis.py",
    ):
        assert shaping in inputs, shaping
    for channel in ("rest.py", "telegram.py", "tracker_store.py", "lock_store.py"):
        assert f"bot/rasa/{channel}" not in inputs
    assert not any(path.startswith(("bot/answers/", "bot/web/", "actions/")) for path in inputs)
