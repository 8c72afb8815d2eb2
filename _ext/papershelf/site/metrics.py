"""A paper page's counts (read time, the page's own data).

``5,120 citations (512 influential) · 19,000 stars on GitHub · as of 2 March 2026``
"""

from __future__ import annotations

import calendar
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from papershelf.model.records import Paper


def day_text(iso: str) -> str:
    """``2026-03-02`` -> ``2 March 2026``."""
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{day} {calendar.month_name[month]} {year}"


def metrics_line(paper: Paper) -> nodes.paragraph | None:
    metrics = paper.metrics
    if metrics is None:
        return None
    parts: list[str] = []
    if metrics.citations is not None:
        parts.append(f"{metrics.citations:,} citation{'s' if metrics.citations != 1 else ''}"
                     + (f" ({metrics.influential_citations:,} influential)" if metrics.influential_citations else ""))
    if metrics.stars is not None:
        parts.append(f"{metrics.stars:,} star{'s' if metrics.stars != 1 else ''} on GitHub")
    if not parts:
        return None
    line = nodes.paragraph(classes=["paper-metrics"])
    line += nodes.Text(" · ".join(parts))
    if metrics.as_of:
        line += nodes.Text(" · ")
        line += nodes.inline("", f"as of {day_text(metrics.as_of)}", classes=["paper-metrics-as-of"])
    return line
