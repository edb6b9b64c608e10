"""Every setting that comes from the environment, read in this one module.

Each process reads what it needs when it starts and hands the values on; nothing else in the
bot reads ``os.environ``. An unset or empty variable takes its default; an invalid value raises
:class:`ValueError` naming the variable.

Where the processes listen (:class:`Ports`; ``python -m bot run`` and ``python -m bot.web``
read the same values):

- ``PERHEBOTTI_HOST`` (127.0.0.1): the interface every process listens on;
- ``PERHEBOTTI_WEB_HOST`` (``PERHEBOTTI_HOST``): the chat gateway's interface when it differs,
  e.g. ``0.0.0.0`` to publish the gateway while Rasa and the action server stay on localhost;
- ``PERHEBOTTI_ACTION_PORT`` (5055), ``PERHEBOTTI_RASA_PORT`` (5005), ``PERHEBOTTI_WEB_PORT``
  (8000).

The chat gateway (:func:`gateway_settings`):

- ``PERHEBOTTI_RASA_URL`` (http://127.0.0.1:5005): the Rasa server it talks to;
- ``PERHEBOTTI_CORS_ORIGINS`` (none): comma-separated origins of sites that embed the widget;
- ``PERHEBOTTI_SESSION_HOURS`` (12): how long a conversation token is valid;
- ``PERHEBOTTI_SESSION_SECRET`` (random per process): the key that signs conversation tokens,
  at least :data:`MIN_SESSION_SECRET_CHARS` characters; gateway replicas, and a restarted
  gateway, accept each other's tokens only when they share it;
- ``PERHEBOTTI_TRUSTED_PROXIES`` (none): reverse proxies whose forwarding headers are believed;
- ``PERHEBOTTI_MAX_IN_FLIGHT`` (4): messages with Rasa at once.

The action server and the Rasa server:

- ``PERHEBOTTI_ACTION_TOKEN`` (random per ``python -m bot run``): the secret Rasa sends the
  action server (:func:`action_token`);
- ``PERHEBOTTI_DIRECTORY_DIR`` (``data/directory``): the directory folder the actions and the
  NLU name extractor serve (:func:`directory_dir`);
- ``PERHEBOTTI_DATABASE_URL`` (SQLite file in ``PERHEBOTTI_STATE_DIR``, default ``var/``): the
  conversation store (:class:`DatabaseSettings`);
- ``PERHEBOTTI_LOCK_STORE_URL`` (none: in the Rasa process) and ``SANIC_WORKERS`` (1): the
  conversation locks (:class:`LockStoreSettings`);
- ``TELEGRAM_TOKEN`` (none: the channel is off), ``TELEGRAM_BOT_NAME``,
  ``TELEGRAM_WEBHOOK_URL`` and ``TELEGRAM_API_URL`` (https://api.telegram.org): the Telegram
  channel (:class:`TelegramSettings`).

``PERHEBOTTI_ACTION_URL`` is read by Rasa itself, from ``endpoints.yml``.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bot.paths import DIRECTORY_DIR, STATE_DIR
from bot.web.clients import parse_networks
from bot.web.settings import Settings as GatewaySettings
from bot.web.settings import parse_origins

#: The secret Rasa sends the action server (``token`` in endpoints.yml).
ACTION_TOKEN_VAR = "PERHEBOTTI_ACTION_TOKEN"
#: Folder of the directory files, instead of the project's ``data/directory``.
DIRECTORY_VAR = "PERHEBOTTI_DIRECTORY_DIR"
LOCK_STORE_URL_VAR = "PERHEBOTTI_LOCK_STORE_URL"
SESSION_SECRET_VAR = "PERHEBOTTI_SESSION_SECRET"
#: Shortest session secret: 32 random bytes in URL-safe base64, as
#: ``python3 -c 'import secrets; print(secrets.token_urlsafe(32))'`` prints them.
MIN_SESSION_SECRET_CHARS = 43
DEFAULT_TELEGRAM_API_URL = "https://api.telegram.org"


def _value(environ: Mapping[str, str], name: str) -> str:
    """The variable without surrounding spaces; empty when unset."""
    return environ.get(name, "").strip()


def _whole(environ: Mapping[str, str], name: str, default: int) -> int:
    value = _value(environ, name)
    try:
        return int(value) if value else default
    except ValueError:
        raise ValueError(f"{name} must be a whole number, got {value!r}") from None


def _number(environ: Mapping[str, str], name: str, default: float) -> float:
    value = _value(environ, name)
    try:
        return float(value) if value else default
    except ValueError:
        raise ValueError(f"{name} must be a number, got {value!r}") from None


@dataclass(frozen=True)
class Ports:
    """Where the processes listen.

    Attributes:
        host: Interface of every process (``PERHEBOTTI_HOST``).
        action: Port of the action server (``PERHEBOTTI_ACTION_PORT``).
        rasa: Port of the Rasa server (``PERHEBOTTI_RASA_PORT``).
        web: Port of the chat gateway (``PERHEBOTTI_WEB_PORT``).
        web_host: Interface of the chat gateway (``PERHEBOTTI_WEB_HOST``); None: ``host``.

    """

    host: str = "127.0.0.1"
    action: int = 5055
    rasa: int = 5005
    web: int = 8000
    web_host: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Ports:
        """Read the ``PERHEBOTTI_*_HOST`` and ``PERHEBOTTI_*_PORT`` variables."""
        return cls(
            host=_value(environ, "PERHEBOTTI_HOST") or cls.host,
            action=_whole(environ, "PERHEBOTTI_ACTION_PORT", cls.action),
            rasa=_whole(environ, "PERHEBOTTI_RASA_PORT", cls.rasa),
            web=_whole(environ, "PERHEBOTTI_WEB_PORT", cls.web),
            web_host=_value(environ, "PERHEBOTTI_WEB_HOST") or None,
        )

    @property
    def gateway_host(self) -> str:
        """Interface of the chat gateway."""
        return self.web_host or self.host

    @property
    def action_url(self) -> str:
        """Base URL of the action server."""
        return f"http://{self.host}:{self.action}"

    @property
    def rasa_url(self) -> str:
        """Base URL of the Rasa server."""
        return f"http://{self.host}:{self.rasa}"

    @property
    def web_url(self) -> str:
        """Base URL of the chat page and gateway."""
        return f"http://{self.gateway_host}:{self.web}"


def session_secret(environ: Mapping[str, str] = os.environ) -> bytes | None:
    """Return the key that signs the gateway's conversation tokens; None when unset.

    Raises:
        ValueError: When ``PERHEBOTTI_SESSION_SECRET`` is shorter than
            :data:`MIN_SESSION_SECRET_CHARS` characters.

    """
    value = _value(environ, SESSION_SECRET_VAR)
    if not value:
        return None
    if len(value) < MIN_SESSION_SECRET_CHARS:
        raise ValueError(
            f"{SESSION_SECRET_VAR} is too short ({len(value)} characters): use at least "
            f"{MIN_SESSION_SECRET_CHARS} random characters, e.g. the output of python3 -c "
            "'import secrets; print(secrets.token_urlsafe(32))'"
        )
    return value.encode()


def gateway_settings(environ: Mapping[str, str] = os.environ) -> GatewaySettings:
    """Read the chat gateway's settings; the rest keep the defaults of its settings class.

    The gateway listens where :class:`Ports` says, so that ``python -m bot.web`` and
    ``python -m bot run`` agree.

    Raises:
        ValueError: When a variable has an invalid value.

    """
    ports = Ports.from_env(environ)
    settings = GatewaySettings(
        rasa_url=(_value(environ, "PERHEBOTTI_RASA_URL") or GatewaySettings.rasa_url).rstrip("/"),
        host=ports.gateway_host,
        port=ports.web,
        cors_origins=parse_origins(_value(environ, "PERHEBOTTI_CORS_ORIGINS")),
        session_ttl=_number(environ, "PERHEBOTTI_SESSION_HOURS", 12) * 3600,
        trusted_proxies=parse_networks(_value(environ, "PERHEBOTTI_TRUSTED_PROXIES")),
        max_in_flight=max(
            1, _whole(environ, "PERHEBOTTI_MAX_IN_FLIGHT", GatewaySettings.max_in_flight)
        ),
    )
    secret = session_secret(environ)
    return settings if secret is None else replace(settings, secret=secret)


def action_token(environ: Mapping[str, str] = os.environ) -> str:
    """Return ``PERHEBOTTI_ACTION_TOKEN``; empty when unset."""
    return _value(environ, ACTION_TOKEN_VAR)


def directory_dir(default: Path = DIRECTORY_DIR, environ: Mapping[str, str] = os.environ) -> Path:
    """Return the directory folder: ``PERHEBOTTI_DIRECTORY_DIR`` when set, else ``default``."""
    return Path(environ.get(DIRECTORY_VAR) or default)


@dataclass(frozen=True)
class DatabaseSettings:
    """Where Rasa's tracker store keeps the conversations.

    Attributes:
        url: SQLAlchemy URL (``PERHEBOTTI_DATABASE_URL``); None: an SQLite file.
        state_dir: Folder of the SQLite file (``PERHEBOTTI_STATE_DIR``, default ``var/``).

    """

    url: str | None = None
    state_dir: Path = STATE_DIR

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> DatabaseSettings:
        """Read ``PERHEBOTTI_DATABASE_URL`` and ``PERHEBOTTI_STATE_DIR``.

        Raises:
            ValueError: When the database URL is not a URL.

        """
        url = _value(environ, "PERHEBOTTI_DATABASE_URL")
        if url and "://" not in url:
            raise ValueError(
                "PERHEBOTTI_DATABASE_URL must be a database URL such as "
                f"postgresql://user:password@host:5432/dbname, got {url!r}"
            )
        return cls(
            url=url or None, state_dir=Path(environ.get("PERHEBOTTI_STATE_DIR") or STATE_DIR)
        )


@dataclass(frozen=True)
class LockStoreSettings:
    """The Redis server that keeps the conversation locks (``PERHEBOTTI_LOCK_STORE_URL``).

    Attributes:
        host: Redis host.
        port: Redis port.
        db: Redis database number.
        username: User name, if the URL has one.
        password: Password, if the URL has one.
        use_ssl: Whether to connect with TLS (``rediss://``).

    """

    host: str
    port: int = 6379
    db: int = 0
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    use_ssl: bool = False

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> LockStoreSettings | None:
        """Read ``PERHEBOTTI_LOCK_STORE_URL``; None keeps the locks in the Rasa process.

        Raises:
            ValueError: For a URL that is not Redis's, or ``SANIC_WORKERS`` above 1 without
                a URL (several processes must share their locks).

        """
        url = _value(environ, LOCK_STORE_URL_VAR)
        if not url:
            workers = _value(environ, "SANIC_WORKERS") or "1"
            if workers != "1":
                raise ValueError(
                    f"SANIC_WORKERS={workers} needs a shared lock store: set {LOCK_STORE_URL_VAR} "
                    "(e.g. redis://127.0.0.1:6379/0)"
                )
            return None
        parts = urlsplit(url)
        if parts.scheme not in ("redis", "rediss") or not parts.hostname:
            raise ValueError(
                f"{LOCK_STORE_URL_VAR} must be a Redis URL such as redis://127.0.0.1:6379/0, "
                f"got {parts.scheme or 'no'} scheme"
            )
        db = parts.path.strip("/") or "0"
        if not db.isdigit():
            raise ValueError(f"{LOCK_STORE_URL_VAR}: the database must be a number, got {db!r}")
        return cls(
            host=parts.hostname,
            port=parts.port or 6379,
            db=int(db),
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            use_ssl=parts.scheme == "rediss",
        )


@dataclass(frozen=True)
class TelegramSettings:
    """The bot's Telegram configuration.

    Attributes:
        token: Bot token from @BotFather (``TELEGRAM_TOKEN``).
        bot_name: The bot's username without @ (``TELEGRAM_BOT_NAME``); updates are checked
            against it.
        webhook_url: Public HTTPS URL of ``/webhooks/telegram/webhook``
            (``TELEGRAM_WEBHOOK_URL``).
        api_url: Base URL of the Bot API server (``TELEGRAM_API_URL``).

    """

    token: str = field(repr=False)
    bot_name: str
    webhook_url: str
    api_url: str = DEFAULT_TELEGRAM_API_URL

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> TelegramSettings | None:
        """Read ``TELEGRAM_*`` variables; None when ``TELEGRAM_TOKEN`` is not set.

        Raises:
            ValueError: When the token is set but the bot name or webhook URL is not.

        """
        token = _value(environ, "TELEGRAM_TOKEN")
        if not token:
            return None
        names = ("TELEGRAM_BOT_NAME", "TELEGRAM_WEBHOOK_URL")
        missing = [name for name in names if not _value(environ, name)]
        if missing:
            raise ValueError(f"TELEGRAM_TOKEN is set, so set {' and '.join(missing)} too.")
        return cls(
            token=token,
            bot_name=_value(environ, "TELEGRAM_BOT_NAME").lstrip("@"),
            webhook_url=_value(environ, "TELEGRAM_WEBHOOK_URL"),
            api_url=_value(environ, "TELEGRAM_API_URL") or DEFAULT_TELEGRAM_API_URL,
        )

    @property
    def webhook_secret(self) -> str:
        """Secret Telegram sends with every update (derived from the token)."""
        return hmac.new(self.token.encode(), b"perhebotti-webhook", hashlib.sha256).hexdigest()
