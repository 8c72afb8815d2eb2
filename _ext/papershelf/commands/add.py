"""``papershelf add``: a paper from the arXiv API (or a BibTeX entry) onto the shelf.

The arXiv API answers ``{base}/query?id_list=ID`` with an Atom feed. An
unknown identifier gives a feed without entries, or an entry whose ``id`` is
an error URL; both, like a network failure or a malformed answer, raise
:class:`~papershelf.commands.init.ShelfError` before any file is touched.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import TYPE_CHECKING

import requests

from papershelf.commands.importer import derive_names
from papershelf.formats import arxivid
from papershelf.formats.bibfile import (
    BibScan,
    brace_title,
    eprint_id,
    escape,
    scan_text,
    write_entry,
)
from papershelf.formats.dates import from_arxiv, from_bibtex
from papershelf.shelf.load import Shelf, load_shelf
from papershelf.shelf.paths import (
    ShelfError,
    ShelfPaths,
    append_text,
    commit,
    render_front_matter,
    slugify,
    unique_name,
)

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from papershelf.model.records import BibEntry

DEFAULT_API = "https://export.arxiv.org/api"
NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "arxiv": "http://arxiv.org/schemas/atom",
    "opensearch": "http://a9.com/-/spec/opensearch/1.1/",
}
STOPWORDS = {"a", "an", "the", "on", "of", "for", "to", "towards", "toward", "in", "and", "with", "via", "by", "from", "at", "is", "are", "do", "does"}


def parse_identifier(text: str) -> str:
    """``2304.08485``, ``arXiv:2304.08485v2``, ``hep-th/9901001``, arXiv URLs -> the canonical id."""
    identifier = arxivid.identifier(text)
    if identifier:
        return identifier
    raise ShelfError(f"{text!r} is not an arXiv identifier or URL (expected e.g. 2304.08485, arXiv:2304.08485v2 or https://arxiv.org/abs/2304.08485)")


# --- the API -------------------------------------------------------------------


@dataclass(frozen=True)
class ArxivPaper:
    """What the API says about one paper."""

    identifier: str  #: without version
    title: str
    authors: tuple[str, ...]
    published: str  #: ISO timestamp of v1
    primary_class: str
    abstract: str = ""  #: the summary, whitespace folded
    doi: str = ""
    journal_ref: str = ""

    @property
    def abs_url(self) -> str:
        return arxivid.abs_url(self.identifier)

    @property
    def month(self) -> str:
        return self.published[:7]


def fetch(identifier: str, api_url: str = DEFAULT_API, timeout: float = 20.0) -> ArxivPaper:
    """Ask the arXiv API about one paper."""
    url = api_url.rstrip("/") + "/query"
    try:
        response = requests.get(url, params={"id_list": identifier, "max_results": "1"}, timeout=timeout, headers={"User-Agent": "papershelf (https://pypi.org/project/papershelf/)"})
    except requests.Timeout as error:
        raise ShelfError(f"the arXiv API at {url} did not answer within {timeout:g} s; try again later") from error
    except requests.RequestException as error:
        reason = str(error.args[0] if error.args else error).splitlines()[0]
        raise ShelfError(f"cannot reach the arXiv API at {url}: {reason}") from error
    if response.status_code != 200:
        raise ShelfError(f"the arXiv API at {url} answered HTTP {response.status_code} for {identifier}; try again later")
    return parse_feed(response.content, identifier)


def parse_feed(content: bytes | str, identifier: str) -> ArxivPaper:
    """The paper in an Atom answer; ShelfError for errors, no entry or a malformed feed."""
    try:
        root = ET.fromstring(content)
    except ET.ParseError as error:
        raise ShelfError(f"the arXiv API's answer for {identifier} is not valid XML ({error}); nothing was added") from error
    if root.tag != f"{{{NS['atom']}}}feed":
        raise ShelfError(f"the arXiv API's answer for {identifier} is not an Atom feed; nothing was added")
    entries = root.findall("atom:entry", NS)
    if not entries:
        raise ShelfError(f"arXiv has no paper with the identifier {identifier}")
    return entry_paper(entries[0], identifier)


def entry_paper(entry: ET.Element, identifier: str) -> ArxivPaper:
    """One Atom ``entry`` as a paper; ShelfError for an error entry or missing facts."""
    entry_id = _text(entry, "atom:id")
    if "/api/errors" in entry_id or _text(entry, "atom:title") == "Error":
        reason = _text(entry, "atom:summary") or "unknown error"
        raise ShelfError(f"arXiv refused the identifier {identifier}: {reason}")
    answered = arxivid.of_link(entry_id)
    if not answered or (identifier and answered != identifier):
        if not entry_id:
            raise ShelfError(f"arXiv has no paper with the identifier {identifier}")
        raise ShelfError(f"the arXiv API answered about {entry_id!r} instead of {identifier}; nothing was added")
    title = " ".join(_text(entry, "atom:title").split())
    published = _text(entry, "atom:published")
    authors = tuple(" ".join(name.split()) for name in (_text(a, "atom:name") for a in entry.findall("atom:author", NS)) if name)
    if not title or not re.match(r"^\d{4}-\d{2}", published) or not authors:
        raise ShelfError(f"the arXiv API's entry for {identifier or answered} lacks a title, a published date or authors; nothing was added")
    primary = entry.find("arxiv:primary_category", NS)
    category = primary.get("term", "") if primary is not None else ""
    if not category:
        first = entry.find("atom:category", NS)
        category = first.get("term", "") if first is not None else ""
    return ArxivPaper(
        answered,
        title,
        authors,
        published,
        category,
        abstract=" ".join(_text(entry, "atom:summary").split()),
        doi=_text(entry, "arxiv:doi"),
        journal_ref=" ".join(_text(entry, "arxiv:journal_ref").split()),
    )


def feed_entries(content: bytes | str, what: str) -> list[ET.Element]:
    """The ``entry`` elements of an Atom answer; ShelfError for malformed XML or not a feed."""
    try:
        root = ET.fromstring(content)
    except ET.ParseError as error:
        raise ShelfError(f"the arXiv API's answer for {what} is not valid XML ({error})") from error
    if root.tag != f"{{{NS['atom']}}}feed":
        raise ShelfError(f"the arXiv API's answer for {what} is not an Atom feed")
    return root.findall("atom:entry", NS)


def _text(element: ET.Element, path: str) -> str:
    found = element.find(path, NS)
    return (found.text or "").strip() if found is not None else ""


# --- BibTeX keys and entries ---------------------------------------------------


def _ascii_word(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower())


def last_name(author: str) -> str:
    """``Liu, Haotian`` or ``Haotian Liu`` -> ``Liu`` (BibTeX's own name forms)."""
    author = re.sub(r"[{}]", "", author).strip()
    if "," in author:
        return author.split(",", 1)[0].strip()
    parts = author.split()
    return parts[-1] if parts else ""


def _title_words(title: str) -> list[str]:
    words = [re.sub(r"[{}\\$]", "", word) for word in title.split()]
    return [word for word in words if _ascii_word(word)]


def _significant(title: str) -> list[str]:
    words = _title_words(title)
    kept = [word for word in words if _ascii_word(word) not in STOPWORDS]
    return kept or words


def key_styles(author: str, year: str, title: str) -> dict[str, str]:
    """Candidate keys of one paper in each style the shelf may use."""
    last = _ascii_word(last_name(author))
    words = _significant(title)
    first = _ascii_word(words[0]) if words else ""
    semantic = last_name(author).capitalize() + (words[0][:1].upper() + _ascii_word(words[0])[1:] if words else "") + "".join(_ascii_word(w)[:1].upper() for w in words[1:3])
    return {
        "scholar": f"{last}{year}{first}",  # liu2023visual (Google Scholar)
        "arxiv": f"{last}{year}" + "".join(_ascii_word(w) for w in words),  # arXiv's export
        "semantic": re.sub(r"[^A-Za-z0-9]", "", unicodedata.normalize("NFKD", semantic).encode("ascii", "ignore").decode()),  # Semantic Scholar
    }


def detect_style(entries: Iterable[BibEntry]) -> str:
    """The key style most existing entries follow (``scholar`` when none does)."""
    counts = {"scholar": 0, "arxiv": 0, "semantic": 0}
    for entry in entries:
        authors = re.split(r"\s+and\s+", entry.get("author"))
        year = entry.get("year").strip()
        if not authors[0] or not year:
            continue
        for style, key in key_styles(authors[0], year, entry.get("title")).items():
            if key == entry.key:
                counts[style] += 1
    best = max(counts.values())
    return "scholar" if best == 0 else next(style for style in ("scholar", "arxiv", "semantic") if counts[style] == best)


def make_key(style: str, author: str, year: str, title: str, taken: set[str]) -> str:
    """A key in ``style``, made unique with a letter suffix (``liu2023visualb``)."""
    base = key_styles(author, year, title)[style] or f"paper{year}"
    key, letter = base, ord("b")
    while key in taken:
        key = base + chr(letter)
        letter += 1
    return key


def bibtex_entry(paper: ArxivPaper, key: str) -> str:
    """An arXiv-style @misc entry (the form arXiv's own export gives)."""
    fields = [
        ("title", escape(brace_title(paper.title))),
        ("author", " and ".join(escape(a) for a in paper.authors)),
        ("year", paper.published[:4]),
        ("eprint", paper.identifier),
        ("archivePrefix", "arXiv"),
        ("primaryClass", paper.primary_class),
        ("url", paper.abs_url),
        ("doi", paper.doi),
        ("journal", escape(paper.journal_ref)),
    ]
    return write_entry("misc", key, fields, indent="      ", equals="=") + "\n"


# --- adding --------------------------------------------------------------------


@dataclass(frozen=True)
class Added:
    key: str
    short_name: str
    page: Path
    bibfile: Path


def _refuse_known(shelf: Shelf, key: str, identifier: str) -> None:
    if identifier:
        holder = shelf.arxiv_ids().get(identifier)
        if holder is not None:
            page = shelf.by_key.get(holder)
            where = page.rel if page else shelf.paths.rel(shelf.paths.bibfile)
            raise ShelfError(f"arXiv {identifier} is already on the shelf as {holder!r} ({where}); nothing was added")
    if key and key in shelf.all_keys():
        page = shelf.by_key.get(key)
        where = page.rel if page else shelf.paths.rel(shelf.paths.bibfile)
        raise ShelfError(f"the key {key!r} is already on the shelf ({where}); nothing was added")


def _write(shelf: Shelf, fields: dict[str, object], bibtex: str) -> Added:
    paths = shelf.paths
    slug = unique_name(slugify(str(fields["short_name"])), set(shelf.slugs))
    page = paths.papers / f"{slug}.md"
    old_bib = shelf.bib_texts.get(paths.bibfile, "")
    commit({paths.bibfile: append_text(old_bib, bibtex), page: render_front_matter(fields)})
    return Added(str(fields["key"]), str(fields["short_name"]), page, paths.bibfile)


def add_from_arxiv(paths: ShelfPaths, text: str, api_url: str = DEFAULT_API, timeout: float = 20.0, status: str = "unread", today: dt.date | None = None) -> Added:
    identifier = parse_identifier(text)
    shelf = load_shelf(paths)
    _refuse_known(shelf, "", identifier)
    paper = fetch(identifier, api_url, timeout)
    style = detect_style(shelf.entries.values())
    key = make_key(style, paper.authors[0], paper.published[:4], paper.title, shelf.all_keys())
    short_name, _ = derive_names(paper.title)
    fields: dict[str, object] = {
        "key": key,
        "title": paper.title,
        "short_name": short_name,
        "status": status,
        "date": paper.month,
        "added": (today or dt.date.today()).isoformat(),
        "links": {"paper": paper.abs_url},
    }
    return _write(shelf, fields, bibtex_entry(paper, key))


def add_from_bibtex(paths: ShelfPaths, file: Path, status: str = "unread", today: dt.date | None = None) -> Added:
    try:
        text = file.read_text(encoding="utf-8-sig").strip()
    except (OSError, UnicodeDecodeError) as error:
        raise ShelfError(f"cannot read {file}: {error}") from error
    scan = BibScan(str(file))
    scan_text(text, scan)
    if len(scan.declared) != 1:
        raise ShelfError(f"{file} must hold exactly one BibTeX entry; it holds {len(scan.declared)}")
    if scan.problems or not scan.entries:
        raise ShelfError("; ".join(p.format() for p in scan.problems) + "; nothing was added")
    entry = next(iter(scan.entries.values()))
    identifier = eprint_id(entry)
    shelf = load_shelf(paths)
    _refuse_known(shelf, entry.key, identifier)
    title = " ".join(re.sub(r"[{}]", "", entry.get("title")).split())
    if not title:
        raise ShelfError(f"the entry {entry.key!r} in {file} has no title; nothing was added")
    short_name, _ = derive_names(title)
    url = entry.get("url").strip()
    paper_link = arxivid.abs_url(identifier) if identifier else (url if url.startswith(("http://", "https://")) else "")
    date = from_arxiv(paper_link) or from_bibtex(entry.get("year"), entry.get("month"))
    date_text = date.iso() if date else ""
    fields: dict[str, object] = {
        "key": entry.key,
        "title": title,
        "short_name": short_name,
        "status": status,
        "date": date_text,
        "added": (today or dt.date.today()).isoformat(),
        "links": {"paper": paper_link} if paper_link else {},
    }
    return _write(shelf, fields, text)
