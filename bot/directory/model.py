"""Typed entries of the directory, shaped after Suomi.fi Palvelutietovaranto (PTV).

PTV describes an Organization, the Services it offers (classified by service classes such as
P3.7 Kasvatus- ja perheneuvonta) and ServiceChannels through which a service is reached; a
ServiceLocation is the channel type of a place one can visit. Areas are three-digit
municipality codes. This module adds what PTV does not have but parents ask about: contact
persons, programme facts, and the source of every entry with the date of that source.

All entries are frozen: the loader builds them once and queries only read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, TypeAlias

#: The service that makes a unit a meeting place (kohtaamispaikka, open day-care centre).
MEETING_PLACE_SERVICE = "kohtaamispaikka"

#: PTV organisation types used here, plus ``Project`` for a fixed-term programme team.
OrganizationType = Literal[
    "Municipality", "RegionalOrganization", "Organization", "Parish", "Project"
]


@dataclass(frozen=True)
class Source:
    """Where facts come from.

    Attributes:
        id: Source id, referred to by every entry (``seed-001``).
        title: The page's title.
        url: The page's own address, or None when the page does not give it.
        updated: The date the page says it was updated, or None when it gives none.
        seed_file: File name of the stored copy of the page, if any.
        publisher: Who published the page, when the page itself says so.
    """

    id: str
    title: str
    url: str | None
    updated: date | None
    seed_file: str | None
    publisher: str | None = None


@dataclass(frozen=True)
class Area:
    """Where an entry applies: municipalities, regions, wellbeing services counties, nation.

    An empty area means that the source does not state it; such an entry can be found by its
    name but is never presented as local to any municipality.
    """

    municipalities: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    counties: tuple[str, ...] = ()
    national: bool = False

    @property
    def stated(self) -> bool:
        """Whether the source says where the entry applies."""
        return bool(self.national or self.municipalities or self.regions or self.counties)


@dataclass(frozen=True)
class Phone:
    """A phone number as PTV stores it: country prefix and the number in national form.

    Attributes:
        prefix: Country calling code, ``+358``.
        number: The national number as written in Finland, ``050 351 9249``.
        description: What the number is for, if the source says.
    """

    prefix: str
    number: str
    description: str | None = None

    @property
    def digits(self) -> str:
        """The national number's digits only (``0503519249``)."""
        return "".join(ch for ch in self.number if ch.isdigit())

    @property
    def international(self) -> str:
        """The number for dialling from abroad (``+358503519249``)."""
        return self.prefix + self.digits.removeprefix("0")


@dataclass(frozen=True)
class Email:
    """An email address and how we know it.

    Attributes:
        address: The address to use.
        derived: True when the source gives a rule, not the address itself.
        rule: The rule the address was derived by (``etunimi.sukunimi@jkl.fi``), if derived.
        as_printed: How the source printed the address when that differs from ``address``
            (``(at)`` for ``@``, a lost ``@``).
        note: Why the address differs from the print, for an editor.
    """

    address: str
    derived: bool = False
    rule: str | None = None
    as_printed: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class WebPage:
    """A link with a Finnish title."""

    url: str
    title: str


@dataclass(frozen=True)
class SocialMedia:
    """A social media account (``Facebook``, ``Twitter``)."""

    service: str
    url: str


@dataclass(frozen=True)
class ServiceHour:
    """Opening hours, PTV style: days, times and a free-text note."""

    days: str
    opens: str | None = None
    closes: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class FactDate:
    """A date or period as the source states it.

    Attributes:
        label: What happened (``käynnistyi``, ``hankekausi``).
        text: The date as written (``elokuussa``, ``3.4.2017–31.12.2018``).
        start: The first day, when the source gives a full date.
        end: The last day, when the source gives a full date.
    """

    label: str
    text: str
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class Amount:
    """A sum of money the source states (funding)."""

    label: str
    euros: int
    period: str | None = None


@dataclass(frozen=True)
class ServiceClass:
    """A PTV service class (``P3.7`` Kasvatus- ja perheneuvonta)."""

    code: str
    name_fi: str


@dataclass(frozen=True)
class Service:
    """One service of the controlled vocabulary (the values of the ``service`` entity)."""

    id: str
    name_fi: str
    aliases: tuple[str, ...]
    service_classes: tuple[ServiceClass, ...]
    description: str | None = None


@dataclass(frozen=True)
class Role:
    """A contact person's role (the values of the ``role`` entity)."""

    id: str
    title_fi: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    """A programme topic (the values of the ``topic`` entity)."""

    id: str
    name_fi: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Organization:
    """A PTV organisation: a municipality, a joint authority, a parish, a project team."""

    id: str
    name_fi: str
    aliases: tuple[str, ...]
    type: OrganizationType
    area: Area
    source: Source
    updated: date | None
    parent: str | None = None
    web_pages: tuple[WebPage, ...] = ()


