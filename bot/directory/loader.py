"""Read and validate the directory YAML files into a :class:`Directory`.

Everything wrong is collected and raised at once as a :class:`DirectoryError` whose issues
name the file, the entry and the field: duplicate ids, unknown municipality codes, regions
or counties, malformed phone numbers, emails, URLs and dates, missing sources, references
to unknown entries, and unknown fields (typos).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

from bot.directory.fields import (
    PHONE_PREFIX_PATTERN,
    Fields,
    valid_email,
    valid_helpline_number,
    valid_phone_number,
)
from bot.directory.model import (
    HELPLINE_KINDS,
    LANGUAGES,
    MEETING_PLACE_SERVICE,
    Amount,
    Area,
    DirectoryError,
    Email,
    FactDate,
    Helpline,
    Language,
    Organization,
    Person,
    Phone,
    ProgrammeFact,
    Role,
    Service,
    ServiceClass,
    ServiceHour,
    ServiceLocation,
    ServiceOffer,
    SocialMedia,
    Source,
    Topic,
    ValidationIssue,
    WebPage,
)
from bot.directory.municipalities import Municipality, load_municipalities, municipalities
from bot.directory.names import words
from bot.directory.queries import Directory
from bot.paths import DIRECTORY_DIR

#: The directory's YAML files, each with the key of its entry list, in loading order.
FILES: dict[str, str] = {
    "sources.yaml": "sources",
    "services.yaml": "services",
    "roles.yaml": "roles",
    "topics.yaml": "topics",
    "organizations.yaml": "organizations",
    "units.yaml": "units",
    "persons.yaml": "persons",
    "programmes.yaml": "facts",
    "helplines.yaml": "helplines",
}
MUNICIPALITIES_FILE = "municipalities.csv"
ORGANIZATION_TYPES = frozenset(
    {"Municipality", "RegionalOrganization", "Organization", "Parish", "Project"}
)
DEFAULT_PHONE_PREFIX = "+358"
EMAIL_RULE = re.compile(r"etunimi\.sukunimi@(?P<domain>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})")
SERVICE_CLASS_CODE = re.compile(r"P\d+(?:\.\d+)?")
MUNICIPALITY_CODE = re.compile(r"\d{3}")
UNKNOWN_SOURCE = Source(id="", title="", url=None, updated=None, seed_file=None)
FILE_ENTRY = "(file)"
EntryT = TypeVar("EntryT")


def directory_files(path: Path) -> list[Path]:
    """Every file the directory at ``path`` is read from (for change detection)."""
    return [path / name for name in (*FILES, MUNICIPALITIES_FILE)]


def load_directory(path: Path = DIRECTORY_DIR) -> Directory:
    """Read and validate the directory.

    Args:
        path: Folder with the YAML files; its ``municipalities.csv`` is used when present,
            otherwise the project's municipality list.

    Returns:
        The validated directory.

    Raises:
        DirectoryError: With every problem found, when anything is wrong.
    """
    return _Loader(path).load()


@dataclass(frozen=True)
class _Reference:
    """A reference from an entry to another entry, checked when everything is read."""

    fields: Fields
    field: str
    kind: str
    target: str


class _Loader:
    """One load of one directory folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.issues: list[ValidationIssue] = []
        self.references: list[_Reference] = []
        self.municipalities: dict[str, Municipality] = {}
        self.regions: set[str] = set()
        self.counties: set[str] = set()
        self.sources: dict[str, Source] = {}
        self.services: dict[str, Service] = {}
        self.roles: dict[str, Role] = {}
        self.topics: dict[str, Topic] = {}
        self.organizations: dict[str, Organization] = {}
        self.units: dict[str, ServiceLocation] = {}
        self.persons: dict[str, Person] = {}
        self.facts: dict[str, ProgrammeFact] = {}
        self.helplines: dict[str, Helpline] = {}

    def load(self) -> Directory:
        self.municipalities = self._read_municipalities()
        self.regions = {m.region_fi for m in self.municipalities.values()}
        self.counties = {m.county_fi for m in self.municipalities.values()}
        # In the order of FILES: later files refer to entries of earlier ones.
        self._read_file("sources.yaml", self.sources, self._source)
        self._read_file("services.yaml", self.services, self._service)
        if self.services and MEETING_PLACE_SERVICE not in self.services:
            message = f"the service '{MEETING_PLACE_SERVICE}' is needed to find meeting places"
            self._file_issue("services.yaml", "services", message)
        self._read_file("roles.yaml", self.roles, self._role)
        self._read_file("topics.yaml", self.topics, self._topic)
        self._read_file("organizations.yaml", self.organizations, self._organization)
        self._read_file("units.yaml", self.units, self._unit)
        self._read_file("persons.yaml", self.persons, self._person)
        self._read_file("programmes.yaml", self.facts, self._fact)
        self._read_file("helplines.yaml", self.helplines, self._helpline)
        self._check_references()
        if self.issues:
            raise DirectoryError(self.issues)
        return Directory(
            municipalities=self.municipalities,
            sources=tuple(self.sources.values()),
            services=tuple(self.services.values()),
            roles=tuple(self.roles.values()),
            topics=tuple(self.topics.values()),
            organizations=tuple(self.organizations.values()),
            units=tuple(self.units.values()),
            persons=tuple(self.persons.values()),
            facts=tuple(self.facts.values()),
            helplines=tuple(self.helplines.values()),
        )

    # --- files -------------------------------------------------------------------------

    def _file_issue(self, file: str, field: str, message: str) -> None:
        self.issues.append(ValidationIssue(file, FILE_ENTRY, field, message))

    def _read_municipalities(self) -> dict[str, Municipality]:
        csv_path = self.path / MUNICIPALITIES_FILE
        if not csv_path.exists():
            return municipalities()
        try:
            return load_municipalities(csv_path)
        except (OSError, KeyError, csv.Error, UnicodeDecodeError) as error:
            self._file_issue(MUNICIPALITIES_FILE, "-", f"cannot read the list: {error!r}")
            return municipalities()

    def _read_file(
        self, file: str, table: dict[str, EntryT], build: Callable[[Fields, str], EntryT]
    ) -> None:
        """Build every entry of a file into ``table``, reporting duplicate ids."""
        for fields in self._entries(file, FILES[file]):
            entry_id = fields.identifier()
            entry = build(fields, entry_id or "")
            fields.finish()
            if entry_id is None:
                continue
            if entry_id in table:
                fields.report("id", f"duplicate id '{entry_id}' (an earlier entry has it)")
            else:
                table[entry_id] = entry

    def _entries(self, file: str, key: str) -> list[Fields]:
        """The entries of one file, each ready to be read field by field."""
        try:
            with (self.path / file).open(encoding="utf-8") as handle:
                data = yaml.load(handle, Loader=_YAML_LOADER)
        except FileNotFoundError:
            self._file_issue(file, "-", "file not found")
            return []
        except (OSError, UnicodeDecodeError) as error:
            self._file_issue(file, "-", f"cannot read the file: {error}")
            return []
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark
            where = f"line {mark.line + 1}" if mark is not None else "-"
            context = error.context_mark
            started = f" ({error.context} from line {context.line + 1})" if context else ""
            self._file_issue(file, where, f"YAML syntax error: {error.problem}{started}")
            return []
        except yaml.YAMLError as error:
            self._file_issue(file, "-", f"YAML syntax error: {error}")
            return []
        except ValueError as error:  # a value YAML recognises but cannot build: 2019-13-45
            self._file_issue(file, "-", f"impossible value: {error} (dates are YYYY-MM-DD)")
            return []
        if not isinstance(data, Mapping) or not isinstance(data.get(key), list):
            self._file_issue(file, key, f"expected a top-level '{key}:' with a list of entries")
            return []
        for other in data:
            if other != key:
                self._file_issue(file, str(other), f"unknown top-level key '{other}'")
        result: list[Fields] = []
        for index, item in enumerate(data[key]):
            label = f"#{index + 1}"
            if isinstance(item, Mapping) and isinstance(item.get("id"), str) and item["id"]:
                label = item["id"]
            if isinstance(item, Mapping):
                result.append(Fields(self.issues, file, label, item))
            else:
                self.issues.append(ValidationIssue(file, label, "-", "expected a mapping"))
        return result

    # --- shared field kinds ------------------------------------------------------------

    def _refer(self, fields: Fields, field: str, kind: str, target: str | None) -> None:
        if target is not None:
            self.references.append(_Reference(fields, field, kind, target))

    def _refer_all(self, fields: Fields, name: str, kind: str) -> tuple[str, ...]:
        targets = fields.texts(name)
        for index, target in enumerate(targets):
            self._refer(fields, f"{name}[{index}]", kind, target)
        return targets

    def _check_references(self) -> None:
        tables: dict[str, Mapping[str, object]] = {
            "organization": self.organizations,
            "unit": self.units,
            "person": self.persons,
            "service": self.services,
            "role": self.roles,
            "topic": self.topics,
        }
        for ref in self.references:
            if ref.target not in tables[ref.kind]:
                ref.fields.report(ref.field, f"unknown {ref.kind} '{ref.target}'")

    def _source_and_date(self, fields: Fields) -> tuple[Source, Any]:
        """The entry's source, and its date: ``updated`` if given, else the source's date."""
        source_id = fields.raw("source")
        source = UNKNOWN_SOURCE
        if source_id is None or source_id == "":
            fields.report("source", "missing source (the id of an entry in sources.yaml)")
        elif not isinstance(source_id, str) or source_id not in self.sources:
            fields.report("source", f"unknown source '{source_id}'")
        else:
            source = self.sources[source_id]
        updated = fields.day("updated") if fields.has("updated") else source.updated
        return source, updated

    def _area(self, fields: Fields) -> Area:
        """An area; ``area: null`` means the source does not state it."""
        if not fields.has("area"):
            fields.report("area", "missing area (write 'area: null' if the source does not say)")
            return Area()
        area = fields.mapping("area")
        if area is None:
            return Area()
        codes: list[str] = []
        for path, code in area.items("municipalities"):
            if not isinstance(code, str):
                message = f'write municipality codes in quotes, e.g. "016" (got {code})'
                area.report_at(path, message)
            elif MUNICIPALITY_CODE.fullmatch(code) is None or code not in self.municipalities:
                area.report_at(path, f"unknown municipality code '{code}'")
            else:
                codes.append(code)
        regions = area.texts("regions")
        for index, region in enumerate(regions):
            if region not in self.regions:
                area.report(f"regions[{index}]", f"unknown region '{region}'")
        counties = area.texts("counties")
        for index, county in enumerate(counties):
            if county not in self.counties:
                area.report(f"counties[{index}]", f"unknown wellbeing services county '{county}'")
        national = area.boolean("national")
        area.finish()
        return Area(tuple(codes), regions, counties, national)

    def _phones(self, fields: Fields) -> tuple[Phone, ...]:
        phones: list[Phone] = []
        for path, item in fields.items("phones"):
            description: str | None = None
            if isinstance(item, str | int):
                prefix, number = DEFAULT_PHONE_PREFIX, str(item)
            elif isinstance(item, Mapping):
                phone = fields.nested(path, item)
                prefix = phone.text("prefix", required=False) or DEFAULT_PHONE_PREFIX
                number = phone.text("number") or ""
                description = phone.text("description", required=False)
                phone.finish()
            else:
                fields.report_at(path, "expected a phone number")
                continue
            if PHONE_PREFIX_PATTERN.fullmatch(prefix) is None:
                fields.report_at(path, f"malformed phone prefix '{prefix}' (e.g. +358)")
            if number and not valid_phone_number(number):
                fields.report_at(path, f"malformed phone number '{number}' (e.g. 050 123 4567)")
            phones.append(Phone(prefix, number, description))
        return tuple(phones)

    def _emails(self, fields: Fields, name: tuple[str, str] | None) -> tuple[Email, ...]:
        """Emails; ``name`` (given, family) lets an address be derived from a rule."""
        emails: list[Email] = []
        for path, item in fields.items("emails"):
            if isinstance(item, str):
                email = Email(item.strip())
            elif isinstance(item, Mapping):
                email = self._email(fields.nested(path, item), name)
            else:
                fields.report_at(path, "expected an email address")
                continue
            if email.address and not valid_email(email.address):
                fields.report_at(path, f"malformed email '{email.address}'")
            emails.append(email)
        return tuple(emails)

    def _email(self, fields: Fields, name: tuple[str, str] | None) -> Email:
        rule = fields.text("rule", required=False)
        address = fields.text("address", required=rule is None) or ""
        as_printed = fields.text("as_printed", required=False)
        note = fields.text("note", required=False)
        fields.finish()
        if rule is None:
            return Email(address, as_printed=as_printed, note=note)
        match = EMAIL_RULE.fullmatch(rule)
        if address:
            fields.report("rule", "give either an address or a rule, not both")
        elif name is None:
            fields.report("rule", "only a person's address can be derived from a rule")
        elif match is None:
            fields.report("rule", f"unknown email rule '{rule}' (use etunimi.sukunimi@domain)")
        else:
            given, family = ("-".join(words(part)) for part in name)
            address = f"{given}.{family}@{match['domain']}"
        return Email(address, derived=True, rule=rule, as_printed=as_printed, note=note)

    def _web_pages(self, fields: Fields, name: str) -> tuple[WebPage, ...]:
        pages: list[WebPage] = []
        for page in fields.mappings(name):
            pages.append(WebPage(page.url("url") or "", page.text("title") or ""))
            page.finish()
        return tuple(pages)

    def _dates(self, fields: Fields) -> tuple[FactDate, ...]:
        dates: list[FactDate] = []
        for item in fields.mappings("dates"):
            dates.append(
                FactDate(
                    label=item.text("label") or "",
                    text=item.text("text") or "",
                    start=item.day("start"),
                    end=item.day("end"),
                )
            )
            item.finish()
        return tuple(dates)

    def _names(self, fields: Fields) -> tuple[str, tuple[str, ...]]:
        return fields.text("name_fi") or "", fields.texts("aliases")

    # --- entries -----------------------------------------------------------------------

    def _source(self, fields: Fields, entry_id: str) -> Source:
        url = fields.url("url") if fields.raw("url") is not None else None
        return Source(
            id=entry_id,
            title=fields.text("title") or "",
            url=url,
            updated=fields.day("updated"),
            seed_file=fields.text("seed_file", required=False),
            publisher=fields.text("publisher", required=False),
        )

    def _service(self, fields: Fields, entry_id: str) -> Service:
        classes: list[ServiceClass] = []
        for item in fields.mappings("service_classes"):
            code = item.text("code") or ""
            if code and SERVICE_CLASS_CODE.fullmatch(code) is None:
                item.report("code", f"malformed service class '{code}' (e.g. P3.7)")
            classes.append(ServiceClass(code, item.text("name") or ""))
            item.finish()
        name, aliases = self._names(fields)
        description = fields.text("description", required=False)
        return Service(entry_id, name, aliases, tuple(classes), description)

    def _role(self, fields: Fields, entry_id: str) -> Role:
        return Role(entry_id, fields.text("title_fi") or "", fields.texts("aliases"))

    def _topic(self, fields: Fields, entry_id: str) -> Topic:
        name, aliases = self._names(fields)
        return Topic(entry_id, name, aliases)

    def _organization(self, fields: Fields, entry_id: str) -> Organization:
        kind = fields.text("type") or ""
        if kind and kind not in ORGANIZATION_TYPES:
            known = ", ".join(sorted(ORGANIZATION_TYPES))
            fields.report("type", f"unknown type '{kind}' ({known})")
        parent = fields.text("parent", required=False)
        self._refer(fields, "parent", "organization", parent)
        name, aliases = self._names(fields)
        source, updated = self._source_and_date(fields)
        return Organization(
            id=entry_id,
            name_fi=name,
            aliases=aliases,
            type=kind,  # type: ignore[arg-type]
            area=self._area(fields),
            source=source,
            updated=updated,
            parent=parent,
            web_pages=self._web_pages(fields, "web_pages"),
        )

    def _offers(self, fields: Fields) -> tuple[ServiceOffer, ...]:
        offers: list[ServiceOffer] = []
        for path, item in fields.items("services"):
            if isinstance(item, str):
                offer = ServiceOffer(item)
            elif isinstance(item, Mapping):
                nested = fields.nested(path, item)
                offer = ServiceOffer(
                    nested.text("service") or "",
                    nested.text("provider", required=False),
                    nested.text("note", required=False),
                )
                nested.finish()
            else:
                fields.report_at(path, "expected a service id")
                continue
            if offer.service:
                self.references.append(_Reference(fields, path, "service", offer.service))
            offers.append(offer)
        return tuple(offers)

    def _unit(self, fields: Fields, entry_id: str) -> ServiceLocation:
        organization = fields.text("organization")
        self._refer(fields, "organization", "organization", organization)
        parent = fields.text("parent", required=False)
        self._refer(fields, "parent", "unit", parent)
        name, aliases = self._names(fields)
        source, updated = self._source_and_date(fields)
        social: list[SocialMedia] = []
        for item in fields.mappings("social_media"):
            social.append(SocialMedia(item.text("service") or "", item.url("url") or ""))
            item.finish()
        hours: list[ServiceHour] = []
        for item in fields.mappings("service_hours"):
            hours.append(
                ServiceHour(
                    days=item.text("days") or "",
                    opens=item.text("opens", required=False),
                    closes=item.text("closes", required=False),
                    note=item.text("note", required=False),
                )
            )
            item.finish()
        return ServiceLocation(
            id=entry_id,
            name_fi=name,
            aliases=aliases,
            organization=organization or "",
            description=fields.text("description", required=False),
            area=self._area(fields),
            services=self._offers(fields),
            source=source,
            updated=updated,
            parent=parent,
            contacts=self._refer_all(fields, "contacts", "person"),
            phones=self._phones(fields),
            emails=self._emails(fields, None),
            web_pages=self._web_pages(fields, "web_pages"),
            social_media=tuple(social),
            service_hours=tuple(hours),
            address=fields.text("address", required=False),
            dates=self._dates(fields),
            status=fields.text("status", required=False),
        )

    def _person(self, fields: Fields, entry_id: str) -> Person:
        given = fields.text("given_name") or ""
        family = fields.text("family_name") or ""
        role = fields.text("role") or ""
        self._refer(fields, "role", "role", role or None)
        organization = fields.text("organization") or ""
        self._refer(fields, "organization", "organization", organization or None)
        source, updated = self._source_and_date(fields)
        known_role = self.roles.get(role)
        return Person(
            id=entry_id,
            given_name=given,
            family_name=family,
            role=role,
            role_title=known_role.title_fi if known_role else "",
            organization=organization,
            responsibility=fields.text("responsibility", required=False),
            area=self._area(fields),
            source=source,
            updated=updated,
            phones=self._phones(fields),
            emails=self._emails(fields, (given, family)),
            aliases=fields.texts("aliases"),
        )

    def _fact(self, fields: Fields, entry_id: str) -> ProgrammeFact:
        topic = fields.text("topic")
        self._refer(fields, "topic", "topic", topic)
        source, updated = self._source_and_date(fields)
        amounts: list[Amount] = []
        for item in fields.mappings("amounts"):
            amounts.append(
                Amount(
                    label=item.text("label") or "",
                    euros=item.integer("euros") or 0,
                    period=item.text("period", required=False),
                )
            )
            item.finish()
        return ProgrammeFact(
            id=entry_id,
            topic=topic or "",
            title=fields.text("title") or "",
            text=fields.text("text") or "",
            area=self._area(fields),
            source=source,
            updated=updated,
            related_topics=self._refer_all(fields, "related_topics", "topic"),
            points=fields.texts("points"),
            dates=self._dates(fields),
            amounts=tuple(amounts),
            links=self._web_pages(fields, "links"),
            contacts=self._refer_all(fields, "contacts", "person"),
            units=self._refer_all(fields, "units", "unit"),
        )

    def _helpline(self, fields: Fields, entry_id: str) -> Helpline:
        kind = fields.text("kind") or ""
        if kind and kind not in HELPLINE_KINDS:
            fields.report("kind", f"unknown kind '{kind}' ({', '.join(HELPLINE_KINDS)})")
        language = fields.text("language") or ""
        if language and language not in LANGUAGES:
            fields.report("language", f"unknown language '{language}' ({', '.join(LANGUAGES)})")
        phone = fields.text("phone") or ""
        if phone and not valid_helpline_number(phone):
            fields.report("phone", f"not a valid Finnish number '{phone}' (e.g. 09 2525 0111)")
        names = self._by_language(fields, "name", required=True)
        hours = self._by_language(fields, "hours", required=False)
        source, _ = self._source_and_date(fields)
        return Helpline(
            id=entry_id,
            kind=kind,  # type: ignore[arg-type]  # checked above
            language=language,  # type: ignore[arg-type]  # checked above
            names=names,
            phone=phone,
            hours=hours,
            source=source,
            checked=fields.day("checked"),
        )

    def _by_language(self, fields: Fields, name: str, *, required: bool) -> dict[Language, str]:
        """A text written in every language of the bot: ``{fi: …, sv: …, en: …}``."""
        if not required and not fields.has(name):
            return {}
        texts = fields.mapping(name)
        if texts is None:
            if required:
                fields.report(name, f"missing {name} (write it as {{fi: …, sv: …, en: …}})")
            return {}
        result: dict[Language, str] = {}
        for language in LANGUAGES:
            result[language] = texts.text(language) or ""
        texts.finish()
        return result


_YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
