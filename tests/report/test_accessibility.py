"""The report page and the coverage page in headless Chromium, checked with axe (WCAG 2.1 AA)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from bot.directory.coverage import write_report as write_coverage
from bot.directory.store import DirectoryStore
from bot.report.cli import main
from tests.report.conversations import write_store
from tests.report.test_report import conversations
from tests.web.conftest import axe_violations

pytestmark = pytest.mark.browser


def violations_of(browser: Browser, page_file: Path, axe_source: str) -> list[tuple[str, str]]:
    """The serious and critical axe violations of a local HTML file, at desktop and phone size."""
    found: list[tuple[str, str]] = []
    for width, height in ((1280, 800), (360, 640)):
        context = browser.new_context(locale="fi-FI", viewport={"width": width, "height": height})
        page = context.new_page()
        page.goto(page_file.as_uri())
        found += [(v["id"], v["nodes"][0]["html"][:200]) for v in axe_violations(page, axe_source)]
        context.close()
    return found


def test_the_report_passes_axe(
    browser: Browser, axe_source: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PERHEBOTTI_DATABASE_URL", write_store(tmp_path / "c.db", conversations()))
    assert main(["report", "--out", str(tmp_path / "report")]) == 0
    assert violations_of(browser, tmp_path / "report" / "index.html", axe_source) == []


def test_the_coverage_page_passes_axe(browser: Browser, axe_source: str, tmp_path: Path) -> None:
    write_coverage(DirectoryStore(watch=False).current(), tmp_path / "coverage")
    assert violations_of(browser, tmp_path / "coverage" / "index.html", axe_source) == []
