"""The custom actions, run as the action server runs them: tracker in, events and replies out."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher

import actions.actions as action_module
from actions.actions import (
    ActionAnswer,
    ActionCrisis,
    ActionFallback,
    ActionFeedback,
    ActionSmalltalk,
    send,
    turn_from_tracker,
)
from bot.answers.messages import Message, Reply
from bot.paths import PROJECT_ROOT
from bot.safety import CRISIS_KEY, detect_crisis


def tracker(
    intent: str,
    entities: list[dict[str, Any]] | None = None,
    text: str = "",
    **slots: Any,
) -> Tracker:
    """A tracker whose latest message has this intent and these entities.

    A crisis message carries what the NLU's crisis detection found, as in the pipeline.
    """
    latest: dict[str, Any] = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.99},
        "entities": entities or [],
    }
    match = detect_crisis(text)
    if intent == "crisis" and match is not None:
        latest[CRISIS_KEY] = match.as_value()
    return Tracker(
        sender_id="test-parent",
        slots={
            "place": None,
            "unit": None,
            "person": None,
            "question": None,
            "situation": None,
            **slots,
        },
        latest_message=latest,
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def entity(kind: str, value: str) -> dict[str, Any]:
    return {"entity": kind, "value": value, "start": 0, "end": 1}


async def run(action: Any, tracker_: Tracker) -> tuple[list[dict[str, Any]], list[Any]]:
    """The action's messages and its events, less the ``language`` slot (tested on its own)."""
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker_, {})
    return dispatcher.messages, [e for e in events if e.get("name") != "language"]


async def languages(action: Any, tracker_: Tracker) -> tuple[list[str], list[str]]:
    """The ``lang`` of each message and the ``language`` slot values the action set."""
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker_, {})
    slots = [e["value"] for e in events if e.get("name") == "language"]
    return [message["lang"] for message in dispatcher.messages], slots


async def test_services_of_laukaa_name_hype_and_its_services() -> None:
    messages, events = await run(
        ActionAnswer(), tracker("ask_services", [entity("place", "410")], place="410")
    )
    assert len(messages) == 1
    text = messages[0]["text"]
    assert "HyPe" in text
    for service in ("lääkärin palvelut", "etsivä nuorisotyö", "Jyväskylän perheneuvola"):
        assert service in text
    assert "Lähde: Askelia kohti LAPEn tavoitteita" in text
    assert events == [
        SlotSet("question", {"intent": "ask_services"}),
        SlotSet("unit", "laukaa-hype"),
    ]
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        "/feedback_helpful",
        "/feedback_not_helpful",
        "/ask_meeting_places",
        "/ask_contact_role",
    ]


async def test_muurame_gets_keski_suomi_contacts_not_hype() -> None:
    messages, events = await run(ActionAnswer(), tracker("ask_services", place="500"))
    text = messages[0]["text"]
    assert "Hakemistossa ei ole vielä kunnan Muurame omia perhekeskuspalveluja." in text
    assert "Hanna Hämäläinen" in text
    assert "[050 304 6670](tel:+358503046670)" in text
    assert "HyPe" not in text
    assert events == [SlotSet("question", {"intent": "ask_services"})]


async def test_rovaniemi_is_told_plainly_that_nothing_is_known_there() -> None:
    messages, _ = await run(ActionAnswer(), tracker("ask_services", place="698"))
    text = messages[0]["text"]
    assert "kunnan Rovaniemi" in text and "alueelta Lappi" in text
    for elsewhere in ("HyPe", "Hämäläinen", "Vesterinen", "Jalo"):
        assert elsewhere not in text


async def test_missing_place_is_asked_and_the_question_remembered() -> None:
    messages, events = await run(
        ActionAnswer(), tracker("find_service", [entity("service", "perheneuvola")])
    )
    assert messages[0]["text"].startswith("Missä kunnassa asut?")
    assert messages[0]["buttons"][0] == {
        "title": "Laukaa",
        "payload": '/inform_place{"place": "410"}',
    }
    assert events == [SlotSet("question", {"intent": "find_service", "service": "perheneuvola"})]


async def test_place_given_afterwards_answers_the_remembered_question() -> None:
    remembered = {"intent": "find_service", "service": "perheneuvola"}
    messages, events = await run(
        ActionAnswer(),
        tracker("inform_place", [entity("place", "410")], place="410", question=remembered),
    )
    text = messages[0]["text"]
    assert text.startswith("Laukaa: perheneuvola löytyy hakemiston mukaan täältä:")
    assert "Jyväskylän perheneuvola" in text
    assert all(event["name"] != "question" for event in events)  # kept: unchanged, not set


