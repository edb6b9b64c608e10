"""Rasa's lookup of an event class by its type name, done once per name.

Reading a conversation turns every stored event back into an object, and Rasa finds each
event's class by walking all subclasses of ``Event`` again (``Event.resolve_by_type``): about
300 walks per message, 4 % of a Rasa server's time under load. The classes do not change once
Rasa is imported, so the answer for each type name is kept. Unknown names still raise Rasa's
error or give the caller's default, as before.
"""

from __future__ import annotations

from functools import cache

from rasa.shared.core.events import Event

_resolve = Event.resolve_by_type


@cache
def _known(type_name: str) -> type[Event] | None:
    """The class of an event type name; None for a name no event class has."""
    try:
        return _resolve(type_name)
    except ValueError:
        return None


def resolve_by_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    """The event class of ``type_name``, as :meth:`Event.resolve_by_type` finds it."""
    found = _known(type_name)
    return found if found is not None else _resolve(type_name, default)


def install() -> None:
    """Make :meth:`Event.resolve_by_type` use the kept answers."""
    Event.resolve_by_type = staticmethod(resolve_by_type)
