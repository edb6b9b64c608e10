"""Which question a turn asks when the classifier is unsure: no dead ends on in-domain messages.

Rasa's FallbackClassifier turns a low-confidence prediction into ``nlu_fallback``. Many of
those messages are clear to a person: a service word and a town ("perhekeskus muurame"), a
role in a region in the third person, a long story with the question inside. When such a
message names something in the directory, or the in-domain intents together clearly outweigh
the rest, the likeliest in-domain reading is answered. Only messages that name nothing and
that the classifier really did not place get the generic fallback.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.answers.intents import QUESTION_INTENTS, Intent
from bot.answers.messages import Button, Message, Reply
from bot.answers.phrases import say
from bot.directory.model import Language

#: Entities that name something in the directory.
DIRECTORY_ENTITIES = ("unit", "person", "service", "role", "topic", "place")
#: In-domain intents together must carry this much of the classifier's confidence.
IN_DOMAIN_MASS = 0.5
#: With this much, the parent is asked which reading was meant ("Tarkoititko…?").
CHOICE_MASS = 0.25
#: An in-domain intent with less than this is no reading of its own: the named things decide.
LEANING = 0.1
#: How each reading is offered as a button (phrase keys of :mod:`bot.answers.phrases`).
READINGS = {
    Intent.ASK_SERVICES: "reading_services",
    Intent.FIND_SERVICE: "reading_find_service",
    Intent.ASK_MEETING_PLACES: "reading_meeting_places",
    Intent.ASK_UNIT_INFO: "reading_unit",
    Intent.ASK_CONTACT_ROLE: "reading_contacts",
    Intent.ASK_PERSON_CONTACT: "reading_person",
    Intent.ASK_PROGRAMME: "reading_programme",
}


def likeliest_question(
    intent: str,
    ranking: Sequence[tuple[str, float]],
    entities: Mapping[str, Sequence[str]],
    *,
    names_service: bool = False,
    asks_for_help: bool = False,
    knows_place: bool = False,
    knows_person: bool = False,
    national_follow_up: bool = False,
    place_follow_up: bool = False,
    unit_follow_up: bool = False,
) -> str | None:
    """The in-domain intent to answer instead of a fallback, or None to keep the fallback.

    Args:
        intent: The predicted intent (``nlu_fallback`` or ``out_of_scope`` here).
        ranking: The classifier's intents with their confidences, best first.
        entities: The entities of the message by type.
        names_service: The text names a service or topic of the vocabulary ("perhekeskus").
        asks_for_help: The text asks where to get help or whom to call.
        knows_place: The place is named now or remembered from the conversation.
        knows_person: The conversation has just been about one person.
        national_follow_up: The message asks the last programme question for the whole
            country ("entä koko maa?").
        place_follow_up: The message asks the last question again for a place it names
            ("onko äänekoskella sellaisia?").
        unit_follow_up: The message asks about the unit just talked about ("mistä niistä saa
            lisää tietoa?").

    Returns:
        An intent of :data:`QUESTION_INTENTS` (or ``inform_place``), or None.
    """
    if national_follow_up:
        return Intent.ASK_PROGRAMME
    if place_follow_up:
        return Intent.INFORM_PLACE
    if entities.get("contact_field") and knows_person:
        # "entä sähköposti?", "mikä hänen numeronsa on?" right after a person's answer.
        return Intent.ASK_PERSON_CONTACT
    if unit_follow_up and intent != Intent.OUT_OF_SCOPE:
        return Intent.ASK_UNIT_INFO
    if asks_for_help and knows_place:
        # "Asutaan Viitasaarella … mistä saa apua?", "kenelle voin soittaa?": the local help.
        return Intent.ASK_SERVICES
    in_domain = [(name, score) for name, score in ranking if name in QUESTION_INTENTS]
    named = {kind for kind in DIRECTORY_ENTITIES if entities.get(kind)}
    if names_service:
        named.add("service")
    mass = sum(score for name, score in ranking if name in QUESTION_INTENTS | {Intent.INFORM_PLACE})
    # "what's the weather like in Lahti": a town alone does not make a family question; the
    # classifier must lean to the family questions as well.
    if not named - {"place"} and (intent == Intent.OUT_OF_SCOPE or mass < IN_DOMAIN_MASS):
        return None
    if named & {"person"}:
        return Intent.ASK_PERSON_CONTACT
    if named & {"role"}:
        return Intent.ASK_CONTACT_ROLE
    leaning = [(name, score) for name, score in in_domain if score >= LEANING]
    if leaning and not (named & {"service", "unit"} and leaning[0][0] == Intent.ASK_PROGRAMME):
        return leaning[0][0]
    if named & {"service", "unit"}:
        return Intent.ASK_SERVICES
    if named == {"place"}:
        return Intent.INFORM_PLACE
    return Intent.ASK_PROGRAMME


def not_understood(
    intent: str, ranking: Sequence[tuple[str, float]], lang: Language = "fi"
) -> Reply:
    """The reply when no in-domain reading is likely enough: a choice, or a way forward.

    When the in-domain intents carry some of the confidence, the two or three likeliest are
    offered as buttons ("Tarkoititko…?", Rasa's two-stage fallback). Otherwise the parent is
    told what the bot knows about, with buttons to go on. It never guesses a unit.
    """
    in_domain = [(name, score) for name, score in ranking if name in READINGS]
    if intent != Intent.OUT_OF_SCOPE and sum(score for _, score in in_domain) >= CHOICE_MASS:
        buttons = tuple(Button(say(READINGS[name], lang), f"/{name}") for name, _ in in_domain[:3])
        return Reply((Message(say("did_you_mean", lang), buttons, lang),))
    text = say("out_of_scope" if intent == Intent.OUT_OF_SCOPE else "not_understood", lang)
    buttons = (
        Button(say("button_capabilities", lang), f"/{Intent.ASK_CAPABILITIES}"),
        Button(say("button_my_services", lang), f"/{Intent.ASK_SERVICES}"),
        Button(say("button_what_is_centre", lang), say("button_what_is_centre", lang)),
    )
    return Reply((Message(text, buttons, lang),))
