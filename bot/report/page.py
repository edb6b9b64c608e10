"""The report page: an accessible HTML document in Finnish with inline SVG charts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from html import escape

from bot.report.analysis import CATEGORIES, Group, Report
from bot.report.charts import bar_chart

#: Rows in the municipality chart (the table lists all).
CHART_ROWS = 15
#: Other wordings shown per group (the CSV lists all).
SHOWN_WORDINGS = 3
#: The CSV files the command writes, with what each holds.
CSV_FILES = {
    "viestit.csv": "jokainen raportin viesti luokkineen, kuntineen ja ryhmineen",
    "ryhmat.csv": "samankaltaisten viestien ryhmät",
    "kunnat.csv": "kysymykset ja luokat kunnittain",
    "viikot.csv": "kysymykset ja luokat viikoittain",
    "aiheet.csv": "kysytyimmät aiheet",
}

STYLE = """
body { font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff;
  max-width: 70rem; margin: 0 auto; padding: 1rem; line-height: 1.5; }
table { border-collapse: collapse; margin: 1rem 0; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border: 1px solid #767676; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; }
td.num { text-align: right; }
svg { max-width: 100%; height: auto; }
.scroll { overflow-x: auto; }
"""


def day_text(timestamp: float) -> str:
    """A Finnish date, e.g. ``2.12.2026``."""
    day = datetime.fromtimestamp(timestamp, tz=timezone.utc)
    return f"{day.day}.{day.month}.{day.year}"


def render_html(report: Report) -> str:
    """The whole report page.

    Args:
        report: The analysed period.

    Returns:
        A complete HTML document (``lang="fi"``).
    """
    period = f"{day_text(report.since)}–{day_text(report.until)}"
    totals = {c: sum(c in f.categories for f in report.flagged) for c in CATEGORIES}
    summary = "".join(
        f"<li>{escape(name)}: <strong>{totals[category]}</strong></li>"
        for category, name in CATEGORIES.items()
    )
    busiest = sorted(report.by_place, key=lambda row: -sum(row[2].values()))[:CHART_ROWS]
    files = "".join(
        f'<li><a href="{name}">{name}</a>: {escape(text)}</li>' for name, text in CSV_FILES.items()
    )
    return f"""<!DOCTYPE html>
<html lang="fi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vastaamatta jääneet kysymykset {period} – Perhebotti</title>
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>Vastaamatta jääneet kysymykset</h1>
<p>Mihin Perhebotti ei osannut vastata aikavälillä {period}. Viestit ovat peitettyjä:
henkilötunnukset, puhelinnumerot ja sähköpostiosoitteet näkyvät muodossa
[henkilötunnus], [puhelinnumero] ja [sähköposti].</p>
</header>
<main>
<section aria-labelledby="yhteenveto">
<h2 id="yhteenveto">Yhteenveto</h2>
<p>Kysymyksiä yhteensä <strong>{report.questions}</strong>, raportissa
<strong>{len(report.flagged)}</strong> viestiä.</p>
<ul>{summary}</ul>
</section>
{_groups_section(report.groups)}
{_counts_section("kunnittain", "Kunnittain", "Kunta", report.by_place, busiest)}
{_counts_section("viikoittain", "Viikoittain", "Viikko", report.by_week, report.by_week)}
{_topics_section(report.topics)}
<section aria-labelledby="tiedostot">
<h2 id="tiedostot">CSV-tiedostot</h2>
<ul>{files}</ul>
</section>
</main>
</body>
</html>
"""


def _groups_section(groups: Sequence[Group]) -> str:
    if not groups:
        body = "<p>Ei vastaamatta jääneitä viestejä tällä aikavälillä.</p>"
    else:
        rows = "".join(_group_row(number, group) for number, group in enumerate(groups, 1))
        body = f"""<div class="scroll" tabindex="0" role="region" aria-label="Viestiryhmät"><table>
<caption>Samankaltaiset viestit ryhmiteltyinä, suurin ryhmä ensin</caption>
<thead><tr><th scope="col">Ryhmä</th><th scope="col">Esimerkkiviesti</th>
<th scope="col">Viestejä</th><th scope="col">Luokat</th><th scope="col">Kunnat</th>
<th scope="col">Muita sanamuotoja</th><th scope="col">Palautteen syyt</th></tr></thead>
<tbody>{rows}</tbody>
</table></div>"""
    return f"""<section aria-labelledby="viestit">
<h2 id="viestit">Viestit ryhmiteltyinä</h2>
<p>Viestit, jotka päätyivät varavastaukseen, joihin hakemistossa ei ollut tietoa, joiden
tunnistus oli epävarma, joista vanhempi antoi palautteen "ei auttanut" tai joissa hän pyysi
ihmistä.</p>
{body}
</section>"""


def _group_row(number: int, group: Group) -> str:
    places = sorted({m.place for m in group.members})
    others = list(dict.fromkeys(m.exchange.text for m in group.members[1:]))[:SHOWN_WORDINGS]
    reasons = [m.reason for m in group.members if m.reason]
    categories = ", ".join(CATEGORIES[c] for c in group.categories)
    return (
        f'<tr><th scope="row">{number}</th><td>{escape(group.label)}</td>'
        f'<td class="num">{len(group.members)}</td><td>{escape(categories)}</td>'
        f"<td>{escape(', '.join(places))}</td>"
        f"<td>{'<br>'.join(escape(text) for text in others)}</td>"
        f"<td>{'<br>'.join(escape(text) for text in reasons)}</td></tr>"
    )


def _counts_section(
    anchor: str,
    heading: str,
    key_name: str,
    rows: Sequence[tuple[str, int, dict[str, int]]],
    chart_rows: Sequence[tuple[str, int, dict[str, int]]],
) -> str:
    """A chart of ``chart_rows`` and a table of all ``rows`` (key, questions, per category)."""
    if not rows:
        return (
            f'<section aria-labelledby="{anchor}"><h2 id="{anchor}">{heading}</h2>'
            "<p>Ei kysymyksiä tällä aikavälillä.</p></section>"
        )
    described = ", ".join(
        f"{name}: {total} kysymystä, {sum(counts.values())} raportissa"
        for name, total, counts in chart_rows
    )
    chart = bar_chart(
        f"kaavio-{anchor}",
        f"Raportin viestit {heading.lower()} luokan mukaan",
        f"Pinottu pylväskaavio. {described}. Samat luvut ovat taulukossa kaavion alla.",
        [name for name, _, _ in chart_rows],
        [(CATEGORIES[c], [counts.get(c, 0) for _, _, counts in chart_rows]) for c in CATEGORIES],
    )
    head = "".join(f'<th scope="col">{escape(name)}</th>' for name in CATEGORIES.values())
    body = "".join(
        f'<tr><th scope="row">{escape(name)}</th><td class="num">{total}</td>'
        + "".join(f'<td class="num">{counts.get(c, 0)}</td>' for c in CATEGORIES)
        + "</tr>"
        for name, total, counts in rows
    )
    return f"""<section aria-labelledby="{anchor}">
<h2 id="{anchor}">{heading}</h2>
<figure>{chart}<figcaption>Raportin viestit {heading.lower()} luokan mukaan.</figcaption></figure>
<div class="scroll" tabindex="0" role="region" aria-label="Taulukko {heading.lower()}"><table>
<caption>Kysymykset ja raportin viestit {heading.lower()}</caption>
<thead><tr><th scope="col">{key_name}</th><th scope="col">Kysymyksiä</th>{head}</tr></thead>
<tbody>{body}</tbody>
</table></div>
</section>"""


def _topics_section(topics: Sequence[tuple[str, int]]) -> str:
    if not topics:
        return (
            '<section aria-labelledby="aiheet"><h2 id="aiheet">Kysytyimmät aiheet</h2>'
            "<p>Ei kysymyksiä tällä aikavälillä.</p></section>"
        )
    described = ", ".join(f"{name}: {count}" for name, count in topics)
    chart = bar_chart(
        "kaavio-aiheet",
        "Kysytyimmät aiheet",
        f"Pylväskaavio. {described}. Samat luvut ovat taulukossa kaavion alla.",
        [name for name, _ in topics],
        [("Kysymyksiä", [count for _, count in topics])],
    )
    body = "".join(
        f'<tr><th scope="row">{escape(name)}</th><td class="num">{count}</td></tr>'
        for name, count in topics
    )
    return f"""<section aria-labelledby="aiheet">
<h2 id="aiheet">Kysytyimmät aiheet</h2>
<p>Palvelut, aiheet ja roolit, joita vanhemmat kysyivät; kysymyksen laji, kun viesti ei
nimennyt mitään niistä.</p>
<figure>{chart}<figcaption>Kysytyimmät aiheet.</figcaption></figure>
<table>
<caption>Kysytyimmät aiheet ja kysymysten määrä</caption>
<thead><tr><th scope="col">Aihe</th><th scope="col">Kysymyksiä</th></tr></thead>
<tbody>{body}</tbody>
</table>
</section>"""
