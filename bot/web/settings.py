"""Settings of the chat gateway: where it listens, where Rasa is, and its limits.

:func:`bot.settings.gateway_settings` builds them from the ``PERHEBOTTI_*`` variables.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from bot.web.clients import Network


def parse_origins(value: str) -> frozenset[str]:
    """Parse a comma-separated list of web origins such as ``https://www.laukaa.fi``.

    Args:
        value: The list as written in ``PERHEBOTTI_CORS_ORIGINS`` or ``--cors-origins``.

    Returns:
        The origins without surrounding spaces or trailing slashes.

    Raises:
        ValueError: When an entry is not of the form ``http(s)://host[:port]``.

    """
    origins = {item.strip().rstrip("/") for item in value.split(",") if item.strip()}
    for origin in origins:
        scheme, _, rest = origin.partition("://")
        if scheme not in {"http", "https"} or not rest or "/" in rest:
            raise ValueError(f"not a web origin (e.g. https://www.laukaa.fi): {origin!r}")
    return frozenset(origins)


@dataclass(frozen=True)
class Settings:
    """Everything the gateway needs; the defaults suit ``make run``.

    Attributes:
        rasa_url: Base URL of the Rasa server (its REST channel answers there).
        host: Interface the gateway listens on (``PERHEBOTTI_WEB_HOST``, else
            ``PERHEBOTTI_HOST``).
        port: Port the gateway listens on (``PERHEBOTTI_WEB_PORT``).
        cors_origins: Web sites (origins) whose pages may call the gateway, e.g. the
            municipality's site that embeds the widget. The gateway's own page always may.
        max_message_chars: Longest message a user may send.
        rate_limit: Messages per conversation, and new conversations per client address,
            allowed within ``rate_window`` seconds.
        rate_window: Length of the rate-limit window in seconds.
        rasa_timeout: Seconds to wait for the bot's answer before telling the user it is slow.
        secret: Key that signs conversation tokens (``PERHEBOTTI_SESSION_SECRET``, else
            random per process).
        session_ttl: Seconds a conversation token stays valid; then the page starts anew.
        trusted_proxies: Reverse proxies whose ``X-Forwarded-For`` and ``X-Forwarded-Proto``
            are believed (``PERHEBOTTI_TRUSTED_PROXIES``, e.g. ``127.0.0.1``).
        max_in_flight: Messages with Rasa at once, all clients together; more wait in a fair
            queue, client addresses taking turns (``PERHEBOTTI_MAX_IN_FLIGHT``).
        max_waiting_per_client: Messages one client address may have waiting (429 beyond).
        read_timeout: Seconds a client has to send a request's headers, and its body.
        keepalive_timeout: Seconds an idle connection stays open between requests.

    """

    rasa_url: str = "http://127.0.0.1:5005"
    host: str = "127.0.0.1"
    port: int = 8000
    cors_origins: frozenset[str] = frozenset()
    max_message_chars: int = 1000
    rate_limit: int = 20
    rate_window: float = 60.0
    rasa_timeout: float = 8.0
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)
    session_ttl: float = 12 * 3600.0
    trusted_proxies: frozenset[Network] = frozenset()
    max_in_flight: int = 4
    max_waiting_per_client: int = 10
    read_timeout: float = 10.0
    keepalive_timeout: float = 15.0
