"""Swedish crisis rules: danger, violence, suicide or a medical emergency as parents write it.

The text is folded like the Finnish text (å→a, ä→a, ö→o), so "slår" and "slar" match
alike. The same decisions as the Finnish rules: informational use ("kurs om våld i nära
relationer") is not a crisis; a toddler's tantrum is not violence; exhaustion alone is not
suicide ("jag orkar inte mer med regnet") but not wanting to live is ("orkar inte leva",
"ingen mening med något"); figures of speech are not ("jag dör av skratt", "vädret tar
livet av mig").
"""

from __future__ import annotations

import re

from bot.safety.engine import Rule, RuleSet, near, rule, then, words

_INFO_CONTEXT = (
    r"forebygg|kurs|utbildning|forelasning|seminari|webbinari|forskning|statistik|projekt"
    r"|skolarbete|uppsats|kampanj|ovning|spel\b|spelet|film|serie|nyhet|forsta\s+hjalp"
)
_CHILD_BEHAVIOUR = (
    r"dagis|forskola|trots|leker|lekte|syskon|andra\s+barn|\b\d+\s?(?:ar|aring)\b|aringen"
    r"|nar\s+(?:han|hon)\s+(?:ar|blir)\s+arg"
)
_HYPERBOLE = words(r"skratt\w* vadret vader jobbet trafiken laxan laxor")
_NOT = words(r"inte ej slutat slutade")
_SUBJECT = words(
    r"han hon de man\w* maken sambo\w* pojkvan\w* flickvan\w* partner\w* fru\w* ex exet "
    r"pappa\w* styvpappa\w* mamma\w* styvmamma\w* nagon ngn grannen \w*bror\w* \w*syster\w*"
)
_OBJECT = words(
    r"mig oss honom henne dem barnen barnet barn mamma pappa sonen dottern bebisen min mitt "
    r"mina frun maken \w*syster\w* \w*bror\w*"
)
_CHILD = words(
    r"barn\w* son sonen dotter dottern bebis\w* baby\w* tonaring\w* pojke\w* flicka\w* "
    r"tjej\w* kille\w* spadbarn\w* \w*aring\w* lillan"
)
_HIT = words(
    r"slar slog slagit sla slas sparka\w* misshandl\w* stryp\w* strypt\w* knuff\w* "
    r"skada\w* skadat nyp\w* kvav\w* hugg\w* hotar hotade skakar skakade ruska\w* sparkat"
)
_KILL = words(r"doda dodar dodat dod[ae] morda\w* skjuta skjuter")
_WEAPON = words(r"kniv\w* vapen\w* pistol\w* gevar\w* hagelgevar\w* yxa\w* machete\w* bossa\w*")
_WEAPON_USE = words(r"hot\w* vift\w* rikt\w* har hade holl haller med tog drog")
_SUBSTANCE = words(
    r"\w*piller \w*tablett\w* medicin\w* lakemedel\w* diskmedel\w* tvattmedel\w* "
    r"diskmaskinstablett\w* tvattkapsl?\w* kapsl?\w* batteri\w* knappcell\w* magnet\w* "
    r"kemikalie\w* rengoringsmedel\w* blekmedel\w* klorin\w* lampolja tandvatska nikotin\w* "
    r"snus\w* paracetamol alvedon ipren burana panodil gift\w* lut"
)
_SWALLOW = words(
    r"svalt svalde svalj\w* svaljt at atit ater druckit drack dricker slickat slickade "
    r"tuggat tuggade tagit tog stoppat\s+i\s+munnen"
)
_MANY = words(r"hel hela massa manga alla burk\w* karta\w* ask\w* handfull")
_HOME = words(
    r"hus\w* hemma lagenhet\w* kok\w* rum\w* rummet sovrum\w* trapphus\w* bil\w* garage\w*"
)

