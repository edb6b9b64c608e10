"""The bot's Finnish answers, written from the directory.

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

from bot.answers.dialogue import Question, Turn, question_for
from bot.answers.facts import rank_facts
from bot.answers.intents import Intent
from bot.answers.messages import Button, Message, Reply, intent_payload
from bot.answers.normalise import normalised
from bot.answers.reading import refine
from bot.answers.render import (
    MAX_ITEMS,
    emails,
    fact_text,
    factual,
    municipality_name,
    person_line,
    phones,
    prefer_role,
    regional_fallback,
    service_names,
    unit_block,
)
from bot.directory.model import Person, ServiceLocation
from bot.directory.queries import COUNTY_PREFIX, REGION_PREFIX, Directory

#: Places with units in the directory, offered as buttons when the bot asks for a place.
PLACE_BUTTONS = (("Laukaa", "410"), ("Äänekoski", "992"), ("Lahti", "398"), ("Seinäjoki", "743"))

PROGRAMME_BUTTONS = (
    ("Mikä on LAPE?", "lape"),
    ("Mikä on perhekeskus?", "perhekeskus"),
    ("Mikä on kohtaamispaikka?", "kohtaamispaikka"),
    ("Mikä on muutosagentti?", "muutosagentti"),
)


# --- answers per question ----------------------------------------------------------------


def _ask_place(question: Question) -> Reply:
    buttons = tuple(
        Button(name, intent_payload(Intent.INFORM_PLACE, place=code))
        for name, code in PLACE_BUTTONS
    )
    text = "Missä kunnassa asut? Kirjoita kuntasi nimi tai valitse alta."
    return Reply((Message(text, buttons),), {"question": question.to_slot()})


def _next_steps(place: str | None) -> tuple[Button, ...]:
    buttons = [
        Button("Kohtaamispaikat", intent_payload(Intent.ASK_MEETING_PLACES)),
        Button("Yhteyshenkilöt", intent_payload(Intent.ASK_CONTACT_ROLE)),
    ]
    if place is None:
        buttons.append(
            Button(
                "Mikä on perhekeskus?", intent_payload(Intent.ASK_PROGRAMME, topic="perhekeskus")
            )
        )
    return tuple(buttons)


def _services_for_unit(unit: ServiceLocation, directory: Directory) -> Message:
    return factual(unit_block(unit, directory), [unit.source], _next_steps(None))


def _services_in_place(
    directory: Directory, question: Question, place: str
) -> tuple[Message, dict[str, Any]]:
    municipality = directory.municipality(place)
    if municipality is None:
        return _region_units(directory, place, question.service), {}
    answer = directory.lookup(place, _known_service(directory, question.service))
    name = municipality.name_fi
    slots: dict[str, Any] = {}
    service_name = answer.service.name_fi.lower() if answer.service else None
    if answer.units:
        heading = (
            f"{name}: {service_name} löytyy hakemiston mukaan täältä:"
            if service_name
            else f"{name}: hakemistossa olevat perhepalvelut:"
        )
        blocks = [unit_block(unit, directory) for unit in answer.units[:MAX_ITEMS]]
        if len(answer.units) == 1:
            slots["unit"] = answer.units[0].id
        text = "\n\n".join([heading, *blocks])
        sources = [unit.source for unit in answer.units[:MAX_ITEMS]]
        return factual(text, sources, _next_steps(place)), slots
    if service_name:
        lines = [f"Hakemistossa ei ole tietoa palvelusta {service_name} kunnassa {name}."]
    else:
        lines = [f"Hakemistossa ei ole vielä kunnan {name} omia perhekeskuspalveluja."]
    if answer.other_local_units:
        others = answer.other_local_units[:MAX_ITEMS]
        lines.append(f"Kunnassa {name} on kuitenkin:")
        lines += [unit_block(unit, directory) for unit in others]
        sources = [unit.source for unit in others]
    else:
        more, sources = regional_fallback(answer, directory)
        lines += more
    return factual("\n\n".join(lines), sources, _next_steps(place)), slots


def _known_service(directory: Directory, service: str | None) -> str | None:
    return service if service is not None and directory.service(service) is not None else None


def _region_units(directory: Directory, place: str, service: str | None) -> Message:
    region = place.removeprefix(REGION_PREFIX).removeprefix(COUNTY_PREFIX)
    codes = {
        m.code for m in directory.municipalities.values() if region in (m.region_fi, m.county_fi)
    }
    units = [
        unit
        for unit in directory.units
        if set(unit.area.municipalities) & codes
        and (service is None or directory.service(service) is None or unit.offers(service))
    ]
    if not units:
        contacts = directory.find_contacts(region=place)
        lines = [f"Hakemistossa ei ole yksiköitä alueelta {region}."]
        if contacts:
            lines.append("Alueen yhteyshenkilö, jolta voit kysyä lisää:")
            contacts_sorted = prefer_role(contacts, "muutosagentti")
            lines += [person_line(p, directory, ("phone", "email")) for p in contacts_sorted[:2]]
        return factual("\n\n".join(lines), [person.source for person in contacts])
    lines = [f"Alueella {region} hakemisto tuntee nämä yksiköt (kunta suluissa):"]
    for unit in units[:MAX_ITEMS]:
        where = ", ".join(directory.municipalities[c].name_fi for c in unit.area.municipalities)
        lines.append(f"{unit_block(unit, directory)}\n(kunta: {where})")
    lines.append("Kerro kuntasi, niin kerron juuri sen palvelut.")
    return factual("\n\n".join(lines), [unit.source for unit in units[:MAX_ITEMS]])


def _meeting_places(directory: Directory, place: str) -> Message:
    municipality = directory.municipality(place)
    if municipality is None:
        return _region_units(directory, place, "kohtaamispaikka")
    answer = directory.meeting_places(place)
    name = municipality.name_fi
    if answer.units:
        blocks = [unit_block(unit, directory) for unit in answer.units[:MAX_ITEMS]]
        text = "\n\n".join([f"{name}: kohtaamispaikat ja avoimet päiväkodit:", *blocks])
        sources = [unit.source for unit in answer.units[:MAX_ITEMS]]
        return factual(text, sources, _next_steps(place))
    lines = [f"Hakemistossa ei ole kohtaamispaikkoja kunnassa {name}."]
    more, sources = regional_fallback(answer, directory)
    lines += more
    facts = directory.programme("kohtaamispaikka")[:1]
    lines += [fact_text(fact) for fact in facts]
    sources += [fact.source for fact in facts]
    return factual("\n\n".join(lines), sources, _next_steps(place))


def _unit_info(directory: Directory, unit: ServiceLocation) -> Message:
    lines = [unit.name_fi]
    if unit.description:
        lines.append(unit.description)
    if unit.status:
        lines.append(unit.status)
    for fact_date in unit.dates:
        lines.append(f"{fact_date.label.capitalize()}: {fact_date.text}")
    if unit.area.municipalities:
        places = ", ".join(directory.municipalities[c].name_fi for c in unit.area.municipalities)
        lines.append(f"Kunta: {places}")
    if unit.services:
        lines.append("Palvelut: " + ", ".join(service_names(unit, directory)) + ".")
    if unit.phones:
        lines.append(f"Puhelin: {phones(unit)}")
    if unit.emails:
        lines.append(f"Sähköposti: {emails(unit)}")
    for page in unit.web_pages:
        lines.append(f"[{page.title}]({page.url})")
    for account in unit.social_media:
        lines.append(f"{account.service}: [{account.url}]({account.url})")
    for person_id in unit.contacts:
        person = directory.person(person_id)
        if person is not None:
            lines.append("Yhteyshenkilö: " + person_line(person, directory, ("phone", "email")))
    return factual("\n".join(lines), [unit.source])


def _choose_unit(units: Sequence[ServiceLocation]) -> Message:
    buttons = tuple(
        Button(unit.name_fi, intent_payload(Intent.ASK_UNIT_INFO, unit=unit.id))
        for unit in units[:MAX_ITEMS]
    )
    return Message("Mitä näistä tarkoitat?", buttons)


def _choose_person(persons: Sequence[Person], field: str | None) -> Message:
    extra = {"contact_field": field} if field else {}
    buttons = tuple(
        Button(
            person.full_name, intent_payload(Intent.ASK_PERSON_CONTACT, person=person.id, **extra)
        )
        for person in persons[:MAX_ITEMS]
    )
    return Message("Kenen yhteystietoja tarkoitat?", buttons)


def _contacts_for_role(
    directory: Directory, question: Question, place: str | None
) -> tuple[Message, tuple[Person, ...]]:
    """The persons in a role (all contacts when no role is asked), for a place if given."""
    role = directory.role(question.role) if question.role else None
    unit = directory.unit(question.unit) if question.unit else None
    persons = directory.find_contacts(role=role.id if role else None, region=place)
    if unit is not None:
        # "kaksineuvoisen perhekeskuksen yhteyshenkilö": the people of the unit's organisation.
        persons = directory.find_contacts(organisation=unit.organization) or persons
        place = None
    role_text = role.title_fi.lower() if role else "yhteyshenkilö"
    where = municipality_name(directory, place) if place else None
    if not persons:
        lines = [
            f"Hakemistossa ei ole tietoa: {role_text}" + (f", alue {where}." if where else ".")
        ]
        facts = directory.programme(role.id if role else "muutosagentti")[:1]
        lines += [fact_text(fact) for fact in facts]
        return factual("\n\n".join(lines), [fact.source for fact in facts]), persons
    heading = f"{role_text.capitalize()}" + (f", alue {where}:" if where else " (alue suluissa):")
    lines = [heading]
    for person in prefer_role(persons, "muutosagentti")[:MAX_ITEMS]:
        line = person_line(person, directory, ("phone", "email"))
        if not where:
            line += f" ({', '.join(person.area.regions) or 'alue ei tiedossa'})"
        lines.append(line)
    if len(persons) > MAX_ITEMS:
        lines.append(f"…ja {len(persons) - MAX_ITEMS} muuta. Kysy tarkemmin roolin mukaan.")
    return factual("\n".join(lines), [p.source for p in persons[:MAX_ITEMS]]), persons


def _person_contact(directory: Directory, person: Person, field: str | None) -> Message:
    fields = (
        ("phone",) if field == "phone" else ("email",) if field == "email" else ("phone", "email")
    )
    buttons: list[Button] = []
    if field == "phone":
        buttons.append(
            Button(
                "Entä sähköposti?", intent_payload(Intent.ASK_PERSON_CONTACT, contact_field="email")
            )
        )
    elif field == "email":
        buttons.append(
            Button(
                "Entä puhelinnumero?",
                intent_payload(Intent.ASK_PERSON_CONTACT, contact_field="phone"),
            )
        )
    return factual(person_line(person, directory, fields), [person.source], buttons)


def _programme(directory: Directory, question: Question, place: str | None, text: str) -> Message:
    facts = rank_facts(directory, text, question.topics, place)
    if not facts:
        buttons = tuple(
            Button(title, intent_payload(Intent.ASK_PROGRAMME, topic=topic_id))
            for title, topic_id in PROGRAMME_BUTTONS
        )
        return Message("Mistä haluaisit tietää? Voin kertoa esimerkiksi näistä:", buttons)
    text = "\n\n".join(fact_text(fact) for fact in facts)
    return factual(text, [fact.source for fact in facts])


# --- the entry points -----------------------------------------------------------------------


def answer(directory: Directory, turn: Turn) -> Reply:
    """Answer one turn from the directory.

    Args:
        directory: The current directory.
        turn: The turn's intent, entities and remembered slots.

    Returns:
        The messages and the slots to set (the question, the unit/person it was about).
    """
    asked = question_for(turn)
    if asked is None:
        return _place_noted(directory, turn)
    question = refine(directory, normalised(directory, asked, turn.text), turn)
    place = turn.place
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
            return _ask_place(question)
        if intent == Intent.ASK_MEETING_PLACES:
            message = _meeting_places(directory, place)
        else:
            message, more = _services_in_place(directory, question, place)
            slots.update(more)
        return Reply((message,), slots)
    if (
        intent in {Intent.ASK_SERVICES, Intent.FIND_SERVICE, Intent.ASK_MEETING_PLACES}
        and unit is not None
    ):
        slots["unit"] = unit.id
        return Reply((_services_for_unit(unit, directory),), slots)
    if intent == Intent.ASK_UNIT_INFO:
        return _unit_reply(directory, question, unit, place, slots)
    if intent == Intent.ASK_CONTACT_ROLE:
        message, persons = _contacts_for_role(directory, question, place)
        if len(persons) == 1:
            slots["person"] = persons[0].id
        return Reply((message,), slots)
    if intent == Intent.ASK_PERSON_CONTACT:
        named = [directory.person(pid) for pid in dict.fromkeys(turn.entities.get("person", ()))]
        candidates = [candidate for candidate in named if candidate is not None]
        if len(candidates) > 1:
            return Reply((_choose_person(candidates, question.contact_field),), slots)
        if person is None:
            text = (
                "Kenen yhteystietoja etsit? Kirjoita henkilön nimi, esimerkiksi "
                "”Hanna Hämäläisen puhelinnumero”, tai kysy roolin mukaan: "
                "”kuka on Keski-Suomen muutosagentti”."
            )
            return Reply((Message(text),), slots)
        slots["person"] = person.id
        return Reply((_person_contact(directory, person, question.contact_field),), slots)
    return Reply((_programme(directory, question, place, turn.text),), slots)


def _unit_reply(
    directory: Directory,
    question: Question,
    unit: ServiceLocation | None,
    place: str | None,
    slots: dict[str, Any],
) -> Reply:
    if unit is not None:
        slots["unit"] = unit.id
        return Reply((_unit_info(directory, unit),), slots)
    if place is None or directory.municipality(place) is None:
        units = directory.units
        return Reply((_choose_unit(units),), slots)
    local = directory.lookup(place).units
    if len(local) == 1:
        slots["unit"] = local[0].id
        return Reply((_unit_info(directory, local[0]),), slots)
    if local:
        return Reply((_choose_unit(local),), slots)
    message, more = _services_in_place(
        directory, replace(question, intent=Intent.ASK_SERVICES), place
    )
    return Reply((message,), {**slots, **more})


def _place_noted(directory: Directory, turn: Turn) -> Reply:
    """A place given before any question: what the directory has there (the implied need)."""
    if turn.place is None:
        return Reply(
            (Message("En tunnistanut kuntaa. Kirjoita kuntasi nimi, esimerkiksi ”Laukaa”."),)
        )
    question = Question(intent=Intent.ASK_SERVICES)
    message, slots = _services_in_place(directory, question, turn.place)
    return Reply((message,), {"question": question.to_slot(), **slots})
