"""Which reading of a question to answer, when the intent and the entities disagree.

The classifier picks one of near-synonymous intents; the entities often say more. These rules
decide in one place, after the entities are made canonical:

- a municipality named together with a service-like topic ("perhekeskus heinola") asks for
  the local service, not for the programme's general text;
- a question naming only programme topics ("missä LAPE-avajaiset pidettiin"), or a year
  ("mitä päijät-hämeessä tehdään 2019"), asks for the programme fact, even when it is worded
  like a unit or services question;
- a contact-person reading without a role that asks how much money ("kuinka paljon sinne
  annettiin rahaa"), or without a role, contact details or a word that asks for someone
  ("etelä-pohjanmaan lape hanke"), asks for the programme fact or the service named, and a
  services reading about a region that asks for someone asks for the region's people;
- "what is a family centre?" ("mikä ihmeen perhekeskus", "onko se joku uusi palvelu", "mitä
  kohtaamispaikoissa yleensä tehdään") with no place named or remembered asks for the
  programme's facts (the definition first), even when it is classified as a services,
  meeting-place or unit question;
- contact details asked about a unit or a place ("seinäjoen perhekeskus yhteystiedot",
  "seinajoki perhekeskus yhteystiedot", "mikä sen puhelinnumero on" after a unit) ask for the
  unit's details, unless the message refers to a person ("hänen").
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answers.dialogue import Question, Turn
from bot.answers.facts import YEAR
from bot.answers.intents import Intent
from bot.directory.model import MEETING_PLACE_SERVICE
from bot.directory.place import Place
from bot.directory.queries import Directory
from bot.text import fold

#: "What is a family centre?" asks for the definition even when a place is remembered.
_ASKS_WHAT_IT_IS = re.compile(r"\b(?:mik[äa]|mit[äa])\s+(?:on|ovat|tarkoittaa)\b", re.IGNORECASE)
#: The same question in any of the bot's languages, for a message that names no place.
_ASKS_DEFINITION = re.compile(
    r"\b(?:mik[äa]\s+(?:on|ovat|ihmeen)|mit[äa]\s+tarkoit\w*|vad\s+(?:är|betyder|innebär)"
    r"|what(?:'s|\s+is)|whats|uu(?:si|sia|tta)\s+palvelu\w*|nya?\s+tjänst\w*|new\s+service"
    r"|mit[äa]\s+(?:\w+\s+){0,3}(?:tehd[äa][äa]n|tapahtuu)|vad\s+(?:gör\s+man|händer)"
    r"|what\s+(?:happens|do\s+(?:they|you|people)\s+do))\b",
    re.IGNORECASE,
)
#: Readings answered by listing a place's units.
_LISTINGS = frozenset({Intent.ASK_SERVICES, Intent.FIND_SERVICE, Intent.ASK_MEETING_PLACES})
#: Words that refer to the place or unit talked about ("siellä", "sen", "niillä").
_REFERS_TO_THERE = re.compile(
    r"\b(?:siel(?:l[äa])?|sen|niill[äa]|heill[äa]|sinne|sielt[äa])\b", re.I
)
#: Words that refer to the thing talked about ("se", "sen", "sitä", "siitä").
_REFERS_TO_IT = re.compile(r"\b(?:se|sen|sit[äa]|siit[äa]|ne|niit[äa]|niist[äa])\b", re.I)
#: Words that refer to a person, not to a unit.
_REFERS_TO_PERSON = re.compile(r"\bh[äa]n(?:en|ell[äa]|elle|et)?\b", re.IGNORECASE)
_MUNICIPALITY_CODE = re.compile(r"\d{3}")
#: Words that ask for someone (folded): without one, and without a role, a question is no
#: question about contact persons ("etelä-pohjanmaan lape hanke", "keski-suomen muutosraha").
_ASKS_FOR_SOMEONE = re.compile(
    r"\b(?:ketka|kene\w*|kehen|kelle|kuk\w*|joku|jolta|jolle|yhteyshenkilo\w*"
    r"|ihmi\w*|henkilo\w*|tyontekij\w*|vem|nagon|kontaktperson\w*|person\w*|who\w*|someone"
    r"|somebody|anyone|people|staff|ansvar\w*|samordn\w*|koordin\w*|coordinat\w*|responsible)\b"
)

#: Words that ask for an amount of money (folded): a programme's figure, never a person.
_ASKS_AMOUNT = re.compile(
    r"\b(?:paljonko|kuinka paljon|rahaa?|rahoitu\w*|euro\w*|miljoon\w*"
    r"|hur mycket|pengar|finansiering\w*|how much|money|funding)\b"
)

#: Words that ask who (folded), in each language: stricter than :data:`_ASKS_FOR_SOMEONE`.
_ASKS_WHOM = re.compile(r"\b(?:kuka|ketka|kene\w*|kehen|kelle|vem|vems|who|whom|whose)\b")
#: Words for a contact person (folded), in each language.
_CONTACT_PERSON = re.compile(r"\b(?:yhteyshenkilo\w*|kontaktperson\w*|contact\s+persons?)\b")


def asks_amount(text: str) -> bool:
    """Whether the message asks how much money ("paljonko", "hur mycket pengar", "funding")."""
    return _ASKS_AMOUNT.search(fold(text)) is not None


def asks_whom(text: str) -> bool:
    """Whether the message asks who ("keneen otan yhteyttä", "who can I ask", "vem kan")."""
    return _ASKS_WHOM.search(fold(text)) is not None


def asks_for_a_contact(text: str) -> bool:
    """Whether the message asks who, or for a contact person ("kontaktperson i Vasa")."""
    return asks_whom(text) or _CONTACT_PERSON.search(fold(text)) is not None


def refine(directory: Directory, question: Question, turn: Turn) -> Question:
    """The question to answer, given what the message and the conversation name."""
    named_place = turn.first("place")
    named_municipality = named_place is not None and _MUNICIPALITY_CODE.fullmatch(named_place)
    service_topics = [topic for topic in question.topics if directory.service(topic)]
    programme_topics = [topic for topic in question.topics if not directory.service(topic)]
    if (
        question.intent == Intent.ASK_PROGRAMME
        and named_municipality
        and not programme_topics
        and not _ASKS_WHAT_IT_IS.search(turn.text)
    ):
        service = question.service or (service_topics[0] if service_topics else None)
        return replace(question, intent=Intent.ASK_SERVICES, service=service)
    if question.intent == Intent.ASK_UNIT_INFO and question.unit is None and programme_topics:
        return replace(question, intent=Intent.ASK_PROGRAMME)
    if (
        question.intent in {Intent.ASK_SERVICES, Intent.FIND_SERVICE, Intent.ASK_UNIT_INFO}
        and question.unit is None
        and not named_municipality
        and YEAR.search(turn.text)
    ):
        # "mitä päijät-hämeessä tehdään 2019 perhekeskuksen kanssa": services are asked about
        # now, the programme's history by its years (a town named with a year is still about
        # services: "2019 syntynyt lapsi, neuvola lahdessa").
        return replace(question, intent=Intent.ASK_PROGRAMME)
    if (
        question.intent in {*_LISTINGS, Intent.ASK_UNIT_INFO}
        and question.topics
        and question.unit is None
        and named_place is None
        and turn.place is None
        and _ASKS_DEFINITION.search(turn.text)
    ):
        # "what's a family centre?" with no place anywhere: the definition, not "where?".
        return replace(question, intent=Intent.ASK_PROGRAMME)
    if asks_amount(turn.text) and (
        (
            question.intent == Intent.ASK_CONTACT_ROLE
            and question.role is None
            and question.person is None
            and question.contact_field is None
        )
        or (question.intent in {Intent.ASK_SERVICES, Intent.FIND_SERVICE} and programme_topics)
    ):
        # "oli joku LAPE-juttu, kuinka paljon sinne annettiin rahaa?": the region's figure
        # ("paljonko perheneuvola maksaa" names no programme topic: still a services question).
        return replace(question, intent=Intent.ASK_PROGRAMME)
    region = named_place is not None and Place.parse(named_place).is_area
    remembered_region = (
        named_place is None and turn.place is not None and Place.parse(turn.place).is_area
    )
    if (
        question.intent in {Intent.ASK_SERVICES, Intent.FIND_SERVICE, Intent.ASK_UNIT_INFO}
        and question.unit is None
        and (
            (region and _ASKS_FOR_SOMEONE.search(fold(turn.text)))
            or (remembered_region and asks_whom(turn.text))
        )
    ):
        # "onko päijät-hämeessä joku jolta voi kysyä perhekeskuksista", "kuka hoitaa vaativan
        # tason palveluja?" after the region's team: the region's people.
        return replace(question, intent=Intent.ASK_CONTACT_ROLE)
    if (
        question.intent == Intent.ASK_CONTACT_ROLE
        and question.role is None
        and question.contact_field is None
        and not _ASKS_FOR_SOMEONE.search(fold(turn.text))
    ):
        if question.unit is None and (programme_topics or (region and not question.service)):
            return replace(question, intent=Intent.ASK_PROGRAMME)
        if question.service or service_topics:
            # "mötesplats för familjer Kaksineuvoinen": that unit's or place's meeting places.
            service = question.service or service_topics[0]
            meeting = service == MEETING_PLACE_SERVICE
            intent = Intent.ASK_MEETING_PLACES if meeting else Intent.ASK_SERVICES
            return replace(question, intent=intent, service=service)
    previous = turn.previous
    if (
        question.intent == Intent.ASK_UNIT_INFO
        and not turn.first("unit")
        and previous is not None
        and previous.intent == Intent.ASK_PROGRAMME
        and _REFERS_TO_IT.search(turn.text)
    ):
        # "missä se pidettiin?" after the launch event: the same programme topic.
        return replace(previous, topics=previous.topics or question.topics)
    if (
        question.intent == Intent.ASK_CONTACT_ROLE
        and question.unit is None
        and named_place is None
        and turn.unit is not None
        and (turn.place is None or _REFERS_TO_THERE.search(turn.text))
    ):
        # "kuka siellä on yhteyshenkilö" after a unit: that unit's people.
        return replace(question, unit=turn.unit)
    if (
        question.intent in {Intent.ASK_SERVICES, Intent.FIND_SERVICE}
        and question.contact_field is not None
        and (named_municipality or turn.first("unit"))
    ):
        # "seinajoki perhekeskus yhteystiedot": the contact details of the local unit.
        return replace(question, intent=Intent.ASK_UNIT_INFO)
    if question.intent == Intent.ASK_PERSON_CONTACT and not turn.first("person"):
        refers_to_person = _REFERS_TO_PERSON.search(turn.text) is not None
        unit = turn.first("unit") or (None if named_place or refers_to_person else turn.unit)
        if unit is not None or (named_place is not None and not refers_to_person):
            return replace(question, intent=Intent.ASK_UNIT_INFO, unit=unit, person=None)
    return question
