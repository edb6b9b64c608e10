"""The shape docs/architecture.md promises: small modules, no import cycles, Rasa in one place."""

from __future__ import annotations

import ast
from pathlib import Path

from bot.paths import PROJECT_ROOT

BOT = PROJECT_ROOT / "bot"
MAX_LINES = 400


def modules() -> dict[str, Path]:
    """Every module of the ``bot`` package by dotted name."""
    result = {}
    for path in sorted(BOT.rglob("*.py")):
        parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        result[name] = path
    return result


def imports(path: Path) -> set[str]:
    """Modules imported when the module is imported (not under ``TYPE_CHECKING``, not lazily)."""
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_every_module_in_bot_is_under_400_lines() -> None:
    sizes = {
        name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in modules().items()
    }
    assert {name: n for name, n in sizes.items() if n >= MAX_LINES} == {}


def test_bot_has_no_import_cycles() -> None:
    known = modules()
    graph = {
        name: {m for m in imports(path) if m in known and m != name} for name, path in known.items()
    }
    cycles = []
    state: dict[str, int] = {}  # 1 on the current path, 2 done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_rasa_is_imported_only_in_bot_rasa() -> None:
    outside = [
        name
        for name, path in modules().items()
        if not name.startswith("bot.rasa")
        and any(m.split(".")[0] in {"rasa", "rasa_sdk"} for m in imports(path))
    ]
    assert outside == []
