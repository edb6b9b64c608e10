"""The chat page and the widget in headless Chromium, against the real running bot."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from aiohttp import web
from playwright.sync_api import Page, ViewportSize, expect

from bot.paths import PROJECT_ROOT
from bot.stack import Stack
from tests.conftest import free_port
from tests.web.conftest import (
    LABELS,
    ask,
    assert_accessible,
    gateway_before,
    serving_gateway,
)
from tests.web.local_server import serving_in_thread

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

HYPE_QUESTION = "Mitä palveluita Laukaan HyPessä on?"


def assert_hype_services(text: str) -> None:
    assert "HyPe" in text
    services = ("lääkäri", "sairaanhoitaja", "nuoriso", "parisuhde", "perheneuvola")
    assert any(service in text.lower() for service in services), text


def test_page_answers_a_question(bot_stack: Stack, page: Page) -> None:
    page.goto(bot_stack.ports.web_url + "/")
    assert page.locator("html").get_attribute("lang") == "fi"
    answer = ask(page, HYPE_QUESTION)
    assert_hype_services(answer.inner_text())
    expect(page.locator(".pb-user").last).to_contain_text(HYPE_QUESTION)


def test_buttons_are_clickable(bot_stack: Stack, page: Page) -> None:
    page.goto(bot_stack.ports.web_url + "/")
    greeting = ask(page, "Hei")
    button = greeting.get_by_role("button", name=HYPE_QUESTION)
    button.click()
    page.wait_for_function("() => document.querySelectorAll('.pb-bot').length > 1")
    expect(page.locator(".pb-user").last).to_have_text("Sinä: " + HYPE_QUESTION)
    assert_hype_services(page.locator(".pb-bot").last.inner_text())


def focused(page: Page) -> dict[str, str]:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {id: el.id, text: el.textContent, tag: el.tagName,
                    outline: style.outlineStyle, width: style.outlineWidth};
        }"""
    )


def tab_to(page: Page, condition: str, limit: int = 30, key: str = "Tab") -> dict[str, str]:
    """Press Tab until the focused element matches ``condition`` (JS on ``el``)."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {condition}; }})()"):
            return focused(page)
    raise AssertionError(f"Tab never reached {condition}")


def test_whole_conversation_with_keyboard_only(bot_stack: Stack, page: Page) -> None:
    page.goto(bot_stack.ports.web_url + "/")
    field = tab_to(page, "el.tagName === 'INPUT'")
    assert field["outline"] != "none" and field["width"] != "0px"  # visible focus
    page.keyboard.type("Hei")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('.pb-choice').length > 0")

    choice = tab_to(page, f"el.textContent === {HYPE_QUESTION!r}", key="Shift+Tab")
    assert choice["tag"] == "BUTTON" and choice["outline"] != "none"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('.pb-bot').length > 1")
    assert_hype_services(page.locator(".pb-bot").last.inner_text())

    assert focused(page)["tag"] == "INPUT"  # back in the field, ready for the next question
    page.keyboard.type("Kiitos")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('.pb-bot').length > 2")
    assert page.locator(".pb-error").count() == 0


@pytest.mark.parametrize(
    "viewport",
    [
        {"width": 1280, "height": 800},
        {"width": 640, "height": 400},  # a 1280x800 screen at 200 % zoom
        {"width": 360, "height": 640},  # a phone
    ],
    ids=["desktop", "zoom200", "phone"],
)
def test_accessibility_and_reflow(
    bot_stack: Stack, page: Page, axe_source: str, viewport: ViewportSize
) -> None:
    page.set_viewport_size(viewport)
    page.goto(bot_stack.ports.web_url + "/")
    ask(page, "Hei")
    assert_accessible(page, axe_source)
    no_sideways_scroll = "document.documentElement.scrollWidth <= window.innerWidth"
    assert page.evaluate(no_sideways_scroll)
    for control in (page.get_by_label("Kirjoita kysymyksesi"), page.get_by_text("Lähetä")):
        box = control.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]


@dataclass(frozen=True)
class Sites:
    """A gateway and a municipality's site that embeds its widget."""

    gateway: str
    allowed_site: str  # listed in the gateway's CORS origins
    other_site: str  # the same page from an origin that is not listed


async def municipal_page(request: web.Request) -> web.Response:
    """A municipality's page with the README's widget snippet pasted in."""
    gateway = request.query["gateway"]
    lang = {"sv": "sv", "en": "en"}.get(request.query.get("page_lang", ""), "fi")
    return web.Response(
        content_type="text/html",
        text=f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Kunta</title>'
        f'<script src="{gateway}/widget.js" defer></script></head>'
        "<body><main><h1>Perhepalvelut</h1><p>Kunnan sivu.</p></main></body></html>",
    )


