"""Serving the gateway with read timeouts, so slow or idle clients cannot hold connections.

aiohttp closes a kept-alive connection that stays idle (``keepalive_timeout``), but it waits
for ever for the headers of a connection's first request, and for a request body. Here:

* a connection that has not sent a whole request head within ``read_timeout`` is closed;
* an idle kept-alive connection is closed after ``keepalive_timeout`` (aiohttp's own);
* the body of ``POST /api/messages`` must arrive within ``read_timeout`` (408 otherwise,
  see :mod:`bot.web.app`);
* a handler whose client has gone is cancelled (``handler_cancellation``), so its queued
  or in-flight message is dropped.
"""

from __future__ import annotations

import asyncio
import signal
from typing import Any

from aiohttp import web
from aiohttp.web_protocol import RequestHandler

from bot.web.settings import Settings


class _HeadTimeoutHandler(RequestHandler):
    """aiohttp's connection handler, closing the connection when no request head arrives."""

    def __init__(self, *args: Any, head_timeout: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_timeout = head_timeout
        self._head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        self._head_timer = self._loop.call_later(self._head_timeout, self._close_if_no_request)

    def connection_lost(self, exc: BaseException | None) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
        super().connection_lost(exc)

    def _close_if_no_request(self) -> None:
        if self._request_count == 0:
            self.force_close()


class _GuardedServer(web.Server):
    head_timeout = 10.0

    def __call__(self) -> RequestHandler:
        return _HeadTimeoutHandler(
            self, loop=self._loop, head_timeout=self.head_timeout, **self._kwargs
        )


class GuardedRunner(web.AppRunner):
    """An :class:`aiohttp.web.AppRunner` whose connections must send a request head in time.

    Args:
        app: The application.
        head_timeout: Seconds a new connection has to send its first request head.
        **kwargs: As for :class:`aiohttp.web.AppRunner` (e.g. ``keepalive_timeout``).

    """

    def __init__(self, app: web.Application, *, head_timeout: float, **kwargs: Any) -> None:
        super().__init__(app, **kwargs)
        self.head_timeout = head_timeout

    async def _make_server(self) -> web.Server:
        server = await super()._make_server()
        server.__class__ = _GuardedServer  # same object, its connections get the timeout
        assert isinstance(server, _GuardedServer)
        server.head_timeout = self.head_timeout
        return server


def runner(app: web.Application, settings: Settings) -> GuardedRunner:
    """The runner of the gateway, with the timeouts from ``settings``."""
    return GuardedRunner(
        app,
        head_timeout=settings.read_timeout,
        keepalive_timeout=settings.keepalive_timeout,
        lingering_time=min(1.0, settings.read_timeout),  # after a 408, not 10 s more reading
        handler_cancellation=True,
        access_log=None,
    )


async def serve(app: web.Application, settings: Settings) -> None:
    """Serve ``app`` on the settings' host and port until SIGINT or SIGTERM."""
    guarded = runner(app, settings)
    await guarded.setup()
    try:
        await web.TCPSite(guarded, settings.host, settings.port).start()
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
    finally:
        await guarded.cleanup()
