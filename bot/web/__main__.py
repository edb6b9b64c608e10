"""``python -m bot.web``: serve the chat page, the widget and the gateway until stopped.

Flags override the variables that :func:`bot.settings.gateway_settings` reads:
``PERHEBOTTI_WEB_HOST`` (else ``PERHEBOTTI_HOST``, as for ``python -m bot run``),
``PERHEBOTTI_WEB_PORT``, ``PERHEBOTTI_RASA_URL`` and ``PERHEBOTTI_CORS_ORIGINS``
(comma-separated origins).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import logging
import sys

from bot.settings import gateway_settings
from bot.web.app import create_app
from bot.web.server import serve
from bot.web.settings import Settings, parse_origins


def parse_args(argv: list[str], defaults: Settings) -> Settings:
    """Return the settings from command-line flags on top of ``defaults``."""
    parser = argparse.ArgumentParser(prog="python -m bot.web", description=__doc__)
    parser.add_argument("--host", default=defaults.host, help="interface (%(default)s)")
    parser.add_argument("--port", type=int, default=defaults.port, help="port (%(default)s)")
    parser.add_argument(
        "--rasa-url", default=defaults.rasa_url, help="Rasa server base URL (%(default)s)"
    )
    parser.add_argument(
        "--cors-origins",
        type=parse_origins,
        default=defaults.cors_origins,
        help="comma-separated origins of sites that embed the widget",
    )
    args = parser.parse_args(argv)
    return dataclasses.replace(
        defaults,
        host=args.host,
        port=args.port,
        rasa_url=args.rasa_url.rstrip("/"),
        cors_origins=args.cors_origins,
    )


def main(argv: list[str]) -> int:
    """Serve until SIGINT or SIGTERM."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        settings = parse_args(argv, gateway_settings())
    except ValueError as error:
        print(f"Invalid PERHEBOTTI_* setting: {error}", file=sys.stderr)
        return 2
    print(f"Perhebotti chat page: http://{settings.host}:{settings.port}/", flush=True)
    asyncio.run(serve(create_app(settings), settings))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
