"""The events papershelf emits, for whoever wants what it computed.

``papershelf-shelf-ready(app, view)``
    once per build that did not fail, at ``build-finished`` (after every page
    is written), with the shelf's cross-document view
    (:class:`~papershelf.shelf.view.ShelfView`, computed once in
    ``env-updated``) when the shelf holds papers. A project that only cites
    has nothing to export and gets no event.

    Outputs made from the view listen to it instead of each being wired to
    ``build-finished``: ``papers.json`` (:mod:`~papershelf.site.exports.catalog`),
    the .bib downloads (:mod:`~papershelf.site.exports.bibexport`) and the Atom
    feeds (:mod:`~papershelf.site.exports.feeds`), in that order. Each listener
    chooses its builders. Another extension can connect to it too::

        app.connect("papershelf-shelf-ready", write_my_file)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from papershelf.site.domain import paper_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SHELF_READY = "papershelf-shelf-ready"


def on_build_finished(app: Sphinx, exception: BaseException | None) -> None:
    """Emit :data:`SHELF_READY` when the build succeeded and the shelf holds papers."""
    if exception is not None:
        return
    view = paper_domain(app.env).view
    if view is None or not view.papers:
        return  # a project that only cites has nothing to export
    app.emit(SHELF_READY, view)
