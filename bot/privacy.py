"""Personal data that parents type: masked before a message reaches the bot or its store.

:func:`mask` replaces, in this order:

* email addresses, also the spam-proof forms ``name(at)host.fi`` / ``name(a)host.fi``,
  with ``[sähköposti]``;
* anything shaped like a Finnish personal identity code (henkilötunnus ``DDMMYYCNNNT``, with
  any century sign in use since 2023: ``+``, ``-``, ``A``-``F``, ``U``-``Y``), whether or not
  its date and check character are valid (parents mistype), with ``[henkilötunnus]``;
* phone numbers, Finnish and international, found by ``phonenumbers``'
  :class:`~phonenumbers.PhoneNumberMatcher`, with ``[puhelinnumero]``: every valid number
  (``(040) 123 4567``, ``040/1234567``, ``358401234567``, ``+46 70 123 45 67``), and every
  possible one that is written as dialled, starting with ``0`` or ``+``; then, as a safety
  net, any run of seven or more digits dialled with ``0`` or ``+`` that it did not take.

Masking errs on the side of hiding. Numbers that are neither valid nor start with 0 or +
("266 8201", "1 000 000 000", dates) are left as they are.

:func:`clean_user_text` is what the channels apply to every message: it masks typed text,
and rebuilds a payload typed as ``/intent{"entity": "value"}`` with only the entity values
that are safe ids (see :func:`is_safe_id`), so that nobody can smuggle personal data into
the conversation store as an entity or slot value.
"""

from __future__ import annotations

import json
import re
from datetime import date

import phonenumbers

EMAIL_MASK = "[sähköposti]"
IDENTITY_CODE_MASK = "[henkilötunnus]"
PHONE_MASK = "[puhelinnumero]"

#: Days a conversation is kept before ``python -m bot privacy purge`` deletes it.
RETENTION_DAYS = 90

#: One line shown on the chat page and with Telegram's ``/start``, in each language (the chat
#: page has the same sentences; a test keeps the Finnish one equal).
PRIVACY_NOTICES = {
    "fi": "Älä kirjoita henkilötietoja, kuten henkilötunnusta tai puhelinnumeroa. "
    f"Keskustelut säilytetään {RETENTION_DAYS} päivää.",
    "sv": "Skriv inga personuppgifter, såsom personbeteckning eller telefonnummer. "
    f"Samtalen sparas i {RETENTION_DAYS} dagar.",
    "en": "Do not type personal data, such as your personal identity code or phone number. "
    f"Conversations are kept for {RETENTION_DAYS} days.",
}
PRIVACY_NOTICE = PRIVACY_NOTICES["fi"]

_EMAIL = re.compile(
    r"(?<![\w.%+\-])[\w.%+\-]+" r"(?:@|\s?[(\[](?:a|at)[)\]]\s?)" r"[\w\-]+(?:\.[\w\-]+)+",
    re.IGNORECASE,
)
_IDENTITY_CODE = re.compile(r"(?<!\d)([0-9]{6})([-+A-FU-Y])([0-9]{3})([0-9A-Z])(?!\d)", re.I)
_CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_CENTURY = {"+": 1800, "-": 1900, **dict.fromkeys("UVWXY", 1900), **dict.fromkeys("ABCDEF", 2000)}

#: Safety net after ``phonenumbers``: digit runs dialled with 0 or + that it did not take, such
#: as several numbers in a row ("050 351 9249 014 266 8201" is one too-long candidate to it).
_DIALLED_DIGITS = re.compile(
    r"(?<![\d+])(?:\+\d{1,3}(?:\s?\(0\))?(?:[ \t\u00a0\-\u2013/]{0,2}\d){5,}"
    r"|0(?:[ \t\u00a0\-\u2013/]{0,2}\d){6,})"
)

#: Region used for numbers written without a country code.
PHONE_REGION = "FI"

#: Rasa's payload syntax ``/intent@confidence{entities}rest`` (as its message handler reads it).
_PAYLOAD = re.compile(
    r"/(?P<intent>[^{@]+)(?P<confidence>@[0-9.]+)?(?P<entities>\{.+\})?(?P<rest>.*)", re.DOTALL
)
_SAFE_NAME = re.compile(r"[a-z][a-z_]{0,39}")
_SAFE_ID = re.compile(
    r"[a-z][a-z_\-]{0,63}|[0-9]{3}|(?:region|county):[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö\- ]{0,60}"
)


def is_identity_code(birth: str, sign: str, individual: str, check: str) -> bool:
    """Check the date and the check character of a Finnish personal identity code.

    Args:
        birth: ``DDMMYY``.
        sign: The century sign (``+``, ``-``, ``U``-``Y``, ``A``-``F``).
        individual: The three-digit individual number.
        check: The check character.

    Returns:
        Whether the parts form a valid identity code.
    """
    try:
        date(_CENTURY[sign.upper()] + int(birth[4:]), int(birth[2:4]), int(birth[:2]))
    except (KeyError, ValueError):
        return False
    return _CHECK_CHARACTERS[int(birth + individual) % 31] == check.upper()


