"""English crisis rules: danger, violence, suicide or a medical emergency as parents write it.

The same decisions as the Finnish rules: informational use ("a course on preventing
violence", "first aid course on choking") is not a crisis; a toddler's tantrum is not
violence; exhaustion alone is not suicide ("I'm so tired") but hopelessness about living is
("no point in anything", "I won't be around much longer"); figures of speech are not ("I'm
dying to know", "killing time", "this weather is killing me").
"""

from __future__ import annotations

import re

from bot.safety.engine import Rule, RuleSet, near, rule, then, words

_INFO_CONTEXT = (
    r"prevent|course|class\b|classes|training|lecture|seminar|webinar|research|statistic"
    r"|project|essay|thesis|policy|campaign|awareness|workshop|game|movie|film|series|news"
    r"|documentary|podcast|book\b|first\s+aid"
)
_CHILD_BEHAVIOUR = (
    r"tantrum|daycare|day\s+care|kindergarten|nursery|preschool|other\s+kids|playing"
    r"|play\s+fight|sibling|brother\s+and\s+sister|\b[1-6]\s?(?:yo|year\s+old|years\s+old)\b"
    r"|\b(?:toddler|baby|preschooler)\s+(?:\w+\s+)?(?:hits|kicks|bites|slaps)"
)
_HYPERBOLE = words(r"weather heat traffic work job homework exam\w* boredom laughing laughter") + (
    r"|\bkill\w*\s+time\b"
)
_NOT = words(r"not isn t isnt aren t arent can t cant cannot doesn t doesnt won t wont stopped")
_SUBJECT = words(
    r"he she they hes shes husband\w* hubby wife partner\w* boyfriend\w* girlfriend\w* bf gf ex "
    r"dad\w* father\w* stepdad\w* stepfather\w* mum\w* mom\w* mother\w* stepmom\w* stepmum\w* "
    r"someone somebody sum1 some1 neighbou?r\w* brother\w* uncle"
)
_OBJECT = words(
    r"me us him her them mum mom mother dad father kids children child son daughter baby "
    r"babies wife husband partner sister brother"
)
_CHILD = words(
    r"child\w* kid\w* son\w* daughter\w* baby babies toddler\w* teen\w* boy girl infant newborn"
)
_SELF = r"\b(?:my|him|her|them|your|our)\s?(?:self|selves|slef|sefl|selv|sef)\b"
_HIT = words(
    r"hit\w* beat\w* beaten punch\w* kick\w* slap\w* chok\w* strangl\w* stab\w* shov\w* "
    r"push\w* hurt\w* abus\w* assault\w* rap\w* molest\w* shak\w* shook strik\w* struck "
    r"smack\w* throttl\w* batter\w*"
)
_KILL = words(r"kill\w* murder\w* kil shoot stab")
_WEAPON = words(r"gun\w* knife knives rifle\w* shotgun\w* pistol\w* axe machete\w* weapon\w*")
_WEAPON_USE = words(
    r"threat\w* wav\w* point\w* hold\w* held pull\w* grab\w* has got with brandish\w* swing\w*"
)
_SUBSTANCE = words(
    r"pills? tablets? medicine\w* meds medication\w* drugs? detergent\w* bleach dishwasher "
    r"capsules? pods? batter(?:y|ies) magnets? chemicals? cleaner\w* cleaning antifreeze "
    r"paracetamol ibuprofen tylenol advil nicotine snus vape poison\w* lye"
)
_SWALLOW = words(
    r"swallow\w* swalowed swolled ate eaten eating drank drunk drink\w* chew\w* lick\w* "
    r"took taken had put"
)
_MANY = words(r"all lot lots many handful bottle whole box packet pack full entire")
_HOME = words(
    r"house home flat apartment kitchen room bedroom living building stairwell hallway car "
    r"garage"
)

