"""The kept event-type lookup answers as Rasa's own walk over the event classes does."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, Event, SessionStarted, SlotSet, UserUttered

from bot.rasa import events


@pytest.mark.parametrize("cls", [UserUttered, ActionExecuted, SlotSet, SessionStarted])
def test_known_types_resolve_to_their_class(cls: type[Event]) -> None:
    assert events.resolve_by_type(cls.type_name) is cls
    assert events.resolve_by_type(cls.type_name) is events._resolve(cls.type_name)


def test_unknown_types_keep_rasas_answers() -> None:
    assert events.resolve_by_type("topic") is None
    assert events.resolve_by_type("no-such-event", SlotSet) is SlotSet
    with pytest.raises(ValueError, match="Unknown event name 'no-such-event'"):
        events.resolve_by_type("no-such-event")


def test_installed_for_rasa() -> None:
    import bot.rasa.tracker_store  # noqa: F401  (every Rasa server of the project loads it)

    assert Event.resolve_by_type is events.resolve_by_type
    parameters = {"event": "slot", "name": "place", "value": "410"}
    assert Event.from_parameters(parameters) == SlotSet("place", "410")