def _phone_spans(text: str) -> list[tuple[int, int]]:
    """Where ``phonenumbers`` finds a valid number, or a possible one dialled with 0 or +."""
    spans: set[tuple[int, int]] = set()
    for leniency in (phonenumbers.Leniency.VALID, phonenumbers.Leniency.POSSIBLE):
        for match in phonenumbers.PhoneNumberMatcher(text, PHONE_REGION, leniency=leniency):
            dialled = match.raw_string.lstrip("(")[:1] in {"0", "+"}
            if dialled or leniency == phonenumbers.Leniency.VALID:
                spans.add((match.start, match.end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mask(text: str) -> str:
    """Hide email addresses, personal identity codes and phone numbers in a message.

    Args:
        text: What the user typed (any length, any characters).

    Returns:
        The text with each item replaced by ``[sähköposti]``, ``[henkilötunnus]`` or
        ``[puhelinnumero]``; everything else unchanged.
    """
    text = _EMAIL.sub(EMAIL_MASK, text)
    text = _IDENTITY_CODE.sub(IDENTITY_CODE_MASK, text)
    for start, end in reversed(_phone_spans(text)):
        text = text[:start] + PHONE_MASK + text[end:]
    return _DIALLED_DIGITS.sub(PHONE_MASK, text)


def is_safe_id(value: object) -> bool:
    """Whether an entity value is shaped like one of the bot's own ids.

    Safe are lower-case ASCII ids without digits (``laukaa-hype``, ``email``), three-digit
    municipality codes (``410``) and region or wellbeing county ids (``region:Keski-Suomi``).

    Args:
        value: An entity value from a payload.

    Returns:
        True for a string of one of those shapes, False for anything else.
    """
    return isinstance(value, str) and _SAFE_ID.fullmatch(value) is not None


def _safe_entities(source: str | None) -> dict[str, str | list[str]]:
    try:
        parsed = json.loads(source) if source else {}
    except ValueError:
        return {}
    if not isinstance(parsed, dict):
        return {}
    entities: dict[str, str | list[str]] = {}
    for name, value in parsed.items():
        if not _SAFE_NAME.fullmatch(name):
            continue
        if isinstance(value, list):
            kept = [item for item in value if is_safe_id(item)]
            if kept:
                entities[name] = kept
        elif is_safe_id(value):
            entities[name] = value
    return entities


def clean_user_text(text: str) -> str:
    """Make a message safe to hand to the bot: mask personal data, keep payloads to safe ids.

    A payload (``/intent{...}``) keeps its intent and only the entities whose values pass
    :func:`is_safe_id`; a confidence and anything after the entities are dropped. Any other
    text is :func:`mask`-ed.

    Args:
        text: A message as typed by the user or sent by one of the bot's buttons.

    Returns:
        The text to pass on to Rasa.
    """
    stripped = text.strip()
    match = _PAYLOAD.fullmatch(stripped) if stripped.startswith("/") else None
    if match is None or not _SAFE_NAME.fullmatch(match.group("intent").strip()):
        return mask(text)
    intent = match.group("intent").strip()
    entities = _safe_entities(match.group("entities"))
    if not entities:
        return f"/{intent}"
    return f"/{intent}{json.dumps(entities, ensure_ascii=False, separators=(', ', ': '))}"


_DURATION = re.compile(r"([0-9]+)([dhms])")
_SECONDS = {"d": 86400, "h": 3600, "m": 60, "s": 1}


def parse_duration(value: str) -> float:
    """Parse ``90d``, ``12h``, ``30m`` or ``45s`` into seconds.

    Raises:
        ValueError: For anything else.
    """
    match = _DURATION.fullmatch(value.strip())
    if match is None:
        raise ValueError(f"not a duration such as 90d, 12h, 30m: {value!r}")
    return int(match.group(1)) * _SECONDS[match.group(2)]


def main(argv: list[str]) -> int:
    """``python -m bot privacy purge [--older-than 90d]``: delete old conversations.

    Deletes from the configured conversation store (``PERHEBOTTI_DATABASE_URL``, or the SQLite
    file under ``PERHEBOTTI_STATE_DIR``) every event older than the limit.

    Returns:
        0 when done, 2 for bad arguments.
    """
    import argparse
    import time

    parser = argparse.ArgumentParser(prog="python -m bot privacy")
    commands = parser.add_subparsers(dest="command", required=True)
    purge_command = commands.add_parser("purge", help="delete old conversations")
    purge_command.add_argument(
        "--older-than",
        default=f"{RETENTION_DAYS}d",
        type=parse_duration,
        help=f"age limit such as 90d, 12h or 30m (default {RETENTION_DAYS}d)",
    )
    args = parser.parse_args(argv[1:])

    from bot.rasa.tracker_store import database_url, purge
    from bot.settings import DatabaseSettings

    url = database_url(DatabaseSettings.from_env())
    purged = purge(url, before=time.time() - args.older_than)
    print(f"deleted {purged.events} events; {purged.conversations} conversations removed entirely")
    return 0
