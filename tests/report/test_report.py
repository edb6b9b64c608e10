"""The unanswered-questions report on a conversation store filled as Rasa fills it."""

from __future__ import annotations

import csv
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import yaml

from bot.directory.municipalities import load_municipalities
from bot.paths import MUNICIPALITIES_CSV
from bot.report.analysis import build_report
from bot.report.cli import main, place_name
from bot.report.events import read_exchanges
from bot.report.nlu_stub import nlu_stub
from bot.report.page import render_html
from tests.conftest import free_port
from tests.postgres import throwaway_postgres
from tests.report.conversations import SOURCE, action, bot, slot, user, write_store

NOW = time.time()
DAY = 86400.0
MUNICIPALITIES = load_municipalities(MUNICIPALITIES_CSV)


def names(place: str | None) -> str:
    return place_name(place, MUNICIPALITIES)


def conversations() -> dict[str, list[tuple[float, dict[str, Any]]]]:
    t = NOW - DAY
    return {
        "parent-a": [
            (t, user("neuvola muurame", "ask_services", service="neuvola")),
            (t + 1, slot("place", "500")),
            (t + 2, action("action_answer")),
            (t + 3, bot(f"Hakemistossa ei ole tietoa palvelusta neuvola.\n\n{SOURCE}")),
            (t + 10, user("/feedback_not_helpful", "feedback_not_helpful", 1.0)),
            (t + 11, action("action_feedback")),
            (t + 12, slot("feedback", {"helpful": "no"})),
            (t + 20, user("numero oli väärä, soitin 040 123 4567", "nlu_fallback", 0.7)),
            (t + 21, action("action_fallback")),
            (t + 22, slot("feedback", {"helpful": "no", "reason": "soitin 040 123 4567"})),
            (t + 23, bot("Kiitos, palautteesi on tallennettu.")),
        ],
        "parent-b": [
            (t, user("mikä on sään ennuste huomenna", "out_of_scope", 0.9)),
            (t + 1, action("action_fallback")),
            (t + 2, bot("Tähän en valitettavasti osaa vastata.")),
            (t + 10, user("mikä on sään ennuste ylihuomenna?", "nlu_fallback", 0.4)),
            (t + 11, action("action_fallback")),
            (t + 12, bot("En ole varma, mitä tarkoitit.")),
            (t + 20, user("haluan puhua ihmiselle", "ask_human", 0.97)),
            (t + 21, action("action_handoff")),
            (t + 22, bot("Missä kunnassa asut?")),
            (t + 30, user("perhekeskus laukaa", "ask_services", 0.6, service="perhekeskus")),
            (t + 31, slot("place", "410")),
            (t + 32, action("action_answer")),
            (t + 33, bot(f"Laukaa: HyPe\n\n{SOURCE}")),
        ],
        "parent-old": [(NOW - 90 * DAY, user("vanha kysymys", "nlu_fallback", 0.3))],
    }


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    return write_store(tmp_path / "conversations.db", conversations())


def test_categories_groups_and_counts(store_url: str) -> None:
    exchanges = read_exchanges(store_url, NOW - 30 * DAY)
    report = build_report(exchanges, names, NOW - 30 * DAY, NOW)
    by_text = {entry.exchange.text: entry for entry in report.flagged}
    assert sorted(by_text["neuvola muurame"].categories) == ["no_info", "not_helpful"]
    assert by_text["neuvola muurame"].reason == "soitin [puhelinnumero]"
    assert by_text["neuvola muurame"].place == "Muurame"
    assert by_text["mikä on sään ennuste huomenna"].categories == ["fallback"]
    assert by_text["haluan puhua ihmiselle"].categories == ["handoff"]
    assert by_text["perhekeskus laukaa"].categories == ["low_confidence"]
    # feedback steps and messages older than the period are not in the report
    assert not any(text.startswith(("/", "numero", "vanha")) for text in by_text)
    assert report.questions == 5
    weather = [g for g in report.groups if "sään" in g.label]
    assert len(weather) == 1 and len(weather[0].members) == 2
    places = {name: (total, counts) for name, total, counts in report.by_place}
    assert places["Muurame"] == (1, {"no_info": 1, "not_helpful": 1})
    assert places["Laukaa"] == (1, {"low_confidence": 1})
    assert sum(total for _, total, _ in report.by_week) == 5
    assert dict(report.topics)["neuvola"] == 1


