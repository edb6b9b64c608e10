"""Typed entries of the directory, shaped after Suomi.fi Palvelutietovaranto (PTV).

PTV describes an Organization, the Services it offers (classified by service classes such as
P3.7 Kasvatus- ja perheneuvonta) and ServiceChannels through which a service is reached; a
ServiceLocation is the channel type of a place one can visit. Areas are three-digit
municipality codes. This module adds what PTV does not have but parents ask about: contact
persons, programme facts, and the source of every entry with the date of that source.

All entries are frozen: the loader builds them once and queries only read them. Names are
Finnish; an editor may add a Swedish and an English name to the vocabulary and to units and
organisations, and ``name_in(language)`` falls back to the Finnish name where none is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal, TypeAlias, get_args

if TYPE_CHECKING:  # only annotations: the values are imported from bot.directory.values
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

#: The service that makes a unit a meeting place (kohtaamispaikka, open day-care centre).
MEETING_PLACE_SERVICE = "kohtaamispaikka"

#: PTV organisation types used here, plus ``Project`` for a fixed-term programme team.
OrganizationType = Literal[
    "Municipality", "RegionalOrganization", "Organization", "Parish", "Project"
]
ORGANIZATION_TYPES: tuple[OrganizationType, ...] = get_args(OrganizationType)

#: The languages the bot answers in: Finnish, Swedish, English.
Language = Literal["fi", "sv", "en"]
LANGUAGES: tuple[Language, ...] = ("fi", "sv", "en")


def name_in_language(
    finnish: str, swedish: str | None, english: str | None, language: Language
) -> tuple[str, bool]:
    """A name in ``language`` where one is given, else the Finnish name.

    Returns:
        The name, and whether it is in the asked language (False: the Finnish fallback).
    """
    given = {"fi": finnish, "sv": swedish, "en": english}[language]
    return (given, True) if given else (finnish, False)


@dataclass(frozen=True)
class Service:
    """One service of the controlled vocabulary (the values of the ``service`` entity)."""

    id: str
    name_fi: str
    aliases: tuple[str, ...]
    service_classes: tuple[ServiceClass, ...]
    description: str | None = None
    name_sv: str | None = None
    name_en: str | None = None

    def name_in(self, language: Language) -> tuple[str, bool]:
        """The name in ``language`` and whether it is in that language (else Finnish)."""
        return name_in_language(self.name_fi, self.name_sv, self.name_en, language)


@dataclass(frozen=True)
class Role:
    """A contact person's role (the values of the ``role`` entity)."""

    id: str
    title_fi: str
    aliases: tuple[str, ...]
    title_sv: str | None = None
    title_en: str | None = None

    def name_in(self, language: Language) -> tuple[str, bool]:
        """The title in ``language`` and whether it is in that language (else Finnish)."""
        return name_in_language(self.title_fi, self.title_sv, self.title_en, language)


@dataclass(frozen=True)
class Topic:
    """A programme topic (the values of the ``topic`` entity)."""

    id: str
    name_fi: str
    aliases: tuple[str, ...]
    name_sv: str | None = None
    name_en: str | None = None

    def name_in(self, language: Language) -> tuple[str, bool]:
        """The name in ``language`` and whether it is in that language (else Finnish)."""
        return name_in_language(self.name_fi, self.name_sv, self.name_en, language)


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
    name_sv: str | None = None
    name_en: str | None = None

    def name_in(self, language: Language) -> tuple[str, bool]:
        """The name in ``language`` and whether it is in that language (else Finnish)."""
        return name_in_language(self.name_fi, self.name_sv, self.name_en, language)


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
        name_sv: Official Swedish name, when the unit has one.
        name_en: English name, when the unit publishes one.
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
    name_sv: str | None = None
    name_en: str | None = None

    def name_in(self, language: Language) -> tuple[str, bool]:
        """The name in ``language`` and whether it is in that language (else Finnish)."""
        return name_in_language(self.name_fi, self.name_sv, self.name_en, language)

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
        responsibility_sv: The same in Swedish, where an editor has written it.
        responsibility_en: The same in English, where an editor has written it.
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
    responsibility_sv: str | None = None
    responsibility_en: str | None = None

    def responsibility_in(self, language: Language) -> tuple[str, bool] | None:
        """The area of responsibility in ``language`` where given, else in Finnish; or None."""
        if self.responsibility is None:
            return None
        return name_in_language(
            self.responsibility, self.responsibility_sv, self.responsibility_en, language
        )

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
