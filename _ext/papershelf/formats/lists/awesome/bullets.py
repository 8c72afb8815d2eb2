"""Bullets as entries: list items, their field lines and author lines, HTML lists, News sections, a heading's section as one entry."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from papershelf.formats import arxivid
from papershelf.formats.lists.awesome.cleanup import safe_lines
from papershelf.formats.lists.awesome.group import (
    FIELD_LINE,
    date_and_venue,
    place_group,
    read_group,
    take,
)
from papershelf.formats.lists.awesome.inline import (
    DATE_TEXT,
    LINK_LABELS,
    SEPARATORS,
    Piece,
    end_of,
    has_paper,
    inline_of,
    is_paper_url,
    normal_key,
    pieces,
    plain,
    safe_markdown,
    starts_entry,
    title_link,
)
from papershelf.formats.lists.awesome.parsed import Parsed, place
from papershelf.formats.lists.awesome.tables import COLUMNS, VENUE_HEADERS, keywords_in
from papershelf.formats.lists.entries import Item
from papershelf.formats.lists.fields import (
    VENUE_ONLY,
    authors_of,
    clean_title,
    is_label,
    paper_like,
    venue_year,
)
from papershelf.formats.lists.readinglist import html_as_markdown

if TYPE_CHECKING:
    from markdown_it.token import Token


@dataclass
class Section:
    """A heading and what lies under it up to the next heading: an entry when it holds a paper link and no other entry."""

    level: int
    title: str
    line: int
    notes_at: int  #: where its notes start in ``Parsed.notes`` (after its heading)
    found: int  #: items and resources before it
    items_at: int = 0  #: items before it
    resources_at: int = 0  #: resources before it
    inlines: list[Token] = field(default_factory=list)  #: its paragraphs and converted HTML, as inline tokens
    topic: str = ""  #: the topic above it
    year: str = ""
    heading: Token | None = None  #: the heading's own inline content (a link in it may be the paper's)


HTML_ITEM = re.compile(r"<li\b", re.IGNORECASE)


def html_paragraphs(content: str) -> list[list[str]]:
    """An HTML block's Markdown lines, in runs parted by blank lines (an item, a card, a paragraph each)."""
    groups: list[list[str]] = [[]]
    for text in html_as_markdown(content):
        if text.strip():
            groups[-1].append(text)
        elif groups[-1]:
            groups.append([])
    return [group for group in groups if group]


def read_html_list(token: Token, topic: str, year: str, path: str, parsed: Parsed) -> bool:
    """An HTML ``<ul>``/``<ol>`` whose ``<li>`` items link papers (``<li>**Title** <br> *Authors* <br> [[Paper]](…)</li>``):
    each item is an entry, as a Markdown list item would be. False when no item links a paper (the block is prose)."""
    start = (token.map or [0])[0]
    rows = token.content.split("\n")
    openings = [start + number + 1 for number, row in enumerate(rows) for _ in HTML_ITEM.finditer(row)]
    groups = html_paragraphs(token.content)
    papers = [group for group in groups if has_paper([p for text in group if (inline := inline_of(text, 1)) for p in pieces(inline)])]
    if not papers:
        return False
    for number, group in enumerate(groups):
        line = openings[min(number, len(openings) - 1)] if openings else start + 1
        inlines = [inline for text in group if (inline := inline_of(text, line)) is not None]
        if group in papers:
            place_group(inlines, topic, year, path, parsed, ())
        else:
            parsed.notes += ["", safe_markdown([p for inline in inlines for p in pieces(inline)])]
    return True


#: a card's first line: its title in bold, or a bold link ("**Title**", "**[Title](…)**")
BOLD_LINE = re.compile(r"\s*(\*\*|__)(?:[^*_\[\]]{1,400}|\[[^\[\]]{1,400}\]\([^()\s]{1,1000}\))\1\s*")


def read_html_cards(token: Token, topic: str, year: str, path: str, parsed: Parsed) -> bool:
    """An HTML block holding cards: ``<p><b>Title</b><br>Authors<br>CVPR 2023<br><a href="…">Paper</a></p>``, read as
    its Markdown card would be (a bold title line, a line a field); False when no part of it is such a card."""
    start = (token.map or [0])[0] + 1
    inlines = [[inline for text in group if (inline := inline_of(text, start)) is not None] for group in html_paragraphs(token.content)]
    cards = [len(group) >= 2 and BOLD_LINE.fullmatch(group[0].content) is not None and has_paper([p for inline in group for p in pieces(inline)]) for group in inlines]
    if not any(cards):
        return False
    for group, card in zip(inlines, cards, strict=True):
        if card:
            place_group(group, topic, year, path, parsed, ())
        else:
            parsed.notes += ["", safe_markdown([p for inline in group for p in pieces(inline)])]
    return True


