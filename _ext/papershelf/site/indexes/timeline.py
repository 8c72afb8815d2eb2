"""The timeline picture: papers in time with lineage arrows, as inline SVG.

Drawn at build time from the ShelfView (no script, no network), once per
page that shows it (``{paper-index} timeline``).

Layout, chosen so the picture stays legible with 19 papers and with 2,000:

* **One column per year** that has dated papers, **newest on the left**, so
  the busiest recent years are what a reader (or a phone) sees first. A
  column is as wide as its longest label needs (:func:`label_width`, at
  least :data:`COLUMN`): names are never cut. Many years widen the picture;
  its container scrolls horizontally (``overflow-x: auto`` in
  ``papershelf-indexes.css``) instead of shrinking the text. A dashed
  divider marks skipped years.
* **Rows stacked per month.** Inside a column, one band per month, January at
  the top, preceded by a "no month" band for papers dated by year alone.
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
  their own mark. Arrows are routed around labels (:func:`route`): they run
  only in lanes no label occupies (the strip left of a column's dots, the
  gutter right of its longest label, the gap above a month band), so an
  arrow never crosses a name.
* **The legend** is HTML under the picture's title, outside the scrolling
  box, so it wraps on a phone instead of being cut.
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

from papershelf.model.settings import of_config
from papershelf.site.header import MONTH_NAMES, human_date
from papershelf.site.indexes.base import IndexKind, filter_classes, group_page, link_shown

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from papershelf.model.records import Paper
    from papershelf.shelf.view import ShelfView

COLUMN = 120  #: narrowest year column
CHAR_WIDTH = 7.2  #: upper bound of a 12 px sans-serif character's advance, for label extents
GUTTER = 16  #: free lane right of a column's longest label, for arrows
NO_MONTH = "no month"  #: the axis label of the band of papers dated by year alone
#: room for the month labels on the left: the longest ("no month") ends 10 px before the first column
AXIS = 10 + int(len(NO_MONTH) * CHAR_WIDTH + 0.5) + 4
ROW = 20  #: height of one mark
BAND_GAP = 10  #: space between month bands
TOP = 48  #: year headings
BOTTOM = 12
DOT = 5  #: radius of a paper's dot
INSET = 14  #: dot's distance from the column's left edge
LABEL_GAP = 5  #: between a dot and its label
MAX_PER_MONTH = 5  #: marks in one month of one year, the last one "+N more" when dense
MIN_WIDTH = 320

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

    years: list[int] = field(default_factory=list)  #: newest first, as drawn left to right
    band_top: dict[int, int] = field(default_factory=dict)  #: month -> y of its band
    band_rows: dict[int, int] = field(default_factory=dict)  #: month -> rows in its band
    slots: list[Slot] = field(default_factory=list)
    undated: int = 0
    column_left: dict[int, int] = field(default_factory=dict)  #: year -> x of its column
    column_width: dict[int, int] = field(default_factory=dict)  #: year -> its width

    @property
    def width(self) -> int:
        return max(AXIS + sum(self.column_width.values()) + 8, MIN_WIDTH)

    @property
    def height(self) -> int:
        return TOP + sum(rows * ROW + BAND_GAP for rows in self.band_rows.values()) + BOTTOM

    def column_x(self, year: int) -> int:
        return self.column_left[year]

    def dot(self, slot: Slot) -> tuple[int, int]:
        return self.column_x(slot.year) + INSET, self.band_top[slot.month] + slot.row * ROW + ROW // 2

    def label_box(self, slot: Slot) -> tuple[float, float, float, float]:
        """The label's extent (left, top, right, bottom), an upper bound."""
        x, y = self.dot(slot)
        left = x + DOT + LABEL_GAP if slot.paper is not None else x - DOT
        return left, y - ROW / 2 + 2, left + label_width(slot_text(slot)), y + ROW / 2 - 2


