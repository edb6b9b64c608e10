"""Finnish noun inflection for proper names, by rule.

Generates the case forms people use for places and persons: nominative, genitive, the six
local cases (inner ``-ssa/-sta/-Vn`` and outer ``-lla/-lta/-lle``, both for every name since
people mix them), the partitive, and the colloquial short local cases (``Laukaas``,
``Jyväskyläst``).

The rules cover consonant gradation (Lahti → Lahde-, Turku → Turu-, Hanko → Hango-),
e-stem heads of compound names (-joki → -joe-, -vesi → -vede-, -mäki → -mäe-), vowel
harmony decided by the last part of a compound, ``-nen`` names in singular and plural
(Kaskinen → Kaskisissa), and compounds whose both parts inflect (Uusikaupunki →
Uudessakaupungissa). Everything works on lower-case text.
"""

from __future__ import annotations

from collections.abc import Iterable

# A case tag and the surface form (lower case) it produced.
Form = tuple[str, str]

BACK_VOWELS = frozenset("aouå")
FRONT_VOWELS = frozenset("äöy")
VOWELS = frozenset("aeiouyäöå")

# Words whose stems a suffix rule cannot guess, mostly heads of compound names:
# (weak stems, illatives, partitive, other forms). The weak stem takes -n/-ssa/-lla/...
HEADS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str, tuple[Form, ...]]] = {
    "järvi": (("järve",), ("järveen",), "järveä", ()),
    "joki": (("joe",), ("jokeen",), "jokea", ()),
    "koski": (("koske",), ("koskeen",), "koskea", ()),
    "lahti": (("lahde",), ("lahteen",), "lahtea", ()),
    "niemi": (("nieme",), ("niemeen",), "niemeä", ()),
    "saari": (("saare",), ("saareen",), "saarta", ()),
    "salmi": (("salme",), ("salmeen",), "salmea", ()),
    "vesi": (("vede",), ("veteen",), "vettä", ()),
    "mäki": (("mäe",), ("mäkeen",), "mäkeä", ()),
    "lampi": (("lammi", "lamme"), ("lampiin", "lampeen"), "lampea", ()),
    "nummi": (("numme",), ("nummeen",), "nummea", ()),
    "suomi": (("suome",), ("suomeen",), "suomea", ()),
    "loppi": (("lope",), ("loppeen",), "loppea", ()),
    "uusi": (("uude",), ("uuteen",), "uutta", ()),
    "alavus": (("alavude",), ("alavuteen",), "alavutta", ()),
    "kangasala": (
        ("kangasala",),
        ("kangasalaan",),
        "kangasalaa",
        (("ade", "kangasalla"), ("abl", "kangasalta"), ("all", "kangasalle")),
    ),
    "virrat": (("virroi",), ("virtoihin",), "virtoja", (("gen", "virtain"), ("gen", "virtojen"))),
}

# Gradation of the consonants that open the last syllable: strong → weak.
GRADATION: dict[str, str] = {
    "kk": "k",
    "pp": "p",
    "tt": "t",
    "nk": "ng",
    "mp": "mm",
    "lt": "ll",
    "nt": "nn",
    "rt": "rr",
    "ht": "hd",
    "lk": "l",
    "rk": "r",
    "hk": "h",
    "lp": "lv",
    "rp": "rv",
    "k": "",
    "p": "v",
    "t": "d",
}
# Weak → strong, for stems that are weak in the nominative (pudas → putaa-, laidun → laitume-).
REVERSE_GRADATION: dict[str, str] = {
    "d": "t",
    "v": "p",
    "ng": "nk",
    "mm": "mp",
    "ll": "lt",
    "nn": "nt",
    "rr": "rt",
}

CLITICS = ("kaan", "kään", "kin", "han", "hän", "ko", "kö", "pa", "pä")


#: Names of the case codes, for explanations (``--explain``).
CASE_NAMES = {
    "nom": "nominative",
    "gen": "genitive",
    "par": "partitive",
    "ine": "inessive",
    "ela": "elative",
    "ill": "illative",
    "ade": "adessive",
    "abl": "ablative",
    "all": "allative",
}


