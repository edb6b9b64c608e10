"""Settings come from the environment in one module, with the old names and defaults."""

from __future__ import annotations

import re
import secrets
from pathlib import Path

import pytest

from bot.paths import DIRECTORY_DIR, PROJECT_ROOT, STATE_DIR
from bot.settings import (
    MIN_SESSION_SECRET_CHARS,
    DatabaseSettings,
    Ports,
    action_token,
    directory_dir,
    gateway_settings,
)
from bot.stack import Stack
from bot.web import sessions
from bot.web.__main__ import parse_args

#: Reading a variable (passing ``os.environ`` on to a child process is not reading it).
READS_ENVIRONMENT = re.compile(r"environ\.get|environ\[|getenv|environ\.setdefault")


def test_only_the_settings_module_reads_the_environment() -> None:
    files = [*(PROJECT_ROOT / "bot").rglob("*.py"), *(PROJECT_ROOT / "actions").rglob("*.py")]
    readers = [
        str(path.relative_to(PROJECT_ROOT))
        for path in files
        if READS_ENVIRONMENT.search(path.read_text(encoding="utf-8"))
    ]
    assert readers == ["bot/settings.py"]


def test_defaults() -> None:
    assert Ports.from_env({}) == Ports("127.0.0.1", 5055, 5005, 8000)
    gateway = gateway_settings({})
    assert (gateway.host, gateway.port, gateway.rasa_url) == (
        "127.0.0.1",
        8000,
        "http://127.0.0.1:5005",
    )
    assert (gateway.session_ttl, gateway.max_in_flight) == (12 * 3600, 4)
    assert DatabaseSettings.from_env({}) == DatabaseSettings(None, STATE_DIR)
    assert action_token({}) == ""
    assert directory_dir(environ={}) == DIRECTORY_DIR


@pytest.mark.parametrize(
    ("environ", "gateway_host", "rasa_host"),
    [
        ({}, "127.0.0.1", "127.0.0.1"),
        ({"PERHEBOTTI_HOST": "0.0.0.0"}, "0.0.0.0", "0.0.0.0"),
        ({"PERHEBOTTI_WEB_HOST": "0.0.0.0"}, "0.0.0.0", "127.0.0.1"),
        ({"PERHEBOTTI_HOST": "10.0.0.5", "PERHEBOTTI_WEB_HOST": " "}, "10.0.0.5", "10.0.0.5"),
    ],
)
def test_the_stack_and_the_gateway_alone_listen_on_the_same_interface(
    environ: dict[str, str], gateway_host: str, rasa_host: str
) -> None:
    environ = {**environ, "PERHEBOTTI_WEB_PORT": "8123"}
    alone = gateway_settings(environ)  # python -m bot.web
    stack = Stack(model=Path("unused.tar.gz"), ports=Ports.from_env(environ), action_token="x")
    web, _ = stack.command("web")  # python -m bot run starts python -m bot.web with flags
    in_stack = parse_args(web[web.index("bot.web") + 1 :], alone)
    assert (alone.host, alone.port) == (in_stack.host, in_stack.port) == (gateway_host, 8123)
    assert stack.ports.web_url == f"http://{gateway_host}:8123"
    rasa, _ = stack.command("rasa")
    assert rasa[rasa.index("--interface") + 1] == rasa_host


@pytest.mark.parametrize(
    ("environ", "variable"),
    [
        ({"PERHEBOTTI_RASA_PORT": "rasa"}, "PERHEBOTTI_RASA_PORT"),
        ({"PERHEBOTTI_WEB_PORT": "80a"}, "PERHEBOTTI_WEB_PORT"),
        ({"PERHEBOTTI_SESSION_HOURS": "twelve"}, "PERHEBOTTI_SESSION_HOURS"),
        ({"PERHEBOTTI_MAX_IN_FLIGHT": "4.5"}, "PERHEBOTTI_MAX_IN_FLIGHT"),
        ({"PERHEBOTTI_TRUSTED_PROXIES": "localhost"}, "localhost"),
        ({"PERHEBOTTI_CORS_ORIGINS": "laukaa.fi"}, "web origin"),
    ],
)
def test_an_invalid_value_names_what_is_wrong(environ: dict[str, str], variable: str) -> None:
    with pytest.raises(ValueError, match=variable):
        gateway_settings(environ)


def test_each_gateway_has_its_own_random_secret_by_default() -> None:
    first, second = gateway_settings({}), gateway_settings({})
    assert len(first.secret) == 32 and first.secret != second.secret
    token = sessions.new_token(first.secret)
    assert sessions.conversation_id(second.secret, token) is None


def test_gateways_with_one_session_secret_accept_each_others_tokens() -> None:
    secret = secrets.token_urlsafe(32)
    environ = {"PERHEBOTTI_SESSION_SECRET": f" {secret}\n"}
    first, second = gateway_settings(environ), gateway_settings(environ)
    assert first.secret == second.secret == secret.encode()
    assert secret not in repr(first)
    token = sessions.new_token(first.secret)
    assert sessions.conversation_id(second.secret, token, first.session_ttl) is not None


def test_a_short_session_secret_is_refused() -> None:
    short = "x" * (MIN_SESSION_SECRET_CHARS - 1)
    with pytest.raises(ValueError, match="PERHEBOTTI_SESSION_SECRET is too short"):
        gateway_settings({"PERHEBOTTI_SESSION_SECRET": short})
    assert (
        gateway_settings({"PERHEBOTTI_SESSION_SECRET": "x" + short}).secret == b"x" + short.encode()
    )


def test_the_action_token_is_random_per_run_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    assert action_token({"PERHEBOTTI_ACTION_TOKEN": " abc "}) == "abc"
    monkeypatch.delenv("PERHEBOTTI_ACTION_TOKEN", raising=False)
    first, second = Stack(model=Path("unused.tar.gz")), Stack(model=Path("unused.tar.gz"))
    assert len(first.action_token) >= 32 and first.action_token != second.action_token
    monkeypatch.setenv("PERHEBOTTI_ACTION_TOKEN", "shared")
    assert Stack(model=Path("unused.tar.gz")).action_token == "shared"


def test_the_directory_folder(tmp_path: Path) -> None:
    environ = {"PERHEBOTTI_DIRECTORY_DIR": str(tmp_path)}
    assert directory_dir(environ=environ) == tmp_path
    assert directory_dir(tmp_path / "configured", environ={}) == tmp_path / "configured"
    assert directory_dir(tmp_path / "configured", environ=environ) == tmp_path
