"""Spreadsheet export: ``python -m bot directory export --csv DIR``.

Writes ``units.csv``, ``persons.csv``, ``services.csv`` and ``organizations.csv`` for editors
who work in a spreadsheet. Lists are joined with ``; ``; municipality codes are written with
their names (``410 Laukaa``) so a spreadsheet does not drop the leading zero of ``016``. The
files are UTF-8 with a byte-order mark, which Excel needs to show ä and ö. The YAML stays the
master copy: the export is for reading, sorting and planning edits.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from bot.directory.queries import Directory
from bot.directory.values import Area, Email, Phone


def export_csv(directory: Directory, out: Path) -> list[Path]:
    """Write the directory's units, persons, services and organisations as CSV files.

    Args:
        directory: A loaded directory.
        out: Folder for the files (created if missing).

    Returns:
        The files written.
    """
    out.mkdir(parents=True, exist_ok=True)
    tables = {
        "units.csv": _units(directory),
        "persons.csv": _persons(directory),
        "services.csv": _services(directory),
        "organizations.csv": _organizations(directory),
    }
    written: list[Path] = []
    for name, rows in tables.items():
        path = out / name
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows(rows)
        written.append(path)
    return written


def _area(directory: Directory, area: Area) -> str:
    if not area.stated:
        return "ei kerrottu"
    parts: list[str] = []
    for code in area.municipalities:
        municipality = directory.municipality(code)
        parts.append(f"{code} {municipality.name_fi}" if municipality else code)
    parts += [*area.regions, *area.counties]
    if area.national:
        parts.append("koko maa")
    return _join(parts)


def _join(values: Iterable[str]) -> str:
    return "; ".join(value for value in values if value)


def _phones(phones: Sequence[Phone]) -> str:
    return _join(
        f"{phone.number} ({phone.description})" if phone.description else phone.number
        for phone in phones
    )


def _emails(emails: Sequence[Email]) -> str:
    return _join(email.address for email in emails)


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _units(directory: Directory) -> list[list[str]]:
    rows = [
        [
            "id",
            "name_fi",
            "aliases",
            "organization",
            "area",
            "services",
            "phones",
            "emails",
            "web_pages",
            "service_hours",
            "address",
            "contacts",
            "status",
            "source",
            "updated",
        ]
    ]
    for unit in directory.units:
        hours = _join(
            " ".join(
                part
                for part in (
                    hour.days,
                    "–".join(filter(None, (hour.opens, hour.closes))),
                    hour.note,
                )
                if part
            )
            for hour in unit.service_hours
        )
        rows.append(
            [
                unit.id,
                unit.name_fi,
                _join(unit.aliases),
                unit.organization,
                _area(directory, unit.area),
                _join(offer.service for offer in unit.services),
                _phones(unit.phones),
                _emails(unit.emails),
                _join(page.url for page in unit.web_pages),
                hours,
                unit.address or "",
                _join(unit.contacts),
                unit.status or "",
                unit.source.id,
                _day(unit.updated),
            ]
        )
    return rows


def _persons(directory: Directory) -> list[list[str]]:
    rows = [
        [
            "id",
            "given_name",
            "family_name",
            "role",
            "organization",
            "responsibility",
            "responsibility_sv",
            "responsibility_en",
            "area",
            "phones",
            "emails",
            "source",
            "updated",
        ]
    ]
    for person in directory.persons:
        rows.append(
            [
                person.id,
                person.given_name,
                person.family_name,
                person.role_title or person.role,
                person.organization,
                person.responsibility or "",
                person.responsibility_sv or "",
                person.responsibility_en or "",
                _area(directory, person.area),
                _phones(person.phones),
                _emails(person.emails),
                person.source.id,
                _day(person.updated),
            ]
        )
    return rows


def _services(directory: Directory) -> list[list[str]]:
    rows = [["id", "name_fi", "aliases", "service_classes", "units"]]
    for service in directory.services:
        classes = _join(f"{c.code} {c.name_fi}" for c in service.service_classes)
        units = _join(unit.id for unit in directory.units_offering(service.id))
        rows.append([service.id, service.name_fi, _join(service.aliases), classes, units])
    return rows


def _organizations(directory: Directory) -> list[list[str]]:
    rows = [["id", "name_fi", "aliases", "type", "parent", "area", "source", "updated"]]
    for org in directory.organizations:
        rows.append(
            [
                org.id,
                org.name_fi,
                _join(org.aliases),
                org.type,
                org.parent or "",
                _area(directory, org.area),
                org.source.id,
                _day(org.updated),
            ]
        )
    return rows
