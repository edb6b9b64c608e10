"""Entity values made canonical: service, role, topic and contact-field words → ids.

The NLU tags words ("perheneuvolaan", "puhelinnumeronsa"); the answers need ids
("perheneuvola", "phone"). :class:`bot.places.vocabulary.Vocabulary` is the one place that
maps such words, with the directory's names and aliases as its entries
(:func:`bot.places.vocabulary.vocabulary_of`).
"""

from __future__ import annotations

from dataclasses import replace

from bot.answers.dialogue import Turn
from bot.directory.queries import Directory
from bot.places.vocabulary import KINDS, vocabulary_of


def canonical_turn(directory: Directory, turn: Turn) -> Turn:
    """The turn with every vocabulary entity value as an id, and what the text names added.

    Values that name nothing are dropped. Topics named in the text are added to the tagged
    ones; a contact field is added when none was tagged and the text names exactly one
    ("entä sähköposti?").
    """
    words = vocabulary_of(directory)
    entities = {kind: list(values) for kind, values in turn.entities.items()}
    for kind in KINDS:
        values = (words.canonical(value, kind) for value in entities.get(kind, ()))
        entities[kind] = [value for value in values if value]
    entities["topic"] = list(dict.fromkeys([*entities["topic"], *words.find(turn.text, "topic")]))
    if not entities["contact_field"]:
        field = words.only(turn.text, "contact_field")
        entities["contact_field"] = [field] if field else []
    return replace(turn, entities={kind: tuple(v) for kind, v in entities.items() if v})


def vocabulary_in(directory: Directory, text: str) -> tuple[str, ...]:
    """Ids of the services and topics the text names, in any inflection."""
    words = vocabulary_of(directory)
    return words.find(text, "service") + words.find(text, "topic")


def term_spans(directory: Directory, text: str) -> list[tuple[int, int]]:
    """Character spans of the directory's words in the text (services, roles, topics…)."""
    return vocabulary_of(directory).spans(text)
