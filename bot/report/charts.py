"""Bar charts of the report as inline, accessible SVG (matplotlib)."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from html import escape

#: One colour per series, dark enough against white (WCAG 1.4.11 contrast 3:1).
COLOURS = ("#1f5f99", "#b34700", "#2d7a2d", "#7a3d99", "#8a6d00")
HATCHES = ("", "//", "..", "xx", "\\\\")


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
) -> str:
    """A stacked horizontal bar chart as an ``<svg>`` element for inline use.

    Args:
        chart_id: A unique id on the page (for the title and description elements).
        title: The chart's title (shown, and the SVG's accessible name).
        description: What the chart shows in words (the SVG's description).
        labels: One label per bar, top to bottom.
        series: Stacked series: name and one value per label.

    Returns:
        The ``<svg role="img">`` element, labelled by its ``<title>`` and ``<desc>``.
    """
    import matplotlib  # imported here: only the report needs it
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 0.4 * max(len(labels), 1) + 1.8))
    axes = figure.add_subplot()
    names = list(labels)[::-1]
    left = [0] * len(names)
    for index, (name, values) in enumerate(series):
        ordered = list(values)[::-1]
        axes.barh(
            names,
            ordered,
            left=left,
            color=COLOURS[index % len(COLOURS)],
            hatch=HATCHES[index % len(HATCHES)],
            edgecolor="white",
            label=name,
        )
        left = [a + b for a, b in zip(left, ordered, strict=True)]
    axes.set_title(title, color="black")
    axes.set_xlabel("Viestejä", color="black")
    axes.tick_params(colors="black")
    axes.xaxis.get_major_locator().set_params(integer=True)
    if len(series) > 1:
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.3), ncol=3, frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": chart_id, "svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return _accessible(buffer.getvalue(), chart_id, title, description)


def _accessible(document: str, chart_id: str, title: str, description: str) -> str:
    """Keep only the ``<svg>`` element, named by a ``<title>`` and described by ``<desc>``."""
    svg = document[document.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)
    # Ids unique on a page with several charts: prefix every id and every reference to one.
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{chart_id}-\1"', svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{chart_id}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{chart_id}-\1)", svg)
    opening = re.match(r"<svg\b[^>]*>", svg)
    if opening is None:
        raise ValueError("matplotlib wrote no <svg> element")
    head = opening.group(0)[:-1] + (
        f' role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    )
    return head + svg[opening.end() :]
