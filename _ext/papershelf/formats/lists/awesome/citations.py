"""BibTeX blocks and prose citations in a list: their ids date and name the entries they cite."""

from __future__ import annotations

import re

import bibtexparser

from papershelf.formats import arxivid
from papershelf.formats.lists.awesome.inline import arxiv_in, is_paper_url, normal_key, pieces
from papershelf.formats.lists.awesome.parsed import Parsed, place
from papershelf.formats.lists.entries import Item, LabelledLink
from papershelf.formats.lists.fields import (
    authors_of,
    clean_title,
    is_label,
    paper_like,
)

BIBTEX_OPENER = re.compile(r"@\s*(?:article|inproceedings|misc|book|incollection|techreport|phdthesis|unpublished|online|conference)\s*\{", re.IGNORECASE)


#: words that open a sentence, not a title ("our survey on owls", "this paper")
PROSE_OPENER = re.compile(r"^(?:our|my|their|his|her|its|this|these|that|those|see|here|the\s+(?:paper|survey|work|repo))\b", re.IGNORECASE)


ARXIV_NUMBER = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])")


def bibtex_fields(text: str) -> list[dict[str, str]]:
    """The entries of a BibTeX block the list shows ("please cite"), as field name -> value (braces dropped)."""
    library = bibtexparser.parse_string(text)  # a block that does not parse is a failed block, no entry
    out = []
    for entry in library.entries:
        fields = {item.key.lower(): " ".join(re.sub(r"[{}]", "", str(item.value)).split()) for item in entry.fields}
        if fields.get("title"):
            out.append(fields)
    return out


def cited_in_prose(parsed: Parsed) -> None:
    """Papers a paragraph of prose names by a linked title ("our survey: [*Title*](arxiv-url)"); a link labelled
    "paper" or "here" names none, but the list's BibTeX may (see :func:`apply_citations`)."""
    known = {normal_key(link.url) for item in [*parsed.items, *parsed.resources] for link in item.links}
    for token, topic, year in parsed.prose:
        line = (token.map or [0])[0] + 1
        for part in pieces(token):
            # a paper host's link (any PDF in prose may be slides or a book)
            if part.kind != "link" or not is_paper_url(re.sub(r"\.pdf(?=$|[?#])", "", part.url)) or not part.url.startswith(("http://", "https://")) or normal_key(part.url) in known:
                continue
            title = clean_title(part.text).text
            if part.image or is_label(part.text) or not paper_like(title) or PROSE_OPENER.match(title):
                parsed.unnamed.append((part.url, line, topic, year))
                continue
            known.add(normal_key(part.url))
            item = Item(line, title, topic, date=year, listed=year, links=[LabelledLink("paper", part.url)])
            place(item, parsed)
    parsed.prose = []


def _cited_ids(fields: dict[str, str]) -> set[str]:
    said = " ".join(fields.get(name, "") for name in ("eprint", "journal", "url", "note", "howpublished", "doi", "volume"))
    # never a template's "2401.00000": arXiv's numbers start at 1
    return {number for number in ARXIV_NUMBER.findall(said) if arxivid.parse(number) and int(number.split(".")[-1].split("v")[0] or 0)}


def apply_citations(parsed: Parsed) -> None:
    """The list's own BibTeX entries: the title and authors of the paper they cite (by its arXiv id or its title);
    a paper of their own when only prose labelled "paper" links it."""
    for line, fields in parsed.citations:
        ids, title = _cited_ids(fields), clean_title(fields["title"]).text
        authors = authors_of(fields.get("author", "")) or fields.get("author", "")
        match = next((item for item in parsed.items if (found := arxiv_in(item.paper_url)) and found.identifier in ids), None)
        match = match or next((item for item in parsed.items if normal_key(item.title) == normal_key(title)), None)
        if match is None:
            # the prose's "[paper](url)" of it, else (no link at all) its arXiv id as the paper link
            some = sorted(ids)[0] if ids else ""
            url, at, topic, year = next(((u, n, t, y) for u, n, t, y in parsed.unnamed if (found := arxiv_in(u)) and found.identifier in ids),
                                        (f"https://arxiv.org/abs/{some}" if some else "", line, "", ""))
            if not url:
                continue
            match = Item(at, title, topic, date=year, listed=year, links=[LabelledLink("paper", url)])
            place(match, parsed)
        if normal_key(match.title) != normal_key(title):  # the same words in another case: the list shows its own
            match.title = title
        if authors and not match.authors:
            match.authors = authors
        year_said = fields.get("year", "")
        if not match.date and re.fullmatch(r"(?:19|20)\d{2}", year_said):
            match.date = year_said
