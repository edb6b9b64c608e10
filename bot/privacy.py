"""Masking of personal data that parents type, before the text is logged or shown to staff.

:func:`mask` replaces, in this order:

* email addresses, also the spam-proof forms ``name(at)host.fi`` / ``name(a)host.fi``,
  with ``[sähköposti]``;
* Finnish personal identity codes (henkilötunnus ``DDMMYYCNNNT``, any century sign in use
  since 2023) whose date and check character are valid, with ``[henkilötunnus]``;
* phone numbers: a ``+`` and at least seven digits, or a ``0`` and at least six more digits,
  with single spaces, hyphens or dashes between digits, with ``[puhelinnumero]``.

Masking errs on the side of hiding: a run of digits shaped like a phone number is masked even
when it is something else (an identity code with a wrong check character that starts with 0,
"1 000 000 000"). Numbers without a leading 0 or + ("266 8201") are left as they are.
All patterns run in linear time, so very long messages are safe.
"""

from __future__ import annotations

import re
from datetime import date

EMAIL_MASK = "[sähköposti]"
IDENTITY_CODE_MASK = "[henkilötunnus]"
PHONE_MASK = "[puhelinnumero]"

_EMAIL = re.compile(
    r"(?<![\w.%+\-])[\w.%+\-]+" r"(?:@|\s?[(\[](?:a|at)[)\]]\s?)" r"[\w\-]+(?:\.[\w\-]+)+",
    re.IGNORECASE,
)
_IDENTITY_CODE = re.compile(
    r"(?<![0-9A-Z])([0-9]{6})([-+A-FU-Y])([0-9]{3})([0-9A-Y])(?![0-9A-Z])", re.IGNORECASE
)
_PHONE = re.compile(
    r"(?<![\d+])(?:\+\d{1,3}(?:\s?\(0\))?(?:[ \t\u00a0\-\u2013]{0,2}\d){5,}"
    r"|0(?:[ \t\u00a0\-\u2013]{0,2}\d){6,})"
)
_CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_CENTURY = {"+": 1800, "-": 1900, **dict.fromkeys("UVWXY", 1900), **dict.fromkeys("ABCDEF", 2000)}


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


def _mask_identity_code(match: re.Match[str]) -> str:
    return IDENTITY_CODE_MASK if is_identity_code(*match.groups()) else match.group(0)


def mask(text: str) -> str:
    """Hide email addresses, personal identity codes and phone numbers in a message.

    Args:
        text: What the user typed (any length, any characters).

    Returns:
        The text with each item replaced by ``[sähköposti]``, ``[henkilötunnus]`` or
        ``[puhelinnumero]``; everything else unchanged.
    """
    text = _EMAIL.sub(EMAIL_MASK, text)
    text = _IDENTITY_CODE.sub(_mask_identity_code, text)
    return _PHONE.sub(PHONE_MASK, text)
