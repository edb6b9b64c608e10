"""Typed reading of one YAML entry that records problems instead of raising.

Each accessor returns a usable value (or None) and adds a :class:`ValidationIssue` naming
the file, the entry and the field when the value is missing or malformed, so that one pass
reports everything an editor has to fix.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import phonenumbers
from phonenumbers import shortnumberinfo

from bot.directory.model import ValidationIssue

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
EMAIL_PATTERN = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE_PREFIX_PATTERN = re.compile(r"\+[1-9]\d{0,2}")
PHONE_NUMBER_PATTERN = re.compile(r"0[0-9 -]*[0-9]")
SHORT_NUMBER_PATTERN = re.compile(r"1[0-9 ]*[0-9]")
FINLAND = "FI"


def valid_email(text: str) -> bool:
    """Whether ``text`` looks like a deliverable email address."""
    return EMAIL_PATTERN.fullmatch(text) is not None and ".." not in text


def valid_url(text: str) -> bool:
    """Whether ``text`` is an absolute http(s) address with a host name."""
    if any(ch.isspace() for ch in text):
        return False
    parts = urlsplit(text)
    return parts.scheme in {"http", "https"} and "." in parts.netloc


def valid_phone_number(text: str) -> bool:
    """Whether ``text`` is a valid Finnish number in national form (``050 351 9249``)."""
    if PHONE_NUMBER_PATTERN.fullmatch(text) is None:
        return False
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(text, FINLAND))
    except phonenumbers.NumberParseException:
        return False


def valid_helpline_number(text: str) -> bool:
    """Whether ``text`` is a valid national number or a Finnish service short number (116 111)."""
    if valid_phone_number(text):
        return True
    if SHORT_NUMBER_PATTERN.fullmatch(text) is None:
        return False
    number = phonenumbers.parse(text, FINLAND)
    return shortnumberinfo.is_valid_short_number_for_region(number, FINLAND)


class Fields:
    """The fields of one YAML mapping.

    Args:
        issues: Where problems are recorded.
        file: File name for messages.
        entry: Entry name for messages (its id, or ``#3``).
        data: The mapping as parsed.
        prefix: Field path of this mapping inside the entry (``phones[0]``).
    """

    def __init__(
        self,
        issues: list[ValidationIssue],
        file: str,
        entry: str,
        data: Mapping[str, Any],
        prefix: str = "",
    ) -> None:
        self.issues = issues
        self.file = file
        self.entry = entry
        self.data = data
        self.prefix = prefix
        self._read: set[str] = set()

    def path(self, name: str) -> str:
        """Field path of ``name`` for messages."""
        return f"{self.prefix}.{name}" if self.prefix else name

    def report(self, field: str, message: str) -> None:
        """Record a problem with a field of this mapping (``field`` relative to it)."""
        self.report_at(self.path(field), message)

    def report_at(self, path: str, message: str) -> None:
        """Record a problem at a full field path of the entry (``emails[0]``)."""
        self.issues.append(ValidationIssue(self.file, self.entry, path, message))

    def raw(self, name: str) -> Any:
        """The value as parsed, or None."""
        self._read.add(name)
        return self.data.get(name)

    def has(self, name: str) -> bool:
        """Whether the key is present (even with a null value)."""
        self._read.add(name)
        return name in self.data

    def text(self, name: str, *, required: bool = True) -> str | None:
        """A non-empty string (numbers are accepted and kept as written)."""
        value = self.raw(name)
        if value is None or value == "":
            if required:
                self.report(name, "missing value")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.report(name, f"expected text, got {type(value).__name__}")
            return None
        return str(value).strip()

    def identifier(self, name: str = "id") -> str | None:
        """An id: lower-case ASCII words joined by hyphens."""
        value = self.text(name)
        if value is not None and ID_PATTERN.fullmatch(value) is None:
            self.report(name, f"malformed id '{value}' (use a-z, 0-9 and hyphens)")
            return None
        return value

    def texts(self, name: str) -> tuple[str, ...]:
        """A list of non-empty strings (missing means empty)."""
        value = self.raw(name)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.report(name, "expected a list")
            return ()
        result: list[str] = []
        for index, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                result.append(item.strip())
            else:
                self.report(f"{name}[{index}]", f"expected text, got {item!r}")
        return tuple(result)

    def boolean(self, name: str, default: bool = False) -> bool:
        """A boolean, written true or false."""
        value = self.raw(name)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.report(name, f"expected true or false, got {value!r}")
            return default
        return value

    def integer(self, name: str) -> int | None:
        """A whole number, required."""
        value = self.raw(name)
        if isinstance(value, bool) or not isinstance(value, int):
            self.report(name, "missing value" if value is None else f"expected a number: {value!r}")
            return None
        return value

    def day(self, name: str) -> date | None:
        """An optional date written YYYY-MM-DD."""
        value = self.raw(name)
        if value is None or (isinstance(value, date) and not hasattr(value, "hour")):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.report(name, f"malformed date '{value}' (write YYYY-MM-DD)")
        return None

    def url(self, name: str) -> str | None:
        """A required http(s) address."""
        value = self.text(name)
        if value is not None and not valid_url(value):
            self.report(name, f"malformed URL '{value}' (write the full address, https://...)")
            return None
        return value

    def mapping(self, name: str) -> Fields | None:
        """A nested mapping; None when missing or null."""
        value = self.raw(name)
        if value is None:
            return None
        if not isinstance(value, Mapping):
            self.report(name, "expected a mapping (key: value lines)")
            return None
        return Fields(self.issues, self.file, self.entry, value, self.path(name))

    def items(self, name: str) -> list[tuple[str, Any]]:
        """The items of a list with their field paths (``phones[0]``); missing means empty."""
        value = self.raw(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.report(name, "expected a list")
            return []
        return [(self.path(f"{name}[{index}]"), item) for index, item in enumerate(value)]

    def mappings(self, name: str) -> list[Fields]:
        """A list of nested mappings; items that are not mappings are reported."""
        result: list[Fields] = []
        for path, item in self.items(name):
            if isinstance(item, Mapping):
                result.append(Fields(self.issues, self.file, self.entry, item, path))
            else:
                self.report_at(path, "expected a mapping")
        return result

    def nested(self, path: str, value: Mapping[str, Any]) -> Fields:
        """Fields of a mapping found at ``path`` (a path from :meth:`items`)."""
        return Fields(self.issues, self.file, self.entry, value, path)

    def finish(self) -> None:
        """Report keys that no accessor read (typos such as ``emial``)."""
        for key in self.data:
            if key not in self._read:
                self.report(str(key), f"unknown field '{key}'")
