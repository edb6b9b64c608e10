"""What the parent is asking, given this turn and what the conversation remembers.

Plain data in, plain data out: the action layer turns the tracker into a :class:`Turn`, this
module decides which :class:`Question` to answer (the new one, or the remembered one with a
new place: "entä Äänekoskella?"), and :mod:`bot.answers.replies` writes the answer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from bot.answers.intents import QUESTION_INTENTS, Intent
from bot.directory.model import Language
from bot.text import fold

#: The whole country as the place of a question, in Finnish, Swedish and English (folded).
_WHOLE_COUNTRY = re.compile(
    r"\bkoko (?:maa|maassa|maan|maalle|suomi|suomessa|suomen|suomelle)\b|\bvaltakunnallise"
    r"|\bhela (?:landet|finland)\b|\bnationellt\b"
    r"|\b(?:whole|entire) (?:country|finland)\b|\ball of finland\b|\bfinland in total\b"
    r"|\bnation(?:ally|wide)\b"
)
#: Words that refer back to what was just asked about ("onko äänekoskella sellaisia?").
_SUCH = re.compile(
    r"\b(?:sellai\w*|semmoi\w*|samanlai\w*|niita|sadan(?:a|t)?|likadana?|such|those)\b"
)

#: Words that refer to the unit or units just talked about, in each language (folded).
_THEM = re.compile(
    r"\b(?:siel\w*|sinne|sen|siita|ne|niista|niilla|niihin|niiden"
    r"|dar|dit|dem|de|den|deras|there|them|they|their|it|its)\b"
)


@dataclass(frozen=True)
class Question:
    """One question, with the canonical ids it is about."""

    intent: str
    service: str | None = None
    topics: tuple[str, ...] = ()
    role: str | None = None
    contact_field: str | None = None
    unit: str | None = None
    person: str | None = None

    def to_slot(self) -> dict[str, Any]:
        """The question as the value of the ``question`` slot (only the set fields)."""
        slot = {key: value for key, value in asdict(self).items() if value}
        if self.topics:
            slot["topics"] = list(self.topics)
        return slot

    @classmethod
    def from_slot(cls, value: Any) -> Question | None:
        """Read back a ``question`` slot; anything malformed gives None."""
        if not isinstance(value, Mapping) or value.get("intent") not in QUESTION_INTENTS:
            return None
        known = {f.name for f in fields(cls)} - {"topics"}
        topics = value.get("topics")
        return cls(
            **{k: str(v) for k, v in value.items() if k in known and v},
            topics=tuple(str(t) for t in topics) if isinstance(topics, list) else (),
        )


@dataclass(frozen=True)
class Turn:
    """What the action knows about the current turn.

    Attributes:
        intent: The intent of the latest message.
        entities: Entity values of the latest message by entity type, in message order.
        place: The ``place`` slot (this message's place, or the one remembered).
        unit: The ``unit`` slot (last unit mentioned).
        person: The ``person`` slot (last person mentioned).
        previous: The question answered last, if any.
        text: The latest message as the parent wrote it (masked).
        language: The language to answer in (:func:`bot.language.reply_language`).
    """

    intent: str
    entities: Mapping[str, Sequence[str]]
    place: str | None = None
    unit: str | None = None
    person: str | None = None
    previous: Question | None = None
    text: str = ""
    language: Language = "fi"

    def first(self, kind: str) -> str | None:
        """The first value of an entity type in the latest message."""
        values = self.entities.get(kind)
        return values[0] if values else None


def question_for(turn: Turn) -> Question | None:
    """Return the question this turn asks, filling references from the conversation.

    A place given alone ("Laukaa", "entä Äänekoskella?") repeats the previous question for
    that place. "Mikä hänen numeronsa on?" and "entä sähköposti?" refer to the last person;
    a unit question without a unit refers to the last unit, and a programme question without
    a topic ("missä se pidettiin?") to the last programme topics.

    Returns:
        The question, or None when the turn gives only a place and nothing was asked yet.
    """
    if turn.intent not in QUESTION_INTENTS:
        unit = turn.first("unit")
        if turn.intent == Intent.INFORM_PLACE and unit and not turn.first("place"):
            # "asikkalan perhekeskus", "entä HyPe?": that unit, for the question asked so far.
            if turn.previous is None or turn.previous.intent == Intent.ASK_PROGRAMME:
                return Question(intent=Intent.ASK_UNIT_INFO, unit=unit)
            return replace(turn.previous, unit=unit, person=None)
        if turn.intent == Intent.INFORM_PLACE and turn.previous is not None:
            if turn.first("place") and turn.previous.unit:
                # "entä Äänekoskella?" after a unit: the newly named place wins.
                return replace(turn.previous, unit=None)
            return turn.previous
        return None
    question = Question(
        intent=turn.intent,
        service=turn.first("service"),
        topics=tuple(dict.fromkeys(turn.entities.get("topic", ()))),
        role=turn.first("role"),
        contact_field=turn.first("contact_field"),
        unit=turn.first("unit"),
        person=turn.first("person"),
    )
    previous = turn.previous
    if question.intent == Intent.ASK_PERSON_CONTACT and question.person is None:
        question = replace(question, person=turn.person)
        if question.contact_field is None and previous is not None:
            question = replace(question, contact_field=previous.contact_field)
    if (
        question.intent == Intent.ASK_UNIT_INFO
        and question.unit is None
        and not turn.first("place")
    ):
        question = replace(question, unit=turn.unit)
    if (
        question.intent == Intent.ASK_CONTACT_ROLE
        and question.role is None
        and previous is not None
    ):
        question = replace(question, role=previous.role)
    if (
        question.intent == Intent.ASK_PROGRAMME
        and not question.topics
        and previous is not None
        and previous.intent == Intent.ASK_PROGRAMME
    ):
        # "missä se pidettiin?" after the launch event: the same topics.
        question = replace(question, topics=previous.topics)
    return question


def asks_again_for_place(turn: Turn) -> bool:
    """Whether the turn asks the last question again for a newly named place.

    "onko äänekoskella sellaisia?", "finns det sådana i Lahtis?" after a question: the
    message names a place and refers back to what was asked.
    """
    return (
        turn.previous is not None
        and turn.first("place") is not None
        and _SUCH.search(fold(turn.text)) is not None
    )


def asks_national_level(turn: Turn) -> bool:
    """Whether the turn asks the last programme question again for the whole country.

    "entä koko maa?", "och hela landet sammanlagt?", "and Finland in total?" after a
    question about a region's programme facts.
    """
    previous = turn.previous
    return (
        previous is not None
        and previous.intent == Intent.ASK_PROGRAMME
        and _WHOLE_COUNTRY.search(fold(turn.text)) is not None
    )


def refers_to_unit(turn: Turn) -> bool:
    """Whether an unclear message asks about the unit just talked about.

    "mistä niistä saa lisää tietoa?", "har de facebook?" after a unit or a town's one meeting
    place: the message names no place or unit of its own and refers back to it.
    """
    return (
        turn.unit is not None
        and turn.first("place") is None
        and turn.first("unit") is None
        and _THEM.search(fold(turn.text)) is not None
    )
