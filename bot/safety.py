"""Crisis detection: immediate danger, violence, suicide or a medical emergency → 112 first.

:func:`detect_crisis` runs on every message before anything else. It works on everyday
Finnish as parents type it: the text is lower-cased and folded (ä→a, ö→o, å→a, punctuation →
space) and split into sentences, so "mies lyö minua", "mies lyo mua" and "Missä on HyPe? mies
lyö minua" all match. Rules are word-stem patterns, many of them "a verb near a person"
(within a few words, either order), so inflected and colloquial forms match while figures of
speech do not ("kuolettavan tylsää", "tapan aikaa", "isä hakkaa puita").

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
from dataclasses import dataclass
from typing import Literal

CrisisCategory = Literal["danger", "violence", "suicide", "medical"]
Helpline = Literal["myrkytystietokeskus", "kriisipuhelin", "nollalinja"]

EMERGENCY_LINE = "Jos on välitön hätä, soita heti hätänumeroon 112."
_CATEGORY_LINES: dict[CrisisCategory, str] = {
    "medical": "Hätäkeskus neuvoo puhelimessa, mitä tehdä ennen kuin apu tulee.",
    "danger": "Hätäkeskus neuvoo puhelimessa, mitä tehdä ennen kuin apu tulee.",
    "violence": "Väkivalta ei ole koskaan oikein, ja apua on saatavilla.",
    "suicide": "Et ole yksin. Sinua halutaan auttaa.",
}
_HELPLINE_LINES: dict[Helpline, str] = {
    "myrkytystietokeskus": "Myrkytystietokeskus neuvoo ympäri vuorokauden: 0800 147 111.",
    "kriisipuhelin": "MIELI ry:n Kriisipuhelin päivystää ympäri vuorokauden: 09 2525 0111.",
    "nollalinja": (
        "Nollalinja auttaa lähisuhdeväkivallassa ympäri vuorokauden maksutta: 080 005 005."
    ),
}
_DEFAULT_HELPLINE: dict[CrisisCategory, Helpline] = {
    "violence": "nollalinja",
    "suicide": "kriisipuhelin",
}


@dataclass(frozen=True)
class CrisisMatch:
    """A crisis found in a message.

    Attributes:
        category: Kind of crisis.
        phrase: The words of the message that matched, as the user wrote them.
        reason: Why it matched (English, for logs and tests).
        helpline: The national helpline that fits, if any.
    """

    category: CrisisCategory
    phrase: str
    reason: str
    helpline: Helpline | None


@dataclass(frozen=True)
class _Rule:
    category: CrisisCategory
    reason: str
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None
    requires: re.Pattern[str] | None
    helpline: Helpline | None


def _words(stems: str) -> str:
    """Regex for one whole word matching any of the space-separated word regexes."""
    return r"\b(?:" + "|".join(stems.split()) + r")\b"


def _near(first: str, second: str, gap: int = 3) -> str:
    """Regex for two words at most ``gap`` words apart, in either order."""
    return f"(?:{_then(first, second, gap)}|{_then(second, first, gap)})"


def _then(first: str, second: str, gap: int = 3) -> str:
    """Regex for a word followed by another at most ``gap`` words later."""
    return rf"(?:{first})(?:\s+\w+){{0,{gap}}}\s+(?:{second})"


def _rule(
    category: CrisisCategory,
    reason: str,
    *patterns: str,
    unless: str | None = None,
    requires: str | None = None,
    helpline: Helpline | None = None,
) -> _Rule:
    return _Rule(
        category=category,
        reason=reason,
        pattern=re.compile("|".join(f"(?:{pattern})" for pattern in patterns)),
        unless=re.compile(unless) if unless else None,
        requires=re.compile(requires) if requires else None,
        helpline=helpline or _DEFAULT_HELPLINE.get(category),
    )


# Word regexes over folded text (ä→a, ö→o). "unless" patterns are searched anywhere in the
# sentence; they mark informational use, children's behaviour or a figure of speech.
_INFO_CONTEXT = (
    r"ehkais|koulutu|kurssi|luento|seminaari|webinaari|tutkimu|tilasto|opinnayt|hanke|hankk"
    r"|harjoitu|strategi|tyoryhm|peli|elokuv|sarja|uutis"
)
_CHILD_BEHAVIOUR = (
    r"paivako|muita lapsia|kavere|leiki|uhma|kiukku|raivar|suuttu|sisaruks|koulussa|vuotias"
    r"|\b\d+\s?v\b"
    r"|\b(?:lapsi|lapseni|taapero|vauva)\s+(?:\w+\s+)?(?:lyo|potki|satutt|hakk|loi|raivo|riehu)"
)
_HYPERBOLE = _words(
    r"kiire\w* tyo tyot toita toihin stressi\w* vasymys tylsyy\w* nauru\w* naura\w* ikava sanat "
    r"kommentit aika\w*"
)
_NO = _words(r"ei en eika emme")
_SUBJECT = _words(
    r"mies miehe\w* ukko\w* isa isani isi iska isapuol\w* aiti aitini aitipuol\w* puoliso\w* "
    r"avopuoliso\w* vaimo\w* avomie\w* aviomie\w* exa\w* ex poikaystav\w* tyttoystav\w* "
    r"kumppani\w* naapuri\w* han se he ne joku"
)
_OBJECT = _words(
    r"minua minuu mua minut mut meita meidat meit sinua sua sinut sut hanta hanet heita lasta "
    r"lapsia lapsen lapset lapsiani lastani lapsemme lapsiamme lastamme vauvaa vauvan vauvaani "
    r"aitia aitii aitiani isaa vaimoa vaimoani miesta miestani puolisoa puolisoani poikaa "
    r"poikaani tyttoa tyttoani tytarta tytartani siskoa veljea taaperoa perhetta"
)
_CHILD = _words(
    r"lapsi lapseni lapsemme poika poikani tytto tyttoni tytar tyttareni vauva vauvani taapero "
    r"vauvamme teini nuori"
)
_SELF = _words(
    r"itseni itsesi itsensa itsemme itseani itseaan itseasi itteni ittensa itteaan itteani ittes"
)
#: Partitive only: "satuttaa itseään" is self-harm, "satutti itsensä" an accident.
_SELF_PARTITIVE = _words(r"itseani itseaan itseasi itteaan itteani")
_HIT = _words(r"lyo\w* lyon\w* kurist\w* puukot\w*")
_HIT_OBJECT = _words(
    r"hakk(?!er)\w* hakat\w* hakan\w* haka+ loi loivat potki\w* potkais\w* ravistel\w* tuupp\w* "
    r"repi\w* satut\w* ampu\w* ampui kiduta\w* kidutt\w* vaino\w* koskettel\w*"
)
_KILL = _words(r"tapp(?!el|io)\w* tapan tapat tapamme tapoin tapetaan")
_PESTS = r"\btai(?:t|ta|den|hin)?\b|bakteer|virus|hyttys|karpa|torak|hiir|rott|lute"
_THREAT = _words(r"uhk\w* uhan\w* uhat\w*")
_THREAT_OF = _words(
    r"tapp\w* tapan tapat hengilta henkea\w* satut\w* lyo\w* ampu\w* puukot\w* aseella ase aseen "
    r"veitsella veitsen puukolla puukon kirveella"
)
_WEAPON = _words(
    r"ase aseen aseella asetta puukko\w* puukon\w* veitsi veitse\w* veista pistool\w* kivaar\w* "
    r"haulikko\w* kirve\w*"
)
_WEAPON_USE = _words(
    r"uhk\w* heilu\w* osoitt\w* hanella miehella puolisolla isalla exalla jollakulla kadessa kaivoi"
)
_MEDICINE = _words(
    r"laak\w* pilleri\w* tablet\w* unilaak\w* buranaa? panadolia? parasetamol\w* ibuprofeeni\w*"
)
_MANY = _words(
    r"kaikki paljon liikaa koko purkillisen purkin kourallisen monta useita levyllisen vahingossa"
)
_SUBSTANCE = (
    r"pesuain|tiskiain|pesukaps|pesunest|kemikaal|valkaisu|kloori|lamppuolj|sytytysnest"
    r"|jaahdytysnest|tuholais|nikotiini|nuuska|tupak|paristo|nappiparist|magneet|lipea"
    r"|ammoniak|desinfi|kasidesi|suolahappo|rikkihappo"
)
_SWALLOW = _words(
    r"niel\w* joi juonut joivat soi syonyt maistoi maistanut nuoli nuollut imesk\w* pureskel\w* "
    r"puraisi suuhun\w* suussa"
)
_TOOK = _SWALLOW + "|" + _words(r"otti ottanut sai saanut annoin antoi antanut popsi\w*")
_FIRE_PLACE = _words(
    r"talo talomme taloni talossa koti kotimme kotini asunto asuntomme asuntoni asunnossa keittio "
    r"keittiossa huone huoneessa sauna saunassa mokki mokissa kerrostalo rappu rappukaytava "
    r"parveke parvekkeella auto autossa autotalli sanky verhot liesi hella"
)
_BURNING = _words(r"palaa palamassa tulessa liekeissa savuaa")
_LIFE = _words(r"ela+ elam\w* elella")

_RULES: tuple[_Rule, ...] = (
    # --- medical ---------------------------------------------------------------------------
    _rule(
        "medical",
        "not breathing or cannot breathe",
        _then(_NO, _words(r"hengit\w*"), 2),
        _then(_NO, _words(r"saa") + r"\s+" + _words(r"henke\w* happe\w*"), 1),
        _words(r"hengitysvaike\w* tukehtu\w* tukehdu\w* salpautu\w*"),
        r"\bvaikea\s+hengittaa\b",
        _then(
            _words(r"hengitys"),
            _words(r"loppu\w* pysahty\w* katkeil\w* vinkuu rohisee"),
            2,
        ),
        _near(
            _words(r"kurkkuun kurkussa henkitorveen henkitorvessa"),
            _words(r"jai juuttu\w* jumi\w* tukki\w*"),
            2,
        ),
        _then(
            _words(r"kurkku kieli nielu"),
            _words(r"turpoaa turpoamaan turvonnut turposi"),
            1,
        ),
        _then(
            _NO,
            _words(r"reagoi")
            + r"\s+"
            + _words(r"mihinkaan mitenkaan kosketukseen puheeseen herattelyyn"),
            1,
        ),
        unless=_INFO_CONTEXT,
    ),
    _rule(
        "medical",
        "blue skin or lips",
        _near(
            _words(r"huul\w* iho kasvot naama vauva lapsi taapero"),
            _words(r"sininen siniset sinisena sinerta\w* sinisty\w* siniharmaa\w*"),
            2,
        ),
    ),
    _rule(
        "medical",
        "unconscious or limp",
        r"\btajuton\b(?!\s+(?:maara|juttu|homma|meno))",
        _words(r"tajuttomana tajuttomaksi tajuttomuu\w* tajunsa tajunnan tajuiss\w*"),
        _words(r"pyorty(?:i|y|nyt|neena|ili|mis\w*) sahkoisku\w*"),
        _near(_CHILD, _words(r"veltto velttona lerppa lerppana"), 3),
    ),
    _rule(
        "medical",
        "does not wake up",
        _then(_NO, _words(r"heraa heranny\w* hereille"), 2),
        _then(_NO, _words(r"saa") + r"\s+(?:\w+\s+)?" + _words(r"hereille heratettya"), 1),
        unless=r"aamu|ajoissa|kouluun|heratyskell|syomaan|syottamaan|yolla|yoll|paivaun",
    ),
    _rule(
        "medical",
        "head injury with warning signs",
        _then(
            _words(r"loi lyonyt iski kolautti kolautt\w*"),
            _words(r"paansa paataan paan"),
            1,
        ),
        requires=r"oksen|tajut|sekava|uninen|kourist|veltto",
    ),
    _rule(
        "medical",
        "seizure",
        _words(r"kourist\w* kuumekourist\w* epilepsiakohtau\w*"),
        r"\bepileptinen\s+kohtaus\b",
        unless=r"vatsa|maha|lihas|kuukautis|jalka|pohje|suoli",
    ),
    _rule(
        "medical",
        "poisoning",
        r"myrk",
        _words(r"yliannos\w*"),
        unless=r"ihmissuhd|parisuhd|ilmapiiri|kommentt",
        helpline="myrkytystietokeskus",
    ),
    _rule(
        "medical",
        "swallowed a harmful substance",
        _SUBSTANCE,
        requires=_SWALLOW,
        unless=_INFO_CONTEXT,
        helpline="myrkytystietokeskus",
    ),
    _rule(
        "medical",
        "swallowed medicine",
        _near(_words(r"niel\w* nielais\w*"), _MEDICINE, 3),
        _MANY + r"\s+(?:\w+\s+)?" + _MEDICINE,
        requires=_TOOK,
        helpline="myrkytystietokeskus",
    ),
    _rule(
        "medical",
        "heavy bleeding",
        _near(
            _words(r"verta veri verenvuoto\w*"),
            _words(
                r"paljon runsaasti kovasti valtavasti lopu loppu tyrehdy tyrehtynyt pysahdy lakkaa"
            ),
            3,
        ),
        _near(_words(r"oksen\w*"), _words(r"verta"), 1),
    ),
    _rule(
        "medical",
        "heart, stroke or anaphylaxis",
        _words(
            r"sydankohtau\w* sydanpysahd\w* sykkeeton elvyt\w* aivoinfarkt\w* aivohalvau\w* "
            r"anafyla\w*"
        ),
        r"\bei\s+(?:ole\s+)?syketta\b",
        r"\bsydan\s+pysahtyi\b",
        r"\ballerginen\s+sokki\b",
        unless=_INFO_CONTEXT,
    ),
    _rule(
        "medical",
        "drowning or a fall from a height",
        _near(
            _words(r"hukku\w* hukkui\w* hukkum\w*"),
            _CHILD + "|" + _words(r"joku mies veteen vedessa altaassa jarvessa uimassa melkein"),
            3,
        ),
        _then(
            _words(r"putosi pudonnut tippui tippunut hyppasi"),
            _words(r"parvekkeelta ikkunasta katolta korkealta"),
            2,
        ),
    ),
    # --- danger ----------------------------------------------------------------------------
    _rule(
        "danger",
        "fire",
        _then(_FIRE_PLACE, _BURNING, 1),
        _words(r"tulipalo\w*"),
        r"\btuli\s+on\s+irti\b",
        _near(
            _words(r"savua savu savun"),
            _words(r"keittio\w* asunno\w* huonee\w* talo\w* sisalla sisaan rappu\w*"),
            2,
        ),
        unless=_INFO_CONTEXT + r"|valo|lamppu|kynttil|takka|nuotio|grilli",
    ),
    _rule(
        "danger",
        "break-in or intruder",
        _words(r"murtau\w* murtovar\w* murto murtoyrity\w* tunkeu\w*"),
        _then(
            _then(
                _words(r"joku vieras\w* tuntematon"),
                _words(r"yrittaa yritti tuli tunki on pyrkii hakkaa rikkoo rikkoi"),
                2,
            ),
            _words(r"sisaan sisalle sisalla ovea ovelle ikkunaa ikkunan"),
            2,
        ),
        unless=_INFO_CONTEXT,
    ),
    _rule(
        "danger",
        "child missing",
        _near(
            _CHILD,
            _words(r"kadonnut kadonneet katosi kateissa karannut karkasi hukassa"),
            1,
        ),
        r"\ben\s+loyda\s+(?:\w+\s+)?(?:lastani|lapsiani|poikaani|tyttoani|vauvaani)\b",
        unless=r"loyty|loysin|loydettiin|loysimme",
    ),
    _rule(
        "danger",
        "afraid to be at home",
        _then(_words(r"pelot\w* pelkaan"), r"(?:olla\s+|menna\s+)?\b(?:kotona|kotiin)\b", 1),
        unless=r"\byksin\b|pimea|\b(?:lasta|lapsia|poikaa|tyttoa|vauvaa)\s+pelot",
    ),
    _rule(
        "danger",
        "not safe or calls for help",
        r"\b(?:en|emme|ei)\s+(?:ole|oo)\s+(?:\w+\s+)?turvassa\b",
        r"\b(?:en|emme)\s+uskalla\s+(?:\w+\s+)?kotiin\b",
        r"\bei\s+(?:ole|oo)\s+turvallista\s+(?:olla\s+)?kotona\b",
        _then(
            _then(
                _words(r"joku vieras\w* tuntematon"),
                _words(r"seuraa seurasi seurannut vaanii vaani kyttaa"),
                1,
            ),
            _OBJECT,
            1,
        ),
        _words(r"hatatila\w* hatanumer\w* hatakeskus\w* 112"),
        r"\bpelastakaa\b(?!\s+lapset)",
    ),
    # --- violence --------------------------------------------------------------------------
    _rule(
        "violence",
        "someone hits, chokes or stabs",
        _near(_HIT, _SUBJECT + "|" + _OBJECT, 3),
        unless=_CHILD_BEHAVIOUR
        + "|"
        + _words(r"vetoa lapi rahoiksi lukkoon naula\w* paansa paata paataan paahan paahansa paan"),
    ),
    _rule(
        "violence",
        "someone beats, kicks, shakes or hurts a person",
        _near(_HIT_OBJECT, _OBJECT, 3),
        unless=_CHILD_BEHAVIOUR + "|" + _HYPERBOLE,
    ),
    _rule(
        "violence",
        "threat to kill or hurt",
        _near(_THREAT, _THREAT_OF, 4),
        _near(_words(r"uhkail\w* uhkas\w* uhannut"), _OBJECT, 2),
        _then(_SUBJECT, _then(_words(r"uhkaa"), _OBJECT, 1), 1),
        _near(_WEAPON, _WEAPON_USE, 3),
    ),
    _rule(
        "violence",
        "someone will kill a person",
        _near(_KILL, _OBJECT, 3),
        _then(
            _words(r"aikoo aikovat yrittaa yritti haluaa lupasi sanoo sanoi"),
            _words(r"tappaa"),
            1,
        ),
        unless=_HYPERBOLE + "|" + _PESTS,
    ),
    _rule(
        "violence",
        "violence or abuse",
        r"vakival(?!lato)",
        _words(r"pahoinpit\w* pahoinpidel\w* raiska\w* hyvaksikay\w*"),
        _then(_then(_words(r"kayt\w*"), _OBJECT, 1), _words(r"hyvaksi"), 0),
        _near(
            _words(r"sai\w* saan saa antaa antoi annan tulee"),
            _words(r"turpaan turpiin selkaan nyrkista"),
            2,
        ),
        _near(
            _words(r"pakot\w* pakott\w*"),
            _words(r"seksi\w* sukupuoliyhtey\w* yhdyntaan"),
            2,
        ),
        unless=_INFO_CONTEXT,
    ),
    _rule(
        "violence",
        "someone rages and the writer is afraid",
        _near(
            _words(r"raivo\w* riehu\w* rikko\w* rikkoi heittel\w*"),
            _words(r"pelk\w* pelot\w*"),
            4,
        ),
        unless=_CHILD_BEHAVIOUR,
    ),
    _rule(
        "violence",
        "afraid of a partner or family member",
        _near(
            _words(r"pelk\w* pelot\w*"),
            _words(
                r"miest\w* miehe\w* puolis\w* exaa?\w* entista isapuol\w* avomie\w* aviomie\w* "
                r"poikaystav\w* kumppani\w*"
            ),
            2,
        ),
    ),
    # --- suicide and self-harm -------------------------------------------------------------
    _rule(
        "suicide",
        "suicide or self-harm",
        r"\bit+s?[et]*\s?mu?rh",
        _words(r"itsari\w* itsetuho\w* viiltel\w* viillel\w*"),
        _near(_KILL + "|" + _words(r"viilt\w* viilsi hirt\w*"), _SELF, 2),
        _near(_words(r"satut\w* vahingoit\w*"), _SELF_PARTITIVE, 2),
    ),
    _rule(
        "suicide",
        "wish to die",
        _near(
            _words(r"halu\w* toivo\w* tahdo\w* tahto\w* tekis\w* mieluummin parempi"),
            _words(r"kuol+(?:la|a|isin|en)"),
            3,
        ),
        r"\btoivo\w*\s+(?:\w+\s+)?kuolema\w*",
        r"\bparempi\s+(?:olisi\s+)?(?:jos\s+)?(?:olisin\s+)?kuoll\w*",
        _then(_then(_NO, _words(r"jaksa\w* halua\w* haluu tahdo huvita"), 0), _LIFE, 2),
        _then(
            _words(r"ei mita mitaan"),
            _then(_words(r"jarke\w* syyta pointtia"), _LIFE, 1),
            2,
        ),
        r"\belama\w*\s+ei\s+(?:ole|oo)\s+(?:\w+\s+)?(?:elamisen\s+)?arvois\w*",
        r"\bparempi\s+(?:\w+\s+){0,2}ilman\s+(?:minua|mua)\b",
        r"\b(?:enka|en)\s+(?:\w+\s+)?hera(?:ta|isi)\s+(?:enaa|koskaan|ikina)\b",
        r"\bhalu\w*\s+(?:\w+\s+)?pois\s+(?:\w+\s+)?(?:maailmasta|elamasta)\b",
        r"\b(?:en|ei)\s+(?:olisi|olis|ois)\s+(?:enaa\s+)?olemassa\b",
        _then(
            _words(r"hyp\w* heittay\w*"),
            r"\b(?:sillalta|katolta|junan\s+(?:alle|eteen)|auton\s+alle)\b",
            2,
        ),
        _words(r"lopettaa\s+elamani lopetan\s+elamani lopettaa\s+kaiken"),
        unless=r"nauru|naura|tylsy|hape",
    ),
)


def _fold(text: str) -> str:
    """Lower-case, fold ä/ö/å and blank out punctuation, keeping every character's position."""
    chars = []
    for char in text:
        lower = char.lower()
        if len(lower) != 1:
            lower = char
        lower = {"ä": "a", "ö": "o", "å": "a"}.get(lower, lower)
        chars.append(lower if lower.isalnum() else " ")
    return "".join(chars)


