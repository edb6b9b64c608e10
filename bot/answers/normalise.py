"""Entity values made canonical: service, role, topic and contact-field words → ids.

The NLU tags words ("perheneuvolaan", "puhelinnumeronsa"); the answers need ids
("perheneuvola", "phone"). :class:`bot.places.vocabulary.Vocabulary` is the one place that
maps such words, with the directory's names and aliases as its entries.
"""

from __future__ import annotations

from dataclasses import replace

from bot.answers.dialogue import Turn
from bot.directory.queries import Directory
from bot.places.vocabulary import CONTACT_FIELDS, KINDS, Vocabulary


def vocabulary(directory: Directory) -> Vocabulary:
    """The directory's services, roles and topics, and the contact fields, in every language."""
    entries: list[tuple[str, str, tuple[str, ...]]] = [
        ("service", s.id, (s.name_fi, s.name_sv or "", s.name_en or "", *s.aliases))
        for s in directory.services
    ]
    entries += [
        ("role", r.id, (r.title_fi, r.title_sv or "", r.title_en or "", *r.aliases))
        for r in directory.roles
    ]
    entries += [
        ("topic", t.id, (t.name_fi, t.name_sv or "", t.name_en or "", *t.aliases))
        for t in directory.topics
    ]
    entries += [("contact_field", field, names) for field, names in CONTACT_FIELDS]
    return Vocabulary(entries)


def canonical_turn(directory: Directory, turn: Turn) -> Turn:
    """The turn with every vocabulary entity value as an id, and what the text names added.

    Values that name nothing are dropped. Topics named in the text are added to the tagged
    ones; a contact field is added when none was tagged and the text names exactly one
    ("entä sähköposti?").
    """
    words = vocabulary(directory)
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
    words = vocabulary(directory)
    return words.find(text, "service") + words.find(text, "topic")
