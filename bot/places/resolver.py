"""Find municipality, region, county, unit and person names in Finnish text.

The resolver turns every alias form into lookup keys once, then scans a line token by token:
a dictionary lookup per token (and per multi-word name starting there), a one-letter typo
check for longer unknown tokens, and a context check for names that are also everyday words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from bot.directory.municipalities import Municipality
from bot.places.inflect import CLITICS, strip_clitic
from bot.places.names import SHORT, TYPO_MIN, Alias, all_aliases
from bot.places.nearwords import load_near_words
from bot.places.text import TOKEN, fold_lower, lower, split

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
INNER_CASES = frozenset({"ine", "ela", "ill", "ine-pl", "ela-pl", "ill-pl", "ine-coll", "ela-coll"})
CONJUNCTIONS = frozenset({"ja", "tai", "seka", "vai", "tahi"})
SENTENCE_END = ".!?"


@dataclass(frozen=True)
class Match:
    """A name found in text.

    Attributes:
        kind: "municipality", "region", "county", "unit" or "person".
        id: Canonical id: municipality code ("410"), "region:<region_fi>",
            "county:<wellbeing_county_fi>", or the directory id of a unit or person.
        start: Index of the first character of the name in the input.
        end: Index just past the name in the input.
        text: The name as written in the input.
        confidence: 0..1; exact forms 1.0, forms typed without ä/ö and typos less.
        reason: Short explanation of what matched and why.
    """

    kind: str
    id: str
    start: int
    end: int
    text: str
    confidence: float
    reason: str


class _Entry(NamedTuple):
    """One form of one alias under a lookup key."""

    alias: Alias
    case: str
    exact: str
    label: str
    guarded: bool


class _Hit(NamedTuple):
    """A candidate found by the scan, before the context check."""

    first: int
    last: int
    entry: _Entry
    confidence: float
    how: str


def within_one_edit(a: str, b: str) -> bool:
    """Return whether ``a`` and ``b`` are at most one edit apart.

    An edit is one insertion, deletion or substitution, or a swap of two neighbouring letters.
    """
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) <= 1:
            return True
        first, second = diff[0], diff[-1]
        return (
            len(diff) == 2
            and second == first + 1
            and (a[first], a[second]) == (b[second], b[first])
        )
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) != 1:
        return False
    for k, char in enumerate(a):
        if char != b[k]:
            return a[k:] == b[k + 1 :]
    return True


def _spans(folded: str, raw: list[str]) -> list[tuple[int, int]]:
    """Return the character span of each token found by ``TOKEN.findall``.

    A scan in order is cheaper than a second regex pass: only non-letters lie between tokens.
    """
    spans = []
    end = 0
    for tok in raw:
        start = folded.find(tok, end)
        end = start + len(tok)
        spans.append((start, end))
    return spans


def _sentence_start(text: str, start: int) -> bool:
    """Return whether the character at ``start`` begins a sentence."""
    k = start - 1
    while k >= 0 and (text[k].isspace() or text[k] in "\"'([-–»«”“"):
        k -= 1
    return k < 0 or text[k] in SENTENCE_END


class Resolver:
    """Finds names of municipalities, regions, counties, units and persons in text."""

    def __init__(
        self,
        municipalities: Mapping[str, Municipality],
        named_entities: Iterable[tuple[str, str, list[str]]],
        near_words: frozenset[str] | None = None,
    ) -> None:
        """Build the lookup tables.

        Args:
            municipalities: Municipalities by code (``bot.directory.municipalities``).
            named_entities: ``(kind, id, names)`` of directory units and persons, kind
                "unit" or "person", names in the nominative.
            near_words: Words never read as a typo of a place; ``near_words.txt`` when None.
        """
        self._near_words = load_near_words() if near_words is None else near_words
        self._single: dict[str, list[_Entry]] = {}
        multi: dict[str, dict[int, dict[str, list[_Entry]]]] = {}
        self._typo: dict[str, set[str]] = {}
        self._ids: dict[str, Alias] = {}
        for alias in all_aliases(municipalities, named_entities):
            self._ids.setdefault(alias.id, alias)
            for case, form in alias.forms:
                exact, folded = split(form)
                self._add(multi, folded, " ".join(exact), alias, case)
                if len(folded) > 1 and "-" in form:
                    self._add(multi, ["".join(folded)], "".join(exact), alias, case)
        for entries in self._single.values():
            entries.sort(key=lambda e: -e.alias.confidence)
        self._multi = {
            first: tuple(sorted(tables.items(), reverse=True)) for first, tables in multi.items()
        }
        self._keys = frozenset(self._single) | frozenset(self._multi)
        # A token one edit from a typo key keeps the key's first three letters (edit at 3 or
        # later) or its first letter and three letters around the fifth (edit at 1 or 2).
        typo_keys = {key for keys in self._typo.values() for key in keys}
        # Both go with the token's length, which is the key's plus or minus one.
        self._typo_prefixes = frozenset(
            (part, len(key) + change)
            for key in typo_keys
            for part in (key[:3], *(key[0] + key[k : k + 3] for k in (3, 4, 5)))
            for change in (-1, 0, 1)
        )

    def _add(
        self,
        multi: dict[str, dict[int, dict[str, list[_Entry]]]],
        folded: list[str],
        exact: str,
        alias: Alias,
        case: str,
    ) -> None:
        """Register one form under its key (and in the typo index when allowed)."""
        key = " ".join(folded)
        if len(folded) == 1:
            entries = self._single.setdefault(key, [])
        else:
            entries = (
                multi.setdefault(folded[0], {}).setdefault(len(folded), {}).setdefault(key, [])
            )
        if any(e.alias.id == alias.id and e.exact == exact for e in entries):
            return
        case_name = CASE_NAMES.get(case.split("-")[0], case)
        colloquial = " colloquial" if "coll" in case else ""
        label = f"{alias.name} ({alias.source}, {case_name}{colloquial})"
        inner = alias.person_like and case in INNER_CASES
        guarded = alias.guarded and not inner or len(exact) <= SHORT
        entries.append(_Entry(alias, case, exact, label, guarded))
        typo_case = "-coll" not in case and case != "par"
        if alias.typo and typo_case and len(folded) == 1 and len(key) >= TYPO_MIN:
            for variant in (key, *(key[:k] + key[k + 1 :] for k in range(1, len(key)))):
                self._typo.setdefault(variant, set()).add(key)

    def find(self, text: str) -> list[Match]:
        """Return the names found in ``text``, in order, without overlaps.

        Args:
            text: One message or line, as typed.

        Returns:
            Matches with canonical ids and character spans into ``text``.
        """
        low = lower(text)
        folded = fold_lower(low)
        raw = toks = TOKEN.findall(folded)
        if ":" in folded:
            toks = [t.replace(":", "") for t in raw]
        keys, prefixes, near = self._keys, self._typo_prefixes, self._near_words
        starts = [
            i
            for i, t in enumerate(toks)
            if t in keys
            or len(t) >= TYPO_MIN
            and ((t[:3], len(t)) in prefixes or (t[0] + t[4:7], len(t)) in prefixes)
            and t not in near
            or t.endswith(CLITICS)
        ]
        if not starts:
            return []
        spans = _spans(folded, raw)
        hits: list[_Hit] = []
        free = 0
        for i in starts:
            if i < free:
                continue
            hit = self._hit_at(i, toks, spans, low)
            if hit is not None:
                hits.append(hit)
                free = hit.last + 1
        if not hits:
            return []
        return self._matches(text, folded, toks, spans, hits)

    def _hit_at(
        self, i: int, toks: list[str], spans: list[tuple[int, int]], low: str
    ) -> _Hit | None:
        """Return the longest name starting at token ``i``, if any."""
        tok = toks[i]
        groups = self._multi.get(tok)
        if groups is not None:
            for size, table in groups:
                if i + size <= len(toks):
                    entries = table.get(" ".join(toks[i : i + size]))
                    if entries is not None:
                        hit = self._pick(entries, i, i + size - 1, spans, low)
                        if hit is not None:
                            return hit
        entries = self._single.get(tok)
        if entries is not None:
            hit = self._pick(entries, i, i, spans, low)
            if hit is not None:
                return hit
        if len(tok) >= TYPO_MIN:
            hit = self._typo_hit(tok, i, spans, low)
            if hit is not None:
                return hit
        for stem in strip_clitic(tok) if tok.endswith(CLITICS) else ():
            entries = self._single.get(stem)
            if entries is not None and len(stem) > SHORT:
                hit = self._pick(entries, i, i, spans, low, clitic=tok[len(stem) :])
                if hit is not None:
                    return hit
        return None

    @staticmethod
    def _pick(
        entries: list[_Entry],
        first: int,
        last: int,
        spans: list[tuple[int, int]],
        low: str,
        clitic: str = "",
    ) -> _Hit | None:
        """Choose the entry written exactly, or any entry when the text has no ä/ö/å."""
        if first == last:
            start, end = spans[first]
            typed = low[start:end].replace(":", "")
        else:
            typed = " ".join(low[a:b].replace(":", "") for a, b in spans[first : last + 1])
        typed = typed.removesuffix(clitic) if clitic else typed
        for entry in entries:
            if entry.exact == typed:
                return _Hit(first, last, entry, entry.alias.confidence, "exact form")
        if typed.isascii():
            entry = entries[0]
            return _Hit(first, last, entry, entry.alias.confidence * 0.95, "typed without ä/ö")
        return None

    def _typo_hit(self, tok: str, i: int, spans: list[tuple[int, int]], low: str) -> _Hit | None:
        """Return a name one letter away from ``tok``, if exactly one entity is that close."""
        if tok in self._near_words:
            return None
        typo = self._typo
        keys: set[str] = set()
        found = typo.get(tok)
        if found is not None:
            keys |= found
        for k in range(1, len(tok)):
            found = typo.get(tok[:k] + tok[k + 1 :])
            if found is not None:
                keys |= found
        if not keys:
            return None
        typed = low[spans[i][0] : spans[i][1]]
        best: _Entry | None = None
        for key in keys:
            if key[0] != tok[0] or not within_one_edit(key, tok):
                continue
            for entry in self._single[key]:
                if not typed.isascii() and not within_one_edit(entry.exact, typed):
                    continue
                if best is not None and best.alias.id != entry.alias.id:
                    return None
                best = entry
        if best is None:
            return None
        return _Hit(i, i, best, best.alias.confidence * 0.8, f"one letter from '{best.exact}'")

    def _matches(
        self,
        text: str,
        folded: str,
        toks: list[str],
        spans: list[tuple[int, int]],
        hits: list[_Hit],
    ) -> list[Match]:
        """Apply the context check to guarded hits and build the matches."""
        trusted = [h for h in hits if not h.entry.guarded]
        result = []
        for hit in hits:
            why = ""
            if hit.entry.guarded:
                cue = self._cue(text, folded, toks, spans, hit, trusted)
                if cue is None:
                    continue
                why = f"; a place here: {cue}"
            entry = hit.entry
            start, end = spans[hit.first][0], spans[hit.last][1]
            reason = f"{entry.label}: {hit.how}{why}"
            result.append(
                Match(
                    kind=entry.alias.kind,
                    id=entry.alias.id,
                    start=start,
                    end=end,
                    text=text[start:end],
                    confidence=round(hit.confidence, 3),
                    reason=reason,
                )
            )
        return result

    @staticmethod
    def _cue(
        text: str,
        folded: str,
        toks: list[str],
        spans: list[tuple[int, int]],
        hit: _Hit,
        trusted: list[_Hit],
    ) -> str | None:
        """Return what in the sentence makes a guarded hit a place, or None."""
        first, last = hit.first, hit.last
        start, end = spans[first][0], spans[last][1]
        if first == 0 and last == len(toks) - 1:
            return "the whole message is the name"
        if ":" in folded[start:end]:
            return "written with a colon"
        capital = text[start].isupper() and not text.isupper()
        if capital and not hit.entry.alias.person_like and not _sentence_start(text, start):
            return "capitalised inside a sentence"
        if any(t.startswith(LIVING_WORDS) for t in toks):
            return "after a word about living or moving"
        near = toks[max(first - 1, 0) : first] + toks[last + 1 : last + 2]
        if any(t.startswith(PLACE_WORDS) for t in near):
            return "next to 'kunta', 'kaupunki' or the like"
        window = toks[max(first - 2, 0) : first] + toks[last + 1 : last + 3]
        if any(t.startswith(SERVICE_WORDS) for t in window):
            return "next to a family-service word"
        for other in trusted:
            if other.last < first:
                between = toks[other.last + 1 : first]
            else:
                between = toks[last + 1 : other.first]
            if len(between) <= 1 and all(t in CONJUNCTIONS for t in between):
                return "listed with another place"
        return None

    def typo_target(self, token: str) -> str | None:
        """Return the id of the place a folded token is read as by typo tolerance, if any."""
        if len(token) < TYPO_MIN or token in self._single:
            return None
        hit = self._typo_hit(token, 0, [(0, len(token))], token)
        return None if hit is None else hit.entry.alias.id

    def resolve_value(self, text: str) -> Match | None:
        """Turn a slot or entity value into the best canonical match.

        The value may already be a canonical id ("410", "region:Keski-Suomi", "laukaa-hype")
        or a name in any form ("laukaas", "Lahdessa", "Harju-Kiviselle"). A value standing
        alone counts even when the name is also an everyday word.

        Args:
            text: The value.

        Returns:
            The most confident match (the longer one among equals), or None.
        """
        value = text.strip()
        offset = text.find(value)
        alias = self._ids.get(value)
        if alias is not None:
            return Match(
                alias.kind, alias.id, offset, offset + len(value), value, 1.0, "canonical id"
            )
        matches = self.find(value)
        if not matches:
            return None
        best = max(matches, key=lambda m: (m.confidence, m.end - m.start))
        return Match(
            best.kind,
            best.id,
            best.start + offset,
            best.end + offset,
            best.text,
            best.confidence,
            best.reason,
        )
