"""A person to talk to: the contact card of the parent's local service.

The bot cannot transfer a chat and never pretends to. When a parent asks for a person ("haluan
puhua ihmiselle", "tämä ei auta"), the reply says so and gives, from the directory:

1. the local units of the parent's municipality: phone, email and opening hours where known;
2. when those list no phone or email, or there is no unit: the units' own contact persons,
   the municipality's, or else the region's contact person (and units);
3. last, the national crisis line, in the parent's language where one answers in it.

Without a known place the bot asks for the municipality first; the ``question`` slot then
remembers the request (:data:`HANDOFF_QUESTION`), so that the place given next gets the card.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from bot.answers.format import phone_text
from bot.answers.intents import Intent
from bot.answers.messages import Button, Message, Reply, intent_payload
from bot.answers.phrases import say
from bot.answers.render import (
    MAX_ITEMS,
    area_name,
    factual,
    municipality_name,
    person_line,
    prefer_role,
    regional_fallback,
    unit_block,
)
from bot.answers.replies import PLACE_BUTTONS
from bot.directory.model import Helpline, Language, Person, ServiceLocation
from bot.directory.place import Place
from bot.directory.queries import Directory
from bot.directory.values import ServiceHour, Source

#: The ``question`` slot while the bot waits for the place of a handoff request.
HANDOFF_QUESTION: Final[Mapping[str, str]] = {"intent": Intent.ASK_HUMAN}
#: Units given on one card.
MAX_UNITS: Final = 2


def waits_for_place(question_slot: Any) -> bool:
    """Whether the bot asked for the place of a handoff request (the ``question`` slot)."""
    return isinstance(question_slot, Mapping) and question_slot.get("intent") == Intent.ASK_HUMAN


def handoff_answer(directory: Directory, place: str | None, language: Language = "fi") -> Reply:
    """The contact card for a parent who wants to talk to a person.

    Args:
        directory: The current directory.
        place: The ``place`` slot: a municipality code or a region or county id, or None.
        language: The parent's language code ("fi", "sv" or "en").

    Returns:
        The card with the source of every fact, or the question for the municipality.
    """
    known = place is not None and (
        directory.municipality(place) is not None or Place.parse(place).is_area
    )
    if place is None or not known:
        buttons = tuple(
            Button(
                municipality_name(directory, code, language),
                intent_payload(Intent.INFORM_PLACE, place=code),
            )
            for code in PLACE_BUTTONS
        )
        message = Message(say("handoff_ask_place", language), buttons, language)
        return Reply((message,), {"question": dict(HANDOFF_QUESTION)})
    blocks, sources = _local_blocks(directory, place, language)
    name = municipality_name(directory, place, language)
    lines = [say("handoff_intro", language, place=name), *blocks]
    helplines = directory.helplines_for("crisis", language)
    if helplines:
        numbers = "\n".join(_helpline(helpline, language) for helpline in helplines)
        lines.append(say("handoff_helpline", language) + "\n" + numbers)
        sources += [helpline.source for helpline in helplines]
    return Reply((factual("\n\n".join(lines), sources, language),), {"question": None})


def _local_blocks(
    directory: Directory, place: str, language: Language
) -> tuple[list[str], list[Source]]:
    """The units or contact persons nearest to the parent, with their sources.

    Local units come first. When none of them has a phone or an email, the people to
    reach follow: the units' own contact persons, the municipality's, or the region's.
    """
    if directory.municipality(place) is None:
        contacts = prefer_role(directory.find_contacts(region=place), "muutosagentti")[:2]
        if not contacts:
            name = municipality_name(directory, place, language)
            return [say("handoff_nothing", language, place=name)], []
        return _people(contacts, directory, language)
    answer = directory.lookup(place)
    units = answer.units[:MAX_UNITS]
    lines = [_unit_card(unit, directory, language) for unit in units]
    sources = [unit.source for unit in units]
    if any(unit.phones or unit.emails for unit in units):
        return lines, sources
    own = [directory.person(pid) for unit in units for pid in unit.contacts]
    people = [person for person in own if person is not None] or list(answer.local_contacts)
    if people:
        more, more_sources = _people(people[:MAX_ITEMS], directory, language)
    elif units and answer.regional_contacts:
        region = area_name(directory, answer.municipality.region_fi, language)
        contacts = prefer_role(answer.regional_contacts, "muutosagentti")[:2]
        more, more_sources = _people(contacts, directory, language)
        more.insert(0, say("region_contact", language, region=region))
    elif units:
        return lines, sources
    else:
        more, more_sources = regional_fallback(answer, directory, language)
    return lines + more, sources + more_sources


def _people(
    persons: Sequence[Person], directory: Directory, language: Language
) -> tuple[list[str], list[Source]]:
    lines = [person_line(p, directory, ("phone", "email"), language) for p in persons]
    return lines, [person.source for person in persons]


def _unit_card(unit: ServiceLocation, directory: Directory, language: Language) -> str:
    card = unit_block(unit, directory, language, services=False)
    if unit.service_hours:
        card += f"\n{say('handoff_hours', language)}: " + "; ".join(
            _hours(hour) for hour in unit.service_hours
        )
    return card


def _hours(hour: ServiceHour) -> str:
    times = f"{hour.opens}–{hour.closes}" if hour.opens and hour.closes else ""
    parts = [part for part in (hour.days, times, hour.note or "") if part]
    return " ".join(parts)


def _helpline(helpline: Helpline, language: Language) -> str:
    name = helpline.names.get(language) or helpline.names.get("fi") or helpline.id
    hours = helpline.hours.get(language)
    number = phone_text(helpline.phone, links=True)
    return f"{name}" + (f" ({hours})" if hours else "") + f": {number}"
