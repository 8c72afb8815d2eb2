"""Format one BibTeX entry as an author-year reference (APA-like).

Each paper page formats only its own entry, once, while it is read; no page
ever formats the whole bibliography.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pybtex.plugin import find_plugin
from pybtex.richtext import Text

if TYPE_CHECKING:
    from pybtex.database import Entry, Person

MAX_AUTHORS = 20
# find_plugin scans every installed package's entry points (1.6 ms a call);
# render_as() would call it for every field of every reference.
TEXT_BACKEND = find_plugin("pybtex.backends", "text")()


@dataclass(frozen=True)
class Reference:
    """The parts of a formatted reference, as plain text."""

    authors: str  #: "Liu, H., Li, C., & Lee, Y. J."
    year: str
    title: str
    venue: str  #: journal, proceedings, publisher or arXiv id
    url: str

    def text(self) -> str:
        parts = [f"{self.authors} ({self.year or 'n.d.'})." if self.authors else f"({self.year or 'n.d.'})."]
        parts.append(f"{self.title}.")
        if self.venue:
            parts.append(f"{self.venue}.")
        return " ".join(parts)


@functools.lru_cache(maxsize=65536)
def plain(latex: str) -> str:
    """LaTeX field text to plain text (braces, accents and ``\\url`` removed)."""
    latex = re.sub(r"\\url\s*\{([^}]*)\}", r"\1", latex)
    try:
        text = Text.from_latex(latex).render(TEXT_BACKEND)
    except Exception:  # malformed LaTeX must not stop a build: show it as written
        text = latex.replace("{", "").replace("}", "")
    return re.sub(r"\s+", " ", text).strip()


def _initials(names: list[str]) -> str:
    parts = []
    for name in names:
        for piece in plain(name).replace(".", " ").split():
            parts.append("-".join(p[:1] + "." for p in piece.split("-") if p))
    return " ".join(parts)


def person_name(person: Person) -> str:
    """``Last, F. M.``"""
    last = " ".join(plain(p) for p in person.prelast_names + person.last_names + person.lineage_names)
    initials = _initials(person.first_names + person.middle_names)
    return f"{last}, {initials}" if initials else last


def author_list(people: list[Person]) -> str:
    # BibTeX's "and others" marks a truncated list.
    truncated = bool(people) and plain(" ".join(people[-1].last_names)).lower() == "others"
    names = [person_name(p) for p in (people[:-1] if truncated else people)]
    if truncated:
        return ", ".join(names) + " et al."
    if len(names) > MAX_AUTHORS:
        return ", ".join(names[: MAX_AUTHORS - 1]) + ", … " + names[-1]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + ", & " + names[-1]


def venue_of(entry: Entry) -> str:
    fields = entry.fields
    for name in ("journal", "booktitle"):
        if fields.get(name):
            return plain(fields[name])
    if fields.get("eprint") and fields.get("archiveprefix", "").lower() == "arxiv":
        return f"arXiv:{plain(fields['eprint'])}"
    for name in ("howpublished", "publisher", "organization", "institution"):
        if fields.get(name):
            return plain(fields[name])
    return ""


def format_reference(entry: Entry) -> Reference:
    fields = entry.fields
    return Reference(
        authors=author_list(list(entry.persons.get("author", []))),
        year=plain(fields.get("year", "")),
        title=plain(fields.get("title", "")),
        venue=venue_of(entry),
        url=plain(fields.get("url", "")),
    )
