"""BibTeX blocks and prose citations in a list: their ids date and name the entries they cite."""

from __future__ import annotations

import re

import bibtexparser

from papershelf.formats import arxivid
from papershelf.formats.dates import MONTHS
from papershelf.formats.lists.awesome.cleanup import folded_block
from papershelf.formats.lists.awesome.inline import arxiv_in, is_paper_url, normal_key, pieces
from papershelf.formats.lists.awesome.parsed import Parsed, place
from papershelf.formats.lists.entries import Item, LabelledLink
from papershelf.formats.lists.fields import (
    authors_of,
    clean_title,
    is_label,
    paper_like,
)

#: words that open a sentence, not a title ("our survey on owls", "this paper")
PROSE_OPENER = re.compile(r"^(?:our|my|their|his|her|its|this|these|that|those|see|here|the\s+(?:paper|survey|work|repo))\b", re.IGNORECASE)


ARXIV_NUMBER = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])")


def bibtex_fields(text: str) -> list[tuple[dict[str, str], str]]:
    """The entries of a BibTeX block the list shows ("please cite"): field name -> value (braces dropped), and the
    entry's text as written."""
    library = bibtexparser.parse_string(text)  # a block that does not parse is a failed block, no entry
    out = []
    for entry in library.entries:
        fields = {item.key.lower(): " ".join(re.sub(r"[{}]", "", str(item.value)).split()) for item in entry.fields}
        if fields.get("title"):
            out.append((fields, entry.raw or ""))
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


def apply_citations(parsed: Parsed, lines: list[str]) -> None:
    """The list's own BibTeX entries: the title and authors of the paper they cite (by its arXiv id, its title, or the
    ``<details>`` block they share with it); a paper of their own when only prose labelled "paper" links it. Inside a
    paper's ``<details>`` the BibTeX is what the authors published: its title, venue, year and month win over the
    summary's words (``<summary><b>MoCo</b> (arXiv 2019)</summary>``), and the summary's name stays its name."""
    for line, fields, raw in parsed.citations:
        ids, title = _cited_ids(fields), clean_title(fields["title"]).text
        authors = authors_of(fields.get("author", "")) or fields.get("author", "")
        match = next((item for item in parsed.items if (found := arxiv_in(item.paper_url)) and found.identifier in ids), None)
        match = match or next((item for item in parsed.items if normal_key(item.title) == normal_key(title)), None)
        block = folded_block(lines, line)
        folded = [item for item in parsed.items if block and block[0] <= item.line <= block[1]] if match is None else []
        match = folded[0] if len(folded) == 1 else match
        if folded and match is not None and match.citation:
            continue  # a paper's own block holds its entry: a second entry there ("@misc{…}" after it) says nothing of it
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
            if folded and not match.name and not paper_like(match.title):  # "SimCLR": the summary named it
                match.name = re.sub(r"\s*\([^()]{0,80}\)$", "", match.title)
            match.title = title
        if authors and not match.authors:
            match.authors = authors
        year_said = fields.get("year", "")
        if not match.date and re.fullmatch(r"(?:19|20)\d{2}", year_said):
            match.date = year_said
        if folded:
            _published(match, fields, ids)
            # the authors' own entry, in the paper's own block: it is the paper's entry, not a copy in its notes
            match.citation = match.citation or raw
            match.body = _without_block(match.body, raw)


def _without_block(body: list[str], raw: str) -> list[str]:
    """``body`` without the fenced block that holds ``raw`` (its first line)."""
    first = raw.strip().split("\n", 1)[0].strip()
    out: list[str] = []
    block: list[str] = []
    for row in body:
        if block:
            block.append(row)
            if row.strip().startswith(("```", "~~~")):
                out += [] if any(line.strip() == first for line in block) else block
                block = []
        elif re.match(r"\s*(?:```|~~~)", row):
            block = [row]
        else:
            out.append(row)
    return out + block


def _published(item: Item, fields: dict[str, str], ids: set[str]) -> None:
    """Where and when the BibTeX inside a paper's ``<details>`` says it appeared: its venue (unless the entry only
    says arXiv), its month of a year with no arXiv id to date it, its eprint as the preprint link the list left out."""
    year = fields.get("year", "")
    if re.fullmatch(r"(?:19|20)\d{2}", year) and len(item.date) <= 4:
        item.date = year  # the summary's "(arXiv 2019)" was a preprint's year (an arXiv id still dates it by its month)
    said = fields.get("booktitle") or fields.get("journal") or ""
    if said and not re.search(r"\barxiv\b", said, re.IGNORECASE) and (not item.venue or re.search(r"\barxiv\b", item.venue, re.IGNORECASE)):
        venue = said if re.search(r"(?:19|20)\d{2}", said) or not year else f"{said} {year}"
        item.facts = [("Venue", venue), *(fact for fact in item.facts if fact[0] != "Venue")]
        item.venue = venue
    arxiv = [link for link in item.links if arxiv_in(link.url)]
    if ids and not arxiv:
        item.links.append(LabelledLink("other", f"https://arxiv.org/abs/{sorted(ids)[0]}", "arXiv"))  # its preprint: when it came out
    for name in ("url", "pdf"):  # "pdf = {https://proceedings.mlr.press/…pdf}": the published copy, a link on its page too
        url = fields.get(name, "").strip()
        if re.match(r"https?://\S+$", url) and not any(normal_key(link.url) == normal_key(url) for link in item.links):
            item.links.append(LabelledLink("other", url, name))
    month = MONTHS.get(fields.get("month", "").strip().lower()[:3], 0)
    if not ids and not arxiv and month and re.fullmatch(r"(?:19|20)\d{2}", year) and item.date in ("", year):
        item.date = f"{year}-{month:02d}"


