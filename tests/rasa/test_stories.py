"""Rasa's own story test: every rule and the chained conversations predict the right actions."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from bot.paths import PROJECT_ROOT
from bot.training import QUIET_ENV, RASA

STORIES = PROJECT_ROOT / "tests" / "stories"


def test_test_stories_have_no_prediction_errors(trained_model: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [RASA, "test", "core", "--model", str(trained_model), "--stories", str(STORIES),
         "--out", str(tmp_path), "--fail-on-prediction-errors", "--no-plot"],
        cwd=PROJECT_ROOT,
        env={**os.environ, **QUIET_ENV},
        capture_output=True,
        text=True,
        timeout=600,
    )  # fmt: skip
    failed = tmp_path / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}\n{details}"
