"""Fixtures of the gateway tests: the gateway app in front of a stand-in for Rasa.

The browser tests share headless Chromium, axe-core, a fresh page per test, a gateway served
from a thread in front of a stand-in for Rasa's webhook, and :func:`ask`.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright

from bot.paths import PROJECT_ROOT
from bot.web.app import create_app
from bot.web.settings import Settings
from tests.web.local_server import serving_in_thread

REST_PATH = "/webhooks/rest/webhook"
SITE = "https://www.laukaa.fi"
#: The chat page's field label and send button in each language.
LABELS = {"fi": "Kirjoita kysymyksesi", "sv": "Skriv din fråga", "en": "Type your question"}
SEND = {"fi": "Lähetä", "sv": "Skicka", "en": "Send"}
#: Where the axe-core accessibility engine is installed (npm, git-ignored).
AXE_DIR = PROJECT_ROOT / ".tmp" / "axe"
AXE_VERSION = "4.10.2"
AXE_SCRIPT = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

Client = TestClient


class StandInRasa:
    """Records what the gateway posts; answers like Rasa's REST channel (or misbehaves)."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.delay = 0.0
        self.status = 200
        self.lang: object = None  # when set, the first reply carries it as "lang"

    async def webhook(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.received.append(body)
        await asyncio.sleep(self.delay)
        if self.status != 200:
            return web.json_response({"error": "boom"}, status=self.status)
        first: dict[str, Any] = {
            "recipient_id": body["sender"],
            "text": f"Kysyit: {body['message']}",
        }
        if self.lang is not None:
            first["lang"] = self.lang
        return web.json_response(
            [
                first,
                {
                    "recipient_id": body["sender"],
                    "text": "Valitse kunta",
                    "buttons": [
                        {"title": "Laukaa", "payload": '/inform_place{"place": "410"}'},
                        {"title": 3, "payload": "/broken"},
                    ],
                    "image": "https://example.invalid/x.png",
                },
            ]
        )


@pytest.fixture
def rasa() -> StandInRasa:
    return StandInRasa()


@pytest.fixture
async def rasa_url(rasa: StandInRasa, aiohttp_server: Callable[..., Awaitable[TestServer]]) -> str:
    app = web.Application()
    app.router.add_post(REST_PATH, rasa.webhook)
    server = await aiohttp_server(app)
    return str(server.make_url("")).rstrip("/")


@pytest.fixture
def make_client(
    aiohttp_client: Callable[..., Awaitable[Client]], rasa_url: str
) -> Callable[..., Awaitable[Client]]:
    async def make(**overrides: Any) -> Client:
        settings = Settings(
            rasa_url=overrides.pop("rasa_url", rasa_url),
            cors_origins=frozenset({SITE}),
            rasa_timeout=overrides.pop("rasa_timeout", 2.0),
            **overrides,
        )
        return await aiohttp_client(create_app(settings))

    return make


@pytest.fixture
async def client(make_client: Callable[..., Awaitable[Client]]) -> Client:
    return await make_client()


# --- the browser tests ------------------------------------------------------------------------


def missing(what: str) -> NoReturn:
    """Skip on a developer machine, fail in CI, when a test tool is not installed."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} (CI must install it: scripts/system-deps.sh)")
    pytest.skip(what)


@pytest.fixture(scope="module")  # Playwright's loop must be gone before async tests run
def browser() -> Iterator[Browser]:
    chromium = shutil.which("chromium")
    if chromium is None:
        missing("Chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextmanager
def new_page(browser: Browser, locale: str = "fi-FI") -> Iterator[Page]:
    """A page in a fresh browser context with the visitor's locale, closed afterwards."""
    context = browser.new_context(locale=locale)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    with new_page(browser) as page:
        yield page


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, installed with npm into a git-ignored folder when missing."""
    if not AXE_SCRIPT.exists():
        npm = shutil.which("npm")
        if npm is None:
            missing("npm is not installed, so axe-core cannot be installed")
        subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--prefix", str(AXE_DIR),
             f"axe-core@{AXE_VERSION}"],
            check=True,
            capture_output=True,
        )  # fmt: skip
    return AXE_SCRIPT.read_text()


def axe_violations(page: Page, axe_source: str) -> list[dict[str, Any]]:
    """The serious and critical WCAG 2.1 A/AA violations axe finds on the page."""
    page.evaluate(axe_source)
    result = page.evaluate(
        """async () => (await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
        })).violations"""
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


def assert_accessible(page: Page, axe_source: str) -> None:
    """Fail with each violation's rule, help and first element when axe finds any."""
    violations = axe_violations(page, axe_source)
    assert violations == [], [(v["id"], v["help"], v["nodes"][0]["html"]) for v in violations]


@contextmanager
def serving_gateway(rasa_url: str) -> Iterator[str]:
    """The gateway in front of ``rasa_url``, served from a thread; yields its address."""
    with serving_in_thread(create_app(Settings(rasa_url=rasa_url))) as port:
        yield f"http://127.0.0.1:{port}"


@contextmanager
def gateway_before(webhook: Callable[[web.Request], Awaitable[web.Response]]) -> Iterator[str]:
    """The gateway in front of a stand-in for Rasa's REST webhook; yields its address."""
    rasa = web.Application()
    rasa.router.add_post(REST_PATH, webhook)
    with (
        serving_in_thread(rasa) as rasa_port,
        serving_gateway(f"http://127.0.0.1:{rasa_port}") as url,
    ):
        yield url


def ask(page: Page, text: str, language: str = "fi", replies: int = 1) -> Locator:
    """Type a question in the field labelled in ``language`` and send it with Enter.

    Waits until ``replies`` more bot messages are shown and the page's status is clear.

    Returns:
        The first new bot message.
    """
    answers = page.locator(".pb-bot")
    before = answers.count()
    page.get_by_label(LABELS[language]).fill(text)
    page.keyboard.press("Enter")
    page.wait_for_function(
        "([n, more]) => document.querySelectorAll('.pb-bot').length >= n + more",
        arg=[before, replies],
        timeout=30_000,
    )
    expect(page.locator(".pb-status")).to_have_text("")
    return answers.nth(before)
