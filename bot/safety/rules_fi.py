"""Finnish crisis rules: how parents write about danger, violence, suicide or a medical emergency.

Decisions (safety first: when in doubt, a message is a crisis):

* Informational or professional use of a crisis word is not a crisis: "väkivallan ehkäisyn
  koulutus", "tulipaloharjoitus", "elvytyskurssi", "väkivaltaiset pelit". A personal
  statement in another sentence of the same message still is.
* Suicide words always count ("itsemurhien ehkäisy" gets the crisis line too).
* Negated violence still counts ("mies ei enää lyö minua" is worth the numbers).
* Children's behaviour is not violence: "lapsi lyö muita lapsia päiväkodissa", "lapsi potkii
  minua uhmassa" (a small child as the one hitting; a teenager still counts).
* An accident is not self-harm: "satutti itsensä" is not, "satuttaa itseään" is.
* Exhaustion alone is not suicide: "en jaksa enää" needs "elää"/"elämää" to count.
* Alcohol alone is not poisoning; a child swallowing a substance, a battery, a magnet or a
  handful of medicine is. A limp or unresponsive baby is a medical emergency.
* When one message matches several categories, the first of medical, danger, violence,
  suicide wins (the reply starts with 112 in every case).
"""

from __future__ import annotations

import re

from bot.safety.engine import Rule, RuleSet, near, rule, then, words
from bot.safety.rules_fi_harm import HARM_RULES, INFO_CONTEXT, NO, OBJECT

# Word regexes over folded text (ä→a, ö→o), for the medical and danger rules; the words
# shared with the violence and suicide rules are in rules_fi_harm.
_CHILD = words(
    r"lapsi lapseni lapsemme poika poikani tytto tyttoni tytar tyttareni vauva vauvani taapero "
    r"vauvamme teini nuori vuotias\w*"
)
_MEDICINE = words(
    r"laak\w* pilleri\w* tablet\w* unilaak\w* buranaa? panadolia? parasetamol\w* ibuprofeeni\w*"
)
_MANY = words(
    r"kaikki\w* paljon liikaa koko purkillisen purkin kourallisen monta useita levyllisen "
    r"vahingossa"
)
_SUBSTANCE = (
    r"pesuain|tiskiain|pesukaps|pesunest|astianpesu|pyykinpesu|kemikaal|valkaisu|kloori|lamppuolj|sytytysnest"
    r"|jaahdytysnest|tuholais|nikotiini|nuuska|tupak|paristo|nappiparist|magneet|lipea"
    r"|ammoniak|desinfi|kasidesi|suolahappo|rikkihappo"
)
_SWALLOW = words(
    r"niel\w* joi juonut joivat soi syonyt maistoi maistanut nuoli nuollut imesk\w* pureskel\w* "
    r"puraisi suuhun\w* suussa"
)
_TOOK = (
    _SWALLOW
    + "|"
    + words(r"otti ottanut ottanu ottai\w* ottaa otan sai saanut annoin antoi antanut popsi\w*")
)
_FIRE_PLACE = words(
    r"talo talomme taloni talossa koti kotimme kotini asunto asuntomme asuntoni asunnossa keittio "
    r"keittiossa huone huoneessa sauna saunassa mokki mokissa kerrostalo rappu rappukaytava "
    r"parveke parvekkeella auto autossa autotalli sanky verhot liesi hella"
)
_BURNING = words(r"palaa palamassa tulessa liekeissa savuaa")

