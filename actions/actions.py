"""Custom actions: thin glue from the tracker to ``bot.answers`` and back.

Every action catches its own failures: when an action raises, Rasa drops its reply and the
parent would get silence, so the parent gets a polite apology and the error goes to the log.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.answers.crisis import crisis_answer, situation_answer
from bot.answers.dialogue import (
    Question,
    Turn,
    asks_again_for_place,
    asks_national_level,
    refers_to_unit,
)
from bot.answers.facts import warm_up
from bot.answers.feedback import (
    FEEDBACK_SLOT,
    awaits_reason,
    feedback_reply,
    reason_reply,
    with_feedback,
)
from bot.answers.handoff import handoff_answer, waits_for_place
from bot.answers.intents import Intent
from bot.answers.messages import Reply, apology
from bot.answers.normalise import term_spans, vocabulary_in
from bot.answers.replies import answer
from bot.answers.routing import likeliest_question, not_understood
from bot.answers.smalltalk import smalltalk
from bot.directory.model import Language
from bot.directory.queries import Directory
from bot.directory.store import DirectoryStore
from bot.language import DEFAULT_LANGUAGE, is_language, reply_language
from bot.language import warm_up as warm_up_language
from bot.safety import CRISIS_KEY, CrisisMatch, asks_for_help
from bot.settings import directory_dir

logger = logging.getLogger(__name__)

# The action server imports this module at start: load the lemma dictionary then, not on the
# first parent's question (it takes seconds).
warm_up()
warm_up_language()

#: The directory the actions answer from (``PERHEBOTTI_DIRECTORY_DIR``, else data/directory).
STORE = DirectoryStore(directory_dir())

ENTITY_TYPES = ("place", "unit", "person", "service", "role", "contact_field", "topic")
#: Entities that are names: left out when the language of a message is detected.
NAME_ENTITIES = ("place", "unit", "person")
#: Entities that are directory words, which parents use in any language: left out too when a
#: sentence remains around them (see :func:`bot.language.reply_language`).
TERM_ENTITIES = ("service", "role", "topic")
#: Slots set on every turn that sets them, even to the same value: each 👍/👎 is a record of
#: its own in the conversation store (see :mod:`bot.report.events`).
ALWAYS_SET = frozenset({FEEDBACK_SLOT})


def turn_from_tracker(tracker: Tracker) -> Turn:
    """Read the latest message's intent and entities and the remembered slots."""
    latest = tracker.latest_message or {}
    intent = (latest.get("intent") or {}).get("name") or ""
    entities: dict[str, list[str]] = {}
    for entity in latest.get("entities") or []:
        kind, value = entity.get("entity"), entity.get("value")
        if kind in ENTITY_TYPES and isinstance(value, str) and value:
            entities.setdefault(kind, []).append(value)

    def slot(name: str) -> str | None:
        value = tracker.get_slot(name)
        return value if isinstance(value, str) and value else None

    text = str(latest.get("text") or "")

    def spans(kinds: tuple[str, ...]) -> list[tuple[int, int]]:
        return [
            (entity["start"], entity["end"])
            for entity in latest.get("entities") or []
            if entity.get("entity") in kinds
            and isinstance(entity.get("start"), int)
            and isinstance(entity.get("end"), int)
        ]

    hint = (latest.get("metadata") or {}).get("language")
    language = reply_language(
        text,
        previous=slot("language"),
        hint=hint,
        names=spans(NAME_ENTITIES),
        terms=[*spans(TERM_ENTITIES), *term_spans(STORE.current(), text)],
    )
    return Turn(
        intent=intent,
        entities=entities,
        place=slot("place"),
        unit=slot("unit"),
        person=slot("person"),
        previous=Question.from_slot(tracker.get_slot("question")),
        text=text,
        language=language,
    )


def remembered_language(tracker: Tracker) -> Language:
    """The conversation's language so far (for replies when reading the turn failed)."""
    value = tracker.get_slot("language")
    return value if is_language(value) else DEFAULT_LANGUAGE


def detected(tracker: Tracker) -> CrisisMatch | None:
    """The crisis the NLU found in the latest message (None when only the classifier said so)."""
    return CrisisMatch.from_value((tracker.latest_message or {}).get(CRISIS_KEY))


def ranking(tracker: Tracker) -> list[tuple[str, float]]:
    """The classifier's intents of the latest message with their confidences, best first."""
    result = []
    for item in (tracker.latest_message or {}).get("intent_ranking") or []:
        name, score = item.get("name"), item.get("confidence")
        if isinstance(name, str) and isinstance(score, int | float):
            result.append((name, float(score)))
    return result


def user_intents(tracker: Tracker) -> list[str]:
    """The intents of the conversation's user messages, oldest first."""
    return [
        str(((event.get("parse_data") or {}).get("intent") or {}).get("name") or "")
        for event in tracker.events
        if event.get("event") == "user"
    ]


def send(dispatcher: CollectingDispatcher, reply: Reply, tracker: Tracker) -> list[EventType]:
    """Utter the reply's messages, each with its language, and return the slot events.

    The ``language`` slot remembers the language of the reply: the conversation's language.
    A slot is set only when its value changes (each event is sent to Rasa, checked and stored),
    except :data:`ALWAYS_SET`.
    """
    for message in reply.messages:
        buttons = [{"title": b.title, "payload": b.payload} for b in message.buttons]
        dispatcher.utter_message(text=message.text, buttons=buttons, lang=message.lang)
    slots = dict(reply.slots)
    if reply.messages:
        slots["language"] = reply.messages[-1].lang
    return [
        SlotSet(name, value)
        for name, value in slots.items()
        if name in ALWAYS_SET or value != tracker.get_slot(name)
    ]


