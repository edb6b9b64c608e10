"""The chat page in Swedish, English and Finnish, in headless Chromium, with a stand-in for Rasa.

The page takes the visitor's language from ``?lang=``, else the browser's languages; it sends
the language as the hint ``metadata.language`` and marks each message with ``lang``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from aiohttp import web
from playwright.sync_api import Browser, Page, expect

from bot.web.app import create_app
from bot.web.settings import Settings
from tests.web.local_server import serving_in_thread
from tests.web.test_browser import LABELS, SEND, axe_source, axe_violations, browser

__all__ = ["axe_source", "browser"]  # the fixtures these tests use

pytestmark = [pytest.mark.browser]


async def rasa_in_the_hint_language(request: web.Request) -> web.Response:
    """Stands in for Rasa: answers in the language of the page's hint, marked with ``lang``."""
    body = await request.json()
    language = body.get("metadata", {}).get("language", "fi")
    return web.json_response(
        [
            {"recipient_id": body["sender"], "text": f"[{language}] {body['message']}",
             "lang": language, "buttons": [{"title": "Laukaa", "payload": "/inform_place"}]},
            {"recipient_id": body["sender"], "text": "Laukaa"},
        ]
    )  # fmt: skip


@pytest.fixture(scope="module")
def gateway_in_languages() -> Iterator[str]:
    rasa = web.Application()
    rasa.router.add_post("/webhooks/rest/webhook", rasa_in_the_hint_language)
    with serving_in_thread(rasa) as rasa_port:
        settings = Settings(rasa_url=f"http://127.0.0.1:{rasa_port}")
        with serving_in_thread(create_app(settings)) as port:
            yield f"http://127.0.0.1:{port}"


def ask_in(page: Page, language: str, text: str) -> Any:
    """Like :func:`ask`, with the field's label in ``language``."""
    answers = page.locator(".pb-bot")
    before = answers.count()
    page.get_by_label(LABELS[language]).fill(text)
    page.keyboard.press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('.pb-bot').length > n + 1", arg=before, timeout=30_000
    )
    expect(page.locator(".pb-status")).to_have_text("")
    return answers.nth(before)


@pytest.mark.parametrize(
    ("address", "locale", "language"),
    [
        ("/?lang=sv", "fi-FI", "sv"),
        ("/?lang=en", "sv-FI", "en"),
        ("/?lang=fi", "en-GB", "fi"),
        ("/", "sv-FI", "sv"),  # the browser's language
        ("/", "en-US", "en"),
        ("/", "de-DE", "fi"),  # a language the bot does not speak: Finnish
        ("/?lang=xx", "en-GB", "en"),
    ],
)
def test_page_follows_the_visitors_language(
    browser: Browser,
    gateway_in_languages: str,
    axe_source: str,
    address: str,
    locale: str,
    language: str,
) -> None:
    context = browser.new_context(locale=locale)
    page = context.new_page()
    try:
        page.goto(gateway_in_languages + address)
        assert page.locator("html").get_attribute("lang") == language
        expect(page.get_by_role("button", name=SEND[language])).to_be_visible()
        answer = ask_in(page, language, "Hej")
        assert f"[{language}] Hej" in answer.inner_text()
        assert page.locator(".pb-user").last.get_attribute("lang") == language
        assert answer.get_attribute("lang") == language  # the reply's own lang
        assert page.locator(".pb-bot").last.get_attribute("lang") == language  # page's
        violations = axe_violations(page, axe_source)
        assert violations == [], [(v["id"], v["help"], v["nodes"][0]["html"]) for v in violations]
    finally:
        context.close()


def test_a_bot_message_in_another_language_is_marked_so(
    browser: Browser, gateway_in_languages: str
) -> None:
    """The page is in English; the bot's reply says it is in Swedish (the lead's ``lang``)."""
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.route(
        "**/api/messages",
        lambda route: route.continue_(post_data=route.request.post_data.replace('"en"', '"sv"')),
    )
    try:
        page.goto(gateway_in_languages + "/")
        answer = ask_in(page, "en", "Hej")
        assert answer.get_attribute("lang") == "sv"
        assert page.locator(".pb-user").last.get_attribute("lang") == "en"
    finally:
        context.close()
