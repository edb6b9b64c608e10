"""Phone numbers, emails, dates and source lines in one consistent format.

Phone numbers are checked and split with ``phonenumbers`` and shown the national way: the trunk
``0`` and the destination code (area, operator or service prefix), a space, then the
subscriber number in two groups (the last group has four digits when the
subscriber number has seven or eight digits, three when it has five or six)::

    "014 2660992"       -> "014 266 0992"
    "044-729 7985"      -> "044 729 7985"
    "+358 40 549 9734"  -> "040 549 9734"
    "09 25250111"       -> "09 2525 0111"
    "029 123 4567"      -> "029 123 4567"

Channels that render Markdown links get ``[050 351 9249](tel:+358503519249)``; the others get
the plain text.
"""

from __future__ import annotations

import re
from datetime import date

import phonenumbers
from babel.dates import format_date as babel_format_date

from bot.answers.phrases import say
from bot.directory.model import Language

_LOCALES = {"sv": "sv_FI", "en": "en_GB"}

_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015()]")
_COUNTRY_CODE = re.compile(r"^(?:\+|00)358")
_EMAIL = re.compile(
    r"[A-Za-z0-9._%+\-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}"
)


def _national_number(raw: str) -> tuple[str, str]:
    """Split a Finnish phone number into its destination code and subscriber number.

    The number is checked and split by ``phonenumbers`` (Google's libphonenumber data), so
    every number range in use is known: area codes, mobile prefixes, and the national
    service numbers such as ``010``, ``020``, ``029``, ``075`` and ``0800``.

    Args:
        raw: The number as printed, e.g. ``"014 2660992"`` or ``"+358 40 549 9734"``.

    Returns:
        The destination code without the trunk 0 (``"14"``, ``"29"``, ``"800"``) and the
        subscriber digits (``"2660992"``).

    Raises:
        ValueError: If ``raw`` is not a Finnish phone number.
    """
    text = raw.strip().replace("(0)", "")
    compact = _SEPARATORS.sub("", text)
    if _COUNTRY_CODE.match(compact):
        digits = _COUNTRY_CODE.sub("", compact)
    elif compact.startswith("0"):
        digits = compact[1:]
    else:
        raise ValueError(
            f"Not a Finnish phone number: {raw!r} (expected a leading 0 or +358, "
            "e.g. '014 266 8201' or '+358 40 549 9734')"
        )
    if not digits.isdigit() or not digits.isascii():
        raise ValueError(
            f"Not a Finnish phone number: {raw!r} (only digits, spaces, hyphens and a "
            "leading +358 are allowed)"
        )
    number = phonenumbers.parse(f"+358{digits}")
    if not phonenumbers.is_valid_number(number):
        raise ValueError(
            f"Not a Finnish phone number: {raw!r} (no such number range in Finland; "
            "check the digits)"
        )
    national = phonenumbers.national_significant_number(number)
    split = phonenumbers.length_of_national_destination_code(number)
    return national[:split], national[split:]


def format_phone(raw: str) -> str:
    """Format a Finnish phone number for display.

    Args:
        raw: The number as printed, e.g. ``"050 3046670"``.

    Returns:
        The number in national format, e.g. ``"050 304 6670"``, ``"029 123 4567"``.

    Raises:
        ValueError: If ``raw`` is not a Finnish phone number.
    """
    prefix, subscriber = _national_number(raw)
    if len(subscriber) <= 4:
        return f"0{prefix} {subscriber}"
    split = len(subscriber) - (4 if len(subscriber) >= 7 else 3)
    return f"0{prefix} {subscriber[:split]} {subscriber[split:]}"


