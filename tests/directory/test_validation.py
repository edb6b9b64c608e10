"""Each kind of mistake an editor can make is reported with its file, entry and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.directory.model import ValidationIssue
from tests.directory.helpers import edit, issues_of


def only_issue(path: Path) -> ValidationIssue:
    [issue] = issues_of(path)
    return issue


def assert_names(issue: ValidationIssue, file: str, entry: str, field: str, text: str) -> None:
    assert (issue.file, issue.entry, issue.field) == (file, entry, field)
    assert text in issue.message
    assert str(issue) == f"{file}: entry '{entry}', field '{field}': {issue.message}"


def test_duplicate_id(copy: Path) -> None:
    edit(copy / "persons.yaml", "id: senja-hirsjarvi", "id: raija-harju-kivinen")
    duplicate, reference = issues_of(copy)
    assert_names(duplicate, "persons.yaml", "raija-harju-kivinen", "id", "duplicate id")
    # the renamed person's old id is now unknown where it is used
    assert_names(
        reference, "programmes.yaml", "kslape", "contacts[1]", "unknown person 'senja-hirsjarvi'"
    )


def test_missing_id_names_the_entry_by_position(copy: Path) -> None:
    edit(copy / "roles.yaml", "  - id: hankepaallikko\n    title_fi", "  - title_fi")
    missing, *unknown_roles = issues_of(copy)
    assert_names(missing, "roles.yaml", "#2", "id", "missing value")
    assert {issue.message for issue in unknown_roles} == {"unknown role 'hankepaallikko'"}


def test_unknown_municipality_code(copy: Path) -> None:
    edit(copy / "units.yaml", 'area: {municipalities: ["410"]}', 'area: {municipalities: ["999"]}')
    issue = only_issue(copy)
    assert_names(
        issue, "units.yaml", "laukaa-hype", "area.municipalities[0]", "unknown municipality code"
    )
    assert "'999'" in issue.message


def test_unquoted_municipality_code(copy: Path) -> None:
    edit(copy / "units.yaml", 'area: {municipalities: ["081"]}', "area: {municipalities: [16]}")
    issue = only_issue(copy)
    assert_names(issue, "units.yaml", "hartola-perhekeskus", "area.municipalities[0]", "quotes")


def test_unknown_region(copy: Path) -> None:
    edit(copy / "persons.yaml", "area: {regions: [Päijät-Häme]}", "area: {regions: [Päijät-Hame]}")
    issue = only_issue(copy)
    assert_names(issue, "persons.yaml", "elina-vesterinen", "area.regions[0]", "unknown region")


def test_malformed_phone(copy: Path) -> None:
    edit(copy / "persons.yaml", '"06 416 2167"', '"06 416 21x7"')
    issue = only_issue(copy)
    assert_names(issue, "persons.yaml", "harri-lintala", "phones[0]", "malformed phone number")
    assert "'06 416 21x7'" in issue.message


def test_malformed_email(copy: Path) -> None:
    edit(copy / "persons.yaml", "address: harri.lintala@seinajoki.fi", "address: x")
    issue = only_issue(copy)
    assert_names(issue, "persons.yaml", "harri-lintala", "emails[0]", "malformed email 'x'")
    expected = "persons.yaml: entry 'harri-lintala', field 'emails[0]': malformed email 'x'"
    assert str(issue) == expected


def test_unknown_email_rule(copy: Path) -> None:
    edit(copy / "persons.yaml", "- {rule: etunimi.sukunimi@jkl.fi}", "- {rule: sukunimi@jkl.fi}")
    issue = only_issue(copy)
    assert_names(
        issue, "persons.yaml", "raija-harju-kivinen", "emails[0].rule", "unknown email rule"
    )


def test_malformed_url(copy: Path) -> None:
    edit(
        copy / "units.yaml",
        "url: https://www.seinajoki.fi/perhekeskuspalvelut",
        "url: www.seinajoki.fi/perhekeskuspalvelut",
    )
    issue = only_issue(copy)
    assert_names(issue, "units.yaml", "seinajoki-perhekeskus", "web_pages[0].url", "malformed URL")


def test_malformed_date(copy: Path) -> None:
    edit(copy / "sources.yaml", "updated: 2019-02-15", "updated: 15.2.2019")
    issue = only_issue(copy)
    assert_names(issue, "sources.yaml", "seed-004", "updated", "malformed date '15.2.2019'")


def test_impossible_date(copy: Path) -> None:
    edit(copy / "sources.yaml", "updated: 2019-02-15", "updated: 2019-02-30")
    issue, *rest = issues_of(copy)
    assert {i.message.split(" '")[0] for i in rest} == {"unknown source"}
    assert (issue.file, issue.entry, issue.field) == ("sources.yaml", "(file)", "-")
    assert "impossible value: day is out of range for month" in issue.message


def test_missing_source(copy: Path) -> None:
    edit(copy / "persons.yaml", "    source: seed-003\n", "")
    issue = only_issue(copy)
    assert_names(issue, "persons.yaml", "harri-lintala", "source", "missing source")


@pytest.mark.parametrize(
    ("file", "old", "new", "entry", "field", "message"),
    [
        ("persons.yaml", "source: seed-003", "source: seed-009", "harri-lintala", "source",
         "unknown source 'seed-009'"),
        ("units.yaml", "contacts: [harri-lintala]", "contacts: [harri-lintla]",
         "seinajoki-perhekeskus", "contacts[0]", "unknown person 'harri-lintla'"),
        ("units.yaml", "organization: seinajoen-kaupunki", "organization: seinajoki",
         "seinajoki-perhekeskus", "organization", "unknown organization 'seinajoki'"),
        ("units.yaml", "- service: perheneuvola\n        provider",
         "- service: x\n        provider",
         "laukaa-hype", "services[6]", "unknown service 'x'"),
        ("units.yaml", "parent: aanekoski-perhekeskus", "parent: aanekoski",
         "aanekoski-avoimet-paivakodit", "parent", "unknown unit 'aanekoski'"),
        ("persons.yaml", "role: perhekeskuskoordinaattori", "role: koordinaattori",
         "julia-ekola", "role", "unknown role 'koordinaattori'"),
        ("programmes.yaml", "topic: avaustapahtuma", "topic: avajaiset",
         "kslape-avaustapahtuma", "topic", "unknown topic 'avajaiset'"),
        ("organizations.yaml", "parent: jyvaskylan-kaupunki", "parent: jkl",
         "kslape", "parent", "unknown organization 'jkl'"),
    ],
)  # fmt: skip
def test_reference_to_unknown_entry(
    copy: Path, file: str, old: str, new: str, entry: str, field: str, message: str
) -> None:
    edit(copy / file, old, new)
    assert_names(only_issue(copy), file, entry, field, message)


def test_unknown_field_catches_typos(copy: Path) -> None:
    edit(copy / "persons.yaml", "    responsibility: vaativan", "    responsibilty: vaativan")
    issue = only_issue(copy)
    assert_names(issue, "persons.yaml", "johanna-liukkonen", "responsibilty", "unknown field")


def test_missing_area_is_not_silently_unknown(copy: Path) -> None:
    edit(copy / "persons.yaml", "    area: null\n", "")
    issue = only_issue(copy)
    assert_names(issue, "persons.yaml", "julia-ekola", "area", "missing area")


def test_yaml_syntax_error_names_the_line(copy: Path) -> None:
    edit(copy / "roles.yaml", "title_fi: muutosagentti", "title_fi: [muutosagentti")
    issue, *unknown_roles = issues_of(copy)
    assert (issue.file, issue.entry, issue.field) == ("roles.yaml", "(file)", "line 16")
    assert issue.message == (
        "YAML syntax error: did not find expected ',' or ']' "
        "(while parsing a flow sequence from line 15)"
    )
    assert {i.message.split(" '")[0] for i in unknown_roles} == {"unknown role"}


def test_missing_file(copy: Path) -> None:
    (copy / "topics.yaml").unlink()
    issues = issues_of(copy)
    assert issues[0].file == "topics.yaml" and "file not found" in issues[0].message
    # the facts' topics cannot be checked either, and say so
    assert {issue.message for issue in issues[1:]} >= {"unknown topic 'lape'"}


def test_every_problem_is_reported_at_once(copy: Path) -> None:
    edit(copy / "persons.yaml", '"06 416 2167"', '"6"')
    edit(copy / "units.yaml", 'area: {municipalities: ["410"]}', 'area: {municipalities: ["1"]}')
    edit(copy / "programmes.yaml", "    source: seed-002\n", "")
    found = {(issue.file, issue.entry, issue.field) for issue in issues_of(copy)}
    assert found == {
        ("persons.yaml", "harri-lintala", "phones[0]"),
        ("units.yaml", "laukaa-hype", "area.municipalities[0]"),
        ("programmes.yaml", "huomisen-hyvinvointia", "source"),
    }


def test_helpline_with_a_wrong_number_kind_and_language(copy: Path) -> None:
    edit(copy / "helplines.yaml", 'phone: "080 005 005"', 'phone: "080 005"')
    edit(copy / "helplines.yaml", "kind: poison", "kind: poisons")
    edit(copy / "helplines.yaml", "language: en", "language: de")
    issues = {(issue.entry, issue.field): issue.message for issue in issues_of(copy)}
    assert "not a valid Finnish number '080 005'" in issues[("nollalinja", "phone")]
    assert "unknown kind 'poisons'" in issues[("myrkytystietokeskus", "kind")]
    assert "unknown language 'de'" in issues[("mieli-crisis-helpline", "language")]


def test_helpline_needs_a_name_in_every_language_and_a_source(copy: Path) -> None:
    edit(copy / "helplines.yaml", "en: Nollalinja}", "}")
    edit(copy / "helplines.yaml", "    source: paivystyshelppi-myrkytys\n", "")
    issues = {(issue.entry, issue.field): issue.message for issue in issues_of(copy)}
    assert "missing value" in issues[("nollalinja", "name.en")]
    assert "missing source" in issues[("myrkytystietokeskus", "source")]


def test_short_service_numbers_are_valid_helpline_numbers() -> None:
    from bot.directory.fields import valid_helpline_number, valid_phone_number

    assert valid_helpline_number("116 111") and not valid_phone_number("116 111")
    assert valid_helpline_number("09 2525 0111") and valid_phone_number("09 2525 0111")
    assert not valid_helpline_number("116 999") and not valid_helpline_number("12")
