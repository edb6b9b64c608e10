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

# Word regexes over folded text (ä→a, ö→o). "unless" patterns are searched anywhere in the
# sentence; they mark informational use, children's behaviour or a figure of speech.
_INFO_CONTEXT = (
    r"ehkais|koulutu|kurssi|luento|seminaari|webinaari|tutkimu|tilasto|opinnayt|hanke|hankk"
    r"|harjoitu|strategi|tyoryhm|peli|elokuv|sarja|uutis|kasitel|aihee|materiaal|lukio"
)
_CHILD_BEHAVIOUR = (
    r"paivako|muita lapsia|kavere|leiki|uhma|sisaruks|koulussa|taapero"
    r"|\b(?:lapsi|lapseni|taapero|vauva)\s+(?:\w+\s+)?(?:lyo|potki|satutt|hakk|loi|raivo|riehu)"
)
_HYPERBOLE = (
    words(
        r"kiire\w* tyo tyot toita toihin stressi\w* vasymys tylsyy\w* nauru\w* naura\w* ikava "
        r"sanat kommentit aika\w* helle kuumuus pakkanen"
    )
    + r"|\b(?:tama|taa|nama)\s+saa\b"
)
_NO = words(r"ei en eika emme")
_SUBJECT = words(
    r"mies miehe\w* ukko\w* isa isani isi iska isapuol\w* aiti aitini aitipuol\w* puoliso\w* "
    r"avopuoliso\w* vaimo\w* avomie\w* aviomie\w* exa\w* ex poikaystav\w* tyttoystav\w* "
    r"kumppani\w* naapuri\w* han se he ne joku"
)
_OBJECT = words(
    r"minua minuu mua minut mut meita meidat meit sinua sua sinut sut hanta hanet heita lasta "
    r"lapsia lapsen lapset lapsiani lastani lapsemme lapsiamme lastamme vauvaa vauvan vauvaani "
    r"aitia aitii aitiani isaa vaimoa vaimoani miesta miestani puolisoa puolisoani poikaa "
    r"poikaani tyttoa tyttoani tytarta tytartani siskoa veljea taaperoa perhetta "
    r"\w+siskoa \w+veljea"
)
_CHILD = words(
    r"lapsi lapseni lapsemme poika poikani tytto tyttoni tytar tyttareni vauva vauvani taapero "
    r"vauvamme teini nuori vuotias\w*"
)
_SELF = words(
    r"itseni itsesi itsensa itsemme itseani itseaan itseasi itteni ittensa itteaan itteani ittes"
)
#: Partitive only: "satuttaa itseään" is self-harm, "satutti itsensä" an accident.
_SELF_PARTITIVE = words(r"itseani itseaan itseasi itteaan itteani")
_HIT = words(r"lyo\w* lyon\w* kurist\w* puukot\w*")
_HIT_OBJECT = words(
    r"hakk(?!er)\w* hakat\w* hakan\w* haka+ loi loivat potki\w* potkais\w* ravistel\w* tuupp\w* "
    r"repi\w* satut\w* ampu\w* ampui kiduta\w* kidutt\w* vaino\w* koskettel\w*"
)
_KILL = words(r"tapp(?!el|io)\w* tapan tapat tapamme tapoin tapetaan")
_PESTS = r"\btai(?:t|ta|den|hin)?\b|bakteer|virus|hyttys|karpa|torak|hiir|rott|lute"
_THREAT = words(r"uhk\w* uhan\w* uhat\w*")
_THREAT_OF = words(
    r"tapp\w* tapan tapat hengilta henkea\w* satut\w* lyo\w* ampu\w* puukot\w* aseella ase aseen "
    r"veitsella veitsen puukolla puukon kirveella sytyt\w* polt\w*"
)
_WEAPON = words(
    r"ase aseen aseella asetta puukko\w* puukon\w* veitsi veitse\w* veista pistool\w* kivaar\w* "
    r"haulik\w* kirve\w*"
)
_WEAPON_USE = words(
    r"uhk\w* heilu\w* osoitt\w* hanella miehella puolisolla isalla exalla jollakulla kadessa "
    r"kaivoi esiin otta\w* otti"
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
_LIFE = words(r"ela+ elam\w* elella")

_RULES: tuple[Rule, ...] = (
    # --- medical ---------------------------------------------------------------------------
    rule(
        "medical",
        "not breathing or cannot breathe",
        then(_NO, words(r"hengit\w*"), 2),
        then(_NO, words(r"saa") + r"\s+(?:\w+\s+)?" + words(r"henke\w* happe\w* ilmaa"), 1),
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
            _NO,
            words(r"reagoi")
            + r"\s+"
            + words(r"mihinkaan mitenkaan kosketukseen puheeseen herattelyyn"),
            1,
        ),
        unless=_INFO_CONTEXT,
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
        then(_NO, words(r"heraa heranny\w* hereille"), 2),
        then(_NO, words(r"saa") + r"\s+(?:\w+\s+)?" + words(r"hereille heratettya"), 1),
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
        unless=_INFO_CONTEXT,
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
        unless=_INFO_CONTEXT,
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
        unless=_INFO_CONTEXT + r"|valo|lamppu|kynttil|takka|nuotio|grilli",
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
        unless=_INFO_CONTEXT,
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
            _OBJECT,
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
    # --- violence --------------------------------------------------------------------------
    rule(
        "violence",
        "someone hits, chokes or stabs",
        near(_HIT, _SUBJECT + "|" + _OBJECT, 3),
        unless=_CHILD_BEHAVIOUR
        + "|"
        + words(r"vetoa lapi rahoiksi lukkoon naula\w* paansa paata paataan paahan paahansa paan"),
    ),
    rule(
        "violence",
        "someone beats, kicks, shakes or hurts a person",
        near(_HIT_OBJECT, _OBJECT, 3),
        unless=_CHILD_BEHAVIOUR + "|" + _HYPERBOLE,
    ),
    rule(
        "violence",
        "threat to kill or hurt",
        near(_THREAT, _THREAT_OF, 4),
        near(words(r"uhkail\w* uhkas\w* uhannut"), _OBJECT, 2),
        then(_SUBJECT, then(words(r"uhkaa"), _OBJECT, 1), 1),
        near(_WEAPON, _WEAPON_USE, 3),
    ),
    rule(
        "violence",
        "someone will kill a person",
        near(_KILL, _OBJECT, 3),
        then(
            words(r"aikoo aikovat yrittaa yritti haluaa lupasi sanoo sanoi"),
            words(r"tappaa"),
            1,
        ),
        unless=_HYPERBOLE + "|" + _PESTS,
    ),
    rule(
        "violence",
        "violence or abuse",
        r"vakival(?!lato)",
        words(r"pahoinpit\w* pahoinpidel\w* raiska\w* hyvaksikay\w*"),
        then(then(words(r"kayt\w*"), _OBJECT, 1), words(r"hyvaksi"), 0),
        near(words(r"kayt\w*"), r"\bseksuaalisesti\s+hyvaksi\b", 3),
        near(words(r"kuulen kuuluu kuului kuulin"), words(r"laimay\w* lyonte\w* iskuja"), 3),
        near(
            words(r"sai\w* saan saa antaa antoi annan tulee"),
            words(r"turpaan turpiin selkaan nyrkista"),
            2,
        ),
        near(
            words(r"pakot\w* pakott\w*"),
            words(r"seksi\w* sukupuoliyhtey\w* yhdyntaan"),
            2,
        ),
        unless=_INFO_CONTEXT
        + r"|nuorena|nuoruude|lapsuude|aikoinaan|vuosia\s+sitten|lapsena\s+koin",
    ),
    rule(
        "violence",
        "someone rages and the writer is afraid",
        near(
            words(r"raivo\w* riehu\w* rikko\w* rikkoi heittel\w*"),
            words(r"pelk\w* pelot\w*"),
            4,
        ),
        unless=_CHILD_BEHAVIOUR,
    ),
    rule(
        "violence",
        "afraid of a partner or family member",
        near(
            words(r"pelk\w* pelot\w*"),
            words(
                r"miest\w* miehe\w* puolis\w* exaa?\w* entista isapuol\w* avomie\w* aviomie\w* "
                r"poikaystav\w* kumppani\w*"
            ),
            2,
        ),
    ),
    # --- suicide and self-harm -------------------------------------------------------------
    rule(
        "suicide",
        "suicide or self-harm",
        r"\bit+s?[et]*\s?mu?rh",
        words(r"itsari\w* itsetuho\w* viiltel\w* viillel\w*"),
        near(_KILL + "|" + words(r"viilt\w* viilsi hirt\w*"), _SELF, 2),
        near(words(r"satut\w* vahingoit\w*"), _SELF_PARTITIVE, 2),
    ),
    rule(
        "suicide",
        "wish to die",
        near(
            words(r"halu\w* toivo\w* tahdo\w* tahto\w* tekis\w* mieluummin parempi"),
            words(r"kuol+(?:la|a|isin|en)"),
            3,
        ),
        r"\btoivo\w*\s+(?:\w+\s+)?kuolema\w*",
        r"\bparempi\s+(?:olisi\s+)?(?:jos\s+)?(?:olisin\s+)?kuoll\w*",
        then(then(_NO, words(r"jaksa\w* halua\w* haluu tahdo huvita"), 0), _LIFE, 2),
        then(
            words(r"ei mita mitaan"),
            then(words(r"jarke\w* syyta pointtia"), _LIFE, 1),
            2,
        ),
        r"\belama\w*\s+ei\s+(?:ole|oo)\s+(?:\w+\s+)?(?:elamisen\s+)?arvois\w*",
        r"\b(?:parempi|paremmin)\s+(?:\w+\s+){0,2}ilman\s+(?:minua|mua)\b",
        r"\b(?:en|ei|ettei|etten)\s+(?:\w+\s+)?(?:ole|oo)\s+(?:\w+\s+)?taalla\s+enaa\b",
        r"\b(?:ei|mitaan|mitaa)\s+(?:\w+\s+)?syyta\s+(?:jatkaa|elaa)\b",
        r"\b(?:en|enka)\s+keksi\s+(?:\w+\s+)?syyta\s+(?:miks|miksi)\s+en\b",
        r"\bei\s+(?:ole|oo)\s+(?:mitaan|mitaa)\s+jarkea\s+(?:missaan|mitaan|enaa)\b",
        r"\bhalu\w*\s+(?:vaan\s+|vain\s+)?(?:et|etta)\s+(?:tama|taa|kaikki)\s+loppuu\b",
        r"\bhyvastit\s+(?:\w+\s+)?kaikille\b|\bjaahyvais\w*|\bhyvastikirje\w*",
        r"\btaakka\w*\s+(?:kaikille|muille|teille)\b|\b(?:en\s+halua|ei\s+tarvitse)\s+olla\s+"
        r"(?:enaa\s+)?(?:kenenkaan\s+)?taakka",
        r"\banta\w*\s+(?:tavaroi\w*|tavaransa|tavarani)\s+(?:pois|kavere\w*|ystavi\w*)"
        r"|\banta\w*\s+pois\s+(?:kaikki\s+)?(?:tavaroi\w*|tavaransa|tavarani)",
        r"\b(?:enka|en)\s+(?:\w+\s+)?hera(?:ta|isi)\s+(?:enaa|koskaan|ikina)\b",
        r"\bhalu\w*\s+(?:\w+\s+)?pois\s+(?:\w+\s+)?(?:maailmasta|elamasta)\b",
        r"\b(?:en|ei)\s+(?:olisi|olis|ois)\s+(?:enaa\s+)?olemassa\b",
        then(
            words(r"hyp\w* heittay\w*"),
            r"\b(?:sillalta|katolta|junan\s+(?:alle|eteen)|auton\s+alle)\b",
            2,
        ),
        words(r"lopettaa\s+elamani lopetan\s+elamani lopettaa\s+kaiken"),
        unless=r"nauru|naura|tylsy|hape",
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

RULES = RuleSet("fi", _RULES, re.compile(_YOUNG), re.compile(_HELP_QUESTION))
