"""Crisis handling: immediate danger, violence, suicide or a medical emergency → 112 first.

:func:`detect_crisis` runs on every message before anything else, with the rules of every
language the bot answers in (``rules_fi``, ``rules_sv``, ``rules_en``); :func:`crisis_reply`
writes the answer in the language of the rule that matched. The engine and the texts are
separate modules, so a language is added by writing its rules and its lines.
"""

from __future__ import annotations

from bot.safety import rules_en, rules_fi, rules_sv
from bot.safety.engine import CrisisCategory, CrisisMatch, RuleSet, blank, detect
from bot.safety.texts import EMERGENCY_LINES, crisis_reply, helpline_kinds

RULE_SETS: tuple[RuleSet, ...] = (rules_fi.RULES, rules_sv.RULES, rules_en.RULES)
#: Where the NLU puts the crisis it found (:meth:`CrisisMatch.as_value`) in a message's parse
#: data, so that the crisis action answers from that one detection.
CRISIS_KEY = "crisis"


def detect_crisis(text: str) -> CrisisMatch | None:
    """Find an emergency in a message written in Finnish, Swedish or English (or mixed).

    Args:
        text: The message as the user typed it.

    Returns:
        The crisis of the highest-priority category found (medical, danger, violence,
        suicide), or ``None`` when the message is not about an emergency.
    """
    return detect(text, RULE_SETS)


def asks_for_help(text: str) -> bool:
    """Whether a message asks whom to talk to or where to get help, in any language."""
    folded = blank(text)
    return any(rule_set.help_question.search(folded) for rule_set in RULE_SETS)


__all__ = [
    "asks_for_help",
    "CRISIS_KEY",
    "EMERGENCY_LINES",
    "RULE_SETS",
    "CrisisCategory",
    "CrisisMatch",
    "crisis_reply",
    "detect_crisis",
    "helpline_kinds",
]
