"""Rasa's check of the action server's responses, with its JSON schema prepared once.

Rasa 3.6 checks every response of the action server against the schema of
:meth:`RemoteAction.action_response_format_spec` with :func:`jsonschema.validate`, which first
checks the schema itself against the JSON Schema meta-schema: about 17 ms of the Rasa process's
single event loop per action call, more than half of its time under load (measured with
``python -m tools.profile_rasa``). :func:`install` replaces that check with one that builds its
validator once and reports the same error (:func:`jsonschema.exceptions.best_match`, with Rasa's
hint appended).

Even prepared, that check tries every event of a response against each of the schema's ~20
event kinds (a ``oneOf``), 5 % of the server's time under load. The kinds differ by the
constant value of their ``event`` field, so an event can only match the kind its ``event``
names: :func:`is_valid` checks each event against that kind alone, which is the same verdict.
A response it refuses goes through the full check, which gives Rasa's error.

:mod:`bot.rasa.tracker_store` installs it: endpoints.yml names that store, so every Rasa server
of Perhebotti loads it, and the action server (which does not import Rasa) does not.
"""

from __future__ import annotations

from collections.abc import Mapping
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


@cache
def _checks_by_kind() -> tuple[Validator, Mapping[str, Validator]] | None:
    """A check of the response without its events, and one per event kind (by its ``event``).

    None when the schema's event kinds are not told apart by a constant ``event`` each.
    """
    schema = RemoteAction.action_response_format_spec()
    items = schema["properties"]["events"]["items"]
    common = {key: value for key, value in items.items() if key != "oneOf"}
    kinds: dict[str, Validator] = {}
    for kind in items["oneOf"]:
        name = kind.get("properties", {}).get("event", {}).get("const")
        if not isinstance(name, str) or name in kinds:
            return None
        kinds[name] = validator_for(schema)({"allOf": [common, kind]})
    events = {**schema["properties"]["events"], "items": {}}
    without_events = {**schema, "properties": {**schema["properties"], "events": events}}
    return validator_for(schema)(without_events), kinds


def is_valid(result: dict[str, Any]) -> bool:
    """Whether ``result`` follows Rasa's action response schema."""
    checks = _checks_by_kind()
    if checks is None:
        return bool(response_validator().is_valid(result))
    response, kinds = checks
    if not response.is_valid(result):
        return False
    for event in result.get("events") or ():
        name = event.get("event") if isinstance(event, dict) else None
        kind = kinds.get(name) if isinstance(name, str) else None
        if kind is None or not kind.is_valid(event):
            return False
    return True


def validate_action_result(_action: RemoteAction, result: dict[str, Any]) -> bool:
    """Stand-in for ``RemoteAction._validate_action_result``: same result, same error.

    Raises:
        jsonschema.ValidationError: The response does not follow the schema; the message
            says so the way Rasa's own check does.
    """
    if is_valid(result):
        return True
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
