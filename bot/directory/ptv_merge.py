"""Merge PTV records into the directory's YAML files without overwriting editors' facts.

Every imported organisation and unit gets a source ``ptv-<PTV id>`` (title, Open API address,
PTV's ``modified`` date) and ``updated`` = that date, so the PTV id stays in the YAML. The
file ``ptv-state.json`` next to the YAML remembers what each field looked like at the last
import. On a new import a field is replaced only when the editor has not changed it since;
a field an editor changed is kept and reported. An entry an editor deleted is not re-added.

The YAML is edited with ruamel.yaml's round trip, so comments (the editing instructions),
quoting and layout stay as the editor left them. The result is validated with the normal
loader in a temporary copy before any file is replaced: a bad import never reaches the bot.
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from bot.directory.loader import FILES, MUNICIPALITIES_FILE, load_directory
from bot.directory.model import DirectoryError
from bot.directory.municipalities import load_municipalities
from bot.directory.ptv import PtvBundle, PtvRecord, read_ptv
from bot.paths import MUNICIPALITIES_CSV
from bot.text import words

STATE_FILE = "ptv-state.json"
SOURCE_PREFIX = "ptv-"
_FILES = {"organization": "organizations.yaml", "service": "services.yaml", "unit": "units.yaml"}
_MISSING = object()
#: Short mappings written on one line, as the hand-written files do.
_FLOW = {"area", "phones", "emails", "service_classes", "service_hours"}


@dataclass
class ImportReport:
    """What an import did, one line per entry."""

    lines: list[str] = field(default_factory=list)
    changed: bool = False
    errors: list[str] = field(default_factory=list)

    def add(self, status: str, kind: str, entry_id: str, detail: str = "") -> None:
        """Record one entry's outcome (``added``, ``updated``, ``unchanged``, ``skipped``)."""
        self.lines.append(f"{status:<9} {kind} {entry_id}" + (f": {detail}" if detail else ""))
        self.changed = self.changed or status in {"added", "updated"}


def import_ptv(ptv_file: Path, directory: Path, *, dry_run: bool = False) -> ImportReport:
    """Import a PTV Open API v11 JSON file into the directory folder.

    Args:
        ptv_file: The PTV JSON.
        directory: Folder with the directory YAML files (changed in place).
        dry_run: Report what would change without writing anything.

    Returns:
        The report; ``errors`` is non-empty (and nothing is written) when the merged
        directory would not pass ``directory check``.
    """
    csv_path = directory / MUNICIPALITIES_FILE
    known = load_municipalities(csv_path if csv_path.exists() else MUNICIPALITIES_CSV)
    bundle = read_ptv(ptv_file, known)
    merger = _Merger(directory)
    report = merger.merge(bundle)
    if not report.changed and not merger.state_changed:
        return report
    with tempfile.TemporaryDirectory(prefix="ptv-import-") as temp:
        staging = Path(temp)
        for name in (*FILES, MUNICIPALITIES_FILE):
            if (directory / name).exists():
                shutil.copy(directory / name, staging / name)
        written = merger.write(staging)
        try:
            load_directory(staging)
        except DirectoryError as error:
            report.errors += [str(issue) for issue in error.issues]
        if report.errors or dry_run:
            return report
        for name in written:
            shutil.copy(staging / name, directory / name)
    return report


