"""The ``citegraph`` index: which shelf papers cite which, layered by year like the timeline.

Drawn at build time as inline SVG from the once-per-build
:class:`~papershelf.shelf.citegraph.CiteGraph` (the pages' ``cites``):

* **One column per year**, newest on the left, as on the timeline; a column
  is as wide as its longest label.
* **The most cited papers of each year** (cited by the most papers on this
  shelf; ties by short name), at most :data:`PER_YEAR`, top to bottom; a dot's
  size grows with its citations on the shelf. A "+N more" line under a
  column counts the rest, so the picture stays legible at 1,000 papers and
  its size is bounded whatever the shelf holds.
* **An edge from each citing paper to the paper it cites**, between shown
  marks, thin and translucent (at most :data:`MAX_EDGES`, the edges between
  the most cited papers first).
* **Filters**: marks and edges carry ``year-*`` and ``tag-*`` classes; the
  topic and year menus (``papershelf-citegraph.js``) dim the rest.

As on the timeline, the SVG is built with :mod:`xml.etree.ElementTree`, so
every user string is escaped by the serializer; each mark is an ``<a href>``
to the paper's page with a ``<title>``.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TYPE_CHECKING

from docutils import nodes

from papershelf.site.grouping import tag_slug
from papershelf.site.indexes.base import IndexKind, empty, link_shown
from papershelf.site.indexes.timeline import label_width

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from papershelf.model.records import Paper
    from papershelf.shelf.view import ShelfView

PER_YEAR = 25  #: marks in one year's column
MAX_EDGES = 2500  #: edges drawn
ROW = 22
TOP = 40
LEFT = 8
DOT_MIN, DOT_MAX = 3.0, 9.0
COLUMN_MIN = 110
EMPTY = "No paper on the shelf cites another yet (papershelf enrich --sources s2 finds them)."


def _el(parent: ET.Element, tag: str, text: str = "", /, **attrs: object) -> ET.Element:
    element = ET.SubElement(parent, tag, {name.rstrip("_").replace("_", "-"): str(value) for name, value in attrs.items()})
    if text:
        element.text = text
    return element


def chosen(view: ShelfView) -> tuple[dict[int, list[Paper]], dict[int, int]]:
    """year -> the papers drawn (most cited first), and year -> how many more it has."""
    graph = view.graph
    linked = set(graph.cites) | set(graph.cited_by)
    by_year: dict[int, list[Paper]] = defaultdict(list)
    for key in linked:
        paper = view.papers.get(key)
        if paper is not None and paper.date is not None:
            by_year[paper.date.year].append(paper)
    shown, more = {}, {}
    for year, papers in by_year.items():
        papers.sort(key=lambda p: (-len(graph.cited_by.get(p.key, ())), p.short_name.casefold(), p.key))
        shown[year], more[year] = papers[:PER_YEAR], max(0, len(papers) - PER_YEAR)
    return shown, more


def _classes(paper: Paper, base: str) -> str:
    year = str(paper.date.year) if paper.date else "undated"
    return " ".join([base, f"year-{year}", *dict.fromkeys(f"tag-{tag_slug(tag)}" for tag in paper.tags)])


def build_svg(view: ShelfView, href: dict[str, str]) -> tuple[ET.Element, int, int]:
    """The picture; the marks and edges drawn."""
    shown, more = chosen(view)
    years = sorted(shown, reverse=True)
    graph = view.graph
    left: dict[int, float] = {}
    x = float(LEFT)
    for year in years:
        left[year] = x
        x += max(COLUMN_MIN, 2 * DOT_MAX + 8 + max(label_width(p.label) for p in shown[year]) + 16)
    rows = max(len(papers) + (1 if more[year] else 0) for year, papers in shown.items())
    width, height = int(x + LEFT), TOP + rows * ROW + 16
    where: dict[str, tuple[float, float, float]] = {}
    for year in years:
        for row, paper in enumerate(shown[year]):
            cited = len(graph.cited_by.get(paper.key, ()))
            radius = min(DOT_MAX, DOT_MIN + math.sqrt(cited))
            where[paper.key] = (left[year] + DOT_MAX + 2, TOP + row * ROW + ROW / 2, radius)
    svg = ET.Element("svg", {"xmlns": "http://www.w3.org/2000/svg", "class": "paper-citegraph-svg", "width": str(width), "height": str(height),
                             "viewBox": f"0 0 {width} {height}", "role": "img", "aria-label": "Which papers on this shelf cite which, by year"})
    _el(svg, "title", "Citation graph of the shelf")
    _el(svg, "desc", f"The most cited papers of each year on this shelf, newest year on the left; a line joins a paper to each paper it cites. {len(where)} papers drawn.")
    for year in years:
        _el(svg, "text", str(year), x=f"{left[year]:.0f}", y=str(TOP - 14), class_="paper-citegraph-year")
    edges = _el(svg, "g", class_="paper-citegraph-edges", fill="none", stroke="currentColor", stroke_opacity="0.25")
    drawn = 0
    for source in sorted(where, key=lambda k: -len(graph.cited_by.get(k, ()))):
        for target in graph.cites.get(source, ()):
            if target not in where or drawn >= MAX_EDGES:
                continue
            (x1, y1, _), (x2, y2, _) = where[source], where[target]
            bend = (x2 - x1) / 2
            path = f"M{x1:.1f},{y1:.1f} C{x1 + bend:.1f},{y1:.1f} {x2 - bend:.1f},{y2:.1f} {x2:.1f},{y2:.1f}"
            _el(edges, "path", d=path, class_=_classes(view.papers[source], "paper-citegraph-edge"))
            drawn += 1
    for year in years:
        for paper in shown[year]:
            cx, cy, radius = where[paper.key]
            cited = len(graph.cited_by.get(paper.key, ()))
            mark = _el(svg, "a", href=href[paper.key], class_=_classes(paper, "paper-citegraph-mark"))
            _el(mark, "title", f"{paper.display_title} ({paper.date.year if paper.date else 'undated'}): cited by {cited} and citing {len(graph.cites.get(paper.key, ()))} papers on this shelf")
            _el(mark, "circle", cx=f"{cx:.1f}", cy=f"{cy:.1f}", r=f"{radius:.1f}", fill="currentColor")
            _el(mark, "text", paper.label, x=f"{cx + DOT_MAX + 4:.1f}", y=f"{cy + 4:.1f}", class_="paper-citegraph-label")
        if more[year]:
            _el(svg, "text", f"+{more[year]} more", x=f"{left[year] + 2:.0f}", y=f"{TOP + len(shown[year]) * ROW + 14:.0f}", class_="paper-citegraph-more")
    return svg, len(where), drawn


def _menu(name: str, label: str, options: list[tuple[str, str]]) -> ET.Element:
    wrapper = ET.Element("label", {"class": "paper-citegraph-filter"})
    wrapper.text = f"{label} "
    select = ET.SubElement(wrapper, "select", {"data-filter": name})
    ET.SubElement(select, "option", {"value": ""}).text = "all"
    for value, text in options:
        ET.SubElement(select, "option", {"value": value}).text = text
    return wrapper


def render_citegraph(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    graph = view.graph
    if not graph.cites:
        return [_marked(empty(EMPTY))]
    href = {key: app.builder.get_relative_uri(docname, paper.docname) for key, paper in view.papers.items()}
    svg, marks, drawn = build_svg(view, href)
    shown, _ = chosen(view)
    tags = sorted({tag for papers in shown.values() for p in papers for tag in p.tags}, key=str.casefold)
    menus = ET.Element("p", {"class": "paper-citegraph-filters"})
    menus.append(_menu("tag", "Topic", [(tag_slug(tag), tag) for tag in tags]))
    menus.append(_menu("year", "Year", [(str(year), str(year)) for year in sorted(shown, reverse=True)]))
    note = (f"{graph.edges:,} citations between {len(set(graph.cites) | set(graph.cited_by)):,} papers on this shelf; "
            f"drawn: the {marks:,} most cited papers of their years and {drawn:,} lines between them.")
    container = nodes.container(classes=["paper-citegraph"])
    container += nodes.raw("", ET.tostring(svg, encoding="unicode"), format="html")
    return [_marked(nodes.paragraph("", note, classes=["paper-citegraph-note"])),
            nodes.raw("", ET.tostring(menus, encoding="unicode"), format="html"), container]


def _marked(node: nodes.paragraph) -> nodes.paragraph:
    node["classes"].append("paper-citegraph-index")  # the kind's mark, also when it has nothing to draw
    return node


CITEGRAPH = IndexKind("citegraph", render_citegraph, shown=lambda p: (*link_shown(p), p.date, p.tags, p.cites), empty=EMPTY,
                      has_rows=lambda view, settings: bool(view.graph.cites))
