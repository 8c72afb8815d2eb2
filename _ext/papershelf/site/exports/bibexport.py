"""BibTeX downloads: one ``.bib`` per topic and per year, and the data behind
"BibTeX of the current selection" on filtered pages.

Everything here is written once per build, in ``build-finished`` (on
``papershelf-shelf-ready``, events.py), from the
ShelfView and the scan of the ``.bib`` files; pages only link to the files.
Each file holds the entries' exact text from the ``.bib`` (what
``references.bib`` says, byte for byte, less the marker line of an entry
papershelf made up), in the order the site lists the papers (newest first),
separated by one blank line.

Files, under the HTML output directory:

``bib/<section id>.bib``
    ``bib/topic-<slug>.bib`` per topic (ids from :func:`~papershelf.site.grouping.tag_id`) and
    ``bib/year-<year>.bib`` per year (``year-undated`` too): the ids of the
    sections of the Topics and Chronology indexes, so a section finds its
    file by its own id (:func:`on_doctree_resolved` adds the link);
``_static/papershelf-bibtex/<year>.js``
    one per year (``undated`` too): ``window.papershelfBibtex["<year>"] =
    {pages: {url: key}, entries: {key: text}}``, read by
    ``papershelf-selection.js`` for the years of the rows it is asked for
    (scripts, not JSON, so they load from ``file://`` too), so "BibTeX (N)"
    never loads the whole shelf's entries.

What a reader copies or downloads leaves out the marker of an entry
papershelf made up (:func:`~papershelf.formats.bibfile.without_generated`).

A stamp (``bib/.stamp``) records what the files were made from; when
neither the .bib files nor what the files show of any paper changed, nothing
is rewritten and the .bib is not scanned again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from papershelf.formats.bibfile import without_generated
from papershelf.shelf.view import digest
from papershelf.site.bibscan import scan_all
from papershelf.site.domain import paper_domain
from papershelf.site.exports.catalog import write_if_changed
from papershelf.site.exports.feeds import topic_feed
from papershelf.site.grouping import UNTAGGED, topic_groups, year_groups

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

    from papershelf.model.records import Paper
    from papershelf.shelf.view import ShelfView

logger = logging.getLogger(__name__)

BIB_DIR = "bib"
DATA_DIR = "papershelf-bibtex"  #: under _static/: one selection data script per year
SELECTION_JS = "papershelf-selection.js"
EXPORTS_CSS = "papershelf-exports.css"
BUILDERS = frozenset({"html", "dirhtml"})
STAMP = ".stamp"


@dataclass(frozen=True)
class Group:
    """Papers shown together in one section of an index, newest first."""

    ident: str  #: the section id, and the file stem
    label: str  #: "Instruction tuning", "2023"
    kind: str  #: "topic" or "year"
    papers: tuple[Paper, ...]


def groups(view: ShelfView) -> dict[str, Group]:
    """Every topic and every year of the shelf, by section id, as the Topics and
    Chronology indexes list them (:mod:`papershelf.site.grouping`)."""
    result = {ident: Group(ident, label, "topic", tuple(papers)) for ident, label, papers in topic_groups(view) if ident != UNTAGGED}
    for label, papers in year_groups(view):
        result[f"year-{label}"] = Group(f"year-{label}", label.replace("undated", "Undated"), "year", tuple(papers))
    return result


def bib_text(papers: tuple[Paper, ...] | list[Paper], entries: dict[str, str]) -> str:
    """The entries of ``papers`` as written in the .bib; papers without one are skipped."""
    texts = [entries[p.key] for p in papers if p.key in entries]
    return "\n\n".join(texts) + "\n" if texts else ""


def bib_file(ident: str) -> str:
    """Path of a section's .bib from the site root."""
    return f"{BIB_DIR}/{ident}.bib"


# -- writing, once per build -----------------------------------------------------


def _stamp(app: Sphinx, view: ShelfView) -> str:
    domain = paper_domain(app.env)
    index = domain.bib_index
    shown = [(p.key, p.docname, p.tags, p.date) for p in (view.papers[k] for k in view.order)]
    return digest(repr((index.stamp if index else None, index.entries if index else None, shown, app.builder.name)))


def raw_entries(app: Sphinx) -> dict[str, str]:
    """Every .bib entry's exact text by key: this build's scan, else read back at the lines the
    last scan found (no parsing), else a fresh scan."""
    domain = paper_domain(app.env)
    if domain._scan is None and domain.bib_index is not None and (texts := domain.bib_index.texts()) is not None:
        return texts
    scan = domain._scan if domain._scan is not None else scan_all(app)
    return {key: entry.raw for key, entry in scan.entries.items()}


