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

Pagefind reads the whole site every time (2 s at 1,000 papers, 20 s at
5,000), so an edit would cost that much on top of its rebuild. When an index
is already there, a build leaves that work to a detached process
(:func:`start_background`, this module run as ``python -m``) and returns:
the old index answers until the new one, made in ``.pagefind.new/``, is
swapped in. A lock in the doctree folder keeps two refreshes from running
at once (a later one waits, then indexes what is still stale); a refresh
that fails leaves its message for the next build, which reports it as a
warning and indexes before it finishes. Builds that publish wait for the
index: a clean build (no index yet), Read the Docs (``READTHEDOCS``), CI
(``CI``); the environment variable ``PAPERSHELF_PAGEFIND`` set to ``wait``
or ``background`` forces either way (:func:`must_wait`).

What Pagefind reads is marked with nodes, never with HTML text
(:mod:`~papershelf.site.translator` writes their attributes through
docutils, escaped):

* ``data-pagefind-body`` on each page's top-level sections
  (:func:`on_doctree_resolved`): the generated pages of split indexes and
  genindex have none, so they are left out, and the generated index tables
  of a page are ``data-pagefind-ignore`` (:func:`index_body`): a paper's
  name leads to its own page, not to a year's list;
* on a paper page, with its header (:func:`search_data`), metadata
  (searched since Pagefind 1.5; weights in ``papershelf-search.js``): the
  result title (``title``), its short name (``name``, at 10), its short
  name, aliases and arXiv ids (``keys``), its authors (``authors``), its
  models and architecture (``facts``); filters ``topic``, ``year``,
  ``venue`` and ``status`` (the facets of the search page);
* the words a result's snippet is cut from are the paper's own: its
  abstract, its formatted reference, its notes. The page's heading
  and the header's parts that repeat the metadata (name and status,
  authors, venue, metrics, links, relations, models, architecture) are
  left out: the heading is ``data-pagefind-ignore``
  (:func:`on_doctree_resolved`), the parts by Pagefind's
  ``--exclude-selectors`` (:data:`EXCLUDED`); the BibTeX block is
  ``data-pagefind-ignore``;
* last in the text, hidden, the line of ``keys`` at weight 10: in the
  text, not only in metadata, because Pagefind ranks a whole word of the
  query's length above a longer one there ("LLaVA" finds LLaVA before
  LLaVA-1.5, whose metadata holds "llava" twice). Pagefind cuts a snippet
  where the query's words weigh most, so for a name it would cut that
  line: ``papershelf-search.js`` cuts it again from the text before it.

With ``papershelf_search = "sphinx"``, or without Pagefind installed, the
site keeps Sphinx's search page and its index.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import os
import re
import shutil
import subprocess
import sys
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
    from collections.abc import Iterator

    from sphinx.application import Sphinx

    from papershelf.formats.citation import Reference
    from papershelf.model.records import Paper
    from papershelf.model.settings import ShelfSettings

logger = logging.getLogger(__name__)

