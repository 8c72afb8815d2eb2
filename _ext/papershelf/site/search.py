"""Site search on Pagefind, built by the same ``sphinx-build`` as the pages.

Sphinx's own search loads one ``searchindex.js`` that grows with the shelf
(1.9 MB at 1,284 papers) before it answers anything. Pagefind splits its
index into chunks a query loads on demand. Where Pagefind is installed (the
``pagefind`` package, with its binary from ``pagefind-bin``: both are
papershelf dependencies, so a shelf made by ``papershelf init`` pins them) and
``papershelf_search`` is ``"auto"`` or ``"pagefind"``:

* Sphinx builds no ``searchindex.js``; the ``search`` page, where furo's
  sidebar box sends its query (``search.html?q=...``), shows Pagefind's UI
  (template ``papershelf/search.html``, script ``papershelf-search.js``)
  and runs the query it was sent;
* after the pages are written (``build-finished``), :func:`on_build_finished`
  indexes the output folder with Pagefind's binary (located by its Python
  package, see :func:`build_index`) into ``pagefind/``, so ``make html`` and
  Read the Docs' ``python -m sphinx`` both build it; a build that changed
  no HTML file indexes nothing again.

What Pagefind reads is marked with nodes, never with HTML text
(:mod:`~papershelf.site.translator` writes their attributes through
docutils, escaped):

* ``data-pagefind-body`` on each page's top-level sections
  (:func:`on_doctree_resolved`): the generated pages of split indexes and
  genindex have none, so they are left out, and the generated index tables
  of a page are ``data-pagefind-ignore`` (:func:`index_body`): a paper's
  name leads to its own page, not to a year's list;
* on a paper page, with its header (:func:`search_data`): the result
  title (``data-pagefind-meta="title"``) and its short name
  (``data-pagefind-meta="name"``, which the search page ranks at 10 with
  words of the query's own length favoured, so "LLaVA" finds LLaVA before
  LLaVA-1.5); its short name, aliases and arXiv id at
  ``data-pagefind-weight="10"``, so its page comes first for them;
  filters ``topic``, ``year``, ``venue`` and ``status`` (the facets of the
  search page); its BibTeX block is ``data-pagefind-ignore``, so snippets
  quote the paper's text, not its entry.

With ``papershelf_search = "sphinx"``, or without Pagefind installed, the
site keeps Sphinx's search page and its index.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import subprocess
import time
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util import logging

from papershelf.formats import arxivid
from papershelf.site.nodes import paper_search_data
from papershelf.site.translator import set_attrs

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from papershelf.formats.citation import Reference
    from papershelf.model.records import Paper
    from papershelf.model.settings import ShelfSettings

logger = logging.getLogger(__name__)

CONFIG = "papershelf_search"
MODES = ("auto", "pagefind", "sphinx")
BUNDLE = "pagefind"  #: Pagefind's folder in the HTML output
STAMP = "papershelf-pagefind.stamp"  #: in the doctree dir: the HTML files the index was made from
SEARCH_JS = "papershelf-search.js"
SEARCH_CSS = "papershelf-search.css"
TEMPLATE = "papershelf/search.html"
BUILDERS = frozenset({"html", "dirhtml"})
#: weight of a paper's names and arXiv id (Pagefind's default is 1, an ``<h1>`` 7)
NAME_WEIGHT = "10"


@functools.cache  # a fact of the installation, asked once per page written
def installed() -> bool:
    """Pagefind's Python package and a binary for it (``pagefind-bin``) are importable."""
    return find_spec("pagefind") is not None and (find_spec("pagefind_bin") is not None or find_spec("pagefind_bin_extended") is not None)


def uses_pagefind(app: Sphinx) -> bool:
    """This build's search is Pagefind: an HTML build, ``papershelf_search`` not "sphinx", Pagefind installed."""
    return app.builder.name in BUILDERS and app.config[CONFIG] in ("auto", "pagefind") and installed()


