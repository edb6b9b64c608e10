"""``python -m bot directory import-ptv``: mapping, merging, provenance, editors' edits."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bot.directory.cli import main
from bot.directory.loader import FILES, load_directory
from bot.directory.municipalities import load_municipalities
from bot.directory.ptv import PtvError, read_ptv
from bot.directory.ptv_fields import modified_date
from bot.directory.ptv_merge import STATE_FILE, import_ptv
from bot.paths import DATA_DIR, MUNICIPALITIES_CSV
from tests.directory.helpers import edit

SAMPLE = DATA_DIR / "ptv" / "sample.json"
UNIT = "esimerkkikunnan-perhekeskus-kuvitteellinen"
MEETING_PLACE = "esimerkkiperheiden-kohtaamispaikka-kuvitteellinen"
CHANNEL = "00000000-0000-4000-8000-00000000c001"


def _snapshot(folder: Path) -> dict[str, str]:
    return {name: (folder / name).read_text(encoding="utf-8") for name in (*FILES, STATE_FILE)}


def test_sample_is_marked_fictional() -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert "KUVITTEELLINEN" in data["description"] and "fictional" in data["description"]
    assert {"organizations", "services", "serviceChannels"} <= set(data)


def test_mapping_of_a_service_location() -> None:
    bundle = read_ptv(SAMPLE, load_municipalities(MUNICIPALITIES_CSV))
    unit = next(record for record in bundle.units if record.ptv_id == CHANNEL)
    assert unit.modified == date(2025, 3, 14)
    assert unit.fields["area"] == {"municipalities": ["604"]}
    assert [phone["description"] for phone in unit.fields["phones"]] == [
        "Neuvolan ajanvaraus",
        "Perheneuvonta",
    ]  # the fax number is left out
    assert unit.fields["service_hours"][0] == {
        "days": "ma–pe",
        "opens": "8.00",
        "closes": "16.00",
        "note": "Neuvola ajanvarauksella.",
    }
    assert unit.fields["address"] == "Esimerkkitie 1, 33960 PIRKKALA"
    meeting = next(record for record in bundle.units if record.ptv_id != CHANNEL)
    assert meeting.fields["area"] == {"municipalities": ["604"]}  # from the visiting address
    assert any("type Phone, not a ServiceLocation" in line for line in bundle.skipped)


def test_modified_is_the_date_in_finland() -> None:
    assert modified_date("2025-03-14T22:30:00Z") == date(2025, 3, 15)
    assert modified_date("2025-03-14T10:02:44.1834567Z") == date(2025, 3, 14)
    assert modified_date("not a date") is None


def test_import_adds_units_that_pass_check(copy: Path) -> None:
    report = import_ptv(SAMPLE, copy)
    assert report.errors == [] and report.changed
    assert f"added     unit {UNIT}: Esimerkkikunnan perhekeskus (kuvitteellinen)" in report.lines
    assert any(line.startswith("unchanged service perheneuvola") for line in report.lines)
    assert main(["directory", "check", "--path", str(copy)]) == 0
    directory = load_directory(copy)
    answer = directory.lookup("604")
    assert answer.level == "municipality"
    assert {unit.id for unit in answer.units} == {UNIT, MEETING_PLACE}
    assert [unit.id for unit in directory.meeting_places("604").units] == [MEETING_PLACE]
    unit = directory.unit(UNIT)
    assert unit is not None and unit.updated == date(2025, 3, 14)
    assert unit.source.id == f"ptv-{CHANNEL}" and unit.source.url is not None
    assert unit.source.url.endswith(f"/api/v11/ServiceChannel/{CHANNEL}")
    assert unit.offers("neuvola") and unit.offers("lapsiperheiden-kotipalvelu")


def test_import_keeps_the_editing_instructions(copy: Path) -> None:
    before = {name: (copy / name).read_text(encoding="utf-8") for name in FILES}
    import_ptv(SAMPLE, copy)
    for name, text in before.items():
        assert (copy / name).read_text(encoding="utf-8").startswith(text), name


def test_second_import_changes_nothing(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["directory", "import-ptv", str(SAMPLE), "--directory", str(copy)]) == 0
    first = _snapshot(copy)
    capsys.readouterr()
    assert main(["directory", "import-ptv", str(SAMPLE), "--directory", str(copy)]) == 0
    out = capsys.readouterr().out
    assert _snapshot(copy) == first
    assert "added" not in out and "updated" not in out and "Nothing changed." in out
    assert f"unchanged unit {UNIT}" in out


def test_editors_edit_survives_and_ptv_changes_arrive(copy: Path, tmp_path: Path) -> None:
    import_ptv(SAMPLE, copy)
    units = copy / "units.yaml"
    edit(units, 'number: "0300 00102", description: Perheneuvonta', 'number: "040 000 0102"')
    edit(
        units,
        "aliases: [Esimerkkikunnan perhekeskus]",
        "aliases: [Esimerkkikunnan perhekeskus, EPK]",
    )
    changed = json.loads(SAMPLE.read_text(encoding="utf-8"))
    channel = next(c for c in changed["serviceChannels"] if c["id"] == CHANNEL)
    channel["serviceChannelDescriptions"][0]["value"] = "Uusi kuvaus PTV:stä."
    channel["phoneNumbers"][0]["number"] = "30000111"
    channel["modified"] = "2025-04-01T08:00:00Z"
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    report = import_ptv(newer, copy)
    assert report.errors == []
    line = next(line for line in report.lines if line.startswith(f"updated   unit {UNIT}"))
    assert "description" in line and "updated" in line
    assert line.endswith("editor's value kept: aliases, phones")
    unit = load_directory(copy).unit(UNIT)
    assert unit is not None
    assert unit.description == "Uusi kuvaus PTV:stä." and unit.updated == date(2025, 4, 1)
    assert [phone.number for phone in unit.phones] == ["0300 00101", "040 000 0102"]
    assert unit.aliases == ("Esimerkkikunnan perhekeskus", "EPK")


def test_unit_deleted_by_an_editor_is_not_added_again(copy: Path) -> None:
    import_ptv(SAMPLE, copy)
    units = copy / "units.yaml"
    text = units.read_text(encoding="utf-8")
    start = text.index(f"  - id: {MEETING_PLACE}")
    units.write_text(text[:start], encoding="utf-8")
    report = import_ptv(SAMPLE, copy)
    assert f"skipped   unit {MEETING_PLACE}: deleted by an editor; not re-added" in report.lines
    assert load_directory(copy).unit(MEETING_PLACE) is None


def test_a_result_that_fails_check_is_not_written(copy: Path, tmp_path: Path) -> None:
    broken = json.loads(SAMPLE.read_text(encoding="utf-8"))
    broken["serviceChannels"][0]["emails"] = [{"value": "ei-osoite", "language": "fi"}]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    before = {name: (copy / name).read_text(encoding="utf-8") for name in FILES}
    report = import_ptv(path, copy)
    assert any("malformed email 'ei-osoite'" in error for error in report.errors)
    assert {name: (copy / name).read_text(encoding="utf-8") for name in FILES} == before
    assert not (copy / STATE_FILE).exists()
    assert main(["directory", "import-ptv", str(path), "--directory", str(copy)]) == 1


def test_dry_run_writes_nothing(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {name: (copy / name).read_text(encoding="utf-8") for name in FILES}
    assert main(["directory", "import-ptv", str(SAMPLE), "--path", str(copy), "--dry-run"]) == 0
    assert "Dry run" in capsys.readouterr().out
    assert {name: (copy / name).read_text(encoding="utf-8") for name in FILES} == before


def test_not_ptv_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(PtvError):
        read_ptv(path, load_municipalities(MUNICIPALITIES_CSV))
    assert main(["directory", "import-ptv", str(path)]) == 1
    assert "no PTV organisations" in capsys.readouterr().err
