"""The unanswered messages as a Rasa NLU YAML stub for a person to turn into training data.

One block per group of similar wording, with the intent left as a placeholder
(``FILL_IN_1`` …). A person replaces each placeholder with an intent of ``domain.yml``,
corrects or deletes examples, and moves the blocks into ``data/training/nlu/``. This closes
the loop from real conversations to training data without Rasa X.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.privacy import mask
from bot.report.analysis import CATEGORIES, Group

PLACEHOLDER = "FILL_IN"

HEADER = """\
# Perhebotti: viestit, joihin botti ei osannut vastata ({period}), peitettyinä ja
# samankaltaisen sanamuodon mukaan ryhmiteltyinä.
# Ohje: korvaa jokainen {placeholder}_N oikealla intentillä (domain.yml) tai poista lohko,
# korjaa tai poista esimerkit ja siirrä lohkot kansioon data/training/nlu/.
# Älä jätä esimerkkeihin henkilötietoja. Tarkista: make validate
"""


def _one_line(text: str) -> str:
    return " ".join(mask(text).split())


def nlu_stub(groups: Sequence[Group], period: str) -> str:
    """The YAML text: a header of instructions, then one intent block per group.

    Button presses (``/intent…``) are left out: they are not wordings to learn from; so are
    groups that are only requests for a person, which the bot understood and answered.

    Args:
        groups: The report's groups of similar messages.
        period: The report's period, written into the header.

    Returns:
        Valid YAML (``version`` and ``nlu``), editable by hand.
    """
    lines = [HEADER.format(period=period, placeholder=PLACEHOLDER), 'version: "3.1"', "nlu:"]
    seen: set[str] = set()
    number = 0
    for group in groups:
        if group.categories == ["handoff"]:
            continue  # a request for a person was understood and answered
        examples = []
        for member in group.members:
            text = _one_line(member.exchange.text)
            if text and not text.startswith("/") and text.casefold() not in seen:
                seen.add(text.casefold())
                examples.append(text)
        if not examples:
            continue
        number += 1
        categories = ", ".join(CATEGORIES[c] for c in group.categories)
        lines.append(f"  # {len(group.members)} viestiä; {_one_line(categories)}")
        lines.append(f"  - intent: {PLACEHOLDER}_{number}")
        lines.append("    examples: |")
        lines += [f"      - {text}" for text in examples]
    if number == 0:
        lines[-1] = "nlu: []"
    return "\n".join(lines) + "\n"
