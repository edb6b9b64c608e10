"""Finnish place and person names → canonical ids.

One resolver serves the NLU component and the actions::

    from bot.places import find, resolve_value
    find("onks laukaas perheneuvolaa?")   # [Match(kind="municipality", id="410", ...)]
    resolve_value("Harju-Kiviselle")      # Match(kind="person", id="raija-harju-kivinen", ...)
"""

from __future__ import annotations

from bot.places.nearwords import load_near_words
from bot.places.resolver import Match, Resolver

__all__ = ["Match", "Resolver", "default_resolver", "find", "resolve_value"]

_cache: list[tuple[object, Resolver]] = []


def default_resolver() -> Resolver:
    """Return the resolver for the project's municipalities and the current directory.

    It is built on first use and rebuilt whenever the directory store holds a new
    directory (after a reload), so names added to the directory are found at once.
    """
    from bot.directory.municipalities import municipalities
    from bot.directory.store import default_store

    directory = default_store().current()
    if not _cache or _cache[0][0] is not directory:
        entities = directory.named_entities()
        _cache[:] = [(directory, Resolver(municipalities(), entities, load_near_words()))]
    return _cache[0][1]


def find(text: str) -> list[Match]:
    """Return the names in ``text`` (see :meth:`Resolver.find`)."""
    return default_resolver().find(text)


def resolve_value(text: str) -> Match | None:
    """Return the best canonical match of a slot or entity value.

    See :meth:`Resolver.resolve_value`.
    """
    return default_resolver().resolve_value(text)