def harmony(word: str) -> str:
    """Return ``"a"`` for a back-vowel word and ``"ä"`` for a front-vowel word.

    The last non-neutral vowel decides (Kankaanpää → front, Seinäjoki → back); a word with
    only e and i is front. Compound heads made of e/i only (-vesi, -niemi) are looked up
    first, since the modifier's vowels do not count.
    """
    for head in HEADS:
        if word.endswith(head) and not VOWELS.intersection(head) - {"e", "i"}:
            return "ä"
    for char in reversed(word):
        if char in BACK_VOWELS:
            return "a"
        if char in FRONT_VOWELS:
            return "ä"
    return "ä"


def weaken(word: str) -> str:
    """Return the weak grade of a vowel-final word (Turku → Turu, Lahti → Lahdi, Kotka → Kotka).

    Only the consonants opening the last syllable alternate, and only a single vowel may
    end the word.
    """
    stem, last = word[:-1], word[-1]
    end = len(stem)
    start = end
    while start > 0 and stem[start - 1] not in VOWELS:
        start -= 1
    if start == 0 or start == end:
        return word
    cluster = stem[start:end]
    for size in (2, 1):
        strong = cluster[-size:]
        if len(cluster) >= size and strong in GRADATION:
            if size == 1 and len(cluster) > 1:
                return word
            return stem[: end - size] + GRADATION[strong] + last
    return word


def strengthen(stem: str) -> str:
    """Return the strong grade of a stem whose last syllable opens with a weak consonant."""
    end = len(stem) - 1
    while end > 0 and stem[end] in VOWELS:
        end -= 1
    start = end
    while start > 0 and stem[start - 1] not in VOWELS:
        start -= 1
    cluster = stem[start : end + 1]
    for size in (2, 1):
        weak = cluster[-size:]
        if len(cluster) == size and weak in REVERSE_GRADATION:
            return stem[: end + 1 - size] + REVERSE_GRADATION[weak] + stem[end + 1 :]
    return stem


def _local(weak: str, vowel: str) -> list[Form]:
    """Forms built on a weak stem: genitive and the five weak local cases, plus colloquial."""
    return [
        ("gen", weak + "n"),
        ("ine", weak + "ss" + vowel),
        ("ela", weak + "st" + vowel),
        ("ade", weak + "ll" + vowel),
        ("abl", weak + "lt" + vowel),
        ("all", weak + "lle"),
        ("ine-coll", weak + "s"),
        ("ela-coll", weak + "st"),
        ("ade-coll", weak + "l"),
        ("abl-coll", weak + "lt"),
    ]


def _vowel_stem(word: str, graded: bool, vowel: str) -> list[Form]:
    """Forms of a word ending in one short vowel (Kotka, Turku, Pori, Helsinki)."""
    weak_words = {weaken(word), word} if not graded else {weaken(word)}
    forms: list[Form] = [("ill", word + word[-1] + "n"), ("par", word + vowel)]
    for weak in sorted(weak_words):
        forms += _local(weak, vowel)
    return forms


def _long_vowel(word: str, vowel: str) -> list[Form]:
    """Forms of a word ending in a long vowel or diphthong (Laukaa, Espoo, Joensuu, Kitee)."""
    return _local(word, vowel) + [
        ("ill", word + "seen"),
        ("ill", word + "h" + word[-1] + "n"),
        ("par", word + "t" + vowel),
    ]


def _e_final(word: str, vowel: str) -> list[Form]:
    """Forms of a word ending in a short -e, both stem types.

    Raahe → Raahessa, Raaheen and Tampere → Tampereella, Tampereeseen: which one a name
    takes is lexical, and generating both costs nothing since neither makes a common word.
    """
    long_stem = word + "e"
    return (
        _local(word, vowel)
        + [("ill", word + "en"), ("par", word + vowel)]
        + _local(long_stem, vowel)
        + [("ill", long_stem + "seen"), ("par", word + "tt" + vowel)]
    )


def _nen(word: str, vowel: str, plural: bool) -> list[Form]:
    """Forms of a ``-nen`` word (Paananen → Paanasen, Kaskinen → Kaskisissa)."""
    base = word[:-3]
    forms = _local(base + "se", vowel) + [("ill", base + "seen"), ("par", base + "st" + vowel)]
    if plural:
        forms += [(case + "-pl", form) for case, form in _local(base + "si", vowel)]
        forms += [("gen-pl", base + "sten"), ("ill-pl", base + "siin")]
    return forms