def tel_uri(raw: str) -> str:
    """Build a ``tel:`` link target in international (E.164) format.

    Args:
        raw: The number as printed, e.g. ``"014 266 8201"``.

    Returns:
        E.g. ``"tel:+358142668201"``.

    Raises:
        ValueError: If ``raw`` is not a Finnish phone number.
    """
    prefix, subscriber = _national_number(raw)
    number = phonenumbers.parse(f"+358{prefix}{subscriber}")
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_email(email: str) -> str:
    """Check an email address and return it without surrounding whitespace.

    Args:
        email: An address such as ``"elina.vesterinen2@phhyky.fi"``.

    Returns:
        The address, stripped.

    Raises:
        ValueError: If ``email`` is not a plain email address (obfuscated forms such as
            ``"name(at)jkl.fi"`` are rejected: the directory must store the real address).
    """
    address = email.strip()
    if not _EMAIL.fullmatch(address):
        raise ValueError(f"Not an email address: {email!r}")
    return address


def mailto(email: str) -> str:
    """Build a ``mailto:`` link target.

    Args:
        email: An email address.

    Returns:
        E.g. ``"mailto:x@y.fi"``.

    Raises:
        ValueError: If ``email`` is not an email address.
    """
    return f"mailto:{format_email(email)}"


def markdown_phone(raw: str) -> str:
    """Format a phone number as a Markdown ``tel:`` link.

    Args:
        raw: The number as printed.

    Returns:
        E.g. ``"[050 351 9249](tel:+358503519249)"``.

    Raises:
        ValueError: If ``raw`` is not a Finnish phone number.
    """
    return f"[{format_phone(raw)}]({tel_uri(raw)})"


def markdown_email(email: str) -> str:
    """Format an email address as a Markdown ``mailto:`` link.

    Args:
        email: An email address.

    Returns:
        E.g. ``"[x@y.fi](mailto:x@y.fi)"``.

    Raises:
        ValueError: If ``email`` is not an email address.
    """
    return f"[{format_email(email)}]({mailto(email)})"


def phone_text(raw: str, *, links: bool) -> str:
    """Format a phone number for a channel.

    Args:
        raw: The number as printed.
        links: Whether the channel renders Markdown links.

    Returns:
        :func:`markdown_phone` when ``links`` is true, else :func:`format_phone`.

    Raises:
        ValueError: If ``raw`` is not a Finnish phone number.
    """
    return markdown_phone(raw) if links else format_phone(raw)


def email_text(email: str, *, links: bool) -> str:
    """Format an email address for a channel.

    Args:
        email: An email address.
        links: Whether the channel renders Markdown links.

    Returns:
        :func:`markdown_email` when ``links`` is true, else :func:`format_email`.

    Raises:
        ValueError: If ``email`` is not an email address.
    """
    return markdown_email(email) if links else format_email(email)


def format_date(d: date, lang: Language = "fi") -> str:
    """Format a date for the parent's language (Babel's locale data for Swedish and English).

    Args:
        d: The date.
        lang: The language of the answer.

    Returns:
        E.g. ``"16.1.2019"``, ``"16 januari 2019"``, ``"16 January 2019"``.
    """
    if lang == "fi":
        return f"{d.day}.{d.month}.{d.year}"
    return babel_format_date(d, "long", locale=_LOCALES[lang])


def provenance_line(
    source_title: str, url: str | None, updated: date | None, lang: Language = "fi"
) -> str:
    """Write the short source line that ends every factual answer.

    Args:
        source_title: Name of the source, e.g. ``"Päijät-Hämeen LAPE-sivu"``.
        url: The page address, shown in brackets after the title, or ``None``.
        updated: The date the page gives, or ``None`` when it gives none (never guessed).
        lang: The language of the answer.

    Returns:
        E.g. ``"Lähde: Päijät-Hämeen LAPE-sivu, päivitetty 16.1.2019"``,
        ``"Källa: KSLAPE-sivu (www.example.fi), datum okänt"``.

    Raises:
        ValueError: If ``source_title`` is empty.
    """
    title = source_title.strip()
    if not title:
        raise ValueError("provenance_line needs a source title")
    address = (url or "").strip()
    source = f"{title} ({address})" if address else title
    when = (
        say("updated", lang, date=format_date(updated, lang)) if updated else say("no_date", lang)
    )
    return f"{say('source', lang)}: {source}, {when}"
