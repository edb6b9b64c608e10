"""The action-response check keeps Rasa's verdicts and errors, with its schema prepared once."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

import bot.rasa.tracker_store  # noqa: F401  (installs the check, as in a Rasa server)
from bot.rasa.action_response import (
    _checks_by_kind,
    is_valid,
    response_validator,
    validate_action_result,
)

VALID: list[dict[str, Any]] = [
    {"events": [], "responses": []},
    {
        "events": [{"event": "slot", "name": "place", "value": "Laukaa", "timestamp": None}],
        "responses": [{"text": "Hei", "buttons": [{"title": "Kyllä", "payload": "/affirm"}]}],
    },
    {},
]
INVALID: list[dict[str, Any]] = [
    {"events": "not a list"},
    {"events": [{"name": "place"}]},
    {"responses": [{"text": 5}], "events": [42]},
]


def rasa_error(result: dict[str, Any]) -> str | None:
    """Rasa's own check (jsonschema.validate), its message or None when valid."""
    try:
        jsonschema.validate(result, RemoteAction.action_response_format_spec())
    except jsonschema.ValidationError as error:
        return error.message
    return None


def test_the_rasa_server_uses_the_prepared_check() -> None:
    assert RemoteAction._validate_action_result is validate_action_result


@pytest.mark.parametrize("result", VALID)
def test_valid_responses_pass_as_in_rasa(result: dict[str, Any]) -> None:
    assert rasa_error(result) is None
    assert is_valid(result)
    assert RemoteAction("action_answer", None)._validate_action_result(result) is True


@pytest.mark.parametrize("result", INVALID)
def test_invalid_responses_get_rasas_error(result: dict[str, Any]) -> None:
    expected = rasa_error(result)
    assert expected is not None
    assert not is_valid(result)
    with pytest.raises(jsonschema.ValidationError) as raised:
        RemoteAction("action_answer", None)._validate_action_result(result)
    assert raised.value.message.startswith(expected + ". Failed to validate Action server")
    assert "/custom-actions" in raised.value.message


def test_the_validator_is_built_once() -> None:
    assert response_validator() is response_validator()


def _event(kind: str) -> dict[str, Any]:
    """An event of ``kind`` with Rasa's own fields, as Rasa serialises it."""
    from rasa.shared.core import events

    examples = {
        "slot": events.SlotSet("place", "410"),
        "bot": events.BotUttered("Hei", {"buttons": []}),
        "user": events.UserUttered("hei", {"name": "greet", "confidence": 1.0}),
        "action": events.ActionExecuted("action_listen"),
        "followup": events.FollowupAction("action_answer"),
        "reset_slots": events.AllSlotsReset(),
        "restart": events.Restarted(),
        "active_loop": events.ActiveLoop("form"),
    }
    return examples[kind].as_dict()


KINDS = ["slot", "bot", "user", "action", "followup", "reset_slots", "restart", "active_loop"]


@pytest.mark.parametrize("kind", KINDS)
def test_each_event_kind_gets_rasas_verdict(kind: str) -> None:
    event = _event(kind)
    broken_kind = {**event, "event": "no such kind"}
    broken_field = {**event, "timestamp": "yesterday"}
    for result in ({"events": [event]}, {"events": [broken_kind]}, {"events": [broken_field]}):
        assert is_valid(result) is (rasa_error(result) is None), result
    assert is_valid({"events": [event]})


def test_the_event_kinds_are_told_apart() -> None:
    assert _checks_by_kind() is not None
