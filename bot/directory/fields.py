"""Field types of the directory schema: what a single YAML value must look like.

Each type is a pydantic validator that accepts a value as YAML parses it and raises a
``ValueError`` whose text tells the editor what is wrong and how to write it, so that the
schema's error lists every problem with its file, entry and field.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import phonenumbers
from phonenumbers import shortnumberinfo

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
EMAIL_PATTERN = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
EMAIL_RULE = re.compile(r"etunimi\.sukunimi@(?P<domain>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})")
PHONE_PREFIX_PATTERN = re.compile(r"\+[1-9]\d{0,2}")
PHONE_NUMBER_PATTERN = re.compile(r"0[0-9 -]*[0-9]")
SHORT_NUMBER_PATTERN = re.compile(r"1[0-9 ]*[0-9]")
SERVICE_CLASS_CODE = re.compile(r"P\d+(?:\.\d+)?")
FINLAND = "FI"

Validator = Callable[[Any], Any]


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


class Text(str):
    """Non-empty text; a number is accepted and kept as written (``opens: 9``)."""

    @classmethod
    def __get_validators__(cls) -> Iterator[Validator]:
        yield cls.check

    @classmethod
    def check(cls, value: Any) -> str:
        """The text without surrounding spaces.

        Raises:
            ValueError: For anything but non-empty text or a number.
        """
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ValueError(f"expected text, got {type(value).__name__}")
        text = str(value).strip()
        if not text:
            raise ValueError(f"expected text, got {value!r}")
        return text


class Identifier(Text):
    """An id: lower-case ASCII words joined by hyphens (``laukaa-hype``)."""

    @classmethod
    def check(cls, value: Any) -> str:
        """The id. Raises ValueError when it is not written as an id."""
        text = super().check(value)
        if ID_PATTERN.fullmatch(text) is None:
            raise ValueError(f"malformed id '{text}' (use a-z, 0-9 and hyphens)")
        return text


class Url(Text):
    """An absolute http(s) address."""

    @classmethod
    def check(cls, value: Any) -> str:
        """The address. Raises ValueError when it is not a full http(s) address."""
        text = super().check(value)
        if not valid_url(text):
            raise ValueError(f"malformed URL '{text}' (write the full address, https://...)")
        return text


class MunicipalityCode(str):
    """A municipality code written as text (``"016"``: unquoted, YAML would drop the zero)."""

    @classmethod
    def __get_validators__(cls) -> Iterator[Validator]:
        yield cls.check

    @classmethod
    def check(cls, value: Any) -> str:
        """The code as written. Raises ValueError for a number or anything but text."""
        if not isinstance(value, str):
            raise ValueError(f'write municipality codes in quotes, e.g. "016" (got {value})')
        return value.strip()


class ServiceClassCode(Text):
    """A PTV service class code (``P3.7``)."""

    @classmethod
    def check(cls, value: Any) -> str:
        """The code. Raises ValueError when it is not written like ``P3.7``."""
        text = super().check(value)
        if SERVICE_CLASS_CODE.fullmatch(text) is None:
            raise ValueError(f"malformed service class '{text}' (e.g. P3.7)")
        return text


class HelplineNumber(Text):
    """A Finnish number in national form or a service short number (``116 111``)."""

    @classmethod
    def check(cls, value: Any) -> str:
        """The number as published. Raises ValueError when it is not a valid number."""
        text = super().check(value)
        if not valid_helpline_number(text):
            raise ValueError(f"not a valid Finnish number '{text}' (e.g. 09 2525 0111)")
        return text


class EmailRule(Text):
    """A rule an address is derived from (``etunimi.sukunimi@jkl.fi``)."""

    @classmethod
    def check(cls, value: Any) -> str:
        """The rule. Raises ValueError for any other rule."""
        text = super().check(value)
        if EMAIL_RULE.fullmatch(text) is None:
            raise ValueError(f"unknown email rule '{text}' (use etunimi.sukunimi@domain)")
        return text


class Day(date):
    """A date written YYYY-MM-DD (YAML reads it as a date)."""

    @classmethod
    def __get_validators__(cls) -> Iterator[Validator]:
        yield cls.check

    @classmethod
    def check(cls, value: Any) -> date:
        """The date. Raises ValueError for a time, a number or a differently written date."""
        if isinstance(value, date) and not hasattr(value, "hour"):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise ValueError(f"malformed date '{value}' (write YYYY-MM-DD)")
