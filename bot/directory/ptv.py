"""Read Suomi.fi Palvelutietovaranto (PTV) Open API v11 JSON into directory-shaped records.

The input is what the PTV Open API returns (``/api/v11/Organization/{id}``,
``/api/v11/Service/{id}``, ``/api/v11/ServiceChannel/{id}``, or their ``list`` / paging
answers with ``itemList``), saved into one file: either an object with the lists
``organizations``, ``services`` and ``serviceChannels``, or a single list of such objects.
Each object is recognised by its fields (``organizationType``, ``serviceChannelType``,
``serviceNames``). Only ServiceLocation channels become units; other channel types and
records that are not ``Published`` are skipped with a note.

This module only maps; :mod:`bot.directory.ptv_merge` merges the records into the YAML.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from bot.directory.municipalities import Municipality
from bot.directory.ptv_fields import emails, hours, localized, modified_date, phones, web_pages

Kind = Literal["organization", "service", "unit"]
API = "https://api.palvelutietovaranto.suomi.fi/api/v11"
#: PTV organisation types → the directory's.
ORGANIZATION_TYPES = {
    "Municipality": "Municipality",
    "RegionalOrganization": "RegionalOrganization",
    "Region": "RegionalOrganization",
    "SotePublic": "RegionalOrganization",
    "State": "Organization",
    "Organization": "Organization",
    "Company": "Organization",
    "SotePrivate": "Organization",
}


class PtvError(ValueError):
    """The file is not PTV Open API JSON this importer understands."""


@dataclass
class PtvRecord:
    """One PTV record mapped to directory fields.

    Attributes:
        kind: ``organization``, ``service`` or ``unit`` (a ServiceLocation channel).
        ptv_id: The PTV id (a UUID).
        name: Finnish name, for messages.
        modified: PTV's ``modified`` as a date in Finland, if given.
        fields: Directory fields in YAML order, without ``id``; references to other PTV
            records are still PTV ids (``organization``, ``parent``, ``services``).
        url: The record's address in the PTV Open API.
        links: For a service, the PTV ids of the channels it lists.
    """

    kind: Kind
    ptv_id: str
    name: str
    modified: date | None
    fields: dict[str, Any]
    url: str
    links: list[str] = field(default_factory=list)


@dataclass
class PtvBundle:
    """Every record read from one file, and what was skipped."""

    organizations: list[PtvRecord] = field(default_factory=list)
    services: list[PtvRecord] = field(default_factory=list)
    units: list[PtvRecord] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def read_ptv(path: Path, municipalities: Mapping[str, Municipality]) -> PtvBundle:
    """Read a PTV Open API v11 JSON file.

    Args:
        path: The JSON file.
        municipalities: Known municipalities by code; other codes are skipped with a note.

    Returns:
        The mapped records.

    Raises:
        PtvError: When the file is not JSON or holds nothing PTV-shaped.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PtvError(f"cannot read {path}: {error}") from error
    bundle = PtvBundle()
    mapper = _Mapper(municipalities, bundle.skipped)
    for item in _objects(data):
        if "serviceChannelType" in item:
            unit = mapper.channel(item)
            if unit is not None:
                bundle.units.append(unit)
        elif "organizationType" in item or "organizationNames" in item:
            bundle.organizations.append(mapper.organization(item))
        elif "serviceNames" in item:
            bundle.services.append(mapper.service(item))
    if not (bundle.organizations or bundle.services or bundle.units or bundle.skipped):
        raise PtvError(f"{path}: no PTV organisations, services or service channels found")
    return bundle


def _objects(data: Any) -> list[Mapping[str, Any]]:
    """The PTV objects of the file, whatever wrapper it uses."""
    if isinstance(data, list):
        return [item for part in data for item in _objects(part)]
    if not isinstance(data, Mapping):
        return []
    if "id" in data and any(key in data for key in ("serviceChannelType", "organizationType")):
        return [data]
    if "id" in data and ("serviceNames" in data or "organizationNames" in data):
        return [data]
    found: list[Mapping[str, Any]] = []
    for key in ("organizations", "services", "serviceChannels", "itemList"):
        if isinstance(data.get(key), list):
            found += _objects(data[key])
    return found


