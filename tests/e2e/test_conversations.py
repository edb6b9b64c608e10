"""Realistic conversations with the real bot over Rasa's REST webhook.

Each case is a list of turns; every turn names text that must appear in the bot's reply and
text that must not (units, people and numbers of other areas). The servers are the real
action server and Rasa server with the trained model (the ``bot_stack`` fixture).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass

import pytest

from bot.answers.phrases import say
from bot.directory.model import LANGUAGES
from bot.stack import Stack
from tests.conftest import reply_text, send

pytestmark = pytest.mark.e2e

EMERGENCY = "Jos on välitön hätä, soita heti hätänumeroon 112."
#: How the fallback replies start (bot/answers/routing.py); each has buttons to go on, none
#: is an apology. An everyday question is told what the bot knows about ...
EVERYDAY_FALLBACKS = tuple(say(key, "fi") for key in ("out_of_scope", "not_understood"))
#: ... and odd input may also be offered the likeliest readings ("did you mean"), or, when
#: the classifier reads it as a services question, the question for the municipality.
ODD_INPUT_FALLBACKS = {
    lang: tuple(
        say(key, lang) for key in ("out_of_scope", "not_understood", "did_you_mean", "ask_place")
    )
    for lang in LANGUAGES
}


@dataclass(frozen=True)
class Step:
    """One message and what its reply must and must not contain."""

    say: str
    expect: tuple[str, ...] = ()
    never: tuple[str, ...] = ()
    first_line: str | None = None
    starts: tuple[str, ...] = ()  # the reply starts with one of these and has buttons


def step(
    say: str,
    *expect: str,
    never: tuple[str, ...] = (),
    first: str | None = None,
    starts: tuple[str, ...] = (),
) -> Step:
    return Step(say, expect, never, first, starts)


OTHER_AREAS = ("Hämäläinen", "Vesterinen", "Monitoimitalo Jalo", "Lintala")
HYPE = "Laukaan lasten ja nuorten"  # HyPe's unit name (the short name is in a source title)

CONVERSATIONS: dict[str, list[Step]] = {
    # --- services of a place or unit --------------------------------------------------------
    "hype services": [
        step(
            "Mitä palveluita Laukaan HyPessä on?",
            "HyPe",
            "lääkärin palvelut",
            "etsivä nuorisotyö",
            "Lähde:",
            never=("Äänekosken",),
        )
    ],
    "colloquial family counselling in Laukaa": [
        step("onks laukaas perheneuvolaa?", "Jyväskylän perheneuvola", never=OTHER_AREAS)
    ],
    "no umlauts Aanekoski": [
        step("mita palveluita aanekoskella on", "Äänekosken perhekeskustoiminta", never=(HYPE,))
    ],
    "open day care Aanekoski": [
        step(
            "Missä Äänekoskella on avoimia päiväkoteja?",
            "Äänekosken avoimet päiväkodit",
            never=(HYPE,),
        )
    ],
    "Muurame gets regional contacts, not HyPe": [
        step(
            "Mitä perhepalveluita Muuramessa on?",
            "Muurame",
            "Hanna Hämäläinen",
            never=(HYPE,),
        )
    ],
    "Rovaniemi: nothing local, Lappi named": [
        step(
            "mitä palveluja rovaniemellä on?",
            "Rovaniemi",
            "Lappi",
            never=(HYPE, "Hämäläinen", "Vesterinen"),
        )
    ],
    "Seinajoki family centre": [
        step("perhekeskuspalvelut seinäjoella?", "Seinäjoki", never=(HYPE,))
    ],
    "Lahti Jalo": [step("Mitä perhepalveluja Lahdessa on?", "Jalo", never=(HYPE, "Hämäläinen"))],
    "parisuhdetuki Laukaa": [
        step("mistä saa parisuhdetukea laukaassa", "perheasiainneuvottelukeskus", never=OTHER_AREAS)
    ],
    "youth work in Laukaa": [
        step("Onko Laukaassa nuorisotyötä?", "nuorisotyö", "HyPe", never=OTHER_AREAS)
    ],
    # --- units -------------------------------------------------------------------------------
    "what is HyPe": [step("Mikä on HyPe?", "Laukaan lasten ja nuorten", "elokuussa")],
    "HyPe web page": [step("hypen nettisivut?", "laukaa.fi")],
    "Aanekoski social media": [
        step(
            "Onko Äänekosken perhekeskuksella facebookia?",
            "facebook.com/aanekoskenperhekeskustoiminta",
        )
    ],
    # --- contacts ------------------------------------------------------------------------------
    "change agent Keski-Suomi": [
        step(
            "Kuka on Keski-Suomen muutosagentti?",
            "Hanna Hämäläinen",
            "050 304 6670",
            never=("Vesterinen",),
        )
    ],
    "change agent Paijat-Hame": [
        step(
            "kuka on päijät-hämeen muutosagentti",
            "Elina Vesterinen",
            "044 729 7985",
            never=("Hämäläinen",),
        )
    ],
    "Paananen email": [
        step(
            "Mikä on Sari Paanasen sähköposti?", "sari.h.paananen@jkl.fi", never=("sari.paananen@",)
        )
    ],
    "Harju-Kivinen phone": [
        step("Raija Harju-Kivisen puhelinnumero", "050 351 9249", "014 266 8201")
    ],
    "Ekola": [step("Miten tavoitan Julia Ekolan?", "040 549 9734")],
    "Lintala email": [step("harri lintalan sähköposti", "harri.lintala@seinajoki.fi")],
    "project manager": [step("kuka on kslapen hankepäällikkö", "Raija Harju-Kivinen")],
    # --- programme ----------------------------------------------------------------------------
    "what is LAPE": [step("mikä on LAPE?", "Lapsi- ja perhepalveluiden muutosohjelma", "Lähde:")],
    "what is perhekeskus": [step("Mikä on perhekeskus?", "perhekeskus", "Lähde:")],
    "what is kohtaamispaikka": [step("mikä on kohtaamispaikka", "kohtaamispaik", "Lähde:")],
    "what is muutosagentti": [step("Mitä muutosagentti tekee?", "uutosagent", "Lähde:")],
    "LAPE funding": [step("Paljonko rahaa LAPE-hankkeille myönnettiin?", "19 miljoonaa euroa")],
    "KSLAPE opening event": [step("Milloin KSLAPEn avaustapahtuma oli?", "15.3.2017")],
    "Paijat-Hame pilots": [
        step("Mitkä olivat Päijät-Hämeen perhekeskuspilotit?", "Asikkala", "Hartola")
    ],
    # --- small talk -----------------------------------------------------------------------------
    "greet": [step("Hei", "Perhebotti")],
    "thanks": [step("kiitos paljon!", "Ole hyvä")],
    "goodbye": [step("moikka, nähdään", "Hei hei")],
    "bot challenge": [step("ootko oikea ihminen vai botti?", "Olen botti")],
    "capabilities": [step("mitä sä osaat?", "Voin kertoa")],
    # --- out of scope, odd input ---------------------------------------------------------------
    "weather": [
        step("Millainen sää on huomenna Helsingissä?", never=("Lähde:",), starts=EVERYDAY_FALLBACKS)
    ],
    "tyres": [
        step("Mistä saan halvat talvirenkaat?", never=("Lähde:",), starts=EVERYDAY_FALLBACKS)
    ],
    "emoji only": [step("😀😀😀", never=("Lähde:",), starts=ODD_INPUT_FALLBACKS["fi"])],
    "script tag": [
        step("<script>alert(1)</script>", never=("Lähde:",), starts=ODD_INPUT_FALLBACKS["fi"])
    ],
    "sql looking": [
        step("'; DROP TABLE events; --", never=("Lähde:",), starts=ODD_INPUT_FALLBACKS["en"])
    ],
    # --- crisis ---------------------------------------------------------------------------------
    "violence": [step("mieheni lyö minua", "080 005 005", first=EMERGENCY)],
    "suicide": [step("en jaksa enää elää, haluan kuolla", "09 2525 0111", first=EMERGENCY)],
    "medical mixed with question": [step("Missä on HyPe? lapsi ei hengitä", first=EMERGENCY)],
    # --- multi-turn -------------------------------------------------------------------------------
    "place asked, then given": [
        step("Onko perheneuvolaa lähellä?", "Missä kunnassa asut?"),
        step("Laukaa", "Jyväskylän perheneuvola", never=OTHER_AREAS),
    ],
    "switch place keeps question": [
        step("mitä palveluita laukaassa on", "HyPe"),
        step("entä Äänekoskella?", "Äänekosken", never=(HYPE,)),
    ],
    "his number, then email": [
        step("Kuka on Keski-Suomen muutosagentti?", "Hanna Hämäläinen"),
        step("mikä hänen puhelinnumeronsa on?", "050 304 6670", never=("@",)),
        step("entä sähköposti?", "hanna.k.hamalainen@jkl.fi"),
    ],
    "place remembered": [
        step("Asun Muuramessa", "Muurame"),
        step("mitä perhepalveluita täällä on?", "Muurame", never=(HYPE,)),
    ],
    "button payload for place": [
        step("Mitä palveluita on tarjolla?", "Missä kunnassa asut?"),
        step('/inform_place{"place": "410"}', "HyPe"),
    ],
    # --- understanding: no dead ends, the exact question, context ---------------------------
    "keywords: service word and a town": [
        step("perhekeskus äänekoski", "Äänekosken perhekeskustoiminta", never=(HYPE,)),
    ],
    "keywords: a town without a unit gets its region": [
        step("sysmä perhekeskus", "Sysmä", "Päijät-Hämeen perhekeskus", never=(HYPE,)),
    ],
    "role in a region, third person": [
        step(
            "kukahan siellä päijät-hämeessä toimii muutosagenttina",
            "Elina Vesterinen",
            never=("Hämäläinen",),
        ),
    ],
    "long story with the question inside": [
        step(
            "Meillä on kaksi pientä lasta ja arki on ollut raskasta, mies on paljon töissä ja "
            "olen väsynyt. Asumme Laukaassa. Mistä voisi saada tukea perheelle?",
            HYPE,
            never=("En ole varma", "Monitoimitalo Jalo"),
        ),
    ],
    "regional funding, not the national figure": [
        step("paljonko keski-suomi sai lape rahaa", "1 000 000", never=("19 000 000",)),
    ],
    "launch event of a region": [
        step("missä keski-suomen lape avajaiset pidettiin", "Minnansalissa"),
    ],
    "region without units gets its facts": [
        step("lapua perhekeskus", "Etelä-Pohjanmaa", never=("ei ole tietoja myöskään",)),
    ],
    "a place after a vague first message": [
        step("tarviis vähän apua perhejuttuihin"),
        step("laukaa", HYPE, never=("Mitä haluaisit tietää?",)),
    ],
    "new place wins over the remembered unit": [
        step("laukaan hype", HYPE),
        step("entä äänekoski?", "Äänekosken", never=(HYPE,)),
    ],
    "its phone number after a unit": [
        step("kaksineuvoisen perhekeskus", "Kaksineuvoisen"),
        step("kuka siellä on yhteyshenkilö", "Julia Ekola", never=("Hämäläinen",)),
    ],
    "where it was held, after the launch event": [
        step("milloin oli keski-suomen lape avaustapahtuma", "15.3.2017"),
        step("missä se pidettiin?", "Minnansalissa"),
    ],
    "help asked with a town that has no unit": [
        step(
            "Asutaan Viitasaarella ja meillä on kaksi pientä lasta. Mistä saa apua arkeen?",
            "Viitasaari",
            "Hämäläinen",
            never=("En ole varma", HYPE),
        ),
    ],
    "crisis in the middle": [
        step("mitä palveluita laukaassa on", "HyPe"),
        step("isä hakkaa äitiä nyt", first=EMERGENCY),
    ],
}


@pytest.mark.parametrize("name", list(CONVERSATIONS))
def test_conversation(bot_stack: Stack, name: str) -> None:
    sender = f"e2e-{uuid.uuid4().hex}"
    for number, turn in enumerate(CONVERSATIONS[name], start=1):
        replies = send(bot_stack, sender, turn.say)
        text = reply_text(replies)
        where = f"turn {number} ({turn.say[:60]!r}) got:\n{text}"
        assert replies, f"no reply at {where}"
        for expected in turn.expect:
            assert expected in text, f"{expected!r} missing at {where}"
        for wrong in turn.never:
            assert wrong not in text, f"{wrong!r} must not appear at {where}"
        if turn.first_line is not None:
            assert text.splitlines()[0] == turn.first_line, where
        if turn.starts:
            assert text.startswith(turn.starts), f"not a way forward at {where}"
            assert replies[0].get("buttons"), f"no buttons at {where}"


def test_a_very_long_message_gets_a_clear_refusal(bot_stack: Stack) -> None:
    request = urllib.request.Request(
        f"{bot_stack.ports.rasa_url}/webhooks/rest/webhook",
        data=json.dumps(
            {"sender": f"e2e-{uuid.uuid4().hex}", "message": "perhe " * 2_000}
        ).encode(),
        headers={"Content-Type": "application/json"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=60)
    assert refused.value.code == 413
    assert json.loads(refused.value.read()) == {
        "error": "message_too_long",
        "reason": "message exceeds 4000 characters.",
    }
