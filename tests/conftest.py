"""Shared fixtures: the trained model and the real running bot (action server, Rasa, gateway)."""

from __future__ import annotations

import json
import socket
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.settings import Ports
from bot.stack import Stack
from bot.training import ensure_model


def free_port() -> int:
    """Return a TCP port that is free on the loopback interface right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def free_ports() -> Ports:
    """Ports for one stack, all free."""
    return Ports(action=free_port(), rasa=free_port(), web=free_port())


@pytest.fixture(scope="session")
def trained_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The model for the current training data (trained once, reused while data is unchanged)."""
    log = tmp_path_factory.mktemp("train") / "train.log"
    with log.open("w") as handle:
        try:
            return ensure_model(log=handle)
        except RuntimeError as error:
            pytest.fail(f"{error}\n{log.read_text()[-4000:]}")


@pytest.fixture(scope="session")
def bot_stack(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The real bot on free ports with its own conversation database; stopped after the run."""
    state = tmp_path_factory.mktemp("stack")
    stack = Stack(
        model=trained_model,
        ports=free_ports(),
        env={"PERHEBOTTI_STATE_DIR": str(state)},
        log_dir=state / "logs",
    )
    with stack.running():
        yield stack


def send(stack: Stack, sender: str, message: str) -> list[dict[str, Any]]:
    """Send one message over Rasa's REST webhook and return the bot's replies."""
    request = urllib.request.Request(
        f"{stack.ports.rasa_url}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": message}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        replies: list[dict[str, Any]] = json.loads(response.read())
        return replies


def reply_text(replies: list[dict[str, Any]]) -> str:
    """All reply texts and button titles of one turn, joined for assertions."""
    parts: list[str] = []
    for reply in replies:
        parts.append(reply.get("text", ""))
        parts += [button["title"] for button in reply.get("buttons", [])]
    return "\n".join(parts)