class _Mapper:
    """PTV objects → :class:`PtvRecord`."""

    def __init__(self, municipalities: Mapping[str, Municipality], skipped: list[str]) -> None:
        self.municipalities = municipalities
        self.regions = {m.region_fi for m in municipalities.values()}
        self.skipped = skipped

    def _published(self, item: Mapping[str, Any], what: str, name: str) -> bool:
        status = item.get("publishingStatus", "Published")
        if status != "Published":
            self.skipped.append(f"{what} {item.get('id')} ({name}): status {status}")
            return False
        return True

    def organization(self, item: Mapping[str, Any]) -> PtvRecord:
        ptv_id = str(item.get("id", ""))
        name = localized(item.get("organizationNames"), "Name") or ptv_id
        self._published(item, "organisation", name)
        fields: dict[str, Any] = {"name_fi": name}
        alias = localized(item.get("organizationNames"), "AlternativeName")
        if alias and alias != name:
            fields["aliases"] = [alias]
        kind = str(item.get("organizationType", "Organization"))
        fields["type"] = ORGANIZATION_TYPES.get(kind, "Organization")
        if item.get("parentOrganizationId"):
            fields["parent"] = str(item["parentOrganizationId"])
        fields["area"] = self.area(item, item.get("municipality"))
        pages = web_pages(item.get("webPages"), name)
        if pages:
            fields["web_pages"] = pages
        return PtvRecord(
            "organization",
            ptv_id,
            name,
            modified_date(item.get("modified")),
            fields,
            f"{API}/Organization/{ptv_id}",
        )

    def service(self, item: Mapping[str, Any]) -> PtvRecord:
        ptv_id = str(item.get("id", ""))
        name = localized(item.get("serviceNames"), "Name") or ptv_id
        self._published(item, "service", name)
        fields: dict[str, Any] = {"name_fi": name}
        alias = localized(item.get("serviceNames"), "AlternativeName")
        fields["aliases"] = [alias] if alias and alias != name else []
        classes = []
        for entry in item.get("serviceClasses") or []:
            code = entry.get("code") if isinstance(entry, Mapping) else None
            if isinstance(code, str) and code:
                classes.append({"code": code, "name": localized(entry.get("name")) or code})
        fields["service_classes"] = classes
        summary = localized(item.get("serviceDescriptions"), "Summary")
        if summary:
            fields["description"] = summary
        # Channels linked from the service side, so a unit gets the service either way.
        channels = [
            str(link["serviceChannel"]["id"])
            for link in item.get("serviceChannels") or []
            if isinstance(link, Mapping) and isinstance(link.get("serviceChannel"), Mapping)
        ]
        return PtvRecord(
            "service",
            ptv_id,
            name,
            modified_date(item.get("modified")),
            fields,
            f"{API}/Service/{ptv_id}",
            channels,
        )

    def channel(self, item: Mapping[str, Any]) -> PtvRecord | None:
        ptv_id = str(item.get("id", ""))
        names = item.get("serviceChannelNames")
        name = localized(names, "Name") or ptv_id
        kind = item.get("serviceChannelType")
        if kind != "ServiceLocation":
            self.skipped.append(f"channel {ptv_id} ({name}): type {kind}, not a ServiceLocation")
            return None
        if not self._published(item, "channel", name):
            return None
        fields: dict[str, Any] = {"name_fi": name}
        alias = localized(names, "AlternativeName")
        if alias and alias != name:
            fields["aliases"] = [alias]
        fields["organization"] = str(item.get("organizationId", ""))
        description = localized(item.get("serviceChannelDescriptions"), "Summary") or localized(
            item.get("serviceChannelDescriptions"), "Description"
        )
        if description:
            fields["description"] = description
        address, address_code = self.address(item.get("addresses"))
        fields["area"] = self.area(item, {"code": address_code} if address_code else None)
        fields["services"] = [
            str(link["service"]["id"])
            for link in item.get("services") or []
            if isinstance(link, Mapping) and isinstance(link.get("service"), Mapping)
        ]
        optional = {
            "phones": phones(item.get("phoneNumbers"), self.skipped),
            "emails": emails(item.get("emails") or item.get("supportEmails")),
            "web_pages": web_pages(item.get("webPages"), name),
            "service_hours": hours(item.get("serviceHours")),
            "address": address,
        }
        fields.update({key: value for key, value in optional.items() if value})
        return PtvRecord(
            "unit",
            ptv_id,
            name,
            modified_date(item.get("modified")),
            fields,
            f"{API}/ServiceChannel/{ptv_id}",
        )

    # --- parts -------------------------------------------------------------------------

    def area(self, item: Mapping[str, Any], fallback: Any) -> dict[str, Any] | None:
        """``areaType``/``areas``/``areaMunicipalities`` as a directory area.

        A LimitedType area without municipalities falls back to ``fallback`` (the
        municipality of the organisation or of the visiting address).
        """
        if item.get("areaType") in {"Nationwide", "NationwideExceptAlandIslands"}:
            return {"national": True}
        codes: list[str] = []
        regions: list[str] = []
        for area in item.get("areas") or []:
            if not isinstance(area, Mapping):
                continue
            if area.get("type") == "Municipality":
                codes.append(str(area.get("code", "")))
            elif area.get("type") == "Region" and localized(area.get("name")) in self.regions:
                regions.append(str(localized(area.get("name"))))
            codes += [str(m.get("code", "")) for m in area.get("municipalities") or []]
        codes += [str(m.get("code", "")) for m in item.get("areaMunicipalities") or []]
        if not codes and not regions and isinstance(fallback, Mapping) and fallback.get("code"):
            codes.append(str(fallback["code"]))
        known = []
        for code in dict.fromkeys(codes):
            code = code.zfill(3)
            if code in self.municipalities:
                known.append(code)
            else:
                self.skipped.append(f"area of {item.get('id')}: unknown municipality '{code}'")
        result: dict[str, Any] = {}
        if known:
            result["municipalities"] = known
        if regions:
            result["regions"] = list(dict.fromkeys(regions))
        return result or None

    def address(self, addresses: Any) -> tuple[str | None, str | None]:
        """The visiting address as one line, and its municipality code."""
        for address in addresses or []:
            if not isinstance(address, Mapping) or address.get("type") not in {"Location", None}:
                continue
            street = address.get("streetAddress")
            if not isinstance(street, Mapping):
                continue
            line = " ".join(
                part
                for part in (localized(street.get("street")), street.get("streetNumber"))
                if part
            )
            town = " ".join(
                part
                for part in (street.get("postalCode"), localized(street.get("postOffice")))
                if part
            )
            municipality = street.get("municipality")
            code = municipality.get("code") if isinstance(municipality, Mapping) else None
            text = ", ".join(part for part in (line, town) if part)
            return text or None, str(code) if code else None
        return None, None


def ptv_ids(records: Sequence[PtvRecord]) -> dict[str, PtvRecord]:
    """Records by PTV id."""
    return {record.ptv_id: record for record in records}
