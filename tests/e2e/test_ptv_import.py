"""Units imported from a PTV Open API file are answered in chat, through the real servers."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.directory.ptv_merge import import_ptv
from bot.paths import DATA_DIR, DIRECTORY_DIR
from bot.stack import Stack
from tests.conftest import free_ports, reply_text, send

pytestmark = pytest.mark.e2e

SAMPLE = DATA_DIR / "ptv" / "sample.json"


@pytest.fixture(scope="module")
def imported_stack(
    trained_model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack]:
    """The bot serving a copy of the directory with the PTV sample imported."""
    root = tmp_path_factory.mktemp("ptv")
    directory = root / "directory"
    shutil.copytree(DIRECTORY_DIR, directory)
    report = import_ptv(SAMPLE, directory, dry_run=False)
    assert report.changed and not report.errors
    stack = Stack(
        model=trained_model,
        ports=free_ports(),
        env={"PERHEBOTTI_STATE_DIR": str(root), "PERHEBOTTI_DIRECTORY_DIR": str(directory)},
        log_dir=root / "logs",
        web=False,
    )
    with stack.running():
        yield stack


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("mitä perhepalveluita pirkkalassa on", "Esimerkkikunnan perhekeskus (kuvitteellinen)"),
        ("kohtaamispaikka pirkkala", "Esimerkkiperheiden kohtaamispaikka (kuvitteellinen)"),
    ],
)
def test_imported_units_are_answered(imported_stack: Stack, question: str, expected: str) -> None:
    text = reply_text(send(imported_stack, f"ptv-{uuid.uuid4().hex}", question))
    assert expected in text, text
