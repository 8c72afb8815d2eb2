"""``papershelf check``: lint the whole shelf without running Sphinx.

Each file is read and parsed once (front matter with libyaml when available);
the findings are the ones a Sphinx build reports, plus the cross-paper checks
a build cannot afford per page: one paper link on two papers, a paper link's
arXiv id that disagrees with the BibTeX ``eprint``, BibTeX entries without a
page. The loaded shelf (:class:`Shelf`) also serves ``add``, ``import`` and
``export``, which must know what is already there.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import arxivid, frontmatter
from .bibfile import BibScan, eprint_id, scan_text
from .problems import Code, Problem
from .schema import is_paper_page, read_paper
from .shelf import build_view

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from pathlib import Path

    from .records import BibEntry, Paper
    from .scaffold import ShelfPaths

# --- reading -------------------------------------------------------------------


@dataclass
class Page:
    """One paper page as read from disk."""

    path: Path
    rel: str  #: path relative to the shelf root, for messages
    docname: str
    paper: Paper
    data: frontmatter.LineDict


@dataclass
class Shelf:
    """Everything on a shelf, read once: pages, BibTeX entries and file problems."""

    paths: ShelfPaths
    pages: list[Page] = field(default_factory=list)
    bib_texts: dict[Path, str] = field(default_factory=dict)
    entries: dict[str, BibEntry] = field(default_factory=dict)  #: valid entries, first of a key wins
    declared: dict[str, tuple[str, int]] = field(default_factory=dict)  #: key -> (bib path, line), broken entries too
    declared_text: dict[str, str] = field(default_factory=dict)  #: key -> the entry's text as written, broken entries too
    problems: list[Problem] = field(default_factory=list)  #: per-file problems found while reading
    slugs: set[str] = field(default_factory=set)  #: file names (no suffix) used under papers/

    @property
    def by_key(self) -> dict[str, Page]:
        result: dict[str, Page] = {}
        for page in self.pages:
            result.setdefault(page.paper.key, page)
        return result

    def arxiv_ids(self) -> dict[str, str]:
        """arXiv id -> key, from paper links and BibTeX ``eprint`` fields."""
        result: dict[str, str] = {}
        for page in self.pages:
            for link in page.paper.links_of("paper"):
                identifier = arxivid.of_link(link.url)
                if identifier:
                    result.setdefault(identifier, page.paper.key)
        for key, entry in self.entries.items():
            identifier = eprint_id(entry)
            if identifier:
                result.setdefault(identifier, key)
        return result

    def all_keys(self) -> set[str]:
        """Every key in use, by a page or a BibTeX entry."""
        return {page.paper.key for page in self.pages} | set(self.declared) | set(self.entries)


def load_shelf(paths: ShelfPaths) -> Shelf:
    """Read every page and .bib file of a shelf once; collect per-file problems."""
    shelf = Shelf(paths)
    settings = paths.settings
    shelf.problems.extend(Problem(Code.BAD_VALUE, message, 1, "conf.py") for message in settings.problems)
    for bibpath in paths.bibfiles:
        rel = paths.rel(bibpath)
        if not bibpath.exists():
            shelf.problems.append(Problem(Code.BIB_SYNTAX, f"the .bib file named in conf.py does not exist: {rel}", 1, rel))
            shelf.bib_texts[bibpath] = ""
            continue
        try:
            text = bibpath.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            shelf.problems.append(Problem(Code.BIB_SYNTAX, f"cannot read the file: {error}", 1, rel))
            continue
        shelf.bib_texts[bibpath] = text
        scan = BibScan(rel)
        scan_text(text, scan)
        shelf.problems.extend(scan.problems)
        for key, entry in scan.entries.items():
            shelf.entries.setdefault(key, entry)
        for key, (_, line, written) in scan.declared.items():
            shelf.declared.setdefault(key, (rel, line))
            shelf.declared_text.setdefault(key, written)

    if not paths.srcdir.is_dir():
        return shelf
    for path in sorted(paths.srcdir.rglob("*.md")):
        rel = paths.rel(path)
        in_papers = path.parent == paths.papers or paths.papers in path.parents
        if in_papers:
            shelf.slugs.add(path.stem)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            shelf.problems.append(Problem(Code.FRONT_MATTER_SYNTAX, f"cannot read the page: {error}", 1, rel))
            continue
        front = frontmatter.parse_front_matter(text)
        if front is not None and front.error:
            shelf.problems.append(Problem(Code.FRONT_MATTER_SYNTAX, f"{front.error}; the page is built without its paper header", front.error_line, rel))
            continue
        if front is None or not is_paper_page(front.data):
            if in_papers:
                shelf.problems.append(Problem(Code.MISSING_KEY, "a page under papers/ without paper front matter (`key`, `title`, `short_name`, `status` between `---` lines); it is not listed as a paper", 1, rel))
            continue
        docname = paths.docname(path)
        bib = shelf.entries.get(str(front.data.get("key", "")))
        paper, problems = read_paper(front.data, docname, bib, settings=settings)
        shelf.problems.extend(Problem(p.code, p.message, p.line, rel) for p in problems)
        shelf.pages.append(Page(path, rel, docname, paper, front.data))
    return shelf


# --- checks across files -------------------------------------------------------


def normal_link(url: str) -> str:
    """A paper link's identity: its arXiv id, else the URL without scheme and trailing slash."""
    identifier = arxivid.of_link(url)
    if identifier:
        return "arxiv:" + identifier
    return re.sub(r"^https?://(www\.)?", "", url.strip()).rstrip("/").lower()


