"""How often the language detector is right on short chat messages, against py3langid.

The labelled messages are the independent crisis and everyday sets (``data/test/crisis``,
each message with its language) and the Finnish held-out NLU set. Each is judged as the first
message of a conversation (no earlier language, no hint). py3langid is measured only when it
is installed (``pip install py3langid==0.2.2`` in a scratch environment; it is not a
dependency of the bot).

    python -m tools.language_bench
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable

import yaml

from bot.language import detect, reply_language, warm_up
from bot.paths import DATA_DIR

_ANNOTATION = re.compile(r"\[([^\]]*)\]\{[^}]*\}")


def labelled() -> list[tuple[str, str]]:
    """(language, text) pairs of the independent sets."""
    items = []
    for name in ("crisis.yml", "not_crisis.yml"):
        data = yaml.safe_load((DATA_DIR / "test" / "crisis" / name).read_text(encoding="utf-8"))
        items += [(message["lang"], message["text"]) for message in data["messages"]]
    nlu = yaml.safe_load((DATA_DIR / "test" / "nlu" / "nlu.yml").read_text(encoding="utf-8"))
    for block in nlu["nlu"]:
        for line in str(block.get("examples", "")).splitlines():
            text = _ANNOTATION.sub(r"\1", line.strip().removeprefix("- "))
            if text:
                items.append(("fi", text))
    return items


def score(name: str, classify: Callable[[str], str], items: list[tuple[str, str]]) -> str:
    """One Markdown table row: right overall, right on messages of at most six words, speed."""
    started = time.perf_counter()
    right = short = short_right = 0
    for language, text in items:
        ok = classify(text) == language
        right += ok
        if len(text.split()) <= 6:
            short += 1
            short_right += ok
    per_message = (time.perf_counter() - started) / len(items) * 1000
    return (
        f"| {name} | {right}/{len(items)} ({right / len(items):.1%}) "
        f"| {short_right}/{short} | {per_message:.2f} ms |"
    )


def main() -> int:
    """Print the comparison table."""
    items = labelled()
    warm_up()
    rows = [
        "| detector | right | right, ≤ 6 words | per message |",
        "| --- | --- | --- | --- |",
        score(
            "Lingua, detection only",
            lambda text: str(getattr(detect(text), "language", "fi")),
            items,
        ),
        score("Lingua + reply_language (first message)", reply_language, items),
    ]
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        rows.append("| py3langid | not installed | | |")
    else:
        identifier = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
        identifier.set_languages(["fi", "sv", "en"])
        rows.append(score("py3langid", lambda text: str(identifier.classify(text)[0]), items))
    sys.stdout.write("\n".join(rows) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
