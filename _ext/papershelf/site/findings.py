"""Per-page findings, stored so that every build reports them again.

Sphinx reads a page only when it changed, so a warning raised while reading
would be seen once: the next (incremental or no-op) strict build would pass
with the problem still there. Each finding is kept in the paper domain by
docname and re-emitted in ``env-updated`` for the pages not read this build.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx import addnodes
from sphinx.util import logging

from papershelf.model.problems import Code
from papershelf.model.records import BibEntry
from papershelf.shelf.load import CITATION_TARGET
from papershelf.shelf.rules import (
    Located,
    link_problems,
    unknown_citation_message,
    unknown_paper_message,
)
from papershelf.shelf.view import digest
from papershelf.site.domain import cite_domain, paper_domain

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.domains import Domain
    from sphinx.environment import BuildEnvironment

    from papershelf.model.problems import Problem
    from papershelf.site.domain import PaperDomain

logger = logging.getLogger(__name__)


def _link_findings(app: Sphinx, env: BuildEnvironment, domain: PaperDomain) -> list[tuple[str, str, str, int]]:
    """One paper link on two papers, a link disagreeing with ``eprint``: the same function as ``check``."""
    root = Path(app.confdir)
    docname_of: dict[str, str] = {}
    located = []
    for docname, paper in sorted(domain.pages.items()):
        path = Path(env.doc2path(docname))
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        docname_of[rel] = docname
        located.append(Located(paper, rel))
    # The eprints the .bib scan recorded: reading 2,000 entries back from the file cost 4.7 s a build.
    eprints = domain.bib_index.eprints if domain.bib_index is not None else {}
    entries = {key: BibEntry(key, 0, "", "", (("eprint", eprint),)) for key, eprint in eprints.items()}
    return [(problem.code.slug, problem.message, docname_of[problem.path], problem.line) for problem in link_problems(located, entries)]


def _link_inputs(domain: PaperDomain) -> str:
    """A digest of what :func:`_link_findings` reads: each paper's paper links, and the eprints."""
    eprints = domain.bib_index.eprints if domain.bib_index is not None else {}
    papers = [(docname, p.key, p.short_name, [(link.url, link.line) for link in p.links_of("paper")]) for docname, p in sorted(domain.pages.items())]
    return digest(repr((papers, sorted(eprints.items()))))


def _reference_findings(env: BuildEnvironment, domain: PaperDomain) -> None:
    """{paper} and {cite} roles naming nothing, as ``check`` reports them.

    Sphinx and sphinxcontrib-bibtex warn only while writing a page, so a
    no-op build would pass; these are said on every build instead, and
    theirs are kept quiet (:func:`on_warn_missing_reference`, ``cite.py``).
    """
    papers = domain.papers
    for docname, mentioned in sorted(domain.mentions.items()):
        if docname not in env.found_docs:
            continue
        for key, line in sorted(mentioned.items(), key=lambda item: (item[1], item[0])):
            if key not in papers:
                _emit(Code.UNKNOWN_PAPER.slug, unknown_paper_message(key), docname, line)
    if cite_domain(env) is None or not domain.checks_every_entry():  # outside a shelf, upstream's own warning stands
        return
    declared = domain.data["bib_declared"]
    for docname, cited in sorted(domain.data["citations"].items()):
        if docname not in env.found_docs:
            continue
        for key, line in sorted(set(cited), key=lambda item: (item[1], item[0])):
            if key not in declared:
                _emit(Code.UNKNOWN_CITATION.slug, unknown_citation_message(key), docname, line)


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Note each {cite} key of the page with its line (sphinxcontrib-bibtex keeps no line for MyST pages)."""
    cited = [
        (match["key"], node.line or 0)
        for node in doctree.findall(addnodes.pending_xref) if node.get("refdomain") == "cite"
        for match in CITATION_TARGET.finditer(node.get("reftarget", ""))
    ]
    domain = paper_domain(app.env)
    if cited:
        domain.data["citations"][app.env.docname] = cited


def on_warn_missing_reference(app: Sphinx, domain: Domain | None, node: nodes.Element) -> bool | None:
    """An unknown {paper} key is reported by :func:`_reference_findings`, on every build."""
    return True if node.get("refdomain") == "paper" else None


def _emit(slug: str, message: str, docname: str, line: int) -> None:
    logger.warning("%s: %s", slug, message, location=(docname, line), type="papershelf", subtype=slug)


def report(env: BuildEnvironment, problem: Problem, docname: str) -> None:
    """Warn now, and remember the finding for the builds that do not read the page."""
    _emit(problem.code.slug, problem.message, docname, problem.line)
    domain = paper_domain(env)
    stored = domain.data["findings"].setdefault(docname, [])
    if (problem.code.slug, problem.message, problem.line) not in stored:  # a page left out is warned about on every build anyway
        stored.append((problem.code.slug, problem.message, problem.line))


def on_env_before_read_docs(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    paper_domain(env).reading = set(docnames)


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    """Re-emit the stored findings of every page this build did not read; report the link findings ``check`` reports."""
    domain = paper_domain(env)
    generation, inputs, found = domain.data["link_findings"]
    if generation != domain.data["generation"]:  # the shelf changed (sync.on_env_updated runs first)
        now = _link_inputs(domain)
        if now != inputs:  # paper links or eprints changed: check them again
            found, inputs = _link_findings(app, env, domain), now
        domain.data["link_findings"] = (domain.data["generation"], inputs, found)
    for slug, message, docname, line in found:
        _emit(slug, message, docname, line)
    _reference_findings(env, domain)
    for docname, items in sorted(domain.data["findings"].items()):
        if docname in domain.reading or docname not in env.found_docs:
            continue
        for slug, message, line in items:
            _emit(slug, message, docname, line)
    domain.reading = set()
