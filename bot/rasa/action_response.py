"""Rasa's check of the action server's responses, with its JSON schema prepared once.

Rasa 3.6 checks every response of the action server against the schema of
:meth:`RemoteAction.action_response_format_spec` with :func:`jsonschema.validate`, which first
checks the schema itself against the JSON Schema meta-schema: about 17 ms of the Rasa process's
single event loop per action call, more than half of its time under load (measured with
``python -m tools.profile_rasa``). :func:`install` replaces that check with one that builds its
validator once and reports the same error (:func:`jsonschema.exceptions.best_match`, with Rasa's
hint appended).

:mod:`bot.rasa.tracker_store` installs it: endpoints.yml names that store, so every Rasa server
of Perhebotti loads it, and the action server (which does not import Rasa) does not.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@cache
def response_validator() -> Validator:
    """The validator of Rasa's action response schema, its schema checked once."""
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(_action: RemoteAction, result: dict[str, Any]) -> bool:
    """Stand-in for ``RemoteAction._validate_action_result``: same result, same error.

    Raises:
        jsonschema.ValidationError: The response does not follow the schema; the message
            says so the way Rasa's own check does.
    """
    error = best_match(response_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, "
        "make sure your response from the Action endpoint is valid. "
        f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


def install() -> None:
    """Make every :class:`RemoteAction` use :func:`validate_action_result`."""
    RemoteAction._validate_action_result = validate_action_result