async def test_switching_place_keeps_the_question() -> None:
    remembered = {"intent": "ask_meeting_places"}
    messages, _ = await run(
        ActionAnswer(),
        tracker("inform_place", [entity("place", "992")], place="992", question=remembered),
    )
    assert "Äänekosken avoimet päiväkodit" in messages[0]["text"]


async def test_his_number_refers_to_the_last_person() -> None:
    messages, events = await run(
        ActionAnswer(),
        tracker(
            "ask_person_contact",
            [entity("contact_field", "phone")],
            person="sari-paananen",
        ),
    )
    text = messages[0]["text"]
    assert "Sari Paananen" in text
    assert "[014 266 4870](tel:+358142664870), [050 351 8621](tel:+358503518621)" in text
    assert "@" not in text
    assert all(event["name"] != "person" for event in events)  # kept: unchanged, not set


async def test_and_email_follows_up_on_the_same_person() -> None:
    remembered = {"intent": "ask_person_contact", "person": "elina-vesterinen"}
    messages, _ = await run(
        ActionAnswer(),
        tracker(
            "ask_person_contact",
            [entity("contact_field", "email")],
            person="elina-vesterinen",
            question=remembered,
        ),
    )
    assert (
        "[elina.vesterinen2@phhyky.fi](mailto:elina.vesterinen2@phhyky.fi)" in messages[0]["text"]
    )


def test_directory_words_the_nlu_did_not_tag_say_nothing_of_the_language() -> None:
    text = "hei, is there an avoin päiväkoti in Äänekoski?"
    start = text.index("Äänekoski")
    place = {"entity": "place", "value": "992", "start": start, "end": start + 9}
    latest = tracker("ask_meeting_places", [place], text)
    assert turn_from_tracker(latest).language == "en"


async def test_an_unknown_email_gives_the_phone_instead() -> None:
    messages, _ = await run(
        ActionAnswer(),
        tracker("ask_person_contact", [entity("contact_field", "email")], person="julia-ekola"),
    )
    text = messages[0]["text"]
    assert "sähköpostiosoitetta ei ole tiedossa" in text
    assert "[040 549 9734](tel:+358405499734)" in text
    assert not messages[0].get("buttons") or all(
        "puhelin" not in button["title"] for button in messages[0]["buttons"]
    )


async def test_role_in_a_region() -> None:
    messages, _ = await run(
        ActionAnswer(),
        tracker(
            "ask_contact_role",
            [entity("role", "muutosagentti"), entity("place", "region:Päijät-Häme")],
            place="region:Päijät-Häme",
        ),
    )
    text = messages[0]["text"]
    assert "Elina Vesterinen" in text and "Hämäläinen" not in text
    assert "päivitetty 16.1.2019" in text


async def test_programme_question_answers_from_the_directory() -> None:
    messages, _ = await run(ActionAnswer(), tracker("ask_programme", [entity("topic", "rahoitus")]))
    lines = messages[0]["text"].splitlines()
    # data/directory/programmes.yaml, lape-rahoitus: the text and its amount of 19000000 euros.
    assert lines[0].endswith("yhteensä 19 miljoonaa euroa kärkihankerahoitusta.")
    assert (
        lines[1] == "Kärkihankerahoitus kaikille maakunnille ja pääkaupunkiseudulle: 19 000 000 €"
    )
    assert "Lähde: Keski-Suomen lasten ja perheiden parhaaksi -hanke, päiväys ei tiedossa" in lines


async def test_unit_with_several_local_units_asks_which_one() -> None:
    messages, _ = await run(ActionAnswer(), tracker("ask_unit_info", place="992"))
    assert messages[0]["text"] == "Mitä näistä tarkoitat?"
    payloads = [b["payload"] for b in messages[0]["buttons"]]
    assert '/ask_unit_info{"unit": "aanekoski-perhekeskus"}' in payloads


