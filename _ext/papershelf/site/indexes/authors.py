"""The ``authors`` index: every person on the shelf with their papers.

People come from the pages' ``people`` (``papershelf enrich`` writes them),
joined by id, else by normalised name (:mod:`papershelf.shelf.people`),
computed once per build. Whole on its page for a small shelf, one section a
letter of the family name; split above the threshold into a page a letter
(a busy letter in parts of :data:`PART` people), see
:mod:`papershelf.site.indexes.pages`.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from docutils import nodes

from papershelf.site.indexes.base import IndexKind, empty, link_shown, section
from papershelf.site.nodes import refnode

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx

    from papershelf.model.records import Paper
    from papershelf.shelf.people import Author
    from papershelf.shelf.view import ShelfView

#: people, and links to papers, on one page of the split index before a letter is
#: cut into parts (at 2,000 synthetic papers a link is about 210 bytes: 1,500 links
#: keep a page near 330 kB)
PART = 400
LINKS = 1500
EMPTY = "No paper names its people yet (papershelf enrich --sources s2 adds them)."


def author_list(app: Sphinx, view: ShelfView, people: Sequence[Author], docname: str) -> nodes.bullet_list:
    items = nodes.bullet_list(classes=["paper-authors-list"])
    for author in people:
        line = nodes.paragraph()
        line += nodes.strong(author.name, author.name, classes=["paper-author-name"])
        if author.variants:
            also = "also " + ", ".join(author.variants[:5])
            line += nodes.Text(" ")
            line += nodes.inline(also, f"({also})", classes=["paper-author-variants"])
        line += nodes.Text(": ")
        for index, key in enumerate(author.papers):
            paper = view.papers[key]
            if index:
                line += nodes.Text(", ")
            line += refnode(app.builder, docname, paper.docname, "", nodes.inline(paper.label, paper.label, classes=["paper-ref"]), paper.title)
        items += nodes.list_item("", line, ids=[author.slug])
    return items


def render_authors(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    people = view.authors()
    if not people:
        return [_marked(empty(EMPTY))]
    result: list[nodes.Node] = [nodes.paragraph("", f"{len(people)} people on the shelf.", classes=["paper-authors-count", "paper-authors"])]
    for letter, group in groupby(people, key=lambda a: a.letter):
        part = section(letter, [f"authors-{letter.lower() if letter != '#' else 'other'}"], ["paper-authors-letter"])
        part += author_list(app, view, list(group), docname)
        result.append(part)
    return result


def _chunks(people: Sequence[Author]) -> list[list[Author]]:
    result: list[list[Author]] = [[]]
    links = 0
    for author in people:
        if result[-1] and (len(result[-1]) >= PART or links + len(author.papers) > LINKS):
            result.append([])
            links = 0
        result[-1].append(author)
        links += len(author.papers)
    return result


def _pages(view: ShelfView) -> list[tuple[str, str, list[Author]]]:
    """(slug, label, people) of each page of the split index: a letter, or parts of a busy one (once per build)."""
    return view.derived("authors-pages", lambda: _make_pages(view))


def _make_pages(view: ShelfView) -> list[tuple[str, str, list[Author]]]:
    result = []
    for letter, group in groupby(view.authors(), key=lambda a: a.letter):
        base = "letter-other" if letter == "#" else f"letter-{letter.lower()}"
        chunks = _chunks(list(group))
        for number, chunk in enumerate(chunks, 1):
            slug = base if len(chunks) == 1 else f"{base}-{number}"
            label = letter if len(chunks) == 1 else f"{letter} ({chunk[0].name} to {chunk[-1].name})"
            result.append((slug, label, chunk))
    return result


def split_groups(view: ShelfView) -> list[tuple[str, str, list[Paper], int]]:
    """(slug, label, papers shown, people) of each page of the split index."""
    return [(slug, label, [view.papers[key] for key in dict.fromkeys(k for a in chunk for k in a.papers)], len(chunk)) for slug, label, chunk in _pages(view)]


def render_group(app: Sphinx, view: ShelfView, slug: str, docname: str) -> list[nodes.Node]:
    """The people of one page of the split index."""
    for page, _, chunk in _pages(view):
        if page == slug:
            return [author_list(app, view, chunk, docname)]
    return [empty(EMPTY)]


def _marked(node: nodes.paragraph) -> nodes.paragraph:
    node["classes"].append("paper-authors")  # the kind's mark, also when it has nothing to list
    return node


AUTHORS = IndexKind("authors", render_authors, shown=lambda p: (*link_shown(p), p.people), empty=EMPTY,
                    has_rows=lambda view, settings: any(p.people for p in view.papers.values()))
