"""When a name that is also an everyday word counts as a place: the words around it.

"Lahti", "koski" and "salo" are places in "asun Lahdessa" or "neuvola salossa" but not in
"lapset uivat lahdessa"; a typo of a short name ("neuvola turusa") is treated the same way.
Swedish and English words play the same part ("vi bor i ingå", "family centre in salo").
"""

from __future__ import annotations

from collections.abc import Sequence

# Words (folded prefixes) that make a nearby common-word name a place.
LIVING_WORDS = (
    "asun",
    "asum",
    "asuu",
    "asua",
    "asut",
    "asuin",
    "asuva",
    "muutin",
    "muutim",
    "muutamme",
    "muutan",
    "muuttamassa",
    "muuttanut",
    "muuttaneet",
    "muutto",
    "kotoisin",
    "kotikun",
    "kotikaupun",
    "paikkakun",
)
PLACE_WORDS = (
    "kunta",
    "kunna",
    "kaupunki",
    "kaupungi",
    "seutu",
    "seudu",
    "alue",
    "keskusta",
    "kirkonkyla",
)
SERVICE_WORDS = (
    "perhekesk",
    "perheneuvol",
    "neuvol",
    "kohtaamispaik",
    "palvelu",
    "paivakod",
    "paivakot",
    "lastensuojel",
    "varhaiskasvat",
    "sosiaality",
    "nuorisoty",
    "laakari",
    "terveyskesk",
    "muutosagent",
    "koordinaattor",
    "yhteystie",
    "puhelinnum",
    "sahkopost",
    "perhetyo",
    "numero",
    "soita",
    "soitt",
    "yhteys",
    "yhteyd",
    "tavoit",
    "email",
    "meili",
)
# Swedish and English words (folded, whole words) about living or moving somewhere, and
# words that name a place next to them ("i Lahtis stad", "Vanda kommun", "the town of Salo").
LIVING_WORDS_SV_EN = frozenset(
    {
        "bor",
        "bodde",
        "flyttar",
        "flyttade",
        "flyttat",
        "flytta",
        "hemkommun",
        "hemort",
        "live",
        "lives",
        "lived",
        "living",
        "move",
        "moved",
        "moving",
        "hometown",
    }
)
PLACE_WORDS_SV_EN = frozenset(
    {"kommun", "kommunen", "kommuns", "stad", "staden", "stads", "town", "city", "municipality"}
)
SERVICE_WORDS_SV_EN = (
    "familjecent",
    "familjeradgiv",
    "radgivning",
    "barnradgiv",
    "modraradgiv",
    "daghem",
    "dagis",
    "barnskydd",
    "socialarbet",
    "socialbyra",
    "ungdomsarbet",
    "ungdomsgard",
    "halsocentral",
    "tjanst",
    "telefon",
    "kontakt",
    "family",
    "clinic",
    "maternity",
    "service",
    "daycare",
    "counsel",
    "phone",
    "contact",
)
#: "entä lahti?" follows up a question with another place.
FOLLOW_UP_WORDS = frozenset({"enta", "entas"})
CONJUNCTIONS = frozenset({"ja", "tai", "seka", "vai", "tahi", "och", "eller", "and", "or"})
SENTENCE_END = ".!?"


def sentence_start(text: str, start: int) -> bool:
    """Return whether the character at ``start`` begins a sentence."""
    k = start - 1
    while k >= 0 and (text[k].isspace() or text[k] in "\"'([-–»«”“"):
        k -= 1
    return k < 0 or text[k] in SENTENCE_END


def place_cue(
    text: str,
    folded: str,
    toks: Sequence[str],
    spans: Sequence[tuple[int, int]],
    name: tuple[int, int],
    person_like: bool,
    trusted: Sequence[tuple[int, int]],
    cue_words: tuple[str, ...] = (),
) -> str | None:
    """Return what in the sentence makes a guarded name a place, or None.

    Args:
        text: The message as typed.
        folded: The message lower-cased and folded.
        toks: Its folded tokens.
        spans: The character span of each token.
        name: The first and last token of the name.
        person_like: The name is also a person's name (a capital letter proves nothing).
        trusted: First and last token of the names found that need no cue.
        cue_words: Beginnings of the directory's service, role and topic words, which make
            a name next to them a place as :data:`SERVICE_WORDS` do.
    """
    first, last = name
    start, end = spans[first][0], spans[last][1]
    if first == 0 and last == len(toks) - 1:
        return "the whole message is the name"
    if ":" in folded[start:end]:
        return "written with a colon"
    capital = text[start].isupper() and not text.isupper()
    if capital and not person_like and not sentence_start(text, start):
        return "capitalised inside a sentence"
    if any(t.startswith(LIVING_WORDS) or t in LIVING_WORDS_SV_EN for t in toks):
        return "after a word about living or moving"
    if first > 0 and toks[first - 1] in FOLLOW_UP_WORDS:
        return "after 'entä'"
    near = [*toks[max(first - 1, 0) : first], *toks[last + 1 : last + 2]]
    if any(t.startswith(PLACE_WORDS) or t in PLACE_WORDS_SV_EN for t in near):
        return "next to 'kunta', 'kaupunki' or the like"
    window = [*toks[max(first - 2, 0) : first], *toks[last + 1 : last + 3]]
    service = (*SERVICE_WORDS, *SERVICE_WORDS_SV_EN, *cue_words)
    if any(t.startswith(service) for t in window):
        return "next to a family-service word"
    for other_first, other_last in trusted:
        between = (
            toks[other_last + 1 : first] if other_last < first else toks[last + 1 : other_first]
        )
        if len(between) <= 1 and all(t in CONJUNCTIONS for t in between):
            return "listed with another place"
    return None


def unit_with_town(kind: str, first: int, last: int, names: Sequence[tuple[str, int, int]]) -> bool:
    """Whether a unit and a municipality are named side by side, one of them the name given.

    Each is then the other's cue, though both are everyday words alone ("jalo lahdessa").

    Args:
        kind: The resolver kind of the name (``unit``, ``municipality``…).
        first: Its first token.
        last: Its last token.
        names: Kind, first and last token of every name found in the sentence.
    """
    pair = {"unit", "municipality"}
    return kind in pair and any(
        other in pair - {kind} and (other_first == last + 1 or other_last == first - 1)
        for other, other_first, other_last in names
    )
