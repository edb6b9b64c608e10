"""The phrases of the contact card (a person to talk to) and of the feedback on answers.

They are part of the one phrase table, :data:`bot.answers.phrases.PHRASES`, and are written
with :func:`bot.answers.phrases.say` like every other phrase: the same ``{placeholders}`` in
Finnish, Swedish and English.
"""

from __future__ import annotations

from typing import Final

from bot.directory.model import Language

CONTACT_PHRASES: Final[dict[str, dict[Language, str]]] = {
    # --- a person to talk to (bot/answers/handoff.py) ---------------------------------------
    "handoff_intro": {
        "fi": "En voi siirtää tätä keskustelua ihmiselle, mutta näistä yhteystiedoista "
        "tavoitat ihmisen ({place}):",
        "sv": "Jag kan inte koppla det här samtalet till en människa, men här når du en person "
        "({place}):",
        "en": "I can't transfer this chat to a person, but you can reach someone here ({place}):",
    },
    "handoff_hours": {"fi": "Aukioloajat", "sv": "Öppettider", "en": "Opening hours"},
    "handoff_nothing": {
        "fi": "Hakemistossa ei ole yhteystietoja alueelta {place}.",
        "sv": "Katalogen har inga kontaktuppgifter för {place}.",
        "en": "The directory has no contact details for {place}.",
    },
    "handoff_helpline": {
        "fi": "Jos tarvitset keskusteluapua heti, valtakunnallinen auttava puhelin:",
        "sv": "Om du behöver någon att prata med genast, den nationella hjälplinjen:",
        "en": "If you need someone to talk to right away, the national helpline:",
    },
    "handoff_ask_place": {
        "fi": "Kerron mielelläni, kenelle voit soittaa tai kirjoittaa. Missä kunnassa asut? "
        "Kirjoita kuntasi nimi tai valitse alta.",
        "sv": "Jag berättar gärna vem du kan ringa eller skriva till. I vilken kommun bor du? "
        "Skriv kommunens namn eller välj nedan.",
        "en": "I'm happy to tell you whom to call or write to. Which municipality do you live "
        "in? Write its name or choose below.",
    },
    # --- feedback on factual answers (bot/answers/feedback.py) ------------------------------
    "feedback_ask": {
        "fi": "Auttoiko vastaus?",
        "sv": "Hjälpte svaret?",
        "en": "Did this answer help?",
    },
    "feedback_yes": {"fi": "👍 Kyllä", "sv": "👍 Ja", "en": "👍 Yes"},
    "feedback_no": {"fi": "👎 Ei", "sv": "👎 Nej", "en": "👎 No"},
    "feedback_thanks_yes": {
        "fi": "Kiitos palautteesta! Kysy vain lisää, jos haluat.",
        "sv": "Tack för responsen! Fråga gärna mer.",
        "en": "Thank you for the feedback! Ask more if you like.",
    },
    "feedback_thanks_no": {
        "fi": "Kiitos palautteesta, se auttaa parantamaan vastauksia. Jos haluat, kerro "
        "lyhyesti, mitä vastauksesta puuttui. Älä kirjoita henkilötietoja. Voit myös kysyä "
        "suoraan jotain muuta.",
        "sv": "Tack för responsen, den hjälper oss att förbättra svaren. Om du vill kan du "
        "kort berätta vad som saknades. Skriv inga personuppgifter. Du kan också ställa en ny "
        "fråga direkt.",
        "en": "Thank you for the feedback, it helps us improve the answers. If you like, tell "
        "us briefly what was missing. Please do not write personal data. You can also ask "
        "something else right away.",
    },
    "feedback_thanks_reason": {
        "fi": "Kiitos, palautteesi on tallennettu. Mitä muuta haluaisit tietää?",
        "sv": "Tack, din respons har sparats. Vad mer vill du veta?",
        "en": "Thank you, your feedback has been saved. What else would you like to know?",
    },
}