_RULES: tuple[Rule, ...] = (
    # --- medical ---------------------------------------------------------------------------
    rule(
        "medical",
        "not breathing or cannot breathe",
        then(_NOT, words(r"breath\w* breth\w* brething"), 2),
        words(r"choking chocking choked suffocat\w*"),
        near(
            words(r"struggl\w* trouble hard difficult\w* gasp\w* hardly barely"),
            words(r"breath\w*"),
            2,
        ),
        near(words(r"stuck lodged"), words(r"throat windpipe airway"), 3),
        r"\bcan\s?t\s+get\s+(?:any\s+)?air\b|\bcannot\s+get\s+air\b"
        r"|\binhal\w*\s+(?:something|a|an|some)\b",
        near(words(r"throat tongue lips face"), words(r"swell\w* swollen"), 2),
        unless=_INFO_CONTEXT,
    ),
    rule(
        "medical",
        "blue skin or lips",
        near(
            words(r"lips skin face baby child toddler"),
            words(r"blue bluish turning\s+blue gray grey"),
            2,
        ),
    ),
    rule(
        "medical",
        "unconscious or limp",
        words(r"unconscious unconcious unresponsive collapsed collaps\w* fainted"),
        r"\bpass(?:ed|es|ing)\s+out\b",
        then(_NOT, words(r"wake\w* waking woke respond\w* reacting react\w* moving"), 2),
        near(_CHILD, words(r"limp floppy lifeless"), 3),
        unless=r"\bin\s+the\s+morning\b|\bfor\s+school\b|\bon\s+time\b|\balarm\b",
    ),
    rule(
        "medical",
        "seizure",
        words(r"seizure\w* seizing convuls\w* fitting"),
        r"\bhaving\s+a\s+fit\b",
        unless=_INFO_CONTEXT,
    ),
    rule(
        "medical",
        "poisoning or overdose",
        words(r"overdos\w* poisoned poisoning"),
        r"\bod\s+d\b",
        unless=r"food\s+poisoning|\bivy\b|fridge|" + _INFO_CONTEXT,
        helpline="poison",
    ),
    rule(
        "medical",
        "swallowed a harmful substance",
        near(_SWALLOW, _SUBSTANCE, 4),
        then(_MANY, _SUBSTANCE, 3),
        r"\bsav\w*\s+up\s+(?:\w+\s+)?(?:pills|tablets|meds)\b",
        then(
            words(r"going gonna will ll plan\w* thinking"),
            r"\btake\s+(?:them|all|the\s+lot|every)",
            2,
        ),
        requires=words(
            r"swallow\w* swalowed ate eaten drank drunk chew\w* lick\w* took taken had "
            r"got\s+into mouth take saved"
        ),
        unless=r"\bmy\s+(?:pills|meds|medication|medicine)\s+today\b|" + _INFO_CONTEXT,
        helpline="poison",
    ),
    rule(
        "medical",
        "heavy bleeding",
        near(
            words(r"bleed\w* blood blod"),
            words(
                r"lot heavily badly heavy won t wont stop\w* everywhere much pouring "
                r"spurting gushing soaked"
            ),
            3,
        ),
        r"\bvomit\w*\s+blood\b",
    ),
    rule(
        "medical",
        "heart, stroke or anaphylaxis",
        r"\bheart\s+attack\b|\bcardiac\s+arrest\b|\bno\s+pulse\b|\banaphyla\w*"
        r"|\bhaving\s+a\s+stroke\b|\ballergic\s+shock\b",
        unless=_INFO_CONTEXT,
    ),
    rule(
        "medical",
        "drowning or a fall from a height",
        near(words(r"drown\w*"), _CHILD + "|" + words(r"pool water lake sea bath\w*"), 4),
        then(words(r"fell fallen falling jumped"), words(r"balcony window roof"), 3),
    ),
    # --- danger ----------------------------------------------------------------------------
    rule(
        "danger",
        "fire",
        near(_HOME, r"\bon\s+fire\b|\bburning\b|\bfire\b|\bsmoke\b|\bflames\b", 3),
        unless=_INFO_CONTEXT + r"|drill|alarm\s+test|fireplace|fire\s+station|campfire",
    ),
    rule(
        "danger",
        "break-in or intruder",
        r"\bbr(?:eak\w*|oke)\s+in(?:to)?\b|\bintruder\w*",
        then(words(r"someone somebody sum1 some1 stranger man guy"), words(r"inside trying in"), 3)
        + r"(?:\s+\w+){0,3}\s+"
        + _HOME,
        near(words(r"kick\w* smash\w* bang\w* forc\w*"), words(r"door window lock"), 3),
        r"\btrying\s+to\s+(?:get|break|force\s+(?:their|his|her)\s+way)\s+in\b",
        unless=_INFO_CONTEXT + r"|locked\s+(?:myself|ourselves)\s+out",
    ),
    rule(
        "danger",
        "child missing",
        near(_CHILD, words(r"missing disappeared vanished"), 3),
        then(r"\bcan\s?t\s+find|\bcannot\s+find|\bcan\s+not\s+find", _CHILD, 2),
        near(_CHILD, r"\bwander\w*\s+off\b|\bcan\s?t\s+find\s+(?:him|her|them)\b", 6),
        unless=r"\bfound\b|\bsock|\bshoe|\btooth|\btoy",
    ),
    rule(
        "danger",
        "weapon or a threat with one",
        near(_WEAPON, _WEAPON_USE, 3),
        unless=_INFO_CONTEXT + r"|\btoy\b|\bwater\s+gun|\bnerf\b",
    ),
    rule(
        "danger",
        "not safe or calls for help",
        r"\b(?:i|we|kids|children)\s+(?:am|m|are|re)\s+not\s+safe\b",
        r"\bdon\s?t\s+feel\s+safe\b|\bnot\s+safe\s+(?:at\s+home|here)\b",
        r"\b(?:afraid|scared|terrified)\s+to\s+go\s+home\b",
        then(words(r"someone somebody stranger man"), words(r"following stalking"), 1),
        r"\bcall\w*\s+(?:the\s+)?(?:police|ambulance|112)\b",
    ),
    # --- violence --------------------------------------------------------------------------
    rule(
        "violence",
        "someone hits, chokes or hurts a person",
        then(_SUBJECT, then(_HIT, _OBJECT, 2), 3),
        r"\b(?:i|we|she|he|mum|mom)\s+(?:was|were|got|am|m|is|s|get|keep\s+getting)\s+"
        r"(?:\w+\s+)?(?:hit|beaten|punched|kicked|slapped|choked|strangled|abused|raped|"
        r"assaulted)\b",
        r"\bbeing\s+(?:hit|beaten|punched|kicked|slapped|choked|strangled|abused|hurt)\b",
        unless=_CHILD_BEHAVIOUR + r"|\bball\b|\bcar\s+hit|\bhit\s+(?:me|us)\s+(?:that|up)\b",
    ),
    rule(
        "violence",
        "violence or abuse",
        r"\bviolen\w*|\babus\w*|\bdomestic\s+(?:violence|abuse)|\brap(?:e|ed|ing)\b"
        r"|\bsexual\w*\s+assault\w*|\bmolest\w*",
        r"\btouch\w*\s+(?:me|her|him|them|my\s+\w+)\s+inappropriately\b",
        r"\bforc\w*\s+(?:me|her|him)\s+to\s+(?:have\s+sex|do\s+sexual)",
        unless=_INFO_CONTEXT + r"|video\s+games?|\bsubstance\s+abuse\b|\bdrug\s+abuse\b",
    ),
    rule(
        "violence",
        "threat to kill or hurt",
        near(words(r"threat\w*"), words(r"kill\w* hurt\w* harm\w* stab\w* shoot\w* burn\w*"), 4),
        then(
            words(r"going gonna will ll said says wants promised trying tried"),
            _KILL + r"|\bhurt\b",
            2,
        )
        + r"\s+"
        + _OBJECT,
        then(words(r"going gonna will ll threaten\w*"), r"\bburn\b", 2),
        unless=_HYPERBOLE + r"|\bif\s+i\b|\bif\s+we\b|\blate\b",
    ),
    rule(
        "violence",
        "afraid of a partner or family member",
        near(
            words(r"afraid scared terrified frightened fear\w*"),
            words(r"husband partner boyfriend girlfriend ex dad father stepdad stepfather " r"him"),
            3,
        ),
        unless=r"dentist|doctor|dark|spider|dog|needle|vaccin|\bloud\b|thunder|santa|clown",
    ),
    # --- suicide and self-harm -------------------------------------------------------------
    rule(
        "suicide",
        "suicide or self-harm",
        r"\bsu[ic]{1,2}id\w*|\bsucid\w*|\bself\s?harm\w*|\bself\s?injur\w*",
        then(_KILL + r"|\bhurt\w*|\bharm\w*|\bcut\w*|\bhang\w*|\bend\b", _SELF, 1),
        r"\bend\w*\s+(?:it\s+all|my\s+life|his\s+life|her\s+life|their\s+life|everything)\b",
        r"\btak\w*\s+(?:my|his|her|their)\s+(?:own\s+)?life\b",
    ),
    rule(
        "suicide",
        "wish to die or hopelessness about living",
        then(words(r"want\w* wanna wish\w* rather ready"), words(r"die dead"), 3),
        r"\bbetter\s+off\s+(?:dead|without\s+me|without\s+him|without\s+her)\b",
        then(words(r"don\s?t dont doesn\s?t doesnt not no"), words(r"want wanna wish"), 1)
        + r"\s+(?:to\s+)?(?:live|be\s+alive|exist|be\s+here"
        r"|wake\s+up|be\s+around)",
        r"\bno\s+(?:point|reason|meaning|sense)\s+(?:in\s+|to\s+)?(?:anything|living|life|"
        r"going\s+on|being\s+alive|any\s+of\s+this|it\s+all|trying\s+anymore)\b",
        r"\b(?:life|living)\s+(?:is|isn\s?t|feels)\s+(?:not\s+)?(?:pointless|meaningless|"
        r"worthless|not\s+worth)",
        r"\bnothing\s+matters\s+any\s?more\b|\bcan\s?t\s+go\s+on\b|\bcant\s+go\s+on\b",
        r"\bnever\s+wake\s+up\b|\bthis\s+is\s+(?:my\s+)?goodbye\b",
        r"\bbetter\s+off\s+if\s+i\s+(?:wasn\s?t|weren\s?t|was\s+not|were\s+not|was\s+gone|"
        r"didn\s?t\s+exist)",
        r"\b(?:won\s?t|wont|will\s+not|not\s+going\s+to|might\s+not)\s+be\s+(?:around|here|"
        r"a\s+burden|a\s+problem)\b",
        r"\bnot\s+(?:be\s+)?(?:around|here)\s+(?:any\s?more|much\s+longer|for\s+long)\b",
        r"\b(?:say\w*|said)\s+goodbye\w*\s+(?:to\s+(?:everyone|us|all)|for\s+(?:good|ever)|"
        r"forever)|\bgoodbye\s+(?:letter|note|message)|\bfarewell\s+(?:letter|note)"
        r"|\bsuicide\s+note",
        r"\bgiv\w*\s+(?:away\s+)?(?:all\s+)?(?:his|her|my|their)\s+(?:things|stuff|"
        r"belongings|possessions|games|clothes)(?:\s+\w+)?\s+away\b"
        r"|\bgiv\w*\s+away\s+(?:all\s+)?(?:his|her|my|their)\s+(?:things|stuff|belongings|"
        r"possessions|favourite|favorite)",
        then(
            words(r"jump\w*"),
            r"\boff\s+(?:a|the)\s+(?:bridge|roof|building)\b"
            r"|\bin\s+front\s+of\s+a\s+(?:train|car|bus)\b",
            2,
        ),
        unless=r"\bdying\s+to\b|\blaugh\w*|\bdie\s+of\s+(?:embarrassment|boredom)",
    ),
)

#: A child or young person is in the message (the reply adds the child and youth line).
_YOUNG = words(
    r"child\w* kid\w* son daughter\w* baby babies toddler\w* teen\w* boy girl youth "
    r"\d+\s?yo \d+\s?year\s+old"
)

#: The parent asks whom to talk to or where to get help.
_HELP_QUESTION = (
    r"\b(?:who\s+(?:can|should|do|could)|whom|talk\s+to|speak\s+to|where\s+(?:can|do|should)\s+"
    r"(?:i|we)\s+(?:get|find|go|turn)|get\s+help|someone\s+to\s+talk)"
)

RULES = RuleSet("en", _RULES, re.compile(_YOUNG), re.compile(_HELP_QUESTION))
