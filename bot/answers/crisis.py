"""Replies to a crisis and to what the parent asks after one: 112 first, in their language.

The situation a parent described (violence, suicide, danger, a medical emergency) is kept in
the ``situation`` slot. When the parent then asks whom to talk to or where to get help, the
answer is the safety help and the local family services, not the programme staff.
"""

from __future__ import annotations

from bot.answers.intents import Intent
from bot.answers.messages import Message, Reply
from bot.answers.render import phones
from bot.directory.model import Helpline, Language, ServiceLocation
from bot.directory.queries import Directory
from bot.safety import (
    EMERGENCY_LINES,
    CrisisMatch,
    asks_for_help,
    crisis_reply,
    helpline_kinds,
)
from bot.safety.texts import ASK_PLACE, LATER_CONTACTS


def crisis_answer(
    directory: Directory | None, match: CrisisMatch | None, place: str | None, lang: Language = "fi"
) -> Reply:
    """The reply to a crisis message: 112 first, then the fitting helplines and local contacts.

    Args:
        directory: The directory; None still gives 112, so the reply never fails for lack
            of data.
        match: What the NLU's crisis detection found (the message's ``crisis`` parse data);
            None when only the classifier called the message a crisis, which gets 112 in the
            conversation's language (``lang``).
        place: The parent's place, for the local contacts.
        lang: The conversation's language.
    """
    if match is None:
        local = _local_contacts(directory, place, lang)
        return Reply((Message(EMERGENCY_LINES[lang] + (f"\n{local}" if local else ""), lang=lang),))
    body = crisis_reply(
        match, _helplines(directory, match), _local_contacts(directory, place, match.language)
    )
    return Reply((Message(body, lang=match.language),), {"situation": match.as_value()})


def situation_answer(
    directory: Directory, situation: CrisisMatch | None, text: str, intent: str, place: str | None
) -> Reply | None:
    """After a crisis, a question about whom to talk to gets the safety help and local services.

    Returns None when there was no crisis or the message asks something else.
    """
    if situation is None:
        return None
    if intent not in {Intent.ASK_CONTACT_ROLE, Intent.ASK_PERSON_CONTACT} and not asks_for_help(
        text
    ):
        return None
    language = situation.language
    local = ASK_PLACE[language] if place is None else _local_contacts(directory, place, language)
    body = crisis_reply(situation, _helplines(directory, situation), local)
    return Reply((Message(body, lang=language),))


def _helplines(directory: Directory | None, match: CrisisMatch) -> list[Helpline]:
    if directory is None:
        return []
    return [
        helpline
        for kind in helpline_kinds(match)
        for helpline in directory.helplines_for(kind, match.language)
    ]


def _local_contacts(
    directory: Directory | None, place: str | None, language: Language
) -> str | None:
    """The parent's local family services: name and phone, or the web page without a phone."""
    if directory is None or place is None or directory.municipality(place) is None:
        return None
    try:
        units = directory.lookup(place).units
    except KeyError:
        return None
    if not units:
        return None
    return LATER_CONTACTS[language] + "; ".join(_unit_contact(unit) for unit in units[:2])


def _unit_contact(unit: ServiceLocation) -> str:
    if unit.phones:
        return f"{unit.name_fi}, p. {phones(unit)}"
    if unit.web_pages:
        return f"{unit.name_fi}, {unit.web_pages[0].url}"
    return unit.name_fi
