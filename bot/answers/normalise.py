"""Entity values made canonical: raw service, role and topic words → vocabulary ids."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from bot.answers.dialogue import Question, contact_field_in
from bot.directory.queries import Directory
from bot.text import words


def named_in(text: str, vocabulary: Iterable[tuple[str, Sequence[str]]]) -> tuple[str, ...]:
    """Ids of the vocabulary entries whose names the text mentions, in any inflection.

    A name matches when each of its words starts a word of the text, less its last two
    letters (muutosagentti → muutosagentin, avaustapahtuma → avaustapahtumassa). Used when
    the NLU tagged nothing, or tagged a form that is not a canonical value.
    """
    text_words = words(text)

    def mentioned(name: str) -> bool:
        stems = [word[: max(4, len(word) - 2)] for word in words(name)]
        return bool(stems) and all(
            any(word.startswith(stem) for word in text_words) for stem in stems
        )

    return tuple(
        entry_id for entry_id, names in vocabulary if any(mentioned(name) for name in names)
    )


def canonical(
    value: str | None,
    known: Callable[[str], object],
    vocabulary: Iterable[tuple[str, Sequence[str]]],
) -> str | None:
    """A canonical id for an entity value: the value itself, or the entry it names."""
    if value is None or known(value) is not None:
        return value
    found = named_in(value, vocabulary)
    return found[0] if found else None


Vocabulary = list[tuple[str, tuple[str, ...]]]


def _services(directory: Directory) -> Vocabulary:
    return [(s.id, (s.name_fi, *s.aliases)) for s in directory.services]


def _topics(directory: Directory) -> Vocabulary:
    return [(t.id, (t.name_fi, *t.aliases)) for t in directory.topics]


def normalised(directory: Directory, question: Question, text: str) -> Question:
    """Map raw entity values to the directory's vocabularies; find topics in the text."""
    services = _services(directory)
    roles = [(r.id, (r.title_fi, *r.aliases)) for r in directory.roles]
    topic_names = _topics(directory)
    topics = [canonical(t, directory.topic, topic_names) for t in question.topics]
    field = question.contact_field
    if field is not None and field not in ("phone", "email"):
        field = contact_field_in(field) or contact_field_in(text)
    return replace(
        question,
        service=canonical(question.service, directory.service, services),
        role=canonical(question.role, directory.role, roles),
        topics=tuple(dict.fromkeys([*(t for t in topics if t), *named_in(text, topic_names)])),
        contact_field=field,
    )


def vocabulary_in(directory: Directory, text: str) -> tuple[str, ...]:
    """Ids of the services and topics the text names, in any inflection."""
    return named_in(text, _services(directory)) + named_in(text, _topics(directory))
