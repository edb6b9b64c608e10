"""Read the parents' messages and what the bot did with them from the conversation store.

Rasa's SQL tracker store keeps one row per event in the table ``events`` (``sender_id``,
``type_name``, ``timestamp``, ``data`` as JSON). A parent's message (``user``) and everything
up to the next one (actions, bot messages, slots) make one :class:`Exchange`. The texts are
stored masked by the channels; :func:`read_exchanges` masks them again with
:func:`bot.privacy.mask`, in case anything was stored some other way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from bot.answers.intents import Intent
from bot.privacy import mask

#: Intents whose confidence says nothing about the classifier.
NOT_CLASSIFIED = frozenset({Intent.NLU_FALLBACK})


@dataclass
class Exchange:
    """One message of a parent and the bot's turn after it.

    Attributes:
        sender: The conversation id.
        timestamp: Unix time of the message.
        text: The message, masked.
        intent: The intent Rasa gave it.
        confidence: The classifier's highest confidence for a real intent (1.0 for a button).
        entities: Entity values by type.
        place: The ``place`` slot after the turn (municipality code or region id), if any.
        actions: The actions the bot ran.
        replies: The texts the bot sent.
        feedback: The ``feedback`` slot value set in this turn, if any.
    """

    sender: str
    timestamp: float
    text: str
    intent: str
    confidence: float
    entities: dict[str, list[str]] = field(default_factory=dict)
    place: str | None = None
    actions: list[str] = field(default_factory=list)
    replies: list[str] = field(default_factory=list)
    feedback: Mapping[str, Any] | None = None


def read_exchanges(url: str, since: float) -> list[Exchange]:
    """The exchanges of every conversation from ``since`` on, in time order per conversation.

    Conversations active since then are read whole, so that a place given earlier is known.

    Args:
        url: SQLAlchemy URL of the conversation store.
        since: Unix time; earlier messages are left out.

    Returns:
        The exchanges, grouped by conversation; empty when the store has no events table.
    """
    engine = sa.create_engine(url)
    try:
        if not sa.inspect(engine).has_table("events"):
            return []
        events = sa.Table("events", sa.MetaData(), autoload_with=engine)
        active = sa.select(events.c.sender_id).where(events.c.timestamp >= since).distinct()
        query = (
            sa.select(events.c.sender_id, events.c.data)
            .where(events.c.sender_id.in_(active))
            .order_by(events.c.sender_id, events.c.id)
        )
        with engine.connect() as connection:
            rows = [(str(sender), str(data or "")) for sender, data in connection.execute(query)]
    finally:
        engine.dispose()
    return [exchange for exchange in exchanges_of(rows) if exchange.timestamp >= since]


def exchanges_of(rows: Iterable[tuple[str, str]]) -> Iterator[Exchange]:
    """Build exchanges from ``(sender_id, event JSON)`` rows in stored order."""
    current: Exchange | None = None
    place: dict[str, str | None] = {}
    for sender, data in rows:
        try:
            event = json.loads(data)
        except ValueError:
            continue
        if not isinstance(event, dict):
            continue
        kind = event.get("event")
        if kind == "user":
            if current is not None:
                yield current
            current = _user_exchange(sender, event, place.get(sender))
            continue
        if kind == "slot" and event.get("name") == "place":
            value = event.get("value")
            place[sender] = value if isinstance(value, str) and value else None
        if current is None or current.sender != sender:
            continue
        _add_event(current, event, place.get(sender))
    if current is not None:
        yield current


def _user_exchange(sender: str, event: Mapping[str, Any], place: str | None) -> Exchange:
    parse = event.get("parse_data") or {}
    intent = str((parse.get("intent") or {}).get("name") or "")
    ranking = [
        float(item.get("confidence") or 0.0)
        for item in parse.get("intent_ranking") or []
        if isinstance(item, dict) and item.get("name") not in NOT_CLASSIFIED
    ]
    top = float((parse.get("intent") or {}).get("confidence") or 0.0)
    entities: dict[str, list[str]] = {}
    for entity in parse.get("entities") or []:
        if isinstance(entity, dict) and isinstance(entity.get("value"), str):
            entities.setdefault(str(entity.get("entity")), []).append(entity["value"])
    return Exchange(
        sender=sender,
        timestamp=float(event.get("timestamp") or 0.0),
        text=mask(str(event.get("text") or "")),
        intent=intent,
        confidence=max(ranking) if ranking else top,
        entities=entities,
        place=place,
    )


def _add_event(exchange: Exchange, event: Mapping[str, Any], place: str | None) -> None:
    kind = event.get("event")
    exchange.place = place
    if kind == "action" and event.get("name") != "action_listen":
        exchange.actions.append(str(event.get("name")))
    elif kind == "bot" and event.get("text"):
        exchange.replies.append(str(event["text"]))
    elif kind == "slot" and event.get("name") == "feedback":
        value = event.get("value")
        if isinstance(value, dict):
            exchange.feedback = {
                key: mask(str(item)) if key == "reason" else str(item)
                for key, item in value.items()
            }
