"""The names the resolver knows: municipalities, regions, wellbeing counties, units, persons.

Each name becomes an :class:`Alias` carrying its inflected forms (from :mod:`bot.places.inflect`)
and how cautiously it must be matched. Nothing here is a hand-written table of forms: the
forms come from the base names in ``municipalities.csv`` and the directory.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.directory.municipalities import Municipality
from bot.directory.place import Place
from bot.places.inflect import Form, name_forms
from bot.places.swedish import (
    english_county_names,
    english_region,
    swedish_county_forms,
    swedish_forms,
    swedish_genitive,
)

# Names that are also everyday Finnish or Swedish words (hanko = pitchfork, koski = rapids,
# lahti = bay, kolari = crash, pellon = of the field, virrat = currents, jalo = noble, kokar
# = cooks ...). Their forms count as a place only where the sentence makes them one.
COMMON_WORD_NAMES = frozenset(
    {
        "hanko",
        "jalo",
        "kaavi",
        "kannus",
        "karvia",
        "kaskö",
        "kemi",
        "kökar",
        "kolari",
        "koski",
        "kotka",
        "lahti",
        "lieto",
        "luoto",
        "nokia",
        "pello",
        "rusko",
        "salo",
        "sauvo",
        "somero",
        "sund",
        "vaala",
        "varkaus",
        "vasa",
        "veteli",
        "virrat",
    }
)

# Swedish names whose forms are everyday Swedish words (inga = none, stora = big, loppis =
# flea market, borga = to vouch): like the names above, they count only in a place context.
SWEDISH_WORD_NAMES = frozenset(
    {"borgå", "enare", "halsö", "ingå", "letala", "loppi", "storå", "vanda", "åbo"}
)

# Names that are also first names or surnames (Kaarina, Salla, Simo ...): a capital letter
# does not make them a place, but an inner local case does (Kaarinassa, Simoon).
PERSON_LIKE_NAMES = frozenset({"aura", "inari", "kaarina", "lovisa", "salla", "simo", "soini"})

# Compound names whose first part inflects too: Uudessakaupungissa, Isossakyrössä.
BOTH_PARTS = {"uusikaupunki": 4, "uusikaarlepyy": 4, "isokyrö": 3, "uusimaa": 4}

# Everyday names for a few towns.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "091": ("Hesa", "Stadi"),
    "837": ("Manse",),
}

# Other names of a wellbeing services county ("Päijät-Hämeen hyvinvointiyhtymä").
COUNTY_WORDS = ("hyvinvointiyhtymä", "hyvinvointikuntayhtymä")

PLACE_KINDS = frozenset({"municipality", "region", "county"})
SHORT = 4  # a name or form of at most this many letters is matched only in a place context
TYPO_MIN = 6  # a typo of a shorter name counts only in a place context, like a common word


@dataclass(frozen=True)
class Alias:
    """One name of one entity, with its forms and matching policy.

    Attributes:
        kind: "municipality", "region", "county", "unit" or "person".
        id: Canonical id (municipality code, "region:…", "county:…", directory id).
        name: The name as written in the source (for --explain).
        source: What kind of name it is ("Finnish name", "Swedish name", "surname" …).
        forms: ``(case, form)`` pairs, lower case.
        guarded: Matched only where the sentence makes it a place (common-word names; any
            form of at most ``SHORT`` letters is treated so too).
        person_like: Also a person's name: capitals prove nothing, inner local cases do.
        typo: One typo is forgiven (names of places only).
        typo_needs_cue: A form with a typo counts only where the sentence makes it a place
            (short names and guarded ones: "neuvola turusa", "asun lahdesa").
        confidence: Confidence of an exact match.
    """

    kind: str
    id: str
    name: str
    source: str
    forms: tuple[Form, ...]
    guarded: bool
    person_like: bool
    typo: bool
    typo_needs_cue: bool
    confidence: float


def _alias(
    kind: str,
    entity_id: str,
    name: str,
    source: str,
    forms: Iterable[Form],
    *,
    confidence: float = 1.0,
    guarded: bool = False,
) -> Alias:
    """Build an alias, deciding its guard and typo policy from the name itself.

    The fixed names of places forgive typos: the words near them are known
    (``near_words.txt``). That is not true of names that come and go with the directory, so
    a unit's name forgives one only where the sentence makes it a place (``kaksineuvosen
    perhekeskus``), and a person's not at all. A typo of a short name or of a name that is
    also an everyday word needs a place cue too.
    """
    lower = name.lower()
    person_like = lower in PERSON_LIKE_NAMES
    guarded = guarded or person_like or lower in COMMON_WORD_NAMES
    short = len(lower.replace("-", "").replace(" ", "")) < TYPO_MIN
    return Alias(
        kind=kind,
        id=entity_id,
        name=name,
        source=source,
        forms=tuple(forms),
        guarded=guarded,
        person_like=person_like,
        typo=kind in PLACE_KINDS or (kind == "unit" and not short),
        typo_needs_cue=guarded or short or kind == "unit",
        confidence=confidence,
    )


def municipality_aliases(municipality: Municipality) -> list[Alias]:
    """Return the aliases of one municipality: Finnish, Swedish and English names, nicknames."""
    code = municipality.code
    loan = municipality.languages.startswith("sv")
    name = municipality.name_fi.removesuffix(" Tl")
    aliases = []
    if name != municipality.name_fi:  # "Koski Tl": the old province mark only in the nominative
        full = municipality.name_fi
        aliases.append(_alias("municipality", code, full, "Finnish name", [("nom", full.lower())]))
    if name.endswith(" kunta"):  # "Pedersören kunta": the bare name is the genitive's base
        full = name.lower()
        aliases.append(_alias("municipality", code, name, "Finnish name", name_forms(full)))
        name = name.removesuffix("n kunta")
    lower = name.lower()
    forms = name_forms(lower, plural=True, loan=loan, both_parts=BOTH_PARTS.get(lower, 0))
    aliases.append(_alias("municipality", code, name, "Finnish name", forms))
    swedish = municipality.name_sv
    careful = lower in COMMON_WORD_NAMES or swedish.lower() in SWEDISH_WORD_NAMES
    aliases.append(
        _alias(
            "municipality",
            code,
            swedish,
            "Swedish name",
            swedish_forms(swedish.lower()),
            confidence=0.95,
            guarded=careful,
        )
    )
    english = municipality.name_en
    if english.lower() not in {swedish.lower(), municipality.name_fi.lower()}:
        forms = [("nom", english.lower())]
        aliases.append(
            _alias("municipality", code, english, "English name", forms, confidence=0.95)
        )
    for nickname in NICKNAMES.get(code, ()):
        nick_forms = name_forms(nickname.lower())
        aliases.append(
            _alias("municipality", code, nickname, "nickname", nick_forms, confidence=0.9)
        )
    return aliases


def area_aliases(municipalities: Iterable[Municipality]) -> list[Alias]:
    """Return aliases of the regions and wellbeing services counties of the municipalities.

    Each has its Finnish, Swedish and English names. A county run by a city ("Helsingin
    kaupunki") or named like its region (Ahvenanmaa) gets no alias of its own: the city's or
    region's name already resolves.
    """
    regions = {m.region_fi: m for m in reversed(list(municipalities))}
    counties = {m.county_fi: m for m in reversed(list(municipalities))}
    aliases = []
    for region, member in regions.items():
        region_id, lower = Place("region", region).id, region.lower()
        forms = name_forms(lower, both_parts=BOTH_PARTS.get(lower, 0))
        aliases.append(_alias("region", region_id, region, "region", forms))
        swedish = member.region_sv
        sv_forms = swedish_forms(swedish.lower())
        aliases.append(_alias("region", region_id, swedish, "Swedish region name", sv_forms))
        english = english_region(region)
        if english is not None:
            en_forms = [("nom", english.lower())]
            aliases.append(_alias("region", region_id, english, "English region name", en_forms))
    for county, member in counties.items():
        last = county.rsplit(" ", 1)[-1]
        if county in regions or last != "hyvinvointialue":
            continue
        county_id = Place("county", county).id
        for word in (last, *COUNTY_WORDS):
            variant = county.removesuffix(last) + word
            aliases.append(
                _alias("county", county_id, variant, "county", name_forms(variant.lower()))
            )
        swedish = member.county_sv
        sv_forms = swedish_county_forms(swedish.lower())
        aliases.append(_alias("county", county_id, swedish, "Swedish county name", sv_forms))
        for english in english_county_names(county, member.region_fi):
            en_forms = [("nom", english.lower())]
            aliases.append(_alias("county", county_id, english, "English county name", en_forms))
    return aliases


def entity_aliases(kind: str, entity_id: str, names: Iterable[str]) -> list[Alias]:
    """Return aliases of a directory unit or person.

    A unit's names inflect on their last word (Monitoimitalo Jaloon). A person is found by
    full name and by surname alone (Paanaselle); a surname alone may be an everyday word
    (hämäläinen = a person from Häme), so it needs a context like a place name does.
    """
    aliases = []
    for name in names:
        aliases.append(_alias(kind, entity_id, name, kind, _entity_forms(name)))
        if kind == "person" and " " in name:
            surname = name.rsplit(" ", 1)[1]
            aliases.append(
                _alias(
                    kind,
                    entity_id,
                    surname,
                    "surname",
                    _entity_forms(surname),
                    confidence=0.9,
                    guarded=True,
                )
            )
    return aliases


def _entity_forms(name: str) -> list[Form]:
    """The Finnish case forms of a unit's or person's name and its Swedish genitive."""
    lower = name.lower()
    return list(dict.fromkeys([*name_forms(lower), ("gen-sv", swedish_genitive(lower))]))


def all_aliases(
    municipalities: Mapping[str, Municipality],
    named_entities: Iterable[tuple[str, str, list[str]]],
) -> list[Alias]:
    """Return every alias, municipalities first so that they win ties."""
    aliases = [a for m in municipalities.values() for a in municipality_aliases(m)]
    aliases += area_aliases(municipalities.values())
    for kind, entity_id, names in named_entities:
        aliases += entity_aliases(kind, entity_id, names)
    return aliases
