"""What parents could not get answered: categories, groups of similar wording, counts.

An exchange (:class:`~bot.report.events.Exchange`) falls into one or more categories:

* ``fallback``: the bot did not understand (``action_fallback`` gave no answer with a source,
  or the message was ``nlu_fallback`` / ``out_of_scope`` and nothing with a source followed);
* ``no_info``: the answer says the directory has nothing ("Hakemistossa ei ole …");
* ``low_confidence``: a factual answer although the classifier was unsure;
* ``not_helpful``: the parent pressed 👎 after the answer (with the optional reason);
* ``handoff``: the parent asked for a person.

Similar wordings are grouped with rapidfuzz's ``token_set_ratio``, so that an editor sees
"neuvola muurame" and "muuramen neuvola?" as one need.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Final

from rapidfuzz import fuzz

from bot.answers.intents import Intent
from bot.report.events import Exchange

#: Category ids and their Finnish names, in the order the report shows them.
CATEGORIES: Final = {
    "fallback": "Ei ymmärretty (fallback)",
    "no_info": "Ei tietoa hakemistossa",
    "low_confidence": "Epävarma tunnistus",
    "not_helpful": "Palaute: ei auttanut",
    "handoff": "Pyysi ihmistä",
}
#: A factual answer under this classifier confidence counts as ``low_confidence``.
LOW_CONFIDENCE: Final = 0.8
#: Wordings at least this similar (0–100) are one group.
SIMILARITY: Final = 80.0
#: The phrase of an answer that says the directory has nothing.
NO_INFO_PHRASE: Final = "Hakemistossa ei ole"
PROVENANCE_START: Final = "Lähde: "
FALLBACK_INTENTS: Final = frozenset({Intent.NLU_FALLBACK, Intent.OUT_OF_SCOPE})
FEEDBACK_INTENTS: Final = frozenset({Intent.FEEDBACK_HELPFUL, Intent.FEEDBACK_NOT_HELPFUL})
HANDOFF_INTENT: Final = Intent.ASK_HUMAN
#: Intents that are not a question about services (greetings, feedback, crisis).
NOT_TOPICS: Final = frozenset(
    {
        Intent.GREET,
        Intent.GOODBYE,
        Intent.THANK,
        Intent.AFFIRM,
        Intent.DENY,
        Intent.BOT_CHALLENGE,
        Intent.CRISIS,
        *FEEDBACK_INTENTS,
    }
)
#: Entity types that say what a question is about.
TOPIC_ENTITIES: Final = ("service", "topic", "role")
#: How a question is shown among the topics when it names no service, topic or role.
INTENT_TOPICS: Final = {
    Intent.ASK_SERVICES: "perhepalvelut kunnassa",
    Intent.FIND_SERVICE: "tietty palvelu",
    Intent.ASK_MEETING_PLACES: "kohtaamispaikat",
    Intent.ASK_UNIT_INFO: "yksikön tiedot",
    Intent.ASK_CONTACT_ROLE: "yhteyshenkilöt",
    Intent.ASK_PERSON_CONTACT: "henkilön yhteystiedot",
    Intent.ASK_PROGRAMME: "LAPE ja perhekeskukset",
    Intent.INFORM_PLACE: "kunnan nimi",
    Intent.ASK_CAPABILITIES: "mitä botti osaa",
    Intent.ASK_HUMAN: "ihmisen tavoittaminen",
}
UNRECOGNISED_TOPIC: Final = "(ei tunnistettu)"


@dataclass
class Flagged:
    """A message in the report.

    Attributes:
        exchange: The message and the bot's turn.
        categories: Its category ids.
        reason: The parent's reason after 👎, masked.
        place: The name of the parent's place, as the report shows it.
    """

    exchange: Exchange
    categories: list[str]
    reason: str = ""
    place: str = ""


@dataclass
class Group:
    """Messages of similar wording."""

    label: str
    members: list[Flagged] = field(default_factory=list)

    @property
    def categories(self) -> list[str]:
        """The categories of its members, in report order."""
        found = {category for member in self.members for category in member.categories}
        return [category for category in CATEGORIES if category in found]


def factual(exchange: Exchange) -> bool:
    """Whether the bot's turn carried a source line."""
    return any(
        line.startswith(PROVENANCE_START)
        for reply in exchange.replies
        for line in reply.splitlines()
    )


def is_feedback_step(exchange: Exchange) -> bool:
    """A 👍/👎 press or the reason after 👎: feedback, not a question."""
    return exchange.intent in FEEDBACK_INTENTS or bool(
        exchange.feedback and "reason" in exchange.feedback
    )


