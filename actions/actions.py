"""Custom actions: thin glue from the tracker to ``bot.answers`` and back.

Every action catches its own failures: when an action raises, Rasa drops its reply and the
parent would get silence, so the parent gets a polite apology and the error goes to the log.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.answers.crisis import crisis_answer, situation_answer, situation_from_slot
from bot.answers.dialogue import Question, Turn
from bot.answers.facts import warm_up
from bot.answers.feedback import awaits_reason, feedback_reply, reason_reply, with_feedback
from bot.answers.handoff import handoff_answer, waits_for_place
from bot.answers.intents import Intent
from bot.answers.messages import Reply, apology
from bot.answers.normalise import vocabulary_in
from bot.answers.replies import answer
from bot.answers.routing import likeliest_question, not_understood
from bot.answers.smalltalk import smalltalk
from bot.directory.model import Language
from bot.directory.store import default_store
from bot.language import DEFAULT_LANGUAGE, is_language, reply_language
from bot.language import warm_up as warm_up_language
from bot.safety import asks_for_help

logger = logging.getLogger(__name__)

# The action server imports this module at start: load the lemma dictionary then, not on the
# first parent's question (it takes seconds).
warm_up()
warm_up_language()

ENTITY_TYPES = ("place", "unit", "person", "service", "role", "contact_field", "topic")
#: Entities that are names: left out when the language of a message is detected.
NAME_ENTITIES = ("place", "unit", "person")


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
    names = [
        (entity["start"], entity["end"])
        for entity in latest.get("entities") or []
        if entity.get("entity") in NAME_ENTITIES
        and isinstance(entity.get("start"), int)
        and isinstance(entity.get("end"), int)
    ]
    hint = (latest.get("metadata") or {}).get("language")
    return Turn(
        intent=intent,
        entities=entities,
        place=slot("place"),
        unit=slot("unit"),
        person=slot("person"),
        previous=Question.from_slot(tracker.get_slot("question")),
        text=text,
        language=reply_language(text, previous=slot("language"), hint=hint, names=names),
    )


def remembered_language(tracker: Tracker) -> Language:
    """The conversation's language so far (for replies when reading the turn failed)."""
    value = tracker.get_slot("language")
    return value if is_language(value) else DEFAULT_LANGUAGE


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


def send(dispatcher: CollectingDispatcher, reply: Reply) -> list[EventType]:
    """Utter the reply's messages, each with its language, and return the slot events.

    The ``language`` slot remembers the language of the reply: the conversation's language.
    """
    for message in reply.messages:
        buttons = [{"title": b.title, "payload": b.payload} for b in message.buttons]
        dispatcher.utter_message(text=message.text, buttons=buttons, lang=message.lang)
    events: list[EventType] = [SlotSet(name, value) for name, value in reply.slots.items()]
    if reply.messages:
        events.append(SlotSet("language", reply.messages[-1].lang))
    return events


class ActionAnswer(Action):
    """Answer a question about services, meeting places, units, contacts or programmes."""

    def name(self) -> str:
        """The action's name in domain.yml."""
        return "action_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Look the answer up in the directory for the parent's place."""
        try:
            directory, turn = default_store().current(), turn_from_tracker(tracker)
            situation = situation_from_slot(tracker.get_slot("situation"))
            reply = situation_answer(directory, situation, turn.text, turn.intent, turn.place)
            if (
                reply is None
                and turn.intent == Intent.INFORM_PLACE
                and waits_for_place(tracker.get_slot("question"))
            ):
                reply = with_feedback(
                    handoff_answer(directory, turn.place, turn.language), turn.language
                )
            elif reply is None:
                reply = with_feedback(answer(directory, turn), turn.language)
        except Exception:
            logger.exception("action_answer failed for conversation %s", tracker.sender_id)
            reply = apology(remembered_language(tracker))
        return send(dispatcher, reply)


class ActionCrisis(Action):
    """Give the emergency number first, then what fits the situation."""

    def name(self) -> str:
        """The action's name in domain.yml."""
        return "action_crisis"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Reply to a crisis message; never fails silently."""
        text = (tracker.latest_message or {}).get("text") or ""
        try:
            turn = turn_from_tracker(tracker)
            reply = crisis_answer(default_store().current(), text, turn.place, turn.language)
        except Exception:
            logger.exception("action_crisis failed for conversation %s", tracker.sender_id)
            reply = crisis_answer(None, text, None)
        return send(dispatcher, reply)


class ActionFallback(Action):
    """Out of scope or not understood: never a dead end on an in-domain message."""

    def name(self) -> str:
        """The action's name in domain.yml."""
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """The safety help after a crisis, the likeliest in-domain reading, or a way forward."""
        turn = turn_from_tracker(tracker)
        scores = ranking(tracker)
        try:
            directory = default_store().current()
            reply = situation_answer(
                directory,
                situation_from_slot(tracker.get_slot("situation")),
                turn.text,
                turn.intent,
                turn.place,
            )
            likeliest = likeliest_question(
                turn.intent,
                scores,
                turn.entities,
                names_service=bool(vocabulary_in(directory, turn.text)),
                asks_for_help=asks_for_help(turn.text),
                knows_place=turn.place is not None,
                knows_person=turn.person is not None,
            )
            if reply is None and awaits_reason(user_intents(tracker)):
                reply = reason_reply(turn.text, turn.language)
            elif reply is None and likeliest is not None:
                reply = answer(directory, replace(turn, intent=likeliest))
                reply = with_feedback(reply, turn.language)
        except Exception:
            logger.exception("action_fallback failed for conversation %s", tracker.sender_id)
            reply = None
        if reply is None:
            reply = not_understood(turn.intent, scores, turn.language)
        return send(dispatcher, reply)


class ActionHandoff(Action):
    """A parent asks for a person: the local contact card (the chat is never transferred)."""

    def name(self) -> str:
        """The action's name in domain.yml."""
        return "action_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """The crisis help after a crisis, otherwise the contact card for the parent's place."""
        try:
            directory, turn = default_store().current(), turn_from_tracker(tracker)
            situation = situation_from_slot(tracker.get_slot("situation"))
            reply = situation_answer(directory, situation, turn.text, turn.intent, turn.place)
            if reply is None:
                reply = with_feedback(
                    handoff_answer(directory, turn.place, turn.language), turn.language
                )
        except Exception:
            logger.exception("action_handoff failed for conversation %s", tracker.sender_id)
            reply = apology(remembered_language(tracker))
        return send(dispatcher, reply)


class ActionFeedback(Action):
    """Thank the parent for 👍/👎 and store it as the ``feedback`` slot."""

    def name(self) -> str:
        """The action's name in domain.yml."""
        return "action_feedback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Store the feedback; 👎 invites an optional reason.

        The reply is in the conversation's language: the button's payload says nothing about it.
        """
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name") or ""
        try:
            reply = feedback_reply(str(intent), remembered_language(tracker))
        except Exception:
            logger.exception("action_feedback failed for conversation %s", tracker.sender_id)
            reply = apology(remembered_language(tracker))
        return send(dispatcher, reply)


class ActionSmalltalk(Action):
    """Greetings, thanks, "are you a bot?" and "what can you do?" in the parent's language."""

    def name(self) -> str:
        """The action's name in domain.yml."""
        return "action_smalltalk"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Reply to small talk; never fails silently."""
        try:
            turn = turn_from_tracker(tracker)
            reply = smalltalk(turn.intent, turn.language)
        except Exception:
            logger.exception("action_smalltalk failed for conversation %s", tracker.sender_id)
            reply = apology(remembered_language(tracker))
        return send(dispatcher, reply)
