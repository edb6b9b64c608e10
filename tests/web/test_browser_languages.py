"""The chat page in Swedish, English and Finnish, in headless Chromium, with a stand-in for Rasa.

The page takes the visitor's language from ``?lang=``, else the browser's languages; it sends
the language as the hint ``metadata.language`` and marks each message with ``lang``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from aiohttp import web
from playwright.sync_api import Browser, expect

from tests.web.conftest import SEND, ask, assert_accessible, gateway_before, new_page

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
    with gateway_before(rasa_in_the_hint_language) as gateway:
        yield gateway


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
    with new_page(browser, locale) as page:
        page.goto(gateway_in_languages + address)
        assert page.locator("html").get_attribute("lang") == language
        expect(page.get_by_role("button", name=SEND[language])).to_be_visible()
        answer = ask(page, "Hej", language, replies=2)
        assert f"[{language}] Hej" in answer.inner_text()
        assert page.locator(".pb-user").last.get_attribute("lang") == language
        assert answer.get_attribute("lang") == language  # the reply's own lang
        assert page.locator(".pb-bot").last.get_attribute("lang") == language  # page's
        assert_accessible(page, axe_source)


def test_a_bot_message_in_another_language_is_marked_so(
    browser: Browser, gateway_in_languages: str
) -> None:
    """The page is in English; the bot's reply says it is in Swedish (the lead's ``lang``)."""
    with new_page(browser, "en-GB") as page:
        page.route(
            "**/api/messages",
            lambda route: route.continue_(
                post_data=route.request.post_data.replace('"en"', '"sv"')
            ),
        )
        page.goto(gateway_in_languages + "/")
        answer = ask(page, "Hej", "en", replies=2)
        assert answer.get_attribute("lang") == "sv"
        assert page.locator(".pb-user").last.get_attribute("lang") == "en"
