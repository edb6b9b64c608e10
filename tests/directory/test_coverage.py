"""``python -m bot directory coverage``: levels per municipality, HTML, CSV, chart."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from bot.directory.cli import main
from bot.directory.coverage import by_region, coverage, write_report
from bot.directory.queries import Directory


def test_levels_of_laukaa_muurame_tampere(directory: Directory) -> None:
    rows = {row.municipality.code: row for row in coverage(directory)}
    assert len(rows) == 308
    assert rows["410"].coverage == "local"
    assert "Laukaan lasten ja nuorten hyvinvointi- ja perhekeskus" in rows["410"].local_units
    assert rows["500"].coverage == "region-only"
    assert rows["500"].local_units == () and "Raija Harju-Kivinen" in rows["500"].regional_contacts
    assert rows["837"].coverage == "national-only"
    assert rows["837"].regional_contacts == () and rows["837"].regional_units == ()


def test_region_counts_add_up(directory: Directory) -> None:
    regions = by_region(coverage(directory))
    assert sum(region.total for region in regions) == 308
    names = [region.region for region in regions]
    assert names[0] == "Ahvenanmaa" and names.index("Päijät-Häme") > names.index("Pohjois-Savo")


def test_report_files(directory: Directory, tmp_path: Path) -> None:
    write_report(directory, tmp_path, date(2025, 5, 1))
    with (tmp_path / "coverage.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["code"]: row for row in csv.DictReader(handle)}
    assert len(rows) == 308
    assert (rows["410"]["coverage"], rows["500"]["coverage"], rows["837"]["coverage"]) == (
        "local",
        "region-only",
        "national-only",
    )
    assert rows["016"]["municipality"] == "Asikkala"  # code kept as text with its zero
    regions = (tmp_path / "regions.csv").read_text(encoding="utf-8-sig").splitlines()
    assert regions[0] == "region,local,region-only,national-only,total" and len(regions) == 20
    svg = (tmp_path / "coverage.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<title>Hakemiston kattavuus" in svg
    assert "Keski-Suomi" in svg  # text kept as text, not paths


def test_html_is_accessible(directory: Directory, tmp_path: Path) -> None:
    write_report(directory, tmp_path, date(2025, 5, 1))
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="fi">' in page
    assert page.count("<h1>") == 1 and page.count("<h2") == 3
    assert '<th scope="col">Kunta</th>' in page and '<th scope="row">Laukaa</th>' in page
    assert '<img src="coverage.svg" alt="Pylväskaavio maakunnittain: 6 kuntaa' in page
    assert 'title="Hakemiston kattavuus maakunnittain"' in page
    assert "<caption>" in page and "1.5.2025" in page
    laukaa = page.split('<th scope="row">Laukaa</th>')[1].split("</tr>")[0]
    assert "Paikallinen yksikkö tai yhteyshenkilö" in laukaa and "HyPe" not in laukaa
    tampere = page.split('<th scope="row">Tampere</th>')[1].split("</tr>")[0]
    assert "Vain valtakunnallinen tieto" in tampere


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["directory", "coverage", "--out", str(tmp_path / "report")]) == 0
    out = capsys.readouterr().out
    assert "Coverage of 308 municipalities" in out and "6 local" in out
    assert (tmp_path / "report" / "index.html").exists()
