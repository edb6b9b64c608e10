"""``python -m bot directory export --csv``: spreadsheet files."""

from __future__ import annotations

import csv
from pathlib import Path

from bot.directory.cli import main
from bot.directory.export import export_csv
from bot.directory.queries import Directory


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_export_writes_every_table(directory: Directory, tmp_path: Path) -> None:
    files = export_csv(directory, tmp_path)
    assert [path.name for path in files] == [
        "units.csv",
        "persons.csv",
        "services.csv",
        "organizations.csv",
    ]
    units = {row["id"]: row for row in _rows(tmp_path / "units.csv")}
    assert len(units) == len(directory.units)
    assert units["laukaa-hype"]["area"] == "410 Laukaa"
    assert "perheneuvola" in units["laukaa-hype"]["services"].split("; ")
    assert units["asikkala-perhekeskus"]["area"].startswith("016 Asikkala")
    assert units["kaksineuvoinen-perhekeskus"]["area"] == "ei kerrottu"
    persons = {row["id"]: row for row in _rows(tmp_path / "persons.csv")}
    assert len(persons) == len(directory.persons)
    assert "050 304 6670" in persons["hanna-hamalainen"]["phones"]
    assert persons["hanna-hamalainen"]["role"] == "muutosagentti"
    services = {row["id"]: row for row in _rows(tmp_path / "services.csv")}
    assert services["perheneuvola"]["service_classes"] == "P3.7 Kasvatus- ja perheneuvonta"
    assert "laukaa-hype" in services["perheneuvola"]["units"]


def test_cli(tmp_path: Path) -> None:
    assert main(["directory", "export", "--csv", str(tmp_path)]) == 0
    assert (tmp_path / "organizations.csv").read_bytes().startswith(b"\xef\xbb\xbf")
