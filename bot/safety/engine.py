"""The crisis rule engine: word-pattern rules over folded text, in any of the bot's languages.

A :class:`Rule` is a regex over text that is lower-cased and folded (ä→a, ö→o, å→a,
punctuation → space) and split into sentences, so "mies lyö minua", "mies lyo mua" and
"Missä on HyPe? mies lyö minua" all match. ``unless`` marks informational use, children's
behaviour or a figure of speech in the same sentence; ``requires`` asks for a second word in
the same sentence. The helpers build the patterns: :func:`words` for alternative word
regexes, :func:`near` and :func:`then` for two words close to each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal, get_args

from bot.directory.model import LANGUAGES, HelplineKind, Language
from bot.text import fold

CrisisCategory = Literal["danger", "violence", "suicide", "medical"]
#: When a message matches several categories, the first of these wins.
CATEGORY_ORDER: tuple[CrisisCategory, ...] = ("medical", "danger", "violence", "suicide")
DEFAULT_HELPLINE: dict[CrisisCategory, HelplineKind] = {
    "violence": "violence",
    "suicide": "crisis",
}


@dataclass(frozen=True)
class Rule:
    """One way of describing a crisis.

    Attributes:
        category: Kind of crisis.
        reason: Why it matches (English, for logs and tests).
        pattern: Regex over one folded sentence.
        unless: Regex that, found in the same sentence, cancels the match.
        requires: Regex that must also be found in the same sentence.
        helpline: The kind of helpline that fits, if any.
    """

    category: CrisisCategory
    reason: str
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None
    requires: re.Pattern[str] | None
    helpline: HelplineKind | None


@dataclass(frozen=True)
class CrisisMatch:
    """A crisis found in a message.

    Attributes:
        category: Kind of crisis.
        phrase: The words of the message that matched, as the user wrote them.
        reason: Why it matched (English, for logs and tests).
        helpline: The kind of national helpline that fits, if any.
        language: The language of the rule that matched: the reply is written in it.
        young: Whether the message is about a child or young person (adds the child line).
    """

    category: CrisisCategory
    phrase: str
    reason: str
    helpline: HelplineKind | None
    language: Language
    young: bool = False

    def as_value(self) -> dict[str, Any]:
        """What the conversation keeps of the crisis: no words of the message.

        The NLU component puts it in the message's parse data (``crisis``), and the crisis
        action keeps it in the ``situation`` slot.
        """
        return {
            "category": self.category,
            "language": self.language,
            "young": self.young,
            "helpline": self.helpline,
        }

    @classmethod
    def from_value(cls, value: Any) -> CrisisMatch | None:
        """The crisis of :meth:`as_value`, or None for anything else."""
        if not isinstance(value, dict):
            return None
        category = next((c for c in CATEGORY_ORDER if c == value.get("category")), None)
        language = next((lang for lang in LANGUAGES if lang == value.get("language")), None)
        if category is None or language is None:
            return None
        helplines: tuple[HelplineKind, ...] = get_args(HelplineKind)
        helpline = next((h for h in helplines if h == value.get("helpline")), None)
        if "helpline" not in value:  # kept before the helpline was: the category's own
            helpline = DEFAULT_HELPLINE.get(category)
        return cls(
            category=category,
            phrase="",
            reason="remembered",
            helpline=helpline,
            language=language,
            young=bool(value.get("young")),
        )


def words(stems: str) -> str:
    """Regex for one whole word matching any of the space-separated word regexes."""
    return r"\b(?:" + "|".join(stems.split()) + r")\b"


def near(first: str, second: str, gap: int = 3) -> str:
    """Regex for two words at most ``gap`` words apart, in either order."""
    return f"(?:{then(first, second, gap)}|{then(second, first, gap)})"


def then(first: str, second: str, gap: int = 3) -> str:
    """Regex for a word followed by another at most ``gap`` words later."""
    return rf"(?:{first})(?:\s+\w+){{0,{gap}}}\s+(?:{second})"


def rule(
    category: CrisisCategory,
    reason: str,
    *patterns: str,
    unless: str | None = None,
    requires: str | None = None,
    helpline: HelplineKind | None = None,
) -> Rule:
    """Build a rule; the category's usual helpline applies unless another is named."""
    return Rule(
        category=category,
        reason=reason,
        pattern=re.compile("|".join(f"(?:{pattern})" for pattern in patterns)),
        unless=re.compile(unless) if unless else None,
        requires=re.compile(requires) if requires else None,
        helpline=helpline or DEFAULT_HELPLINE.get(category),
    )


