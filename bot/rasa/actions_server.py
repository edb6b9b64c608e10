"""The action server: rasa-sdk's own Sanic app, guarded by a secret shared with Rasa.

rasa-sdk 3.6 answers anybody who can reach it, and its error responses echo the request
body (a whole tracker: what the parent wrote). This module builds the app with
:func:`rasa_sdk.endpoint.create_app`, unchanged, and adds two things around it:

* every request except ``GET /health`` must carry ``?token=<PERHEBOTTI_ACTION_TOKEN>``, which
  Rasa sends when ``endpoints.yml`` has ``action_endpoint: token: ${PERHEBOTTI_ACTION_TOKEN}``;
  others get 401;
* errors answer ``{"error": code}`` and never the request.

``python -m bot.rasa.actions_server --port 5055`` runs it (``python -m bot run`` does, with a random
token per run unless ``PERHEBOTTI_ACTION_TOKEN`` is set).
"""

from __future__ import annotations

import argparse
import hmac
import logging
import sys

from rasa_sdk import utils
from rasa_sdk.endpoint import create_app
from rasa_sdk.plugin import plugin_manager
from sanic import Sanic, response
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.settings import ACTION_TOKEN_VAR, action_token

logger = logging.getLogger(__name__)

#: Paths anybody may call: the liveness check the stack waits on.
OPEN_PATHS = frozenset({"/health"})


def protect(app: Sanic, token: str) -> Sanic:
    """Require ``token`` on ``app``'s routes and keep request bodies out of error responses.

    Args:
        app: rasa-sdk's app, from :func:`rasa_sdk.endpoint.create_app`.
        token: The shared secret (non-empty).

    Returns:
        The same app.

    Raises:
        ValueError: When the token is empty.

    """
    if not token:
        raise ValueError("the action server's token must not be empty")
    expected = token.encode()

    @app.middleware("request")
    async def check_token(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS:
            return None
        sent = request.args.get("token", "")
        if not hmac.compare_digest(str(sent).encode(), expected):
            logger.warning("Refused %s %s without the shared token", request.method, request.path)
            return response.json({"error": "unauthorized"}, status=401)
        return None

    async def without_body(request: Request, exception: Exception) -> HTTPResponse:
        if isinstance(exception, SanicException) and exception.status_code < 500:
            return response.json({"error": "bad_request"}, status=exception.status_code)
        logger.error("The action server failed on %s", request.path, exc_info=exception)
        return response.json({"error": "internal_error"}, status=500)

    # Registered after rasa-sdk's handler, so it replaces the one that echoes the request.
    app.exception(Exception)(without_body)
    return app


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Command-line flags."""
    parser = argparse.ArgumentParser(prog="python -m bot.rasa.actions_server", description=__doc__)
    parser.add_argument("--actions", default="actions", help="package of actions (%(default)s)")
    parser.add_argument("--host", default="127.0.0.1", help="interface (%(default)s)")
    parser.add_argument("--port", type=int, default=5055, help="port (%(default)s)")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    """Serve the actions until stopped; exit 2 without a token."""
    args = parse_args(argv)
    token = action_token()
    if not token:
        print(f"Set {ACTION_TOKEN_VAR} (the value endpoints.yml sends).", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    utils.update_sanic_log_level()
    app = protect(create_app(args.actions, cors_origins=None), token)
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    logger.info("Action server on http://%s:%s (token required)", args.host, args.port)
    app.run(args.host, args.port, workers=utils.number_of_sanic_workers(), access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