@dataclass(frozen=True)
class Located:
    """A paper with the file its lines refer to."""

    paper: Paper
    path: str


def link_problems(papers: Iterable[Located], entries: Mapping[str, BibEntry]) -> list[Problem]:
    """One paper link on two papers; paper links disagreeing with the ``eprint``."""
    problems: list[Problem] = []
    first: dict[str, tuple[Located, int]] = {}
    for item in papers:
        paper = item.paper
        for link in paper.links_of("paper"):
            identity = normal_link(link.url)
            other = first.get(identity)
            if other is not None and other[0].paper.key != paper.key:
                holder, line = other
                problems.append(Problem(Code.DUPLICATE_LINK, f"paper link {link.url} is also the paper link of {holder.paper.short_name} ({holder.path}:{line}); one of them points at the wrong paper", link.line, item.path))
            else:
                first.setdefault(identity, (item, link.line))
            entry = entries.get(paper.key)
            linked = arxivid.of_link(link.url)
            eprint = eprint_id(entry) if entry is not None else ""
            if linked and eprint and linked != eprint:
                problems.append(Problem(Code.ARXIV_MISMATCH, f"paper link {link.url} is arXiv {linked} but the BibTeX entry `{paper.key}` has eprint {eprint}; fix whichever is wrong", link.line, item.path))
    return problems


def check_shelf(shelf: Shelf) -> list[Problem]:
    """Every finding on the shelf, sorted by file and line."""
    problems = list(shelf.problems)
    located = [Located(page.paper, page.rel) for page in shelf.pages]
    problems.extend(link_problems(located, shelf.entries))
    bib_rel = shelf.paths.rel(shelf.paths.bibfile)
    for page in shelf.pages:
        if page.paper.key not in shelf.declared:
            problems.append(Problem(Code.NO_BIB_ENTRY, f"key {page.paper.key!r} has no entry in {bib_rel}; add its BibTeX entry there", page.paper.line, page.rel))
    keys = {page.paper.key for page in shelf.pages}
    for key, (rel, line) in shelf.declared.items():
        if key not in keys and key in shelf.entries:  # a broken entry is reported once, as broken
            problems.append(Problem(Code.NO_PAGE, f"BibTeX entry {key!r} has no paper page; add one (papershelf add --bibtex) or remove the entry", line, rel))
    view = build_view({page.docname: page.paper for page in shelf.pages}, {}, {})
    rel_of = {page.docname: page.rel for page in shelf.pages}
    problems.extend(Problem(f.code, f.message, f.line, rel_of.get(f.docname, f.docname)) for f in view.findings)
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.code.slug, p.message))


def format_json(problems: list[Problem], shelf: Shelf) -> str:
    return json.dumps(
        {
            "root": str(shelf.paths.root),
            "papers": len(shelf.pages),
            "entries": len(shelf.entries),
            "findings": [{"path": p.path, "line": p.line, "code": p.code.slug, "message": p.message} for p in problems],
        },
        indent=2,
        ensure_ascii=False,
    )


def summary(problems: list[Problem], shelf: Shelf) -> str:
    papers = f"{len(shelf.pages)} paper{'s' * (len(shelf.pages) != 1)}"
    entries = f"{len(shelf.entries)} BibTeX entr{'ies' if len(shelf.entries) != 1 else 'y'}"
    found = f"{len(problems)} finding{'s' * (len(problems) != 1)}" if problems else "no findings"
    return f"checked {papers} and {entries}: {found}"
