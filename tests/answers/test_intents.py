"""The intent names used by the answers are exactly those of domain.yml."""

from __future__ import annotations

import yaml

from bot.answers.intents import DOMAIN_INTENTS, QUESTION_INTENTS
from bot.paths import PROJECT_ROOT


def test_intents_match_the_domain() -> None:
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert set(domain["intents"]) == DOMAIN_INTENTS
    assert QUESTION_INTENTS <= DOMAIN_INTENTS
