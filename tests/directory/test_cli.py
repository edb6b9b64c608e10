"""``python -m bot directory check | show``: exit codes and what staff read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.__main__ import main as bot_main
from bot.directory.cli import main
from bot.paths import PROJECT_ROOT
from tests.directory.helpers import edit


def test_check_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["directory", "check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Directory OK")
    assert "10 units, 10 persons" in out and "308 municipalities" in out


def test_check_reports_one_line_per_error(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(copy / "persons.yaml", "address: harri.lintala@seinajoki.fi", "address: harri.lintala")
    edit(copy / "units.yaml", "contacts: [harri-lintala]", "contacts: [harri]")
    assert main(["directory", "check", "--path", str(copy)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "persons.yaml: entry 'harri-lintala', field 'emails[0]': malformed email 'harri.lintala'",
        "units.yaml: entry 'seinajoki-perhekeskus', field 'contacts[0]': unknown person 'harri'",
        f"2 error(s) in {copy}",
    ]


def test_show_laukaa(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["directory", "show", "Laukaa"]) == 0
    out = capsys.readouterr().out
    assert "Laukaa (Laukas), kuntanumero 410" in out
    assert "Vastaustaso: kunta" in out
    assert "HyPe" in out and "perheneuvola (Jyväskylän perheneuvola)" in out
    assert "Hanna Hämäläinen, muutosagentti" in out and "050 304 6670" in out
    assert "raija.harju-kivinen@jkl.fi (johdettu säännöstä etunimi.sukunimi@jkl.fi)" in out
    assert "seed-000" in out


@pytest.mark.parametrize("name", [["laukas"], ["410"], ["LAUKAA"]])
def test_show_accepts_swedish_name_code_and_any_case(
    name: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["directory", "show", *name]) == 0
    assert "kuntanumero 410" in capsys.readouterr().out


def test_show_muurame_is_regional_without_hype(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["directory", "show", "Muurame"]) == 0
    out = capsys.readouterr().out
    assert "Vastaustaso: maakunta" in out
    assert "Alueen yhteyshenkilöt (Keski-Suomi)" in out
    told = out.split("Lähteet:")[0]
    assert "HyPe" not in told and "Paikalliset yksiköt" not in told


def test_show_rovaniemi_is_national(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["directory", "show", "Rovaniemi"]) == 0
    out = capsys.readouterr().out
    assert "Maakunta: Lappi" in out and "Vastaustaso: valtakunnallinen" in out
    assert "yhteyshenkilöt" not in out


def test_show_multiword_name_and_service(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["directory", "show", "Gustav", "Adolfs", "--service", "perhekeskus"]) == 0
    out = capsys.readouterr().out
    assert "Hartolan perhekeskuspilotti" in out and "Kysytty palvelu: perhekeskus" in out


def test_show_unknown_municipality_or_service(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["directory", "show", "Atlantis"]) == 2
    assert main(["directory", "show", "Laukaa", "--service", "sauna"]) == 2
    out = capsys.readouterr().out
    assert "Unknown municipality 'Atlantis'" in out and "Unknown service 'sauna'" in out


def test_show_on_a_broken_directory_fails(copy: Path) -> None:
    edit(copy / "sources.yaml", "updated: 2019-02-15", "updated: eilen")
    assert main(["directory", "show", "Laukaa", "--path", str(copy)]) == 1


def test_dispatch_through_python_m_bot(capsys: pytest.CaptureFixture[str]) -> None:
    assert bot_main(["directory", "check"]) == 0
    assert "Directory OK" in capsys.readouterr().out
    result = subprocess.run(
        [sys.executable, "-m", "bot", "directory", "check", "--path", str(PROJECT_ROOT / "none")],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=False,
    )
    assert result.returncode == 1
    assert "sources.yaml: entry '(file)', field '-': file not found" in result.stderr