def layout(papers: Iterable[Paper]) -> Layout:
    """Place every dated paper (see the module docstring for the rules)."""
    cells: dict[tuple[int, int], list[Paper]] = defaultdict(list)
    result = Layout()
    for paper in papers:
        if paper.date is None:
            result.undated += 1
        else:
            cells[(paper.date.year, paper.date.month)].append(paper)
    result.years = sorted({year for year, _ in cells}, reverse=True)
    for (year, month), cell in sorted(cells.items()):
        cell.sort(key=lambda p: (p.date.day if p.date else 0, p.short_name.casefold(), p.key))
        shown = cell if len(cell) <= MAX_PER_MONTH else cell[: MAX_PER_MONTH - 1]
        result.slots.extend(Slot(year, month, row, paper) for row, paper in enumerate(shown))
        if len(shown) < len(cell):
            result.slots.append(Slot(year, month, len(shown), None, len(cell) - len(shown)))
        result.band_rows[month] = max(result.band_rows.get(month, 0), min(len(cell), MAX_PER_MONTH))
    result.band_rows = dict(sorted(result.band_rows.items()))
    x = AXIS
    for year in result.years:
        longest = max(label_width(slot_text(slot)) + (DOT + LABEL_GAP if slot.paper else -DOT) for slot in result.slots if slot.year == year)
        result.column_left[year] = x
        result.column_width[year] = max(COLUMN, INSET + int(longest + 0.5) + GUTTER)
        x += result.column_width[year]
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


def slot_text(slot: Slot) -> str:
    """A mark's label, in full: the short name, or "+N more"."""
    return slot.paper.label if slot.paper is not None else f"+{slot.grouped} more"


def label_width(text: str) -> float:
    return len(text) * CHAR_WIDTH


def _describe(paper: Paper, with_status: bool = True) -> str:
    when = human_date(paper.date.iso()) if paper.date else "undated"
    text = paper.display_title
    return f"{text} ({when}; {paper.status})" if with_status else f"{text} ({when})"


def build_svg(
    lay: Layout,
    view: ShelfView,
    href: Callable[[Paper], str],
    year_href: Callable[[int], str | None],
    with_status: bool = True,
) -> ET.Element:
    """The picture as an element tree; ``href`` gives a paper page's URI,
    ``year_href`` the chronology page of a year (or None); ``with_status``
    (the shelf keeps a read status) fills only the marks of read papers."""
    first, last = min(lay.years), max(lay.years)
    dated = len(view.papers) - lay.undated
    span = str(first) if first == last else f"{first} to {last}"
    summary = f"Timeline of {dated} dated paper{'s' if dated != 1 else ''} from {span}, one column per year, newest first, with arrows from earlier to later versions, variants and work built upon. The chronology table lists every paper."
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

    _grid(svg, lay, year_href)

    positions = {slot.paper.key: slot for slot in lay.slots if slot.paper is not None}
    arrows = _el(svg, "g", class_="tl-arrows")
    for key in sorted(positions):
        for relation in view.papers[key].relations:
            if relation.target not in positions or relation.kind not in ARROWS:
                continue
            forward, _, dash = ARROWS[relation.kind]
            start, end = (key, relation.target) if forward else (relation.target, key)
            attrs: dict[str, object] = {"d": route(lay, positions[start], positions[end]), "class_": f"tl-arrow tl-arrow-{relation.kind.replace('_', '-')}",
                                        "fill": "none", "stroke": "currentColor", "marker_end": "url(#papershelf-tl-head)", "data_from": start, "data_to": end}
            if dash:
                attrs["stroke_dasharray"] = dash
            path = _el(arrows, "path", **attrs)
            _el(path, "title", f"{view.papers[start].label} → {view.papers[end].label}: {ARROWS[relation.kind][1]}")

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
        mark = _el(marks, "a", href=href(paper), class_=" ".join(filter_classes(paper, "paper-mark", with_status)), data_key=paper.key)
        _el(mark, "title", _describe(paper, with_status))
        # Filled: read; hollow: still to read. A shelf without reading status fills every mark.
        _el(mark, "circle", cx=x, cy=y, r=DOT, class_="tl-dot", stroke="currentColor",
            fill="currentColor" if paper.status == "read" or not with_status else "none")
        _el(mark, "text", paper.label, x=x + DOT + LABEL_GAP, y=y + 4, class_="tl-label")
    return svg


