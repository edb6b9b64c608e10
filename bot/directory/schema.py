"""The directory YAML files as pydantic models: one model per kind of entry.

The models check everything that one entry can tell about itself: required and unknown
fields (``extra = forbid`` catches typos such as ``emial``), text, ids, addresses, phone
numbers, dates and fixed values. What needs other entries or files (references, sources,
municipality codes) is checked when the entries are built (:mod:`bot.directory.build`).
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, Extra, Field, root_validator, validator
from pydantic.fields import ModelField

from bot.directory.fields import (
    PHONE_PREFIX_PATTERN,
    Day,
    EmailRule,
    HelplineNumber,
    Identifier,
    MunicipalityCode,
    ServiceClassCode,
    Text,
    Url,
    valid_email,
    valid_phone_number,
)
from bot.directory.model import HELPLINE_KINDS, LANGUAGES, ORGANIZATION_TYPES

DEFAULT_PHONE_PREFIX = "+358"
#: ``area`` must be written out; ``area: null`` says the source does not state it.
REQUIRED_NULLABLE: Any = Field(...)
StrictT = TypeVar("StrictT", bound="Strict")


class Strict(BaseModel):
    """A mapping of known fields only; an empty value counts as a missing one."""

    class Config:
        """Unknown fields are errors (typos such as ``emial``)."""

        extra = Extra.forbid

    @validator("*", pre=True)
    @classmethod
    def _as_written(cls, value: Any, field: ModelField) -> Any:
        """Empty is missing (an optional list or flag: its default); flags and numbers strict."""
        if value == "" or value is None:
            return None if field.required or field.allow_none else field.get_default()
        if field.outer_type_ is bool and not isinstance(value, bool):
            raise ValueError(f"expected true or false, got {value!r}")
        if field.outer_type_ is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise ValueError(f"expected a number: {value!r}")
        return value


class Names(Strict):
    """An entry of the vocabulary or the places, named in Finnish and optionally more."""

    id: Identifier
    name_fi: Text
    name_sv: Text | None = None
    name_en: Text | None = None
    aliases: list[Text] = []


class Sourced(Strict):
    """An entry that names its source, and the source's date unless ``updated`` differs."""

    source: Text
    updated: Day | None = None


class SourceEntry(Strict):
    """An entry of ``sources.yaml``."""

    id: Identifier
    title: Text
    url: Url | None = None
    updated: Day | None = None
    seed_file: Text | None = None
    publisher: Text | None = None


class ServiceClassEntry(Strict):
    """A PTV service class: ``{code: P3.7, name: Kasvatus- ja perheneuvonta}``."""

    code: ServiceClassCode
    name: Text


class ServiceEntry(Names):
    """An entry of ``services.yaml``."""

    service_classes: list[ServiceClassEntry] = []
    description: Text | None = None


class RoleEntry(Strict):
    """An entry of ``roles.yaml``."""

    id: Identifier
    title_fi: Text
    title_sv: Text | None = None
    title_en: Text | None = None
    aliases: list[Text] = []


class TopicEntry(Names):
    """An entry of ``topics.yaml``."""


class AreaEntry(Strict):
    """Municipality codes, regions, wellbeing services counties, or the whole country."""

    municipalities: list[MunicipalityCode] = []
    regions: list[Text] = []
    counties: list[Text] = []
    national: bool = False


class WebPageEntry(Strict):
    """A link: ``{url: https://..., title: ...}``."""

    url: Url
    title: Text


class PhoneEntry(Strict):
    """A phone number: ``"050 123 4567"`` or ``{prefix: "+358", number: ..., description: ...}``."""

    prefix: Text | None = None
    number: Text
    description: Text | None = None

    @classmethod
    def validate(cls: type[StrictT], value: Any) -> StrictT:
        """Read a number written alone as ``{number: ...}``."""
        if isinstance(value, str | int) and not isinstance(value, bool):
            value = {"number": str(value)}
        elif not isinstance(value, dict):
            raise ValueError("expected a phone number")
        return super().validate(value)

    @root_validator(skip_on_failure=True)
    @classmethod
    def _valid(cls, values: dict[str, Any]) -> dict[str, Any]:
        prefix, number = values["prefix"] or DEFAULT_PHONE_PREFIX, values["number"]
        if PHONE_PREFIX_PATTERN.fullmatch(prefix) is None:
            raise ValueError(f"malformed phone prefix '{prefix}' (e.g. +358)")
        if not valid_phone_number(number):
            raise ValueError(f"malformed phone number '{number}' (e.g. 050 123 4567)")
        return {**values, "prefix": prefix}


