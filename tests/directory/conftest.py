"""Fixtures: the real directory, and a private copy of its files to edit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.directory.loader import FILES, load_directory
from bot.directory.queries import Directory
from bot.paths import DIRECTORY_DIR


@pytest.fixture(scope="session")
def directory() -> Directory:
    return load_directory(DIRECTORY_DIR)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The directory's YAML files copied to a temporary folder (municipalities: the project's)."""
    for name in FILES:
        shutil.copy(DIRECTORY_DIR / name, tmp_path / name)
    return tmp_path