def flag(exchanges: Sequence[Exchange], low_confidence: float = LOW_CONFIDENCE) -> list[Flagged]:
    """The messages that belong in the report, each with its categories.

    Args:
        exchanges: Exchanges grouped by conversation, in time order.
        low_confidence: Confidence under which a factual answer is ``low_confidence``.
    """
    flagged: dict[int, Flagged] = {}
    last_question: dict[str, int] = {}

    def add(index: int, category: str) -> Flagged:
        entry = flagged.setdefault(index, Flagged(exchanges[index], []))
        if category not in entry.categories:
            entry.categories.append(category)
        return entry

    for index, exchange in enumerate(exchanges):
        previous = last_question.get(exchange.sender)
        if exchange.intent == "feedback_not_helpful" and previous is not None:
            add(previous, "not_helpful")
            continue
        if exchange.feedback and exchange.feedback.get("reason") and previous is not None:
            add(previous, "not_helpful").reason = str(exchange.feedback["reason"])
            continue
        if is_feedback_step(exchange) or exchange.intent == Intent.CRISIS:
            continue
        last_question[exchange.sender] = index
        answered = factual(exchange)
        if not answered and (
            exchange.intent in FALLBACK_INTENTS or "action_fallback" in exchange.actions
        ):
            add(index, "fallback")
        if any(NO_INFO_PHRASE in reply for reply in exchange.replies):
            add(index, "no_info")
        if answered and exchange.confidence < low_confidence:
            add(index, "low_confidence")
        if exchange.intent == HANDOFF_INTENT:
            add(index, "handoff")
    return [flagged[index] for index in sorted(flagged)]


def group(flagged: Iterable[Flagged], similarity: float = SIMILARITY) -> list[Group]:
    """Group messages of similar wording, the largest group first.

    Each message joins the first group whose label is at least ``similarity`` similar
    (rapidfuzz ``token_set_ratio`` on case-folded text), otherwise starts a new one.
    """
    groups: list[Group] = []
    keys: list[str] = []
    for entry in flagged:
        key = " ".join(entry.exchange.text.casefold().split())
        for index, other in enumerate(keys):
            if fuzz.token_set_ratio(key, other) >= similarity:
                groups[index].members.append(entry)
                break
        else:
            groups.append(Group(entry.exchange.text, [entry]))
            keys.append(key)
    return sorted(groups, key=lambda g: -len(g.members))


def week_of(timestamp: float) -> str:
    """The ISO week of a time, e.g. ``2026-W49``."""
    year, week, _ = datetime.fromtimestamp(timestamp, tz=timezone.utc).isocalendar()
    return f"{year}-W{week:02d}"


def counts_by(
    exchanges: Iterable[Exchange],
    flagged: Iterable[Flagged],
    key: Callable[[Exchange], str],
) -> list[tuple[str, int, dict[str, int]]]:
    """Per key: all questions, and the flagged ones per category, sorted by key.

    Feedback steps are not questions and are not counted.
    """
    questions: Counter[str] = Counter(key(e) for e in exchanges if not is_feedback_step(e))
    per_category: dict[str, Counter[str]] = {}
    for entry in flagged:
        for category in entry.categories:
            per_category.setdefault(key(entry.exchange), Counter())[category] += 1
    return [
        (name, total, dict(per_category.get(name, Counter())))
        for name, total in sorted(questions.items())
    ]


def top_topics(exchanges: Iterable[Exchange], limit: int = 15) -> list[tuple[str, int]]:
    """What parents asked about most: service, topic and role words, else the intent."""
    topics: Counter[str] = Counter()
    for exchange in exchanges:
        if exchange.intent in NOT_TOPICS or is_feedback_step(exchange):
            continue
        named = [v for kind in TOPIC_ENTITIES for v in exchange.entities.get(kind, [])]
        fallback = INTENT_TOPICS.get(exchange.intent, UNRECOGNISED_TOPIC)
        for value in dict.fromkeys(named) or [fallback]:
            topics[value] += 1
    return topics.most_common(limit)


@dataclass
class Report:
    """Everything the report page and its CSV files show.

    Attributes:
        since: Start of the period (Unix time).
        until: End of the period (Unix time).
        questions: Messages in the period that were questions (not feedback steps).
        flagged: The messages in the report.
        groups: The flagged messages grouped by similar wording.
        by_place: Per municipality: questions and flagged ones per category.
        by_week: Per ISO week: questions and flagged ones per category.
        topics: The most asked topics with their counts.
    """

    since: float
    until: float
    questions: int
    flagged: list[Flagged]
    groups: list[Group]
    by_place: list[tuple[str, int, dict[str, int]]]
    by_week: list[tuple[str, int, dict[str, int]]]
    topics: list[tuple[str, int]]


def build_report(
    exchanges: Sequence[Exchange],
    place_name: Callable[[str | None], str],
    since: float,
    until: float,
    low_confidence: float = LOW_CONFIDENCE,
) -> Report:
    """Analyse the exchanges of a period.

    Args:
        exchanges: Exchanges grouped by conversation, in time order.
        place_name: The name shown for a ``place`` slot value (None: not known).
        since: Start of the period (Unix time).
        until: End of the period (Unix time).
        low_confidence: Confidence under which a factual answer is ``low_confidence``.
    """
    flagged = flag(exchanges, low_confidence)
    for entry in flagged:
        entry.place = place_name(entry.exchange.place)
    return Report(
        since=since,
        until=until,
        questions=sum(1 for exchange in exchanges if not is_feedback_step(exchange)),
        flagged=flagged,
        groups=group(flagged),
        by_place=counts_by(exchanges, flagged, lambda e: place_name(e.place)),
        by_week=counts_by(exchanges, flagged, lambda e: week_of(e.timestamp)),
        topics=top_topics(exchanges),
    )
