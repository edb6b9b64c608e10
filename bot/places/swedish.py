"""Swedish and English names of municipalities, regions and wellbeing services counties.

Swedish names come from ``municipalities.csv`` (``name_sv``, ``region_sv``,
``wellbeing_county_sv``) and take the forms people write: the base form, the genitive in
``-s`` (Borgås, Jakobstads, Mellersta Finlands; a name ending in s, x or z takes no second s:
Lahtis, Närpes, Malax) and, for the counties, the definite ``välfärdsområdet`` and its
genitive. English municipality names come from ``name_en``; English uses the base form (a
possessive "Jakobstad's" splits into the name and "s").

The csv has no English names of regions. :data:`REGION_EN` gives Statistics Finland's
English region names where they differ from the Finnish ones; a wellbeing services county
is named in English after its region, or after its own area (:data:`COUNTY_AREA_EN`, the
English names the four Uusimaa counties use).
"""

from __future__ import annotations

from bot.places.inflect import Form

# Statistics Finland's English names of the regions (maakunnat), keyed by the Finnish
# name; regions whose English name is the Finnish one (Uusimaa, Satakunta, Kanta-Häme,
# Pirkanmaa, Päijät-Häme, Kymenlaakso, Kainuu) are not listed.
REGION_EN: dict[str, str] = {
    "Ahvenanmaa": "Åland",
    "Etelä-Karjala": "South Karelia",
    "Etelä-Pohjanmaa": "South Ostrobothnia",
    "Etelä-Savo": "South Savo",
    "Keski-Pohjanmaa": "Central Ostrobothnia",
    "Keski-Suomi": "Central Finland",
    "Lappi": "Lapland",
    "Pohjanmaa": "Ostrobothnia",
    "Pohjois-Karjala": "North Karelia",
    "Pohjois-Pohjanmaa": "North Ostrobothnia",
    "Pohjois-Savo": "North Savo",
    "Varsinais-Suomi": "Southwest Finland",
}

# The English area names of the wellbeing services counties that are not named after
# their region (the four counties of Uusimaa besides the City of Helsinki).
COUNTY_AREA_EN: dict[str, str] = {
    "Itä-Uudenmaan hyvinvointialue": "East Uusimaa",
    "Keski-Uudenmaan hyvinvointialue": "Central Uusimaa",
    "Länsi-Uudenmaan hyvinvointialue": "West Uusimaa",
    "Vantaan ja Keravan hyvinvointialue": "Vantaa and Kerava",
}

# How English names a wellbeing services county after its area ("{}" is the area).
COUNTY_EN_PATTERNS = (
    "{} wellbeing services county",
    "wellbeing services county of {}",
    "{} wellbeing county",
)

COUNTY_SV = "välfärdsområde"
COUNTY_SV_FORMS = (("definite", "välfärdsområdet"), ("gen", "välfärdsområdes"))
COUNTY_SV_DEF_GEN = "välfärdsområdets"


def swedish_genitive(name: str) -> str:
    """Return the genitive of a Swedish name (lower case): ``borgå`` → ``borgås``."""
    return name if name.endswith(("s", "x", "z")) else name + "s"


def swedish_forms(name: str) -> list[Form]:
    """Return the base form and the genitive of a Swedish place name (lower case)."""
    return list(dict.fromkeys([("nom", name), ("gen", swedish_genitive(name))]))


def swedish_county_forms(name: str) -> list[Form]:
    """Return the forms of a Swedish county name (lower case) that ends in ``välfärdsområde``.

    ``mellersta finlands välfärdsområde`` also gives ``… välfärdsområdet``, ``…
    välfärdsområdes`` and ``… välfärdsområdets``.
    """
    forms: list[Form] = [("nom", name)]
    if name.endswith(COUNTY_SV):
        prefix = name.removesuffix(COUNTY_SV)
        forms += [(case, prefix + word) for case, word in COUNTY_SV_FORMS]
        forms.append(("gen-definite", prefix + COUNTY_SV_DEF_GEN))
    return forms


def english_region(region_fi: str) -> str | None:
    """Return the English name of a region when it differs from the Finnish one."""
    return REGION_EN.get(region_fi)


def english_county_names(county_fi: str, region_fi: str) -> list[str]:
    """Return the English names of a wellbeing services county.

    Args:
        county_fi: The county's Finnish name ("Keski-Suomen hyvinvointialue").
        region_fi: The Finnish name of the region the county lies in.

    Returns:
        Names such as "Central Finland wellbeing services county" and "wellbeing services
        county of Central Finland"; the area is the region's English (or Finnish) name.
    """
    area = COUNTY_AREA_EN.get(county_fi) or REGION_EN.get(region_fi) or region_fi
    return [pattern.format(area) for pattern in COUNTY_EN_PATTERNS]
