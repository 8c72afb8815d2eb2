"""The index kinds, by name: each renders from the once-per-build ShelfView.

A page asks for an index with the ``paper-index`` directive; only pages that
hold one pay for listing the whole shelf. Each renderer runs once per page
showing its index (at ``doctree-resolved``, through
:func:`papershelf.site.indexes.pages.render`), never once per paper page.

A kind is an :class:`~papershelf.site.indexes.base.IndexKind` defined in its
own module; a new index page is one such module plus one line in
:data:`KINDS`:

``papers``, ``queue``, ``models``, ``code``, ``architecture``
    one table each (:mod:`~papershelf.site.indexes.tables`);
``chronology``
    papers per year, each year linked to its own page listing its papers
    (:mod:`~papershelf.site.indexes.chronology`), newest first; undated papers last;
``timeline``
    an inline SVG picture of the papers in time with lineage arrows
    (:mod:`~papershelf.site.indexes.timeline`);
``summary``
    counts and the most recent additions, for the landing page
    (:mod:`~papershelf.site.indexes.summary`);
``topics``
    one section per tag (:mod:`~papershelf.site.indexes.topics`);
``references``
    every .bib entry, in author order (:mod:`~papershelf.site.indexes.references`);
``known-problems``
    the shelf's known problems, for maintainers (:mod:`~papershelf.site.indexes.known`);
``link-report``
    the dead and moved links ``check --links`` found, for maintainers (:mod:`~papershelf.site.indexes.linkreport`);
``authors``
    every person named in the pages' ``people``, with their papers (:mod:`~papershelf.site.indexes.authors`);
``venues``
    venue, year and count of the papers' entries (:mod:`~papershelf.site.indexes.venues`);
``citegraph``
    which papers cite which, layered by year (:mod:`~papershelf.site.indexes.citegraph`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from papershelf.shelf.view import digest
from papershelf.site.indexes import (
    authors,
    chronology,
    citegraph,
    known,
    linkreport,
    references,
    summary,
    tables,
    timeline,
    topics,
    venues,
)

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from papershelf.shelf.view import ShelfView
    from papershelf.site.indexes.base import IndexKind, Renderer

#: every kind of ``{paper-index}``, by name
KINDS: dict[str, IndexKind] = {kind.name: kind for kind in (
    tables.PAPERS,
    chronology.CHRONOLOGY,
    timeline.TIMELINE,
    summary.SUMMARY,
    tables.QUEUE,
    topics.TOPICS,
    tables.MODELS,
    tables.CODE,
    tables.ARCHITECTURE,
    references.REFERENCES,
    known.KNOWN_PROBLEMS,
    linkreport.LINK_REPORT,
    authors.AUTHORS,
    venues.VENUES,
    citegraph.CITEGRAPH,
)}

#: kind -> its renderer (for the benchmarks, which ask which kinds exist)
RENDERERS: dict[str, Renderer] = {name: kind.render for name, kind in KINDS.items()}


def content_digest(kind: str, view: ShelfView, bib_digests: dict[str, str], env: BuildEnvironment | None = None) -> str:
    """A digest of everything an index of ``kind`` shows; once per kind per build."""
    index = KINDS.get(kind)
    if index is not None and index.digest is not None and env is not None:  # lists something other than papers
        return index.digest(env, view, bib_digests)
    shown = index.shown if index is not None and index.shown is not None else lambda p: (p,)
    reads_bib = index is not None and index.reads_bib
    rows = [(shown(view.papers[key]), bib_digests.get(key, "") if reads_bib else "") for key in view.order]
    return digest(repr((rows, sorted(view.index_pages.items()))))
