"""A local stand-in for Telegram's Bot API that records what the bot sends."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

TOKEN = "123456:TEST-perhebotti-token"
BOT_NAME = "perhebotti_test_bot"


class BotAPI:
    """Answers Bot API calls for ``TOKEN`` like Telegram does, recording each call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self.handle)
        return app

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        return [params for name, params in self.calls if name == method]

    async def handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        if request.content_type == "application/json":
            params: dict[str, Any] = await request.json()
        else:
            params = dict(await request.post())  # aiogram posts form fields
        for key in ("reply_markup", "allowed_updates"):
            if isinstance(params.get(key), str):
                params[key] = json.loads(params[key])
        self.calls.append((method, params))
        return web.json_response({"ok": True, "result": self.result(method, params)})

    def result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return {"id": 123456, "is_bot": True, "first_name": "Perhebotti", "username": BOT_NAME}
        if method == "sendMessage":
            chat_id = int(params["chat_id"])
            return {
                "message_id": len(self.calls),
                "date": 1732450000,
                "chat": {"id": chat_id, "type": "private"},
                "text": params.get("text", ""),
            }
        return True


def update(update_id: int, chat_id: int, text: str, language: str = "fi") -> dict[str, Any]:
    """A Telegram update as Telegram posts it for a text message in a private chat."""
    sender = {"id": chat_id, "is_bot": False, "first_name": "Maija", "language_code": language}
    message: dict[str, Any] = {
        "message_id": update_id,
        "from": sender,
        "chat": {"id": chat_id, "first_name": "Maija", "type": "private"},
        "date": 1732450000 + update_id,
        "text": text,
    }
    if text.startswith("/"):
        message["entities"] = [{"offset": 0, "length": len(text.split()[0]), "type": "bot_command"}]
    return {"update_id": 100000000 + update_id, "message": message}
