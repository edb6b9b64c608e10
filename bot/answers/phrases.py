"""Every sentence the bot writes around the directory's facts, in Finnish, Swedish and English.

The facts themselves (unit names, descriptions, programme texts) come from the directory and
stay in the language the editor wrote them in; these are only the frames around them. Each
phrase has the same ``{placeholders}`` in all three languages (a test checks it). Swedish
follows the usage of Finnish municipalities' Swedish pages.
"""

from __future__ import annotations

from typing import Final

from bot.answers.phrases_contact import CONTACT_PHRASES
from bot.directory.model import Language

ANSWER_PHRASES: Final[dict[str, dict[Language, str]]] = {
    # --- asking for what is missing ---------------------------------------------------------
    "ask_place": {
        "fi": "Missä kunnassa asut? Kirjoita kuntasi nimi tai valitse alta.",
        "sv": "I vilken kommun bor du? Skriv kommunens namn eller välj nedan.",
        "en": "Which municipality do you live in? Type its name or choose below.",
    },
    "place_not_recognised": {
        "fi": "En tunnistanut kuntaa. Kirjoita kuntasi nimi, esimerkiksi ”Laukaa”.",
        "sv": "Jag kände inte igen kommunen. Skriv kommunens namn, till exempel ”Laukaa”.",
        "en": "I did not recognise the municipality. Type its name, for example “Laukaa”.",
    },
    "choose_unit": {
        "fi": "Mitä näistä tarkoitat?",
        "sv": "Vilken av dessa menar du?",
        "en": "Which of these do you mean?",
    },
    "choose_person": {
        "fi": "Kenen yhteystietoja tarkoitat?",
        "sv": "Vems kontaktuppgifter menar du?",
        "en": "Whose contact details do you mean?",
    },
    "which_person": {
        "fi": "Kenen yhteystietoja etsit? Kirjoita henkilön nimi, esimerkiksi ”Hanna Hämäläisen "
        "puhelinnumero”, tai kysy roolin mukaan: ”kuka on Keski-Suomen muutosagentti”.",
        "sv": "Vems kontaktuppgifter söker du? Skriv personens namn, till exempel ”Hanna "
        "Hämäläinens telefonnummer”, eller fråga efter roll: ”vem är förändringsagent i "
        "Mellersta Finland”.",
        "en": "Whose contact details are you looking for? Type the person's name, for example "
        "“Hanna Hämäläinen's phone number”, or ask by role: “who is the change agent in "
        "Central Finland”.",
    },
    "which_topic": {
        "fi": "Mistä haluaisit tietää? Voin kertoa esimerkiksi näistä:",
        "sv": "Vad vill du veta mer om? Jag kan till exempel berätta om det här:",
        "en": "What would you like to know? I can tell you, for example, about these:",
    },
    # --- services and units of a place ------------------------------------------------------
    "service_here": {
        "fi": "{place}: {service} löytyy hakemiston mukaan täältä:",
        "sv": "{place}: enligt katalogen finns {service} här:",
        "en": "{place}: according to the directory, {service} is available here:",
    },
    "services_here": {
        "fi": "{place}: hakemistossa olevat perhepalvelut:",
        "sv": "{place}: familjetjänster i katalogen:",
        "en": "{place}: family services in the directory:",
    },
    "no_service": {
        "fi": "Hakemistossa ei ole tietoa palvelusta {service} kunnassa {place}.",
        "sv": "Katalogen har ingen uppgift om {service} i {place}.",
        "en": "The directory has no information on {service} in {place}.",
    },
    "no_own_services": {
        "fi": "Hakemistossa ei ole vielä kunnan {place} omia perhekeskuspalveluja.",
        "sv": "Katalogen har ännu inga egna familjecentertjänster för {place}.",
        "en": "The directory has no family centre services of {place}'s own yet.",
    },
    "other_units": {
        "fi": "Kunnassa {place} on kuitenkin:",
        "sv": "I {place} finns dock:",
        "en": "In {place}, there is however:",
    },
    "meeting_places_here": {
        "fi": "{place}: kohtaamispaikat ja avoimet päiväkodit:",
        "sv": "{place}: mötesplatser och öppna daghem:",
        "en": "{place}: meeting places and open day-care centres:",
    },
    "no_meeting_places": {
        "fi": "Hakemistossa ei ole kohtaamispaikkoja kunnassa {place}.",
        "sv": "Katalogen har inga mötesplatser i {place}.",
        "en": "The directory has no meeting places in {place}.",
    },
    "region_no_units": {
        "fi": "Hakemistossa ei ole yksiköitä alueelta {region}.",
        "sv": "Katalogen har inga enheter i {region}.",
        "en": "The directory has no units in {region}.",
    },
    "region_units": {
        "fi": "Alueella {region} hakemisto tuntee nämä yksiköt (kunta suluissa):",
        "sv": "I {region} känner katalogen till de här enheterna (kommunen inom parentes):",
        "en": "In {region}, the directory knows these units (municipality in brackets):",
    },
    "unit_municipality": {
        "fi": "(kunta: {places})",
        "sv": "(kommun: {places})",
        "en": "(municipality: {places})",
    },
    "tell_place": {
        "fi": "Kerro kuntasi, niin kerron juuri sen palvelut.",
        "sv": "Berätta vilken kommun du bor i, så berättar jag om just dess tjänster.",
        "en": "Tell me your municipality, and I will tell you its own services.",
    },
    # --- the nearest true level -------------------------------------------------------------
    "region_contact": {
        "fi": "Alueen ({region}) yhteyshenkilö, jolta voit kysyä lisää:",
        "sv": "Kontaktperson för {region}, som du kan fråga mer:",
        "en": "Contact person for {region}, who can tell you more:",
    },
    "region_wide_units": {
        "fi": "Alueella {region} toimii koko alueen yhteinen:",
        "sv": "I {region} finns en enhet för hela regionen:",
        "en": "In {region}, this unit serves the whole region:",
    },
    "region_fact": {
        "fi": "Alueelta {region} hakemistossa on tämä tieto:",
        "sv": "Om {region} har katalogen den här uppgiften:",
        "en": "For {region}, the directory has this information:",
    },
    "national_only": {
        "fi": "Hakemistossa ei ole tietoja myöskään alueelta {region}. Perhekeskustoimintaa "
        "kehitetään koko maassa LAPE-muutosohjelmassa; oman kuntasi perhepalveluista saat "
        "tietoa kunnan tai hyvinvointialueen ({county}) neuvonnasta.",
        "sv": "Katalogen har inte heller några uppgifter om {region}. Familjecenter utvecklas i "
        "hela landet i förändringsprogrammet LAPE; om familjetjänsterna i din kommun får du "
        "information av kommunens eller välfärdsområdets ({county}) rådgivning.",
        "en": "The directory has no information for {region} either. Family centres are being "
        "developed across Finland in the LAPE change programme; your municipality's or "
        "wellbeing services county's ({county}) advice service can tell you about local family "
        "services.",
    },
    # --- contact persons --------------------------------------------------------------------
    "contact_person": {"fi": "yhteyshenkilö", "sv": "kontaktperson", "en": "contact person"},
    "no_role": {
        "fi": "Hakemistossa ei ole tietoa: {role}.",
        "sv": "Katalogen har ingen uppgift om: {role}.",
        "en": "The directory has no information on: {role}.",
    },
    "national_figure_only": {
        "fi": "Hakemistossa ei ole omaa lukua, alue {place}. Koko maan luku:",
        "sv": "Katalogen har ingen egen siffra för {place}. Siffran för hela landet:",
        "en": "The directory has no figure for {place} itself. For the whole country:",
    },
    "no_role_in": {
        "fi": "Hakemistossa ei ole tietoa: {role}, alue {place}.",
        "sv": "Katalogen har ingen uppgift om: {role}, {place}.",
        "en": "The directory has no information on: {role}, {place}.",
    },
    "role_in": {"fi": "{role}, alue {place}:", "sv": "{role}, {place}:", "en": "{role}, {place}:"},
    "role_everywhere": {
        "fi": "{role} (alue suluissa):",
        "sv": "{role} (region inom parentes):",
        "en": "{role} (region in brackets):",
    },
    "region_unknown": {"fi": "alue ei tiedossa", "sv": "region okänd", "en": "region unknown"},
    "more_persons": {
        "fi": "…ja {count} muuta. Kysy tarkemmin roolin mukaan.",
        "sv": "…och {count} till. Fråga gärna efter en viss roll.",
        "en": "…and {count} more. Ask about a specific role.",
    },
    "and_email": {"fi": "Entä sähköposti?", "sv": "Och e-posten?", "en": "And the email?"},
    "and_phone": {
        "fi": "Entä puhelinnumero?",
        "sv": "Och telefonnumret?",
        "en": "And the phone number?",
    },
    # --- labels in answers ------------------------------------------------------------------
    "label_municipality": {"fi": "Kunta", "sv": "Kommun", "en": "Municipality"},
    "label_services": {"fi": "Palvelut", "sv": "Tjänster", "en": "Services"},
    "label_phone": {"fi": "Puhelin", "sv": "Telefon", "en": "Phone"},
    "label_email": {"fi": "Sähköposti", "sv": "E-post", "en": "Email"},
    "label_contact": {"fi": "Yhteyshenkilö", "sv": "Kontaktperson", "en": "Contact person"},
    "label_more": {"fi": "Lisätietoa", "sv": "Mer information", "en": "More information"},
    "phone_short": {"fi": "p. {phones}", "sv": "tfn {phones}", "en": "tel. {phones}"},
    "no_phone": {
        "fi": "puhelinnumeroa ei ole tiedossa",
        "sv": "telefonnummer saknas",
        "en": "phone number not known",
    },
    "no_email": {
        "fi": "sähköpostiosoitetta ei ole tiedossa",
        "sv": "e-postadress saknas",
        "en": "email address not known",
    },
    "responsibility": {
        "fi": "vastuualue: {what}",
        "sv": "ansvarsområde: {what}",
        "en": "responsibility: {what}",
    },
    "derived_email": {
        "fi": "(johdettu sivun osoitesäännöstä {rule})",
        "sv": "(härledd ur sidans adressregel {rule})",
        "en": "(derived from the page's address rule {rule})",
    },
    "in_finnish": {
        "fi": "",
        "sv": "Namn och beskrivningar visas på finska där katalogen inte har en svensk version.",
        "en": "Names and descriptions are shown in Finnish where the directory has no English "
        "version.",
    },
    "source": {"fi": "Lähde", "sv": "Källa", "en": "Source"},
    "updated": {"fi": "päivitetty {date}", "sv": "uppdaterad {date}", "en": "updated {date}"},
    "no_date": {"fi": "päiväys ei tiedossa", "sv": "datum okänt", "en": "date unknown"},
    # --- buttons ----------------------------------------------------------------------------
    "button_meeting_places": {
        "fi": "Kohtaamispaikat",
        "sv": "Mötesplatser",
        "en": "Meeting places",
    },
    "button_contacts": {"fi": "Yhteyshenkilöt", "sv": "Kontaktpersoner", "en": "Contact persons"},
    "button_what_is_lape": {"fi": "Mikä on LAPE?", "sv": "Vad är LAPE?", "en": "What is LAPE?"},
    "button_what_is_centre": {
        "fi": "Mikä on perhekeskus?",
        "sv": "Vad är ett familjecenter?",
        "en": "What is a family centre?",
    },
    "button_what_is_meeting_place": {
        "fi": "Mikä on kohtaamispaikka?",
        "sv": "Vad är en mötesplats?",
        "en": "What is a meeting place?",
    },
    "button_what_is_agent": {
        "fi": "Mikä on muutosagentti?",
        "sv": "Vad är en förändringsagent?",
        "en": "What is a change agent?",
    },
    "button_capabilities": {"fi": "Mitä osaat?", "sv": "Vad kan du?", "en": "What can you do?"},
    "button_my_services": {
        "fi": "Mitä perhepalveluita kunnassani on?",
        "sv": "Vilka familjetjänster finns i min kommun?",
        "en": "What family services are there in my municipality?",
    },
    # --- not understood ---------------------------------------------------------------------
    "did_you_mean": {
        "fi": "Tarkoititko jotakin näistä?",
        "sv": "Menade du något av de här?",
        "en": "Did you mean one of these?",
    },
    "not_understood": {
        "fi": "En ole varma, mitä tarkoitit. Voisitko kysyä toisin sanoin? Voin kertoa "
        "perhekeskusten palveluista, kohtaamispaikoista ja yhteyshenkilöistä.",
        "sv": "Jag är inte säker på vad du menade. Kan du fråga på ett annat sätt? Jag kan "
        "berätta om familjecentrens tjänster, mötesplatser och kontaktpersoner.",
        "en": "I am not sure what you meant. Could you ask in other words? I can tell you "
        "about family centres' services, meeting places and contact persons.",
    },
    "out_of_scope": {
        "fi": "Tähän en valitettavasti osaa vastata. Tunnen perhekeskusten palvelut, "
        "kohtaamispaikat ja yhteyshenkilöt.",
        "sv": "Tyvärr kan jag inte svara på det. Jag känner till familjecentrens tjänster, "
        "mötesplatser och kontaktpersoner.",
        "en": "Sorry, I cannot answer that. I know about family centres' services, meeting "
        "places and contact persons.",
    },
    "reading_services": {
        "fi": "Perhepalvelut kunnassani",
        "sv": "Familjetjänster i min kommun",
        "en": "Family services in my municipality",
    },
    "reading_find_service": {
        "fi": "Tietty palvelu (esim. perheneuvola)",
        "sv": "En viss tjänst (t.ex. familjerådgivning)",
        "en": "A specific service (e.g. family counselling)",
    },
    "reading_meeting_places": {
        "fi": "Kohtaamispaikat ja avoimet päiväkodit",
        "sv": "Mötesplatser och öppna daghem",
        "en": "Meeting places and open day-care centres",
    },
    "reading_unit": {
        "fi": "Perhekeskuksen tiedot",
        "sv": "Uppgifter om ett familjecenter",
        "en": "A family centre's details",
    },
    "reading_contacts": {"fi": "Yhteyshenkilöt", "sv": "Kontaktpersoner", "en": "Contact persons"},
    "reading_person": {
        "fi": "Henkilön yhteystiedot",
        "sv": "En persons kontaktuppgifter",
        "en": "A person's contact details",
    },
    "reading_programme": {
        "fi": "LAPE-ohjelma ja perhekeskukset",
        "sv": "LAPE-programmet och familjecentren",
        "en": "The LAPE programme and family centres",
    },
    "apology": {
        "fi": "Pahoittelut, en juuri nyt pysty hakemaan vastausta. Yritä hetken päästä "
        "uudelleen. Jos asia on kiireellinen, ota yhteyttä oman kuntasi palveluihin; "
        "hätätilanteessa soita 112.",
        "sv": "Förlåt, jag kan inte hämta ett svar just nu. Försök igen om en stund. Om det "
        "är brådskande, kontakta din kommuns tjänster; i en nödsituation ring 112.",
        "en": "Sorry, I cannot fetch an answer right now. Please try again in a moment. If it "
        "is urgent, contact your municipality's services; in an emergency call 112.",
    },
}

#: Every phrase by key: the frames of the answers, and those of the contact card and the
#: feedback (:mod:`bot.answers.phrases_contact`). The two tables share no key (a test checks it).
PHRASES: Final[dict[str, dict[Language, str]]] = {**ANSWER_PHRASES, **CONTACT_PHRASES}


def say(key: str, language: Language, **values: object) -> str:
    """A phrase in the language with its placeholders filled in.

    Raises:
        KeyError: For an unknown phrase or a missing placeholder value.
    """
    return PHRASES[key][language].format(**values)
