"""The ``known-problems`` index: the shelf's baseline of known problems, for maintainers.

Lists every entry of ``known-problems.json`` (:mod:`papershelf.shelf.baseline`)
with its file, line, code and message (which says how to fix it); a file that
is a page of the site links to it. The strict build passes with these
problems (:mod:`papershelf.site.knownproblems`); ``papershelf check`` drops an
entry once its problem is fixed, and the page follows (the file is a
dependency of the page showing the index).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

from papershelf.shelf import baseline
from papershelf.shelf.paths import ShelfError
from papershelf.site.header import table, text_cell
from papershelf.site.indexes.base import IndexKind, empty, nowrap, scrolling
from papershelf.site.nodes import refnode

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from papershelf.shelf.view import ShelfView

def files(app: Sphinx) -> tuple[Path, ...]:
    return (baseline.path_of(Path(app.confdir)),)


def render_known(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """A count, then one row per known problem: where, code, message."""
    result = nodes.container(classes=["paper-known-problems"])
    try:
        entries = sorted(baseline.read(files(app)[0]), key=lambda e: (e.path, e.line, e.code, e.message))
    except ShelfError as error:
        result += empty(str(error))
        return [result]
    if not entries:
        result += empty(f"No known problems ({baseline.FILE_NAME} lists none).")
        return [result]
    count = len(entries)
    result += nodes.paragraph(
        "", f"{count} known problem{'s' * (count != 1)}, recorded in {baseline.FILE_NAME}: the strict build passes with "
        "them, and fails on any other. Fix each where it says; `papershelf check` then removes it from the file.",
        classes=["paper-known-count"],
    )
    rows = [[_where(app, docname, entry), nowrap(str(entry.line) if entry.line else ""), _code(entry.code), text_cell(entry.message)] for entry in entries]
    result += scrolling(table(["File", "Line", "Code", "Problem and fix"], rows, ["paper-known-table"]))
    return [result]


def _where(app: Sphinx, docname: str, entry: baseline.KnownProblem) -> nodes.paragraph:
    cell = nodes.paragraph()
    cell += file_link(app, docname, entry.path, entry.path)
    return cell


def file_link(app: Sphinx, docname: str, path: str, shown: str) -> nodes.Node:
    """``shown`` as code, linked to the file's page when the file (relative to the shelf root) is one."""
    text = nodes.literal(shown, shown)
    source = Path(app.confdir, path)
    target = app.env.path2doc(source) if source.is_relative_to(app.srcdir) else None
    if target and target in app.env.found_docs:
        return refnode(app.builder, docname, target, "", text, path)
    return text


def _code(slug: str) -> nodes.paragraph:
    cell = nodes.paragraph()
    cell += nodes.literal(slug, slug)
    return cell


KNOWN_PROBLEMS = IndexKind(
    "known-problems", render_known, empty="No known problems.",
    digest=lambda env, view, bib_digests: "",  # shows the file alone, which is a dependency of its page
    files=files,
)