#: a reference of a survey's list, by its number: "[12] A. Owl, B. Heron. Title. In ICLR, 2023. [[link](…)]"
#: (or a numbered list's "12. A. Owl, …", a bullet's "- [12] A. Owl, …")
REFERENCE_NUMBER = re.compile(r"^\s{0,3}(?:[-*+]\s{1,4})?(?:\[(\d{1,4})\]|(\d{1,4})[.)])\s")
#: a citation by number in the text ("LLaVA [6]", "[3, 7]" is none): no link's text ("[6](…)") nor label ("[6]: …")
CITED = re.compile(r"\[(\d{1,4})\](?![(:\[])")
#: a Markdown link, read as its text: "[LLaVA](…) [6]"
MD_LINK = re.compile(r"!?\[([^\[\]\n]{0,300})\]\([^()\s]{0,1000}\)")
#: a citation linking its reference: "[[6]](#ref6)", "[6](#ref-6)"
CITED_LINK = re.compile(r"\[\[?(\d{1,4})\]?\]\(#[^()\s]{0,200}\)")
HTML_TAG = re.compile(r"<[^<>\n]{0,300}>")
#: where a clause naming a cited work starts: a separator, or "and" ("BLIP [22] and BLIP-2 [4]")
CLAUSE = re.compile(r"[,;:|()\u2014\u2013]|\s-\s|^\s*(?:[-*+]|\d{1,3}[.)])\s|\band\b")


def cited_by_number(parsed: Parsed, lines: list[str]) -> None:
    """A survey companion: the body names works by their number in its References ("**LLaVA** [6]",
    "Evaluation: POPE [15]"). The name a clause gives a number is the paper's name, and the sections citing it
    its topics; a bullet that only cites numbers ("- Flamingo [8], BLIP-2 [4]") is about those papers, no
    resource of its own."""
    numbered: dict[str, Item] = {}
    for item in parsed.items:
        found = REFERENCE_NUMBER.match(_said(lines[item.line - 1])) if 0 < item.line <= len(lines) else None
        if found:
            numbered.setdefault(found.group(1) or found.group(2), item)
    if len(numbered) < 3:  # "[1] [Title](…)" numbering a few rows is no survey's reference list
        return
    fenced = False
    for row in lines:
        if row.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        said = _said(row)
        if fenced or REFERENCE_NUMBER.match(said):
            continue
        start = 0
        for found in CITED.finditer(said):
            clause = said[start : found.start()]
            start = found.end()
            cut = list(CLAUSE.finditer(clause))
            name = clause[cut[-1].end() :].strip() if cut else clause.strip()
            if not name and said.lstrip().startswith("|"):  # "| POPE | [15] | …": a table's Ref cell cites the work its row names
                name = next((cell.strip() for cell in reversed(clause.split("|")) if cell.strip()), "")
            work = numbered.get(found.group(1))
            if work is not None and not work.name and _names_a_work(name) and normal_key(name) != normal_key(work.title):
                work.name = name
    uncited = {id(item) for item in numbered.values()}  #: papers no section has cited yet
    kept = []
    for resource in parsed.resources:
        row = _said(lines[resource.line - 1]) if 0 < resource.line <= len(lines) else ""
        papers = [numbered[number] for number in CITED.findall(row) if number in numbered]
        if resource.links or not papers or REFERENCE_NUMBER.match(row):
            kept.append(resource)
            continue
        for item in papers:  # the References section is no topic of a paper the body discusses
            topics = [topic for topic in (resource.section, *resource.tags) if topic]
            if id(item) in uncited and topics:
                item.section, item.tags = topics[0], topics[1:]
                uncited.discard(id(item))
            else:
                item.tags += [topic for topic in topics if topic != item.section and topic not in item.tags]
    parsed.resources = kept


def _said(row: str) -> str:
    """A line as its reader sees it: no HTML tags (``<a id="ref6"></a>``), links as their text, "[[6]](#ref6)" as "[6]"."""
    return re.sub(r"[*_`]", "", MD_LINK.sub(r"\1", CITED_LINK.sub(r"[\1]", HTML_TAG.sub("", row[:2000]))))


def _names_a_work(text: str) -> bool:
    """One to three words each written as a name ("LLaVA", "CLIP ViT-L/14", "mPLUG-Owl", "Kosmos-2"): a capital or
    a digit inside each word, so neither prose ("recent works [3]") nor a sentence's first word ("Transformers [3]")."""
    words = text.split()
    return 0 < len(words) <= 3 and len(text) <= 40 and re.search(r"[^\W\d_]", text) is not None and all(re.fullmatch(r"[^\W_][\w.+/'-]*", word) and re.search(r"[A-Z\d]", word[1:]) for word in words)