CONFIG = "papershelf_search"
MODES = ("auto", "pagefind", "sphinx")
BUNDLE = "pagefind"  #: Pagefind's folder in the HTML output
STAMP = "papershelf-pagefind.stamp"  #: in the doctree dir: the HTML files the index was made from
LOCK = "papershelf-pagefind.lock"  #: in the doctree dir: held by the one refresh running
FAILED = "papershelf-pagefind.failed"  #: in the doctree dir: why the last background refresh failed
REFRESH_LOG = "papershelf-pagefind.log"  #: in the doctree dir: what background refreshes said
#: "wait" or "background": how a build refreshes an index that exists (default: see must_wait)
REFRESH_ENV = "PAPERSHELF_PAGEFIND"
#: environment variables of hosts that publish what the build leaves: they must wait for the index
PUBLISHING_ENV = ("READTHEDOCS", "CI")
SEARCH_JS = "papershelf-search.js"
SEARCH_CSS = "papershelf-search.css"
TEMPLATE = "papershelf/search.html"
BUILDERS = frozenset({"html", "dirhtml"})
#: weight of a paper's names and arXiv id in its text (Pagefind's default is 1, an ``<h1>`` 7)
NAME_WEIGHT = "10"
NAMES_CLASS = "paper-search-names"
#: a paper page's header lines that repeat its metadata (header.py, metrics.py, crossrefs.py): left
#: out of the text snippets are cut from. Sphinx's "¶" heading anchors are not words of the page.
EXCLUDED = ("a.headerlink", ".paper-summary", ".paper-authors", ".paper-venue", ".paper-metrics", ".paper-links", ".paper-crossrefs",
            ".paper-models", ".paper-architecture", ".paper-header .rubric", ".paper-abstract > summary")


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
    """A paper page's result title, metadata, facets and weighted names (hidden in HTML, absent elsewhere)."""
    names = " · ".join(dict.fromkeys([paper.short_name, *paper.aliases, *arxiv_ids(paper, reference)]))
    data = _data_node(hidden="hidden", **{"data-pagefind-ignore": ""})
    data += _span(paper.display_title, **{"data-pagefind-meta": "title"})
    data += _span(paper.short_name, **{"data-pagefind-meta": "name"})  # ranked first (papershelf-search.js)
    data += _span(names, **{"data-pagefind-meta": "keys"})  # papershelf-search.js keeps snippets off the line below
    if reference is not None and reference.authors:
        data += _span(reference.authors, **{"data-pagefind-meta": "authors"})
    # Its models and architecture are found (Vicuna finds LLaVA), but a table is no snippet.
    facts = [model.name for model in paper.models] + [value for _, value in paper.architecture]
    if facts:
        data += _span(" · ".join(facts), **{"data-pagefind-meta": "facts"})
    facets: list[tuple[str, str]] = [("topic", tag) for tag in dict.fromkeys(paper.tags)]
    facets.append(("year", str(paper.date.year) if paper.date else "undated"))
    if reference is not None and reference.venue:
        facets.append(("venue", reference.venue))
    if settings.reading_status:
        facets.append(("status", paper.status))
    for name, value in facets:
        data += _span(value, **{"data-pagefind-filter": name})
    # In the text, weighted: Pagefind ranks a whole word of the query's length above a longer
    # one there ("LLaVA" before "LLaVA-1.5"), not in metadata. Moved last (on_doctree_resolved).
    keywords = _data_node(hidden="hidden", **{"data-pagefind-weight": NAME_WEIGHT})
    keywords["classes"].append(NAMES_CLASS)
    keywords += nodes.paragraph("", names)
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
    """Mark the page's top sections as what Pagefind indexes; on a paper page, the paper's own text first."""
    if not uses_pagefind(app):
        return
    for child in doctree.children:
        if not isinstance(child, nodes.section):
            continue
        set_attrs(child, {"data-pagefind-body": ""})
        header = next((node for node in child.children if isinstance(node, nodes.container) and "paper-header" in node["classes"]), None)
        if header is None:
            continue
        # The title is metadata (search_data): in the text it would open every snippet. The
        # header's lines that repeat metadata are left out by build_index's selectors (the
        # relations are rendered later, by crossrefs.py, on a node of their own).
        if child.children and isinstance(child[0], nodes.title):
            ignored(child[0])
        # The weighted names go last, after the paper's own text, where the search page's
        # script knows them (meta "keys") and cuts no snippet from them.
        for names in [node for node in header.findall(paper_search_data) if NAMES_CLASS in node["classes"]]:
            names.parent.remove(names)
            child += names


# -- the index ----------------------------------------------------------------------------


def on_build_finished(app: Sphinx, exception: BaseException | None) -> None:
    """Index the written site with Pagefind (skipped when no HTML file changed), or start that in the background."""
    if exception is not None or not uses_pagefind(app):
        return
    outdir, state = Path(app.outdir), Path(app.doctreedir)
    failure = take_failure(state)
    if failure is not None:
        logger.warning("papershelf: the background Pagefind refresh after an earlier build failed: %s (its log: %s); "
                       "this build indexes the site before it finishes", failure, state / REFRESH_LOG, type="papershelf", subtype="search")
    if is_fresh(outdir, state, html_stamp(outdir)[0]):
        return
    reason = "the last background refresh failed" if failure is not None else must_wait(outdir)
    if reason is None:
        pid = start_background(outdir, state)
        logger.info("papershelf: the Pagefind index is being refreshed in the background (process %d, log in %s); "
                    "search answers from the previous index until then", pid, state / REFRESH_LOG)
        return
    start = time.perf_counter()
    try:
        done = refresh(outdir, state)
    except Exception as error:  # the binary failed, or wrote nothing
        logger.warning("papershelf: Pagefind could not index the site: %s", error, type="papershelf", subtype="search")
        return
    if done is not None:
        logger.info("papershelf: Pagefind indexed %d of %d pages into %s/ in %.1f s (%s)", *done, BUNDLE, time.perf_counter() - start, reason)


