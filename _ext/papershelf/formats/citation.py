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

from papershelf.formats import arxivid

if TYPE_CHECKING:
    from collections.abc import Mapping

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
    venue: str  #: proceedings, journal, publisher or "arXiv"
    url: str
    arxiv: str = ""  #: the arXiv identifier of a preprint, shown as a link

    @property
    def arxiv_url(self) -> str:
        return arxivid.abs_url(self.arxiv) if self.arxiv else ""

    @property
    def when(self) -> str:
        """``(2024)``, or ``(n.d.)`` when the entry gives no year."""
        return f"({self.year or 'n.d.'})"

    def lead(self) -> str:
        """What a reference starts with: ``Liu, H., & Lee, Y. J. (2023).``

        With no authors the title moves into their place, as APA and Chicago
        do for an anonymous work (``Title. (2024).``): a reference never starts
        with a bare year. The title is then not repeated (:attr:`body_title`).
        """
        if self.authors:
            return f"{self.authors} {self.when}."
        if self.title:
            return f"{sentence(self.title)} {self.when}."
        return f"{self.when}."

    @property
    def body_title(self) -> str:
        """The title as a sentence after the lead, or "" when the lead holds it already."""
        return sentence(self.title) if self.authors and self.title else ""

    def text(self) -> str:
        parts = [self.lead()]
        if self.body_title:
            parts.append(self.body_title)
        venue = f"arXiv:{self.arxiv}" if self.arxiv and self.venue == "arXiv" else self.venue
        if venue:
            parts.append(sentence(venue))
        return " ".join(parts)


def sentence(text: str) -> str:
    """``text`` ending in one full stop: a title ending in ``?``, ``!`` or ``.`` gets no second mark."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


# Text with none of these is plain but for its braces: pybtex's LaTeX parser
# (about 1 ms a field, paid again in every build process) is not needed.
_LATEX = re.compile(r"[\\~$%`]|--|''")


@functools.lru_cache(maxsize=65536)
def plain(latex: str) -> str:
    """LaTeX field text to plain text (braces, accents and ``\\url`` removed)."""
    if not _LATEX.search(latex):
        return re.sub(r"\s+", " ", latex.replace("{", "").replace("}", "")).strip()
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


# "arXiv preprint arXiv:2312.16886", "arXiv e-prints", "CoRR": the preprint
# server, not a venue; the identifier is shown as a link elsewhere.
_PREPRINT = re.compile(r"^(arxiv\b|corr\b|computing research repository)", re.IGNORECASE)
_URL = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)


def _is_arxiv(fields: Mapping[str, str]) -> bool:
    return (
        fields.get("archiveprefix", "").lower() == "arxiv"
        or bool(arxivid.of_eprint(plain(fields.get("eprint", "")), plain(fields.get("archiveprefix", ""))))
        or bool(arxivid.of_link(plain(fields.get("url", ""))))
        or bool(_PREPRINT.match(plain(fields.get("journal", ""))))
    )


def venue_of(entry: Entry) -> str:
    """The booktitle or journal, else "arXiv" for a preprint; never a URL.

    An arXiv identifier is not a venue ("arXiv preprint arXiv:2312.16886",
    "arXiv:2311.03079" and a PDF link all read "arXiv").
    """
    fields = entry.fields
    for name in ("booktitle", "journal"):
        text = plain(fields.get(name, ""))
        if text and not _URL.match(text):
            return "arXiv" if _PREPRINT.match(text) else text
    if _is_arxiv(fields):
        return "arXiv"
    for name in ("howpublished", "publisher", "organization", "institution"):
        text = plain(fields.get(name, ""))
        if text and not _URL.match(text):
            return text
    return ""


def arxiv_of(entry: Entry) -> str:
    """The canonical arXiv identifier of ``eprint`` (read as :func:`papershelf.formats.bibfile.eprint_id` reads it), else ""."""
    fields = entry.fields
    return arxivid.of_eprint(plain(fields.get("eprint", "")), plain(fields.get("archiveprefix", "")))


def format_reference(entry: Entry) -> Reference:
    fields = entry.fields
    return Reference(
        authors=author_list(list(entry.persons.get("author", []))),
        year=plain(fields.get("year", "")),
        title=plain(fields.get("title", "")),
        venue=venue_of(entry),
        url=plain(fields.get("url", "")),
        arxiv=arxiv_of(entry),
    )
