"""Generated indexes: each kind renders from the once-per-build ShelfView.

A page asks for an index with the ``paper-index`` directive; only pages that
hold one pay for listing the whole shelf.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import groupby
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.nodes import make_refnode

from . import citation
from .header import human_date, link_cell, text_cell
from .header import _table as table
from .shelf import chronological_key

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .nodes import paper_index
    from .records import Paper
    from .shelf import ShelfView

RECENT = 5


def tag_id(tag: str) -> str:
    return "topic-" + (nodes.make_id(tag) or re.sub(r"\W+", "-", tag.lower()))


def _ref(app: Sphinx, fromdocname: str, paper: Paper) -> nodes.paragraph:
    cell = nodes.paragraph()
    cell += make_refnode(app.builder, fromdocname, paper.docname, "", nodes.inline(paper.short_name, paper.short_name), paper.title)
    return cell


def _status(paper: Paper) -> nodes.paragraph:
    cell = nodes.paragraph()
    cell += nodes.inline(paper.status, paper.status, classes=["paper-status", f"paper-status-{paper.status}"])
    return cell


def _venue(app: Sphinx, paper: Paper) -> str:
    entry = app.env.get_domain("cite").data["bibdata"].data.entries.get(paper.key)
    return citation.venue_of(entry) if entry is not None else ""


def _code_cell(paper: Paper) -> nodes.paragraph:
    code = paper.links_of("code")
    return link_cell("code", code[0].url) if code else text_cell("")


def render_papers(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """Every paper, alphabetically by short name."""
    papers = sorted(view.papers.values(), key=lambda p: (p.short_name.casefold(), p.key))
    rows = [[_ref(app, docname, p), text_cell(p.title), text_cell(p.date.iso() if p.date else "undated"), _status(p)] for p in papers]
    return [table(["Paper", "Title", "Date", "Status"], rows, ["paper-list"])]


def render_chronology(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """Every paper once, grouped by year, newest first; undated ones last."""
    result: list[nodes.Node] = []
    newest_first = sorted(view.papers.values(), key=chronological_key, reverse=True)
    dated = [p for p in newest_first if p.date is not None]
    undated = sorted((p for p in newest_first if p.date is None), key=chronological_key)
    groups = [(str(year), list(group)) for year, group in groupby(dated, key=lambda p: p.date.year if p.date else 0)]
    if undated:
        groups.append(("Undated", undated))
    for label, papers in groups:
        section = nodes.section(ids=[f"year-{label.lower()}"], names=[f"year-{label.lower()}"], classes=["paper-year"])
        section += nodes.title(label, label)
        rows = []
        for p in papers:
            month = human_date(p.date.iso()).rsplit(" ", 1)[0] if p.date and p.date.month else ""
            rows.append([text_cell(month), _ref(app, docname, p), text_cell(p.title), text_cell(_venue(app, p)), _status(p), _code_cell(p)])
        section += table(["Month", "Paper", "Title", "Venue", "Status", "Code"], rows, ["paper-chronology"])
        result.append(section)
    return result


def render_summary(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """Counts and the few most recent additions, for the landing page."""
    papers = list(view.papers.values())
    read = sum(1 for p in papers if p.status == "read")
    counts = nodes.paragraph(classes=["paper-counts"])
    counts += nodes.Text(f"{len(papers)} papers on the shelf: {read} read, {len(papers) - read} not read yet.")
    recent = sorted(papers, key=lambda p: (p.added or (p.date.iso() if p.date else ""), chronological_key(p)), reverse=True)[:RECENT]
    items = nodes.bullet_list(classes=["paper-recent"])
    for p in recent:
        item = _ref(app, docname, p)
        item += nodes.Text(f" — {p.title}" + (f" ({human_date(p.date.iso())})" if p.date else ""))
        items += nodes.list_item("", item)
    return [counts, items]


Renderer = Callable[["Sphinx", "ShelfView", str], list[nodes.Node]]
RENDERERS: dict[str, Renderer] = {
    "papers": render_papers,
    "chronology": render_chronology,
    "summary": render_summary,
}


def render(app: Sphinx, view: ShelfView, node: paper_index, docname: str) -> list[nodes.Node]:
    return RENDERERS[node["kind"]](app, view, docname)
