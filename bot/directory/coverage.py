"""Coverage report: what a parent in each of the 308 municipalities is told.

``python -m bot directory coverage --out DIR`` writes ``DIR/index.html`` (with the chart
``DIR/coverage.svg``), ``DIR/coverage.csv`` (one row per municipality) and
``DIR/regions.csv`` (counts per region), so editors see where content is missing. The level
of each municipality is the one :meth:`Directory.lookup` answers with, so the report and the
bot cannot disagree.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path
from typing import Literal

from bot.directory.municipalities import Municipality
from bot.directory.queries import Directory

#: What a parent in a municipality is told, from best to worst.
Coverage = Literal["local", "region-only", "national-only"]
COVERAGES: tuple[Coverage, ...] = ("local", "region-only", "national-only")
LABELS: dict[Coverage, str] = {
    "local": "Paikallinen yksikkö tai yhteyshenkilö",
    "region-only": "Vain alueen tiedot",
    "national-only": "Vain valtakunnallinen tieto",
}
#: Bar colours with at least 3:1 contrast against white (WCAG 1.4.11), plus hatches so the
#: levels differ without colour too.
COLOURS: dict[Coverage, str] = {
    "local": "#1b5e20",
    "region-only": "#a04000",
    "national-only": "#5f6368",
}
HATCHES: dict[Coverage, str] = {"local": "", "region-only": "//", "national-only": ".."}
CHART_FILE = "coverage.svg"
CSV_FILE = "coverage.csv"
REGIONS_FILE = "regions.csv"
_LEVELS: dict[str, Coverage] = {
    "municipality": "local",
    "region": "region-only",
    "national": "national-only",
}


@dataclass(frozen=True)
class CoverageRow:
    """What the directory gives a parent in one municipality.

    Attributes:
        municipality: The municipality.
        coverage: ``local``, ``region-only`` or ``national-only``.
        local_units: Names of units whose area names the municipality.
        local_contacts: Names of contact persons for the municipality.
        regional_units: Names of units for its whole region or county.
        regional_contacts: Names of contact persons for its region or county.
        regional_facts: Number of programme facts for its region or county.
    """

    municipality: Municipality
    coverage: Coverage
    local_units: tuple[str, ...]
    local_contacts: tuple[str, ...]
    regional_units: tuple[str, ...]
    regional_contacts: tuple[str, ...]
    regional_facts: int


@dataclass(frozen=True)
class RegionCount:
    """How many municipalities of a region are at each coverage level."""

    region: str
    counts: dict[Coverage, int]

    @property
    def total(self) -> int:
        """Municipalities in the region."""
        return sum(self.counts.values())


def coverage(directory: Directory) -> list[CoverageRow]:
    """The coverage of every municipality, in the order of the municipality list.

    Args:
        directory: A loaded directory.

    Returns:
        One row per municipality.
    """
    rows: list[CoverageRow] = []
    for code, municipality in directory.municipalities.items():
        answer = directory.lookup(code)
        rows.append(
            CoverageRow(
                municipality=municipality,
                coverage=_LEVELS[answer.level],
                local_units=tuple(unit.name_fi for unit in answer.units),
                local_contacts=tuple(person.full_name for person in answer.local_contacts),
                regional_units=tuple(unit.name_fi for unit in answer.regional_units),
                regional_contacts=tuple(p.full_name for p in answer.regional_contacts),
                regional_facts=len(answer.facts),
            )
        )
    return rows


def by_region(rows: Iterable[CoverageRow]) -> list[RegionCount]:
    """Municipalities per coverage level in each region, regions in Finnish order."""
    table: dict[str, dict[Coverage, int]] = {}
    for row in rows:
        counts = table.setdefault(row.municipality.region_fi, dict.fromkeys(COVERAGES, 0))
        counts[row.coverage] += 1
    return [RegionCount(region, table[region]) for region in sorted(table, key=_finnish_key)]


_FINNISH_ORDER: dict[str, str | int | None] = {"å": "z~", "ä": "z~~", "ö": "z~~~"}


def _finnish_key(text: str) -> str:
    """Sort key putting Å, Ä and Ö after Z, as Finnish does."""
    return text.casefold().translate(str.maketrans(_FINNISH_ORDER))


def chart_svg(regions: Sequence[RegionCount], title: str) -> str:
    """A horizontal stacked bar chart of the levels per region, as SVG text.

    Args:
        regions: Counts per region.
        title: The chart's title, also written into the SVG's ``<title>``.

    Returns:
        The SVG document (deterministic: no date, fixed ids).
    """
    from matplotlib.figure import Figure  # imported here: only this command needs it

    figure = Figure(figsize=(8, 0.38 * len(regions) + 1.6))
    axes = figure.add_subplot()
    names = [region.region for region in regions][::-1]
    left = [0] * len(regions)
    for level in COVERAGES:
        values = [region.counts[level] for region in regions][::-1]
        axes.barh(
            names,
            values,
            left=left,
            color=COLOURS[level],
            hatch=HATCHES[level],
            edgecolor="white",
            label=LABELS[level],
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.set_xlabel("Kuntia", color="black")
    axes.set_title(title, color="black")
    axes.tick_params(colors="black")
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=2, frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    buffer = io.StringIO()
    import matplotlib

    with matplotlib.rc_context({"svg.hashsalt": "perhebotti", "svg.fonttype": "none"}):
        figure.savefig(
            buffer, format="svg", metadata={"Title": title, "Date": None}, bbox_inches="tight"
        )
    return buffer.getvalue()


def write_csv(rows: Sequence[CoverageRow], path: Path) -> None:
    """One row per municipality, list fields joined with ``; `` (UTF-8 with BOM for Excel)."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "code",
                "municipality",
                "municipality_sv",
                "region",
                "wellbeing_county",
                "coverage",
                "coverage_fi",
                "local_units",
                "local_contacts",
                "regional_units",
                "regional_contacts",
                "regional_facts",
            ]
        )
        for row in rows:
            place = row.municipality
            writer.writerow(
                [
                    place.code,
                    place.name_fi,
                    place.name_sv,
                    place.region_fi,
                    place.county_fi,
                    row.coverage,
                    LABELS[row.coverage],
                    "; ".join(row.local_units),
                    "; ".join(row.local_contacts),
                    "; ".join(row.regional_units),
                    "; ".join(row.regional_contacts),
                    row.regional_facts,
                ]
            )


