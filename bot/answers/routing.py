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

#: Entities that name something in the directory.
DIRECTORY_ENTITIES = ("unit", "person", "service", "role", "topic", "place")
#: In-domain intents together must carry this much of the classifier's confidence.
IN_DOMAIN_MASS = 0.5
#: With this much, the parent is asked which reading was meant ("Tarkoititko…?").
CHOICE_MASS = 0.25
#: How each reading is offered as a button.
READINGS = {
    Intent.ASK_SERVICES: "Perhepalvelut kunnassani",
    Intent.FIND_SERVICE: "Tietty palvelu (esim. perheneuvola)",
    Intent.ASK_MEETING_PLACES: "Kohtaamispaikat ja avoimet päiväkodit",
    Intent.ASK_UNIT_INFO: "Perhekeskuksen tiedot",
    Intent.ASK_CONTACT_ROLE: "Yhteyshenkilöt",
    Intent.ASK_PERSON_CONTACT: "Henkilön yhteystiedot",
    Intent.ASK_PROGRAMME: "LAPE-ohjelma ja perhekeskukset",
}
_NOT_UNDERSTOOD = (
    "En ole varma, mitä tarkoitit. Voisitko kysyä toisin sanoin? Voin kertoa "
    "perhekeskusten palveluista, kohtaamispaikoista ja yhteyshenkilöistä."
)
_OUT_OF_SCOPE = (
    "Tähän en valitettavasti osaa vastata. Tunnen perhekeskusten palvelut, "
    "kohtaamispaikat ja yhteyshenkilöt."
)


def likeliest_question(
    intent: str,
    ranking: Sequence[tuple[str, float]],
    entities: Mapping[str, Sequence[str]],
    *,
    names_service: bool = False,
    asks_for_help: bool = False,
    knows_place: bool = False,
) -> str | None:
    """The in-domain intent to answer instead of a fallback, or None to keep the fallback.

    Args:
        intent: The predicted intent (``nlu_fallback`` or ``out_of_scope`` here).
        ranking: The classifier's intents with their confidences, best first.
        entities: The entities of the message by type.
        names_service: The text names a service or topic of the vocabulary ("perhekeskus").
        asks_for_help: The text asks where to get help or whom to call.
        knows_place: The place is named now or remembered from the conversation.

    Returns:
        An intent of :data:`QUESTION_INTENTS` (or ``inform_place``), or None.
    """
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
    if in_domain and not (named & {"service", "unit"} and in_domain[0][0] == Intent.ASK_PROGRAMME):
        return in_domain[0][0]
    if named & {"service", "unit"}:
        return Intent.ASK_SERVICES
    if named == {"place"}:
        return Intent.INFORM_PLACE
    return Intent.ASK_PROGRAMME


def not_understood(intent: str, ranking: Sequence[tuple[str, float]]) -> Reply:
    """The reply when no in-domain reading is likely enough: a choice, or a way forward.

    When the in-domain intents carry some of the confidence, the two or three likeliest are
    offered as buttons ("Tarkoititko…?", Rasa's two-stage fallback). Otherwise the parent is
    told what the bot knows about, with buttons to go on. It never guesses a unit.
    """
    in_domain = [(name, score) for name, score in ranking if name in READINGS]
    if intent != Intent.OUT_OF_SCOPE and sum(score for _, score in in_domain) >= CHOICE_MASS:
        buttons = tuple(Button(READINGS[name], f"/{name}") for name, _ in in_domain[:3])
        return Reply((Message("Tarkoititko jotakin näistä?", buttons),))
    text = _OUT_OF_SCOPE if intent == Intent.OUT_OF_SCOPE else _NOT_UNDERSTOOD
    buttons = (
        Button("Mitä osaat?", "/ask_capabilities"),
        Button("Mitä perhepalveluita kunnassani on?", "/ask_services"),
        Button("Mikä on perhekeskus?", "Mikä on perhekeskus?"),
    )
    return Reply((Message(text, buttons),))
