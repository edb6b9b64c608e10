"""Find municipality, region, county, unit and person names in Finnish, Swedish and English text.

The resolver turns every alias form into lookup keys once, then scans a line token by token:
a dictionary lookup per token (and per multi-word name starting there), a one-letter typo
check for longer unknown tokens, and a context check for names that are also everyday words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from bot.directory.municipalities import Municipality
from bot.places.context import place_cue, unit_with_town
from bot.places.inflect import CASE_NAMES, CLITICS, strip_clitic
from bot.places.names import SHORT, Alias, all_aliases
from bot.places.text import TOKEN, split
from bot.places.typos import TypoIndex, one_typo, typo_cost
from bot.text import fold_lower, lower

INNER_CASES = frozenset({"ine", "ela", "ill", "ine-pl", "ela-pl", "ill-pl", "ine-coll", "ela-coll"})


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
    guarded: bool


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


class Resolver:
    """Finds names of municipalities, regions, counties, units and persons in text."""

    def __init__(
        self,
        municipalities: Mapping[str, Municipality],
        named_entities: Iterable[tuple[str, str, list[str]]],
        near_words: frozenset[str],
        cue_words: Iterable[str] = (),
    ) -> None:
        """Build the lookup tables.

        Args:
            municipalities: Municipalities by code (``bot.directory.municipalities``).
            named_entities: ``(kind, id, names)`` of directory units and persons, kind
                "unit" or "person", names in the nominative.
            near_words: Everyday words never read as a typo of a place
                (:func:`bot.places.nearwords.load_near_words`).
            cue_words: Folded word beginnings of the directory's services, roles and topics:
                next to one, a name that is also an everyday word is a place
                (:meth:`bot.places.vocabulary.Vocabulary.cue_stems`).
        """
        self._near_words = near_words
        self._cue_words = tuple(sorted(cue_words))
        self._single: dict[str, list[_Entry]] = {}
        multi: dict[str, dict[int, dict[str, list[_Entry]]]] = {}
        self._typo_keys: dict[str, None] = {}
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
        self._typos = TypoIndex(self._typo_keys)

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
        if alias.typo and typo_case and len(folded) == 1:
            self._typo_keys[key] = None

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
        keys, maybe_typo, near = self._keys, self._typos.maybe, self._near_words
        starts = [
            i
            for i, t in enumerate(toks)
            if t in keys or maybe_typo(t) and t not in near or t.endswith(CLITICS)
        ]
        if "-" in folded:
            joined = [i for i, t in enumerate(toks[:-1]) if maybe_typo(t + toks[i + 1])]
            starts = sorted({*starts, *joined})
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
        hit = None if tok in self._single else self._typo_hit(tok, i, spans, low)
        if hit is not None:
            return hit
        if i + 1 < len(toks) and low[spans[i][1] : spans[i + 1][0]] == "-":  # Mäntä-Vilppula
            joined = tok + toks[i + 1]
            hit = None if joined in self._single else self._typo_hit(joined, i, spans, low, i + 1)
            if hit is not None:
                return hit
        for stem in strip_clitic(tok) if tok.endswith(CLITICS) else ():
            entries = self._single.get(stem)
            if entries is not None and len(stem) > SHORT:
                hit = self._pick(entries, i, i, spans, low, clitic=tok[len(stem) :])
                if hit is not None:
                    return hit
        return None

    def _pick(
        self,
        entries: list[_Entry],
        first: int,
        last: int,
        spans: list[tuple[int, int]],
        low: str,
        clitic: str = "",
    ) -> _Hit | None:
        """Choose the entry written exactly, or any entry when the text has no ä/ö/å.

        Some ä/ö/å typed as a or o ("jyväskylassa") still match; an ä/ö/å where the name
        has none ("askölaan") is a typo, unless the word is an everyday one ("lähti").
        """
        if first == last:
            start, end = spans[first]
            typed = low[start:end].replace(":", "")
        else:
            typed = " ".join(low[a:b].replace(":", "") for a, b in spans[first : last + 1])
        typed = typed.removesuffix(clitic) if clitic else typed
        for entry in entries:
            if entry.exact == typed:
                return _Hit(first, last, entry, entry.alias.confidence, "exact form", entry.guarded)
        if typed.isascii():
            entry = entries[0]
            confidence = entry.alias.confidence * 0.95
            return _Hit(first, last, entry, confidence, "typed without ä/ö", entry.guarded)
        for entry in entries:
            if all(t == e or not e.isascii() for t, e in zip(typed, entry.exact, strict=False)):
                confidence = entry.alias.confidence * 0.9
                return _Hit(first, last, entry, confidence, "some ä/ö typed as a/o", entry.guarded)
        if typed in self._near_words:
            return None
        entry_key = fold_lower(typed)
        for entry in entries:
            alias = entry.alias
            if alias.typo and (one_typo(entry.exact, typed) or one_typo(entry_key, typed)):
                guarded = entry.guarded or alias.typo_needs_cue
                how = f"one typo from '{entry.exact}'"
                return _Hit(first, last, entry, alias.confidence * 0.8, how, guarded)
        return None

    def _typo_hit(
        self, tok: str, i: int, spans: list[tuple[int, int]], low: str, last: int = -1
    ) -> _Hit | None:
        """Return the place one typo away from ``tok`` (tokens ``i`` to ``last``), if any.

        The everyday words of ``near_words.txt`` are never read so; a token typed with
        ä/ö/å must be one typo from the form as written or from it without ä/ö. When two
        places are that close, the likelier typo decides, and an equal pair gives nothing.
        A typo in the first letter, or of a short or common-word name, counts only with a
        place cue (``yhtään`` is one letter from Pyhtää).
        """
        if tok in self._near_words:
            return None
        last = i if last < 0 else last
        typed = low[spans[i][0] : spans[last][1]].replace("-", "")
        best: dict[str, tuple[int, _Entry, str]] = {}
        for key in self._typos.near(tok):
            cost = typo_cost(key, tok)
            for entry in self._single[key]:
                written = typed.isascii() or one_typo(key, typed) or one_typo(entry.exact, typed)
                known = best.get(entry.alias.id)
                if entry.alias.typo and written and (known is None or cost < known[0]):
                    best[entry.alias.id] = (cost, entry, key)
        if not best:
            return None
        ranked = sorted(best.values(), key=lambda found: found[0])
        if len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
            return None
        _, entry, key = ranked[0]
        alias = entry.alias
        guarded = entry.guarded or alias.typo_needs_cue or key[0] != tok[0]
        how = f"one typo from '{entry.exact}'"
        return _Hit(i, last, entry, alias.confidence * 0.8, how, guarded)

    def _matches(
        self,
        text: str,
        folded: str,
        toks: list[str],
        spans: list[tuple[int, int]],
        hits: list[_Hit],
    ) -> list[Match]:
        """Apply the context check to guarded hits and build the matches."""
        trusted = [(h.first, h.last) for h in hits if not h.guarded]
        names = [(h.entry.alias.kind, h.first, h.last) for h in hits]
        result = []
        for hit in hits:
            why = ""
            if hit.guarded and unit_with_town(hit.entry.alias.kind, hit.first, hit.last, names):
                why = "; a place here: a unit named with a town"
            elif hit.guarded:
                name = (hit.first, hit.last)
                person_like = hit.entry.alias.person_like
                cue = place_cue(
                    text, folded, toks, spans, name, person_like, trusted, self._cue_words
                )
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

    def is_form(self, token: str) -> bool:
        """Return whether a folded single word is a form of a known name."""
        return token in self._single

    def typo_target(self, word: str) -> str | None:
        """Return the id of the place a lower-case word is read as only by typo, if any.

        Such an everyday word belongs in ``near_words.txt``: folded when it is one typo from
        a form ("valtaa", Vantaa), as written when it is a form with a wrong ä/ö ("lähti").
        """
        token = fold_lower(word)
        span = [(0, len(word))]
        entries = self._single.get(token)
        if entries is None:
            hit = self._typo_hit(token, 0, span, word)
        elif word.isascii() or any(entry.exact == word for entry in entries):
            return None
        else:
            hit = self._pick(entries, 0, 0, span, word)
        return None if hit is None or not hit.how.startswith("one typo") else hit.entry.alias.id

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