async def test_crisis_gives_112_first_then_the_helpline() -> None:
    messages, events = await run(
        ActionCrisis(), tracker("crisis", text="mieheni lyö minua", place="410")
    )
    lines = messages[0]["text"].splitlines()
    assert lines[0] == "Jos on välitön hätä, soita heti hätänumeroon 112."
    assert any("080 005 005" in line for line in lines)
    assert "Laukaan lasten ja nuorten hyvinvointi- ja perhekeskus" in lines[-2] and lines[
        -1
    ].startswith("Lähde: nollalinja.fi")
    assert events == [
        SlotSet(
            "situation",
            {"category": "violence", "language": "fi", "young": False, "helpline": "violence"},
        )
    ]


@pytest.mark.parametrize(
    ("text", "first", "helpline"),
    [
        ("min man slår mig", "Om det är akut fara, ring genast nödnumret 112.", "080 005 005"),
        ("my teenage son talks about suicide", "If anyone is in immediate danger", "116 111"),
        ("jag orkar inte leva", "Om det är akut fara", "MIELI Kristelefon på svenska"),
        ("my toddler swallowed pills", "If anyone is in immediate danger", "0800 147 111"),
    ],
)
async def test_crisis_in_swedish_and_english(text: str, first: str, helpline: str) -> None:
    messages, _ = await run(ActionCrisis(), tracker("crisis", text=text))
    reply = messages[0]["text"]
    assert reply.splitlines()[0].startswith(first)
    assert helpline in reply


async def test_after_violence_whom_to_talk_to_gets_safety_help_and_local_service() -> None:
    situation = {"category": "violence", "language": "en", "young": False}
    for action, intent in (
        (ActionAnswer(), "ask_contact_role"),
        (ActionFallback(), "nlu_fallback"),
    ):
        messages, _ = await run(
            action,
            tracker(intent, text="who can I talk to?", place="410", situation=situation),
        )
        reply = messages[0]["text"]
        assert reply.startswith("If anyone is in immediate danger")
        assert (
            "Nollalinja" in reply
            and "080 005 005" in reply
            and "laukaan-hyvinvointi-ja-perhekeskus-hype" in reply
        )
        assert "Hämäläinen" not in reply


async def test_out_of_scope_without_a_crisis_offers_a_way_forward() -> None:
    messages, events = await run(
        ActionFallback(),
        tracker(
            "out_of_scope",
            text="sataako huomenna lahdessa",
            entities=[entity("place", "398")],
        ),
    )
    assert messages[0]["text"].startswith("Tähän en valitettavasti osaa vastata.")
    assert "Monitoimitalo Jalo" not in str(messages)
    assert events == []


async def test_unsure_but_naming_a_service_and_a_place_gets_the_answer() -> None:
    latest = tracker(
        "nlu_fallback",
        text="perhekeskus äänekoski",
        entities=[entity("place", "992")],
        place="992",
    )
    latest.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.7},
        {"name": "inform_place", "confidence": 0.45},
        {"name": "find_service", "confidence": 0.3},
    ]
    messages, _ = await run(ActionFallback(), latest)
    assert "Äänekosken perhekeskustoiminta" in messages[0]["text"]


async def test_unsure_without_names_asks_which_reading_was_meant() -> None:
    latest = tracker("nlu_fallback", text="kertoisitko vähän")
    latest.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.7},
        {"name": "ask_programme", "confidence": 0.2},
        {"name": "ask_services", "confidence": 0.15},
        {"name": "greet", "confidence": 0.1},
    ]
    messages, _ = await run(ActionFallback(), latest)
    assert messages[0]["text"] == "Tarkoititko jotakin näistä?"
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/ask_programme", "/ask_services"]


async def test_crisis_from_the_classifier_alone_still_gives_112() -> None:
    messages, _ = await run(ActionCrisis(), tracker("crisis", text="auttakaa"))
    assert messages[0]["text"].startswith("Jos on välitön hätä, soita heti hätänumeroon 112.")


async def test_a_failing_lookup_still_answers_politely(monkeypatch: pytest.MonkeyPatch) -> None:
    class BrokenStore:
        def current(self) -> Any:
            raise RuntimeError("directory unavailable")

    monkeypatch.setattr(action_module, "STORE", BrokenStore())
    messages, events = await run(ActionAnswer(), tracker("ask_services", place="410"))
    assert messages[0]["text"].startswith("Pahoittelut, en juuri nyt pysty hakemaan vastausta.")
    assert events == []
    messages, _ = await run(ActionCrisis(), tracker("crisis", text="lapsi ei hengitä"))
    assert messages[0]["text"].startswith("Jos on välitön hätä, soita heti hätänumeroon 112.")


