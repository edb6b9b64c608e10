"""Pieces of answer text written from directory entries, each fact with its provenance.

Links are Markdown (``[050 351 9249](tel:+358503519249)``): the chat page renders them, the
Telegram channel turns them into plain text, and a shell shows them as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.answers.format import email_text, phone_text, provenance_line
from bot.answers.messages import Button, Message
from bot.answers.phrases import say
from bot.directory.areas import LocalAnswer
from bot.directory.model import (
    Language,
    Person,
    ProgrammeFact,
    Role,
    Service,
    ServiceLocation,
)
from bot.directory.place import Place
from bot.directory.queries import Directory
from bot.directory.values import Source
from bot.places.swedish import english_county_names, english_region

#: Most items listed in one answer, so that a reply stays a few lines long.
MAX_ITEMS = 4


def sources_text(sources: Iterable[Source], lang: Language = "fi") -> str:
    """One provenance line per source: title, address and date."""
    lines = [provenance_line(s.title, s.url, s.updated, lang) for s in dict.fromkeys(sources)]
    return "\n".join(dict.fromkeys(lines))


def phones(entry: Person | ServiceLocation) -> str:
    """The entry's phone numbers as tappable links."""
    return ", ".join(phone_text(phone.number, links=True) for phone in entry.phones)


def emails(entry: Person | ServiceLocation, lang: Language = "fi") -> str:
    """The entry's emails as links, saying when an address is derived from a rule."""
    texts = []
    for email in entry.emails:
        text = email_text(email.address, links=True)
        if email.derived and email.rule:
            text += " " + say("derived_email", lang, rule=email.rule)
        texts.append(text)
    return ", ".join(texts)


def role_title(directory: Directory, person: Person, lang: Language) -> str:
    """The person's role title in the language where the vocabulary has it."""
    role = directory.role(person.role)
    return entry_name(role, lang) if role is not None and lang != "fi" else person.role_title


def person_line(
    person: Person, directory: Directory, fields: Sequence[str], lang: Language = "fi"
) -> str:
    """A person with role, organisation and the asked contact fields, on one line."""
    organisation = directory.organization(person.organization)
    who = f"{person.full_name}, {role_title(directory, person, lang).lower()}"
    if organisation is not None:
        who += f" ({organisation.name_fi})"
    responsibility = person.responsibility_in(lang)
    if responsibility is not None:
        who += ", " + say("responsibility", lang, what=responsibility[0])
    parts = [who]
    if "phone" in fields:
        parts.append(
            say("phone_short", lang, phones=phones(person))
            if person.phones
            else say("no_phone", lang)
        )
    if "email" in fields:
        parts.append(emails(person, lang) if person.emails else say("no_email", lang))
    return " – ".join(parts)


def entry_name(entry: Service | Role, lang: Language) -> str:
    """A vocabulary entry's name in the language, or its Finnish name where there is none."""
    return entry.name_in(lang)[0]


def service_names(unit: ServiceLocation, directory: Directory, lang: Language = "fi") -> list[str]:
    """The names of the services a unit offers."""
    names = []
    for offer in unit.services:
        service = directory.service(offer.service)
        name = entry_name(service, lang) if service else offer.service
        if offer.provider:
            name += f" ({offer.provider})"
        names.append(name)
    return names


def unit_block(
    unit: ServiceLocation, directory: Directory, lang: Language = "fi", *, services: bool = True
) -> str:
    """A unit: name, description, services and contacts, a few lines."""
    title = unit.aliases[0] if unit.aliases and len(unit.aliases[0]) < len(unit.name_fi) else ""
    heading = f"{unit.name_fi} ({title})" if title else unit.name_fi
    lines = [heading]
    if unit.description:
        lines.append(unit.description)
    if unit.status:
        lines.append(unit.status)
    if services and unit.services:
        names = ", ".join(service_names(unit, directory, lang))
        lines.append(f"{say('label_services', lang)}: {names}.")
    if unit.phones:
        lines.append(f"{say('label_phone', lang)}: {phones(unit)}")
    if unit.emails:
        lines.append(f"{say('label_email', lang)}: {emails(unit, lang)}")
    for page in unit.web_pages[:1]:
        lines.append(f"{say('label_more', lang)}: [{page.title}]({page.url})")
    for account in unit.social_media:
        lines.append(f"{account.service}: [{account.url}]({account.url})")
    return "\n".join(lines)


def municipality_name(directory: Directory, place: str, lang: Language = "fi") -> str:
    """The name of a municipality code, or of a region or county place id, in the language."""
    municipality = directory.municipality(place)
    if municipality is not None:
        return {"fi": municipality.name_fi, "sv": municipality.name_sv}.get(
            lang, municipality.name_en
        )
    return area_name(directory, Place.parse(place).name, lang)