class EmailEntry(Strict):
    """An address: ``x@y.fi``, ``{address: ...}``, or a person's ``{rule: ...}``."""

    address: Text | None = None
    rule: EmailRule | None = None
    as_printed: Text | None = None
    note: Text | None = None

    @classmethod
    def validate(cls: type[StrictT], value: Any) -> StrictT:
        """Read an address written alone as ``{address: ...}``."""
        if isinstance(value, str):
            value = {"address": value}
        elif not isinstance(value, dict):
            raise ValueError("expected an email address")
        return super().validate(value)

    @root_validator(skip_on_failure=True)
    @classmethod
    def _valid(cls, values: dict[str, Any]) -> dict[str, Any]:
        address, rule = values["address"], values["rule"]
        if address is None and rule is None:
            raise ValueError("missing address (or a rule for a person's address)")
        if address is not None and rule is not None:
            raise ValueError("give either an address or a rule, not both")
        if address is not None and not valid_email(address):
            raise ValueError(f"malformed email '{address}'")
        return values


class OfferEntry(Strict):
    """A service of a unit: ``perheneuvola`` or ``{service: ..., provider: ..., note: ...}``."""

    service: Text
    provider: Text | None = None
    note: Text | None = None

    @classmethod
    def validate(cls: type[StrictT], value: Any) -> StrictT:
        """Read a service id written alone as ``{service: ...}``."""
        if isinstance(value, str):
            value = {"service": value}
        elif not isinstance(value, dict):
            raise ValueError("expected a service id")
        return super().validate(value)


class SocialMediaEntry(Strict):
    """``{service: Facebook, url: https://...}``."""

    service: Text
    url: Url


class ServiceHourEntry(Strict):
    """``{days: ma–pe, opens: "9.00", closes: "12.00", note: ...}``."""

    days: Text
    opens: Text | None = None
    closes: Text | None = None
    note: Text | None = None


class DateEntry(Strict):
    """``{label: hankekausi, text: "3.4.2017–31.12.2018", start: ..., end: ...}``."""

    label: Text
    text: Text
    start: Day | None = None
    end: Day | None = None


class AmountEntry(Strict):
    """``{label: ..., euros: 1000000, period: "2017–2018"}``."""

    label: Text
    euros: int
    period: Text | None = None


class OrganizationEntry(Names, Sourced):
    """An entry of ``organizations.yaml``."""

    type: Text
    parent: Text | None = None
    area: AreaEntry | None = REQUIRED_NULLABLE
    web_pages: list[WebPageEntry] = []

    @validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if value not in ORGANIZATION_TYPES:
            raise ValueError(f"unknown type '{value}' ({', '.join(sorted(ORGANIZATION_TYPES))})")
        return value


class UnitEntry(Names, Sourced):
    """An entry of ``units.yaml``: a service location."""

    organization: Text
    description: Text | None = None
    area: AreaEntry | None = REQUIRED_NULLABLE
    services: list[OfferEntry] = []
    parent: Text | None = None
    contacts: list[Text] = []
    phones: list[PhoneEntry] = []
    emails: list[EmailEntry] = []
    web_pages: list[WebPageEntry] = []
    social_media: list[SocialMediaEntry] = []
    service_hours: list[ServiceHourEntry] = []
    address: Text | None = None
    dates: list[DateEntry] = []
    status: Text | None = None


class PersonEntry(Sourced):
    """An entry of ``persons.yaml``: a contact person."""

    id: Identifier
    given_name: Text
    family_name: Text
    role: Text
    organization: Text
    responsibility: Text | None = None
    responsibility_sv: Text | None = None
    responsibility_en: Text | None = None
    area: AreaEntry | None = REQUIRED_NULLABLE
    phones: list[PhoneEntry] = []
    emails: list[EmailEntry] = []
    aliases: list[Text] = []


class FactEntry(Sourced):
    """An entry of ``programmes.yaml``: a programme fact."""

    id: Identifier
    topic: Text
    title: Text
    text: Text
    area: AreaEntry | None = REQUIRED_NULLABLE
    related_topics: list[Text] = []
    points: list[Text] = []
    dates: list[DateEntry] = []
    amounts: list[AmountEntry] = []
    links: list[WebPageEntry] = []
    contacts: list[Text] = []
    units: list[Text] = []


class LanguageTexts(Strict):
    """A text in every language of the bot: ``{fi: …, sv: …, en: …}``."""

    fi: Text
    sv: Text
    en: Text


class HelplineEntry(Strict):
    """An entry of ``helplines.yaml``."""

    id: Identifier
    kind: Text
    language: Text
    name: LanguageTexts
    phone: HelplineNumber
    hours: LanguageTexts | None = None
    source: Text
    checked: Day | None = None

    @validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in HELPLINE_KINDS:
            raise ValueError(f"unknown kind '{value}' ({', '.join(HELPLINE_KINDS)})")
        return value

    @validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language '{value}' ({', '.join(LANGUAGES)})")
        return value


#: What each kind of entry must tell when it is missing, by field.
MISSING: dict[str, str] = {
    "source": "missing source (the id of an entry in sources.yaml)",
    "area": "missing area (write 'area: null' if the source does not say)",
    "name": "missing name (write it as {fi: …, sv: …, en: …})",
}
