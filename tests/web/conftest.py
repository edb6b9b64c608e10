"""Fixtures of the gateway tests: the gateway app in front of a stand-in for Rasa."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.web.app import create_app
from bot.web.settings import Settings

REST_PATH = "/webhooks/rest/webhook"
SITE = "https://www.laukaa.fi"

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
