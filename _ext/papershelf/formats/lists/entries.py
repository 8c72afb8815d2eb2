"""What a list shape reads: entries and items, and the :class:`Shape` record each shape registers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from papershelf.formats import arxivid
from papershelf.formats.bibfile import entry_key, generated_entry
from papershelf.formats.lists.fields import url_year
from papershelf.model.problems import Problem

if TYPE_CHECKING:
    from collections.abc import Callable

    from papershelf.model.settings import ShelfSettings


@dataclass
class ListLink:
    kind: str
    url: str
    label: str
    line: int


@dataclass
class ListRelation:
    kind: str
    target: str  #: a URL (a paper link) or ``#anchor``
    line: int
    text: str = ""  #: the link's own text, for a labelled link when the target is not on the shelf
    written: str = ""  #: the label as written in the list


@dataclass
class ListEntry:
    """One entry of the list, as written."""

    line: int
    anchor: str
    title: str
    alias: str
    status: str
    sections: tuple[str, ...]  #: file title > section > subsection above the entry
    path: str = ""  #: the list the entry comes from, as shown in findings
    links: list[ListLink] = field(default_factory=list)
    models: list[tuple[str, str, int]] = field(default_factory=list)
    relations: list[ListRelation] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)  #: the ``tag:`` line's names
    body: list[str] = field(default_factory=list)  #: free content, as written
    bibtex: str = ""
    bibtex_line: int = 0  #: list line of the BibTeX text's first line
    bibtex_path: str = ""  #: the list holding the BibTeX text, when a merged entry brought it
    extras: dict[str, Any] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  #: short names of the same paper's other entries
    merged: list[ListEntry] = field(default_factory=list)  #: the same paper's other entries
    mapped: int = 0  #: lines that became fields, links or the citation
    body_lines: int = 0  #: non-blank lines kept as the page body

    @property
    def key(self) -> str:
        return entry_key(self.bibtex)


@dataclass
class ParsedList:
    """A reading list: its entries and the content that belongs to no entry."""

    path: str
    entries: list[ListEntry]
    notes: list[str]  #: headings and free text outside entries, as written
    note_lines: int  #: non-blank, non-heading lines among ``notes``


@dataclass
class LabelledLink:
    kind: str  #: a link kind of the schema
    url: str
    label: str = ""


@dataclass
class Item:
    """One paper row or bullet, as the list writes it."""

    line: int  #: 1-based line in the list
    title: str
    section: str  #: the topic heading above it ("" under none)
    date: str = ""  #: YYYY, YYYY-MM or YYYY-MM-DD
    listed: str = ""  #: the date of the heading it stands under: when the list took it in, not when it was written
    links: list[LabelledLink] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)  #: (label, text) of other columns
    body: list[str] = field(default_factory=list)  #: Markdown lines for the page body
    venue: str = ""
    name: str = ""  #: the list's own name of it: a "Model" or "Name" column, ``**Name**:``, ``(**ELMo**)``
    authors: str = ""  #: in BibTeX's form ("A and B and others"), from an author line or column
    warnings: list[Problem] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  #: names of the same paper in the list's other rows
    status: str = ""  #: read, reading or unread when the list says (a task list's ``[x]``, a Status column)
    citation: str = ""  #: the list's own BibTeX entry of it (in its ``<details>``): its entry, as written

    @property
    def paper_url(self) -> str:
        return next((link.url for link in self.links if link.kind == "paper"), "")


@dataclass
class ListReading:
    """What one shape read in one list: entries, one-row items, and what belongs to no paper."""

    path: str
    entries: list[ListEntry] = field(default_factory=list)  #: entries with what the list writes of them
    items: list[Item] = field(default_factory=list)  #: one row or bullet a paper: named and keyed by the importer
    notes: list[str] = field(default_factory=list)  #: headings and free text outside entries
    note_lines: int = 0  #: non-blank, non-heading lines among ``notes``
    resources: list[Item] = field(default_factory=list)  #: items without a paper link
    navigation: int = 0  #: items linking only inside the list (a table of contents)
    problems: list[Problem] = field(default_factory=list)  #: findings outside any entry

    @property
    def found(self) -> bool:
        """The shape recognised something in the list."""
        return bool(self.entries or self.items or self.resources)


@dataclass(frozen=True)
class Shape:
    """A list shape: its name for ``--shape`` and its reader (registered in ``formats/lists/__init__.py``)."""

    name: str
    summary: str  #: what the shape looks like, for ``--shape``'s help
    read: Callable[[str, str, ShelfSettings], ListReading]  #: (text, path as shown, settings) -> reading


def generated_citation(key: str, title: str, paper_urls: list[str], date: str = "") -> str:
    """An entry for a paper the list gives no citation for (``enrich`` rewrites it).

    The same rule as a table row's or a bullet's (the importer's ``_generated_for_item``): a paper
    link or a year makes one, so that an exported list imports into the same
    entries; an undated one is the list's gap, which the build reports.
    """
    found = next((parsed for parsed in map(arxivid.parse_url, paper_urls) if parsed), None)
    year = date[:4] or (str(found.year) if found else "") or next((said for url in paper_urls if (said := url_year(url))), "")
    if not year and not paper_urls:
        return ""
    url = found.abs_url() if found else (paper_urls[0] if paper_urls else "")
    return generated_entry(key, title, year, url, found.identifier if found else "")