class _Merger:
    """One import into one directory folder."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.yaml: Any = _round_trip()
        self.docs: dict[str, Any] = {}
        self.touched: set[str] = set()
        state_path = directory / STATE_FILE
        self.state: dict[str, Any] = (
            json.loads(state_path.read_text(encoding="utf-8")) if state_path.exists() else {}
        )
        self.state_changed = False
        self.ids: dict[str, str] = {}  # PTV id → directory id

    # --- YAML ----------------------------------------------------------------------------

    def entries(self, file: str) -> CommentedSeq:
        if file not in self.docs:
            text = (self.directory / file).read_text(encoding="utf-8")
            self.docs[file] = self.yaml.load(text)
        entries: CommentedSeq = self.docs[file][FILES[file]]
        return entries

    def find(self, file: str, entry_id: str) -> CommentedMap | None:
        for entry in self.entries(file):
            if isinstance(entry, CommentedMap) and entry.get("id") == entry_id:
                return entry
        return None

    def write(self, folder: Path) -> list[str]:
        """Write the changed files and the state into ``folder``; their names."""
        for file in self.touched:
            buffer = io.StringIO()
            self.yaml.dump(self.docs[file], buffer)
            (folder / file).write_text(buffer.getvalue(), encoding="utf-8")
        state = json.dumps(self.state, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        (folder / STATE_FILE).write_text(state, encoding="utf-8")
        return [*sorted(self.touched), STATE_FILE]

    # --- merging -------------------------------------------------------------------------

    def merge(self, bundle: PtvBundle) -> ImportReport:
        report = ImportReport()
        for line in bundle.skipped:
            report.add("skipped", "-", line)
        for record in bundle.organizations:
            self.ids[record.ptv_id] = self.resolve(record)
        for record in bundle.services:
            self.ids[record.ptv_id] = self.resolve(record)
        for record in bundle.units:
            self.ids[record.ptv_id] = self.resolve(record)
        links: dict[str, list[str]] = {}
        for service in bundle.services:
            for channel in service.links:
                links.setdefault(channel, []).append(service.ptv_id)
        for record in bundle.organizations:
            fields = dict(record.fields)
            if "parent" in fields:
                fields["parent"] = self.ids.get(fields["parent"], fields["parent"])
            self.merge_entry(record, fields, report)
        for record in bundle.services:
            self.merge_service(record, report)
        for record in bundle.units:
            fields = dict(record.fields)
            fields["organization"] = self.ids.get(fields["organization"], fields["organization"])
            linked = [*fields["services"], *links.get(record.ptv_id, [])]
            fields["services"] = [
                {"service": self.ids[ptv_id]}
                for ptv_id in dict.fromkeys(linked)
                if ptv_id in self.ids
            ]
            self.merge_entry(record, fields, report)
        return report

    def resolve(self, record: PtvRecord) -> str:
        """The directory id for a PTV record: remembered, found by source, matched, or new."""
        remembered = self.state.get(record.ptv_id)
        if remembered is not None:
            return str(remembered["id"])
        file = _FILES[record.kind]
        source = SOURCE_PREFIX + record.ptv_id
        for entry in self.entries(file):
            if isinstance(entry, CommentedMap) and entry.get("source") == source:
                return str(entry["id"])
        if record.kind == "service":
            wanted = " ".join(words(record.name))
            for entry in self.entries(file):
                names = [entry.get("name_fi", ""), *(entry.get("aliases") or [])]
                if wanted in {" ".join(words(str(name))) for name in names}:
                    return str(entry["id"])
        base = "-".join(words(record.name))[:60].strip("-") or record.kind
        taken = {str(entry.get("id")) for entry in self.entries(file)} | set(self.ids.values())
        return base if base not in taken else f"{base}-{record.ptv_id[:8]}"

    def merge_service(self, record: PtvRecord, report: ImportReport) -> None:
        """A PTV service: matched to the vocabulary by name, or added to it."""
        entry_id = self.ids[record.ptv_id]
        remembered = self.state.get(record.ptv_id)
        exists = self.find("services.yaml", entry_id) is not None
        if (remembered is None and exists) or (remembered and remembered["fields"] is None):
            report.add("unchanged", "service", entry_id, f"PTV service '{record.name}' matched")
            self.remember(record, entry_id, None)
            return
        self.merge_entry(record, dict(record.fields), report, with_source=False)

    def merge_entry(
        self,
        record: PtvRecord,
        fields: dict[str, Any],
        report: ImportReport,
        *,
        with_source: bool = True,
    ) -> None:
        file = _FILES[record.kind]
        entry_id = self.ids[record.ptv_id]
        fields = {key: value for key, value in fields.items() if value not in ([], "")}
        if with_source:
            source_id = SOURCE_PREFIX + record.ptv_id
            fields["source"] = source_id
            if record.modified is not None:
                fields["updated"] = record.modified.isoformat()
            self.merge_source(record, source_id, report)
        remembered = self.state.get(record.ptv_id)
        entry = self.find(file, entry_id)
        if entry is None:
            if remembered is not None:
                report.add("skipped", record.kind, entry_id, "deleted by an editor; not re-added")
                return
            self.add_entry(file, entry_id, fields, record)
            report.add("added", record.kind, entry_id, record.name)
            self.remember(record, entry_id, fields)
            return
        base = remembered.get("fields") if remembered else None
        changed, kept = self.merge_fields(file, entry, fields, base)
        detail = ", ".join(changed)
        if kept:
            detail += ("; " if detail else "") + "editor's value kept: " + ", ".join(kept)
        report.add("updated" if changed else "unchanged", record.kind, entry_id, detail)
        self.remember(record, entry_id, fields)

    def merge_source(self, record: PtvRecord, source_id: str, report: ImportReport) -> None:
        fields: dict[str, Any] = {
            "title": f"Suomi.fi-palvelutietovaranto: {record.name}",
            "url": record.url,
            "updated": record.modified.isoformat() if record.modified else None,
            "publisher": "Suomi.fi-palvelutietovaranto (PTV)",
        }
        key = f"source:{record.ptv_id}"
        remembered = self.state.get(key)
        entry = self.find("sources.yaml", source_id)
        if entry is None:
            self.add_entry("sources.yaml", source_id, fields, None)
            report.add("added", "source", source_id)
        else:
            base = remembered.get("fields") if remembered else None
            changed, kept = self.merge_fields("sources.yaml", entry, fields, base)
            if changed or kept:
                detail = ", ".join(changed) + (
                    f"; editor's value kept: {', '.join(kept)}" if kept else ""
                )
                report.add("updated" if changed else "unchanged", "source", source_id, detail)
        self.set_state(key, {"kind": "source", "id": source_id, "fields": fields})

    def merge_fields(
        self, file: str, entry: CommentedMap, new: dict[str, Any], base: dict[str, Any] | None
    ) -> tuple[list[str], list[str]]:
        """Three-way merge of one entry's fields; the changed and the kept field names."""
        changed: list[str] = []
        kept: list[str] = []
        for key in dict.fromkeys([*new, *(base or {})]):
            value = new.get(key, _MISSING)
            current = _plain(entry.get(key, _MISSING))
            if current == value:
                continue
            before = base.get(key, _MISSING) if base is not None else _MISSING
            untouched = base is not None and current == before
            if untouched or (base is None and current is _MISSING):
                if value is _MISSING:
                    del entry[key]
                else:
                    _put(entry, key, _yaml_value(key, value))
                changed.append(key)
            elif value is not _MISSING:
                kept.append(key)
        if changed:
            self.touched.add(file)
        return changed, kept

    def add_entry(
        self, file: str, entry_id: str, fields: dict[str, Any], record: PtvRecord | None
    ) -> None:
        entry = CommentedMap(id=entry_id)
        for key, value in fields.items():
            if value not in ([], ""):
                entry[key] = _yaml_value(key, value)
        entries = self.entries(file)
        entries.append(entry)
        note = "Suomi.fi-palvelutietovarannosta (PTV)"
        if record is not None and record.kind == "service":
            note += f": palvelu {record.ptv_id}"
        entries.yaml_set_comment_before_after_key(len(entries) - 1, before=f"\n{note}", indent=2)
        self.touched.add(file)

    def remember(self, record: PtvRecord, entry_id: str, fields: dict[str, Any] | None) -> None:
        self.set_state(record.ptv_id, {"kind": record.kind, "id": entry_id, "fields": fields})

    def set_state(self, key: str, value: dict[str, Any]) -> None:
        if self.state.get(key) != value:
            self.state[key] = value
            self.state_changed = True


