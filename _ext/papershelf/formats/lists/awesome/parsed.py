"""What a reading collects: entries, resources and findings, in list order."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from papershelf.formats.lists.entries import Item
from papershelf.model.problems import Problem

if TYPE_CHECKING:
    from markdown_it.token import Token


@dataclass
class Parsed:
    items: list[Item] = field(default_factory=list)
    resources: list[Item] = field(default_factory=list)  #: items without a paper link
    problems: list[Problem] = field(default_factory=list)  #: findings outside any item
    navigation: int = 0  #: items linking only inside the list (a table of contents)
    notes: list[str] = field(default_factory=list)  #: headings and paragraphs outside items, as safe Markdown
    #: the last list item read, when it became a resource: (item, its paragraphs, (topic, year)) -- a paper link just below may be its own
    open_item: tuple[Item, list[Token], tuple[str, str]] | None = None
    #: paragraphs of prose linking a paper, (paragraph, topic, year), until their section is known not to be an entry
    prose: list[tuple[Token, str, str]] = field(default_factory=list)
    #: paper links of prose labelled "paper" or "here": (url, line, topic, year) -- a paper when the list's BibTeX names it
    unnamed: list[tuple[str, int, str, str]] = field(default_factory=list)
    #: the list's own BibTeX entries (a "Citation" block): (line, field name -> value)
    citations: list[tuple[int, dict[str, str], str]] = field(default_factory=list)  #: (line, fields, the entry's text)


def place(item: Item, parsed: Parsed) -> None:
    """A paper when it has a paper link; otherwise a resource of its section."""
    (parsed.items if item.paper_url else parsed.resources).append(item)
