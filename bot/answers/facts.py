"""Programme facts that answer the question asked: what is asked, about which area.

A question is matched to the facts by lemma overlap (TF-IDF over the lemmas of each fact's
title, text, points, dates and amounts, with scikit-learn), by the topics the NLU found, by
the kind of thing asked (when → a fact with dates, how much → amounts, who → contacts) and by
area: a fact of the parent's region or wellbeing county (a municipality inherits its
region's) comes before a national one, and another region's facts are never given for a
place in a known region. The same lemma overlap picks, among a team, the person whose area of
responsibility the question names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from sklearn.feature_extraction.text import TfidfVectorizer

from bot.directory.model import Person, ProgrammeFact
from bot.directory.place import Place
from bot.directory.queries import Directory
from bot.lemmas import QUESTION_WORDS, lemma
from bot.places.vocabulary import vocabulary_of
from bot.text import words

#: Lemmas that ask for a kind of fact, and the fact field that answers it (Finnish lemmas;
#: Swedish and English words as written, folded, since the lemmatiser is Finnish).
_ASKS_WHEN = frozenset(
    {"milloin", "koska", "vuosi", "kesto", "kauan", "alkaa", "paattya"}
    | {"nar", "lange", "startade", "borjade", "slutade", "pagick", "ar"}
    | {"when", "long", "start", "started", "began", "begin", "end", "ended", "year", "dates"}
)
_ASKS_MONEY = frozenset(
    {"paljonko", "raha", "rahoitus", "euro", "muutosraha", "myontaa", "saada"}
    | {"mycket", "pengar", "finansiering", "anslag", "euro", "fick"}
    | {"much", "money", "funding", "funded", "euros", "budget", "grant", "got", "receive"}
)
#: "What is …?" in each language: the definition card (a fact titled as a question).
_ASKS_WHAT = frozenset({"mika", "vad", "what"})
_ASKS_WHO = frozenset(
    {"kuka", "kenen", "keneen", "kenelle", "hallinnoida", "koordinoida", "vetaa", "johtaa"}
    | {"vem", "vems", "koordinerade", "koordinerar", "administrerade", "ledde", "leder"}
    | {"who", "whom", "whose", "coordinated", "coordinates", "administered", "led", "leads"}
)
#: Lemmas that say nothing about which fact is meant.
_STOP = QUESTION_WORDS | frozenset(
    {"olla", "ja", "tai", "se", "ne", "tama", "joka", "jokin", "voida", "kertoa", "tieto"}
)
#: A year in a question or a fact.
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: Weights of the features besides lemma overlap.
TOPIC_MAIN, TOPIC_RELATED = 0.6, 0.3
KIND_MATCH = 0.3
#: A year the question names and the fact names too ("mitä tehdään 2019") is as telling as
#: the fact's own topic.
YEAR_MATCH = TOPIC_MAIN
OWN_AREA, NATIONAL_WITHOUT_PLACE = 0.25, 0.1
#: Length of the stem feature.
STEM = 6
#: A second fact is shown when it scores at least this share of the best.
SECOND_SHARE = 0.85


@dataclass(frozen=True)
class _Area:
    """Where the parent is, as far as facts go: a region and a county (either may be None)."""

    region: str | None
    county: str | None


def _lemmas(text: str) -> list[str]:
    return [lemma(word) for word in words(text)]


def content_lemmas(text: str) -> list[str]:
    """Lemmas that carry meaning, plus their stems (koordinoida, koordinaatiovastuu)."""
    lemmas = [word for word in _lemmas(text) if word not in _STOP]
    return lemmas + [f"{word[:STEM]}-" for word in lemmas if len(word) > STEM]


def responsible_for(
    directory: Directory, persons: tuple[Person, ...], text: str
) -> tuple[Person, ...]:
    """The persons whose area of responsibility the question names, else all of them.

    "vaativan tason palvelut keski-suomi yhteyshenkilö" asks for one of the team. The
    responsibility matches in each language an editor has written it in ("tjänster på
    krävande nivå"), and a service or topic of the directory's vocabulary in any language
    ("early childhood education" names varhaiskasvatus).
    """
    words_of = vocabulary_of(directory)
    asked = set(content_lemmas(text)) | set(words_of.find(text, "service"))
    asked |= set(words_of.find(text, "topic"))

    def named(person: Person) -> set[str]:
        languages = (person.responsibility, person.responsibility_sv, person.responsibility_en)
        responsibility = " ".join(filter(None, languages))
        found = {*words_of.find(responsibility, "service"), *words_of.find(responsibility, "topic")}
        # Short words ("för", "och", "the") say nothing of which responsibility is meant.
        return {word for word in content_lemmas(responsibility) if len(word) > 3} | found

    shared = [len(asked & named(p)) for p in persons]
    best = max(shared, default=0)
    return tuple(p for p, n in zip(persons, shared, strict=True) if n == best) if best else persons


def _document(fact: ProgrammeFact) -> str:
    parts = [fact.title, fact.text, *fact.points]
    parts += [f"{d.label} {d.text}" for d in fact.dates]
    parts += [f"{a.label} {a.period or ''}" for a in fact.amounts]
    return " ".join(parts)


@lru_cache(maxsize=4)
def _index(facts: tuple[ProgrammeFact, ...]) -> tuple[TfidfVectorizer, object]:
    vectorizer = TfidfVectorizer(analyzer=content_lemmas, sublinear_tf=True)
    matrix = vectorizer.fit_transform([_document(fact) for fact in facts])
    return vectorizer, matrix


def _area_of(directory: Directory, place: str | None) -> _Area | None:
    if place is None:
        return None
    area = Place.parse(place)
    if area.kind == "region":
        return _Area(area.name, None)
    if area.kind == "county":
        return _Area(None, area.name)
    municipality = directory.municipality(place)
    if municipality is None:
        return None
    return _Area(municipality.region_fi, municipality.county_fi)


def _area_score(fact: ProgrammeFact, area: _Area | None) -> float | None:
    """Bonus for the parent's own area; None when the fact belongs to another area."""
    if fact.area.national:
        return 0.0 if area is not None else NATIONAL_WITHOUT_PLACE
    if area is None:
        return 0.0
    own = (area.region is not None and area.region in fact.area.regions) or (
        area.county is not None and area.county in fact.area.counties
    )
    if own:
        return OWN_AREA
    if fact.area.municipalities and not fact.area.regions and not fact.area.counties:
        return 0.0
    return None


def _kind_score(fact: ProgrammeFact, asked: set[str]) -> float:
    score = 0.0
    if asked & _ASKS_WHEN and fact.dates:
        score += KIND_MATCH
    if asked & _ASKS_MONEY and fact.amounts:
        score += KIND_MATCH
    if asked & _ASKS_WHO and (fact.contacts or fact.units):
        score += KIND_MATCH
    if asked & _ASKS_WHAT and fact.title.endswith("?"):
        score += KIND_MATCH  # "mikä on perhekeskus?" asks for the definition card
    return score


def rank_facts(
    directory: Directory, text: str, topics: Sequence[str], place: str | None
) -> list[ProgrammeFact]:
    """The one or two facts that best answer a question.

    Args:
        directory: The directory.
        text: The parent's message.
        topics: Topic ids the NLU or the vocabulary found in it.
        place: The place the question is about (municipality code or ``region:…``), if any.

    Returns:
        The best fact and, when it scores nearly as well, the next one; empty when nothing in
        the facts relates to the question.
    """
    facts = directory.facts
    if not facts:
        return []
    vectorizer, matrix = _index(facts)
    query = vectorizer.transform([text])
    overlap = (matrix @ query.T).toarray().ravel()
    asked_topics = set(topics)
    asked = set(_lemmas(text))
    years = set(YEAR.findall(text))
    area = _area_of(directory, place)
    scored: list[tuple[float, int, float, ProgrammeFact]] = []
    for order, fact in enumerate(facts):
        area_score = _area_score(fact, area)
        if area_score is None:
            continue
        topic_score = TOPIC_MAIN * (fact.topic in asked_topics) + TOPIC_RELATED * len(
            asked_topics & set(fact.related_topics)
        )
        relevance = float(overlap[order]) + topic_score
        if relevance <= 0:
            continue
        score = relevance + _kind_score(fact, asked) + area_score
        score += YEAR_MATCH * bool(years & set(YEAR.findall(_document(fact))))
        scored.append((score, -order, area_score, fact))
    if not scored:
        return []
    scored.sort(reverse=True)
    best = scored[0]
    result = [best[3]]
    second = scored[1] if len(scored) > 1 else None
    # A second fact only from the same level: the region's own figure is not followed by the
    # national one ("paljonko Keski-Suomi sai" is not answered with 19 M€).
    if second is not None and second[0] >= best[0] * SECOND_SHARE and second[2] == best[2]:
        result.append(second[3])
    return result


def warm_up() -> None:
    """Load the lemma dictionary now, so that the first parent does not wait for it."""
    lemma("perhekeskus")
