"""The chronology split into one small page per year.

A chronology listing every paper grows with the shelf (2.3 MB at 2,000
papers). Its page keeps the overview (timeline, papers per year, the
filter); the rows move to one generated page per year,
``<chronology>/<year>.html`` (and ``<chronology>/undated.html``), each the
size of one year whatever the size of the shelf.

The year pages have no source file: they are added at ``html-collect-pages``
with the theme's ``page.html`` and a body rendered from the same docutils
nodes as any index (:func:`papershelf.indexes.chronology_section`). A page
is written only when what it shows changed (a digest per page, kept next to
the doctrees) or its file is missing, so a no-op build or an edit in another
year writes none of them; the page of a year left without papers is deleted.
"""

from __future__ import annotations

import json
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes

from . import indexes
from .shelf import digest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

    from .domain import PaperDomain
    from .records import Paper
    from .shelf import ShelfView

STATE = "papershelf-year-pages.json"  #: digests of the written year pages, in the doctree dir


def year_groups(view: ShelfView) -> list[tuple[str, list[Paper]]]:
    """(label, papers newest first) per year, newest year first, "undated" last."""
    return [(label, list(group)) for label, group in groupby(indexes.newest_first(view.papers.values()), key=indexes.year_label)]


def year_page(chronology: str, label: str) -> str:
    """The pagename of a year's page: ``chronology/2023``."""
    return f"{chronology}/{label}"


def year_pages(view: ShelfView) -> dict[str, str]:
    """pagename -> year label, for every year page of the current shelf."""
    chronology = view.index_pages.get("chronology")
    if chronology is None:
        return {}
    return {year_page(chronology, label): label for label, _ in year_groups(view)}


def _state_path(app: Sphinx) -> Path:
    return Path(app.doctreedir) / STATE


def on_html_collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Yield each year page whose content changed since it was last written."""
    domain = cast("PaperDomain", app.env.get_domain("paper"))
    view = domain.view
    chronology = view.index_pages.get("chronology") if view is not None else None
    if view is None or chronology is None or app.builder.format != "html":
        return
    index = domain.bib_index
    bib_digests = {key: value for key, (_, value) in index.entries.items()} if index else {}
    groups = year_groups(view)
    labels = [label for label, _ in groups]
    path = _state_path(app)
    try:
        old: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        old = {}
    new: dict[str, str] = {}
    chronology_title = app.env.titles[chronology].astext() if chronology in app.env.titles else "Chronology"
    for position, (label, papers) in enumerate(groups):
        pagename = year_page(chronology, label)
        shown = [(indexes.SHOWN["chronology"](p), bib_digests.get(p.key, "")) for p in papers]
        # The rows, the neighbouring years (prev/next links) and what the theme
        # renders around the body (its config hash) decide whether to rewrite.
        new[pagename] = digest(repr((shown, labels, sorted(view.index_pages.items()), chronology_title, getattr(app.builder, "config_hash", ""))))
        written = Path(cast("StandaloneHTMLBuilder", app.builder).get_outfilename(pagename)).is_file()
        if old.get(pagename) == new[pagename] and written:
            continue
        yield pagename, _context(app, view, chronology, chronology_title, labels, position, papers), "page.html"
    for gone in old.keys() - new.keys():  # a year that no longer has papers
        Path(cast("StandaloneHTMLBuilder", app.builder).get_outfilename(gone)).unlink(missing_ok=True)
    if new != old:
        path.write_text(json.dumps(new, sort_keys=True), encoding="utf-8")


def _render(builder: StandaloneHTMLBuilder, node: nodes.Element) -> str:
    """HTML of a lone node. The translator reads the section and figure
    numbers of the page being written, which Sphinx sets per source page
    (and not at all in a build that wrote none): a year page has none."""
    saved = builder.__dict__.get("secnumbers"), builder.__dict__.get("fignumbers")
    builder.secnumbers, builder.fignumbers = {}, {}
    try:
        return builder.render_partial(node)["fragment"]
    finally:
        builder.secnumbers, builder.fignumbers = saved[0] or {}, saved[1] or {}


def _context(app: Sphinx, view: ShelfView, chronology: str, chronology_title: str, labels: list[str], position: int, papers: list[Paper]) -> dict[str, Any]:
    label = labels[position]
    pagename = year_page(chronology, label)
    title = "Undated papers" if label == "undated" else f"Papers of {label}"
    body = indexes.chronology_section(app, view, label, papers, pagename)
    body["classes"].append("paper-year-page")
    cast("nodes.Element", body[0]).replace_self(nodes.title(title, title))
    back = nodes.paragraph(classes=["paper-year-back"])
    back += nodes.reference(chronology_title, f"← {chronology_title}: all years", refuri=app.builder.get_relative_uri(pagename, chronology), internal=True)
    body.insert(1, back)
    fragment = _render(cast("StandaloneHTMLBuilder", app.builder), body)

    def link(index: int) -> dict[str, str] | None:
        if not 0 <= index < len(labels):
            return None
        other = labels[index]
        return {"link": app.builder.get_relative_uri(pagename, year_page(chronology, other)), "title": "Undated" if other == "undated" else other}

    # Newest first: "next" reads on to the older year, as the table does.
    return {"title": title, "body": fragment, "prev": link(position - 1), "next": link(position + 1), "display_toc": False, "toc": "", "sourcename": ""}