def test_cli_writes_an_accessible_page_csv_and_an_nlu_stub(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PERHEBOTTI_DATABASE_URL", store_url)
    out, stub = tmp_path / "report", tmp_path / "stub" / "nlu.yml"
    assert main(["report", "--since", "30d", "--out", str(out), "--nlu-out", str(stub)]) == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fi">' in page and "<h1>" in page and "<caption>" in page
    assert page.count("<svg xmlns:xlink") == 3 and 'role="img"' in page
    assert "040 123 4567" not in page and "[puhelinnumero]" in page
    with (out / "viestit.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["viesti"] for row in rows} >= {"neuvola muurame", "haluan puhua ihmiselle"}
    for name in ("ryhmat.csv", "kunnat.csv", "viikot.csv", "aiheet.csv"):
        assert (out / name).read_text(encoding="utf-8-sig").count("\n") >= 2
    data = yaml.safe_load(stub.read_text(encoding="utf-8"))
    assert data["version"] == "3.1"
    examples = "".join(block["examples"] for block in data["nlu"])
    assert all(block["intent"].startswith("FILL_IN_") for block in data["nlu"])
    assert "- mikä on sään ennuste huomenna\n" in examples
    assert "/feedback" not in examples and "040 123" not in examples


def test_an_empty_period_still_gives_a_page_and_an_empty_stub(tmp_path: Path) -> None:
    url = write_store(tmp_path / "empty.db", {})
    report = build_report(read_exchanges(url, NOW - DAY), names, NOW - DAY, NOW)
    assert "Ei vastaamatta jääneitä viestejä" in render_html(report)
    assert yaml.safe_load(nlu_stub(report.groups, "1.1.–2.1.2026"))["nlu"] == []
    assert read_exchanges(f"sqlite:///{tmp_path / 'none.db'}", 0) == []


def test_nlu_stub_stays_valid_yaml_with_odd_text(tmp_path: Path) -> None:
    odd = {
        "p": [
            (NOW, user('key: "value" # not a comment\n- item', "nlu_fallback", 0.2)),
            (NOW + 1, action("action_fallback")),
            (NOW + 2, user("|>&*!% {[ ]} ' \"", "out_of_scope", 0.5)),
            (NOW + 3, action("action_fallback")),
        ]
    }
    url = write_store(tmp_path / "odd.db", odd)
    report = build_report(read_exchanges(url, NOW - DAY), names, NOW - DAY, NOW + 9)
    data = yaml.safe_load(nlu_stub(report.groups, "x"))
    lines = {line for block in data["nlu"] for line in block["examples"].splitlines()}
    assert '- key: "value" # not a comment - item' in lines
    assert "- |>&*!% {[ ]} ' \"" in lines


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "--since", "soon", "--out", "x"],
        ["report", "--since", "30d"],
        ["report", "--out", "x", "--low-confidence", "2"],
    ],
)
def test_bad_arguments_exit_2(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == 2


def test_an_unreachable_store_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql://nobody:secret@127.0.0.1:{free_port()}/none"
    monkeypatch.setenv("PERHEBOTTI_DATABASE_URL", url)
    assert main(["report", "--out", str(tmp_path / "r")]) == 1
    assert "cannot read the conversation store" in capsys.readouterr().err


def test_the_report_reads_postgresql_too(tmp_path: Path) -> None:
    with throwaway_postgres() as postgres:
        sqlite_url = write_store(tmp_path / "c.db", conversations())
        source = sa.create_engine(sqlite_url)
        target = sa.create_engine(postgres.url)
        table = sa.Table("events", sa.MetaData(), autoload_with=source)
        table.metadata.create_all(target)
        with source.connect() as reading, target.begin() as writing:
            writing.execute(
                table.insert(), [dict(row._mapping) for row in reading.execute(table.select())]
            )
        source.dispose()
        target.dispose()
        from_postgres = read_exchanges(postgres.url, NOW - 30 * DAY)
    assert from_postgres == read_exchanges(sqlite_url, NOW - 30 * DAY)
    assert len(from_postgres) == 7  # the old conversation is outside the period
