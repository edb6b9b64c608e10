"""The 308 municipalities of Finland (2025) with their region and wellbeing services county.

The list is ``data/directory/municipalities.csv`` (:data:`bot.paths.MUNICIPALITIES_CSV`;
Statistics Finland classification as packaged in rOpenGov/geofi ``municipality_key_2025``,
BSD-2). A loaded directory carries its list (``Directory.municipalities``); code without a
directory at hand reads it with :func:`load_municipalities`.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Municipality:
    """One municipality, keyed by its three-digit Statistics Finland code."""

    code: str
    name_fi: str
    name_sv: str
    name_en: str
    region_fi: str
    region_sv: str
    county_fi: str
    county_sv: str
    languages: str


def load_municipalities(path: Path) -> dict[str, Municipality]:
    """Read the municipality list.

    Args:
        path: CSV file with the columns of ``municipalities.csv`` (the project's list is
            :data:`bot.paths.MUNICIPALITIES_CSV`).

    Returns:
        Municipalities by three-digit code, in file order.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {
        row["code"]: Municipality(
            code=row["code"],
            name_fi=row["name_fi"],
            name_sv=row["name_sv"],
            name_en=row["name_en"],
            region_fi=row["region_fi"],
            region_sv=row["region_sv"],
            county_fi=row["wellbeing_county_fi"],
            county_sv=row["wellbeing_county_sv"],
            languages=row["languages"],
        )
        for row in rows
    }


def find_municipality(text: str, table: Mapping[str, Municipality]) -> Municipality | None:
    """The municipality named in base form, in Finnish, Swedish or English, or by its code.

    Args:
        text: ``"Laukaa"``, ``"Jakobstad"``, ``"410"`` (case and surrounding spaces ignored).
        table: Municipalities to search by code.

    Returns:
        The municipality, or None when nothing matches exactly.
    """
    wanted = text.strip().casefold()
    if wanted in table:
        return table[wanted]
    for municipality in table.values():
        names = (municipality.name_fi, municipality.name_sv, municipality.name_en)
        if wanted in (name.casefold() for name in names):
            return municipality
    return None
