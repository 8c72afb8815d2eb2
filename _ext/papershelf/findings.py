"""Per-page findings, stored so that every build reports them again.

Sphinx reads a page only when it changed, so a warning raised while reading
would be seen once: the next (incremental or no-op) strict build would pass
with the problem still there. Each finding is kept in the paper domain by
docname and re-emitted in ``env-updated`` for the pages not read this build.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from sphinx.util import logging

from .check import Located, link_problems
from .records import BibEntry

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .domain import PaperDomain
    from .problems import Problem

logger = logging.getLogger(__name__)


def _link_findings(app: Sphinx, env: BuildEnvironment, domain: PaperDomain) -> None:
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
    for problem in link_problems(located, entries):
        _emit(problem.code.slug, problem.message, docname_of[problem.path], problem.line)


def _emit(slug: str, message: str, docname: str, line: int) -> None:
    logger.warning("%s: %s", slug, message, location=(docname, line), type="papershelf", subtype=slug)


def report(env: BuildEnvironment, problem: Problem, docname: str) -> None:
    """Warn now, and remember the finding for the builds that do not read the page."""
    _emit(problem.code.slug, problem.message, docname, problem.line)
    domain = cast("PaperDomain", env.get_domain("paper"))
    stored = domain.data["findings"].setdefault(docname, [])
    if (problem.code.slug, problem.message, problem.line) not in stored:  # a page left out is warned about on every build anyway
        stored.append((problem.code.slug, problem.message, problem.line))


def on_env_before_read_docs(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    cast("PaperDomain", env.get_domain("paper")).reading = set(docnames)


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    """Re-emit the stored findings of every page this build did not read; report the link findings ``check`` reports."""
    domain = cast("PaperDomain", env.get_domain("paper"))
    _link_findings(app, env, domain)
    for docname, items in sorted(domain.data["findings"].items()):
        if docname in domain.reading or docname not in env.found_docs:
            continue
        for slug, message, line in items:
            _emit(slug, message, docname, line)
    domain.reading = set()