class ReplyAction(Action, ABC):
    """An action that computes one :class:`Reply` and never fails silently.

    Subclasses give :meth:`reply`; when it raises, the error is logged and the parent gets
    :meth:`on_failure` (a polite apology in the conversation's language by default). It is
    abstract, so the action server does not register it as an action of its own.
    """

    @abstractmethod
    def reply(self, tracker: Tracker) -> Reply:
        """The reply to the latest message."""

    def on_failure(self, tracker: Tracker) -> Reply:
        """The reply when :meth:`reply` failed."""
        return apology(remembered_language(tracker))

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Send the reply, or the failure reply, and set the slots."""
        try:
            reply = self.reply(tracker)
        except Exception:
            logger.exception("%s failed for conversation %s", self.name(), tracker.sender_id)
            reply = self.on_failure(tracker)
        return send(dispatcher, reply, tracker)


def _after_crisis(directory: Directory, tracker: Tracker, turn: Turn) -> Reply | None:
    """The safety help when the parent described a crisis earlier, else None."""
    situation = CrisisMatch.from_value(tracker.get_slot("situation"))
    return situation_answer(directory, situation, turn.text, turn.intent, turn.place)


class ActionAnswer(ReplyAction):
    """Answer a question about services, meeting places, units, contacts or programmes."""

    def name(self) -> str:
        """The action's name in domain.yml."""
        return "action_answer"

    def reply(self, tracker: Tracker) -> Reply:
        """Look the answer up in the directory for the parent's place."""
        directory, turn = STORE.current(), turn_from_tracker(tracker)
        after_crisis = _after_crisis(directory, tracker, turn)
        if after_crisis is not None:
            return after_crisis
        if turn.intent == Intent.INFORM_PLACE and waits_for_place(tracker.get_slot("question")):
            return with_feedback(
                handoff_answer(directory, turn.place, turn.language), turn.language
            )
        return with_feedback(answer(directory, turn), turn.language)


class ActionCrisis(ReplyAction):
    """Give the emergency number first, then what fits the situation."""

    def name(self) -> str:
        """The action's name in domain.yml."""
        return "action_crisis"

    def reply(self, tracker: Tracker) -> Reply:
        """112 first, the fitting helplines and the local services."""
        turn = turn_from_tracker(tracker)
        return crisis_answer(STORE.current(), detected(tracker), turn.place, turn.language)

    def on_failure(self, tracker: Tracker) -> Reply:
        """Even without the directory or the turn, 112."""
        return crisis_answer(None, detected(tracker), None, remembered_language(tracker))


class ActionFallback(ReplyAction):
    """Out of scope or not understood: never a dead end on an in-domain message."""

    def name(self) -> str:
        """The action's name in domain.yml."""
        return "action_fallback"

    def reply(self, tracker: Tracker) -> Reply:
        """The safety help after a crisis, the likeliest in-domain reading, or a way forward."""
        directory, turn = STORE.current(), turn_from_tracker(tracker)
        scores = ranking(tracker)
        after_crisis = _after_crisis(directory, tracker, turn)
        if after_crisis is not None:
            return after_crisis
        if awaits_reason(user_intents(tracker)):
            return reason_reply(turn.text, turn.language)
        likeliest = likeliest_question(
            turn.intent,
            scores,
            turn.entities,
            names_service=bool(vocabulary_in(directory, turn.text)),
            asks_for_help=asks_for_help(turn.text),
            knows_place=turn.place is not None,
            knows_person=turn.person is not None,
            national_follow_up=asks_national_level(turn),
            place_follow_up=asks_again_for_place(turn),
            unit_follow_up=refers_to_unit(turn),
        )
        if likeliest is not None:
            return with_feedback(answer(directory, replace(turn, intent=likeliest)), turn.language)
        return not_understood(turn.intent, scores, turn.language)

    def on_failure(self, tracker: Tracker) -> Reply:
        """A way forward, in the conversation's language."""
        return not_understood("", ranking(tracker), remembered_language(tracker))


class ActionHandoff(ReplyAction):
    """A parent asks for a person: the local contact card (the chat is never transferred)."""

    def name(self) -> str:
        """The action's name in domain.yml."""
        return "action_handoff"

    def reply(self, tracker: Tracker) -> Reply:
        """The crisis help after a crisis, otherwise the contact card for the parent's place."""
        directory, turn = STORE.current(), turn_from_tracker(tracker)
        after_crisis = _after_crisis(directory, tracker, turn)
        if after_crisis is not None:
            return after_crisis
        return with_feedback(handoff_answer(directory, turn.place, turn.language), turn.language)


class ActionFeedback(ReplyAction):
    """Thank the parent for 👍/👎 and store it as the ``feedback`` slot."""

    def name(self) -> str:
        """The action's name in domain.yml."""
        return "action_feedback"

    def reply(self, tracker: Tracker) -> Reply:
        """Store the feedback; 👎 invites an optional reason.

        The reply is in the conversation's language: the button's payload says nothing about it.
        """
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name") or ""
        return feedback_reply(str(intent), remembered_language(tracker))


class ActionSmalltalk(ReplyAction):
    """Greetings, thanks, "are you a bot?" and "what can you do?" in the parent's language."""

    def name(self) -> str:
        """The action's name in domain.yml."""
        return "action_smalltalk"

    def reply(self, tracker: Tracker) -> Reply:
        """Reply to small talk."""
        turn = turn_from_tracker(tracker)
        return smalltalk(turn.intent, turn.language)
