"""Finnish crisis rules for violence, suicide and self-harm (the decisions: rules_fi).

The medical and danger rules and the rule set of the language are in :mod:`bot.safety.rules_fi`;
the words both use (informational context, negation, the one harmed) are defined here.
"""

from __future__ import annotations

from bot.safety.engine import Rule, near, rule, then, words

# Word regexes over folded text (ä→a, ö→o). "unless" patterns are searched anywhere in the
# sentence; they mark informational use, children's behaviour or a figure of speech.
INFO_CONTEXT = (
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
NO = words(r"ei en eika emme")
_SUBJECT = words(
    r"mies miehe\w* ukko\w* isa isani isi iska isapuol\w* aiti aitini aitipuol\w* puoliso\w* "
    r"avopuoliso\w* vaimo\w* avomie\w* aviomie\w* exa\w* ex poikaystav\w* tyttoystav\w* "
    r"kumppani\w* naapuri\w* han se he ne joku"
)
OBJECT = words(
    r"minua minuu mua minut mut meita meidat meit sinua sua sinut sut hanta hanet heita lasta "
    r"lapsia lapsen lapset lapsiani lastani lapsemme lapsiamme lastamme vauvaa vauvan vauvaani "
    r"aitia aitii aitiani isaa vaimoa vaimoani miesta miestani puolisoa puolisoani poikaa "
    r"poikaani tyttoa tyttoani tytarta tytartani siskoa veljea taaperoa perhetta "
    r"\w+siskoa \w+veljea"
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
_LIFE = words(r"ela+ elam\w* elella")

HARM_RULES: tuple[Rule, ...] = (
    # --- violence --------------------------------------------------------------------------
    rule(
        "violence",
        "someone hits, chokes or stabs",
        near(_HIT, _SUBJECT + "|" + OBJECT, 3),
        unless=_CHILD_BEHAVIOUR
        + "|"
        + words(r"vetoa lapi rahoiksi lukkoon naula\w* paansa paata paataan paahan paahansa paan"),
    ),
    rule(
        "violence",
        "someone beats, kicks, shakes or hurts a person",
        near(_HIT_OBJECT, OBJECT, 3),
        unless=_CHILD_BEHAVIOUR + "|" + _HYPERBOLE,
    ),
    rule(
        "violence",
        "threat to kill or hurt",
        near(_THREAT, _THREAT_OF, 4),
        near(words(r"uhkail\w* uhkas\w* uhannut"), OBJECT, 2),
        then(_SUBJECT, then(words(r"uhkaa"), OBJECT, 1), 1),
        near(_WEAPON, _WEAPON_USE, 3),
    ),
    rule(
        "violence",
        "someone will kill a person",
        near(_KILL, OBJECT, 3),
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
        then(then(words(r"kayt\w*"), OBJECT, 1), words(r"hyvaksi"), 0),
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
        unless=INFO_CONTEXT
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
        then(then(NO, words(r"jaksa\w* halua\w* haluu tahdo huvita"), 0), _LIFE, 2),
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
