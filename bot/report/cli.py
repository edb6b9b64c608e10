"""``python -m bot report --since 30d --out DIR [--nlu-out FILE]``: what parents missed.

Reads the conversation store (``PERHEBOTTI_DATABASE_URL``, or the SQLite file under
``PERHEBOTTI_STATE_DIR``; SQLite or PostgreSQL) and writes ``DIR/index.html`` with charts
and the CSV files listed in :data:`bot.report.page.CSV_FILES` (UTF-8 with a BOM, so that
Excel shows ä and ö). ``--nlu-out`` also writes the unanswered messages as an NLU stub.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path

from bot.directory.municipalities import Municipality, load_municipalities
from bot.directory.place import Place
from bot.paths import MUNICIPALITIES_CSV
from bot.privacy import parse_duration
from bot.report.analysis import CATEGORIES, Report, build_report, week_of
from bot.report.events import read_exchanges
from bot.report.nlu_stub import nlu_stub
from bot.report.page import day_text, render_html
from bot.settings import DatabaseSettings

UNKNOWN_PLACE = "(kunta ei tiedossa)"


def place_name(place: str | None, municipalities: Mapping[str, Municipality]) -> str:
    """The name the report shows for a ``place`` slot value (municipalities by code)."""
    if not place:
        return UNKNOWN_PLACE
    area = Place.parse(place)
    if area.kind == "region":
        return f"{area.name} (maakunta)"
    if area.kind == "county":
        return area.name
    municipality = municipalities.get(place)
    return municipality.name_fi if municipality else place


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def write_report(report: Report, out: Path) -> None:
    """Write ``index.html`` and the CSV files into ``out`` (created if missing)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "index.html").write_text(render_html(report), encoding="utf-8")
    names = [CATEGORIES[c] for c in CATEGORIES]
    group_of = {id(m): n for n, g in enumerate(report.groups, 1) for m in g.members}
    _write_csv(
        out / "viestit.csv",
        ["ryhmä", "aika (UTC)", "viikko", "kunta", "viesti", "luokat", "palautteen syy",
         "intentti", "varmuus"],
        (
            [
                group_of[id(entry)],
                datetime.fromtimestamp(entry.exchange.timestamp, tz=timezone.utc).isoformat(
                    timespec="seconds"
                ),
                week_of(entry.exchange.timestamp),
                entry.place,
                entry.exchange.text,
                "; ".join(CATEGORIES[c] for c in entry.categories),
                entry.reason,
                entry.exchange.intent,
                f"{entry.exchange.confidence:.2f}",
            ]
            for entry in report.flagged
        ),
    )  # fmt: skip
    _write_csv(
        out / "ryhmat.csv",
        ["ryhmä", "esimerkki", "viestejä", "luokat", "kunnat", "sanamuodot"],
        (
            [
                number,
                group.label,
                len(group.members),
                "; ".join(CATEGORIES[c] for c in group.categories),
                "; ".join(sorted({m.place for m in group.members})),
                " | ".join(dict.fromkeys(m.exchange.text for m in group.members)),
            ]
            for number, group in enumerate(report.groups, 1)
        ),
    )
    for file, key, rows in (
        ("kunnat.csv", "kunta", report.by_place),
        ("viikot.csv", "viikko", report.by_week),
    ):
        _write_csv(
            out / file,
            [key, "kysymyksiä", *names],
            (
                [name, total, *(counts.get(c, 0) for c in CATEGORIES)]
                for name, total, counts in rows
            ),
        )
    _write_csv(out / "aiheet.csv", ["aihe", "kysymyksiä"], report.topics)


def main(argv: list[str]) -> int:
    """Run the command; ``argv[0]`` is ``report``.

    Returns:
        0 when written, 2 for bad arguments, 1 when the store cannot be read.
    """
    parser = argparse.ArgumentParser(
        prog="python -m bot report", description="Unanswered questions, feedback and topics."
    )
    parser.add_argument(
        "--since", default="30d", help="period to report, e.g. 30d, 12h (default 30d)"
    )
    parser.add_argument("--out", required=True, type=Path, help="folder for index.html and CSV")
    parser.add_argument("--nlu-out", type=Path, help="also write the messages as an NLU stub")
    parser.add_argument(
        "--low-confidence",
        type=float,
        default=0.8,
        help="classifier confidence under which an answer counts as uncertain (default 0.8)",
    )
    args = parser.parse_args(argv[1:])
    try:
        period = parse_duration(args.since)
    except ValueError as error:
        parser.error(str(error))
    if not 0.0 <= args.low_confidence <= 1.0:
        parser.error("--low-confidence must be between 0 and 1")

    from bot.rasa.tracker_store import database_url  # imports Rasa: only when run

    until = time.time()
    since = until - period
    try:
        exchanges = read_exchanges(database_url(DatabaseSettings.from_env()), since)
    except Exception as error:  # a wrong URL or an unreachable server: say so, no traceback
        print(f"cannot read the conversation store: {error}", file=sys.stderr)
        return 1
    names = load_municipalities(MUNICIPALITIES_CSV)
    report = build_report(
        exchanges, lambda place: place_name(place, names), since, until, args.low_confidence
    )
    write_report(report, args.out)
    print(
        f"{report.questions} questions, {len(report.flagged)} in the report, "
        f"{len(report.groups)} groups: {args.out / 'index.html'}"
    )
    if args.nlu_out is not None:
        args.nlu_out.parent.mkdir(parents=True, exist_ok=True)
        text = nlu_stub(report.groups, f"{day_text(since)}–{day_text(until)}")
        args.nlu_out.write_text(text, encoding="utf-8")
        print(f"NLU stub: {args.nlu_out}")
    return 0
