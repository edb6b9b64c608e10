"""Entries of the schema built into the directory's frozen entries.

Building checks what one entry cannot check alone and reports it for the entry's field:
the source must be in ``sources.yaml``, municipality codes, regions and counties in the
municipality list, and an address rule is only for a person.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date

from bot.directory.fields import EMAIL_RULE
from bot.directory.model import (
    Helpline,
    Language,
    Organization,
    Person,
    ProgrammeFact,
    Role,
    Service,
    ServiceLocation,
    ServiceOffer,
    Topic,
)
from bot.directory.municipalities import Municipality
from bot.directory.schema import (
    AreaEntry,
    DateEntry,
    EmailEntry,
    FactEntry,
    HelplineEntry,
    LanguageTexts,
    OrganizationEntry,
    PersonEntry,
    PhoneEntry,
    RoleEntry,
    ServiceEntry,
    Sourced,
    SourceEntry,
    TopicEntry,
    UnitEntry,
    WebPageEntry,
)
from bot.directory.values import (
    Amount,
    Area,
    Email,
    FactDate,
    Phone,
    ServiceClass,
    ServiceHour,
    SocialMedia,
    Source,
    WebPage,
)
from bot.text import words

#: Records a problem with a field (``area.municipalities[0]``) of the entry being built.
Report = Callable[[str, str], None]
UNKNOWN_SOURCE = Source(id="", title="", url=None, updated=None, seed_file=None)


@dataclass
class Builder:
    """Builds entries against what is already known: municipalities, sources and roles.

    Attributes:
        municipalities: The municipalities by code.
        sources: The sources read so far, by id.
        roles: The roles read so far, by id.
        source_ids: The ids of the sources read so far, with those of invalid ones (whose
            own errors are reported already).
    """

    municipalities: Mapping[str, Municipality]
    sources: Mapping[str, Source]
    roles: Mapping[str, Role]
    source_ids: Collection[str]

    def __post_init__(self) -> None:
        self._regions = {m.region_fi for m in self.municipalities.values()}
        self._counties = {m.county_fi for m in self.municipalities.values()}

    # --- vocabulary --------------------------------------------------------------------

    def source(self, entry: SourceEntry, report: Report) -> Source:
        """A source."""
        return Source(
            id=entry.id,
            title=entry.title,
            url=entry.url,
            updated=entry.updated,
            seed_file=entry.seed_file,
            publisher=entry.publisher,
        )

    def service(self, entry: ServiceEntry, report: Report) -> Service:
        """A service of the vocabulary."""
        return Service(
            id=entry.id,
            name_fi=entry.name_fi,
            aliases=tuple(entry.aliases),
            service_classes=tuple(ServiceClass(c.code, c.name) for c in entry.service_classes),
            description=entry.description,
            name_sv=entry.name_sv,
            name_en=entry.name_en,
        )

    def role(self, entry: RoleEntry, report: Report) -> Role:
        """A role of the vocabulary."""
        return Role(entry.id, entry.title_fi, tuple(entry.aliases), entry.title_sv, entry.title_en)

    def topic(self, entry: TopicEntry, report: Report) -> Topic:
        """A programme topic."""
        return Topic(entry.id, entry.name_fi, tuple(entry.aliases), entry.name_sv, entry.name_en)

    # --- places and people -------------------------------------------------------------

    def organization(self, entry: OrganizationEntry, report: Report) -> Organization:
        """An organisation."""
        source, updated = self._source(entry, report)
        return Organization(
            id=entry.id,
            name_fi=entry.name_fi,
            aliases=tuple(entry.aliases),
            type=entry.type,  # type: ignore[arg-type]  # checked by the schema
            area=self._area(entry.area, report),
            source=source,
            updated=updated,
            parent=entry.parent,
            web_pages=_pages(entry.web_pages),
            name_sv=entry.name_sv,
            name_en=entry.name_en,
        )

    def unit(self, entry: UnitEntry, report: Report) -> ServiceLocation:
        """A unit (service location)."""
        source, updated = self._source(entry, report)
        return ServiceLocation(
            id=entry.id,
            name_fi=entry.name_fi,
            aliases=tuple(entry.aliases),
            organization=entry.organization,
            description=entry.description,
            area=self._area(entry.area, report),
            services=tuple(ServiceOffer(o.service, o.provider, o.note) for o in entry.services),
            source=source,
            updated=updated,
            parent=entry.parent,
            contacts=tuple(entry.contacts),
            phones=_phones(entry.phones),
            emails=_emails(entry.emails, None, report),
            web_pages=_pages(entry.web_pages),
            social_media=tuple(SocialMedia(s.service, s.url) for s in entry.social_media),
            service_hours=tuple(
                ServiceHour(h.days, h.opens, h.closes, h.note) for h in entry.service_hours
            ),
            address=entry.address,
            dates=_dates(entry.dates),
            status=entry.status,
            name_sv=entry.name_sv,
            name_en=entry.name_en,
        )

    def person(self, entry: PersonEntry, report: Report) -> Person:
        """A contact person; an address given as a rule is derived from the name."""
        source, updated = self._source(entry, report)
        role = self.roles.get(entry.role)
        return Person(
            id=entry.id,
            given_name=entry.given_name,
            family_name=entry.family_name,
            role=entry.role,
            role_title=role.title_fi if role else "",
            organization=entry.organization,
            responsibility=entry.responsibility,
            responsibility_sv=entry.responsibility_sv,
            responsibility_en=entry.responsibility_en,
            area=self._area(entry.area, report),
            source=source,
            updated=updated,
            phones=_phones(entry.phones),
            emails=_emails(entry.emails, (entry.given_name, entry.family_name), report),
            aliases=tuple(entry.aliases),
        )

    def fact(self, entry: FactEntry, report: Report) -> ProgrammeFact:
        """A programme fact."""
        source, updated = self._source(entry, report)
        return ProgrammeFact(
            id=entry.id,
            topic=entry.topic,
            title=entry.title,
            text=entry.text,
            area=self._area(entry.area, report),
            source=source,
            updated=updated,
            related_topics=tuple(entry.related_topics),
            points=tuple(entry.points),
            dates=_dates(entry.dates),
            amounts=tuple(Amount(a.label, a.euros, a.period) for a in entry.amounts),
            links=_pages(entry.links),
            contacts=tuple(entry.contacts),
            units=tuple(entry.units),
        )

    def helpline(self, entry: HelplineEntry, report: Report) -> Helpline:
        """A helpline."""
        return Helpline(
            id=entry.id,
            kind=entry.kind,  # type: ignore[arg-type]  # checked by the schema
            language=entry.language,  # type: ignore[arg-type]  # checked by the schema
            names=_by_language(entry.name),
            phone=entry.phone,
            hours=_by_language(entry.hours) if entry.hours else {},
            source=self._known_source(entry.source, report),
            checked=entry.checked,
        )

    # --- shared ------------------------------------------------------------------------

    def _known_source(self, source_id: str, report: Report) -> Source:
        if source_id not in self.source_ids:
            report("source", f"unknown source '{source_id}'")
        return self.sources.get(source_id, UNKNOWN_SOURCE)

    def _source(self, entry: Sourced, report: Report) -> tuple[Source, date | None]:
        """The entry's source, and its date: ``updated`` if written, else the source's date."""
        source = self._known_source(entry.source, report)
        return source, entry.updated if "updated" in entry.__fields_set__ else source.updated

    def _area(self, area: AreaEntry | None, report: Report) -> Area:
        """The area, each name checked against the municipality list; null is unstated."""
        if area is None:
            return Area()
        for index, code in enumerate(area.municipalities):
            if code not in self.municipalities:
                report(f"area.municipalities[{index}]", f"unknown municipality code '{code}'")
        for index, region in enumerate(area.regions):
            if region not in self._regions:
                report(f"area.regions[{index}]", f"unknown region '{region}'")
        for index, county in enumerate(area.counties):
            if county not in self._counties:
                message = f"unknown wellbeing services county '{county}'"
                report(f"area.counties[{index}]", message)
        codes = tuple(code for code in area.municipalities if code in self.municipalities)
        return Area(codes, tuple(area.regions), tuple(area.counties), area.national)


def _phones(entries: list[PhoneEntry]) -> tuple[Phone, ...]:
    return tuple(Phone(p.prefix or "", p.number, p.description) for p in entries)


def _emails(
    entries: list[EmailEntry], name: tuple[str, str] | None, report: Report
) -> tuple[Email, ...]:
    """Emails; a person's ``name`` (given, family) derives an address from a rule."""
    emails: list[Email] = []
    for index, entry in enumerate(entries):
        if entry.rule is None:
            emails.append(Email(entry.address or "", as_printed=entry.as_printed, note=entry.note))
            continue
        address = ""
        match = EMAIL_RULE.fullmatch(entry.rule)
        if name is None:
            report(f"emails[{index}].rule", "only a person's address can be derived from a rule")
        elif match is not None:
            given, family = ("-".join(words(part)) for part in name)
            address = f"{given}.{family}@{match['domain']}"
        emails.append(
            Email(address, True, entry.rule, as_printed=entry.as_printed, note=entry.note)
        )
    return tuple(emails)


def _pages(entries: list[WebPageEntry]) -> tuple[WebPage, ...]:
    return tuple(WebPage(page.url, page.title) for page in entries)


def _dates(entries: list[DateEntry]) -> tuple[FactDate, ...]:
    return tuple(FactDate(d.label, d.text, d.start, d.end) for d in entries)


def _by_language(texts: LanguageTexts) -> dict[Language, str]:
    return {"fi": texts.fi, "sv": texts.sv, "en": texts.en}
