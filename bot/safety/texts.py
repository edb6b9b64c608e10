"""What the bot says about a crisis, in the parent's language: 112 first, then what fits."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from bot.directory.model import Helpline, HelplineKind, Language
from bot.safety.engine import CrisisCategory, CrisisMatch

EMERGENCY_LINES: dict[Language, str] = {
    "fi": "Jos on välitön hätä, soita heti hätänumeroon 112.",
    "sv": "Om det är akut fara, ring genast nödnumret 112.",
    "en": "If anyone is in immediate danger, call the emergency number 112 now.",
}
#: 112 answers in Finnish, Swedish and English (112.fi): said to a parent writing in sv or en.
_EMERGENCY_LANGUAGES: dict[Language, str] = {
    "fi": "",
    "sv": " Nödnumret svarar på finska, svenska och engelska.",
    "en": " 112 answers in Finnish, Swedish and English.",
}
_ON_THE_PHONE: dict[Language, str] = {
    "fi": "Hätäkeskus neuvoo puhelimessa, mitä tehdä ennen kuin apu tulee.",
    "sv": "Nödcentralen berättar i telefon vad du ska göra tills hjälpen kommer.",
    "en": "The emergency centre will tell you on the phone what to do until help arrives.",
}
_CATEGORY_LINES: dict[CrisisCategory, dict[Language, str]] = {
    "medical": _ON_THE_PHONE,
    "danger": _ON_THE_PHONE,
    "violence": {
        "fi": "Väkivalta ei ole koskaan oikein, ja apua on saatavilla.",
        "sv": "Våld är aldrig rätt, och det finns hjälp.",
        "en": "Violence is never right, and help is available.",
    },
    "suicide": {
        "fi": "Et ole yksin. Sinua halutaan auttaa.",
        "sv": "Du är inte ensam. Det finns hjälp att få.",
        "en": "You are not alone. People want to help you.",
    },
}
_IN_FINNISH: dict[Language, str] = {"fi": "", "sv": ", på finska", "en": ", in Finnish"}
_HOURS_ON: dict[Language, str] = {
    "fi": "aukioloajat: {site}",
    "sv": "öppettider: {site}",
    "en": "opening hours: {site}",
}
_SOURCE: dict[Language, str] = {
    "fi": "Lähde: {sites}, tarkistettu {day}.",
    "sv": "Källa: {sites}, kontrollerad {day}.",
    "en": "Source: {sites}, checked {day}.",
}
LATER_CONTACTS: dict[Language, str] = {
    "fi": "Kun välitön hätä on ohi, voit ottaa yhteyttä: ",
    "sv": "När den akuta faran är över kan du kontakta: ",
    "en": "When the immediate danger is over, you can contact: ",
}
ASK_PLACE: dict[Language, str] = {
    "fi": "Kerro kuntasi, niin kerron myös lähimmät perhepalvelut.",
    "sv": "Berätta vilken kommun du bor i, så berättar jag om familjetjänsterna där.",
    "en": "Tell me your municipality and I will also give you the family services there.",
}


def helpline_kinds(match: CrisisMatch) -> tuple[HelplineKind, ...]:
    """The kinds of helpline that fit a crisis, the most fitting first."""
    kinds: list[HelplineKind] = [match.helpline] if match.helpline else []
    if match.young and match.category in {"violence", "suicide", "danger"}:
        kinds.append("child")
    return tuple(kinds)


def _site(helpline: Helpline) -> str:
    url = helpline.source.url or ""
    return urlsplit(url).netloc.removeprefix("www.") or helpline.source.title


def _helpline_line(helpline: Helpline, language: Language) -> str:
    name = helpline.names.get(language) or helpline.names.get("fi") or helpline.id
    hours = helpline.hours.get(language) or _HOURS_ON[language].format(site=_site(helpline))
    in_finnish = _IN_FINNISH[language] if helpline.language != language else ""
    return f"{name} ({hours}{in_finnish}): {helpline.phone}"


def crisis_reply(
    match: CrisisMatch, helplines: Sequence[Helpline], local_contacts: str | None = None
) -> str:
    """Write the reply to a crisis message: 112 first, then what fits, then local contacts.

    Args:
        match: What the detector found; its language is the reply's language.
        helplines: The fitting helplines from the directory, the most fitting first.
        local_contacts: The parent's local contacts, already written, if known.

    Returns:
        Text in the parent's language, one item per line, 112 on the first line.
    """
    language = match.language
    lines = [
        EMERGENCY_LINES[language],
        _CATEGORY_LINES[match.category][language] + _EMERGENCY_LANGUAGES[language],
    ]
    lines += [_helpline_line(helpline, language) for helpline in helplines]
    if local_contacts and local_contacts.strip():
        lines.append(local_contacts.strip())
    if helplines:
        sites = ", ".join(dict.fromkeys(_site(helpline) for helpline in helplines))
        checked = [helpline.checked for helpline in helplines if helpline.checked]
        if checked:
            day = min(checked)
            lines.append(
                _SOURCE[language].format(sites=sites, day=f"{day.day}.{day.month}.{day.year}")
            )
    return "\n".join(lines)