@pytest.fixture(scope="module")
def sites(bot_stack: Stack) -> Iterator[Sites]:
    """Serve the municipal page, and a gateway that lets (only) its origin use the chat."""
    app = web.Application()
    app.router.add_get("/", municipal_page)
    with serving_in_thread(app) as site_port:
        allowed_site = f"http://localhost:{site_port}"
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.web", "--port", str(port),
             "--rasa-url", bot_stack.ports.rasa_url, "--cors-origins", allowed_site],
            cwd=PROJECT_ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        gateway = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 20
            while True:
                try:
                    with urllib.request.urlopen(f"{gateway}/healthz", timeout=1):
                        break
                except OSError:
                    if time.monotonic() > deadline or process.poll() is not None:
                        raise
                    time.sleep(0.2)
            yield Sites(gateway, allowed_site, f"http://127.0.0.1:{site_port}")
        finally:
            process.terminate()
            process.wait(10)


def open_site(page: Page, site: str, gateway: str) -> None:
    page.goto(f"{site}/?gateway={gateway}")


def test_widget_on_a_municipal_page(sites: Sites, page: Page, axe_source: str) -> None:
    open_site(page, sites.allowed_site, sites.gateway)
    launcher = page.get_by_role("button", name="Kysy Perhebotilta")
    launcher.focus()
    page.keyboard.press("Enter")
    inner = "document.activeElement.shadowRoot.activeElement.getAttribute('class')"
    assert page.evaluate(inner) == "pb-input"  # opening the panel moved focus to the field
    page.keyboard.type(HYPE_QUESTION)
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('#perhebotti-widget')"
        ".shadowRoot.querySelectorAll('.pb-bot').length > 0",
        timeout=30_000,
    )
    assert_hype_services(page.locator(".pb-bot").last.inner_text())
    assert_accessible(page, axe_source)
    page.keyboard.press("Escape")
    expect(launcher).to_be_focused()


def test_widget_on_a_site_not_allowed(sites: Sites, page: Page) -> None:
    open_site(page, sites.other_site, sites.gateway)
    page.get_by_role("button", name="Kysy Perhebotilta").click()
    page.get_by_label("Kirjoita kysymyksesi").fill("Hei")
    page.keyboard.press("Enter")
    expect(page.locator(".pb-error")).to_be_visible()
    assert page.locator(".pb-bot").count() == 0


HOSTILE_REPLY = (
    "Soita [040 123 4567](tel:+358401234567) tai [hype@laukaa.fi](mailto:hype@laukaa.fi), "
    "lue [HyPe](https://www.laukaa.fi/hype). <img src=x onerror=alert(1)> "
    "[klikkaa](javascript:alert(1))"
)


async def hostile_rasa(request: web.Request) -> web.Response:
    """Stands in for Rasa with a reply full of links and HTML that must stay text."""
    return web.json_response([{"recipient_id": "x", "text": HOSTILE_REPLY}])


@pytest.fixture(scope="module")
def gateway_to_standin() -> Iterator[str]:
    with gateway_before(hostile_rasa) as gateway:
        yield gateway


def test_links_are_real_and_bot_text_is_never_html(gateway_to_standin: str, page: Page) -> None:
    page.goto(gateway_to_standin + "/")
    answer = ask(page, "Hei")
    links = answer.locator("a")
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
        "tel:+358401234567",
        "mailto:hype@laukaa.fi",
        "https://www.laukaa.fi/hype",
    ]
    assert answer.locator("img").count() == 0
    text = answer.inner_text()
    assert "<img src=x onerror=alert(1)>" in text
    assert "[klikkaa](javascript:alert(1))" in text


def test_bot_down_shows_friendly_message(page: Page) -> None:
    closed_port = free_port()  # nothing listens there
    with serving_gateway(f"http://127.0.0.1:{closed_port}") as gateway:
        page.goto(gateway + "/")
        page.get_by_label("Kirjoita kysymyksesi").fill("Hei")
        page.keyboard.press("Enter")
        error = page.locator(".pb-error")
        expect(error).to_contain_text("Perhebotti ei ole juuri nyt käytettävissä", timeout=5_000)
        expect(error).to_contain_text("112")


@pytest.mark.parametrize(
    ("page_lang", "launcher"), [("sv", "Fråga Perhebotti"), ("en", "Ask Perhebotti")]
)
def test_widget_follows_the_embedding_pages_language(
    sites: Sites, page: Page, axe_source: str, page_lang: str, launcher: str
) -> None:
    page.goto(f"{sites.allowed_site}/?gateway={sites.gateway}&page_lang={page_lang}")
    page.get_by_role("button", name=launcher).click()
    expect(page.get_by_label(LABELS[page_lang])).to_be_visible()
    assert_accessible(page, axe_source)
