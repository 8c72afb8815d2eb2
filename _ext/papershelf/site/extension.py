"""The Sphinx side of papershelf: what ``setup()`` registers.

Kept apart from the package's ``__init__`` so that the command-line tool
(``python -m papershelf check``) does not import Sphinx.
"""


from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinxcontrib.bibtex.domain import BibtexDomain

from papershelf import __version__
from papershelf.model import settings
from papershelf.site import (
    crossrefs,
    events,
    favicon,
    findings,
    header,
    knownproblems,
    metatags,
    schedule,
    search,
    sync,
    translator,
)
from papershelf.site.cite import ShelfBibliographyDirective, ShelfBibtexDomain
from papershelf.site.directives import PaperIndexDirective, PaperRole, PaperSchemaDirective
from papershelf.site.domain import PaperDomain
from papershelf.site.exports import bibexport, catalog, feeds
from papershelf.site.indexes import navigation, pages
from papershelf.site.nodes import paper_abstract, paper_crossrefs, paper_index, paper_search_data

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"


def _skip(self: Any, node: Any) -> None:  # placeholders never reach a writer
    raise NotImplementedError(f"{node.tagname} left unresolved")


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    app.setup_extension("sphinx_copybutton")
    app.setup_extension("papershelf.site.untrusted")  # content is written by strangers: raw HTML, link schemes, file access
    # Without matplotlib it prints "social cards will not be generated" on import,
    # into every build's output: they are off unless conf.py turns them on.
    with contextlib.redirect_stdout(io.StringIO()):
        app.setup_extension("sphinxext.opengraph")

    app.add_config_value("papershelf_papers_dir", "papers", "env", types=[str], description="Folder (under the source dir) whose pages must all be paper pages.")
    app.add_config_value(
        "papershelf_bib_checks", None, "env", types=[bool, type(None)],
        description="Check every .bib entry as a shelf paper (no-page, bib-no-year, bib-authors). "
        "None: only when the papers folder exists; otherwise only the entries of paper pages are checked.")
    for name, (default, description) in settings.CONFIG.items():
        app.add_config_value(name, default, "env", types=[type(default)], description=description)
    app.connect("builder-inited", _check_settings)
    app.add_config_value("papershelf_split_above", pages.DEFAULT_SPLIT_ABOVE, "html", types=[int], description="Split Topics, Papers, Models and Code into one page per group (topic, letter, year) when the shelf holds more papers than this (0: always), and References when the .bib holds more entries. The chronology is always split by year.")
    app.add_domain(PaperDomain)
    # sphinxcontrib-bibtex only where the project gives it .bib files (see _setup_citations).
    app.connect("config-inited", _setup_citations)
    app.add_role("paper", PaperRole())
    app.add_directive("paper-index", PaperIndexDirective)
    app.add_directive("paper-schema", PaperSchemaDirective)
    for node in (paper_crossrefs, paper_index):
        app.add_node(node, html=(_skip, None), latex=(_skip, None), text=(_skip, None))
    other = (translator.visit_abstract_other, translator.depart_abstract_other)
    app.add_node(paper_abstract, html=(translator.visit_abstract_html, translator.depart_abstract_html), latex=other, text=other, man=other, texinfo=other)
    hidden = (translator.skip, None)
    app.add_node(paper_search_data, html=(translator.visit_search_data_html, translator.depart_search_data_html), latex=hidden, text=hidden, man=hidden, texinfo=hidden)

    # Site search on Pagefind where it is installed (search.py), else Sphinx's.
    app.add_config_value(search.CONFIG, "auto", "html", types=[str], description="Site search: 'pagefind' (index built after the pages), 'sphinx' (Sphinx's searchindex.js), or 'auto' (Pagefind when installed).")
    app.connect("config-inited", _add_templates)
    app.connect("builder-inited", search.on_builder_inited)
    app.connect("html-collect-pages", search.on_html_collect_pages)
    app.connect("html-page-context", search.on_html_page_context)
    app.connect("doctree-resolved", search.on_doctree_resolved)
    app.connect("build-finished", search.on_build_finished, priority=900)  # after every other output is written

    # Before the title and metadata collectors (priority 500) see the page.
    app.connect("source-read", header.on_source_read)
    app.connect("doctree-read", header.on_doctree_read, priority=400)
    app.connect("env-before-read-docs", header.on_env_before_read_docs)
    app.connect("env-before-read-docs", schedule.on_env_before_read_docs, priority=400)
    app.connect("env-before-read-docs", sync.on_env_before_read_docs)
    app.connect("build-finished", schedule.on_build_finished)
    # Before sphinxcontrib-bibtex parses the .bib (its handler has priority 500).
    app.connect("builder-inited", sync.on_builder_inited, priority=400)
    app.connect("builder-inited", sync.on_builder_inited_done, priority=600)
    app.connect("env-get-outdated", sync.on_env_get_outdated)
    app.connect("env-updated", sync.on_env_updated)
    # Every build reports the stored findings of pages it does not read again.
    app.connect("env-before-read-docs", findings.on_env_before_read_docs)
    app.connect("env-updated", findings.on_env_updated, priority=600)  # after sync: the generation is known
    app.connect("warn-missing-reference", findings.on_warn_missing_reference)
    app.connect("doctree-read", findings.on_doctree_read)
    app.connect("doctree-resolved", crossrefs.on_doctree_resolved)
    app.connect("html-page-context", crossrefs.on_html_page_context)

    app.connect("builder-inited", translator.on_builder_inited)
    # Index styles and the chronology's filter script, only on pages holding them.
    app.connect("html-page-context", pages.add_index_assets)
    # Index pages with nothing to show leave the navigation (before the group pages are written).
    app.connect("env-check-consistency", navigation.on_env_check_consistency)
    app.connect("html-collect-pages", navigation.on_html_collect_pages, priority=400)
    app.connect("doctree-resolved", navigation.on_doctree_resolved)
    # One page per group of a split index, written only when it changed.
    app.connect("html-collect-pages", pages.on_html_collect_pages)
    app.connect("doctree-read", pages.on_doctree_read)
    app.connect("env-get-outdated", pages.on_env_get_outdated)
    app.connect("builder-inited", knownproblems.on_builder_inited, priority=100)  # before any warning of the shelf
    app.connect("html-page-context", pages.on_html_page_context)
    # Outputs made from the shelf view, once per successful build: papers.json;
    # .bib per topic and year and the selection's BibTeX data; Atom feeds.
    app.add_event(events.SHELF_READY)
    app.connect("build-finished", events.on_build_finished)
    app.connect(events.SHELF_READY, catalog.on_shelf_ready)
    app.connect(events.SHELF_READY, bibexport.on_shelf_ready)
    app.connect(events.SHELF_READY, feeds.on_shelf_ready)
    # After crossrefs.py has rendered the indexes (default priority).
    app.connect("doctree-resolved", bibexport.on_doctree_resolved, priority=600)
    app.connect("html-page-context", bibexport.on_html_page_context)
    app.connect("html-page-context", feeds.on_html_page_context)
    # Before sphinxext-opengraph (priority 500) reads the page's og:* fields.
    app.connect("html-page-context", metatags.on_html_page_context, priority=400)
    app.connect("config-inited", metatags.on_config_inited)
    app.connect("builder-inited", _add_static)
    # A shelf answers /favicon.ico (browsers ask for it before reading a page).
    app.connect("config-inited", favicon.on_config_inited)
    app.connect("build-finished", favicon.on_build_finished)
    return {
        "version": __version__,
        "env_version": PaperDomain.data_version,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def _setup_citations(app: Sphinx, config: Config) -> None:
    """Load sphinxcontrib-bibtex, with papershelf's ``cite`` domain, when the project has .bib files.

    Config values are read lazily, so the extension can still be set up here;
    a project without ``bibtex_bibfiles`` keeps whatever ``cite`` domain it has
    (sphinxcontrib-natbib's, say), and paper pages then show no citation.
    """
    if not _configured(config, "bibtex_bibfiles") and "sphinxcontrib.bibtex" not in app.extensions:
        return
    registered = app.registry.domains.get("cite")
    if registered is not None and not issubclass(registered, BibtexDomain):
        raise ExtensionError(
            f"papershelf: bibtex_bibfiles is set, so papershelf needs sphinxcontrib-bibtex's 'cite' domain, but "
            f"{registered.__module__}.{registered.__qualname__} already registers a 'cite' domain; remove that "
            "extension, or remove bibtex_bibfiles to keep it (papershelf then shows no citations)")
    app.setup_extension("sphinxcontrib.bibtex")
    app.add_domain(ShelfBibtexDomain, override=True)
    app.add_directive("bibliography", ShelfBibliographyDirective, override=True)


def _check_settings(app: Sphinx) -> None:
    problems = settings.of_config(app.config).problems
    if not problems:
        return  # conf.py is read for line numbers only when there is something to locate
    conf = Path(app.confdir) / "conf.py"
    lines = conf.read_text(encoding="utf-8").splitlines() if conf.is_file() else []
    for problem in problems:
        name = problem.split(":", 1)[0]
        line = next((number for number, text in enumerate(lines, 1) if text.startswith(name)), 1)
        logger.warning("%s; it is left out", problem, location=f"{conf}:{line}", type="papershelf", subtype="bad-value")


def _configured(config: Config, name: str) -> bool:
    """Whether conf.py or ``-D`` sets ``name``, before its extension registers it."""
    if name in config:
        return bool(config[name])
    return bool(config._raw_config.get(name) or config._overrides.get(name))


def _add_templates(app: Sphinx, config: Config) -> None:
    """papershelf's templates (``papershelf/search.html``), namespaced, after the project's own."""
    if str(TEMPLATES) not in config.templates_path:
        # a new list: the default one is shared by every app of a process (Sphinx compares them between builds)
        config.templates_path = [*config.templates_path, str(TEMPLATES)]


def _add_static(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC))
    app.add_css_file("papershelf.css")
