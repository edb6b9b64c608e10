"""Read and validate the directory YAML files into a :class:`Directory`.

Everything wrong is collected and raised at once as a :class:`DirectoryError` whose issues
name the file, the entry and the field. Each entry is checked against its schema
(:mod:`bot.directory.schema`), built against the sources and municipalities
(:mod:`bot.directory.build`), and finally every reference to another entry is checked.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from bot.directory.build import Builder, Report
from bot.directory.fields import ID_PATTERN
from bot.directory.model import (
    MEETING_PLACE_SERVICE,
    DirectoryError,
    Helpline,
    Organization,
    Person,
    ProgrammeFact,
    Role,
    Service,
    ServiceLocation,
    Topic,
    ValidationIssue,
)
from bot.directory.municipalities import Municipality, load_municipalities
from bot.directory.queries import Directory
from bot.directory.schema import (
    MISSING,
    FactEntry,
    HelplineEntry,
    OrganizationEntry,
    PersonEntry,
    RoleEntry,
    ServiceEntry,
    SourceEntry,
    TopicEntry,
    UnitEntry,
)
from bot.directory.values import Source
from bot.paths import DIRECTORY_DIR, MUNICIPALITIES_CSV

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
#: The schema of each file's entries and the kind other entries refer to them by.
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "sources.yaml": (SourceEntry, "source"),
    "services.yaml": (ServiceEntry, "service"),
    "roles.yaml": (RoleEntry, "role"),
    "topics.yaml": (TopicEntry, "topic"),
    "organizations.yaml": (OrganizationEntry, "organization"),
    "units.yaml": (UnitEntry, "unit"),
    "persons.yaml": (PersonEntry, "person"),
    "programmes.yaml": (FactEntry, "fact"),
    "helplines.yaml": (HelplineEntry, "helpline"),
}
#: Fields that refer to other entries, by file: (field, kind); ``[]`` marks a list.
REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "organizations.yaml": (("parent", "organization"),),
    "units.yaml": (
        ("organization", "organization"),
        ("parent", "unit"),
        ("services[]", "service"),
        ("contacts[]", "person"),
    ),
    "persons.yaml": (("role", "role"), ("organization", "organization")),
    "programmes.yaml": (
        ("topic", "topic"),
        ("related_topics[]", "topic"),
        ("contacts[]", "person"),
        ("units[]", "unit"),
    ),
}
MUNICIPALITIES_FILE = "municipalities.csv"
FILE_ENTRY = "(file)"
_YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
class _Entry:
    """One entry as YAML parsed it, with the name messages give it (its id, or ``#3``)."""

    file: str
    label: str
    data: Mapping[str, Any]


class _Loader:
    """One load of one directory folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.issues: list[ValidationIssue] = []
        self.ids: dict[str, set[str]] = {kind: set() for _, kind in SCHEMAS.values()}
        self.raw: list[_Entry] = []
        self.tables: dict[str, dict[str, Any]] = {file: {} for file in FILES}

    def load(self) -> Directory:
        found = self._read_municipalities()
        sources: dict[str, Source] = self.tables["sources.yaml"]
        roles: dict[str, Role] = self.tables["roles.yaml"]
        builder = Builder(found, sources, roles, self.ids["source"])
        builds: dict[str, Callable[[Any, Report], object]] = {
            "sources.yaml": builder.source,
            "services.yaml": builder.service,
            "roles.yaml": builder.role,
            "topics.yaml": builder.topic,
            "organizations.yaml": builder.organization,
            "units.yaml": builder.unit,
            "persons.yaml": builder.person,
            "programmes.yaml": builder.fact,
            "helplines.yaml": builder.helpline,
        }
        # In the order of FILES: later files refer to entries of earlier ones.
        for file, build in builds.items():
            self._read_file(file, build)
        services = self.tables["services.yaml"]
        if services and MEETING_PLACE_SERVICE not in services:
            message = f"the service '{MEETING_PLACE_SERVICE}' is needed to find meeting places"
            self._file_issue("services.yaml", "services", message)
        self._check_references()
        if self.issues:
            raise DirectoryError(self.issues)
        return self._directory(found)

    def _directory(self, found: dict[str, Municipality]) -> Directory:
        def entries(file: str) -> tuple[Any, ...]:
            return tuple(self.tables[file].values())

        units: tuple[ServiceLocation, ...] = entries("units.yaml")
        persons: tuple[Person, ...] = entries("persons.yaml")
        facts: tuple[ProgrammeFact, ...] = entries("programmes.yaml")
        helplines: tuple[Helpline, ...] = entries("helplines.yaml")
        organizations: tuple[Organization, ...] = entries("organizations.yaml")
        services: tuple[Service, ...] = entries("services.yaml")
        topics: tuple[Topic, ...] = entries("topics.yaml")
        return Directory(
            municipalities=found,
            sources=entries("sources.yaml"),
            services=services,
            roles=entries("roles.yaml"),
            topics=topics,
            organizations=organizations,
            units=units,
            persons=persons,
            facts=facts,
            helplines=helplines,
        )

    # --- files -------------------------------------------------------------------------

    def _file_issue(self, file: str, field: str, message: str) -> None:
        self.issues.append(ValidationIssue(file, FILE_ENTRY, field, message))

    def _read_municipalities(self) -> dict[str, Municipality]:
        csv_path = self.path / MUNICIPALITIES_FILE
        if not csv_path.exists():
            return load_municipalities(MUNICIPALITIES_CSV)
        try:
            return load_municipalities(csv_path)
        except (OSError, KeyError, csv.Error, UnicodeDecodeError) as error:
            self._file_issue(MUNICIPALITIES_FILE, "-", f"cannot read the list: {error!r}")
            return load_municipalities(MUNICIPALITIES_CSV)

    def _read_file(self, file: str, build: Callable[[Any, Report], object]) -> None:
        """Check and build every entry of a file, reporting duplicate ids."""
        schema, kind = SCHEMAS[file]
        table = self.tables[file]
        for entry in self._entries(file):
            self.raw.append(entry)

            def report(field: str, message: str, entry: _Entry = entry) -> None:
                self.issues.append(ValidationIssue(file, entry.label, field, message))

            try:
                parsed = schema.parse_obj(entry.data)
            except ValidationError as error:
                for item in error.errors():
                    report(*_issue(item))
                parsed = None
            entry_id = entry.data.get("id")
            if not isinstance(entry_id, str) or ID_PATTERN.fullmatch(entry_id) is None:
                continue
            if entry_id in self.ids[kind]:
                report("id", f"duplicate id '{entry_id}' (an earlier entry has it)")
                continue
            self.ids[kind].add(entry_id)
            if parsed is not None:
                table[entry_id] = build(parsed, report)

    def _entries(self, file: str) -> list[_Entry]:
        """The entries of one file as parsed, or none when the file cannot be read."""
        key = FILES[file]
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
        result: list[_Entry] = []
        for index, item in enumerate(data[key]):
            label = f"#{index + 1}"
            if isinstance(item, Mapping) and isinstance(item.get("id"), str) and item["id"]:
                label = item["id"]
            if isinstance(item, Mapping):
                result.append(_Entry(file, label, item))
            else:
                self.issues.append(ValidationIssue(file, label, "-", "expected a mapping"))
        return result

    # --- references --------------------------------------------------------------------

    def _check_references(self) -> None:
        """Every id an entry names must be an entry of its kind, even in a broken entry."""
        for entry in self.raw:
            for field, kind in REFERENCES.get(entry.file, ()):
                for path, target in _targets(entry.data, field):
                    if target not in self.ids[kind]:
                        message = f"unknown {kind} '{target}'"
                        self.issues.append(ValidationIssue(entry.file, entry.label, path, message))


def _targets(data: Mapping[str, Any], field: str) -> list[tuple[str, str]]:
    """The ids a reference field names, with their paths (``contacts[0]``)."""
    name = field.removesuffix("[]")
    value = data.get(name)
    if name == field:
        items = [(name, value)]
    elif isinstance(value, list):
        items = [(f"{name}[{index}]", item) for index, item in enumerate(value)]
    else:
        items = []
    result: list[tuple[str, str]] = []
    for path, item in items:
        target = item.get("service") if isinstance(item, Mapping) else item
        if isinstance(target, str) and target.strip():
            result.append((path, target.strip()))
    return result


def _issue(error: Mapping[str, Any]) -> tuple[str, str]:
    """A schema error as the field path and the message an editor reads."""
    location = [part for part in error["loc"] if part != "__root__"]
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else f".{part}" if path else str(part)
    kind = error["type"]
    if kind in ("value_error.missing", "type_error.none.not_allowed"):
        return path, MISSING.get(path, "missing value")
    if kind == "value_error.extra":
        return path, f"unknown field '{location[-1]}'"
    if kind == "type_error.list":
        return path, "expected a list"
    if kind == "type_error.dict":
        return path, "expected a mapping (key: value lines)"
    return path, str(error["msg"])