_RULES: tuple[Rule, ...] = (
    # --- medical ---------------------------------------------------------------------------
    rule(
        "medical",
        "not breathing or cannot breathe",
        then(NO, words(r"hengit\w*"), 2),
        then(NO, words(r"saa") + r"\s+(?:\w+\s+)?" + words(r"henke\w* happe\w* ilmaa"), 1),
        then(words(r"veti vetanyt vetany"), words(r"henkeen henkitorveen"), 2),
        words(r"hengitysvaike\w* tukehtu\w* tukehdu\w* salpautu\w*"),
        r"\bvaikea\s+hengittaa\b",
        then(
            words(r"hengitys"),
            words(r"loppu\w* pysahty\w* katkeil\w* vinkuu rohisee"),
            2,
        ),
        near(
            words(r"kurkkuun kurkussa henkitorveen henkitorvessa"),
            words(r"jai juuttu\w* jumi\w* tukki\w*"),
            2,
        ),
        then(
            words(r"kurkku kieli nielu"),
            words(r"turpoaa turpoamaan turvonnut turposi"),
            1,
        ),
        then(
            NO,
            words(r"reagoi")
            + r"\s+"
            + words(r"mihinkaan mitenkaan kosketukseen puheeseen herattelyyn"),
            1,
        ),
        unless=INFO_CONTEXT,
    ),
    rule(
        "medical",
        "blue skin or lips",
        near(
            words(r"huul\w* iho kasvot naama vauva lapsi taapero"),
            words(r"sininen siniset sinisena sinerta\w* sinisty\w* siniharmaa\w*"),
            2,
        ),
    ),
    rule(
        "medical",
        "unconscious or limp",
        r"\btajuton\b(?!\s+(?:maara|juttu|homma|meno))",
        words(r"tajuttomana tajuttomaksi tajuttomuu\w* tajunsa tajunnan tajuiss\w*"),
        words(r"pyorty(?:i|y|nyt|neena|ili|mis\w*) sahkoisku\w*"),
        near(_CHILD, words(r"veltto velttona lerppa lerppana"), 3),
    ),
    rule(
        "medical",
        "does not wake up",
        then(NO, words(r"heraa heranny\w* hereille"), 2),
        then(NO, words(r"saa") + r"\s+(?:\w+\s+)?" + words(r"hereille heratettya"), 1),
        unless=r"aamu|ajoissa|kouluun|heratyskell|syomaan|syottamaan|yolla|yoll|paivaun",
    ),
    rule(
        "medical",
        "head injury with warning signs",
        then(
            words(r"loi lyonyt iski kolautti kolautt\w*"),
            words(r"paansa paataan paan"),
            1,
        ),
        requires=r"oksen|tajut|sekava|uninen|kourist|veltto",
    ),
    rule(
        "medical",
        "seizure",
        words(r"kourist\w* kuumekourist\w* epilepsiakohtau\w*"),
        r"\bepileptinen\s+kohtaus\b",
        unless=r"vatsa|maha|lihas|kuukautis|jalka|pohje|suoli",
    ),
    rule(
        "medical",
        "poisoning",
        r"myrk",
        words(r"yliannos\w*"),
        unless=r"ihmissuhd|parisuhd|ilmapiiri|kommentt|jaakaap|seinalle|muistiin|tallen",
        helpline="poison",
    ),
    rule(
        "medical",
        "swallowed a harmful substance",
        _SUBSTANCE,
        requires=_SWALLOW,
        unless=INFO_CONTEXT,
        helpline="poison",
    ),
    rule(
        "medical",
        "swallowed medicine",
        near(words(r"niel\w* nielais\w*"), _MEDICINE, 3),
        near(_MANY, _MEDICINE, 8),
        requires=_TOOK,
        helpline="poison",
    ),
    rule(
        "medical",
        "heavy bleeding",
        near(
            words(r"verta veri verenvuoto\w*"),
            words(
                r"paljon runsaasti kovasti valtavasti lopu loppu tyrehdy tyrehtynyt pysahdy lakkaa"
            ),
            3,
        ),
        near(words(r"oksen\w*"), words(r"verta"), 1),
    ),
    rule(
        "medical",
        "heart, stroke or anaphylaxis",
        words(
            r"sydankohtau\w* sydanpysahd\w* sykkeeton elvyt\w* aivoinfarkt\w* aivohalvau\w* "
            r"anafyla\w*"
        ),
        r"\bei\s+(?:ole\s+)?syketta\b",
        r"\bsydan\s+pysahtyi\b",
        r"\ballerginen\s+sokki\b",
        unless=INFO_CONTEXT,
    ),
    rule(
        "medical",
        "drowning or a fall from a height",
        near(
            words(r"hukku\w* hukkui\w* hukkum\w*"),
            _CHILD + "|" + words(r"joku mies veteen vedessa altaassa jarvessa uimassa melkein"),
            3,
        ),
        then(
            words(r"putosi pudonnut tippui tippunut hyppasi"),
            words(r"parvekkeelta ikkunasta katolta korkealta"),
            2,
        ),
    ),
    # --- danger ----------------------------------------------------------------------------
    rule(
        "danger",
        "fire",
        then(_FIRE_PLACE, _BURNING, 1),
        words(r"tulipalo\w*"),
        r"\btuli\s+on\s+irti\b",
        near(
            words(r"savua savu savun"),
            words(r"keittio\w* asunno\w* huonee\w* talo\w* sisalla sisaan rappu\w*"),
            2,
        ),
        unless=INFO_CONTEXT + r"|valo|lamppu|kynttil|takka|nuotio|grilli",
    ),
    rule(
        "danger",
        "break-in or intruder",
        words(r"murtau\w* murtovar\w* murto murtoyrity\w* tunkeu\w*"),
        then(
            then(
                words(r"joku vieras\w* tuntematon"),
                words(r"yrittaa yritti tuli tunki on pyrkii hakkaa rikkoo rikkoi"),
                2,
            ),
            words(r"sisaan sisalle sisalla ovea ovelle ikkunaa ikkunan"),
            2,
        ),
        unless=INFO_CONTEXT,
    ),
    rule(
        "danger",
        "child missing",
        near(
            _CHILD,
            words(r"kadonnut kadonneet katosi kateissa karannut karkasi hukassa"),
            1,
        ),
        r"\ben\s+loyda\s+(?:\w+\s+)?(?:lastani|lapsiani|poikaani|tyttoani|vauvaani)\b",
        near(_CHILD, r"\b(?:ei|eika)\s+loydy\b", 6),
        unless=r"loyty|loysin|loydettiin|loysimme",
    ),
    rule(
        "danger",
        "afraid to be at home",
        then(words(r"pelot\w* pelkaan"), r"(?:olla\s+|menna\s+)?\b(?:kotona|kotiin)\b", 1),
        unless=r"\byksin\b|pimea|\b(?:lasta|lapsia|poikaa|tyttoa|vauvaa)\s+pelot",
    ),
    rule(
        "danger",
        "not safe or calls for help",
        r"\b(?:en|emme|ei)\s+(?:ole|oo)\s+(?:\w+\s+)?turvassa\b",
        r"\b(?:en|emme)\s+uskalla\s+(?:\w+\s+)?kotiin\b",
        r"\bei\s+(?:ole|oo)\s+turvallista\s+(?:olla\s+)?kotona\b",
        then(
            then(
                words(r"joku vieras\w* tuntematon"),
                words(r"seuraa seurasi seurannut vaanii vaani kyttaa"),
                1,
            ),
            OBJECT,
            1,
        ),
        words(r"hatatila\w* hatanumer\w* hatakeskus\w* 112"),
        r"\bpelastakaa\b(?!\s+lapset)",
        then(words(r"joku vieras\w* tuntematon"), words(r"seuraa seurasi seurannut"), 2),
        then(
            words(r"joku"),
            then(words(r"on yrittaa yritti tuli tunki pyrkii paasi"), words(r"sisalla sisaan"), 2),
            1,
        ),
        near(words(r"rikko\w* rikkoi"), words(r"ikkuna\w* ove\w* ovi"), 3),
        unless=r"tarkoitta|opet",
    ),
)


#: A child or young person is in the message (the reply adds the child and youth line).
_YOUNG = words(
    r"lapsi\w* lapse\w* lasta poika\w* poja\w* tytto\w* tytar\w* tytta\w* vauva\w* taapero\w* "
    r"teini\w* nuori nuore\w* nuorta koululai\w* \d+v \d+\s?vuotia\w*"
)

#: The parent asks whom to talk to or where to get help.
_HELP_QUESTION = (
    r"\b(?:kenelle|kehen|kenen\s+kanssa|keneen|kuka\s+(?:voi\s+)?auttaa|mista\s+(?:\w+\s+)?apua"
    r"|minne\s+(?:voin\s+)?(?:soittaa|menna|ottaa)|voinko\s+puhua|puhua\s+jonkun)"
)

RULES = RuleSet("fi", (*_RULES, *HARM_RULES), re.compile(_YOUNG), re.compile(_HELP_QUESTION))
