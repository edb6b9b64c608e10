"""A running action server survives a broken directory edit and keeps answering."""

from __future__ import annotations

import json
import shutil
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from bot.paths import DIRECTORY_DIR
from bot.stack import Stack
from tests.conftest import free_ports

pytestmark = pytest.mark.e2e


def ask_services_in_laukaa(stack: Stack) -> str:
    """Call action_answer over the action server's webhook, as Rasa does."""
    body: dict[str, Any] = {
        "next_action": "action_answer",
        "sender_id": "editor-test",
        "version": "3.6.2",
        "domain": {},
        "tracker": {
            "sender_id": "editor-test",
            "slots": {"place": "410", "unit": None, "person": None, "question": None},
            "latest_message": {
                "text": "mitä palveluita laukaassa on",
                "intent": {"name": "ask_services", "confidence": 1.0},
                "entities": [{"entity": "place", "value": "410", "start": 23, "end": 32}],
            },
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        },
    }
    request = urllib.request.Request(
        f"{stack.ports.action_url}/webhook?token={stack.action_token}",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        result = json.loads(response.read())
    return "\n".join(message.get("text") or "" for message in result["responses"])


def test_broken_edit_keeps_the_last_good_directory(tmp_path: Path) -> None:
    directory = tmp_path / "directory"
    shutil.copytree(DIRECTORY_DIR, directory)
    stack = Stack(
        model=Path("unused"),
        ports=free_ports(),
        env={"PERHEBOTTI_DIRECTORY_DIR": str(directory)},
        log_dir=tmp_path / "logs",
    )
    units = directory / "units.yaml"
    good = units.read_text(encoding="utf-8")
    try:
        stack.start_actions()
        assert "HyPe" in ask_services_in_laukaa(stack)

        units.write_text(good.replace('area: {municipalities: ["410"]}', "area: [oops"))
        time.sleep(2.5)  # the store looks at the files at most every 2 s
        after_broken_edit = ask_services_in_laukaa(stack)
        assert "HyPe" in after_broken_edit
        log = (tmp_path / "logs" / "actions.log").read_text()
        assert "units.yaml" in log

        fixed = good.replace(
            "title: Laukaan hyvinvointi- ja perhekeskus HyPe", "title: HyPen uusi esittely"
        )
        units.write_text(fixed)
        time.sleep(2.5)
        assert "[HyPen uusi esittely]" in ask_services_in_laukaa(stack)
    finally:
        stack.stop()
