"""Index pages with nothing to show stay out of the reader's navigation.

A shelf made from an awesome list has no released models and no read
status: its Models and Reading queue pages would sit in furo's sidebar and
in the previous/next links, each holding one line saying it is empty. An
index page is *empty* when every ``{paper-index}`` on it shows no row on this
shelf (:meth:`~papershelf.site.indexes.base.IndexKind.shows_rows`); the
root document never is, and a shelf without papers yet keeps every page.

The page is still built (links to it keep working); only the toctree
entries naming it are dropped, in memory, once per build:

* at ``env-check-consistency`` (after Sphinx saved the environment, before
  it computes previous/next links and forks its writers), from the root
  document's cached doctree (the one every page's navigation is built from)
  and from ``env.toctree_includes``;
* again at ``html-collect-pages`` (a build that read nothing skips the
  consistency check, and the generated index pages are written after it);
* in a page's own visible toctree (``doctree-resolved``, only on pages
  holding one).

Nothing pruned is saved: the next build starts from the stored toctrees and
decides again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx import addnodes

from papershelf.model.settings import of_config
from papershelf.site.domain import paper_domain
from papershelf.site.indexes.kinds import KINDS

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def empty_pages(app: Sphinx) -> set[str]:
    """Index pages (other than the root) whose indexes all show nothing on this shelf."""
    domain = paper_domain(app.env)
    view = domain.view
    if view is None or not view.papers:
        return set()  # a new, empty shelf shows every page it will fill
    settings = of_config(app.config)
    return {
        docname for docname, kinds in domain.index_docs.items()
        if kinds and docname != app.config.root_doc and not any(KINDS[kind].shows_rows(view, settings) for kind in kinds if kind in KINDS)
    }


def prune(app: Sphinx) -> None:
    """Drop the empty index pages from the root toctrees and the toctree relations (in memory)."""
    if app.builder.format != "html":
        return
    empty = empty_pages(app)
    if not empty:
        return
    env = app.env
    root = app.config.root_doc
    if root not in env.all_docs:
        return
    _drop(env.master_doctree, empty)
    for parent, children in env.toctree_includes.items():
        if any(child in empty for child in children):
            env.toctree_includes[parent] = [child for child in children if child not in empty]


def on_env_check_consistency(app: Sphinx, env: BuildEnvironment) -> None:
    prune(app)


def on_html_collect_pages(app: Sphinx) -> list[tuple[str, dict[str, object], str]]:
    prune(app)
    return []


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """A page's own toctree leaves the empty index pages out too."""
    if app.builder.format != "html" or not any(True for _ in doctree.findall(addnodes.toctree)):
        return
    empty = empty_pages(app)
    if empty:
        _drop(doctree, empty)


def _drop(doctree: nodes.Node, empty: set[str]) -> None:
    for toctree in doctree.findall(addnodes.toctree):
        toctree["entries"] = [(title, ref) for title, ref in toctree["entries"] if ref not in empty]
        toctree["includefiles"] = [name for name in toctree["includefiles"] if name not in empty]
