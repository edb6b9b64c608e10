"""Field-level helpers for the PTV import: localized texts, dates, phones, hours."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, timezone
from typing import Any

import phonenumbers

DAYS = {
    "Monday": "ma",
    "Tuesday": "ti",
    "Wednesday": "ke",
    "Thursday": "to",
    "Friday": "pe",
    "Saturday": "la",
    "Sunday": "su",
}


def localized(items: Any, kind: str | None = None, language: str = "fi") -> str | None:
    """The text of a PTV localized list in ``language`` (falling back to any language).

    Args:
        items: A list of ``{value, language}`` or ``{value, type, language}`` items.
        kind: Only items of this ``type`` (``Name``, ``AlternativeName``, ``Summary``).
        language: Wanted language code.
    """
    if not isinstance(items, list):
        return None
    typed = [i for i in items if isinstance(i, Mapping) and (kind is None or i.get("type") == kind)]
    for item in sorted(typed, key=lambda i: i.get("language") != language):
        value = item.get("value")
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def modified_date(value: Any) -> date | None:
    """PTV's ``modified`` as the date in Finland; None when missing or unreadable.

    PTV gives a UTC date-time such as ``2024-05-17T21:40:12.53Z``.
    """
    if not isinstance(value, str):
        return None
    match = _MOMENT.match(value)
    if match is None:
        return None
    try:
        year, month, day, hour, minute, second = (int(part or 0) for part in match.groups())
        moment = datetime(year, month, day, hour, minute, second, tzinfo=timezone.utc)
    except ValueError:
        return None
    try:
        from zoneinfo import ZoneInfo

        return moment.astimezone(ZoneInfo("Europe/Helsinki")).date()
    except (ImportError, KeyError, OSError):  # no time-zone data: the UTC date
        return moment.date()


_MOMENT = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")


def phones(items: Any, skipped: list[str]) -> list[dict[str, str]]:
    """Phone numbers (not fax), national form, Finnish ones first, each number once."""
    result: dict[str, dict[str, str]] = {}
    ordered = sorted(
        (i for i in items or [] if isinstance(i, Mapping)),
        key=lambda i: (i.get("language") != "fi", i.get("orderNumber") or 0),
    )
    for item in ordered:
        if item.get("type", "Phone") != "Phone" or not item.get("number"):
            continue
        prefix = str(item.get("prefixNumber") or "+358")
        raw = str(item["number"])
        try:
            parsed = phonenumbers.parse(raw if raw.startswith("0") else prefix + raw, "FI")
            number = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
        except phonenumbers.NumberParseException:
            skipped.append(f"phone '{prefix} {raw}': not a phone number")
            continue
        phone = {"prefix": prefix, "number": number}
        if item.get("additionalInformation"):
            phone["description"] = " ".join(str(item["additionalInformation"]).split())
        result.setdefault(phone["number"], phone)
    return list(result.values())


def emails(items: Any) -> list[dict[str, str]]:
    """Email addresses, each once."""
    values = [i.get("value") for i in items or [] if isinstance(i, Mapping)]
    unique = dict.fromkeys(v.strip() for v in values if isinstance(v, str) and v.strip())
    return [{"address": value} for value in unique]


def web_pages(items: Any, name: str) -> list[dict[str, str]]:
    """Web pages in Finnish (others when none is), titled by PTV's name or ``name``."""
    pages = [i for i in items or [] if isinstance(i, Mapping) and i.get("url")]
    finnish = [page for page in pages if page.get("language") == "fi"] or pages
    unique = {str(p["url"]): str(p.get("value") or name) for p in finnish}
    return [{"url": url, "title": title} for url, title in unique.items()]


def hours(items: Any) -> list[dict[str, str]]:
    """Service hours as ``{days, opens, closes, note}`` in Finnish notation."""
    result: list[dict[str, str]] = []
    ordered = sorted(
        (i for i in items or [] if isinstance(i, Mapping)),
        key=lambda i: i.get("orderNumber") or 0,
    )
    for item in ordered:
        note = localized(item.get("additionalInformation"))
        period = _period(item.get("validFrom"), item.get("validTo"))
        exceptional = item.get("serviceHourType") == "Exceptional"
        if item.get("isClosed"):
            closed = note if note and "suljettu" in note.casefold() else "suljettu"
            result.append({"days": period or "poikkeus", "note": closed})
            continue
        if item.get("isAlwaysOpen"):
            result.append(_hour("ma–su", None, None, "aina avoinna", note))
            continue
        for opening in item.get("openingHour") or []:
            first = DAYS.get(str(opening.get("dayFrom")), "")
            last = DAYS.get(str(opening.get("dayTo")), "")
            days = f"{first}–{last}" if last and last != first else first
            if exceptional and period:
                days = f"{period} {days}".strip()
            result.append(
                _hour(days or period or "", opening.get("from"), opening.get("to"), None, note)
            )
    return result


def _hour(days: str, opens: Any, closes: Any, *notes: str | None) -> dict[str, str]:
    hour = {"days": days}
    if opens:
        hour["opens"] = _time(str(opens))
    if closes:
        hour["closes"] = _time(str(closes))
    text = "; ".join(n for n in notes if n)
    if text:
        hour["note"] = text
    return hour


def _time(value: str) -> str:
    """``08:00`` or ``08:00:00`` → ``8.00``."""
    parts = value.split(":")
    if len(parts) >= 2 and parts[0].isdigit():
        return f"{int(parts[0])}.{parts[1]}"
    return value


def _period(start: Any, end: Any) -> str | None:
    """``validFrom``/``validTo`` as ``1.7.2025–31.7.2025`` (dates as written, no time zone)."""
    days = [_day(value) for value in (start, end)]
    texts = [f"{d.day}.{d.month}.{d.year}" for d in days if d is not None]
    return "–".join(dict.fromkeys(texts)) or None


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