def _consonant_final(word: str, vowel: str) -> list[Form]:
    """Forms of a native word ending in a consonant (Muhos, Varkaus, Pihtipudas, Punkalaidun)."""
    ending = word[-2:]
    if ending in {"as", "äs"}:
        stem = strengthen(word[:-1]) + word[-2]
        illative = stem + "seen"
        partitive = word + "t" + vowel
    elif ending in {"us", "ys", "os", "ös", "es", "is"} and word[-3] in VOWELS:
        stem = word[:-1] + "de"
        illative = word[:-1] + "teen"
        partitive = word[:-1] + "tt" + vowel
    elif ending in {"us", "ys", "os", "ös", "es", "is"}:
        stem = word[:-1] + "kse"
        illative = stem + "en"
        partitive = word + "t" + vowel
    elif ending in {"in", "un", "yn"}:
        stem = strengthen(word[:-1]) + "me"
        illative = stem + "en"
        partitive = word + "t" + vowel
    else:
        return _foreign(word, vowel)
    return _local(stem, vowel) + [("ill", illative), ("par", partitive)]


def _foreign(word: str, vowel: str) -> list[Form]:
    """Forms of a consonant-final loan name, which takes an -i (Finström → Finströmissä)."""
    stem = word + "i"
    return _local(stem, vowel) + [("ill", stem + "in"), ("par", stem + vowel)]


def word_forms(word: str, *, plural: bool = False, loan: bool = False) -> list[Form]:
    """Inflect one word (lower case) by rule.

    Args:
        word: The word in the nominative, lower case.
        plural: Also give plural forms of a ``-nen`` word (place names like Kaskinen).
        loan: The word may not follow gradation (Swedish-speaking places such as Geta); give
            both graded and ungraded forms.

    Returns:
        ``(case, form)`` pairs, nominative first. Cases: nom, gen, par, ine, ela, ill, ade,
        abl, all; ``-coll`` marks colloquial short forms, ``-pl`` plural ones.
    """
    vowel = harmony(word)
    forms: list[Form] = [("nom", word)]
    for head, (weak_stems, illatives, partitive, others) in HEADS.items():
        prefix = word[: -len(head)]
        if word.endswith(head) and (not prefix or len(prefix) >= 2):
            for weak in weak_stems:
                forms += _local(prefix + weak, vowel)
            forms += [("ill", prefix + illative) for illative in illatives]
            forms += [(case, prefix + form) for case, form in others]
            return forms + [("par", prefix + partitive)]
    if word.endswith("nen"):
        return forms + _nen(word, vowel, plural)
    last = word[-1]
    if last not in VOWELS:
        return forms + (_foreign(word, vowel) if loan else _consonant_final(word, vowel))
    if len(word) >= 2 and (word[-2] == last or word[-2:] in {"uo", "yö", "ie"}):
        return forms + _long_vowel(word, vowel)
    if last == "e":
        return forms + _e_final(word, vowel)
    return forms + _vowel_stem(word, graded=not loan, vowel=vowel)


def name_forms(
    name: str,
    *,
    plural: bool = False,
    loan: bool = False,
    both_parts: int = 0,
) -> list[Form]:
    """Inflect a whole name (lower case): only its last word, or last hyphen part, inflects.

    Args:
        name: The name in the nominative, lower case ("mänttä-vilppula", "monitoimitalo jalo").
        plural: See :func:`word_forms`.
        loan: See :func:`word_forms`.
        both_parts: When positive, the first ``both_parts`` letters are a modifier that
            inflects in the same case as the rest (uusi|kaupunki → uudessakaupungissa);
            forms with the modifier left in the nominative are given too.

    Returns:
        ``(case, form)`` pairs without duplicates, in a stable order.
    """
    cut = max(name.rfind(" "), name.rfind("-")) + 1
    prefix, last = name[:cut], name[cut:]
    forms = [(case, prefix + form) for case, form in word_forms(last, plural=plural, loan=loan)]
    if both_parts:
        modifier, head = last[:both_parts], last[both_parts:]
        modifier_forms = dict(word_forms(modifier))
        for case, form in word_forms(head, plural=plural, loan=loan):
            base_case = case.removesuffix("-coll")
            if base_case in modifier_forms and not case.endswith("-coll"):
                forms.append((case, prefix + modifier_forms[base_case] + form))
    return list(dict.fromkeys(forms))


def strip_clitic(token: str) -> Iterable[str]:
    """Yield the token without each enclitic particle it may end in (Lahdessakin → Lahdessa)."""
    for clitic in CLITICS:
        if token.endswith(clitic) and len(token) - len(clitic) >= 4:
            yield token[: -len(clitic)]
