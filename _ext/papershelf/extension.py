"""The Sphinx side of papershelf: what ``setup()`` registers.

Kept apart from the package's ``__init__`` so that the command-line tool
(``python -m papershelf check``) does not import Sphinx.
"""


from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import catalog, crossrefs, header, indexes, pages, sync, translator
from .cite import ShelfBibtexDomain
from .directives import PaperIndexDirective, PaperRole, PaperSchemaDirective
from .domain import PaperDomain
from .nodes import paper_crossrefs, paper_index

if TYPE_CHECKING:
    from sphinx.application import Sphinx

from . import __version__

STATIC = Path(__file__).parent / "static"


def _skip(self: Any, node: Any) -> None:  # placeholders never reach a writer
    raise NotImplementedError(f"{node.tagname} left unresolved")


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    app.setup_extension("sphinxcontrib.bibtex")
    app.setup_extension("sphinx_copybutton")

    app.add_config_value("papershelf_papers_dir", "papers", "env", types=[str], description="Folder (under the source dir) whose pages must all be paper pages.")
    app.add_config_value("papershelf_split_above", pages.DEFAULT_SPLIT_ABOVE, "html", types=[int], description="Split Topics, Papers, Models and Code into one page per group (topic, letter, year) when the shelf holds more papers than this (0: always). The chronology is always split by year.")
    app.add_domain(PaperDomain)
    app.add_domain(ShelfBibtexDomain, override=True)
    app.add_role("paper", PaperRole())
    app.add_directive("paper-index", PaperIndexDirective)
    app.add_directive("paper-schema", PaperSchemaDirective)
    for node in (paper_crossrefs, paper_index):
        app.add_node(node, html=(_skip, None), latex=(_skip, None), text=(_skip, None))

    # Before the title and metadata collectors (priority 500) see the page.
    app.connect("source-read", header.on_source_read)
    app.connect("doctree-read", header.on_doctree_read, priority=400)
    app.connect("env-before-read-docs", header.on_env_before_read_docs)
    app.connect("env-before-read-docs", sync.on_env_before_read_docs)
    # Before sphinxcontrib-bibtex parses the .bib (its handler has priority 500).
    app.connect("builder-inited", sync.on_builder_inited, priority=400)
    app.connect("builder-inited", sync.on_builder_inited_done, priority=600)
    app.connect("env-get-outdated", sync.on_env_get_outdated)
    app.connect("env-updated", sync.on_env_updated)
    app.connect("doctree-resolved", crossrefs.on_doctree_resolved)
    app.connect("html-page-context", crossrefs.on_html_page_context)

    app.connect("builder-inited", translator.on_builder_inited)
    # Index styles and the chronology's filter script, only on pages holding them.
    app.connect("html-page-context", indexes.on_html_page_context)
    # One page per group of a split index, written only when it changed.
    app.connect("html-collect-pages", pages.on_html_collect_pages)
    # papers.json, once per successful HTML build.
    app.connect("build-finished", catalog.on_build_finished)
    app.connect("builder-inited", _add_static)
    return {
        "version": __version__,
        "env_version": PaperDomain.data_version,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def _add_static(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC))
    app.add_css_file("papershelf.css")