# -- set-up -----------------------------------------------------------------------------


def on_builder_inited(app: Sphinx) -> None:
    """Choose the search: Pagefind turns Sphinx's index off (its page is ours)."""
    mode = app.config[CONFIG]
    if mode not in MODES:
        logger.warning("papershelf_search = %r: expected one of %s; Sphinx's search is kept", mode, ", ".join(map(repr, MODES)),
                       type="papershelf", subtype="bad-value")
        mode = "sphinx"
    if app.builder.name not in BUILDERS or mode == "sphinx":
        return
    if not installed():
        if mode == "pagefind":
            logger.warning("papershelf_search = 'pagefind', but Pagefind is not installed (pip install 'pagefind[bin]'); "
                           "Sphinx's search is kept", type="papershelf", subtype="search")
        return
    app.builder.search = False  # type: ignore[attr-defined]  # no searchindex.js, no Sphinx search page


def on_html_collect_pages(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """The ``search`` page, showing Pagefind's UI."""
    if not uses_pagefind(app):
        return []
    return [("search", {"title": "Search", "body": "", "display_toc": False, "toc": "", "sourcename": "",
                        "papershelf_pagefind": BUNDLE + "/"}, TEMPLATE)]


def on_html_page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None) -> None:
    if templatename == TEMPLATE:
        app.add_css_file(SEARCH_CSS)
        app.add_js_file(SEARCH_JS, loading_method="defer")


# -- what Pagefind reads -----------------------------------------------------------------


def search_data(paper: Paper, reference: Reference | None, settings: ShelfSettings) -> list[nodes.Node]:
    """A paper page's result title, facets and weighted names (hidden in HTML, absent elsewhere)."""
    data = _data_node(hidden="hidden", **{"data-pagefind-ignore": ""})
    data += _span(paper.display_title, **{"data-pagefind-meta": "title"})
    data += _span(paper.short_name, **{"data-pagefind-meta": "name"})  # ranked first (papershelf-search.js)
    facets: list[tuple[str, str]] = [("topic", tag) for tag in dict.fromkeys(paper.tags)]
    facets.append(("year", str(paper.date.year) if paper.date else "undated"))
    if reference is not None and reference.venue:
        facets.append(("venue", reference.venue))
    if settings.reading_status:
        facets.append(("status", paper.status))
    for name, value in facets:
        data += _span(value, **{"data-pagefind-filter": name})
    names = dict.fromkeys([paper.short_name, *paper.aliases, *arxiv_ids(paper, reference)])
    keywords = _data_node(hidden="hidden", **{"data-pagefind-weight": NAME_WEIGHT})
    keywords += nodes.paragraph("", " · ".join(names))
    return [data, keywords]


def _data_node(**attrs: str) -> paper_search_data:
    node = paper_search_data()
    set_attrs(node, attrs)
    return node


def arxiv_ids(paper: Paper, reference: Reference | None) -> list[str]:
    """The paper's arXiv ids, bare and as ``arXiv:<id>``, from its entry and its links."""
    ids = [reference.arxiv] if reference is not None and reference.arxiv else []
    ids += [found for link in paper.links if (found := arxivid.of_link(link.url))]
    return [form for found in dict.fromkeys(ids) for form in (found, f"arXiv:{found}")]


def _span(text: str, **attrs: str) -> nodes.inline:
    return set_attrs(nodes.inline(text, text), attrs)  # type: ignore[return-value]


def ignored(node: nodes.Element) -> nodes.Element:
    """Left out of the search index's text (its filters and meta still count)."""
    return set_attrs(node, {"data-pagefind-ignore": ""})


def index_body(rendered: list[nodes.Node]) -> list[nodes.Node]:
    """A generated index's nodes, in one container the search index leaves out."""
    box = nodes.container(classes=["paper-index-body"])
    box.extend(rendered)
    return [ignored(box)]


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Mark the page's top sections as what Pagefind indexes."""
    if not uses_pagefind(app):
        return
    for child in doctree.children:
        if isinstance(child, nodes.section):
            set_attrs(child, {"data-pagefind-body": ""})