def write_regions_csv(regions: Sequence[RegionCount], path: Path) -> None:
    """Counts per region and level."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["region", *COVERAGES, "total"])
        for region in regions:
            writer.writerow(
                [region.region, *(region.counts[level] for level in COVERAGES), region.total]
            )


def render_html(rows: Sequence[CoverageRow], regions: Sequence[RegionCount], day: date) -> str:
    """The report page: summary, chart, table per region, table per municipality.

    Args:
        rows: Coverage of every municipality.
        regions: Counts per region.
        day: The date the report was made.

    Returns:
        A complete HTML document in Finnish.
    """
    totals = {level: sum(1 for row in rows if row.coverage == level) for level in COVERAGES}
    summary = "".join(
        f"<li><strong>{totals[level]}</strong> {escape(LABELS[level].lower())}</li>"
        for level in COVERAGES
    )
    alt = (
        f"Pylväskaavio maakunnittain: {totals['local']} kuntaa paikallinen, "
        f"{totals['region-only']} vain alueen tiedot, {totals['national-only']} vain "
        "valtakunnallinen tieto. Samat luvut ovat taulukossa kaavion alla."
    )
    head_cells = "".join(f'<th scope="col">{escape(LABELS[level])}</th>' for level in COVERAGES)
    region_rows = "".join(
        f'<tr><th scope="row">{escape(region.region)}</th>'
        + "".join(f'<td class="num">{region.counts[level]}</td>' for level in COVERAGES)
        + f'<td class="num">{region.total}</td></tr>'
        for region in regions
    )
    ordered = sorted(rows, key=lambda row: _finnish_key(row.municipality.name_fi))
    municipality_rows = "".join(_municipality_row(row) for row in ordered)
    return f"""<!DOCTYPE html>
<html lang="fi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hakemiston kattavuus kunnittain – Perhebotti</title>
<style>
body {{ font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff;
  max-width: 70rem; margin: 0 auto; padding: 1rem; line-height: 1.5; }}