def is_fresh(outdir: Path, state: Path, stamp: str) -> bool:
    """The index exists and was made from the HTML files as ``stamp`` describes them."""
    stamp_path = state / STAMP
    return (outdir / BUNDLE / "pagefind-entry.json").is_file() and stamp_path.is_file() and stamp_path.read_text(encoding="utf-8") == stamp


def must_wait(outdir: Path) -> str | None:
    """Why this build must index before it finishes, or None: a background refresh will do.

    ``PAPERSHELF_PAGEFIND`` (``wait`` or ``background``) decides when set.
    Otherwise the build waits when there is no index yet (a clean build: the
    site would have no search at all), on Read the Docs and in CI (what they
    publish is the folder as the build leaves it), and where there are no
    file locks to keep two refreshes apart.
    """
    forced = os.environ.get(REFRESH_ENV, "").strip().lower()
    if forced not in ("", "wait", "background"):
        logger.warning("papershelf: %s=%r: expected 'wait' or 'background' (or unset); the default applies", REFRESH_ENV, forced,
                       type="papershelf", subtype="bad-value")
        forced = ""
    if forced == "wait":
        return f"{REFRESH_ENV}=wait"
    if _flock() is None:
        return "no file locks on this system"
    if forced == "background":
        return None
    if not (outdir / BUNDLE / "pagefind-entry.json").is_file():
        return "no index yet"
    for name in PUBLISHING_ENV:
        if os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no"):
            return f"{name} is set"
    return None


def _flock() -> Any:
    try:
        import fcntl
    except ImportError:  # Windows
        return None
    return fcntl


@contextlib.contextmanager
def _locked(state: Path, held: int | None = None) -> Iterator[None]:
    """Hold the refresh lock: ``held``, a descriptor already locked (passed by the build), or wait for it."""
    fcntl = _flock()
    if held is not None:
        try:
            yield
        finally:
            os.close(held)
        return
    if fcntl is None:
        yield
        return
    state.mkdir(parents=True, exist_ok=True)
    with open(state / LOCK, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def refresh(outdir: Path, state: Path, held: int | None = None) -> tuple[int, int] | None:
    """Under the lock, index the site unless it is fresh by then: (pages indexed, HTML pages), or None."""
    with _locked(state, held):
        stamp, count = html_stamp(outdir)
        if is_fresh(outdir, state, stamp):
            return None  # a refresh that ran meanwhile made it
        indexed = build_index(outdir)
        # The stamp read before indexing: a page written meanwhile makes the next build refresh again.
        (state / STAMP).write_text(stamp, encoding="utf-8")
        return indexed, count


def start_background(outdir: Path, state: Path) -> int:
    """Start a detached ``refresh`` of ``outdir``; its process id.

    The lock is taken here when it is free and handed to the child, so that
    whoever waits for the index (:func:`wait_until_fresh`) cannot slip in
    before the child starts; when a refresh is running, the child waits for it.
    """
    fcntl = _flock()
    state.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", __name__, str(outdir), str(state)]
    with open(state / LOCK, "a") as lock, open(state / REFRESH_LOG, "a", encoding="utf-8") as log:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            passed: tuple[int, ...] = (lock.fileno(),)
            command += ["--locked", str(lock.fileno())]
        except BlockingIOError:
            passed = ()
        child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=_child_env(),
                                 start_new_session=True, pass_fds=passed)
    return child.pid


def _child_env() -> dict[str, str]:
    """The child imports this very papershelf, installed or not."""
    env = dict(os.environ)
    parent = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(path for path in (parent, env.get("PYTHONPATH", "")) if path)
    return env


