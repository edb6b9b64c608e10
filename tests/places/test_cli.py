"""``python -m bot places``: codes per line, --explain; ``python -m tools.places_bench``."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from bot.paths import PROJECT_ROOT
from bot.places.cli import main

LINES = "asun Laukaassa\nei mitään\nJyväskylästä Keski-Suomeen ja Lahteen\nHyPe\n"


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *flags: str) -> str:
    monkeypatch.setattr(sys, "stdin", io.StringIO(LINES))
    assert main(["places", *flags]) == 0
    return capsys.readouterr().out


def test_prints_codes_per_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(monkeypatch, capsys) == "410\n\n179\t398\n\n"


def test_explain_says_what_matched(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = run(monkeypatch, capsys, "--explain").splitlines()
    assert lines[0] == "410"
    assert lines[1].startswith("  'Laukaassa' [5:14] → municipality 410 (1.00): Laukaa")
    assert any("region region:Keski-Suomi" in line for line in lines)
    assert any("unit laukaa-hype" in line for line in lines)


def test_runs_as_a_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "places"],
        input="Seinäjoella\n",
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=True,
    )
    assert result.stdout == "743\n"


def test_the_bench_is_a_developer_tool_outside_the_bot() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "places", "--bench"],
        input="",
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=False,
    )
    assert result.returncode == 2  # gone from the bot: python -m tools.places_bench
    assert not (PROJECT_ROOT / "bot" / "places" / "bench.py").exists()
