"""The real directory (data/directory), loaded once for the answer tests."""

from __future__ import annotations

import pytest

from bot.directory.queries import Directory
from bot.directory.store import DirectoryStore


@pytest.fixture(scope="session")
def directory() -> Directory:
    return DirectoryStore(watch=False).current()