#: a field labelled by an emoji instead of a word: "📅 2023.05", "🏛️ CVPR 2023"
EMOJI_FIELD = re.compile(r"^\s*([^\x00-\x7f\w\s]{1,3})\s*[\w\[(]")


def field_lines(tokens: list[Token], index: int) -> list[Token]:
    """The paragraphs of a list whose items each say one field of one paper (one paper link among them, each
    label once), as under ``### Title`` with ``- Paper link: …`` and ``- Code: …``; ``[]`` for a list of entries."""
    end = end_of(tokens, index, tokens[index].type)
    inlines = [token for token in tokens[index:end] if token.type == "inline"]
    count = sum(1 for token in tokens[index:end] if token.type == "list_item_open")
    labels = [label for token in inlines if (label := _field_label(token))]
    if not inlines or len(inlines) != count or len(labels) != count or len(set(labels)) != count:
        return []
    papers = {normal_key(p.url) for token in inlines for p in pieces(token) if p.kind == "link" and is_paper_url(p.url)}
    # the line with the paper link says "Paper: …" or "[arXiv](…)"; "LLaMA: Title. [[paper]](…)" is an entry
    holders = [token for token in inlines if any(p.kind == "link" and is_paper_url(p.url) for p in pieces(token))]
    if any(FIELD_LINE.match(token.content) and _field_label(token) not in LINK_LABELS and not _links_only(token) for token in holders):
        return []
    return inlines if len(papers) == 1 else []


def _links_only(inline: Token) -> bool:
    """A field line whose value is labelled links alone: "Links: [arXiv](…) | [GitHub](…)", "链接\uff1a[arXiv](…)"."""
    parts = pieces(inline)
    label = FIELD_LINE.match(plain([p for p in parts if p.kind == "text"]))
    rest = plain([p for p in parts if p.kind == "text"])[label.end() - 1 :] if label else ""
    links = [p for p in parts if p.kind == "link"]
    return bool(links) and all(is_label(p.text) or p.image for p in links) and bool(SEPARATORS.match(rest))


def quoted_lines(inline: Token) -> list[Token]:
    """A quoted entry's lines, each its own paragraph: ``> **Title**`` / ``> Authors`` / ``> *CVPR 2020*`` /
    ``> [[paper](…)]`` say one thing a line, so the names never run into the venue below them."""
    rows = inline.content.split("\n")
    if len(rows) < 2 or not re.fullmatch(r"\s*(\*\*|__)[^*_]+\1\s*", rows[0]):
        return [inline]
    start = (inline.map or [0])[0]
    return [found for number, row in enumerate(rows) if (found := inline_of(row, start + number + 1)) is not None]


def fields_of(inline: Token) -> list[tuple[int, str]]:
    """The fields a paragraph says, one a line ("**Link**: …", "Authors: …"; a line without a label goes on the
    field above it), with the line each starts on; ``[]`` when its first line says no field."""
    fields: list[tuple[int, str]] = []
    for number, row in enumerate(inline.content.split("\n")):
        if FIELD_LINE.match(row.replace("**", "").replace("__", "")):
            # "**Project**: https://…" reads as "Project: https://…", so the bare link keeps its label
            fields.append((number, re.sub(r"^(\s*)(\*\*|__)([^*_:]{1,30}?)(\s*:)?\2(\s*:)?", r"\1\3\4\5", row)))
        elif fields and row.strip():
            fields[-1] = (fields[-1][0], f"{fields[-1][1]} {row.strip()}")
        elif row.strip():
            return []
    return fields


def field_paragraph(inline: Token) -> bool:
    """A paragraph saying two fields or more, a line each, one of them a paper link: the fields of the paper its
    heading names (``## 12. Title`` then ``**Link**: …``, ``**Authors**: …``), never an entry of its own."""
    return len(fields_of(inline)) >= 2 and has_paper(pieces(inline))


