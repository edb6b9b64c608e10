"""The chat gateway: serves the chat page and widget, and relays messages to Rasa.

The browser only ever talks to this app. It gets a conversation token from
``POST /api/session`` and sends ``POST /api/messages`` with ``{"session", "message"}`` and
the page's language as ``"metadata": {"language": "sv"}``; the gateway checks the token, the
size and the rate, and forwards the text (and the language, when it is "fi", "sv" or "en") to
Rasa's REST channel with the conversation id as the sender.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

from bot.directory.model import Language
from bot.web import rasa_client, sessions
from bot.web.clients import client_address, client_scheme
from bot.web.fairqueue import CallerGoneError, FairQueue, QueueFullError
from bot.web.ratelimit import RateLimiter
from bot.web.settings import Settings

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"

SETTINGS = web.AppKey("settings", Settings)
CLIENT = web.AppKey("client", aiohttp.ClientSession)
MESSAGE_LIMITER = web.AppKey("message_limiter", RateLimiter)
SESSION_LIMITER = web.AppKey("session_limiter", RateLimiter)
QUEUE = web.AppKey("queue", FairQueue)

_TRY_AGAIN = "Yritä hetken kuluttua uudelleen. Hätätilanteessa soita 112."

#: What the user reads when something goes wrong, by error code.
ERROR_TEXTS: dict[str, str] = {
    "invalid_json": "Pyyntö ei ollut JSON-oliota, jossa on kentät session ja message.",
    "unsupported_charset": "Pyynnön merkistön pitää olla UTF-8.",
    "empty_message": "Kirjoita viesti ennen kuin lähetät sen.",
    "message_too_long": "Viesti on liian pitkä. Kirjoita enintään {limit} merkkiä.",
    "invalid_session": "Keskustelu on vanhentunut. Aloita uusi keskustelu.",
    "rate_limited": "Lähetit monta viestiä lyhyessä ajassa. Odota hetki ja yritä uudelleen.",
    "request_timeout": "Viesti saapui liian hitaasti. Yritä uudelleen.",
    "origin_not_allowed": "Tämä sivusto ei saa käyttää Perhebottia.",
    "not_found": "Osoitetta ei löytynyt.",
    "method_not_allowed": "Tätä osoitetta ei voi käyttää näin.",
    "internal_error": f"Jotain meni vikaan. {_TRY_AGAIN}",
    "bot_unavailable": f"Perhebotti ei ole juuri nyt käytettävissä. {_TRY_AGAIN}",
    "bot_timeout": f"Perhebotti ei vastannut ajoissa. {_TRY_AGAIN}",
    "bot_error": f"Perhebotti ei pystynyt vastaamaan. {_TRY_AGAIN}",
}

ERROR_STATUS: dict[str, int] = {
    "invalid_json": 400,
    "unsupported_charset": 400,
    "empty_message": 400,
    "message_too_long": 413,
    "invalid_session": 401,
    "rate_limited": 429,
    "request_timeout": 408,
    "origin_not_allowed": 403,
    "not_found": 404,
    "method_not_allowed": 405,
    "internal_error": 500,
    "bot_error": 502,
    "bot_unavailable": 503,
    "bot_timeout": 504,
}

#: Largest request body accepted (a 1,000-character message JSON-escaped fits easily).
MAX_BODY_BYTES = 64 * 1024

#: Charsets a JSON body may declare (JSON is UTF-8, RFC 8259; ASCII is a subset).
UTF8_NAMES = frozenset({"utf-8", "utf8", "us-ascii", "ascii"})

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def api_error(request: web.Request, code: str, retry_after: float | None = None) -> web.Response:
    """Return the JSON error ``{"error": code, "message": Finnish text}`` for ``code``."""
    limit = request.app[SETTINGS].max_message_chars
    headers = {"Retry-After": str(max(1, round(retry_after)))} if retry_after else None
    return web.json_response(
        {"error": code, "message": ERROR_TEXTS[code].format(limit=limit)},
        status=ERROR_STATUS[code],
        headers=headers,
    )


def client(request: web.Request) -> str:
    """The client's address (from ``X-Forwarded-For`` only behind a trusted proxy)."""
    return client_address(
        request.remote,
        request.headers.get("X-Forwarded-For"),
        request.app[SETTINGS].trusted_proxies,
    )


def scheme(request: web.Request) -> str:
    """``https`` or ``http`` as the browser sees it (a trusted proxy may say which)."""
    return client_scheme(
        request.remote,
        request.scheme,
        request.headers.get("X-Forwarded-Proto"),
        request.app[SETTINGS].trusted_proxies,
    )


def same_origin(request: web.Request, origin: str) -> bool:
    """Whether ``origin`` is the gateway's own: same scheme, host and port."""
    parts = urlsplit(origin)
    return parts.scheme == scheme(request) and parts.netloc.lower() == request.host.lower()


@web.middleware
async def cors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Let the gateway's own page and the configured origins (only) call the API."""
    origin = request.headers.get("Origin")
    if origin is None or not request.path.startswith("/api/"):
        return await handler(request)
    allowed = origin in request.app[SETTINGS].cors_origins
    if not allowed and not same_origin(request, origin):
        return api_error(request, "origin_not_allowed")
    if request.method == "OPTIONS":
        response: web.StreamResponse = web.Response(status=204)
        response.headers["Access-Control-Allow-Methods"] = "POST"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type"
        response.headers["Access-Control-Max-Age"] = "600"
    else:
        response = await handler(request)
    if allowed:
        response.headers["Access-Control-Allow-Origin"] = origin
    response.headers["Vary"] = "Origin"
    return response


