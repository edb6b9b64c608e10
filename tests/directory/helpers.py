"""Helpers for editing a copy of the directory and reading the problems it reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.directory.loader import load_directory
from bot.directory.model import DirectoryError, ValidationIssue


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` (which must occur) with ``new`` in a file."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def issues_of(path: Path) -> list[ValidationIssue]:
    """The issues loading the directory at ``path`` reports (loading must fail)."""
    with pytest.raises(DirectoryError) as raised:
        load_directory(path)
    return raised.value.issues
