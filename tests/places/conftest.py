"""Fixtures of the name resolver tests: a resolver over all municipalities and the directory's
units and persons as the test sets expect them (``named_entities.json``)."""

from __future__ import annotations

import pytest

from bot.places.resolver import Resolver
from tools.places_bench import load_resolver


@pytest.fixture(scope="session")
def resolver() -> Resolver:
    return load_resolver()