table {{ border-collapse: collapse; margin: 1rem 0; }}
th, td {{ border: 1px solid #767676; padding: .3rem .5rem; text-align: left;
  vertical-align: top; }}
thead th {{ background: #e8e8e8; }}
td.num {{ text-align: right; }}
.local {{ border-left: .4rem solid {COLOURS["local"]}; }}
.region-only {{ border-left: .4rem solid {COLOURS["region-only"]}; }}
.national-only {{ border-left: .4rem solid {COLOURS["national-only"]}; }}
img {{ max-width: 100%; height: auto; }}
</style>
</head>
<body>
<header>
<h1>Hakemiston kattavuus kunnittain</h1>
<p>Mitä botti kertoo vanhemmalle kussakin Suomen {len(rows)} kunnassa, kun hän kysyy
perhepalveluista. Raportti on tehty {day.day}.{day.month}.{day.year} hakemiston
tiedoista (<code>data/directory/</code>).</p>
</header>
<main>
<section aria-labelledby="yhteenveto">
<h2 id="yhteenveto">Yhteenveto</h2>
<ul>{summary}</ul>
<p>Kunnat, joissa on vain alueen tai valtakunnallista tietoa, tarvitsevat paikallisen
yksikön tai yhteyshenkilön. Lisää ne tiedostoihin <code>units.yaml</code> ja
<code>persons.yaml</code> tai tuo ne Suomi.fi-palvelutietovarannosta
(<code>python -m bot directory import-ptv</code>).</p>
</section>
<section aria-labelledby="maakunnittain">
<h2 id="maakunnittain">Maakunnittain</h2>
<figure>
<img src="{CHART_FILE}" alt="{escape(alt)}" title="Hakemiston kattavuus maakunnittain">
<figcaption>Kuntien määrä maakunnittain vastauksen tason mukaan.</figcaption>
</figure>
<table>
<caption>Kuntien määrä maakunnittain ja vastauksen tason mukaan</caption>
<thead><tr><th scope="col">Maakunta</th>{head_cells}<th scope="col">Yhteensä</th></tr></thead>
<tbody>{region_rows}</tbody>
</table>
</section>
<section aria-labelledby="kunnittain">
<h2 id="kunnittain">Kunnittain</h2>
<table>
<caption>Mitä kunnan vanhempi saa tietää (kunnat aakkosjärjestyksessä)</caption>
<thead><tr><th scope="col">Kunta</th><th scope="col">Kuntanumero</th>
<th scope="col">Maakunta</th><th scope="col">Taso</th>
<th scope="col">Paikalliset yksiköt ja yhteyshenkilöt</th>
<th scope="col">Alueen yksiköt ja yhteyshenkilöt</th></tr></thead>
<tbody>{municipality_rows}</tbody>
</table>
</section>
</main>
</body>
</html>
"""


def _municipality_row(row: CoverageRow) -> str:
    place = row.municipality
    local = ", ".join(escape(name) for name in (*row.local_units, *row.local_contacts))
    regional = ", ".join(escape(name) for name in (*row.regional_units, *row.regional_contacts))
    return (
        f'<tr><th scope="row">{escape(place.name_fi)}</th><td>{place.code}</td>'
        f"<td>{escape(place.region_fi)}</td>"
        f'<td class="{row.coverage}">{escape(LABELS[row.coverage])}</td>'
        f"<td>{local or '–'}</td><td>{regional or '–'}</td></tr>"
    )


def write_report(directory: Directory, out: Path, day: date | None = None) -> list[CoverageRow]:
    """Write the coverage report into ``out`` (created if missing).

    Args:
        directory: A loaded directory.
        out: Folder for ``index.html``, the chart and the CSV files.
        day: The report's date; today by default.

    Returns:
        The coverage of every municipality.
    """
    rows = coverage(directory)
    regions = by_region(rows)
    out.mkdir(parents=True, exist_ok=True)
    title = "Hakemiston kattavuus maakunnittain"
    (out / CHART_FILE).write_text(chart_svg(regions, title), encoding="utf-8")
    write_csv(rows, out / CSV_FILE)
    write_regions_csv(regions, out / REGIONS_FILE)
    page = render_html(rows, regions, day or date.today())
    (out / "index.html").write_text(page, encoding="utf-8")
    return rows
