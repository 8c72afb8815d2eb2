"""Index kinds that are one table of the shelf (or, for the queue, one per status).

``papers``
    every paper, alphabetically by short name;
``queue``
    the papers still to read (status ``reading`` or ``unread``);
``models``
    every released checkpoint, with its paper;
``code``
    every code repository link, with its paper;
``architecture``
    one comparison table of the papers' ``architecture`` facts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from papershelf.model.settings import of_config
from papershelf.site.header import link_cell, table, text_cell
from papershelf.site.indexes.base import (
    IndexKind,
    as_of_note,
    count_cells,
    date_cell,
    empty,
    filter_classes,
    link_shown,
    nowrap,
    paper_ref,
    row_table,
    scrolling,
    section,
    status_cell,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from papershelf.model.records import Paper
    from papershelf.shelf.view import ShelfView


def render_papers(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """Every paper, alphabetically by short name; with counts, sortable, when the shelf has any."""
    papers = sorted(view.papers.values(), key=lambda p: (p.short_name.casefold(), p.key))
    with_status = of_config(app.config).reading_status
    counted = any(p.metrics is not None for p in view.papers.values())
    rows = [[paper_ref(app, docname, p), _title_cell(p), nowrap(p.date.iso() if p.date else "undated"), *([status_cell(p)] if with_status else []),
             *(count_cells(p) if counted else [])] for p in papers]
    headings = ["Paper", "Title", "Date", *(["Status"] if with_status else []), *(["Citations", "Stars"] if counted else [])]
    result: list[nodes.Node] = [scrolling(table(headings, rows, ["paper-list", *(["paper-sortable"] if counted else [])]))]
    if counted:
        result.insert(0, as_of_note(papers))
    return result


def _title_cell(paper: Paper) -> nodes.paragraph | None:
    """The title; None (the Paper cell spans the Title column) when the Paper column shows it already:
    a paper without a name of its own is listed by its title."""
    return None if paper.named_by_title else text_cell(paper.title)


def render_queue(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """The reading queue: papers being read, then unread ones, oldest first."""
    if not of_config(app.config).reading_status:
        return [empty("This shelf keeps no read status (papershelf_reading_status = False), so it has no reading queue.")]
    papers = [view.papers[key] for key in view.order]
    read = sum(1 for p in papers if p.status == "read")
    progress = nodes.paragraph("", f"{read} of {len(papers)} read.", classes=["paper-queue-progress"])
    result: list[nodes.Node] = [progress]
    for status, title in (("reading", "Reading now"), ("unread", "Not read yet")):
        queued = [p for p in papers if p.status == status]
        if not queued:
            continue
        part = section(f"{title} ({len(queued)})", [f"queue-{status}"], ["paper-queue"])
        rows: list[tuple[list[str], list[nodes.Node | None]]] = [
            (filter_classes(p, "paper-row"), [paper_ref(app, docname, p), _title_cell(p), date_cell(p), status_cell(p)]) for p in queued
        ]
        part += scrolling(row_table(["Paper", "Title", "Date", "Status"], rows, ["paper-queue-table"]))
        result.append(part)
    if len(result) == 1:
        result.append(empty("Nothing left to read."))
    return result


def render_models(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """Every released checkpoint on the shelf, by name, with its paper."""
    entries = sorted(((model, paper) for paper in view.papers.values() for model in paper.models), key=lambda mp: (mp[0].name.casefold(), mp[1].key))
    if not entries:
        return [empty("No paper names a released model yet.")]
    rows = [
        [link_cell(model.name, model.url), text_cell(_host(model.url)), paper_ref(app, docname, paper), date_cell(paper)]
        for model, paper in entries
    ]
    return [scrolling(table(["Model", "Host", "Paper", "Date"], rows, ["paper-models-index"]))]


def render_code(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """Every code repository linked from a paper, by paper short name."""
    papers = sorted(view.papers.values(), key=lambda p: (p.short_name.casefold(), p.key))
    rows = []
    for paper in papers:
        for link in paper.links_of("code"):
            text = _bare(link.url) + (f" ({link.label})" if link.label else "")
            rows.append([link_cell(text, link.url), paper_ref(app, docname, paper), text_cell(paper.title), date_cell(paper)])
    if not rows:
        return [empty("No paper links to code yet.")]
    return [scrolling(table(["Repository", "Paper", "Title", "Date"], rows, ["paper-code-index"]))]


def render_architecture(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """One row per paper stating its architecture, oldest first; unknown cells empty."""
    headings = of_config(app.config).facet_headings
    if not headings:
        return [empty("This shelf configures no facets to compare (papershelf_facets in conf.py).")]
    papers = [view.papers[key] for key in view.order if view.papers[key].architecture]
    if not papers:
        return [empty("No paper states its facets yet.")]
    rows = []
    for paper in papers:
        facts = dict(paper.architecture)
        rows.append([paper_ref(app, docname, paper), *(text_cell(facts.get(name, "")) for name in headings)])
    # Cells get a readable minimum width and the table scrolls sideways with
    # the paper column kept, instead of narrow columns of wrapped words.
    return [scrolling(table(["Paper", *headings.values()], rows, ["paper-architecture-index"]))]


def _host(url: str) -> str:
    return url.split("//", 1)[-1].split("/", 1)[0] if url else ""


def _bare(url: str) -> str:
    """``https://github.com/a/b/`` -> ``github.com/a/b``."""
    return url.split("//", 1)[-1].rstrip("/")


PAPERS = IndexKind("papers", render_papers, shown=lambda p: (*link_shown(p), p.date, p.status, p.metrics), empty="No papers on the shelf yet.")
QUEUE = IndexKind("queue", render_queue, shown=lambda p: (*link_shown(p), p.date, p.status, p.tags), empty="Nothing left to read.",
                  has_rows=lambda view, settings: settings.reading_status and any(p.status != "read" for p in view.papers.values()))
MODELS = IndexKind("models", render_models, shown=lambda p: (*link_shown(p), p.models), empty="No paper names a released model yet.",
                   has_rows=lambda view, settings: any(p.models for p in view.papers.values()))
CODE = IndexKind("code", render_code, shown=lambda p: (*link_shown(p), p.links_of("code")), empty="No paper links to code yet.",
                 has_rows=lambda view, settings: any(p.links_of("code") for p in view.papers.values()))
ARCHITECTURE = IndexKind("architecture", render_architecture, shown=lambda p: (*link_shown(p), p.date, p.architecture), empty="No paper states its architecture yet.",
                         has_rows=lambda view, settings: bool(settings.facet_headings) and any(p.architecture for p in view.papers.values()))