def _field_label(inline: Token) -> str:
    """What a line under a paper's heading says of it: "paper link" for "Paper link: …", "paper" for a line
    of labelled links only ("[Paper](…)", "[📄 arXiv](…) | [Code](…)"); ``""`` for anything else."""
    found = FIELD_LINE.match(inline.content)
    if found:
        return found.group(1).strip().lower()
    parts = pieces(inline)
    emoji = EMOJI_FIELD.match(inline.content)
    if emoji and not any(p.kind == "link" for p in parts):  # "📅 2023.05" says a field; "🔥 [Title](…)" is an entry
        return emoji.group(1)
    links = [p for p in parts if p.kind == "link"]
    rest = plain([p for p in parts if p.kind == "text"])
    if links and all(is_label(p.text) or p.image for p in links) and (not rest or SEPARATORS.match(rest)):
        return " ".join(normal_key(p.text) for p in links)
    return ""


def close_section(section: Section | None, parsed: Parsed, path: str) -> None:
    """A heading whose section holds a paper link and no entry of its own is the entry: ``### Title`` with badges below.

    A section that also holds entries (a follow-up named in its notes) is still one when its heading reads as a
    paper's title and its own paragraphs link a paper none of those entries has; they are no sub-topic of it.
    """
    if section is None or section.level < 2:
        return
    head = [section.heading] if section.heading is not None else []
    parts = [piece for inline in [*head, *section.inlines] for piece in [*pieces(inline), Piece("br")]]
    if not has_paper(parts):
        return
    inner = [*parsed.items[section.items_at :], *parsed.resources[section.resources_at :]]
    if inner:
        theirs = {normal_key(link.url) for item in inner for link in item.links}
        own = {normal_key(p.url) for p in parts if p.kind == "link" and is_paper_url(p.url)}
        if not paper_like(clean_title(section.title).text) or not own - theirs:
            return
        for nested in inner:  # the heading is a paper now, not their topic
            nested.section = section.topic if nested.section == topic_name(section.title) else nested.section
            nested.tags = [tag for tag in nested.tags if tag != topic_name(section.title)]
    heading = section.heading if section.heading is not None else inline_of(section.title, section.line)
    if heading is None:
        return
    item = read_group([heading, *section.inlines], section.line, section.topic, section.year, path, parsed, (), heading_title=True)
    if item is None:
        return
    # the section's paragraphs are the paper's notes, after what its own lines put in the body (a figure's link), each
    # block as the notes hold it (a BibTeX fence keeps its lines together)
    body = parsed.notes[section.notes_at :]
    while body and not body[-1].strip():
        body = body[:-1]
    item.body = [*item.body, *(body if body and not body[0].strip() else ["", *body])] if any(line.strip() for line in body) else item.body
    del parsed.notes[section.notes_at - 2 :]
    place(item, parsed)


#: an outline number before a heading's words: "1. ", "2) ", "2.1 ", "3.2.1. " (not "3D", "2 Stage", a year)
OUTLINE_NUMBER = re.compile(r"^\d{1,2}(?:(?:\.\d{1,2})+\.?|[.)])\s+(?=[^\W\d_])")


def topic_name(heading: str) -> str:
    """A section heading as a topic: without the emoji and symbols that decorate it ("🤖 Models") or its number in
    the list's outline ("2.1 Planning")."""
    name = re.sub(r"^[^\w(\[]+|[^\w)\]!?.+#]+$", "", heading) or heading
    return OUTLINE_NUMBER.sub("", name) or name


def read_list(tokens: list[Token], index: int, lines: list[str], section: str, year: str, path: str, parsed: Parsed, tags: tuple[str, ...] = ()) -> int:
    opening = tokens[index].type
    end = end_of(tokens, index, opening)
    position = index + 1
    while position < end:
        if tokens[position].type != "list_item_open":
            position += 1
            continue
        item_end = end_of(tokens, position, "list_item_open")
        _read_item(tokens, position, item_end, lines, section, year, path, parsed, tags)
        position = item_end
    return end


#: a repository's news: "- **[2024.03]** 🎉 Our paper [X](…) is accepted to CVPR 2024!"
NEWS_HEADING = re.compile(r"^(?:latest\s+|recent\s+)?(?:news|updates?|announcements?|change\s*log|what'?s\s+new|新闻|动态|最新动态|更新)\W*$", re.IGNORECASE)