def _round_trip() -> Any:
    """A ruamel.yaml round-trip loader/dumper that reproduces the hand-written files."""
    yaml: Any = YAML()  # ruamel's attributes are untyped
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(
        type(None), lambda rep, _: rep.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return yaml


def _plain(value: Any) -> Any:
    """A YAML value as plain JSON-like data (dates as ISO text) for comparison."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)
    return value


def _yaml_value(key: str, value: Any) -> Any:
    """Plain data → ruamel nodes: dates as dates, codes and numbers quoted, short maps inline."""
    if key in {"updated"} and isinstance(value, str):
        return date.fromisoformat(value)
    if isinstance(value, dict):
        node = CommentedMap()
        for k, v in value.items():
            node[k] = _yaml_value(k, v)
        if key in _FLOW or key == "item":
            node.fa.set_flow_style()
        return node
    if isinstance(value, list):
        seq = CommentedSeq(_yaml_value("item" if key in _FLOW else key, v) for v in value)
        if key in {"municipalities", "aliases", "regions"}:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and (
        key in {"municipalities", "prefix", "number", "opens", "closes"}
    ):
        return DoubleQuotedScalarString(value)
    return value


def _put(entry: CommentedMap, key: str, value: Any) -> None:
    """Set a field, inserting a new one before ``source`` to keep the usual order."""
    if key in entry or "source" not in entry:
        entry[key] = value
    else:
        entry.insert(list(entry).index("source"), key, value)
