"""The cross-document view of the shelf, computed once per build.

Everything a page shows about *other* pages (neighbours in time, inverse
relations, who cites it, index contents) comes from here, so per-page work at
write time is a dictionary lookup, whatever the number of papers.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar, cast

from papershelf.model.problems import Code, Problem
from papershelf.shelf.citegraph import CiteGraph, build_graph
from papershelf.shelf.people import Author, authors

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from papershelf.model.records import Paper

UNDATED = (9999, 99, 99)
T = TypeVar("T")


@dataclass
class ShelfView:
    papers: dict[str, Paper] = field(default_factory=dict)  #: key -> paper
    order: list[str] = field(default_factory=list)  #: keys, oldest first, undated last
    inverse: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  #: key -> [(kind, source key)]
    cited_in: dict[str, list[str]] = field(default_factory=dict)  #: key -> docnames citing it
    index_pages: dict[str, str] = field(default_factory=dict)  #: index kind -> docname showing it
    findings: list[Problem] = field(default_factory=list)
    graph: CiteGraph = field(default_factory=CiteGraph)  #: cites, cited by and related papers (``cites`` front matter)
    _positions: dict[str, int] = field(init=False, repr=False, default_factory=dict)
    keys_by_doc: dict[str, str] = field(init=False, repr=False, default_factory=dict)
    _authors: list[Author] | None = field(init=False, repr=False, default=None)
    _derived: dict[str, Any] = field(init=False, repr=False, default_factory=dict)

    def neighbours(self, key: str) -> tuple[Paper | None, Paper | None]:
        """The chronological predecessor and successor of a paper."""
        position = self._positions.get(key)
        if position is None:
            return None, None
        before = self.papers[self.order[position - 1]] if position > 0 else None
        after = self.papers[self.order[position + 1]] if position + 1 < len(self.order) else None
        return before, after

    def authors(self) -> list[Author]:
        """Every person named in the pages' ``people``, once per view (:mod:`papershelf.shelf.people`)."""
        if self._authors is None:
            self._authors = authors(self.papers, self.order)
        return self._authors

    def derived(self, name: str, make: Callable[[], T]) -> T:
        """``make()``, once per view (a build's split index pages share their groups)."""
        if name not in self._derived:
            self._derived[name] = make()
        return cast("T", self._derived[name])

    def __post_init__(self) -> None:
        self._positions = {key: index for index, key in enumerate(self.order)}
        self.keys_by_doc = {paper.docname: key for key, paper in self.papers.items()}


def chronological_key(paper: Paper) -> tuple[tuple[int, int, int], str, str]:
    """Oldest first; ties broken by short name, then key, so order is stable."""
    date = paper.date.sort_key if paper.date else UNDATED
    return (date, paper.short_name.lower(), paper.key)


def build_view(
    pages: Mapping[str, Paper],
    citations: Mapping[str, Iterable[str]],
    index_docs: Mapping[str, Iterable[str]],
) -> ShelfView:
    """Resolve duplicates, order papers in time and invert every relation.

    ``citations`` maps a docname to the keys it cites or mentions.
    """
    findings: list[Problem] = []
    papers: dict[str, Paper] = {}
    for docname in sorted(pages):
        paper = pages[docname]
        winner = papers.get(paper.key)
        if winner is not None:
            findings.append(Problem(Code.DUPLICATE_PAPER, f"pages {winner.docname!r} and {docname!r} both claim key {paper.key!r}; only {winner.docname!r} is listed under it. Give each paper its own key", paper.line, docname=docname))
            continue
        papers[paper.key] = paper

    short_names: dict[str, str] = {}
    for key in sorted(papers):
        name = papers[key].short_name.casefold()
        if name in short_names:
            other = papers[short_names[name]]
            findings.append(Problem(Code.DUPLICATE_SHORT_NAME, f"short name {papers[key].short_name!r} is also used by {other.docname!r}; make short names distinct", papers[key].line, docname=papers[key].docname))
        else:
            short_names[name] = key

    inverse: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in sorted(papers):
        paper = papers[key]
        for relation in paper.relations:
            if relation.target not in papers:
                findings.append(Problem(Code.UNKNOWN_RELATION, f"`relations.{relation.kind}` names {relation.target!r}, which no paper page has as its `key`", relation.line, docname=paper.docname))
            else:
                inverse[relation.target].append((relation.kind, key))
    findings.extend(_version_cycles(papers))

    cited_in: dict[str, set[str]] = defaultdict(set)
    for docname, keys in citations.items():
        for key in keys:
            if key in papers and papers[key].docname != docname:
                cited_in[key].add(docname)

    index_pages: dict[str, str] = {}
    for docname in sorted(index_docs):
        for kind in index_docs[docname]:
            index_pages.setdefault(kind, docname)

    return ShelfView(
        papers=papers,
        order=sorted(papers, key=lambda k: chronological_key(papers[k])),
        inverse={key: sorted(value) for key, value in inverse.items()},
        cited_in={key: sorted(docs) for key, docs in cited_in.items()},
        index_pages=index_pages,
        findings=findings,
        graph=build_graph(papers),
    )


def _version_cycles(papers: Mapping[str, Paper]) -> list[Problem]:
    """Each cycle of `updated_version` relations, reported once at its smallest key."""
    successors = {
        key: [r.target for r in paper.relations if r.kind == "updated_version" and r.target in papers]
        for key, paper in papers.items()
    }
    findings = []
    reported: set[str] = set()
    for start in sorted(papers):
        path = [start]
        seen = {start}
        while successors[path[-1]]:
            nxt = successors[path[-1]][0]
            if nxt == start and not seen & reported:
                paper = papers[start]
                line = next(r.line for r in paper.relations if r.kind == "updated_version")
                findings.append(Problem(Code.RELATION_CYCLE, "updated versions form a cycle: " + " -> ".join([*path, start]), line, docname=paper.docname))
                reported |= seen
                break
            if nxt in seen:
                break
            path.append(nxt)
            seen.add(nxt)
    return findings


def digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()