def area_name(directory: Directory, finnish: str, lang: Language) -> str:
    """A region's or wellbeing county's name in the language, from its Finnish name."""
    if lang == "fi":
        return finnish
    for municipality in directory.municipalities.values():
        if municipality.region_fi == finnish:
            english = english_region(finnish) or finnish
            return municipality.region_sv if lang == "sv" else english
        if municipality.county_fi == finnish:
            english = english_county_names(finnish, municipality.region_fi)[0]
            return municipality.county_sv if lang == "sv" else english
    return finnish


def regional_fallback(
    answer: LocalAnswer, directory: Directory, lang: Language = "fi"
) -> tuple[list[str], list[Source]]:
    """The nearest true level when the municipality itself has nothing: lines and sources."""
    region_fi = answer.municipality.region_fi
    region = area_name(directory, region_fi, lang)
    lines: list[str] = []
    sources: list[Source] = []
    if answer.regional_units:
        units = answer.regional_units[:MAX_ITEMS]
        lines.append(say("region_wide_units", lang, region=region))
        lines += [unit_block(unit, directory, lang) for unit in units]
        sources += [unit.source for unit in units]
    if answer.regional_contacts:
        contacts = prefer_role(answer.regional_contacts, "muutosagentti")[:2]
        lines.append(say("region_contact", lang, region=region))
        lines += [person_line(p, directory, ("phone", "email"), lang) for p in contacts]
        sources += [person.source for person in contacts]
    region_facts = [fact for fact in directory.facts if region_fi in fact.area.regions]
    if not lines and region_facts:
        lines.append(say("region_fact", lang, region=region))
        lines.append(fact_text(region_facts[0]))
        sources.append(region_facts[0].source)
    if not lines:
        county = area_name(directory, answer.municipality.county_fi, lang)
        lines.append(say("national_only", lang, region=region, county=county))
        sources += [fact.source for fact in answer.national_facts[:1]]
    return lines, sources


def prefer_role(persons: Sequence[Person], role: str) -> list[Person]:
    """The persons with the role first."""
    return sorted(persons, key=lambda person: person.role != role)


def factual(
    text: str, sources: Iterable[Source], lang: Language = "fi", buttons: Sequence[Button] = ()
) -> Message:
    """A message of facts, ending with the provenance line of each source it used.

    In Swedish and English it also says that names and descriptions stay in Finnish where
    the directory has no translation (the facts are never machine-translated). The message
    is marked ``factual`` when it names a source.
    """
    cited = sources_text(sources, lang)
    body = "\n\n".join(part for part in (text, say("in_finnish", lang), cited) if part)
    return Message(body, tuple(buttons), lang, factual=bool(cited))


def fact_text(fact: ProgrammeFact) -> str:
    """A programme fact with its points, dates, amounts and links."""
    separator = " " if fact.title.endswith("?") else ": "
    lines = [f"{fact.title}{separator}{fact.text}"]
    lines += [f"{i}. {point}" for i, point in enumerate(fact.points, start=1)]
    lines += [f"{d.label.capitalize()}: {d.text}" for d in fact.dates]
    for amount in fact.amounts:
        euros = f"{amount.euros:,}".replace(",", " ")
        lines.append(
            f"{amount.label.capitalize()}: {euros} €"
            + (f" ({amount.period})" if amount.period else "")
        )
    lines += [f"[{link.title}]({link.url})" for link in fact.links]
    return "\n".join(lines)


def unit_info(directory: Directory, unit: ServiceLocation, lang: Language) -> Message:
    """Everything the directory says about one unit, with its source."""
    lines = [unit.name_fi]
    if unit.description:
        lines.append(unit.description)
    if unit.status:
        lines.append(unit.status)
    for fact_date in unit.dates:
        lines.append(f"{fact_date.label.capitalize()}: {fact_date.text}")
    if unit.area.municipalities:
        places = ", ".join(
            municipality_name(directory, code, lang) for code in unit.area.municipalities
        )
        lines.append(f"{say('label_municipality', lang)}: {places}")
    if unit.services:
        names = ", ".join(service_names(unit, directory, lang))
        lines.append(f"{say('label_services', lang)}: {names}.")
    if unit.phones:
        lines.append(f"{say('label_phone', lang)}: {phones(unit)}")
    if unit.emails:
        lines.append(f"{say('label_email', lang)}: {emails(unit, lang)}")
    for page in unit.web_pages:
        lines.append(f"[{page.title}]({page.url})")
    for account in unit.social_media:
        lines.append(f"{account.service}: [{account.url}]({account.url})")
    for person_id in unit.contacts:
        person = directory.person(person_id)
        if person is not None:
            line = person_line(person, directory, ("phone", "email"), lang)
            lines.append(f"{say('label_contact', lang)}: {line}")
    return factual("\n".join(lines), [unit.source], lang)
