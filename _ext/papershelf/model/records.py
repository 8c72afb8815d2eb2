"""Typed, picklable records that the build environment stores.

Nothing here holds a docutils node or a live Sphinx object, so records survive
pickling between builds and travel between parallel reader processes.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Link:
    """One outbound link of a paper (paper PDF, code, homepage, ...)."""

    kind: str  #: one of :data:`papershelf.shelf.schema.LINK_KINDS`
    url: str  #: an http(s) URL
    label: str = ""  #: the link's own label when a kind has several (``v1``, ``v2``)
    line: int = 0  #: line of the URL in the page source


@dataclass(frozen=True)
class Model:
    """A released checkpoint named on a paper page."""

    name: str
    url: str
    line: int = 0


@dataclass(frozen=True)
class Relation:
    """A relation stated on the page of ``source`` pointing at ``target``."""

    kind: str  #: one of :data:`papershelf.shelf.schema.RELATION_KINDS`
    target: str  #: BibTeX key of the other paper
    line: int = 0  #: line in the source page, for warnings


@dataclass(frozen=True)
class PaperDate:
    """A (possibly partial) calendar date with the place it came from."""

    year: int
    month: int = 0  #: 0 when unknown
    day: int = 0  #: 0 when unknown
    source: str = "front matter"  #: "front matter", "arXiv id" or "BibTeX"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month, self.day)

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)


@dataclass(frozen=True)
class Metrics:
    """Counts a source gave about a paper (``papershelf enrich`` writes them), each as of one day."""

    citations: int | None = None  #: Semantic Scholar's citation count
    influential_citations: int | None = None  #: Semantic Scholar's influential citations
    stars: int | None = None  #: GitHub stars of the code link
    as_of: str = ""  #: ISO day the counts were fetched (YYYY-MM-DD)


@dataclass(frozen=True)
class Person:
    """An author of a paper as a source names them (the page's ``people``)."""

    name: str
    id: str = ""  #: ``source:identifier`` (``s2:1741101``), empty when unknown


@dataclass(frozen=True)
class Paper:
    """Everything a paper page's front matter says, validated."""

    key: str  #: BibTeX key; the paper's identity everywhere
    docname: str  #: Sphinx document holding the page
    title: str
    short_name: str
    status: str  #: one of :data:`papershelf.shelf.schema.STATUSES`
    aliases: tuple[str, ...] = ()
    date: PaperDate | None = None  #: first-public date, resolved (see dates.py)
    added: str = ""  #: ISO date the paper joined the shelf, if given
    links: tuple[Link, ...] = ()
    models: tuple[Model, ...] = ()
    relations: tuple[Relation, ...] = ()
    tags: tuple[str, ...] = ()
    architecture: tuple[tuple[str, str], ...] = ()  #: (field, value) pairs
    abstract: str = ""  #: the paper's abstract (``papershelf enrich`` fills it from arXiv)
    metrics: Metrics | None = None  #: citation counts and stars (``enrich``)
    cites: tuple[str, ...] = ()  #: keys of shelf papers this paper cites (``enrich``, from its references)
    people: tuple[Person, ...] = ()  #: the authors with their ids (``enrich``)
    line: int = 1  #: line of the ``key:`` entry, for warnings about the paper

    def links_of(self, kind: str) -> tuple[Link, ...]:
        return tuple(link for link in self.links if link.kind == kind)

    @property
    def named_by_title(self) -> bool:
        """The short name is the title or its first words, not a name of its own
        ("Evaluating Object Hallucination in Large"): show the title alone."""
        if not self.title.casefold().startswith(self.short_name.casefold()):
            return False
        return not self.title[len(self.short_name):].lstrip().startswith((":", "(", "\u2014", "- "))

    @property
    def label(self) -> str:
        """How compact places (timeline and graph labels, lists of papers) name the paper: its short
        name; when that is only the title's first words, those words and an ellipsis, so a reader
        sees a cut title, not a name ("Improving neural networks by preventing…")."""
        if self.named_by_title and len(self.short_name) < len(self.title):
            return self.short_name.rstrip(" ,;:-") + "\u2026"
        return self.short_name

    @property
    def display_title(self) -> str:
        """How a listing names the paper: ``LLaVA: Visual instruction tuning``, or the
        title alone when it starts with the short name (in any case)."""
        if self.title.casefold().startswith(self.short_name.casefold()):
            return self.title
        return f"{self.short_name}: {self.title}"


@dataclass(frozen=True)
class BibEntry:
    """One entry of the shared ``.bib`` file, as written there."""

    key: str
    line: int  #: 1-based line of the ``@type{key,`` opener
    raw: str  #: the entry's exact source text, for the copyable block
    entry_type: str
    fields: tuple[tuple[str, str], ...] = field(default=())

    def get(self, name: str, default: str = "") -> str:
        for key, value in self.fields:
            if key.lower() == name.lower():
                return value
        return default
