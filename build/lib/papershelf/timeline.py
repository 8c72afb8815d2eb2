"""The timeline picture: papers in time with lineage arrows, as inline SVG.

Drawn at build time from the ShelfView (no script, no network), once per
page that shows it (``{paper-index} timeline``).

Layout, chosen so the picture stays legible with 19 papers and with 2,000:

* **One column per year** that has dated papers, oldest on the left, each
  :data:`COLUMN` pixels wide whatever the number of papers. Many years widen
  the picture; its container scrolls horizontally (``overflow-x: auto`` in
  ``papershelf-indexes.css``) instead of shrinking the text. A dashed
  divider marks skipped years.
* **Rows stacked per month.** Inside a column, one band per month, January at
  the top (preceded by a "year" band for papers dated by year alone).
  Papers of a month stack in its band by day, then short name. A band is as
  tall as that month's fullest cell in any year; months no year uses take no
  space.
* **Dense months are grouped.** A month holding more than
  :data:`MAX_PER_MONTH` papers shows the first ``MAX_PER_MONTH - 1`` and one
  "+N more" mark linking to that year in the chronology table. The height is
  thus capped at 13 bands of ``MAX_PER_MONTH`` rows, and the number of marks
  at ``MAX_PER_MONTH`` per month and year, however many papers there are.
* **Lineage arrows** run from the earlier work to the later one: from the
  stating paper to its target for ``updated_version`` and ``variants``, from
  the target to the stating paper for ``builds_on``; each kind has its own
  dash pattern (see the legend). An arrow is drawn when both papers have
  their own mark.
* **Undated papers** are not drawn; a note under the picture counts them
  (the chronology lists them under "Undated").

Markup and accessibility: the SVG is built with :mod:`xml.etree.ElementTree`,
so every user string (titles, short names, keys, URLs) is escaped by the
serializer; it is never formatted into markup by hand. Each mark is an
``<a href>`` to the paper's page with a ``<title>`` (short name, title, date,
status) and a real ``<text>`` label; the ``<svg>`` has ``role="img"``, an
``aria-label`` and its own ``<title>``/``<desc>``. Marks carry the same
filter classes as the chronology's rows, so ``papershelf-filter.js`` dims
the marks a filter excludes. Colours come from classes styled with furo's
CSS variables; presentation attributes fall back to ``currentColor``, so the
picture follows the text colour in dark mode and without the stylesheet.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from docutils import nodes

from .header import MONTH_NAMES, human_date
from .indexes import filter_classes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .records import Paper
    from .shelf import ShelfView

COLUMN = 156  #: width of a year column
AXIS = 52  #: room for the month labels on the left
ROW = 20  #: height of one mark
BAND_GAP = 10  #: space between month bands
TOP = 72  #: legend and year headings
BOTTOM = 12
DOT = 5  #: radius of a paper's dot
INSET = 14  #: dot's distance from the column's left edge
LABEL_CHARS = 20  #: longer short names are cut, with an ellipsis
MAX_PER_MONTH = 5  #: marks in one month of one year, the last one "+N more" when dense
MIN_WIDTH = 660  #: the legend's width

#: relation kind -> (arrow from the stating paper?, legend text, dash pattern)
ARROWS = {
    "updated_version": (True, "updated version", ""),
    "variants": (True, "variant", "6 3"),
    "builds_on": (False, "built upon", "2 3"),
}
STATUS_LEGEND = (("read", "read"), ("reading", "reading"), ("unread", "unread"))


@dataclass(frozen=True)
class Slot:
    """One mark: a paper, or the "+N more" group of a dense month."""

    year: int
    month: int  #: 0 for papers dated by year alone
    row: int  #: position inside its month band
    paper: Paper | None = None
    grouped: int = 0  #: papers behind a "+N more" mark


@dataclass
class Layout:
    """Where each mark goes; pure geometry, no Sphinx involved."""

    years: list[int] = field(default_factory=list)
    band_top: dict[int, int] = field(default_factory=dict)  #: month -> y of its band
    band_rows: dict[int, int] = field(default_factory=dict)  #: month -> rows in its band
    slots: list[Slot] = field(default_factory=list)
    undated: int = 0
    _columns: dict[int, int] = field(default_factory=dict, repr=False)

    @property
    def width(self) -> int:
        return max(AXIS + COLUMN * len(self.years) + 8, MIN_WIDTH)

    @property
    def height(self) -> int:
        return TOP + sum(rows * ROW + BAND_GAP for rows in self.band_rows.values()) + BOTTOM

    def column_x(self, year: int) -> int:
        return AXIS + COLUMN * self._columns[year]

    def dot(self, slot: Slot) -> tuple[int, int]:
        return self.column_x(slot.year) + INSET, self.band_top[slot.month] + slot.row * ROW + ROW // 2


def layout(papers: Iterable[Paper]) -> Layout:
    """Place every dated paper (see the module docstring for the rules)."""
    cells: dict[tuple[int, int], list[Paper]] = defaultdict(list)
    result = Layout()
    for paper in papers:
        if paper.date is None:
            result.undated += 1
        else:
            cells[(paper.date.year, paper.date.month)].append(paper)
    result.years = sorted({year for year, _ in cells})
    result._columns = {year: index for index, year in enumerate(result.years)}
    for (year, month), cell in sorted(cells.items()):
        cell.sort(key=lambda p: (p.date.day if p.date else 0, p.short_name.casefold(), p.key))
        shown = cell if len(cell) <= MAX_PER_MONTH else cell[: MAX_PER_MONTH - 1]
        result.slots.extend(Slot(year, month, row, paper) for row, paper in enumerate(shown))
        if len(shown) < len(cell):
            result.slots.append(Slot(year, month, len(shown), None, len(cell) - len(shown)))
        result.band_rows[month] = max(result.band_rows.get(month, 0), min(len(cell), MAX_PER_MONTH))
    result.band_rows = dict(sorted(result.band_rows.items()))
    y = TOP
    for month, rows in result.band_rows.items():
        result.band_top[month] = y
        y += rows * ROW + BAND_GAP
    return result


def _el(parent: ET.Element, tag: str, text: str = "", /, **attrs: object) -> ET.Element:
    element = ET.SubElement(parent, tag, {name.rstrip("_").replace("_", "-"): str(value) for name, value in attrs.items()})
    if text:
        element.text = text
    return element


def _label(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"


def _describe(paper: Paper) -> str:
    when = human_date(paper.date.iso()) if paper.date else "undated"
    named = paper.title.casefold().startswith(paper.short_name.casefold())
    text = paper.title if named else f"{paper.short_name}: {paper.title}"
    return f"{text} ({when}; {paper.status})"


def build_svg(
    lay: Layout,
    view: ShelfView,
    href: Callable[[Paper], str],
    year_href: Callable[[int], str | None],
) -> ET.Element:
    """The picture as an element tree; ``href`` gives a paper page's URI,
    ``year_href`` the chronology section of a year (or None)."""
    first, last = lay.years[0], lay.years[-1]
    dated = len(view.papers) - lay.undated
    span = str(first) if first == last else f"{first} to {last}"
    summary = f"Timeline of {dated} dated paper{'s' if dated != 1 else ''} from {span}, one column per year, with arrows from earlier to later versions, variants and work built upon. The chronology table lists every paper."
    svg = ET.Element("svg", {
        "xmlns": "http://www.w3.org/2000/svg",
        "class": "paper-timeline-svg",
        "role": "img",
        "aria-label": summary,
        "width": str(lay.width),
        "height": str(lay.height),
        "viewBox": f"0 0 {lay.width} {lay.height}",
        "font-size": "12",
        "fill": "currentColor",
    })
    _el(svg, "title", "Timeline of the papers")
    _el(svg, "desc", summary)
    defs = _el(svg, "defs")
    marker = _el(defs, "marker", id="papershelf-tl-head", viewBox="0 0 10 10", refX=9, refY=5,
                 markerWidth=8, markerHeight=8, markerUnits="userSpaceOnUse", orient="auto")
    _el(marker, "path", d="M0,0 L10,5 L0,10 z", class_="tl-arrowhead", fill="currentColor")

    _legend(svg)
    _grid(svg, lay, year_href)

    positions = {slot.paper.key: lay.dot(slot) for slot in lay.slots if slot.paper is not None}
    arrows = _el(svg, "g", class_="tl-arrows")
    for key in sorted(positions):
        for relation in view.papers[key].relations:
            if relation.target not in positions or relation.kind not in ARROWS:
                continue
            forward, _, dash = ARROWS[relation.kind]
            start, end = (key, relation.target) if forward else (relation.target, key)
            attrs: dict[str, object] = {"d": _arrow_path(positions[start], positions[end]), "class_": f"tl-arrow tl-arrow-{relation.kind.replace('_', '-')}",
                                        "fill": "none", "stroke": "currentColor", "marker_end": "url(#papershelf-tl-head)", "data_from": start, "data_to": end}
            if dash:
                attrs["stroke_dasharray"] = dash
            path = _el(arrows, "path", **attrs)
            _el(path, "title", f"{view.papers[start].short_name} → {view.papers[end].short_name}: {ARROWS[relation.kind][1]}")

    marks = _el(svg, "g", class_="tl-marks")
    for slot in lay.slots:
        x, y = lay.dot(slot)
        if slot.paper is None:
            target = year_href(slot.year)
            more = _el(marks, "a", href=target, class_="tl-more") if target else _el(marks, "g", class_="tl-more")
            month = MONTH_NAMES[slot.month] + " " if slot.month else ""
            _el(more, "title", f"{slot.grouped} more papers from {month}{slot.year}, listed in the chronology")
            _el(more, "text", f"+{slot.grouped} more", x=x - DOT, y=y + 4, class_="tl-label tl-more-label")
            continue
        paper = slot.paper
        mark = _el(marks, "a", href=href(paper), class_=" ".join(filter_classes(paper, "paper-mark")), data_key=paper.key)
        _el(mark, "title", _describe(paper))
        _el(mark, "circle", cx=x, cy=y, r=DOT, class_="tl-dot", stroke="currentColor",
            fill="currentColor" if paper.status == "read" else "none")
        _el(mark, "text", _label(paper.short_name), x=x + DOT + 5, y=y + 4, class_="tl-label")
    return svg


def _arrow_path(start: tuple[int, int], end: tuple[int, int]) -> str:
    """A curve from one dot to another, ending level so the head points right."""
    (x1, y1), (x2, y2) = start, end
    if x1 == x2:  # same year: bow out to the left of the column's dots
        sx, ex = x1 - DOT, x2 - DOT - 1
        bend = min(INSET + 6, 12 + abs(y2 - y1) // 8)
        return f"M{sx},{y1} C{sx - bend},{y1} {ex - bend},{y2} {ex},{y2}"
    sx, ex = x1 + DOT, x2 - DOT - 1
    middle = (sx + ex) // 2
    return f"M{sx},{y1} C{middle},{y1} {middle},{y2} {ex},{y2}"


def _legend(svg: ET.Element) -> None:
    legend = _el(svg, "g", class_="tl-legend")
    x = AXIS
    for status, text in STATUS_LEGEND:
        _el(legend, "circle", cx=x + DOT, cy=16, r=DOT, class_=f"tl-dot tl-key-{status}", stroke="currentColor",
            fill="currentColor" if status == "read" else "none")
        _el(legend, "text", text, x=x + 2 * DOT + 5, y=20, class_="tl-legend-label")
        x += 80
    for kind, (_, text, dash) in ARROWS.items():
        attrs: dict[str, object] = {"d": f"M{x},16 L{x + 34},16", "class_": f"tl-arrow tl-arrow-{kind.replace('_', '-')}",
                                    "fill": "none", "stroke": "currentColor", "marker_end": "url(#papershelf-tl-head)"}
        if dash:
            attrs["stroke_dasharray"] = dash
        _el(legend, "path", **attrs)
        _el(legend, "text", text, x=x + 42, y=20, class_="tl-legend-label")
        x += 140


def _grid(svg: ET.Element, lay: Layout, year_href: Callable[[int], str | None]) -> None:
    grid = _el(svg, "g", class_="tl-grid")
    bottom = lay.height - BOTTOM
    for month, top in lay.band_top.items():
        _el(grid, "line", x1=4, y1=top - BAND_GAP // 2, x2=lay.width - 4, y2=top - BAND_GAP // 2, class_="tl-rule", stroke="currentColor", stroke_opacity="0.15")
        name = MONTH_NAMES[month][:3] if month else "year"
        _el(grid, "text", name, x=AXIS - 10, y=top + ROW // 2 + 4, text_anchor="end", class_="tl-axis-label")
    counts: dict[int, int] = defaultdict(int)
    for slot in lay.slots:
        counts[slot.year] += slot.grouped or 1
    previous: int | None = None
    for year in lay.years:
        x = lay.column_x(year)
        if previous is not None:
            attrs: dict[str, object] = {"x1": x - 6, "y1": TOP - 34, "x2": x - 6, "y2": bottom, "class_": "tl-divider", "stroke": "currentColor", "stroke_opacity": "0.25"}
            if year - previous > 1:
                attrs["stroke_dasharray"] = "4 4"
                attrs["class_"] = "tl-divider tl-divider-gap"
            _el(grid, "line", **attrs)
        target = year_href(year)
        holder = _el(grid, "a", href=target, class_="tl-year") if target else grid
        heading = _el(holder, "text", str(year), x=x + INSET - DOT, y=TOP - 16, class_="tl-year-label", font_weight="bold", font_size="14")
        count = counts[year]
        _el(heading, "tspan", f"{count} paper{'s' if count != 1 else ''}", dx=6, class_="tl-year-count", font_weight="normal", font_size="11")
        previous = year


def render_timeline(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """The ``timeline`` index: the picture, plus a note on undated papers."""
    lay = layout(view.papers.values())
    if not lay.years:
        return [nodes.paragraph("", "No dated papers to draw yet.", classes=["paper-index-empty"])]
    chronology = view.index_pages.get("chronology")

    def href(paper: Paper) -> str:
        return app.builder.get_relative_uri(docname, paper.docname)

    def year_href(year: int) -> str | None:
        if chronology is None:
            return None
        page = "" if chronology == docname else app.builder.get_relative_uri(docname, chronology)
        return f"{page}#year-{year}"

    svg = build_svg(lay, view, href, year_href)
    container = nodes.container(classes=["paper-timeline"])
    container += nodes.raw("", ET.tostring(svg, encoding="unicode"), format="html")
    result: list[nodes.Node] = [container]
    if lay.undated:
        count = lay.undated
        note = f"{count} undated paper{'s are' if count != 1 else ' is'} not drawn; see Undated in the chronology."
        result.append(nodes.paragraph("", note, classes=["paper-timeline-note"]))
    return result
