"""Rate limiter, conversation tokens and settings of the gateway."""

from __future__ import annotations

import re

import pytest

from bot.privacy import PRIVACY_NOTICE
from bot.settings import gateway_settings
from bot.web import sessions
from bot.web.__main__ import parse_args
from bot.web.app import STATIC_DIR
from bot.web.ratelimit import RateLimiter
from bot.web.settings import parse_origins


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_rate_limiter_sliding_window() -> None:
    clock = Clock()
    limiter = RateLimiter(limit=2, window=10, clock=clock)
    assert limiter.hit("a") == 0
    clock.now += 4
    assert limiter.hit("a") == 0
    assert limiter.hit("a") == pytest.approx(6)
    assert limiter.hit("b") == 0
    clock.now += 6
    assert limiter.hit("a") == 0  # the first event left the window
    assert limiter.hit("a") == pytest.approx(4)


def test_rate_limiter_forgets_idle_keys() -> None:
    clock = Clock()
    limiter = RateLimiter(limit=1, window=10, clock=clock)
    for key in range(100):
        limiter.hit(str(key))
    clock.now += 11
    limiter.hit("new")
    assert limiter.hit("0") == 0
    assert len(limiter._events) == 2


def test_tokens_are_random_signed_and_checked() -> None:
    secret = b"k" * 32
    token = sessions.new_token(secret)
    conversation = sessions.conversation_id(secret, token)
    assert conversation is not None and conversation.startswith("web-")
    assert token.startswith(conversation + ".")
    assert sessions.new_token(secret) != token
    assert sessions.conversation_id(b"x" * 32, token) is None
    assert sessions.conversation_id(secret, token + "a") is None
    assert sessions.conversation_id(secret, "web-chosen-by-client") is None
    assert sessions.conversation_id(secret, None) is None


def test_parse_origins() -> None:
    assert parse_origins(" https://www.laukaa.fi/, http://localhost:8080 ,") == {
        "https://www.laukaa.fi",
        "http://localhost:8080",
    }
    assert parse_origins("") == frozenset()
    for bad in ("www.laukaa.fi", "https://www.laukaa.fi/chat", "ftp://x.fi", "*"):
        with pytest.raises(ValueError):
            parse_origins(bad)


def test_settings_from_env_and_flags() -> None:
    env = {
        "PERHEBOTTI_WEB_HOST": "0.0.0.0",
        "PERHEBOTTI_WEB_PORT": "8100",
        "PERHEBOTTI_RASA_URL": "http://rasa:5005/",
        "PERHEBOTTI_CORS_ORIGINS": "https://www.laukaa.fi",
    }
    settings = gateway_settings(env)
    assert (settings.host, settings.port, settings.rasa_url) == (
        "0.0.0.0",
        8100,
        "http://rasa:5005",
    )
    assert settings.cors_origins == {"https://www.laukaa.fi"}
    assert gateway_settings({}).port == 8000

    flags = parse_args(["--port", "9000", "--rasa-url", "http://127.0.0.1:5999/"], settings)
    assert (flags.host, flags.port, flags.rasa_url) == ("0.0.0.0", 9000, "http://127.0.0.1:5999")
    assert flags.cors_origins == {"https://www.laukaa.fi"}
    assert flags.secret == settings.secret
    with pytest.raises(ValueError):
        gateway_settings({"PERHEBOTTI_CORS_ORIGINS": "laukaa.fi"})


def test_chat_shows_the_privacy_notice() -> None:
    script = (STATIC_DIR / "chat.js").read_text(encoding="utf-8")
    match = re.search(r'privacy:\s*"([^"]*)" \+\s*"([^"]*)"', script)
    assert match is not None
    assert match.group(1) + match.group(2) == PRIVACY_NOTICE
    assert "chat.append(intro, privacy," in script
