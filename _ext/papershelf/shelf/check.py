"""Every finding on a shelf: what ``papershelf check`` prints and ``import`` records as known.

Each file is read and parsed once (front matter with libyaml when available);
the findings are the ones a Sphinx build reports, plus the cross-paper checks
a build cannot afford per page: one paper link on two papers, a paper link's
arXiv id that disagrees with the BibTeX ``eprint``, BibTeX entries without a
page. It sits below the commands so that ``check`` and ``import`` both run it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from papershelf.model.problems import Code, Problem
from papershelf.shelf.rules import (
    Located,
    link_problems,
    unknown_citation_message,
    unknown_paper_message,
)
from papershelf.shelf.view import build_view

if TYPE_CHECKING:
    from papershelf.shelf.load import Shelf


def check_shelf(shelf: Shelf) -> list[Problem]:
    """Every finding on the shelf, sorted by file and line."""
    keys = {page.paper.key for page in shelf.pages}
    # outside a shelf, an entry without a page is the project's own business (sync.checks_every_entry)
    problems = [p for p in shelf.problems if shelf.every_entry or not p.key or p.key in keys]
    located = [Located(page.paper, page.rel) for page in shelf.pages]
    problems.extend(link_problems(located, shelf.entries))
    bib_rel = shelf.paths.rel(shelf.paths.bibfile)
    for page in shelf.pages:
        if page.paper.key not in shelf.declared:
            problems.append(Problem(Code.NO_BIB_ENTRY, f"key {page.paper.key!r} has no entry in {bib_rel}; add its BibTeX entry there", page.paper.line, page.rel))
    for key, (rel, line) in shelf.declared.items() if shelf.every_entry else ():
        if key not in keys and key in shelf.entries:  # a broken entry is reported once, as broken
            problems.append(Problem(Code.NO_PAGE, f"BibTeX entry {key!r} has no paper page; add one (papershelf add --bibtex) or remove the entry", line, rel))
    problems.extend(reference_problems(shelf))
    view = build_view({page.docname: page.paper for page in shelf.pages}, {}, {})
    rel_of = {page.docname: page.rel for page in shelf.pages}
    problems.extend(replace(f, path=rel_of.get(f.docname, f.docname)) for f in view.findings)
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.code.slug, p.message))


def reference_problems(shelf: Shelf) -> list[Problem]:
    """{paper} roles naming no paper page; {cite} roles naming no .bib entry (one that does not parse has its bib-syntax)."""
    problems: list[Problem] = []
    papers = shelf.by_key
    mentioned: set[tuple[str, str]] = set()
    for path, role, key, line in shelf.references:
        if role == "paper":
            if (path, key) in mentioned:  # the build keeps the first line of a key on a page
                continue
            mentioned.add((path, key))
            if key not in papers:
                problems.append(Problem(Code.UNKNOWN_PAPER, unknown_paper_message(key), line, path))
        elif key not in shelf.declared and shelf.every_entry:  # outside a shelf, sphinxcontrib-bibtex's own warning stands
            problems.append(Problem(Code.UNKNOWN_CITATION, unknown_citation_message(key), line, path))
    return problems
