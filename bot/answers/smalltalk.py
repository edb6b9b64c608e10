"""Greetings, thanks and "what can you do?", in the parent's language.

These were ``utter_*`` responses in ``domain.yml``; they moved here so that every reply is
chosen by one path and written in the language of the message (a response in the domain
cannot know the language of the message it answers).
"""

from __future__ import annotations

from typing import Final

from bot.answers.intents import Intent
from bot.answers.messages import Button, Message, Reply
from bot.directory.model import Language

#: The example questions offered as buttons; each sends its own text.
_GREET_QUESTIONS: Final[dict[Language, tuple[str, ...]]] = {
    "fi": (
        "Mitä palveluita Laukaan HyPessä on?",
        "Missä on kohtaamispaikkoja?",
        "Mikä on LAPE?",
    ),
    "sv": ("Vilka tjänster finns på HyPe i Laukaa?", "Var finns det mötesplatser?", "Vad är LAPE?"),
    "en": (
        "What services does HyPe in Laukaa offer?",
        "Where are there meeting places?",
        "What is LAPE?",
    ),
}
_CAPABILITY_QUESTIONS: Final[dict[Language, tuple[str, ...]]] = {
    "fi": (
        "Mitä palveluita Laukaan HyPessä on?",
        "Kuka on Keski-Suomen muutosagentti?",
        "Mikä on perhekeskus?",
    ),
    "sv": (
        "Vilka tjänster finns på HyPe i Laukaa?",
        "Vem är förändringsagent i Mellersta Finland?",
        "Vad är ett familjecenter?",
    ),
    "en": (
        "What services does HyPe in Laukaa offer?",
        "Who is the change agent in Central Finland?",
        "What is a family centre?",
    ),
}

_TEXTS: Final[dict[str, dict[Language, str]]] = {
    Intent.GREET: {
        "fi": "Hei! Olen Perhebotti. Kerron perhekeskusten palveluista, kohtaamispaikoista ja "
        "yhteyshenkilöistä. Mitä haluaisit tietää?",
        "sv": "Hej! Jag är Perhebotti. Jag berättar om familjecentrens tjänster, mötesplatser "
        "och kontaktpersoner. Vad vill du veta?",
        "en": "Hello! I am Perhebotti. I can tell you about family centres' services, meeting "
        "places and contact persons. What would you like to know?",
    },
    Intent.GOODBYE: {
        "fi": "Hei hei! Tervetuloa kysymään uudelleen.",
        "sv": "Hej då! Välkommen att fråga igen.",
        "en": "Goodbye! You are welcome to ask again.",
    },
    Intent.THANK: {
        "fi": "Ole hyvä! Kysy vain, jos haluat tietää lisää.",
        "sv": "Varsågod! Fråga bara om du vill veta mer.",
        "en": "You're welcome! Just ask if you want to know more.",
    },
    Intent.BOT_CHALLENGE: {
        "fi": "Olen botti, en ihminen. Vastaan perhepalveluhakemiston tietojen pohjalta ja "
        "kerron aina, mistä tieto on peräisin. Ihmisen tavoitat palvelujen omista "
        "yhteystiedoista.",
        "sv": "Jag är en bot, inte en människa. Jag svarar utifrån katalogen över "
        "familjetjänster och berättar alltid varifrån uppgiften kommer. En människa når du "
        "via tjänsternas egna kontaktuppgifter.",
        "en": "I am a bot, not a person. I answer from the directory of family services and "
        "always say where the information comes from. You can reach a person through the "
        "services' own contact details.",
    },
    Intent.ASK_CAPABILITIES: {
        "fi": "Voin kertoa:\n- mitä palveluita kunnan perhekeskuksessa on\n- missä on "
        "kohtaamispaikkoja ja avoimia päiväkoteja\n- kuka on alueen yhteyshenkilö ja miten "
        "hänet tavoittaa\n- mikä on LAPE, perhekeskus tai muutosagentti\nVoit kirjoittaa suomeksi, "
        "ruotsiksi tai englanniksi.",
        "sv": "Jag kan berätta:\n- vilka tjänster kommunens familjecenter har\n- var det finns "
        "mötesplatser och öppna daghem\n- vem som är regionens kontaktperson och hur du når "
        "hen\n- vad LAPE, ett familjecenter eller en förändringsagent är\nDu kan skriva på "
        "finska, svenska eller engelska.",
        "en": "I can tell you:\n- what services your municipality's family centre offers\n- "
        "where there are meeting places and open day-care centres\n- who the region's contact "
        "person is and how to reach them\n- what LAPE, a family centre or a change agent is\nYou "
        "can write in Finnish, Swedish or English.",
    },
    Intent.AFFIRM: {
        "fi": "Selvä! Mitä muuta haluaisit tietää?",
        "sv": "Okej! Vad mer vill du veta?",
        "en": "All right! What else would you like to know?",
    },
    Intent.DENY: {
        "fi": "Selvä. Voit kysyä milloin vain perhekeskuksen palveluista, kohtaamispaikoista "
        "tai yhteyshenkilöistä.",
        "sv": "Okej. Du kan när som helst fråga om familjecentrets tjänster, mötesplatser "
        "eller kontaktpersoner.",
        "en": "All right. You can ask any time about family centre services, meeting places "
        "or contact persons.",
    },
}

#: The intents this module answers.
SMALLTALK_INTENTS: Final = frozenset(_TEXTS)


def smalltalk(intent: str, lang: Language) -> Reply:
    """The reply to a greeting, a thank-you, "are you a bot?" and the like.

    Raises:
        KeyError: For an intent that is not small talk.
    """
    questions = {
        Intent.GREET: _GREET_QUESTIONS,
        Intent.ASK_CAPABILITIES: _CAPABILITY_QUESTIONS,
    }.get(intent)
    buttons = tuple(Button(text, text) for text in questions[lang]) if questions else ()
    return Reply((Message(_TEXTS[intent][lang], buttons, lang),))
