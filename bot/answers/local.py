"""What a town, a region or a unit has: its services, meeting places and nearest level.

The listings of the directory's units for a place, written in the parent's language with
their provenance. When a town has nothing of what was asked, the answer says so and gives the
town's other units, else its region's (never another town's unit as if it were local).
"""

from __future__ import annotations

from typing import Any

from bot.answers.dialogue import Question
from bot.answers.intents import Intent
from bot.answers.messages import Button, Message, intent_payload
from bot.answers.phrases import say
from bot.answers.render import (
    MAX_ITEMS,
    area_name,
    entry_name,
    fact_text,
    factual,
    municipality_name,
    person_line,
    prefer_role,
    regional_fallback,
    unit_block,
)
from bot.directory.areas import LocalAnswer
from bot.directory.model import Language, ServiceLocation
from bot.directory.place import Place
from bot.directory.queries import Directory
from bot.directory.values import Source


def next_steps(place: str | None, lang: Language) -> tuple[Button, ...]:
    """Buttons to go on from a listing: meeting places, contacts (and what a centre is)."""
    buttons = [
        Button(say("button_meeting_places", lang), intent_payload(Intent.ASK_MEETING_PLACES)),
        Button(say("button_contacts", lang), intent_payload(Intent.ASK_CONTACT_ROLE)),
    ]
    if place is None:
        buttons.append(
            Button(
                say("button_what_is_centre", lang),
                intent_payload(Intent.ASK_PROGRAMME, topic="perhekeskus"),
            )
        )
    return tuple(buttons)


def services_for_unit(unit: ServiceLocation, directory: Directory, lang: Language) -> Message:
    """A unit with its services ("mitä HyPe tarjoaa")."""
    return factual(unit_block(unit, directory, lang), [unit.source], lang, next_steps(None, lang))


def meeting_places_of_unit(unit: ServiceLocation, directory: Directory, lang: Language) -> Message:
    """The meeting places of a unit ("kaksineuvoisen kohtaamispaikat"), else its services."""
    places = directory.meeting_places_of(unit)
    if not places:
        return services_for_unit(unit, directory, lang)
    heading = say("meeting_places_here", lang, place=unit.name_fi)
    blocks = [unit_block(place, directory, lang) for place in places[:MAX_ITEMS]]
    sources = [place.source for place in places[:MAX_ITEMS]]
    return factual("\n\n".join([heading, *blocks]), sources, lang)


def services_in_place(
    directory: Directory, question: Question, place: str, lang: Language
) -> tuple[Message, dict[str, Any]]:
    """The units of a town (with the service asked), or of a region; the unit to remember."""
    municipality = directory.municipality(place)
    if municipality is None:
        return region_units(directory, place, question.service, lang), {}
    answer = directory.lookup(place, known_service(directory, question.service))
    name = municipality_name(directory, place, lang)
    slots: dict[str, Any] = {}
    service = entry_name(answer.service, lang).lower() if answer.service else None
    if answer.units:
        heading = (
            say("service_here", lang, place=name, service=service)
            if service
            else say("services_here", lang, place=name)
        )
        blocks = [unit_block(unit, directory, lang) for unit in answer.units[:MAX_ITEMS]]
        if len(answer.units) == 1:
            slots["unit"] = answer.units[0].id
        text = "\n\n".join([heading, *blocks])
        sources = [unit.source for unit in answer.units[:MAX_ITEMS]]
        return factual(text, sources, lang, next_steps(place, lang)), slots
    if service:
        lines = [say("no_service", lang, service=service, place=name)]
    else:
        lines = [say("no_own_services", lang, place=name)]
    more, sources = _nearest_level(answer, directory, name, lang)
    return factual("\n\n".join([*lines, *more]), sources, lang, next_steps(place, lang)), slots


def _nearest_level(
    answer: LocalAnswer, directory: Directory, name: str, lang: Language
) -> tuple[list[str], list[Source]]:
    """When the town has nothing of what was asked: its other units, else the region's."""
    if not answer.other_local_units:
        return regional_fallback(answer, directory, lang)
    others = answer.other_local_units[:MAX_ITEMS]
    lines = [say("other_units", lang, place=name)]
    lines += [unit_block(unit, directory, lang) for unit in others]
    return lines, [unit.source for unit in others]


def known_service(directory: Directory, service: str | None) -> str | None:
    """The service id when the directory has that service, else None."""
    return service if service is not None and directory.service(service) is not None else None


def region_units(directory: Directory, place: str, service: str | None, lang: Language) -> Message:
    """The units of a region or county (with the service asked), else its contacts."""
    region_fi = Place.parse(place).name
    region = area_name(directory, region_fi, lang)
    codes = {
        m.code for m in directory.municipalities.values() if region_fi in (m.region_fi, m.county_fi)
    }
    units = [
        unit
        for unit in directory.units
        if set(unit.area.municipalities) & codes
        and (service is None or directory.service(service) is None or unit.offers(service))
    ]
    if not units:
        contacts = directory.find_contacts(region=place)
        lines = [say("region_no_units", lang, region=region)]
        if contacts:
            lines.append(say("region_contact", lang, region=region))
            contacts_sorted = prefer_role(contacts, "muutosagentti")
            lines += [
                person_line(p, directory, ("phone", "email"), lang) for p in contacts_sorted[:2]
            ]
        return factual("\n\n".join(lines), [person.source for person in contacts], lang)
    lines = [say("region_units", lang, region=region)]
    for unit in units[:MAX_ITEMS]:
        where = ", ".join(
            municipality_name(directory, code, lang) for code in unit.area.municipalities
        )
        lines.append(
            f"{unit_block(unit, directory, lang)}\n{say('unit_municipality', lang, places=where)}"
        )
    lines.append(say("tell_place", lang))
    return factual("\n\n".join(lines), [unit.source for unit in units[:MAX_ITEMS]], lang)


def meeting_places(
    directory: Directory, place: str, lang: Language
) -> tuple[Message, dict[str, Any]]:
    """The meeting places of a town, else its nearest level; the place to remember."""
    if directory.municipality(place) is None:
        return region_units(directory, place, "kohtaamispaikka", lang), {}
    answer = directory.meeting_places(place)
    name = municipality_name(directory, place, lang)
    if answer.units:
        blocks = [unit_block(unit, directory, lang) for unit in answer.units[:MAX_ITEMS]]
        text = "\n\n".join([say("meeting_places_here", lang, place=name), *blocks])
        sources = [unit.source for unit in answer.units[:MAX_ITEMS]]
        # One meeting place: "har de facebook?" is about it.
        slots = {"unit": answer.units[0].id} if len(answer.units) == 1 else {}
        return factual(text, sources, lang, next_steps(place, lang)), slots
    more, sources = _nearest_level(answer, directory, name, lang)
    lines = [say("no_meeting_places", lang, place=name), *more]
    facts = directory.programme("kohtaamispaikka")[:1]
    lines += [fact_text(fact) for fact in facts]
    sources += [fact.source for fact in facts]
    return factual("\n\n".join(lines), sources, lang, next_steps(place, lang)), {}