@dataclass(frozen=True)
class RuleSet:
    """The rules of one language.

    Attributes:
        language: The language the rules are written for.
        rules: The rules, in any order (the category decides which match wins).
        young: Tells that a message is about a child or young person.
        help_question: Tells that a message asks whom to talk to or where to get help.
    """

    language: Language
    rules: tuple[Rule, ...]
    young: re.Pattern[str]
    help_question: re.Pattern[str]


def blank(text: str) -> str:
    """Folded text (:func:`bot.text.fold`) with punctuation blanked, keeping every position."""
    return "".join(char if char.isalnum() else " " for char in fold(text))


def _sentences(text: str) -> list[tuple[int, str]]:
    """Split text into sentences, with their start offsets."""
    return [(m.start(), m.group()) for m in re.finditer(r"[^.!?;\n]+", text)]


def _whole_words(folded: str, begin: int, end: int) -> tuple[int, int]:
    """Widen a match to whole words and drop surrounding spaces."""
    while begin > 0 and folded[begin - 1] != " ":
        begin -= 1
    while end < len(folded) and folded[end] != " ":
        end += 1
    while folded[begin] == " ":
        begin += 1
    while folded[end - 1] == " ":
        end -= 1
    return begin, end


def rule_matches(rule: Rule, folded_sentence: str) -> re.Match[str] | None:
    """Where the rule matches one folded sentence, or None."""
    found = rule.pattern.search(folded_sentence)
    if not found:
        return None
    if rule.unless and rule.unless.search(folded_sentence):
        return None
    if rule.requires and not rule.requires.search(folded_sentence):
        return None
    return found


def detect(text: str, rule_sets: tuple[RuleSet, ...]) -> CrisisMatch | None:
    """Find the highest-priority crisis of any language in a message.

    Every rule of every language is tried. The category is the first of
    :data:`CATEGORY_ORDER` that matched; the reply language is the language with the most
    matching rules, ties going to the language of the winning match.
    """
    sentences = [(start, blank(sentence)) for start, sentence in _sentences(text)]
    matches: list[tuple[int, RuleSet, Rule, int, re.Match[str]]] = []
    for rule_set in rule_sets:
        for rule in rule_set.rules:
            for start, folded in sentences:
                found = rule_matches(rule, folded)
                if found:
                    rank = CATEGORY_ORDER.index(rule.category)
                    matches.append((rank, rule_set, rule, start, found))
                    break
    if not matches:
        return None
    matches.sort(key=lambda item: item[0])
    rank, rule_set, rule, start, found = matches[0]
    votes: dict[Language, int] = {}
    for _, other, _, _, _ in matches:
        votes[other.language] = votes.get(other.language, 0) + 1
    if votes[rule_set.language] < max(votes.values()):
        rule_set = next(
            other for _, other, _, _, _ in matches if votes[other.language] == max(votes.values())
        )
    folded_text = blank(text)
    begin, end = _whole_words(found.string, found.start(), found.end())
    return CrisisMatch(
        category=rule.category,
        phrase=text[start + begin : start + end],
        reason=rule.reason,
        helpline=rule.helpline,
        language=rule_set.language,
        young=any(rs.young.search(folded_text) for rs in rule_sets),
    )