def route(lay: Layout, source: Slot, target: Slot) -> str:
    """An orthogonal path from one mark to another that crosses no label.

    It leaves the source sideways into a free lane of its column (the strip
    left of the dots when heading left, the gutter past the longest label
    when heading right), runs along the gap above the target's month band,
    drops into the target column's lane on the side it comes from, and ends
    level at the target: at its dot from the left, at its label's end from
    the right. Same-column arrows stay in the strip left of the dots.
    """
    (x1, y1), (x2, y2) = lay.dot(source), lay.dot(target)
    strip = lambda year: lay.column_x(year) + 3  # noqa: E731
    gutter = lambda year: lay.column_x(year) + lay.column_width[year] - GUTTER // 2  # noqa: E731
    if source.year == target.year:
        return f"M{x1 - DOT},{y1} H{strip(source.year)} V{y2} H{x2 - DOT - 1}"
    leftward = lay.column_x(target.year) < lay.column_x(source.year)
    if leftward:  # the usual case: later years are drawn on the left
        start, out_lane = x1 - DOT, strip(source.year)
        in_lane, end = gutter(target.year), int(lay.label_box(target)[2]) + 3
    else:
        start, out_lane = int(lay.label_box(source)[2]) + 2, gutter(source.year)
        in_lane, end = strip(target.year), x2 - DOT - 1
    lane_y = lay.band_top[target.month] - BAND_GAP // 2
    return f"M{start},{y1} H{out_lane} V{lane_y} H{in_lane} V{y2} H{end}"


def legend(with_status: bool = True) -> ET.Element:
    """The key to the picture, as HTML (small inline SVG swatches) that wraps."""
    box = ET.Element("div", {"class": "tl-legend"})
    for status, text in STATUS_LEGEND if with_status else ():
        item = _el(box, "span", class_="tl-key")
        swatch = _el(item, "svg", xmlns="http://www.w3.org/2000/svg", width=14, height=14, viewBox="0 0 14 14", aria_hidden="true", class_="tl-swatch")
        _el(swatch, "circle", cx=7, cy=7, r=DOT, class_=f"tl-dot tl-key-{status}", stroke="currentColor",
            fill="currentColor" if status == "read" else "none")
        _el(item, "span", text, class_="tl-legend-label")
    for kind, (_, text, dash) in ARROWS.items():
        item = _el(box, "span", class_="tl-key")
        swatch = _el(item, "svg", xmlns="http://www.w3.org/2000/svg", width=40, height=14, viewBox="0 0 40 14", aria_hidden="true", class_="tl-swatch")
        attrs: dict[str, object] = {"d": "M2,7 L34,7", "class_": f"tl-arrow tl-arrow-{kind.replace('_', '-')}",
                                    "fill": "none", "stroke": "currentColor", "marker_end": "url(#papershelf-tl-head)"}
        if dash:
            attrs["stroke_dasharray"] = dash
        _el(swatch, "path", **attrs)
        _el(item, "span", text, class_="tl-legend-label")
    return box


def _grid(svg: ET.Element, lay: Layout, year_href: Callable[[int], str | None]) -> None:
    grid = _el(svg, "g", class_="tl-grid")
    bottom = lay.height - BOTTOM
    for month, top in lay.band_top.items():
        _el(grid, "line", x1=4, y1=top - BAND_GAP // 2, x2=lay.width - 4, y2=top - BAND_GAP // 2, class_="tl-rule", stroke="currentColor", stroke_opacity="0.15")
        name = MONTH_NAMES[month][:3] if month else NO_MONTH
        _el(grid, "text", name, x=AXIS - 10, y=top + ROW // 2 + 4, text_anchor="end", class_="tl-axis-label")
    counts: dict[int, int] = defaultdict(int)
    for slot in lay.slots:
        counts[slot.year] += slot.grouped or 1
    previous: int | None = None
    for year in lay.years:
        x = lay.column_x(year)
        if previous is not None:
            attrs: dict[str, object] = {"x1": x - 1, "y1": TOP - 34, "x2": x - 1, "y2": bottom, "class_": "tl-divider", "stroke": "currentColor", "stroke_opacity": "0.25"}
            if previous - year > 1:
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
        return app.builder.get_relative_uri(docname, group_page(chronology, str(year)))

    with_status = of_config(app.config).reading_status
    svg = build_svg(lay, view, href, year_href, with_status)
    key = nodes.raw("", ET.tostring(legend(with_status), encoding="unicode"), format="html")
    container = nodes.container(classes=["paper-timeline"])
    container += nodes.raw("", ET.tostring(svg, encoding="unicode"), format="html")
    result: list[nodes.Node] = [key, container]
    if lay.undated:
        count = lay.undated
        note = f"{count} undated paper{'s are' if count != 1 else ' is'} not drawn; see Undated in the chronology."
        result.append(nodes.paragraph("", note, classes=["paper-timeline-note"]))
    return result


TIMELINE = IndexKind("timeline", render_timeline, shown=lambda p: (*link_shown(p), p.date, p.status, p.tags, p.relations))
