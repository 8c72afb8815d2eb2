"""Rules that both `papershelf check` and the build apply: shared links, and the messages they both print."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from papershelf.formats import arxivid
from papershelf.formats.bibfile import eprint_id
from papershelf.model.problems import Code, Problem

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from papershelf.model.records import BibEntry, Paper


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
    # in docname order, as the build has them: `x-2021.md` sorts before `x.md` as a file, after it as a docname
    for item in sorted(papers, key=lambda item: item.path.rsplit(".", 1)[0]):
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


RAW_HTML_MESSAGE = "raw HTML in a paper page is not published; write Markdown instead"
RAW_OUTPUT_MESSAGE = "raw HTML is not published (it could run scripts); write Markdown instead"


def unknown_paper_message(key: str) -> str:
    return f"unknown paper key {key!r}; use the `key` of a paper page"


def unknown_citation_message(key: str) -> str:
    return f"could not find bibtex key {key!r} in the .bib files (keys are case-sensitive); fix the key or add its BibTeX entry"
