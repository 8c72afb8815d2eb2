"""What every index kind is made of: its registration record and the shared cells.

An index kind is one :class:`IndexKind` (its renderer, what its rows show of
each paper, its empty note), defined in the kind's own module and listed by
name in :mod:`papershelf.site.indexes.kinds`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from docutils import nodes

from papershelf.site.grouping import tag_slug, year_label
from papershelf.site.header import human_date, table
from papershelf.site.nodes import refnode

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from papershelf.model.records import Paper
    from papershelf.model.settings import ShelfSettings
    from papershelf.shelf.view import ShelfView

Renderer = Callable[["Sphinx", "ShelfView", str], list[nodes.Node]]


@dataclass(frozen=True)
class IndexKind:
    """One kind of ``{paper-index}``, as registered in :data:`papershelf.site.indexes.kinds.KINDS`."""

    name: str  #: the directive's argument: ``{paper-index} chronology``
    render: Renderer  #: the whole index, on the page holding the directive (once per page written)
    #: what the index's rows show of each paper: the page is rewritten only when this
    #: projection changes (so a status edit leaves Models or Code alone)
    shown: Callable[[Paper], tuple[object, ...]] | None = None
    empty: str = "Nothing to list yet."  #: the note of a split index's overview with no group
    #: the rows show fields of the .bib entries (the chronology's venue; its page and
    #: year pages also name the version of their "BibTeX (N)" selection data)
    reads_bib: bool = False
    #: what the index page shows, when it lists something other than papers (References: .bib entries)
    digest: Callable[[BuildEnvironment, ShelfView, dict[str, str]], str] | None = None
    #: files beside the shelf that the index shows (the known problems' baseline): each one is a
    #: dependency of the page holding the index (:func:`papershelf.site.indexes.pages.on_doctree_read`)
    files: Callable[[Sphinx], tuple[Path, ...]] | None = None
    #: whether the index shows any row on a shelf that holds papers (default: yes); an
    #: index page whose indexes show none stays out of the navigation (navigation.py)
    has_rows: Callable[[ShelfView, ShelfSettings], bool] | None = None

    def shows_rows(self, view: ShelfView, settings: ShelfSettings) -> bool:
        return self.has_rows(view, settings) if self.has_rows is not None else True


def link_shown(p: Paper) -> tuple[object, ...]:
    """What every index row shows of a paper: its link."""
    return (p.key, p.short_name, p.title, p.docname)


def group_page(index_page: str, slug: str) -> str:
    """The pagename of a group's page of a split index: ``chronology/2023``."""
    return f"{index_page}/{slug}"


def filter_classes(paper: Paper, base: str, with_status: bool = True) -> list[str]:
    """Classes that let the filter script match a row or a timeline mark.

    ``base status-<status> year-<year|undated> tag-<slug>...``; docutils
    renders them as ``<tr class="...">``, so the page needs no inline data.
    """
    tags = dict.fromkeys(f"tag-{tag_slug(tag)}" for tag in paper.tags)
    status = [f"status-{paper.status}"] if with_status else []  # no status filter on a shelf without one
    return [base, *status, f"year-{year_label(paper)}", *tags]


def paper_ref(app: Sphinx, fromdocname: str, paper: Paper, text: str = "") -> nodes.paragraph:
    """A link to the paper, by its short name; by its title when the name is only the title's first
    words ("Faithful Reasoning Using Large Language"): a paper without a name of its own is listed by its title."""
    cell = nodes.paragraph()
    text = text or (paper.title if paper.named_by_title else paper.short_name)
    cell += refnode(app.builder, fromdocname, paper.docname, "", nodes.inline(text, text, classes=["paper-ref"]), paper.title)
    return cell


def named_item(app: Sphinx, fromdocname: str, paper: Paper, when: str) -> nodes.paragraph:
    """``LLaVA — Visual Instruction Tuning (17 April 2023)``; the title alone
    (as the link) when the short name is only its first words."""
    if paper.named_by_title:
        item = paper_ref(app, fromdocname, paper, paper.title)
        item += nodes.Text(f" ({when})" if when else "")
    else:
        item = paper_ref(app, fromdocname, paper)
        item += nodes.Text(f" — {paper.title}" + (f" ({when})" if when else ""))
    return item


def status_cell(paper: Paper) -> nodes.paragraph:
    cell = nodes.paragraph()
    cell += nodes.inline(paper.status, paper.status, classes=["paper-status", f"paper-status-{paper.status}"])
    return cell


def date_cell(paper: Paper) -> nodes.paragraph:
    return nowrap(human_date(paper.date.iso()) if paper.date else "undated")


def row_table(headings: Sequence[str], rows: Sequence[tuple[list[str], Sequence[nodes.Node | None]]], classes: list[str]) -> nodes.table:
    """header.py's table, with classes on each body row (``<tr class=...>``)."""
    result = table(headings, [cells for _, cells in rows], classes)
    body = next(iter(result.findall(nodes.tbody)))
    for row, (row_classes, _) in zip(body.children, rows, strict=True):
        cast("nodes.Element", row)["classes"].extend(row_classes)
    return result


def scrolling(table_node: nodes.table) -> nodes.container:
    """A table in furo's scrolling wrapper, which its post-transform adds only
    to tables present before ``doctree-resolved`` (index tables come later).
    Wide tables scroll inside it, the first column kept (papershelf-indexes.css)."""
    wrapper = nodes.container(classes=["table-wrapper", "paper-table-wrapper"])
    wrapper += table_node
    return wrapper


def nowrap(text: str) -> nodes.paragraph:
    """A cell that never wraps (dates: "2023-01" must not become "2023-"/"01")."""
    return nodes.paragraph(text, text, classes=["paper-nowrap"])


def section(title: str, ids: list[str], classes: list[str]) -> nodes.section:
    result = nodes.section(ids=ids, classes=classes)
    result += nodes.title(title, title)
    return result


def empty(text: str) -> nodes.paragraph:
    return nodes.paragraph(text, text, classes=["paper-index-empty"])


def count_cells(paper: Paper) -> list[nodes.Node]:
    """Citations and stars of a paper, ``—`` when unknown (sortable columns: missing sorts last)."""
    metrics = paper.metrics
    values = (metrics.citations, metrics.stars) if metrics is not None else (None, None)
    return [nodes.paragraph("", f"{value:,}" if value is not None else "\u2014", classes=["paper-count", "paper-nowrap"]) for value in values]


def as_of_note(papers: Sequence[Paper]) -> nodes.paragraph:
    """``Citations (Semantic Scholar) and stars (GitHub) as of 2026-03-02``: the days the counts were fetched."""
    days = sorted({p.metrics.as_of for p in papers if p.metrics is not None and p.metrics.as_of})
    when = "" if not days else f" as of {days[0]}" if len(days) == 1 else f" as of {days[0]} to {days[-1]}"
    text = f"Citations (Semantic Scholar) and stars (GitHub){when}; click a column heading to sort."
    return nodes.paragraph(text, text, classes=["paper-counts-as-of"])
