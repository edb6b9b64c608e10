"""The place a question is about: a municipality, a region or a wellbeing services county.

Conversations store a place as a string (the ``place`` slot and entity): a municipality code
(``"410"``), ``"region:Keski-Suomi"`` or ``"county:Keski-Suomen hyvinvointialue"``. This is
the one module that builds and reads those strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PlaceKind = Literal["municipality", "region", "county"]

_PREFIXES: dict[PlaceKind, str] = {"region": "region:", "county": "county:"}


@dataclass(frozen=True)
class Place:
    """A place value.

    Attributes:
        kind: "municipality", "region" or "county".
        name: The municipality code, or the region's or county's Finnish name.
    """

    kind: PlaceKind
    name: str

    @classmethod
    def parse(cls, value: str) -> Place:
        """Read a slot or entity value; anything without a prefix is a municipality code."""
        for kind, prefix in _PREFIXES.items():
            if value.startswith(prefix):
                return cls(kind, value.removeprefix(prefix))
        return cls("municipality", value)

    @property
    def id(self) -> str:
        """The value stored in the conversation (``"410"``, ``"region:Keski-Suomi"``)."""
        return _PREFIXES.get(self.kind, "") + self.name

    @property
    def is_area(self) -> bool:
        """Whether the place is a region or a county (several municipalities)."""
        return self.kind != "municipality"
