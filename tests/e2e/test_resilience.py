"""A parent never gets silence: servers are killed mid-conversation in a stack of our own.

The shared ``bot_stack`` is left alone; this module starts its own real stack (guarded action
server, Rasa, gateway), kills its children one by one and lets :class:`Supervisor` bring
them back. The tests run in order and share the stack.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.rasa.rest import NO_REPLY_TEXT
from bot.stack import Stack
from bot.supervisor import Supervisor
from tests.conftest import free_ports, reply_text, send

pytestmark = pytest.mark.e2e

QUESTION = "Mitä palveluita Laukaan HyPessä on?"


@pytest.fixture(scope="module")
def stack(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    state = tmp_path_factory.mktemp("resilience")
    own = Stack(
        model=trained_model,
        ports=free_ports(),
        env={"PERHEBOTTI_STATE_DIR": str(state)},
        log_dir=state / "logs",
    )
    with own.running():
        yield own


def _post(url: str, body: object, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def _ask_gateway(stack: Stack, text: str) -> tuple[int, Any]:
    origin = {"Origin": stack.ports.web_url}
    status, session = _post(f"{stack.ports.web_url}/api/session", {}, origin)
    assert status == 201
    body = {"session": session["session"], "message": text}
    return _post(f"{stack.ports.web_url}/api/messages", body, origin)


def _kill(stack: Stack, name: str) -> None:
    process = stack.processes[name]
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(10)


def _supervise_until_up(stack: Stack, name: str, url: str, timeout: float) -> Supervisor:
    supervisor = Supervisor(stack, min_delay=0.5)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        supervisor.check()
        if supervisor.restarts.get(name):
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        return supervisor
            except OSError:
                pass
        time.sleep(0.5)
    pytest.fail(f"{name} was not restarted within {timeout:.0f} s")


@pytest.mark.parametrize("service", ["rasa", "action"])
def test_an_incomplete_request_is_cut_off(stack: Stack, service: str) -> None:
    """A client that sends half a request head is disconnected by the server's read timeout."""
    port = stack.ports.rasa if service == "rasa" else stack.ports.action
    with socket.create_connection(("127.0.0.1", port), timeout=60) as client:
        client.sendall(b"POST /webhooks/rest/webhook HTTP/1.1\r\nHost: x\r\n")
        started = time.monotonic()
        try:
            closed = client.recv(4096) is not None  # a 408 or an empty read: cut off
        except (ConnectionResetError, TimeoutError):
            closed = True
        waited = time.monotonic() - started
    # The timeout is 10 s (bot/stack.py SERVER_TIMEOUTS); Sanic's default would be 60 s.
    assert closed and waited < 40


def test_rasa_reaches_the_guarded_action_server_and_others_cannot(stack: Stack) -> None:
    replies = send(stack, "resilience-1", QUESTION)
    assert replies and NO_REPLY_TEXT not in reply_text(replies)
    tracker = {"next_action": "action_answer", "sender_id": "x", "tracker": {}, "domain": {}}
    status, body = _post(f"{stack.ports.action_url}/webhook", tracker)
    assert (status, body) == (401, {"error": "unauthorized"})


def test_action_server_down_gives_an_apology_with_112_not_silence(stack: Stack) -> None:
    send(stack, "resilience-2", "asun Laukaassa")
    _kill(stack, "actions")
    replies = send(stack, "resilience-2", QUESTION)
    assert [reply["text"] for reply in replies] == [NO_REPLY_TEXT]
    assert "112" in NO_REPLY_TEXT
    status, answer = _ask_gateway(stack, QUESTION)
    assert status == 200 and [m["text"] for m in answer["messages"]] == [NO_REPLY_TEXT]


def test_a_crashed_action_server_is_restarted_and_answers_again(stack: Stack) -> None:
    if stack.processes["actions"].poll() is None:
        _kill(stack, "actions")
    others = {name: stack.processes[name].pid for name in ("rasa", "web")}
    _supervise_until_up(stack, "actions", f"{stack.ports.action_url}/health", 60)
    assert {name: stack.processes[name].pid for name in ("rasa", "web")} == others
    replies = send(stack, "resilience-3", QUESTION)
    assert replies and NO_REPLY_TEXT not in reply_text(replies)


def test_gateway_says_the_bot_is_down_while_rasa_restarts(stack: Stack) -> None:
    _kill(stack, "rasa")
    status, answer = _ask_gateway(stack, QUESTION)
    assert status == 503 and answer["error"] == "bot_unavailable"
    assert "112" in answer["message"]
    assert stack.processes["web"].poll() is None
    _supervise_until_up(stack, "rasa", f"{stack.ports.rasa_url}/webhooks/rest/", 240)
    status, answer = _ask_gateway(stack, QUESTION)
    assert status == 200 and answer["messages"]
    assert NO_REPLY_TEXT not in [m["text"] for m in answer["messages"]]