def write_exports(outdir: Path, view: ShelfView, entries: dict[str, str], target_uri: Callable[[str], str]) -> int:
    """Write every section's .bib and the selection data; return the number of .bib files."""
    entries = {key: without_generated(text) for key, text in entries.items()}
    folder = outdir / BIB_DIR
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {f"{ident}.bib": bib_text(group.papers, entries) for ident, group in groups(view).items()}
    _replace(folder, "*.bib", wanted)  # a topic or year that is gone is removed
    scripts = {}
    for year, papers in year_groups(view):
        data = {
            "pages": {target_uri(p.docname): p.key for p in papers},
            "entries": {p.key: entries[p.key] for p in papers if p.key in entries},
        }
        # json.dumps escapes nothing HTML cares about inside a script file; "</" cannot end it there.
        scripts[f"{year}.js"] = (f"(window.papershelfBibtex = window.papershelfBibtex || {{}})[{json.dumps(year)}] = "
                                 + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n")
    data_dir = outdir / "_static" / DATA_DIR
    data_dir.mkdir(parents=True, exist_ok=True)
    _replace(data_dir, "*.js", scripts)
    return len(wanted)


def _replace(folder: Path, pattern: str, files: dict[str, str]) -> None:
    """``folder`` holds exactly ``files`` among the names matching ``pattern`` (unchanged ones untouched)."""
    for stale in folder.glob(pattern):
        if stale.name not in files:
            stale.unlink()
    for name, text in files.items():
        write_if_changed(folder / name, text)


def on_shelf_ready(app: Sphinx, view: ShelfView) -> None:
    """Write the .bib files and the selection data (``papershelf-shelf-ready``, events.py)."""
    if app.builder.name not in BUILDERS:
        return
    outdir = Path(app.outdir)
    stamp = _stamp(app, view)
    stamp_path = outdir / BIB_DIR / STAMP
    if stamp_path.is_file() and stamp_path.read_text(encoding="utf-8") == stamp and (outdir / "_static" / DATA_DIR).is_dir():
        return
    count = write_exports(outdir, view, raw_entries(app), app.builder.get_target_uri)
    stamp_path.write_text(stamp, encoding="utf-8")
    logger.info("papershelf: wrote %d .bib files under %s/ and the selection data under _static/%s/", count, BIB_DIR, DATA_DIR)


# -- links from the index pages ------------------------------------------------


def section_links(app: Sphinx, docname: str, group: Group, feed: str | None) -> nodes.paragraph:
    """``BibTeX (N) · Atom feed`` under a section's title."""
    here = app.builder.get_target_uri(docname)
    links = nodes.paragraph(classes=["paper-section-exports"])
    count = len(group.papers)
    text = f"BibTeX ({count} entr{'ies' if count != 1 else 'y'})"
    links += nodes.reference(text, text, refuri=relative_uri(here, bib_file(group.ident)), classes=["paper-bib-download"], reftitle=f"{group.label}: every entry as a .bib file")
    if feed is not None:
        links += nodes.Text(" · ")
        links += nodes.reference("Atom feed", "Atom feed", refuri=relative_uri(here, feed), classes=["paper-feed-link"], reftitle=f"New papers on {group.label} (Atom)")
    return links


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Link each topic and year section of an index page to its .bib (and feed).

    Runs after the indexes are rendered (crossrefs.py fills them at default
    priority) and only on pages holding a topics or chronology index, so a
    paper page pays one dictionary lookup.
    """
    if app.builder.format != "html":
        return
    domain = paper_domain(app.env)
    kinds = domain.index_docs.get(docname)
    view = domain.view
    if not kinds or view is None or not kinds & {"topics", "chronology"}:
        return
    known = groups(view)
    for section in doctree.findall(nodes.section):
        classes = section["classes"]
        if "paper-topic" not in classes and "paper-year" not in classes:
            continue
        group = next((known[ident] for ident in section["ids"] if ident in known), None)
        if group is None:
            continue
        feed = topic_feed(group.ident) if group.kind == "topic" else None
        title = next(iter(section.findall(nodes.title)), None)
        position = section.index(title) + 1 if title is not None else 0
        section.insert(position, section_links(app, docname, group, feed))


def on_html_page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None) -> None:
    """The selection script where the chronology filter is; the styles where links are."""
    if app.builder.format != "html":
        return
    kinds = paper_domain(app.env).index_docs.get(pagename)
    if not kinds or not kinds & {"topics", "chronology"}:
        return
    app.add_css_file(EXPORTS_CSS)
    view = paper_domain(app.env).view
    if "chronology" in kinds and view is not None:
        # After papershelf-filter.js (both deferred, so they run in this order);
        # the data's version keeps a browser from using a stale cached copy.
        app.add_js_file(SELECTION_JS, loading_method="defer", priority=600, **{"data-version": _stamp(app, view)[:12]})
