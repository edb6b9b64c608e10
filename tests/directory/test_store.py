"""The store reloads edited files, and keeps serving the last good directory on a bad edit."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.directory import store as store_module
from bot.directory.model import DirectoryError
from bot.directory.store import DIRECTORY_ENV, DirectoryStore, default_store
from bot.paths import DIRECTORY_DIR
from tests.directory.helpers import edit


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def julia_phone(store: DirectoryStore) -> str:
    person = store.current().person("julia-ekola")
    assert person is not None
    return person.phones[0].number


def test_nothing_is_read_before_first_use(tmp_path: Path) -> None:
    store = DirectoryStore(tmp_path / "missing")
    with pytest.raises(DirectoryError) as raised:
        store.current()
    assert any("file not found" in issue.message for issue in raised.value.issues)
    assert store.errors


def test_edit_is_picked_up(copy: Path) -> None:
    store = DirectoryStore(copy, check_interval=0)
    assert julia_phone(store) == "040 549 9734"
    edit(copy / "persons.yaml", '"040 549 9734"', '"040 549 9999 "')
    assert julia_phone(store) == "040 549 9999"
    assert store.errors == []


def test_broken_edit_keeps_last_good_directory_until_fixed(
    copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = DirectoryStore(copy, check_interval=0)
    good = store.current()
    edit(copy / "persons.yaml", '"040 549 9734"', '"040 549 99x4"')
    with caplog.at_level(logging.ERROR, logger="bot.directory.store"):
        assert store.current() is good
    assert [str(issue) for issue in store.errors] == [
        "persons.yaml: entry 'julia-ekola', field 'phones[0]': "
        "malformed phone number '040 549 99x4' (e.g. 050 123 4567)"
    ]
    assert "keeping the last good one" in caplog.text and "julia-ekola" in caplog.text
    assert store.current() is good  # still served, not reloaded again and again
    edit(copy / "persons.yaml", '"040 549 99x4"', '"040 549 9934"')
    assert julia_phone(store) == "040 549 9934"
    assert store.current() is not good
    assert store.errors == []


def test_a_deleted_file_keeps_last_good_directory(copy: Path) -> None:
    store = DirectoryStore(copy, check_interval=0)
    good = store.current()
    (copy / "units.yaml").unlink()
    assert store.current() is good
    assert store.errors[0].file == "units.yaml"


def test_an_unexpected_loader_failure_keeps_last_good_directory(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = DirectoryStore(copy, check_interval=0)
    good = store.current()

    def fail(path: Path) -> None:
        raise RuntimeError("loader bug")

    monkeypatch.setattr(store_module, "load_directory", fail)
    edit(copy / "persons.yaml", '"040 549 9734"', '"040 549 9735"')
    assert store.current() is good
    assert "loader bug" in store.errors[0].message


def test_files_are_looked_at_only_every_check_interval(copy: Path) -> None:
    clock = Clock()
    store = DirectoryStore(copy, check_interval=2.0, clock=clock)
    assert julia_phone(store) == "040 549 9734"
    edit(copy / "persons.yaml", '"040 549 9734"', '"040 549 0000"')
    clock.now += 1.0
    assert julia_phone(store) == "040 549 9734"
    clock.now += 1.0
    assert julia_phone(store) == "040 549 0000"


def test_default_store_is_one_per_process_and_honours_the_environment(
    monkeypatch: pytest.MonkeyPatch, copy: Path
) -> None:
    default_store.cache_clear()
    try:
        assert default_store() is default_store()
        assert default_store().path == DIRECTORY_DIR
        default_store.cache_clear()
        monkeypatch.setenv(DIRECTORY_ENV, str(copy))
        assert default_store().path == copy
    finally:
        default_store.cache_clear()
