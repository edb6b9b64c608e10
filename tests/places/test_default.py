"""The process-wide resolver follows the directory store."""

from __future__ import annotations

import pytest

import bot.directory.store
from bot.directory.loader import load_directory
from bot.directory.queries import Directory
from bot.places import default_resolver, find, resolve_value


class OneDirectoryStore:
    """A store serving one given directory (what ``current()`` returns after a reload)."""

    def __init__(self, directory: Directory) -> None:
        self.directory = directory

    def current(self) -> Directory:
        return self.directory


def test_default_resolver_is_rebuilt_when_the_directory_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = OneDirectoryStore(load_directory())
    monkeypatch.setattr(bot.directory.store, "default_store", lambda: store)
    first = default_resolver()
    assert default_resolver() is first
    store.directory = load_directory()  # a reload gives a new Directory object
    second = default_resolver()
    assert second is not first
    assert default_resolver() is second


def test_module_level_helpers_use_the_directory() -> None:
    assert [m.id for m in find("Onko HyPessä lääkäri?")] == ["laukaa-hype"]
    match = resolve_value("Paanaselle")
    assert match is not None and match.id == "sari-paananen"