# -- the index ----------------------------------------------------------------------------


def on_build_finished(app: Sphinx, exception: BaseException | None) -> None:
    """Index the written site with Pagefind (skipped when no HTML file changed)."""
    if exception is not None or not uses_pagefind(app):
        return
    outdir = Path(app.outdir)
    stamp, count = html_stamp(outdir)
    stamp_path = Path(app.doctreedir) / STAMP
    if (outdir / BUNDLE / "pagefind-entry.json").is_file() and stamp_path.is_file() and stamp_path.read_text(encoding="utf-8") == stamp:
        return
    start = time.perf_counter()
    try:
        indexed = build_index(outdir)
    except Exception as error:  # the binary failed, or wrote nothing
        logger.warning("papershelf: Pagefind could not index the site: %s", error, type="papershelf", subtype="search")
        return
    stamp_path.write_text(stamp, encoding="utf-8")
    logger.info("papershelf: Pagefind indexed %d of %d pages into %s/ in %.1f s", indexed, count, BUNDLE, time.perf_counter() - start)


def build_index(outdir: Path) -> int:
    """Index ``outdir``'s HTML into ``outdir/pagefind`` (replaced whole); the number of pages indexed.

    Runs Pagefind's binary as its command line, found by the ``pagefind``
    package (``pagefind-bin``'s, or ``PAGEFIND_BINARY_PATH``). Its Python API
    (``PagefindIndex``) stops the binary as soon as it answers that the files
    are written, and under load that answer came before the last file was:
    ``pagefind-ui.js`` was cut at 64 kB. The command line exits when it is done.
    """
    from pagefind.service import get_executable

    executable = get_executable()
    if executable is None:
        raise RuntimeError("no Pagefind binary found (pip install 'pagefind[bin]')")
    fresh, bundle = outdir / f".{BUNDLE}.new", outdir / BUNDLE
    shutil.rmtree(fresh, ignore_errors=True)
    # Sphinx's "¶" heading anchors are not words of the page.
    command = [str(executable), "--site", str(outdir), "--output-path", str(fresh), "--exclude-selectors", "a.headerlink"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not (fresh / "pagefind-entry.json").is_file():
        shutil.rmtree(fresh, ignore_errors=True)
        raise RuntimeError(f"{executable.name} exited with {done.returncode}: {(done.stderr or done.stdout).strip()[-2000:]}")
    shutil.rmtree(bundle, ignore_errors=True)
    fresh.rename(bundle)
    found = re.search(r"Indexed (\d+) page", done.stdout)
    return int(found.group(1)) if found else 0


def _rewritten_always(name: str) -> bool:
    """Pages Sphinx writes on every build, none of which Pagefind indexes (no ``data-pagefind-body``)."""
    return name == "search.html" or name.startswith("genindex") or name.endswith("-modindex.html")


def html_stamp(outdir: Path) -> tuple[str, int]:
    """A digest of every HTML file's name, size and mtime (outside ``pagefind/``; less the pages
    Sphinx rewrites on every build), and their number."""
    entries: list[str] = []

    def walk(folder: str) -> None:
        with os.scandir(folder) as items:
            for item in items:
                if item.is_dir(follow_symlinks=False):
                    if item.name not in (BUNDLE, f".{BUNDLE}.new", "_static", "_sources", "_images", "_downloads"):
                        walk(item.path)
                elif item.name.endswith(".html") and not (folder == top and _rewritten_always(item.name)):
                    info = item.stat()
                    entries.append(f"{item.path}\0{info.st_size}\0{info.st_mtime_ns}")

    top = str(outdir)
    walk(top)
    entries.sort()
    return hashlib.sha256("\n".join(entries).encode()).hexdigest(), len(entries)
