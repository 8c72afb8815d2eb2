"""The ``venues`` index: where the shelf's papers appeared, by venue and year, with counts.

The venue is the BibTeX entry's ``booktitle`` or ``journal`` (``papershelf
enrich`` upgrades preprints to the venue that published them); an entry with
only an arXiv id counts as "arXiv (preprint)". Split above the threshold into
a page a letter of the venue (:mod:`papershelf.site.indexes.pages`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import groupby
from typing import TYPE_CHECKING

from docutils import nodes

from papershelf.site.domain import paper_domain
from papershelf.site.header import table, text_cell
from papershelf.site.indexes.base import IndexKind, empty, link_shown, nowrap, scrolling
from papershelf.site.nodes import refnode

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from papershelf.model.records import Paper
    from papershelf.shelf.view import ShelfView

PREPRINT = "arXiv (preprint)"
EMPTY = "No paper's BibTeX entry names a venue yet."
_LATEX = re.compile(r"[{}]|\\[A-Za-z]+\s*")


def venue_of(app: Sphinx, paper: Paper) -> str:
    entry = paper_domain(app.env).bib_entry(paper.key)
    if entry is None:
        return ""
    for name in ("booktitle", "journal"):
        text = " ".join(_LATEX.sub("", entry.get(name)).split())[:200]
        if text and not re.match(r"(?i)^arxiv\b", text):
            return text
    if entry.get("eprint") or "arxiv" in (entry.get("journal") + entry.get("archiveprefix") + entry.get("url")).lower():
        return PREPRINT
    return ""


#: a venue that names its year ("AAAI 2018", "CVPR'23", "NeurIPS, 2020"), as imported lists write it
_VENUE_YEAR = re.compile(r"^(.*?\S)[\s,]*(?:['\u2019](\d{2})|\b((?:19|20)\d{2}))$")


def rows_of(app: Sphinx, papers: list[Paper]) -> list[tuple[str, str, list[Paper]]]:
    """(venue, year, papers), by venue then newest year first; the year is the one the venue names, else the
    paper's ("AAAI 2018" for a preprint of 2017 is AAAI's row of 2018)."""
    grouped: dict[tuple[str, str], list[Paper]] = defaultdict(list)
    for paper in papers:
        venue = venue_of(app, paper)
        if venue:
            year = str(paper.date.year) if paper.date else "undated"
            named = _VENUE_YEAR.match(venue) if venue != PREPRINT else None
            if named:
                venue, year = named.group(1), named.group(3) or f"20{named.group(2)}"
            grouped[(venue, year)].append(paper)
    ordered = sorted(grouped.items(), key=lambda item: (item[0][0] == PREPRINT, item[0][0].casefold(), [-ord(c) for c in item[0][1]]))
    return [(venue, year, sorted(found, key=lambda p: (p.short_name.casefold(), p.key))) for (venue, year), found in ordered]


def venue_table(app: Sphinx, rows: list[tuple[str, str, list[Paper]]], docname: str) -> nodes.Node:
    body = []
    for venue, year, papers in rows:
        names = nodes.paragraph()
        for index, paper in enumerate(papers):
            if index:
                names += nodes.Text(", ")
            names += refnode(app.builder, docname, paper.docname, "", nodes.inline(paper.label, paper.label, classes=["paper-ref"]), paper.title)
        body.append([text_cell(venue), nowrap(year), nowrap(str(len(papers))), names])
    return scrolling(table(["Venue", "Year", "Papers", "Which"], body, ["paper-venues-index", "paper-sortable"]))


def render_venues(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    rows = rows_of(app, list(view.papers.values()))
    if not rows:
        return [_marked(empty(EMPTY))]
    venues = len({venue for venue, _, _ in rows})
    note = nodes.paragraph("", f"{venues} venues; {sum(len(p) for _, _, p in rows)} papers.", classes=["paper-venues-count", "paper-venues"])
    return [note, venue_table(app, rows, docname)]


def _letter(venue: str) -> str:
    first = venue[:1].upper()
    return "arxiv" if venue == PREPRINT else first.lower() if "A" <= first <= "Z" else "other"


#: papers listed on one page of the split index before a letter is cut into parts
LINKS = 1500


def _pages(app: Sphinx, view: ShelfView) -> list[tuple[str, str, list[tuple[str, str, list[Paper]]]]]:
    """(slug, label, rows) of each page of the split index: a letter of the venue, or parts of a busy one (once per build)."""
    return view.derived("venues-pages", lambda: _make_pages(app, view))


def _make_pages(app: Sphinx, view: ShelfView) -> list[tuple[str, str, list[tuple[str, str, list[Paper]]]]]:
    result = []
    for letter, group in groupby(rows_of(app, list(view.papers.values())), key=lambda row: _letter(row[0])):
        label = "arXiv (preprints)" if letter == "arxiv" else letter.upper() if letter != "other" else "#"
        chunks: list[list[tuple[str, str, list[Paper]]]] = [[]]
        links = 0
        for row in group:
            if chunks[-1] and links + len(row[2]) > LINKS:
                chunks.append([])
                links = 0
            chunks[-1].append(row)
            links += len(row[2])
        for number, chunk in enumerate(chunks, 1):
            if len(chunks) == 1:
                result.append((f"letter-{letter}", label, chunk))
            else:
                result.append((f"letter-{letter}-{number}", f"{label} ({chunk[0][0]} {chunk[0][1]} to {chunk[-1][0]} {chunk[-1][1]})", chunk))
    return result


def split_groups(app: Sphinx, view: ShelfView) -> list[tuple[str, str, list[Paper], int]]:
    return [(slug, label, [p for _, _, papers in rows for p in papers], len(rows)) for slug, label, rows in _pages(app, view)]


def render_group(app: Sphinx, view: ShelfView, slug: str, docname: str) -> list[nodes.Node]:
    rows = next((rows for page, _, rows in _pages(app, view) if page == slug), [])
    return [venue_table(app, rows, docname)] if rows else [empty(EMPTY)]


def _marked(node: nodes.paragraph) -> nodes.paragraph:
    node["classes"].append("paper-venues")  # the kind's mark, also when it has nothing to list
    return node


VENUES = IndexKind("venues", render_venues, shown=lambda p: (*link_shown(p), p.date), empty=EMPTY, reads_bib=True)
