"""Service, role, topic and contact-field words → canonical ids.

Place, unit and person names are proper names: :class:`bot.places.resolver.Resolver`
generates their case forms and forgives typos. The vocabulary is common nouns, which parents
write inflected, in the plural and inside compounds (lastenneuvolaan, perhekeskuspilotit,
familjecentrets), so a vocabulary name matches by the stems of its words: each word of the
name must begin a word of the text. A stem is the word less its last two letters (at least
four letters are kept), and a ``-nen`` adjective loses its ``nen`` (psykiatrisen).

Generating case forms instead, as for places, was measured on the independent parent sets:
it missed a vocabulary word in 114 of 566 messages (compounds, plurals, Swedish definite
forms, "LAPE"), so the two kinds of word keep their own matching rule, in this one package.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.text import word_spans, words

if TYPE_CHECKING:
    from bot.directory.queries import Directory

#: Vocabulary kinds and the entity of the same name.
KINDS = ("service", "role", "topic", "contact_field")
#: Shorter stems are no evidence that a message is about family services ("ja", "lape").
CUE_MIN = 5

#: Words that ask for a phone number, an email or both, in Finnish, Swedish and English. They are
#: no directory entries, so they live here.
CONTACT_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "phone",
        (
            "puhelin",
            "puhelinnumero",
            "numero",
            "nro",
            "puh",
            "soittaa",
            "soitto",
            "gsm",
            "kännykkä",
            "telefon",
            "telefonnummer",
            "nummer",
            "numret",
            "mobilnummer",
            "ringa",
            "phone",
            "number",
            "mobile",
            "call",
        ),
    ),
    (
        "email",
        (
            "sähköposti",
            "sposti",
            "s-posti",
            "email",
            "e-mail",
            "meili",
            "maili",
            "epost",
            "e-post",
            "e-postadress",
            "mail",
        ),
    ),
    (
        "contact",  # both
        (
            "yhteystiedot",
            "yhteystieto",
            "kontaktuppgifter",
            "kontaktinformation",
            "contact details",
            "contact information",
            "contact info",
        ),
    ),
)


def stem(word: str) -> str:
    """The beginning of a folded word that its inflected and compound forms share."""
    if word.endswith("nen") and len(word) > 6:
        return word[:-3]
    return word[: max(4, len(word) - 2)]


def _begins(sorted_words: list[str], prefix: str) -> bool:
    """Whether a word of the sorted list begins with ``prefix`` (a binary search)."""
    at = bisect_left(sorted_words, prefix)
    return at < len(sorted_words) and sorted_words[at].startswith(prefix)


@dataclass(frozen=True)
class Term:
    """One name of one vocabulary entry, as the stems of its words."""

    kind: str
    id: str
    stems: tuple[str, ...]


class Vocabulary:
    """Finds the vocabulary entries a text names, in any inflection."""

    def __init__(self, entries: Iterable[tuple[str, str, Sequence[str]]]) -> None:
        """Index the names.

        Args:
            entries: ``(kind, id, names)``: kind one of :data:`KINDS`, names in any of the
                bot's languages, base form.
        """
        self._terms = tuple(
            Term(kind, entry_id, tuple(stem(word) for word in words(name)))
            for kind, entry_id, names in entries
            for name in names
            if words(name)
        )
        self._ids = {(term.kind, term.id) for term in self._terms}

    def _named(self, text_words: Iterable[str], kind: str | None = None) -> Iterator[Term]:
        """The terms (of ``kind``, else of any kind) every stem of which begins a text word."""
        index = sorted(set(text_words))
        return (
            term
            for term in self._terms
            if (kind is None or term.kind == kind) and all(_begins(index, s) for s in term.stems)
        )

    def find(self, text: str, kind: str) -> tuple[str, ...]:
        """Ids of the entries of ``kind`` that the text names, in the vocabulary's order."""
        return tuple(dict.fromkeys(term.id for term in self._named(words(text), kind)))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of the words that name an entry of any kind in the text.

        "is there an avoin päiväkoti in Äänekoski?" names a service in Finnish inside an
        English sentence: the language detector leaves those words out.
        """
        found = word_spans(text)
        named = {s for term in self._named(word for _, _, word in found) for s in term.stems}
        return [(a, b) for a, b, word in found if any(word.startswith(s) for s in named)]

    def canonical(self, value: str | None, kind: str) -> str | None:
        """The id an entity value stands for: the value when it is an id, else the first named."""
        if value is None or (kind, value) in self._ids:
            return value
        found = self.find(value, kind)
        return found[0] if found else None

    def cue_stems(self) -> frozenset[str]:
        """Stems of the service, role and topic names: words that make a nearby name a place."""
        return frozenset(
            s
            for term in self._terms
            if term.kind != "contact_field"
            for s in term.stems
            if len(s) >= CUE_MIN
        )

    def only(self, text: str, kind: str) -> str | None:
        """The one entry of ``kind`` the text names, or None when it names none or several."""
        found = self.find(text, kind)
        return found[0] if len(found) == 1 else None


#: Each directory's vocabulary, built on first use: a directory is read-only once built, and a
#: reloaded one is a new object (:class:`bot.directory.store.DirectoryStore`), so an entry
#: lives as long as its directory.
_VOCABULARIES: weakref.WeakKeyDictionary[Directory, Vocabulary] = weakref.WeakKeyDictionary()


def vocabulary_of(directory: Directory) -> Vocabulary:
    """The directory's services, roles and topics in every language, and the contact fields."""
    vocabulary = _VOCABULARIES.get(directory)
    if vocabulary is None:
        vocabulary = _VOCABULARIES[directory] = _build(directory)
    return vocabulary


def _build(directory: Directory) -> Vocabulary:
    entries: list[tuple[str, str, tuple[str, ...]]] = [
        ("service", s.id, (s.name_fi, s.name_sv or "", s.name_en or "", *s.aliases))
        for s in directory.services
    ]
    entries += [
        ("role", r.id, (r.title_fi, r.title_sv or "", r.title_en or "", *r.aliases))
        for r in directory.roles
    ]
    entries += [
        ("topic", t.id, (t.name_fi, t.name_sv or "", t.name_en or "", *t.aliases))
        for t in directory.topics
    ]
    entries += [("contact_field", field, names) for field, names in CONTACT_FIELDS]
    return Vocabulary(entries)
