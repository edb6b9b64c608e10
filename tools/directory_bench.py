"""Benchmark of loading and querying the directory: ``python -m tools.directory_bench``.

Times the real directory and a synthetic one: the real files plus generated units spread
over all municipalities, written to a temporary folder. Timings are printed, never asserted.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from bot.directory.loader import FILES, load_directory
from bot.directory.queries import Directory
from bot.directory.store import DirectoryStore
from bot.paths import DIRECTORY_DIR

SERVICES = ("perheneuvola", "neuvola", "kohtaamispaikka", "laakari", "nuorisotyo", "perhekeskus")


@dataclass(frozen=True)
class Row:
    """Timings of one directory."""

    name: str
    units: int
    load_ms: float
    lookup_us: float
    lookup_service_us: float
    meeting_places_us: float
    find_contacts_us: float
    named_entities_ms: float
    store_current_us: float
    store_check_us: float


def median_seconds(action: Callable[[], Any], repeat: int) -> float:
    """Median wall time of ``repeat`` runs of ``action``."""
    times: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def per_call_us(calls: list[Callable[[], Any]], rounds: int = 3) -> float:
    """Mean microseconds per call over ``rounds`` passes of all calls."""
    start = time.perf_counter()
    for _ in range(rounds):
        for call in calls:
            call()
    return (time.perf_counter() - start) / (rounds * len(calls)) * 1e6


def measure(name: str, path: Path, load_repeat: int) -> Row:
    """Time loading the directory at ``path`` and the queries the bot makes."""
    directory: Directory = load_directory(path)
    load = median_seconds(lambda: load_directory(path), load_repeat)
    codes = list(directory.municipalities)
    store = DirectoryStore(path, watch=False)
    store.current()
    return Row(
        name=name,
        units=len(directory.units),
        load_ms=load * 1e3,
        lookup_us=per_call_us([partial(directory.lookup, c) for c in codes]),
        lookup_service_us=per_call_us(
            [partial(directory.lookup, c, s) for c in codes for s in SERVICES]
        ),
        meeting_places_us=per_call_us([partial(directory.meeting_places, c) for c in codes]),
        find_contacts_us=per_call_us(
            [
                lambda: directory.find_contacts(name="Hämäläinen"),
                lambda: directory.find_contacts(role="muutosagentti", region="region:Päijät-Häme"),
                lambda: directory.find_contacts(organisation="kslape"),
            ]
        ),
        named_entities_ms=median_seconds(directory.named_entities, 5) * 1e3,
        store_current_us=per_call_us([store.current], rounds=10_000),
        store_check_us=per_call_us([store.refresh], rounds=1000),
    )


def write_synthetic(source: Path, target: Path, count: int) -> None:
    """Copy the directory at ``source`` to ``target`` and add ``count`` generated units."""
    for name in FILES:
        shutil.copy(source / name, target / name)
    if (source / "municipalities.csv").exists():
        shutil.copy(source / "municipalities.csv", target / "municipalities.csv")
    units_file = target / "units.yaml"
    data = yaml.safe_load(units_file.read_text(encoding="utf-8"))
    codes = list(load_directory(source).municipalities)
    for index in range(count):
        data["units"].append(
            {
                "id": f"synteettinen-{index}",
                "name_fi": f"Synteettinen perhekeskus {index}",
                "aliases": [f"Testiyksikkö {index}"],
                "organization": "laukaan-kunta",
                "description": "Generoitu suorituskykytestiä varten.",
                "area": {"municipalities": [codes[index % len(codes)]]},
                "services": [
                    {"service": SERVICES[index % len(SERVICES)]},
                    {"service": SERVICES[(index + 1) % len(SERVICES)], "note": "testi"},
                ],
                "phones": [{"prefix": "+358", "number": f"040 {index % 1000:03d} {index:04d}"}],
                "emails": [{"address": f"yksikko{index}@example.fi"}],
                "web_pages": [{"url": f"https://example.fi/yksikko/{index}", "title": "Sivu"}],
                "source": "seed-000",
            }
        )
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    units_file.write_text(
        yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table."""
    header = (
        "| directory | units | load (ms) | lookup (µs) | lookup + service (µs) "
        "| meeting_places (µs) | find_contacts (µs) | named_entities (ms) "
        "| store.current (µs) | store.refresh, files checked (µs) |"
    )
    lines = [header, "|" + "---|" * 10]
    for row in rows:
        lines.append(
            f"| {row.name} | {row.units} | {row.load_ms:.1f} | {row.lookup_us:.1f} "
            f"| {row.lookup_service_us:.1f} | {row.meeting_places_us:.1f} "
            f"| {row.find_contacts_us:.1f} | {row.named_entities_ms:.2f} "
            f"| {row.store_current_us:.2f} | {row.store_check_us:.1f} |"
        )
    return "\n".join(lines)


def run(path: Path, synthetic_units: int) -> str:
    """Benchmark the directory at ``path`` and a synthetic one; return the table."""
    rows = [measure("real", path, load_repeat=5)]
    with tempfile.TemporaryDirectory(prefix="directory-bench-") as folder:
        write_synthetic(path, Path(folder), synthetic_units)
        rows.append(measure(f"synthetic (+{synthetic_units} units)", Path(folder), 3))
    return table(rows)


def main(argv: list[str] | None = None) -> int:
    """Print the table."""
    parser = argparse.ArgumentParser(prog="python -m tools.directory_bench", description=__doc__)
    parser.add_argument("--units", type=int, default=10_000, help="units in the synthetic one")
    parser.add_argument("--path", type=Path, default=DIRECTORY_DIR, help="directory folder")
    args = parser.parse_args(argv)
    print(run(args.path, args.units))
    return 0


if __name__ == "__main__":
    sys.exit(main())
