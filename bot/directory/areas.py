"""What the directory knows for one municipality: entries indexed by the areas they name.

A unit is *local* to a municipality only when its area lists that municipality's code; a
unit for a whole region or wellbeing services county is *regional*, never local.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, Literal, Protocol, TypeVar

from bot.directory.model import Person, ProgrammeFact, Service, ServiceLocation
from bot.directory.municipalities import Municipality
from bot.directory.values import Area, Source

#: Which level of the hierarchy answered.
Level = Literal["municipality", "region", "national"]


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


class _Entry(_Identified, Protocol):
    @property
    def area(self) -> Area: ...


EntryT = TypeVar("EntryT", bound=_Entry)
IdentifiedT = TypeVar("IdentifiedT", bound=_Identified)


@dataclass(frozen=True)
class LocalAnswer:
    """What the directory knows for a parent in one municipality.

    Attributes:
        municipality: The parent's municipality.
        service: The service asked about, or None for everything.
        level: ``municipality`` when there is a local unit or contact person,
            ``region`` when only the region or wellbeing services county has something,
            ``national`` when only national information applies.
        units: Units in the municipality's own area (offering ``service`` if one is asked).
        other_local_units: Local units that do not offer the asked service (empty when no
            service is asked), so an answer can say what is there instead.
        regional_units: Units serving the whole region or county (offering ``service`` if
            one is asked). Never present these as local.
        local_contacts: Contact persons for this municipality.
        regional_contacts: Contact persons for its region or county.
        facts: Programme facts for this municipality, its region or county.
        national_facts: Programme facts that apply everywhere.
        sources: The sources of everything above, each once.
    """

    municipality: Municipality
    service: Service | None
    level: Level
    units: tuple[ServiceLocation, ...]
    other_local_units: tuple[ServiceLocation, ...]
    regional_units: tuple[ServiceLocation, ...]
    local_contacts: tuple[Person, ...]
    regional_contacts: tuple[Person, ...]
    facts: tuple[ProgrammeFact, ...]
    national_facts: tuple[ProgrammeFact, ...]
    sources: tuple[Source, ...]


class AreaIndex(Generic[EntryT]):
    """Entries by the municipalities, regions and counties their areas name."""

    def __init__(self, entries: Iterable[EntryT]) -> None:
        self._by_code: dict[str, list[EntryT]] = defaultdict(list)
        self._by_region: dict[str, list[EntryT]] = defaultdict(list)
        self._by_county: dict[str, list[EntryT]] = defaultdict(list)
        national: list[EntryT] = []
        for entry in entries:
            for code in entry.area.municipalities:
                self._by_code[code].append(entry)
            for region in entry.area.regions:
                self._by_region[region].append(entry)
            for county in entry.area.counties:
                self._by_county[county].append(entry)
            if entry.area.national:
                national.append(entry)
        self.national: tuple[EntryT, ...] = tuple(national)

    def local(self, code: str) -> list[EntryT]:
        """Entries whose area names this municipality."""
        return list(self._by_code.get(code, ()))

    def regional(self, municipality: Municipality) -> list[EntryT]:
        """Entries for the municipality's whole region or county, not named locally."""
        local = {entry.id for entry in self.local(municipality.code)}
        found = self._by_region.get(municipality.region_fi, []) + self._by_county.get(
            municipality.county_fi, []
        )
        return [entry for entry in unique(found) if entry.id not in local]


def unique(entries: Iterable[IdentifiedT]) -> list[IdentifiedT]:
    """The entries without repeats, in their first order."""
    seen: set[str] = set()
    result: list[IdentifiedT] = []
    for entry in entries:
        if entry.id not in seen:
            seen.add(entry.id)
            result.append(entry)
    return result


def covers(area: Area, municipality: Municipality) -> bool:
    """Whether an area (other than a national one) includes the municipality."""
    return (
        municipality.code in area.municipalities
        or municipality.region_fi in area.regions
        or municipality.county_fi in area.counties
    )