ASK_PLACE_FI = "Missä kunnassa asut? Kirjoita kuntasi nimi tai valitse alta."
ASK_PLACE_EN = "Which municipality do you live in? Type its name or choose below."


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("", ASK_PLACE_FI),
        ("x" * 12_000, ASK_PLACE_FI),
        ("😀😀😀", ASK_PLACE_FI),
        ("<script>alert(1)</script>", ASK_PLACE_FI),
        ("'; DROP TABLE events; --", ASK_PLACE_EN),  # detected as English
    ],
)
async def test_odd_input_gets_a_reply(text: str, question: str) -> None:
    """Odd text with a services question and no place: the place is asked (not an apology)."""
    messages, events = await run(ActionAnswer(), tracker("ask_services", text=text))
    assert [message["text"] for message in messages] == [question]
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        '/inform_place{"place": "410"}',
        '/inform_place{"place": "992"}',
        '/inform_place{"place": "398"}',
        '/inform_place{"place": "743"}',
    ]
    assert events == [SlotSet("question", {"intent": "ask_services"})]


async def test_two_people_named_asks_which_one() -> None:
    messages, _ = await run(
        ActionAnswer(),
        tracker(
            "ask_person_contact",
            [
                entity("person", "sari-paananen"),
                entity("person", "petri-oinonen"),
                entity("contact_field", "phone"),
            ],
        ),
    )
    assert messages[0]["text"] == "Kenen yhteystietoja tarkoitat?"
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        '/ask_person_contact{"person": "sari-paananen", "contact_field": "phone"}',
        '/ask_person_contact{"person": "petri-oinonen", "contact_field": "phone"}',
    ]


async def test_raw_entity_values_are_mapped_to_the_vocabulary() -> None:
    messages, _ = await run(
        ActionAnswer(),
        tracker(
            "ask_person_contact",
            [entity("contact_field", "puhelinnumeronsa")],
            text="mikä hänen puhelinnumeronsa on?",
            person="hanna-hamalainen",
        ),
    )
    assert "050 304 6670" in messages[0]["text"] and "@" not in messages[0]["text"]
    messages, events = await run(
        ActionAnswer(),
        tracker("find_service", [entity("service", "perheneuvolaa")], place="410"),
    )
    assert "Jyväskylän perheneuvola" in messages[0]["text"]
    assert events[0] == SlotSet("question", {"intent": "find_service", "service": "perheneuvola"})


async def test_programme_topic_found_in_the_text_when_not_tagged() -> None:
    messages, _ = await run(
        ActionAnswer(), tracker("ask_programme", text="Milloin KSLAPEn avaustapahtuma oli?")
    )
    assert "15.3.2017" in messages[0]["text"]


async def test_a_unit_question_remembers_the_units_municipality() -> None:
    _, events = await run(ActionAnswer(), tracker("ask_services", [entity("unit", "laukaa-hype")]))
    assert SlotSet("place", "410") in events
    _, events = await run(
        ActionAnswer(), tracker("ask_services", [entity("unit", "laukaa-hype")], place="992")
    )
    assert SlotSet("place", "410") not in events


async def test_a_swedish_question_is_answered_in_swedish() -> None:
    text = "vilka tjänster finns det för familjer i Laukaa"
    place = {**entity("place", "410"), "start": 40, "end": 46}
    latest = tracker("ask_services", [place], text, place="410")
    messages, _ = await run(ActionAnswer(), latest)
    reply = "\n".join(message["text"] for message in messages)
    assert reply.startswith("Laukas: familjetjänster i katalogen:")
    assert "Laukaan lasten ja nuorten hyvinvointi- ja perhekeskus" in reply
    assert "Källa: " in reply and "Lähde:" not in reply
    assert "visas på finska" in reply
    assert await languages(ActionAnswer(), latest) == (["sv"] * len(messages), ["sv"])


async def test_a_finnish_service_word_in_an_english_question_keeps_it_english() -> None:
    text = "moi! is there a perhekeskus in Äänekoski? sorry my finnish is bad"
    service = {**entity("service", "perhekeskus"), "start": 16, "end": 27}
    place = {**entity("place", "992"), "start": 31, "end": 40}
    latest = tracker("find_service", [service, place], text, place="992")
    langs, slots = await languages(ActionAnswer(), latest)
    assert set(langs) == {"en"} and slots == ["en"]


