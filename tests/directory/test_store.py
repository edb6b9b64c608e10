"""The store reloads edited files in the background, never blocks a reader, and keeps serving
the last good directory on a bad edit."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.directory import store as store_module
from bot.directory.model import DirectoryError
from bot.directory.queries import Directory
from bot.directory.store import DirectoryStore
from tests.directory.helpers import edit


def julia_phone(directory: Directory) -> str:
    person = directory.person("julia-ekola")
    assert person is not None
    return person.phones[0].number


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def test_nothing_is_read_before_first_use(tmp_path: Path) -> None:
    store = DirectoryStore(tmp_path / "missing", watch=False)
    with pytest.raises(DirectoryError) as raised:
        store.current()
    assert any("file not found" in issue.message for issue in raised.value.issues)
    assert store.errors


def test_an_edit_is_served_after_the_watchers_look_not_before(copy: Path) -> None:
    store = DirectoryStore(copy, watch=False)
    old = store.current()
    edit(copy / "persons.yaml", '"040 549 9734"', '"040 549 9999 "')
    assert store.current() is old  # reading never reloads
    assert store.refresh() is True
    assert julia_phone(store.current()) == "040 549 9999"
    assert store.refresh() is False  # nothing changed since
    assert store.errors == []


def test_the_watcher_thread_picks_up_an_edit(copy: Path) -> None:
    store = DirectoryStore(copy, check_interval=0.05)
    try:
        assert julia_phone(store.current()) == "040 549 9734"
        edit(copy / "persons.yaml", '"040 549 9734"', '"040 549 0000"')
        assert wait_for(lambda: julia_phone(store.current()) == "040 549 0000")
    finally:
        store.stop()


def test_a_reader_never_waits_for_a_reload_in_progress(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = DirectoryStore(copy, watch=False)
    old = store.current()
    started, release = threading.Event(), threading.Event()
    real_load = store_module.load_directory

    def slow_load(path: Path) -> Directory:
        started.set()
        release.wait(10)
        return real_load(path)

    monkeypatch.setattr(store_module, "load_directory", slow_load)
    edit(copy / "persons.yaml", '"040 549 9734"', '"040 549 1111"')
    reload = threading.Thread(target=store.refresh)
    reload.start()
    try:
        assert started.wait(10)
        began = time.monotonic()
        assert store.current() is old  # the half-built new one is never visible
        assert time.monotonic() - began < 0.5
    finally:
        release.set()
        reload.join(10)
    assert julia_phone(store.current()) == "040 549 1111"


def test_broken_edit_keeps_last_good_directory_until_fixed(
    copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = DirectoryStore(copy, watch=False)
    good = store.current()
    edit(copy / "persons.yaml", '"040 549 9734"', '"040 549 99x4"')
    with caplog.at_level(logging.ERROR, logger="bot.directory.store"):
        assert store.refresh() is False
    assert store.current() is good
    assert [str(issue) for issue in store.errors] == [
        "persons.yaml: entry 'julia-ekola', field 'phones[0]': "
        "malformed phone number '040 549 99x4' (e.g. 050 123 4567)"
    ]
    assert "keeping the last good one" in caplog.text and "julia-ekola" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="bot.directory.store"):
        store.refresh()
    assert caplog.text == ""  # not reloaded and logged again and again
    edit(copy / "persons.yaml", '"040 549 99x4"', '"040 549 9934"')
    assert store.refresh() is True
    assert julia_phone(store.current()) == "040 549 9934"
    assert store.current() is not good
    assert store.errors == []


def test_a_deleted_file_keeps_last_good_directory(copy: Path) -> None:
    store = DirectoryStore(copy, watch=False)
    good = store.current()
    (copy / "units.yaml").unlink()
    store.refresh()
    assert store.current() is good
    assert store.errors[0].file == "units.yaml"


def test_an_unexpected_loader_failure_keeps_last_good_directory(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = DirectoryStore(copy, watch=False)
    good = store.current()

    def fail(path: Path) -> None:
        raise RuntimeError("loader bug")

    monkeypatch.setattr(store_module, "load_directory", fail)
    edit(copy / "persons.yaml", '"040 549 9734"', '"040 549 9735"')
    store.refresh()
    assert store.current() is good
    assert "loader bug" in store.errors[0].message


def test_a_broken_first_load_is_served_once_the_files_are_fixed(copy: Path) -> None:
    edit(copy / "persons.yaml", '"040 549 9734"', '"040 549 99x4"')
    store = DirectoryStore(copy, watch=False)
    with pytest.raises(DirectoryError):
        store.current()
    edit(copy / "persons.yaml", '"040 549 99x4"', '"040 549 9734"')
    store.refresh()
    assert julia_phone(store.current()) == "040 549 9734"
