"""The action server wants Rasa's shared token and never echoes a request in an error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from bot.paths import PROJECT_ROOT
from bot.settings import ACTION_TOKEN_VAR
from tests.conftest import free_port

TOKEN = "test-token-0123456789abcdef"
#: Something a parent wrote, inside the tracker Rasa posts.
SECRET_TEXT = "hetuni 131052-308T"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.rasa.actions_server", "--port", str(port)],
        cwd=PROJECT_ROOT,
        env={**os.environ, ACTION_TOKEN_VAR: TOKEN},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2):
                break
        except OSError:
            assert process.poll() is None, "the action server exited"
            assert time.monotonic() < deadline, "the action server did not start"
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(10)


def call(url: str, path: str, body: object = None, raw: bytes | None = None) -> tuple[int, Any]:
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    request = urllib.request.Request(
        url + path, data=data, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        text = error.read().decode()
        return error.code, text


def action_call(tracker: object) -> dict[str, Any]:
    return {
        "next_action": "action_answer",
        "sender_id": "x",
        "tracker": tracker,
        "domain": {},
        "version": "3.6.21",
    }


def test_health_is_open(server: str) -> None:
    assert call(server, "/health") == (200, {"status": "ok"})


@pytest.mark.parametrize("query", ["", "?token=", "?token=wrong", f"?token={TOKEN}x"])
def test_requests_without_the_token_get_401(server: str, query: str) -> None:
    tracker = {"sender_id": "x", "latest_message": {"text": SECRET_TEXT}, "events": []}
    status, body = call(server, "/webhook" + query, action_call(tracker))
    assert status == 401
    assert SECRET_TEXT not in body and json.loads(body) == {"error": "unauthorized"}
    assert call(server, "/actions" + query)[0] == 401


def test_the_right_token_is_let_through(server: str) -> None:
    status, body = call(server, f"/actions?token={TOKEN}")
    assert status == 200 and {"name": "action_answer"} in body, body


@pytest.mark.parametrize(
    "raw",
    [
        json.dumps(action_call({"latest_message": SECRET_TEXT})).encode(),  # breaks the action
        json.dumps([SECRET_TEXT]).encode(),
        SECRET_TEXT.encode(),
    ],
)
def test_errors_never_echo_the_request(server: str, raw: bytes) -> None:
    status, body = call(server, f"/webhook?token={TOKEN}", raw=raw)
    assert status >= 400
    assert "131052" not in body, body
    assert json.loads(body)["error"] in {"internal_error", "bad_request", "Invalid body request"}
