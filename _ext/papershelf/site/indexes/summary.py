"""The ``summary`` index: counts and the most recent additions, for the landing page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from papershelf.model.settings import of_config
from papershelf.shelf.view import chronological_key
from papershelf.site.header import human_date
from papershelf.site.indexes.base import IndexKind, link_shown, named_item

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from papershelf.shelf.view import ShelfView

RECENT = 5


def render_summary(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """Counts and the few most recent additions, for the landing page."""
    papers = list(view.papers.values())
    read = sum(1 for p in papers if p.status == "read")
    counts = nodes.paragraph(classes=["paper-counts"])
    shelf = f"{len(papers)} paper{'s' if len(papers) != 1 else ''} on the shelf"
    counts += nodes.Text(f"{shelf}: {read} read, {len(papers) - read} not read yet." if of_config(app.config).reading_status else f"{shelf}.")
    recent = sorted(papers, key=lambda p: (p.added or (p.date.iso() if p.date else ""), chronological_key(p)), reverse=True)[:RECENT]
    items = nodes.bullet_list(classes=["paper-recent"])
    for p in recent:
        items += nodes.list_item("", named_item(app, docname, p, human_date(p.date.iso()) if p.date else ""))
    return [counts, items]


SUMMARY = IndexKind("summary", render_summary, shown=lambda p: (*link_shown(p), p.date, p.status, p.added))
