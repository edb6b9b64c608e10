"""A conversation store in Rasa's SQL layout, filled with event rows as Rasa writes them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa

SOURCE = "Lähde: Sivu, päivitetty 1.2.2019"


def user(text: str, intent: str, confidence: float = 0.95, **entities: str) -> dict[str, Any]:
    return {
        "event": "user",
        "text": text,
        "parse_data": {
            "intent": {"name": intent, "confidence": confidence},
            "intent_ranking": [{"name": intent, "confidence": confidence}],
            "entities": [{"entity": k, "value": v} for k, v in entities.items()],
        },
    }


def action(name: str) -> dict[str, Any]:
    return {"event": "action", "name": name}


def bot(text: str) -> dict[str, Any]:
    return {"event": "bot", "text": text}


def slot(name: str, value: Any) -> dict[str, Any]:
    return {"event": "slot", "name": name, "value": value}


def write_store(path: Path, conversations: dict[str, list[tuple[float, dict[str, Any]]]]) -> str:
    """Create an SQLite store at ``path`` with the events; return its URL."""
    url = f"sqlite:///{path}"
    engine = sa.create_engine(url)
    metadata = sa.MetaData()
    events = sa.Table(
        "events",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sender_id", sa.String(255), nullable=False),
        sa.Column("type_name", sa.String(255), nullable=False),
        sa.Column("timestamp", sa.Float),
        sa.Column("intent_name", sa.String(255)),
        sa.Column("action_name", sa.String(255)),
        sa.Column("data", sa.Text),
    )
    metadata.create_all(engine)
    with engine.begin() as connection:
        for sender, rows in conversations.items():
            for timestamp, event in rows:
                data = {**event, "timestamp": timestamp}
                connection.execute(
                    events.insert().values(
                        sender_id=sender,
                        type_name=event["event"],
                        timestamp=timestamp,
                        data=json.dumps(data, ensure_ascii=False),
                    )
                )
    engine.dispose()
    return url
