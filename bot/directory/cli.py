"""Staff commands: ``python -m bot directory check | show | coverage | import-ptv | export``."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from bot.directory.loader import load_directory
from bot.directory.model import DirectoryError, Person, ServiceLocation
from bot.directory.municipalities import find_municipality
from bot.directory.queries import Directory, LocalAnswer
from bot.directory.values import Email, Source
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
    coverage = commands.add_parser(
        "coverage", help="what each of the 308 municipalities is told (HTML + CSV)"
    )
    coverage.add_argument("--out", type=Path, required=True, help="folder for the report")
    import_ptv = commands.add_parser(
        "import-ptv", help="merge a Suomi.fi PTV Open API v11 JSON file into the YAML"
    )
    import_ptv.add_argument("file", type=Path, help="PTV JSON (e.g. data/ptv/sample.json)")
    import_ptv.add_argument("--dry-run", action="store_true", help="report, write nothing")
    export = commands.add_parser("export", help="CSV files for editors using a spreadsheet")
    export.add_argument("--csv", type=Path, required=True, help="folder for the CSV files")
    for command in (check, show, coverage, import_ptv, export):
        command.add_argument(
            "--path",
            "--directory",
            dest="path",
            type=Path,
            default=DIRECTORY_DIR,
            help="directory folder",
        )
    return main_parser


def main(argv: list[str]) -> int:
    """Run a directory command; ``argv`` starts with ``"directory"``."""
    args = parser().parse_args(argv[1:])
    if args.command == "import-ptv":
        return _import_ptv(args.file, args.path, dry_run=args.dry_run)
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
    if args.command == "coverage":
        from bot.directory.coverage import write_report

        rows = write_report(directory, args.out)
        counts = Counter(row.coverage for row in rows)
        listed = ", ".join(f"{count} {level}" for level, count in counts.items())
        print(f"Coverage of {len(rows)} municipalities ({listed}): {args.out / 'index.html'}")
        return 0
    if args.command == "export":
        from bot.directory.export import export_csv

        for path in export_csv(directory, args.csv):
            print(path)
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


def _import_ptv(file: Path, path: Path, *, dry_run: bool) -> int:
    """Run ``import-ptv``: print one line per entry; exit 1 when nothing could be merged."""
    from bot.directory.ptv import PtvError
    from bot.directory.ptv_merge import import_ptv

    try:
        report = import_ptv(file, path, dry_run=dry_run)
    except PtvError as error:
        print(error, file=sys.stderr)
        return 1
    for line in report.lines:
        print(line)
    if report.errors:
        for message in report.errors:
            print(message, file=sys.stderr)
        print(
            f"Not imported: the result would not pass 'directory check' ({path})", file=sys.stderr
        )
        return 1
    if dry_run:
        print("Dry run: nothing written.")
    elif report.changed:
        print(f"Imported into {path}; check with: python -m bot directory check")
    else:
        print("Nothing changed.")
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
    if unit.address:
        lines.append(f"    Osoite: {unit.address}")
    for hour in unit.service_hours:
        times = "–".join(part for part in (hour.opens, hour.closes) if part)
        note = f" ({hour.note})" if hour.note else ""
        lines.append(f"    Aukiolo: {hour.days} {times}".rstrip() + note)
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
