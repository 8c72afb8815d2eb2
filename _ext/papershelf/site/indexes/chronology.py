"""The ``chronology`` index: papers per year, newest first; undated papers last.

Each year is a section (id ``year-<year>``) whose rows carry the filter
classes (:func:`~papershelf.site.indexes.base.filter_classes`) that
``papershelf-filter.js`` reads. The chronology is always split, one page per
year (:mod:`papershelf.site.indexes.pages`), each rendered with
:func:`chronology_section`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from papershelf.formats import arxivid, citation
from papershelf.model.settings import of_config
from papershelf.site.domain import cite_domain
from papershelf.site.grouping import tag_id, tag_slug, year_groups
from papershelf.site.header import MONTH_NAMES, link_cell, text_cell
from papershelf.site.indexes.base import (
    IndexKind,
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


def render_chronology(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """Every year's section on one page (the chronology is split by
    :mod:`papershelf.site.indexes.pages`, which renders each year with :func:`chronology_section`)."""
    return [chronology_section(app, view, label, papers, docname) for label, papers in year_groups(view)] or [empty("No papers on the shelf yet.")]


def chronology_section(app: Sphinx, view: ShelfView, label: str, papers: list[Paper], docname: str) -> nodes.section:
    """One year of the chronology (section id ``year-<label>``), rows with :func:`filter_classes`."""
    with_status = of_config(app.config).reading_status
    topics = view.index_pages.get("topics")
    topics_uri = app.builder.get_relative_uri(docname, topics) if topics else None
    title = "Undated" if label == "undated" else label
    result = section(title, [f"year-{label}"], ["paper-year"])
    result += nodes.paragraph("", f"{len(papers)} paper{'s' if len(papers) != 1 else ''}", classes=["paper-year-count"])
    rows = []
    for p in papers:
        title_cell = text_cell(p.title)
        if p.tags:
            title_cell += nodes.Text(" ")
            title_cell += _tag_links(p, topics_uri)
        month = MONTH_NAMES[p.date.month] if p.date else ""
        cells: list[nodes.Node] = [nowrap(month), paper_ref(app, docname, p), title_cell, _venue(app, p), *([status_cell(p)] if with_status else []), _code_cell(p)]
        rows.append((filter_classes(p, "paper-row", with_status), cells))
    result += scrolling(row_table(["Month", "Paper", "Title", "Venue", *(["Status"] if with_status else []), "Code"], rows, ["paper-chronology"]))
    return result


def _venue(app: Sphinx, paper: Paper) -> nodes.paragraph:
    """The venue; a preprint reads "arXiv", linked to its abstract page."""
    cite = cite_domain(app.env)
    entry = cite.entry(paper.key) if cite is not None else None
    if entry is None:
        return text_cell("")
    venue, arxiv = citation.venue_of(entry), citation.arxiv_of(entry)
    if venue == "arXiv" and arxiv:
        return link_cell("arXiv", arxivid.abs_url(arxiv))
    return text_cell(venue)


def _code_cell(paper: Paper) -> nodes.paragraph:
    code = paper.links_of("code")
    return link_cell("code", code[0].url) if code else text_cell("")


def _tag_links(paper: Paper, topics_uri: str | None) -> nodes.inline:
    """The paper's tags as small chips, linked to their topics section."""
    chips = nodes.inline(classes=["paper-tags"])
    for tag in paper.tags:
        chip = nodes.inline(tag, tag, classes=["paper-tag", f"tag-{tag_slug(tag)}"])
        if topics_uri is None:
            chips += chip
        else:
            chips += nodes.reference("", "", chip, internal=True, refuri=f"{topics_uri}#{tag_id(tag)}", reftitle=f"Topic: {tag}")
        chips += nodes.Text(" ")
    return chips


CHRONOLOGY = IndexKind(
    "chronology", render_chronology,
    shown=lambda p: (*link_shown(p), p.date, p.status, p.tags, p.links_of("code")),
    empty="No papers on the shelf yet.", reads_bib=True,
)
