"""The crisis override: the intent becomes crisis, and what was found travels in the parse data."""

from __future__ import annotations

from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.rasa.crisis import CrisisIntentOverride
from bot.safety import CRISIS_KEY


def parsed(text: str) -> Message:
    message = Message({TEXT: text})
    message.set(INTENT, {"name": "ask_services", "confidence": 0.9}, add_to_output=True)
    [result] = CrisisIntentOverride().process([message])
    return result


def test_a_crisis_wins_and_its_kind_is_in_the_output() -> None:
    message = parsed("min man slår mig")
    assert message.get(INTENT)["name"] == "crisis"
    output = message.as_dict(only_output_properties=True)
    assert output[CRISIS_KEY] == {
        "category": "violence",
        "language": "sv",
        "young": False,
        "helpline": "violence",
    }


def test_an_ordinary_question_keeps_its_intent_and_gets_no_crisis() -> None:
    message = parsed("onko laukaassa perheneuvolaa")
    assert message.get(INTENT)["name"] == "ask_services"
    assert CRISIS_KEY not in message.as_dict(only_output_properties=True)