_RULES: tuple[Rule, ...] = (
    # --- medical ---------------------------------------------------------------------------
    rule(
        "medical",
        "not breathing or cannot breathe",
        near(words(r"andas andning\w* andades"), _NOT, 2),
        r"\bkan\s+(?:inte|ej)\s+andas\b|\bsvart\s+att\s+andas\b|\bandnod\b"
        r"|\bandningssvarighet\w*|\bfar\s+(?:inte|knappt|ingen)\s+luft\b"
        r"|\bkvav(?:s|des|ning|er)\b",
        near(words(r"fast\w* fastnat satt sitter fick fatt"), words(r"halsen luftstrupen"), 3),
        near(words(r"halsen tungan lapparna ansiktet"), words(r"svull\w*"), 2),
        unless=_INFO_CONTEXT,
    ),
    rule(
        "medical",
        "blue skin or lips",
        near(
            words(r"lappar\w* huden ansiktet bebisen barnet"),
            words(r"bla blaa blaaktig\w* blafarg\w* gra"),
            2,
        ),
    ),
    rule(
        "medical",
        "unconscious or limp",
        words(r"medvetslos\w* svimma\w* svimmat svimmade livlos\w* okontaktbar\w*"),
        r"\bvaknar\s+(?:inte|ej)\b|\b(?:gar|kan)\s+inte\s+(?:att\s+)?vacka\b"
        r"|\breagerar\s+(?:inte|ej)\b|\bsvarar\s+inte\s+pa\s+tilltal\b",
        near(_CHILD, words(r"slapp\w* hangig\w*"), 3),
        unless=r"\bpa\s+morgon\w*|\btill\s+skolan\b|\bvackarklocka\w*",
    ),
    rule(
        "medical",
        "seizure",
        words(r"kramp\w* krampanfall\w* feberkramp\w* epileptisk\w*"),
        unless=r"mag\w*|vad\w*|muskel|\bben\b|mens|" + _INFO_CONTEXT,
    ),
    rule(
        "medical",
        "poisoning or overdose",
        words(r"forgift\w* overdos\w*"),
        unless=r"matforgift\w*|kylskap|" + _INFO_CONTEXT,
        helpline="poison",
    ),
    rule(
        "medical",
        "swallowed a harmful substance",
        near(_SWALLOW, _SUBSTANCE, 4),
        near(_MANY, _SUBSTANCE, 4),
        near(words(r"ta tar tog tanker ska"), words(r"allihop alla"), 2),
        requires=_SWALLOW + r"|\bi\s+munnen\b|\btanker\s+ta\b|\bska\s+ta\b",
        unless=r"\bmin\s+medicin\s+idag\b|" + _INFO_CONTEXT,
        helpline="poison",
    ),
    rule(
        "medical",
        "heavy bleeding",
        near(
            words(r"blod bloder blodar blodning\w* blodade blodat"),
            words(
                r"mycket kraftigt kraftig sluta slutar stoppa stannar overallt massor "
                r"forsar sprutar"
            ),
            3,
        ),
        r"\bkraks?\w*\s+blod\b",
    ),
    rule(
        "medical",
        "heart, stroke or anaphylaxis",
        words(r"hjartattack\w* hjartstopp\w* hjartinfarkt\w* anafylak\w* stroke"),
        r"\bingen\s+puls\b|\ballergisk\s+chock\b",
        unless=_INFO_CONTEXT,
    ),
    rule(
        "medical",
        "drowning or a fall from a height",
        near(words(r"drunkn\w*"), _CHILD + "|" + words(r"vatten\w* pool\w* sjon badkar\w*"), 4),
        then(
            words(r"ramlade foll fallit hoppade trillade"), words(r"balkong\w* fonst\w* tak\w*"), 3
        ),
    ),
    # --- danger ----------------------------------------------------------------------------
    rule(
        "danger",
        "fire",
        r"\bdet\s+brinner\b|\beldsvada\w*",
        near(_HOME, words(r"brinner brand brann rok roken lagor"), 3),
        unless=_INFO_CONTEXT + r"|brandovning|brandlarmet\s+testa|brasa|kamin|brandkarsbesok",
    ),
    rule(
        "danger",
        "break-in or intruder",
        words(r"inbrott\w* inkraktare\w*"),
        r"\b(?:bryter|brot|bryta|tog|tar|forsoker\s+ta|tranger)\s+sig\s+in\b",
        then(words(r"nagon ngn framling man"), words(r"ar e inne i"), 2)
        + r"(?:\s+\w+){0,2}\s+"
        + _HOME,
        r"\bpa\s+vag\s+in\b|\bhor\s+(?:\w+\s+)?steg\b",
        near(
            words(r"sparka\w* krossa\w* bankar bankade bryter"),
            words(r"dorren dorr fonstret fonster laset"),
            3,
        ),
        unless=_INFO_CONTEXT,
    ),
    rule(
        "danger",
        "child missing",
        near(_CHILD, words(r"forsvunnen forsvunnit forsvann saknas borta"), 2),
        then(r"\bhittar\s+inte", _CHILD, 2),
        unless=r"\bhittade\w*|\bhittat\w*|\bnappen|\bvanten|\bskon|\btanden|\bleksak",
    ),
    rule(
        "danger",
        "weapon or a threat with one",
        near(_WEAPON, _WEAPON_USE, 3),
        unless=_INFO_CONTEXT + r"|leksak|vattenpistol|smorkniv|kokskniv\w*\s+(?:till|for)",
    ),
    rule(
        "danger",
        "not safe or calls for help",
        r"\b(?:ar|kanner\s+mig)\s+inte\s+(?:saker|trygg|i\s+sakerhet)\b",
        r"\bvagar\s+inte\s+(?:\w+\s+)?(?:ga\s+)?hem\b",
        then(words(r"nagon framling man"), words(r"forfoljer foljer"), 1),
        r"\bring\w*\s+(?:polisen|ambulans\w*|112)\b",
    ),
    # --- violence --------------------------------------------------------------------------
    rule(
        "violence",
        "someone hits, chokes or hurts a person",
        then(_SUBJECT, then(_HIT, _OBJECT, 2), 3),
        r"\bgor\s+(?:mig|oss|barnen|henne|honom)\s+illa\b",
        r"\b(?:jag|vi|hon|han|mamma)\s+(?:blir|blev|har\s+blivit)\s+(?:\w+\s+)?"
        r"(?:slagen|slagna|misshandlad\w*|sparkad\w*|strypt\w*|valdtagen)\b",
        unless=_CHILD_BEHAVIOUR,
    ),
    rule(
        "violence",
        "violence or abuse",
        r"\bvald\b|\bvaldet\b|\bvaldsam\w*|\bmisshandel\w*|\bvaldtakt\w*|\bvaldtog\w*"
        r"|\bovergrepp\w*|\bmisshandla\w*|\bforgrip\w*\s+sig",
        near(words(r"hor horde hors"), words(r"slag smallar"), 2),
        unless=_INFO_CONTEXT,
    ),
    rule(
        "violence",
        "threat to kill or hurt",
        near(words(r"hot\w*"), _KILL + r"|\bskada\b|\bsla\b|\bta\s+livet\s+av\b", 4),
        then(words(r"ska kommer tanker sa sager vill"), _KILL + r"|\bta\s+livet\s+av\b", 2)
        + r"\s+"
        + words(r"mig oss barnen henne honom dig"),
        unless=_HYPERBOLE,
    ),
    rule(
        "violence",
        "afraid of a partner or family member",
        near(
            words(r"radd radda livradd skramd\w* rader"),
            words(
                r"man\w* maken sambo\w* pojkvan\w* flickvan\w* exet ex pappa styvpappa " r"honom"
            ),
            3,
        ),
        unless=r"tandlak\w*|lakar\w*|morker\w*|spindl\w*|hund\w*|spruta|vaccin|aska",
    ),
    # --- suicide and self-harm -------------------------------------------------------------
    rule(
        "suicide",
        "suicide or self-harm",
        r"\bsjal(?:v|f)?mord\w*|\bsjalvskad\w*|\bsjalvdestrukt\w*",
        r"\bta\s+livet\s+av\s+sig\b",
        r"\b(?:jag|vill|ska|tanker|kommer|funderar|orkar|tankt)\s+(?:\w+\s+){0,3}ta\s+livet\s+av"
        r"\s+mig\b",
        r"\b(?:skada\w*|skar|skara|skurit)\s+sig(?:\s+sjalv)?\b|\bskar\s+mig\b",
    ),
    rule(
        "suicide",
        "wish to die or hopelessness about living",
        r"\bvill\s+(?:bara\s+)?do\b|\bville\s+(?:bara\s+)?do\b|\bvill\s+vara\s+dod\b"
        r"|\bonskar\s+(?:att\s+)?(?:jag|han|hon)\s+var\s+dod\b",
        then(words(r"orkar orka vill ville"), r"\binte\s+(?:\w+\s+)?(?:leva|finnas|vakna)\b", 1),
        r"\b(?:or?k\w*|vill)\s+inte\s+(?:\w+\s+)?(?:leva|finnas|vakna)\b",
        r"\binte\s+(?:vill|orkar)\s+(?:\w+\s+)?(?:leva|finnas)\b|\baldrig\s+(?:mer\s+)?vakna\b",
        r"\b(?:bast|battre)\s+om\s+jag\s+inte\s+(?:fanns|finns|levde)\b",
        r"\bsnart\s+(?:ar|e)\s+(?:jag|han|hon)\s+inte\s+(?:har|kvar)\b",
        r"\bpratar\s+(?:\w+\s+){0,2}om\s+att\s+(?:do|ta\s+livet)\b",
        r"\binte\s+finnas\s+(?:kvar|till|har)\b",
        r"\bingen\s+(?:mening|ide|ide\s+med|poang)\s+(?:med\s+|att\s+)?(?:nagonting|nanting"
        r"|livet|att\s+leva|leva|nagot|allt|nat)\b",
        r"\blivet\s+(?:ar|kanns)\s+(?:\w+\s+)?(?:meningslost|hopplost|inte\s+vart)",
        r"\bbattre\s+(?:utan\s+mig|om\s+jag\s+(?:var\s+dod|inte\s+fanns))\b",
        r"\b(?:inte|aldrig)\s+(?:kommer\s+att\s+)?vara\s+(?:har|kvar)\s+(?:lange|mer|imorgon)",
        r"\bsa(?:ger|de|gt)?\s+hej\s?da\s+(?:for\s+alltid|till\s+(?:alla|\w+)\s+som\s+om)"
        r"|\bfarvalsbrev\w*|\bavskedsbrev\w*"
        r"|\btar\s+farval\b|\btog\s+farval\b",
        r"\bg(?:er|av|ett|e)\s+bort\s+(?:alla\s+)?(?:sina|mina|hans|hennes)\s+(?:saker|grejer|tillhorigheter"
        r"|kläder|klader)\b|\bgav\s+bort\s+(?:alla\s+)?(?:sina|mina)\b",
        then(
            words(r"hoppa\w*"),
            r"\b(?:fran|framfor)\s+(?:en\s+|ett\s+)?(?:bron|bro|taket|tak" r"|tag\w*|taget)\b",
            2,
        ),
        unless=r"\bskratt\w*|\bdor\s+av\b",
    ),
)

#: A child or young person is in the message (the reply adds the child and youth line).
_YOUNG = words(
    r"barn\w* son sonen dotter dottern bebis\w* baby\w* tonaring\w* pojke\w* flicka\w* "
    r"ungdom\w* \d+\s?ar\w* \d+\s?aring\w*"
)

#: The parent asks whom to talk to or where to get help.
_HELP_QUESTION = (
    r"\b(?:vem\s+kan|vem\s+ska|vart\s+(?:kan|ska)\s+(?:jag|vi)"
    r"|var\s+(?:kan|far)\s+(?:jag|vi)\s+(?:fa\s+)?hjalp"
    r"|vand\w*\s+(?:(?:man|vi|jag)\s+)?(?:oss|mig|sig)"
    r"|prata\s+med|fa\s+hjalp|nagon\s+att\s+prata)"
)

RULES = RuleSet("sv", _RULES, re.compile(_YOUNG), re.compile(_HELP_QUESTION))