@dataclass(frozen=True)
class ServiceOffer:
    """A service as offered by one unit: who provides it there and any condition."""

    service: str
    provider: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class ServiceLocation:
    """A unit a family can turn to: a PTV ServiceLocation channel with its services.

    Attributes:
        id: Unit id (``laukaa-hype``).
        name_fi: Official Finnish name.
        aliases: Other base-form names people use (``HyPe``).
        organization: Id of the organisation responsible.
        description: A short Finnish description from the source.
        area: Where the unit serves; empty when the source does not say.
        services: What the unit offers.
        parent: Id of the unit this one belongs to, if any.
        contacts: Ids of contact persons for the unit.
        phones: Phone numbers of the unit itself.
        emails: Email addresses of the unit itself.
        web_pages: Links about the unit.
        social_media: Social media accounts.
        service_hours: Opening hours.
        address: Street address, if the source gives one.
        dates: Dates of the unit (started, pilot period).
        status: Plain-Finnish note on the unit's state (a pilot that ended).
        source: Where the facts come from.
        updated: Date of that source, or None when it gives none.
    """

    id: str
    name_fi: str
    aliases: tuple[str, ...]
    organization: str
    description: str | None
    area: Area
    services: tuple[ServiceOffer, ...]
    source: Source
    updated: date | None
    parent: str | None = None
    contacts: tuple[str, ...] = ()
    phones: tuple[Phone, ...] = ()
    emails: tuple[Email, ...] = ()
    web_pages: tuple[WebPage, ...] = ()
    social_media: tuple[SocialMedia, ...] = ()
    service_hours: tuple[ServiceHour, ...] = ()
    address: str | None = None
    dates: tuple[FactDate, ...] = ()
    status: str | None = None

    def offers(self, service: str) -> bool:
        """Whether the unit offers the service with this id."""
        return any(offer.service == service for offer in self.services)

    @property
    def meeting_place(self) -> bool:
        """Whether the unit is a meeting place (it offers the ``kohtaamispaikka`` service)."""
        return self.offers(MEETING_PLACE_SERVICE)


#: A unit of the directory is a PTV service location.
Unit: TypeAlias = ServiceLocation


@dataclass(frozen=True)
class Person:
    """A named contact person.

    Attributes:
        id: ASCII slug of the full name (``hanna-hamalainen``).
        given_name: First name.
        family_name: Last name.
        role: Role id (``muutosagentti``).
        role_title: The role's Finnish title, from the role vocabulary.
        organization: Id of the organisation the person works for.
        responsibility: Area of responsibility as the source words it, if it does.
        area: Where the person is a contact; empty when the source does not say.
        phones: Phone numbers.
        emails: Email addresses (given or derived).
        aliases: Other names for the person, if any.
        source: Where the facts come from.
        updated: Date of that source, or None.
    """

    id: str
    given_name: str
    family_name: str
    role: str
    role_title: str
    organization: str
    responsibility: str | None
    area: Area
    source: Source
    updated: date | None
    phones: tuple[Phone, ...] = ()
    emails: tuple[Email, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def full_name(self) -> str:
        """Given and family name."""
        return f"{self.given_name} {self.family_name}"


#: A contact of the directory is a person.
Contact: TypeAlias = Person


@dataclass(frozen=True)
class ProgrammeFact:
    """One fact about a development programme or a concept (LAPE, perhekeskus, ...).

    Attributes:
        id: Fact id.
        topic: Topic id (``lape``, ``rahoitus``).
        related_topics: Other topics under which the fact is also shown.
        title: Finnish title.
        text: Finnish text from the source, short.
        area: Where the fact applies (``national`` for LAPE itself).
        points: Enumerated items (the four goals).
        dates: Dates and periods.
        amounts: Sums of money.
        links: Links to read more.
        contacts: Ids of persons to contact about it.
        units: Ids of units it is about (the pilots).
        source: Where the fact comes from.
        updated: Date of that source, or None.
    """

    id: str
    topic: str
    title: str
    text: str
    area: Area
    source: Source
    updated: date | None
    related_topics: tuple[str, ...] = ()
    points: tuple[str, ...] = ()
    dates: tuple[FactDate, ...] = ()
    amounts: tuple[Amount, ...] = ()
    links: tuple[WebPage, ...] = ()
    contacts: tuple[str, ...] = ()
    units: tuple[str, ...] = ()


#: The languages the bot answers in: Finnish, Swedish, English.
Language = Literal["fi", "sv", "en"]
LANGUAGES: tuple[Language, ...] = ("fi", "sv", "en")
#: What a helpline is for: a crisis, children and young people, violence, poisoning.
HelplineKind = Literal["crisis", "child", "violence", "poison"]
HELPLINE_KINDS: tuple[HelplineKind, ...] = ("crisis", "child", "violence", "poison")


@dataclass(frozen=True)
class Helpline:
    """A national helpline, given after 112 when a message describes a crisis.

    Attributes:
        id: Helpline id.
        kind: The situation it serves.
        language: The language it answers in, as its organisation confirms.
        names: Its name written in each language of the bot.
        phone: The number as published (``09 2525 0111``, ``116 111``).
        hours: Published opening hours written in each language; empty when not published.
        source: Where the number, language and hours come from.
        checked: The day the entry was checked against the source.
    """

    id: str
    kind: HelplineKind
    language: Language
    names: dict[Language, str]
    phone: str
    hours: dict[Language, str]
    source: Source
    checked: date | None


@dataclass(frozen=True)
class ValidationIssue:
    """One thing wrong in the directory files."""

    file: str
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: entry '{self.entry}', field '{self.field}': {self.message}"


class DirectoryError(Exception):
    """The directory files are invalid; ``issues`` lists everything wrong at once."""

    def __init__(self, issues: list[ValidationIssue]) -> None:
        super().__init__(issues)
        self.issues = issues

    def __str__(self) -> str:
        return "\n".join(str(issue) for issue in self.issues)
