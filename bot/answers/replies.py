"""The bot's answers, written from the directory in the parent's language.

Every factual answer ends with its provenance (source and date). Links are Markdown
(``[050 351 9249](tel:+358503519249)``): the chat page renders them, the Telegram channel turns
them into plain text, and a shell shows them as they are. Nothing here invents a fact: when
the directory has nothing for a place, the answer says so, names the place, and gives the
nearest true level (the region's contacts, national information).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from bot.answers.dialogue import Question, Turn, asks_national_level, question_for
from bot.answers.facts import rank_facts, responsible_for
from bot.answers.intents import Intent
from bot.answers.local import (
    known_service,
    meeting_places,
    meeting_places_of_unit,
    region_units,
    services_for_unit,
    services_in_place,
)
from bot.answers.messages import Button, Message, Reply, intent_payload
from bot.answers.normalise import canonical_turn
from bot.answers.phrases import say
from bot.answers.reading import asks_amount, asks_for_a_contact, asks_whom, refine
from bot.answers.render import (
    MAX_ITEMS,
    area_name,
    entry_name,
    fact_text,
    factual,
    municipality_name,
    person_line,
    prefer_role,
    unit_info,
)
from bot.answers.routing import not_understood
from bot.directory.model import Language, Person, ServiceLocation
from bot.directory.place import Place
from bot.directory.queries import Directory

#: Places with units in the directory, offered as buttons when the bot asks for a place.
PLACE_BUTTONS = ("410", "992", "398", "743")

PROGRAMME_BUTTONS = (
    ("button_what_is_lape", "lape"),
    ("button_what_is_centre", "perhekeskus"),
    ("button_what_is_meeting_place", "kohtaamispaikka"),
    ("button_what_is_agent", "muutosagentti"),
)


# --- answers per question ----------------------------------------------------------------


def _ask_place(directory: Directory, question: Question, lang: Language) -> Reply:
    buttons = tuple(
        Button(
            municipality_name(directory, code, lang),
            intent_payload(Intent.INFORM_PLACE, place=code),
        )
        for code in PLACE_BUTTONS
    )
    return Reply(
        (Message(say("ask_place", lang), buttons, lang),), {"question": question.to_slot()}
    )


def _choose_unit(units: Sequence[ServiceLocation], lang: Language) -> Message:
    buttons = tuple(
        Button(unit.name_fi, intent_payload(Intent.ASK_UNIT_INFO, unit=unit.id))
        for unit in units[:MAX_ITEMS]
    )
    return Message(say("choose_unit", lang), buttons, lang)


def _choose_person(persons: Sequence[Person], field: str | None, lang: Language) -> Message:
    extra = {"contact_field": field} if field else {}
    buttons = tuple(
        Button(
            person.full_name, intent_payload(Intent.ASK_PERSON_CONTACT, person=person.id, **extra)
        )
        for person in persons[:MAX_ITEMS]
    )
    return Message(say("choose_person", lang), buttons, lang)


def _contacts_for_role(
    directory: Directory, question: Question, place: str | None, text: str, lang: Language
) -> tuple[Message, tuple[Person, ...]]:
    """The persons in a role (all contacts when no role is asked), for a place if given."""
    role = directory.role(question.role) if question.role else None
    unit = directory.unit(question.unit) if question.unit else None
    persons = directory.find_contacts(role=role.id if role else None, region=place)
    if unit is not None:
        # "kaksineuvoisen perhekeskuksen yhteyshenkilö": the people of the unit's organisation.
        persons = directory.find_contacts(organisation=unit.organization) or persons
        place = None
    persons = responsible_for(directory, persons, text)
    role_text = entry_name(role, lang).lower() if role else say("contact_person", lang)
    where = municipality_name(directory, place, lang) if place else None
    if not persons:
        lines = [
            say("no_role_in", lang, role=role_text, place=where)
            if where
            else say("no_role", lang, role=role_text)
        ]
        facts = directory.programme(role.id if role else "muutosagentti")[:1]
        lines += [fact_text(fact) for fact in facts]
        return factual("\n\n".join(lines), [fact.source for fact in facts], lang), persons
    heading = (
        say("role_in", lang, role=role_text.capitalize(), place=where)
        if where
        else say("role_everywhere", lang, role=role_text.capitalize())
    )
    lines = [heading]
    for person in prefer_role(persons, "muutosagentti")[:MAX_ITEMS]:
        line = person_line(person, directory, ("phone", "email"), lang)
        if not where:
            regions = ", ".join(area_name(directory, r, lang) for r in person.area.regions)
            line += f" ({regions or say('region_unknown', lang)})"
        lines.append(line)
    if len(persons) > MAX_ITEMS:
        lines.append(say("more_persons", lang, count=len(persons) - MAX_ITEMS))
    return factual("\n".join(lines), [p.source for p in persons[:MAX_ITEMS]], lang), persons


def _person_contact(
    directory: Directory, person: Person, field: str | None, lang: Language
) -> Message:
    """The person's phone or email as asked, with a button for the other.

    Both when no field is asked, or when the asked one is not known: "julia ekolan sähköposti?"
    is told that there is none, and the phone number to call instead.
    """
    sources = [person.source]
    known = {"phone": bool(person.phones), "email": bool(person.emails)}
    if field not in ("phone", "email") or not known[field]:
        return factual(person_line(person, directory, ("phone", "email"), lang), sources, lang)
    other = "email" if field == "phone" else "phone"
    payload = intent_payload(Intent.ASK_PERSON_CONTACT, contact_field=other)
    button = Button(say(f"and_{other}", lang), payload)
    return factual(person_line(person, directory, (field,), lang), sources, lang, [button])


def _programme(
    directory: Directory, question: Question, place: str | None, text: str, lang: Language
) -> Message:
    facts = rank_facts(directory, text, question.topics, place)
    if not facts:
        buttons = tuple(
            Button(say(title, lang), intent_payload(Intent.ASK_PROGRAMME, topic=topic_id))
            for title, topic_id in PROGRAMME_BUTTONS
        )
        return Message(say("which_topic", lang), buttons, lang)
    parts = [fact_text(fact) for fact in facts]
    if place is not None and asks_amount(text) and all(fact.area.national for fact in facts):
        # "hur mycket pengar fick Päijät-Häme": no regional figure, so say the national one is.
        name = municipality_name(directory, place, lang)
        parts.insert(0, say("national_figure_only", lang, place=name))
    return factual("\n\n".join(parts), [fact.source for fact in facts], lang)


# --- the entry points -----------------------------------------------------------------------


def answer(directory: Directory, turn: Turn) -> Reply:
    """Answer one turn from the directory.

    Args:
        directory: The current directory.
        turn: The turn's intent, entities and remembered slots.

    Returns:
        The messages and the slots to set (the question, the unit/person it was about).
    """
    turn = canonical_turn(directory, turn)
    if asks_national_level(turn):  # the national facts, whatever place is remembered
        turn = replace(turn, place=None)
    if turn.intent == Intent.INFORM_PLACE and asks_for_a_contact(turn.text):
        # "kontaktperson i Södra Österbotten", read as a place given: that place's contacts.
        turn = replace(turn, intent=Intent.ASK_CONTACT_ROLE)
    asked = question_for(turn)
    if asked is None:
        return _place_noted(directory, turn)
    question = refine(directory, asked, turn)
    place, lang = turn.place, turn.language
    slots: dict[str, Any] = {"question": question.to_slot()}
    unit = directory.unit(question.unit) if question.unit else None
    person = directory.person(question.person) if question.person else None
    intent = question.intent
    if unit is not None and place is None and len(unit.area.municipalities) == 1:
        # "HyPe" names Laukaa too: follow-ups ("entä kohtaamispaikat?") are about Laukaa.
        place = slots["place"] = unit.area.municipalities[0]
    if (
        intent in {Intent.ASK_SERVICES, Intent.FIND_SERVICE, Intent.ASK_MEETING_PLACES}
        and unit is None
    ):
        if place is None:
            return _ask_place(directory, question, lang)
        if intent == Intent.ASK_MEETING_PLACES:
            message, more = meeting_places(directory, place, lang)
            return Reply((message,), {**slots, **more})
        message, more = services_in_place(directory, question, place, lang)
        if asks_whom(turn.text) and directory.municipality(place):
            # "who do I contact in Hartola?": the town's services, then the area's contacts.
            contacts, persons = _contacts_for_role(directory, question, place, turn.text, lang)
            if persons:
                return Reply((message, contacts), {**slots, **more})
        return Reply((message,), {**slots, **more})
    if (
        intent in {Intent.ASK_SERVICES, Intent.FIND_SERVICE, Intent.ASK_MEETING_PLACES}
        and unit is not None
    ):
        slots["unit"] = unit.id
        if intent == Intent.ASK_MEETING_PLACES:
            return Reply((meeting_places_of_unit(unit, directory, lang),), slots)
        return Reply((services_for_unit(unit, directory, lang),), slots)
    if intent == Intent.ASK_UNIT_INFO:
        return _unit_reply(directory, question, unit, place, slots, lang)
    if intent == Intent.ASK_CONTACT_ROLE:
        message, persons = _contacts_for_role(directory, question, place, turn.text, lang)
        if len(persons) == 1:
            slots["person"] = persons[0].id
        return Reply((message,), slots)
    if intent == Intent.ASK_PERSON_CONTACT:
        named = [directory.person(pid) for pid in dict.fromkeys(turn.entities.get("person", ()))]
        candidates = [candidate for candidate in named if candidate is not None]
        if len(candidates) > 1:
            return Reply((_choose_person(candidates, question.contact_field, lang),), slots)
        if person is None:
            return Reply((Message(say("which_person", lang), lang=lang),), slots)
        slots["person"] = person.id
        message = _person_contact(directory, person, question.contact_field, lang)
        return Reply((message,), slots)
    return Reply((_programme(directory, question, place, turn.text, lang),), slots)


def _unit_reply(
    directory: Directory,
    question: Question,
    unit: ServiceLocation | None,
    place: str | None,
    slots: dict[str, Any],
    lang: Language,
) -> Reply:
    if unit is not None:
        slots["unit"] = unit.id
        return Reply((unit_info(directory, unit, lang),), slots)
    if place is None:
        return Reply((_choose_unit(directory.units, lang),), slots)
    if Place.parse(place).is_area:
        return Reply((region_units(directory, place, question.service, lang),), slots)
    if directory.municipality(place) is None:
        return Reply((Message(say("place_not_recognised", lang), lang=lang),), slots)
    local = directory.lookup(place).units
    service = known_service(directory, question.service)
    # "äänekoski perhekeskus puhelin": the unit with that service, when one offers it.
    local = tuple(unit for unit in local if service and unit.offers(service)) or local
    if len(local) == 1:
        slots["unit"] = local[0].id
        return Reply((unit_info(directory, local[0], lang),), slots)
    if local:
        return Reply((_choose_unit(local, lang),), slots)
    message, more = services_in_place(
        directory, replace(question, intent=Intent.ASK_SERVICES), place, lang
    )
    return Reply((message,), {**slots, **more})


def _place_noted(directory: Directory, turn: Turn) -> Reply:
    """A place given before any question: what the directory has there (the implied need)."""
    if turn.place is None:
        if not any(char.isalpha() for char in turn.text):  # "😀😀😀" names no place at all
            return not_understood(turn.intent, (), turn.language)
        return Reply((Message(say("place_not_recognised", turn.language), lang=turn.language),))
    question = Question(intent=Intent.ASK_SERVICES)
    message, slots = services_in_place(directory, question, turn.place, turn.language)
    return Reply((message,), {"question": question.to_slot(), **slots})
