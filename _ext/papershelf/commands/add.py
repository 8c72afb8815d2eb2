"""``papershelf add``: a paper from the arXiv API (or a BibTeX entry) onto the shelf.

The arXiv API answers ``{base}/query?id_list=ID`` with an Atom feed. An
unknown identifier gives a feed without entries, or an entry whose ``id`` is
an error URL; both, like a network failure or a malformed answer, raise
:class:`~papershelf.commands.init.ShelfError` before any file is touched.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from papershelf.formats import arxivid
from papershelf.formats.bibfile import (
    BibScan,
    eprint_id,
    scan_text,
)
from papershelf.formats.dates import from_arxiv, from_bibtex
from papershelf.shelf.load import Shelf, load_shelf
from papershelf.shelf.naming import derive_names, detect_style, make_key
from papershelf.shelf.paths import (
    ShelfError,
    ShelfPaths,
    append_text,
    commit,
    render_front_matter,
    slugify,
    unique_name,
)
from papershelf.sources.arxiv import DEFAULT_API, bibtex_entry, fetch

if TYPE_CHECKING:
    from pathlib import Path


def parse_identifier(text: str) -> str:
    """``2304.08485``, ``arXiv:2304.08485v2``, ``hep-th/9901001``, arXiv URLs -> the canonical id."""
    identifier = arxivid.identifier(text)
    if identifier:
        return identifier
    raise ShelfError(f"{text!r} is not an arXiv identifier or URL (expected e.g. 2304.08485, arXiv:2304.08485v2 or https://arxiv.org/abs/2304.08485)")


# --- the API -------------------------------------------------------------------


# --- BibTeX keys and entries ---------------------------------------------------


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
    commit({paths.bibfile: append_text(old_bib, bibtex), page: render_front_matter(fields)}, within=paths.root)
    return Added(str(fields["key"]), str(fields["short_name"]), page, paths.bibfile)


def add_from_arxiv(paths: ShelfPaths, text: str, api_url: str = DEFAULT_API, timeout: float = 20.0, status: str = "unread", today: dt.date | None = None) -> Added:
    identifier = parse_identifier(text)
    shelf = load_shelf(paths)
    shelf.require_readable()  # an unreadable .bib stops the command before anything is planned
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
    shelf.require_readable()  # an unreadable .bib stops the command before anything is planned
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
    return _write(shelf, fields, entry.raw)  # the entry as parsed, and nothing else of the file
