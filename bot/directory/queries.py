"""The loaded directory and its queries.

Answers follow the hierarchy municipality → region / wellbeing services county → national.
A unit is *local* to a municipality only when its area lists that municipality's code; a unit
for a whole region is returned separately as regional, and a unit whose area the source does
not state is never returned for any municipality (it can still be found by its id or name).
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.directory.areas import AreaIndex, Level, LocalAnswer, covers, unique
from bot.directory.model import (
    MEETING_PLACE_SERVICE,
    Helpline,
    HelplineKind,
    Language,
    Organization,
    Person,
    ProgrammeFact,
    Role,
    Service,
    ServiceLocation,
    Topic,
)
from bot.directory.municipalities import Municipality
from bot.directory.place import Place
from bot.directory.values import Source
from bot.text import words


class Directory:
    """All directory entries, indexed for the bot's questions. Read-only once built."""

    def __init__(
        self,
        *,
        municipalities: Mapping[str, Municipality],
        sources: tuple[Source, ...],
        services: tuple[Service, ...],
        roles: tuple[Role, ...],
        topics: tuple[Topic, ...],
        organizations: tuple[Organization, ...],
        units: tuple[ServiceLocation, ...],
        persons: tuple[Person, ...],
        facts: tuple[ProgrammeFact, ...],
        helplines: tuple[Helpline, ...] = (),
    ) -> None:
        self.municipalities = dict(municipalities)
        self.sources = sources
        self.services = services
        self.roles = roles
        self.topics = topics
        self.organizations = organizations
        self.units = units
        self.persons = persons
        self.facts = facts
        self.helplines = helplines
        self._sources = {entry.id: entry for entry in sources}
        self._services = {entry.id: entry for entry in services}
        self._roles = {entry.id: entry for entry in roles}
        self._topics = {entry.id: entry for entry in topics}
        self._organizations = {entry.id: entry for entry in organizations}
        self._units = {entry.id: entry for entry in units}
        self._persons = {entry.id: entry for entry in persons}
        self._unit_index = AreaIndex(units)
        self._person_index = AreaIndex(persons)
        self._fact_index = AreaIndex(facts)

    def helplines_for(self, kind: HelplineKind, language: Language) -> tuple[Helpline, ...]:
        """The helplines of a kind for a parent who writes in ``language``.

        Lines that answer in the parent's language come first. A Finnish line follows for a
        parent writing in Swedish or English, or stands alone when no line of the kind is
        confirmed to answer in that language.
        """
        of_kind = [line for line in self.helplines if line.kind == kind]
        own = [line for line in of_kind if line.language == language]
        finnish = [line for line in of_kind if line.language == "fi" and language != "fi"]
        return tuple(own + finnish)

    # --- by id -------------------------------------------------------------------------

    def municipality(self, code: str) -> Municipality | None:
        """The municipality with this three-digit code."""
        return self.municipalities.get(code)

    def unit(self, unit_id: str) -> ServiceLocation | None:
        """The unit with this id."""
        return self._units.get(unit_id)

    def person(self, person_id: str) -> Person | None:
        """The person with this id."""
        return self._persons.get(person_id)

    def service(self, service_id: str) -> Service | None:
        """The service of the vocabulary with this id."""
        return self._services.get(service_id)

    def organization(self, organization_id: str) -> Organization | None:
        """The organisation with this id."""
        return self._organizations.get(organization_id)

    def role(self, role_id: str) -> Role | None:
        """The role with this id."""
        return self._roles.get(role_id)

    def topic(self, topic_id: str) -> Topic | None:
        """The programme topic with this id."""
        return self._topics.get(topic_id)

    def source(self, source_id: str) -> Source | None:
        """The source with this id."""
        return self._sources.get(source_id)

    # --- questions ---------------------------------------------------------------------

    def lookup(self, municipality_code: str, service: str | None = None) -> LocalAnswer:
        """What a parent in this municipality can be told, optionally about one service.

        Args:
            municipality_code: Three-digit municipality code (``"410"``).
            service: Service id of the vocabulary, or None for everything.

        Returns:
            Local units and contacts, then the region's or county's, then national facts.

        Raises:
            KeyError: For an unknown municipality code or service id.
        """
        municipality = self.municipalities[municipality_code]
        asked = self._services[service] if service is not None else None
        local = self._unit_index.local(municipality_code)
        units = [unit for unit in local if service is None or unit.offers(service)]
        regional = [
            unit
            for unit in self._unit_index.regional(municipality)
            if service is None or unit.offers(service)
        ]
        local_contacts = self._person_index.local(municipality_code)
        regional_contacts = self._person_index.regional(municipality)
        facts = self._fact_index.local(municipality_code) + self._fact_index.regional(municipality)
        level: Level = "national"
        if units or local_contacts:
            level = "municipality"
        elif regional or regional_contacts or facts:
            level = "region"
        answering = {unit.id for unit in units}
        other_local = [unit for unit in local if unit.id not in answering]
        national = self._fact_index.national
        listed: list[ServiceLocation | Person | ProgrammeFact] = [
            *units,
            *other_local,
            *regional,
            *local_contacts,
            *regional_contacts,
            *facts,
            *national,
        ]
        return LocalAnswer(
            municipality=municipality,
            service=asked,
            level=level,
            units=tuple(units),
            other_local_units=tuple(other_local),
            regional_units=tuple(regional),
            local_contacts=tuple(local_contacts),
            regional_contacts=tuple(regional_contacts),
            facts=tuple(facts),
            national_facts=national,
            sources=tuple(unique(entry.source for entry in listed)),
        )

    def meeting_places(self, municipality_code: str) -> LocalAnswer:
        """Meeting places (kohtaamispaikat, open day-care centres) for a municipality.

        Raises:
            KeyError: For an unknown municipality code.
        """
        return self.lookup(municipality_code, MEETING_PLACE_SERVICE)

    def meeting_places_of(self, unit: ServiceLocation) -> tuple[ServiceLocation, ...]:
        """The unit and the units that belong to it, where they are meeting places.

        "Kaksineuvoisen kohtaamispaikat" belongs to Kaksineuvoinen's family centre.
        """
        family = [unit, *(other for other in self.units if other.parent == unit.id)]
        return tuple(member for member in family if member.offers(MEETING_PLACE_SERVICE))

    def units_offering(self, service: str) -> tuple[ServiceLocation, ...]:
        """Every unit offering a service, wherever it is (for "where can I get ...")."""
        return tuple(unit for unit in self.units if unit.offers(service))

    def find_contacts(
        self,
        name: str | None = None,
        role: str | None = None,
        region: str | None = None,
        organisation: str | None = None,
    ) -> tuple[Person, ...]:
        """Contact persons matching every given filter, in directory order.

        Args:
            name: Part of the name in base form, any case, with or without ä/ö
                (``"Hämäläinen"``, ``"hanna hamalainen"``), or the person id.
            role: Role id (``muutosagentti``).
            region: A place: ``"region:Keski-Suomi"``, ``"county:Keski-Suomen
                hyvinvointialue"``, a region or county name, or a municipality code. A person
                matches when their area includes any municipality of that place.
            organisation: Organisation id; members of its sub-organisations
                (a project it administers) match too.

        Returns:
            The matching persons; all persons when no filter is given.
        """
        persons = list(self.persons)
        if name is not None:
            wanted = set(words(name))
            persons = [
                person
                for person in persons
                if person.id == name or (wanted and wanted <= self._name_words(person))
            ]
        if role is not None:
            persons = [person for person in persons if person.role == role]
        if region is not None:
            place = self._place_municipalities(region)
            persons = [
                person
                for person in persons
                if any(covers(person.area, municipality) for municipality in place)
            ]
        if organisation is not None:
            persons = [
                person
                for person in persons
                if organisation in self._organization_chain(person.organization)
            ]
        return tuple(persons)

    def programme(self, topic: str) -> tuple[ProgrammeFact, ...]:
        """Facts about a topic: those filed under it first, then related ones.

        Returns:
            The facts, empty for an unknown topic.
        """
        primary = [fact for fact in self.facts if fact.topic == topic]
        related = [fact for fact in self.facts if topic in fact.related_topics]
        return tuple(primary + related)

    def named_entities(self) -> list[tuple[str, str, list[str]]]:
        """Names the place and person resolver must recognise.

        An organisation that works in one region or county (a regional project such as
        KSLAPE, a wellbeing consortium such as PHHYKY) names that area: "vem i KSLAPE
        ansvarar…" asks about Keski-Suomi.

        Returns:
            ``(kind, id, names)`` with kind ``"unit"``, ``"person"``, ``"region"`` or
            ``"county"`` and the base-form names and aliases, e.g.
            ``("person", "raija-harju-kivinen", ["Raija Harju-Kivinen"])`` or
            ``("region", "region:Keski-Suomi", ["KSLAPE", …])``.
        """
        result: list[tuple[str, str, list[str]]] = [
            ("unit", unit.id, [unit.name_fi, *unit.aliases]) for unit in self.units
        ]
        result += [
            ("person", person.id, [person.full_name, *person.aliases]) for person in self.persons
        ]
        for organization in self.organizations:
            area = organization.area
            if area.municipalities or area.national or len(area.regions + area.counties) != 1:
                continue
            place = (
                Place("region", area.regions[0])
                if area.regions
                else Place("county", area.counties[0])
            )
            names = [organization.name_fi, *organization.aliases]
            result.append((place.kind, place.id, names))
        return result

    # --- helpers -----------------------------------------------------------------------

    def _name_words(self, person: Person) -> set[str]:
        names = [person.full_name, *person.aliases]
        return {word for text in names for word in words(text)}

    def _organization_chain(self, organization_id: str) -> list[str]:
        """The organisation and the ones above it."""
        chain: list[str] = []
        current: str | None = organization_id
        while current is not None and current not in chain:
            chain.append(current)
            parent = self._organizations.get(current)
            current = parent.parent if parent else None
        return chain

    def _place_municipalities(self, place: str) -> list[Municipality]:
        """The municipalities of a place value (region, county or municipality code)."""
        if place in self.municipalities:
            return [self.municipalities[place]]
        name = Place.parse(place).name
        return [
            municipality
            for municipality in self.municipalities.values()
            if name in (municipality.region_fi, municipality.county_fi)
        ]
