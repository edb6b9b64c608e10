"""Values the directory entries are made of: sources, areas, contact details, dates, sums.

All values are frozen, like the entries (:mod:`bot.directory.model`) that hold them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Source:
    """Where facts come from.

    Attributes:
        id: Source id, referred to by every entry (``seed-001``).
        title: The page's title.
        url: The page's own address, or None when the page does not give it.
        updated: The date the page says it was updated, or None when it gives none.
        seed_file: File name of the stored copy of the page, if any.
        publisher: Who published the page, when the page itself says so.
    """

    id: str
    title: str
    url: str | None
    updated: date | None
    seed_file: str | None
    publisher: str | None = None


@dataclass(frozen=True)
class Area:
    """Where an entry applies: municipalities, regions, wellbeing services counties, nation.

    An empty area means that the source does not state it; such an entry can be found by its
    name but is never presented as local to any municipality.
    """

    municipalities: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    counties: tuple[str, ...] = ()
    national: bool = False

    @property
    def stated(self) -> bool:
        """Whether the source says where the entry applies."""
        return bool(self.national or self.municipalities or self.regions or self.counties)


@dataclass(frozen=True)
class Phone:
    """A phone number as PTV stores it: country prefix and the number in national form.

    Attributes:
        prefix: Country calling code, ``+358``.
        number: The national number as written in Finland, ``050 351 9249``.
        description: What the number is for, if the source says.
    """

    prefix: str
    number: str
    description: str | None = None

    @property
    def digits(self) -> str:
        """The national number's digits only (``0503519249``)."""
        return "".join(ch for ch in self.number if ch.isdigit())

    @property
    def international(self) -> str:
        """The number for dialling from abroad (``+358503519249``)."""
        return self.prefix + self.digits.removeprefix("0")


@dataclass(frozen=True)
class Email:
    """An email address and how we know it.

    Attributes:
        address: The address to use.
        derived: True when the source gives a rule, not the address itself.
        rule: The rule the address was derived by (``etunimi.sukunimi@jkl.fi``), if derived.
        as_printed: How the source printed the address when that differs from ``address``
            (``(at)`` for ``@``, a lost ``@``).
        note: Why the address differs from the print, for an editor.
    """

    address: str
    derived: bool = False
    rule: str | None = None
    as_printed: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class WebPage:
    """A link with a Finnish title."""

    url: str
    title: str


@dataclass(frozen=True)
class SocialMedia:
    """A social media account (``Facebook``, ``Twitter``)."""

    service: str
    url: str


@dataclass(frozen=True)
class ServiceHour:
    """Opening hours, PTV style: days, times and a free-text note."""

    days: str
    opens: str | None = None
    closes: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class FactDate:
    """A date or period as the source states it.

    Attributes:
        label: What happened (``käynnistyi``, ``hankekausi``).
        text: The date as written (``elokuussa``, ``3.4.2017–31.12.2018``).
        start: The first day, when the source gives a full date.
        end: The last day, when the source gives a full date.
    """

    label: str
    text: str
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class Amount:
    """A sum of money the source states (funding)."""

    label: str
    euros: int
    period: str | None = None


@dataclass(frozen=True)
class ServiceClass:
    """A PTV service class (``P3.7`` Kasvatus- ja perheneuvonta)."""

    code: str
    name_fi: str
