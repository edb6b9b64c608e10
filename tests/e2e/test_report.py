"""From real conversations to the report: a fallback, a 👎 and a handoff request go through
the real servers into the conversation store, and the report shows them masked and counted,
with charts, and passes axe."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser

from bot.report.cli import main
from bot.stack import Stack
from tests.conftest import reply_text, send
from tests.report.test_accessibility import violations_of
from tests.web.conftest import axe_source, browser

__all__ = ["axe_source", "browser"]  # the fixtures this test uses

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

PHONE = "040 123 4567"


def summary_count(page: str, category: str) -> int:
    match = re.search(rf"<li>{re.escape(category)}: <strong>(\d+)</strong></li>", page)
    assert match is not None, category
    return int(match.group(1))


def test_conversations_end_up_in_the_report(
    bot_stack: Stack,
    browser: Browser,
    axe_source: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parent, other = f"report-{uuid.uuid4().hex[:8]}", f"report-{uuid.uuid4().hex[:8]}"

    answer = send(bot_stack, parent, "Mitä palveluita Muuramessa on?")
    assert "Hanna Hämäläinen" in reply_text(answer)
    assert answer[-1]["text"].endswith("Auttoiko vastaus?")
    payloads = [button["payload"] for button in answer[-1]["buttons"]]
    assert payloads[:2] == ["/feedback_helpful", "/feedback_not_helpful"]
    thanks = reply_text(send(bot_stack, parent, "/feedback_not_helpful"))
    assert "Kiitos palautteesta" in thanks
    send(bot_stack, parent, f"xyzzy plugh qwerty {PHONE} zork")

    fallback = reply_text(send(bot_stack, other, "blorf snarg vimble quux"))
    assert "Lähde:" not in fallback
    asked = reply_text(send(bot_stack, other, "haluan puhua ihmiselle"))
    assert "Missä kunnassa asut?" in asked
    card = reply_text(send(bot_stack, other, "Laukaa"))
    assert card.startswith("En voi siirtää tätä keskustelua ihmiselle")
    assert "HyPe" in card and "09 2525 0111" in card

    monkeypatch.delenv("PERHEBOTTI_DATABASE_URL", raising=False)
    monkeypatch.setenv("PERHEBOTTI_STATE_DIR", bot_stack.env["PERHEBOTTI_STATE_DIR"])
    out, stub = tmp_path / "report", tmp_path / "unanswered.yml"
    assert main(["report", "--since", "1d", "--out", str(out), "--nlu-out", str(stub)]) == 0

    page = (out / "index.html").read_text(encoding="utf-8")
    assert PHONE not in page and "[puhelinnumero]" in page
    assert summary_count(page, "Pyysi ihmistä") >= 1
    assert summary_count(page, "Palaute: ei auttanut") >= 1
    assert summary_count(page, "Ei ymmärretty (fallback)") >= 1
    for text in ("haluan puhua ihmiselle", "blorf snarg vimble quux", "Muuramessa"):
        assert text in page
    assert page.count('role="img"') >= 3 and "<title id=" in page
    assert "Muurame" in (out / "kunnat.csv").read_text(encoding="utf-8-sig")

    examples = "".join(block["examples"] for block in yaml.safe_load(stub.read_text())["nlu"])
    assert "blorf snarg vimble quux" in examples and PHONE not in examples

    assert violations_of(browser, out / "index.html", axe_source) == []
