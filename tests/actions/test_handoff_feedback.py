"""action_handoff, action_feedback and the reason after 👎, run as the action server runs them."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.actions import ActionAnswer, ActionFallback, ActionFeedback, ActionHandoff
from tests.actions.test_actions import entity, run, tracker


def with_history(latest: Tracker, *intents: str) -> Tracker:
    """The tracker with earlier user messages of these intents, then the latest message."""
    events: list[dict[str, Any]] = [
        {"event": "user", "text": name, "parse_data": {"intent": {"name": name}}}
        for name in intents
    ]
    events.append({"event": "user", "text": latest.latest_message["text"],
                   "parse_data": {"intent": latest.latest_message["intent"]}})  # fmt: skip
    latest.events = events
    return latest


async def test_handoff_without_a_place_asks_for_it_then_the_place_gets_the_card() -> None:
    messages, events = await run(
        ActionHandoff(), tracker("ask_human", text="haluan puhua ihmiselle")
    )
    assert "Missä kunnassa asut?" in messages[0]["text"]
    assert SlotSet("question", {"intent": "ask_human"}) in events
    messages, events = await run(
        ActionAnswer(),
        tracker(
            "inform_place",
            [entity("place", "500")],
            text="Muurame",
            place="500",
            question={"intent": "ask_human"},
        ),
    )
    text = messages[0]["text"]
    assert text.startswith("En voi siirtää tätä keskustelua ihmiselle")
    assert "Hanna Hämäläinen" in text and text.endswith("Auttoiko vastaus?")
    assert SlotSet("question", None) in events


async def test_handoff_with_a_known_place_gives_the_card_with_feedback_buttons() -> None:
    messages, _ = await run(ActionHandoff(), tracker("ask_human", text="tämä ei auta", place="410"))
    assert "HyPe" in messages[0]["text"] and "09 2525 0111" in messages[0]["text"]
    assert [b["payload"] for b in messages[0]["buttons"]][:2] == [
        "/feedback_helpful",
        "/feedback_not_helpful",
    ]


async def test_thumbs_down_is_stored_and_invites_a_reason() -> None:
    messages, events = await run(ActionFeedback(), tracker("feedback_not_helpful"))
    assert "mitä vastauksesta puuttui" in messages[0]["text"]
    assert SlotSet("feedback", {"helpful": "no"}) in events
    _, events = await run(ActionFeedback(), tracker("feedback_helpful"))
    assert SlotSet("feedback", {"helpful": "yes"}) in events


async def test_an_unclear_message_after_thumbs_down_is_stored_as_the_reason() -> None:
    latest = tracker("nlu_fallback", text="numero oli väärä, soitin 040 123 4567")
    messages, events = await run(
        ActionFallback(), with_history(latest, "ask_services", "feedback_not_helpful")
    )
    assert messages[0]["text"].startswith("Kiitos, palautteesi on tallennettu.")
    reason = {"helpful": "no", "reason": "numero oli väärä, soitin [puhelinnumero]"}
    assert SlotSet("feedback", reason) in events


async def test_an_unclear_message_without_thumbs_down_is_a_normal_fallback() -> None:
    latest = tracker("nlu_fallback", text="numero oli väärä")
    messages, events = await run(ActionFallback(), with_history(latest, "ask_services"))
    assert not messages[0]["text"].startswith("Kiitos")
    assert all(event.get("name") != "feedback" for event in events)


async def test_a_factual_answer_asks_for_feedback() -> None:
    messages, _ = await run(
        ActionAnswer(), tracker("ask_services", [entity("place", "410")], place="410")
    )
    assert messages[-1]["text"].endswith("Auttoiko vastaus?")
    assert messages[-1]["buttons"][0]["title"] == "👍 Kyllä"


async def test_thumbs_are_thanked_in_the_conversations_language_not_the_payloads() -> None:
    messages, _ = await run(
        ActionFeedback(), tracker("feedback_not_helpful", text="/feedback_not_helpful")
    )
    assert messages[0]["text"].startswith("Kiitos palautteesta")
    messages, _ = await run(
        ActionFeedback(), tracker("feedback_helpful", text="/feedback_helpful", language="sv")
    )
    assert messages[0]["text"].startswith("Tack för responsen")