def take_failure(state: Path) -> str | None:
    """Why the last background refresh failed (read once), or None."""
    path = state / FAILED
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    path.unlink(missing_ok=True)
    return text or "no message"


def wait_until_fresh(outdir: Path, state: Path, timeout: float = 120.0) -> None:
    """Return once the index is fresh for the HTML as it is now; raise RuntimeError if a refresh failed."""
    fcntl = _flock()
    deadline = time.monotonic() + timeout
    while True:
        if (state / FAILED).is_file():
            raise RuntimeError(f"the background Pagefind refresh failed: {(state / FAILED).read_text(encoding='utf-8').strip()}")
        with open(state / LOCK, "a") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                pass  # a refresh is running
            else:
                if is_fresh(outdir, state, html_stamp(outdir)[0]):
                    return
        if time.monotonic() > deadline:
            raise TimeoutError(f"the Pagefind index of {outdir} was not refreshed within {timeout:.0f} s")
        time.sleep(0.05)


def build_index(outdir: Path) -> int:
    """Index ``outdir``'s HTML into ``outdir/pagefind`` (replaced whole); the number of pages indexed.

    Runs Pagefind's binary as its command line, found by the ``pagefind``
    package (``pagefind-bin``'s, or ``PAGEFIND_BINARY_PATH``). Its Python API
    (``PagefindIndex``) stops the binary as soon as it answers that the files
    are written, and under load that answer came before the last file was:
    ``pagefind-ui.js`` was cut at 64 kB. The command line exits when it is done.
    The new index is written beside the old one and swapped in by two renames,
    so a reader searching meanwhile has the old one until the last moment.
    """
    from pagefind.service import get_executable

    executable = get_executable()
    if executable is None:
        raise RuntimeError("no Pagefind binary found (pip install 'pagefind[bin]')")
    fresh, bundle, old = outdir / f".{BUNDLE}.new", outdir / BUNDLE, outdir / f".{BUNDLE}.old"
    shutil.rmtree(fresh, ignore_errors=True)
    command = [str(executable), "--site", str(outdir), "--output-path", str(fresh)]
    command += [arg for selector in EXCLUDED for arg in ("--exclude-selectors", selector)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not (fresh / "pagefind-entry.json").is_file():
        shutil.rmtree(fresh, ignore_errors=True)
        raise RuntimeError(f"{executable.name} exited with {done.returncode}: {(done.stderr or done.stdout).strip()[-2000:]}")
    shutil.rmtree(old, ignore_errors=True)
    if bundle.exists():
        bundle.rename(old)
    fresh.rename(bundle)
    shutil.rmtree(old, ignore_errors=True)
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
                    if item.name not in (BUNDLE, f".{BUNDLE}.new", f".{BUNDLE}.old", "_static", "_sources", "_images", "_downloads"):
                        walk(item.path)
                elif item.name.endswith(".html") and not (folder == top and _rewritten_always(item.name)):
                    info = item.stat()
                    entries.append(f"{item.path}\0{info.st_size}\0{info.st_mtime_ns}")

    top = str(outdir)
    walk(top)
    entries.sort()
    return hashlib.sha256("\n".join(entries).encode()).hexdigest(), len(entries)


def main(argv: list[str] | None = None) -> int:
    """A background refresh (:func:`start_background`): index the site, or leave why it failed."""
    parser = argparse.ArgumentParser(prog="python -m papershelf.site.search", description="Refresh a built site's Pagefind index.")
    parser.add_argument("outdir", type=Path, help="the HTML output folder")
    parser.add_argument("state", type=Path, help="the doctree folder (lock, stamp, failure)")
    parser.add_argument("--locked", type=int, help="a descriptor of the lock file, already locked by the build")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} refreshing the Pagefind index of {args.outdir}", flush=True)
    try:
        done = refresh(args.outdir, args.state, args.locked)
    except Exception as error:
        with contextlib.suppress(OSError):  # the build folder went away meanwhile
            (args.state / FAILED).write_text(f"{error}\n", encoding="utf-8")
        print(f"failed: {error}", flush=True)
        return 1
    if done is None:
        print("already fresh (a refresh that ran meanwhile made it)", flush=True)
    else:
        print(f"indexed {done[0]} of {done[1]} pages in {time.perf_counter() - start:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
