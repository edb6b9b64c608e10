"""Staff commands: ``python -m bot <command> ...``.

Each command lives in its own module with a ``main(argv) -> int`` function, imported only
when used so that a quick command does not pay for loading Rasa.
"""

from __future__ import annotations

import importlib
import sys

COMMANDS: dict[str, tuple[str, str]] = {
    "directory": ("bot.directory.cli", "check the directory, show what a municipality gets"),
    "places": ("bot.places.cli", "find municipalities in lines of text (stdin)"),
    "train": ("bot.stack", "train a model if the training data changed"),
    "run": ("bot.stack", "start the action server, the Rasa server and the chat page"),
    "shell": ("bot.stack", "talk to the bot in the terminal with the action server running"),
    "privacy": ("bot.privacy", "privacy purge [--older-than 90d]: delete old conversations"),
    "report": ("bot.report.cli", "report --since 30d --out DIR: what parents did not get answered"),
}


def usage() -> str:
    """Return the help text listing every command."""
    lines = ["usage: python -m bot <command> [args]", "", "commands:"]
    lines += [f"  {name:<10} {text}" for name, (_, text) in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Dispatch to the command's module."""
    if not argv or argv[0] in {"-h", "--help"} or argv[0] not in COMMANDS:
        print(usage(), file=sys.stderr if argv and argv[0] not in {"-h", "--help"} else sys.stdout)
        return 0 if argv and argv[0] in {"-h", "--help"} else 2
    module = importlib.import_module(COMMANDS[argv[0]][0])
    result: int = module.main(argv)
    return result


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