async def test_an_english_greeting_is_answered_in_english() -> None:
    messages, _ = await run(ActionSmalltalk(), tracker("greet", text="hello there, good morning"))
    assert messages[0]["text"].startswith("Hello! I am Perhebotti.")
    assert messages[0]["lang"] == "en"


async def test_a_short_message_keeps_the_conversation_language() -> None:
    latest = tracker("thank", text="ok", language="sv")
    assert await languages(ActionSmalltalk(), latest) == (["sv"], [])  # kept, not set again
    finnish = tracker("thank", text="kiitos paljon tiedosta", language="sv")
    assert await languages(ActionSmalltalk(), finnish) == (["fi"], ["fi"])


async def test_the_channel_hint_decides_an_ambiguous_first_message() -> None:
    latest = tracker("inform_place", [entity("place", "410")], text="Laukaa")
    latest.latest_message["entities"][0].update(start=0, end=6)
    latest.latest_message["metadata"] = {"language": "en"}
    langs, slots = await languages(ActionAnswer(), latest)
    assert set(langs) == {"en"} and slots == ["en"]
    latest.latest_message["metadata"] = {"language": "de"}
    langs, slots = await languages(ActionAnswer(), latest)
    assert set(langs) == {"fi"} and slots == ["fi"]


def test_the_action_server_registers_exactly_the_domains_actions() -> None:
    executor = ActionExecutor()
    executor.register_package("actions")
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert set(executor.actions) == set(domain["actions"])


def slots_after(tracker_: Tracker, events: list[dict[str, Any]]) -> dict[str, Any]:
    """The tracker's slots once the action's slot events are applied, as Rasa applies them."""
    changes = {event["name"]: event["value"] for event in events if event["event"] == "slot"}
    return {**tracker_.slots, **changes}


def test_only_changed_slots_are_set_and_the_slots_end_up_the_same() -> None:
    reply = Reply(
        (Message("Hej", lang="sv"),),
        {"place": "410", "unit": "laukaa-hype", "question": None, "person": None},
    )
    latest = tracker("greet", place="410", question={"intent": "ask_services"}, language="fi")
    events = send(CollectingDispatcher(), reply, latest)
    assert events == [
        SlotSet("unit", "laukaa-hype"),
        SlotSet("question", None),
        SlotSet("language", "sv"),
    ]
    every_slot_set = {**latest.slots, **reply.slots, "language": "sv"}
    assert slots_after(latest, events) == every_slot_set


async def test_each_turn_ends_with_the_same_slots_as_when_every_slot_was_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    replies: list[Reply] = []

    def spy(dispatcher: CollectingDispatcher, reply: Reply, tracker_: Tracker) -> Any:
        replies.append(reply)
        return send(dispatcher, reply, tracker_)

    monkeypatch.setattr(action_module, "send", spy)
    turns = [
        ("ask_services", [entity("place", "410")], "Mitä palveluita Laukaassa on?"),
        ("ask_services", [entity("place", "410")], "ja Laukaassa?"),
        ("ask_meeting_places", [], "entä kohtaamispaikat?"),
        ("inform_place", [entity("place", "992")], "Äänekoski"),
        ("thank", [], "kiitos"),
    ]
    slots: dict[str, Any] = {}
    set_per_turn = []
    for intent, entities, text in turns:
        place = next((e["value"] for e in entities if e["entity"] == "place"), slots.get("place"))
        latest = tracker(intent, entities, text, **{**slots, "place": place})
        action = ActionSmalltalk() if intent == "thank" else ActionAnswer()
        events = await action.run(CollectingDispatcher(), latest, {})
        reply = replies[-1]
        every_slot_set = {**latest.slots, **reply.slots, "language": reply.messages[-1].lang}
        assert slots_after(latest, events) == every_slot_set
        assert all(latest.get_slot(event["name"]) != event["value"] for event in events)
        slots = every_slot_set
        set_per_turn.append(len(events))
    # Repeated values are not set again; Äänekoski's one meeting place becomes the unit.
    assert set_per_turn == [3, 0, 1, 1, 0]
    assert slots["place"] == "992" and slots["language"] == "fi"


async def test_the_same_feedback_twice_is_stored_twice() -> None:
    latest = tracker("feedback_helpful", feedback={"helpful": "yes"}, language="fi")
    _, events = await run(ActionFeedback(), latest)
    assert events == [SlotSet("feedback", {"helpful": "yes"})]