def read_news(tokens: list[Token], index: int, lines: list[str], year: str, path: str, parsed: Parsed) -> int:
    """A news list: the papers it names are papers, but a news line's date is when the news came (an acceptance,
    a release), not when the paper did; its arXiv id or venue dates it when it has one. "News" is no topic."""
    first = len(parsed.items)
    end = read_list(tokens, index, lines, "", year, path, parsed)
    for item in parsed.items[first:]:
        # the line as written, for the page; its italics name a journal, its bold "[2024.03]" a day, not authors or a venue
        said = re.sub(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+", "", lines[item.line - 1]).strip() if 0 < item.line <= len(lines) else ""
        venue, venue_said = venue_year(take(said, item.title))
        item.authors, item.venue = "", f"{venue} {venue_said}" if venue else ""
        item.facts = [("Venue", item.venue)] if venue else []
        item.body = [*safe_lines([f"News: {said}"]), *item.body] if said else item.body
        if arxivid.of_link(item.paper_url) or venue:
            item.date = venue_said if venue and not arxivid.of_link(item.paper_url) else item.listed
    return end


def _papers_in(tokens: list[Token], start: int, end: int) -> bool:
    return any(token.type == "inline" and starts_entry(pieces(token)) for token in tokens[start:end]) or any(
        token.type == "inline" and has_paper(pieces(token)) for token in tokens[start:end]
    )


def _read_item(tokens: list[Token], start: int, end: int, lines: list[str], section: str, year: str, path: str, parsed: Parsed, tags: tuple[str, ...]) -> None:
    """One list item: each of its paragraphs that opens with a paper's title link is a paper; the paragraphs
    after it (an author line, its links) belong to it; a first paragraph without a paper link names the
    sub-topic of the papers below it. Nested lists are read the same way when they hold papers."""
    level = tokens[start].level
    span = tokens[start].map or [0, 0]
    groups: list[list[Token]] = []
    nested: list[tuple[int, int]] = []
    other: list[tuple[int, int]] = []  #: line spans of HTML, quotes, code inside the item
    position = start + 1
    while position < end - 1:
        token = tokens[position]
        if token.type in ("bullet_list_open", "ordered_list_open"):
            closing = end_of(tokens, position, token.type)
            nested.append((position, closing))
            position = closing
            continue
        if token.type == "inline" and token.level == level + 2:
            parts = pieces(token)
            if groups and starts_entry(parts):
                groups.append([token])
            elif groups:
                groups[-1].append(token)
            else:
                groups.append([token])
        elif token.level == level + 1 and token.map and token.type in ("html_block", "code_block", "fence", "blockquote_open", "table_open"):
            other.append((token.map[0], token.map[1]))
            if token.type in ("blockquote_open", "table_open"):
                position = end_of(tokens, position, token.type)
                continue
        position += 1
    if len(groups) == 1 and not has_paper([p for inline in groups[0] for p in pieces(inline)]):
        # "- **Title**" with sub-bullets "Paper: …", "Code: …", "📅 2023.05": one paper, its fields below it
        fields = next(((a, b, found) for a, b in nested if (found := field_lines(tokens, a))), None)
        if fields is not None:
            groups[0] = [*groups[0], *fields[2]]
            nested.remove(fields[:2])
    if not groups:  # "- 12) [Title](...)": the item is a list of its own
        last: Item | None = None
        for a, b in nested:
            span_of = tokens[a].map or [0, 0]
            if last is not None and not _papers_in(tokens, a, b):
                # "- 1) [Title](…)" then "  - TL;DR: …", a list beside it in the item: the paper's notes
                last.body.extend(["", *safe_lines(lines[span_of[0] : span_of[1]])])
                continue
            count = len(parsed.items)
            read_list(tokens, a, lines, section, year, path, parsed, tags)
            last = parsed.items[-1] if len(parsed.items) > count else None
        return
    papers = [group for group in groups if has_paper([p for inline in group for p in pieces(inline)])]
    if len(groups) == 1 and not papers and len(nested) == 1 and (authored := authors_bullet(tokens, *nested[0])):
        groups[0] += authored  # "10. **Title.**" above "   * A. Owl, B. Heron. [[pdf](…)]": one paper, not a topic
        papers, nested = [groups[0]], []
    topic = ""
    if len(groups) > 1 and groups[0] not in papers:
        head = groups.pop(0)
        first = title_link([p for p in pieces(groups[0][0])]) if groups else None
        head_text = plain(pieces(head[0]))
        if first is not None and normal_key(head_text) == normal_key(first.text):
            groups[0] = [*head, *groups[0]]  # the bold title again as the link's text: one paper
        else:
            topic = topic_name(clean_title(head_text).text)[:80]
    inner = [*tags, topic] if topic else list(tags)
    items = []
    for group in groups:
        line = (group[0].map or span)[0] + 1
        item = read_group(group, line, section, year, path, parsed, tuple(inner))
        if item is not None:
            items.append(item)
    nested_papers = [(a, b) for a, b in nested if _papers_in(tokens, a, b)]
    if items:
        body_spans = [*other, *(((tokens[a].map or [0, 0])[0], (tokens[a].map or [0, 0])[1]) for a, b in nested if (a, b) not in nested_papers)]
        rows = [row for a, b in sorted(body_spans) for row in lines[a:b]]
        if rows:
            items[-1].body.extend(["", *safe_lines(rows)])
        for a, b in nested:
            if (a, b) not in nested_papers:
                _author_line(items[-1], [token for token in tokens[a:b] if token.type == "inline"], year)
    subtopic = tuple([*inner, *([] if topic or not items or items[-1].paper_url else [items[-1].title[:80]])])
    for a, _ in nested_papers:
        before = len(parsed.resources)
        read_list(tokens, a, lines, section, year, path, parsed, subtopic if not (items and items[-1].paper_url) else tuple(inner))
        if items and items[-1].paper_url:
            # "- Key idea: …" beside "- Related: [Title](…)" under a paper: a note of the paper, no resource of its own
            notes = [resource for resource in parsed.resources[before:] if not resource.links and 0 < resource.line <= len(lines)]
            parsed.resources[before:] = [resource for resource in parsed.resources[before:] if all(resource is not note for note in notes)]
            items[-1].body.extend(["", *safe_lines([lines[resource.line - 1].strip() for resource in notes])] if notes else [])
    for item in items:
        if item.paper_url or not nested_papers:
            place(item, parsed)
    if items and not items[-1].paper_url and not nested_papers and len(groups) == 1:
        parsed.open_item = (items[-1], groups[0], (section, year))


def authors_bullet(tokens: list[Token], start: int, end: int) -> list[Token]:
    """The lines of a nested list of one item that starts with its paper's authors and holds its paper link
    (``* A. Owl, B. Heron. [[pdf](…)]`` under a bold title); ``[]`` for anything else."""
    inlines = [token for token in tokens[start:end] if token.type == "inline"]
    if sum(1 for token in tokens[start:end] if token.type == "list_item_open") != 1 or not inlines:
        return []
    parts = pieces(inlines[0])
    first = next((number for number, part in enumerate(parts) if part.kind == "link"), len(parts))
    said = re.sub(r"[\[\]()|]", " ", plain([p for p in parts[:first] if p.kind == "text"]))  # "A, B. [[pdf](…)]"
    return inlines if has_paper([p for inline in inlines for p in pieces(inline)]) and authors_of(said) else []


def _author_line(item: Item, inlines: list[Token], year: str) -> None:
    """A sub-bullet under a paper saying who wrote it and where: ``- A. Owl and B. Heron. *ICCV 2015*``; a
    sub-bullet saying only where or when (``- NeurIPS 2016``, ``- 2023.05``) dates it."""
    for inline in inlines:
        parts = pieces(inline)
        # "- Conference: NeurIPS 2022", "- Keyword: InstructGPT, Human Feedback": what a table's Venue or Keywords column says
        labelled = FIELD_LINE.match(plain(parts))
        label, value = (labelled.group(1).lower(), plain(parts)[labelled.end() - 1 :]) if labelled else ("", "")
        if label in VENUE_HEADERS:
            date_and_venue(item, [value], year)
            continue
        if COLUMNS.get(label) == "keywords":
            item.tags += keywords_in(value)
            continue
        said = plain([p for p in parts if p.kind == "text"]).strip(" *_.,;:()[]")
        if said and not [p for p in parts if p.kind == "link"] and (VENUE_ONLY.fullmatch(said) or DATE_TEXT.fullmatch(said)):
            date_and_venue(item, [said], year)
            continue
        upright, italic = plain([p for p in parts if p.kind == "text" and not p.em]), plain([p for p in parts if p.kind == "text" and p.em])
        names = authors_of(upright)
        if not names and not upright.strip(" .,;:"):
            names, italic = authors_of(italic), ""  # "  - *A. Owl, B. Heron*": the names in italics alone
        if names and not item.authors:
            item.authors = names
            date_and_venue(item, [italic], year)
