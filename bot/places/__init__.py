"""Finnish place and person names → canonical ids.

A resolver is built from a directory's municipalities, units and persons; whoever needs one
builds it from the directory it serves::

    from bot.places import resolver_for
    resolver = resolver_for(load_directory(DIRECTORY_DIR))
    resolver.find("onks laukaas perheneuvolaa?")  # [Match(kind="municipality", id="410", ...)]
    resolver.resolve_value("Harju-Kiviselle")  # Match(kind="person", id="raija-harju-kivinen")

The NLU component (:mod:`bot.rasa.name_entities`) rebuilds its resolver whenever its
directory store holds a new directory.
"""

from __future__ import annotations

from bot.directory.queries import Directory
from bot.places.nearwords import load_near_words
from bot.places.resolver import Match, Resolver
from bot.places.vocabulary import vocabulary_of

__all__ = ["Match", "Resolver", "resolver_for"]


def resolver_for(directory: Directory) -> Resolver:
    """Return a resolver of the directory's municipalities, units and persons.

    The directory's service, role and topic words count as place cues ("parisuhdetuki lahti").
    """
    cues = vocabulary_of(directory).cue_stems()
    return Resolver(directory.municipalities, directory.named_entities(), load_near_words(), cues)