@web.middleware
async def json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Answer every failure under ``/api/`` with a JSON error the page can show."""
    if not request.path.startswith("/api/"):
        return await handler(request)
    try:
        return await handler(request)
    except web.HTTPException as error:
        codes = {404: "not_found", 405: "method_not_allowed", 413: "message_too_long"}
        if error.status not in codes:
            raise
        return api_error(request, codes[error.status])
    except Exception:
        logger.exception("Unexpected error in %s %s", request.method, request.path)
        return api_error(request, "internal_error")


async def read_json(request: web.Request) -> object:
    """The request's JSON body, or None when it is not UTF-8 JSON.

    JSON is UTF-8 (RFC 8259); too deep nesting is refused like any other bad JSON.
    """
    raw = await request.read()
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None


async def create_session(request: web.Request) -> web.Response:
    """``POST /api/session``: start a conversation; answers ``{"session": token}``."""
    wait = request.app[SESSION_LIMITER].hit(client(request))
    if wait:
        return api_error(request, "rate_limited", retry_after=wait)
    token = sessions.new_token(request.app[SETTINGS].secret)
    return web.json_response({"session": token}, status=201)


async def post_message(request: web.Request) -> web.Response:
    """``POST /api/messages``: relay ``{"session", "message"}``; answers ``{"messages": [...]}``."""
    settings = request.app[SETTINGS]
    if (request.charset or "utf-8").lower().replace("_", "-") not in UTF8_NAMES:
        return api_error(request, "unsupported_charset")
    try:
        body = await asyncio.wait_for(read_json(request), settings.read_timeout)
    except asyncio.TimeoutError:
        response = api_error(request, "request_timeout")
        response.force_close()
        return response
    if not isinstance(body, dict) or not isinstance(body.get("message"), str):
        return api_error(request, "invalid_json")
    sender = sessions.conversation_id(settings.secret, body.get("session"), settings.session_ttl)
    if sender is None:
        return api_error(request, "invalid_session")
    text = body["message"].strip()
    if not text:
        return api_error(request, "empty_message")
    if len(text) > settings.max_message_chars:
        return api_error(request, "message_too_long")
    wait = request.app[MESSAGE_LIMITER].hit(sender)
    if wait:
        return api_error(request, "rate_limited", retry_after=wait)
    metadata = body.get("metadata")
    language = (
        rasa_client.language_of(metadata.get("language")) if isinstance(metadata, dict) else None
    )
    return await _relay(request, sender, text, language)


def _connected(request: web.Request) -> bool:
    """Whether the caller is still there to read the answer."""
    return request.transport is not None and not request.transport.is_closing()


async def _relay(
    request: web.Request, sender: str, text: str, language: Language | None
) -> web.Response:
    """Wait for a turn in the fair queue (within the bot's time limit), then ask Rasa."""
    settings, queue, address = request.app[SETTINGS], request.app[QUEUE], client(request)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + settings.rasa_timeout
    try:
        await asyncio.wait_for(
            queue.acquire(address, lambda: _connected(request)), settings.rasa_timeout
        )
    except QueueFullError:
        return api_error(request, "rate_limited", retry_after=1)
    except (asyncio.TimeoutError, CallerGoneError):
        return api_error(request, "bot_timeout")
    try:
        timeout = max(0.5, deadline - loop.time())
        messages = await rasa_client.ask(
            request.app[CLIENT], settings.rasa_url, sender, text, timeout, language
        )
    except rasa_client.BotError as error:
        return api_error(request, error.code)
    finally:
        queue.release(address)
    return web.json_response({"messages": messages})


async def healthz(request: web.Request) -> web.Response:
    """``GET /healthz``: the gateway is up (it does not check Rasa)."""
    return web.json_response({"status": "ok"})


def _static_file(name: str) -> Handler:
    async def handler(request: web.Request) -> web.StreamResponse:
        return web.FileResponse(STATIC_DIR / name)

    return handler


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Forbid inline scripts and foreign resources on the page; the widget runs elsewhere.

    The headers go on every answer, aiohttp's own 404 and 403 pages included; HSTS is added
    when the browser came over HTTPS (through a trusted proxy).
    """
    try:
        response = await handler(request)
    except web.HTTPException as error:
        _add_security_headers(request, error)
        raise
    _add_security_headers(request, response)
    return response


def _add_security_headers(request: web.Request, response: web.StreamResponse) -> None:
    ancestors = " ".join(["'self'", *sorted(request.app[SETTINGS].cors_origins)])
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; "
        f"frame-ancestors {ancestors}",
    )
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    if scheme(request) == "https":
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")


def create_app(settings: Settings) -> web.Application:
    """Build the gateway app; its HTTP client session lives as long as the app."""
    app = web.Application(
        middlewares=[security_headers, cors, json_errors], client_max_size=MAX_BODY_BYTES
    )
    app[SETTINGS] = settings
    app[MESSAGE_LIMITER] = RateLimiter(settings.rate_limit, settings.rate_window)
    app[SESSION_LIMITER] = RateLimiter(settings.rate_limit, settings.rate_window)
    app[QUEUE] = FairQueue(settings.max_in_flight, settings.max_waiting_per_client)

    async def client_session(app: web.Application) -> AsyncIterator[None]:
        async with aiohttp.ClientSession() as client:
            app[CLIENT] = client
            yield

    app.cleanup_ctx.append(client_session)
    app.router.add_get("/", _static_file("index.html"))
    app.router.add_get("/widget.js", _static_file("widget.js"))
    app.router.add_static("/static/", STATIC_DIR)
    app.router.add_get("/healthz", healthz)
    app.router.add_post("/api/session", create_session)
    app.router.add_post("/api/messages", post_message)
    return app
