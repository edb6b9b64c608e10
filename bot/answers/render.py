"""Pieces of answer text written from directory entries, each fact with its provenance.

Links are Markdown (``[050 351 9249](tel:+358503519249)``): the chat page renders them, the
Telegram channel turns them into plain text, and a shell shows them as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.answers.format import email_text, phone_text, provenance_line
from bot.answers.messages import Button, Message
from bot.directory.model import Person, ProgrammeFact, ServiceLocation, Source
from bot.directory.queries import COUNTY_PREFIX, REGION_PREFIX, Directory, LocalAnswer

#: Most items listed in one answer, so that a reply stays a few lines long.
MAX_ITEMS = 4


def sources_text(sources: Iterable[Source]) -> str:
    """One provenance line per source: title, address and date."""
    lines = [provenance_line(s.title, s.url, s.updated) for s in dict.fromkeys(sources)]
    return "\n".join(dict.fromkeys(lines))


def phones(entry: Person | ServiceLocation) -> str:
    """The entry's phone numbers as tappable links."""
    return ", ".join(phone_text(phone.number, links=True) for phone in entry.phones)


def emails(entry: Person | ServiceLocation) -> str:
    """The entry's emails as links, saying when an address is derived from a rule."""
    texts = []
    for email in entry.emails:
        text = email_text(email.address, links=True)
        if email.derived:
            text += f" (johdettu sivun osoitesäännöstä {email.rule})" if email.rule else ""
        texts.append(text)
    return ", ".join(texts)


def person_line(person: Person, directory: Directory, fields: Sequence[str]) -> str:
    """A person with role, organisation and the asked contact fields, on one line."""
    organisation = directory.organization(person.organization)
    who = f"{person.full_name}, {person.role_title.lower()}"
    if organisation is not None:
        who += f" ({organisation.name_fi})"
    if person.responsibility:
        who += f", vastuualue: {person.responsibility}"
    parts = [who]
    if "phone" in fields:
        parts.append(f"p. {phones(person)}" if person.phones else "puhelinnumeroa ei ole tiedossa")
    if "email" in fields:
        parts.append(emails(person) if person.emails else "sähköpostiosoitetta ei ole tiedossa")
    return " – ".join(parts)


def service_names(unit: ServiceLocation, directory: Directory) -> list[str]:
    """The names of the services a unit offers."""
    names = []
    for offer in unit.services:
        service = directory.service(offer.service)
        name = service.name_fi if service else offer.service
        if offer.provider:
            name += f" ({offer.provider})"
        names.append(name)
    return names


def unit_block(unit: ServiceLocation, directory: Directory, *, services: bool = True) -> str:
    """A unit: name, description, services and contacts, a few lines."""
    title = unit.aliases[0] if unit.aliases and len(unit.aliases[0]) < len(unit.name_fi) else ""
    heading = f"{unit.name_fi} ({title})" if title else unit.name_fi
    lines = [heading]
    if unit.status:
        lines.append(unit.status)
    if services and unit.services:
        lines.append("Palvelut: " + ", ".join(service_names(unit, directory)) + ".")
    if unit.phones:
        lines.append(f"Puhelin: {phones(unit)}")
    if unit.emails:
        lines.append(f"Sähköposti: {emails(unit)}")
    for page in unit.web_pages[:1]:
        lines.append(f"Lisätietoa: [{page.title}]({page.url})")
    for account in unit.social_media:
        lines.append(f"{account.service}: [{account.url}]({account.url})")
    return "\n".join(lines)


def municipality_name(directory: Directory, place: str) -> str:
    """The Finnish name of a municipality code, or of a region or county place id."""
    municipality = directory.municipality(place)
    if municipality is not None:
        return municipality.name_fi
    return place.removeprefix(REGION_PREFIX).removeprefix(COUNTY_PREFIX)


def regional_fallback(answer: LocalAnswer, directory: Directory) -> tuple[list[str], list[Source]]:
    """The nearest true level when the municipality itself has nothing: lines and sources."""
    region = answer.municipality.region_fi
    lines: list[str] = []
    sources: list[Source] = []
    if answer.regional_units:
        units = answer.regional_units[:MAX_ITEMS]
        lines.append(f"Alueella {region} toimii koko alueen yhteinen:")
        lines += [unit_block(unit, directory) for unit in units]
        sources += [unit.source for unit in units]
    if answer.regional_contacts:
        contacts = prefer_role(answer.regional_contacts, "muutosagentti")[:2]
        lines.append(f"Alueen ({region}) yhteyshenkilö, jolta voit kysyä lisää:")
        lines += [person_line(p, directory, ("phone", "email")) for p in contacts]
        sources += [person.source for person in contacts]
    region_facts = [fact for fact in directory.facts if region in fact.area.regions]
    if not lines and region_facts:
        lines.append(f"Alueelta {region} hakemistossa on tämä tieto:")
        lines.append(fact_text(region_facts[0]))
        sources.append(region_facts[0].source)
    if not lines:
        lines.append(
            f"Hakemistossa ei ole tietoja myöskään alueelta {region}. Perhekeskustoimintaa "
            "kehitetään koko maassa LAPE-muutosohjelmassa; oman kuntasi perhepalveluista saat "
            f"tietoa kunnan tai hyvinvointialueen ({answer.municipality.county_fi}) neuvonnasta."
        )
        sources += [fact.source for fact in answer.national_facts[:1]]
    return lines, sources


def prefer_role(persons: Sequence[Person], role: str) -> list[Person]:
    """The persons with the role first."""
    return sorted(persons, key=lambda person: person.role != role)


def factual(text: str, sources: Iterable[Source], buttons: Sequence[Button] = ()) -> Message:
    """A message of facts, ending with the provenance line of each source it used."""
    provenance = sources_text(sources)
    return Message(f"{text}\n\n{provenance}" if provenance else text, tuple(buttons))


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
