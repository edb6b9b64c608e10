"""Staff commands: ``python -m bot directory check | show <municipality> | bench``."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from bot.directory.loader import load_directory
from bot.directory.model import DirectoryError, Email, Person, ServiceLocation, Source
from bot.directory.municipalities import find_municipality
from bot.directory.queries import Directory, LocalAnswer
from bot.paths import DIRECTORY_DIR

LEVELS = {
    "municipality": "kunta – paikallinen yksikkö tai yhteyshenkilö",
    "region": "maakunta / hyvinvointialue – kunnassa ei ole omaa yksikköä hakemistossa",
    "national": "valtakunnallinen – kunnalle tai alueelle ei ole hakemistossa tietoja",
}


def parser() -> argparse.ArgumentParser:
    """The command line of ``python -m bot directory``."""
    main_parser = argparse.ArgumentParser(
        prog="python -m bot directory", description="Check and show the family-service directory."
    )
    commands = main_parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the directory files")
    show = commands.add_parser("show", help="what a parent in a municipality would be told")
    show.add_argument("municipality", nargs="+", help="Finnish or Swedish name, or the code")
    show.add_argument("--service", help="only this service (id from services.yaml)")
    bench = commands.add_parser("bench", help="time loading and queries")
    bench.add_argument("--units", type=int, default=10_000, help="units in the synthetic one")
    for command in (check, show, bench):
        command.add_argument("--path", type=Path, default=DIRECTORY_DIR, help="directory folder")
    return main_parser


def main(argv: list[str]) -> int:
    """Run a directory command; ``argv`` starts with ``"directory"``."""
    args = parser().parse_args(argv[1:])
    if args.command == "bench":
        from bot.directory.bench import run

        print(run(args.path, args.units))
        return 0
    try:
        directory = load_directory(args.path)
    except DirectoryError as error:
        for issue in error.issues:
            print(issue, file=sys.stderr)
        print(f"{len(error.issues)} error(s) in {args.path}", file=sys.stderr)
        return 1
    if args.command == "check":
        print(summary(directory, args.path))
        return 0
    name = " ".join(args.municipality)
    municipality = find_municipality(name, directory.municipalities)
    if municipality is None:
        print(f"Unknown municipality '{name}' (give its Finnish or Swedish name or code)")
        return 2
    if args.service is not None and directory.service(args.service) is None:
        known = ", ".join(service.id for service in directory.services)
        print(f"Unknown service '{args.service}' (known: {known})")
        return 2
    print(show(directory, directory.lookup(municipality.code, args.service)))
    return 0


def summary(directory: Directory, path: Path) -> str:
    """One line saying what a valid directory holds."""
    counts = {
        "units": len(directory.units),
        "persons": len(directory.persons),
        "programme facts": len(directory.facts),
        "helplines": len(directory.helplines),
        "services": len(directory.services),
        "organisations": len(directory.organizations),
        "sources": len(directory.sources),
        "municipalities": len(directory.municipalities),
    }
    listed = ", ".join(f"{count} {name}" for name, count in counts.items())
    return f"Directory OK ({path}): {listed}"


def show(directory: Directory, answer: LocalAnswer) -> str:
    """The answer for one municipality, as staff read it."""
    place = answer.municipality
    lines = [
        f"{place.name_fi} ({place.name_sv}), kuntanumero {place.code}",
        f"Maakunta: {place.region_fi} · Hyvinvointialue: {place.county_fi}",
    ]
    if answer.service is not None:
        lines.append(f"Kysytty palvelu: {answer.service.name_fi}")
    lines.append(f"Vastaustaso: {LEVELS[answer.level]}")
    sections: list[tuple[str, list[str]]] = [
        ("Paikalliset yksiköt", [line for u in answer.units for line in _unit(directory, u)]),
        (
            "Muut paikalliset yksiköt (eivät tarjoa kysyttyä palvelua)",
            [line for u in answer.other_local_units for line in _unit(directory, u)],
        ),
        (
            f"Koko alueen yksiköt ({place.region_fi}; eivät kunnan omia)",
            [line for u in answer.regional_units for line in _unit(directory, u)],
        ),
        (
            "Paikalliset yhteyshenkilöt",
            [line for p in answer.local_contacts for line in _person(directory, p)],
        ),
        (
            f"Alueen yhteyshenkilöt ({place.region_fi})",
            [line for p in answer.regional_contacts for line in _person(directory, p)],
        ),
        ("Alueen tiedot", [f"  • {fact.title} [{fact.id}]" for fact in answer.facts]),
        (
            "Valtakunnalliset tiedot",
            [f"  • {fact.title} [{fact.id}]" for fact in answer.national_facts],
        ),
        ("Lähteet", [_source(source) for source in answer.sources]),
    ]
    for title, body in sections:
        if body:
            lines += ["", f"{title}:", *body]
    return "\n".join(lines)


def _day(value: date | None) -> str:
    return f"{value.day}.{value.month}.{value.year}" if value else "ei kerrottu"


def _unit(directory: Directory, unit: ServiceLocation) -> list[str]:
    names = f" ({', '.join(unit.aliases)})" if unit.aliases else ""
    offered: list[str] = []
    for offer in unit.services:
        service = directory.service(offer.service)
        text = service.name_fi if service else offer.service
        details = [part for part in (offer.provider, offer.note) if part]
        offered.append(f"{text} ({'; '.join(details)})" if details else text)
    lines = [f"  • {unit.name_fi}{names} [{unit.id}]", f"    Palvelut: {', '.join(offered)}"]
    lines += [f"    {item.label}: {item.text}" for item in unit.dates]
    if unit.status:
        lines.append(f"    Tila: {unit.status}")
    lines += [f"    puh. {phone.number}" for phone in unit.phones]
    lines += [f"    sähköposti: {_email(email)}" for email in unit.emails]
    lines += [f"    Verkossa: {page.title} <{page.url}>" for page in unit.web_pages]
    lines += [f"    {link.service}: {link.url}" for link in unit.social_media]
    lines += [f"    Yhteyshenkilö: {_contact_name(directory, pid)}" for pid in unit.contacts]
    lines.append(f"    Lähde: {unit.source.id}, päivitetty {_day(unit.updated)}")
    return lines


def _person(directory: Directory, person: Person) -> list[str]:
    organization = directory.organization(person.organization)
    where = f" ({organization.name_fi})" if organization else ""
    lines = [f"  • {person.full_name}, {person.role_title}{where} [{person.id}]"]
    if person.responsibility:
        lines.append(f"    Vastuualue: {person.responsibility}")
    if person.phones:
        lines.append(f"    puh. {', '.join(phone.number for phone in person.phones)}")
    lines += [f"    sähköposti: {_email(email)}" for email in person.emails]
    if not person.emails:
        lines.append("    sähköposti: lähde ei kerro")
    lines.append(f"    Lähde: {person.source.id}, päivitetty {_day(person.updated)}")
    return lines


def _contact_name(directory: Directory, person_id: str) -> str:
    person = directory.person(person_id)
    return f"{person.full_name}, {person.role_title}" if person else person_id


def _email(email: Email) -> str:
    if email.derived:
        return f"{email.address} (johdettu säännöstä {email.rule})"
    if email.as_printed:
        return f"{email.address} (lähteessä: {email.as_printed})"
    return email.address


def _source(source: Source) -> str:
    where = source.url or source.seed_file or "-"
    return f"  {source.id}: {source.title} ({where}), päivitetty {_day(source.updated)}"