def _sentences(text: str) -> list[tuple[int, str]]:
    """Split text into sentences, with their start offsets."""
    return [(m.start(), m.group()) for m in re.finditer(r"[^.!?;\n]+", text)]


def _whole_words(folded: str, begin: int, end: int) -> tuple[int, int]:
    """Widen a match to whole words and drop surrounding spaces."""
    while begin > 0 and folded[begin - 1] != " ":
        begin -= 1
    while end < len(folded) and folded[end] != " ":
        end += 1
    while folded[begin] == " ":
        begin += 1
    while folded[end - 1] == " ":
        end -= 1
    return begin, end


def detect_crisis(text: str) -> CrisisMatch | None:
    """Find an emergency in a message.

    Args:
        text: The message as the user typed it.

    Returns:
        The crisis of the highest-priority category found (medical, danger, violence,
        suicide), or ``None`` when the message is not about an emergency.
    """
    sentences = [(start, _fold(sentence)) for start, sentence in _sentences(text)]
    for rule in _RULES:
        for start, folded in sentences:
            found = rule.pattern.search(folded)
            if not found:
                continue
            if rule.unless and rule.unless.search(folded):
                continue
            if rule.requires and not rule.requires.search(folded):
                continue
            begin, end = _whole_words(folded, found.start(), found.end())
            return CrisisMatch(
                category=rule.category,
                phrase=text[start + begin : start + end],
                reason=rule.reason,
                helpline=rule.helpline,
            )
    return None


def crisis_reply(match: CrisisMatch, local_contacts_text: str | None = None) -> str:
    """Write the reply to a crisis message: 112 first, then what fits, then local contacts.

    Args:
        match: What :func:`detect_crisis` found.
        local_contacts_text: The parent's local contacts, already written, if known.

    Returns:
        Finnish text, one item per line.
    """
    lines = [EMERGENCY_LINE, _CATEGORY_LINES[match.category]]
    if match.helpline:
        lines.append(_HELPLINE_LINES[match.helpline])
    if local_contacts_text and local_contacts_text.strip():
        lines.append(local_contacts_text.strip())
    return "\n".join(lines)
