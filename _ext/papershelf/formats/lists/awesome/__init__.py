"""The two common "awesome list" shapes: one table row or one bullet per paper.

Tables (``| [**Title**](paper-url) | Venue | 2024-03-05 | [Github](...) |``)
and bullets (``- (2023-05) **Title** [paper](...) | [code](...)`` with
indented notes) are read on markdown-it-py tokens, whose line maps locate
every finding. ``##``/``###`` headings are topics, year headings (``### 2023``)
dates. ``<details>``/``<summary>`` lines only fold a table: they are blanked
(line count kept) so the table inside parses.

Every cell and line lands somewhere: a front matter field, a labelled link,
the page body (other columns as labelled facts, the item's own text, its
indented notes), or a located finding. Items with no paper link (tools,
leaderboards, courses) are kept apart as resources, not papers.

The reading is a pipeline of modules, one concern each: ``cleanup`` (text
made safe to parse), ``inline`` (pieces and links), ``group`` (one entry's
lines -> an Item), ``tables`` and ``bullets`` (where entries are), ``citations``
(BibTeX blocks and prose that date and name entries), ``resources``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from papershelf.formats.lists.awesome.bullets import (
    HTML_ITEM,
    NEWS_HEADING,
    Section,
    authors_bullet,
    close_section,
    field_lines,
    field_paragraph,
    fields_of,
    quoted_lines,
    read_html_cards,
    read_html_list,
    read_list,
    read_news,
    topic_name,
)
from papershelf.formats.lists.awesome.citations import (
    apply_citations,
    bibtex_fields,
    cited_by_number,
    cited_in_prose,
)
from papershelf.formats.lists.awesome.cleanup import (
    BIBTEX_OPENER,
    FOLDING,
    blank_folding,
    refused_links,
)
from papershelf.formats.lists.awesome.group import place_group
from papershelf.formats.lists.awesome.inline import (
    MARKDOWN,
    anchors,
    arxiv_in,
    bold_alone,
    end_of,
    has_paper,
    html_inlines,
    inline_of,
    is_paper_url,
    md_text,
    normal_date,
    pieces,
    plain,
    safe_markdown,
)
from papershelf.formats.lists.awesome.parsed import Parsed
from papershelf.formats.lists.awesome.resources import body_text, resources_page
from papershelf.formats.lists.awesome.tables import read_html_table, read_table
from papershelf.formats.lists.entries import Item, ListReading, Shape
from papershelf.formats.lists.fields import date_heading, heading_date, month_heading, venue_heading
from papershelf.formats.lists.footnotes import inline_footnotes
from papershelf.formats.lists.readinglist import html_as_markdown
from papershelf.formats.lists.tex import tex_as_text
from papershelf.model.problems import Code, Problem

if TYPE_CHECKING:
    from markdown_it.token import Token

    from papershelf.model.settings import ShelfSettings

#: what the importer and the tests use of this shape
__all__ = ["FOLDING", "SHAPE", "arxiv_in", "body_text", "is_paper_url", "normal_date", "parse_awesome", "read", "resources_page"]

#: a section telling how to add an entry: its code (fenced or indented) holds a template's example links, no papers
CONTRIBUTING_HEADING = re.compile(r"^\W*(?:contributing|contributions?|how\s+to\s+(?:contribute|add\s+(?:a\s+)?(?:paper|entry|entries))|(?:entry\s+)?template)\W*$", re.IGNORECASE)
YEAR_HEADING = re.compile(r"^\W*((?:19|20)\d{2})\W*$")


def parse_awesome(text: str, path: str) -> Parsed:
    text, refused = refused_links(tex_as_text(inline_footnotes(text)))
    lines = text.split("\n")
    tokens = MARKDOWN.parse(blank_folding(text))
    parsed = Parsed()
    parsed.problems += [Problem(Code.BAD_URL, "a link to a script or a file (`javascript:`, `data:`, `vbscript:`, `file:`) was dropped, its words kept; "
                                "link the paper's web page", line, path) for line in refused]
    headings: dict[int, str] = {}
    venues: dict[int, tuple[str, str]] = {}  #: headings naming a venue and year ("## ICLR 2024"), by level
    venue_from = 0  #: the first item read under the current heading
    year = ""
    section: Section | None = None
    quoted = 0  #: blockquotes the token is in
    #: the paper a paragraph card just placed, and where that paragraph closed: a quote right below it is its note
    #: ("**Title**  " / authors / venue / "[paper](…)", then "> TL;DR: …")
    card: Item | None = None
    card_end = -1
    quote_of: Item | None = None  #: the card the quote being read annotates
    #: the last paragraph, when it was a bold title alone: (paragraph, where its notes line is) -- a list of fields just
    #: below is that paper's ("**Rewrite the Stars**" then "- Paper: https://arxiv.org/…" and "- Code: …")
    bold_title: tuple[Token, int] | None = None
    # a list whose sections are "#" headings ("# Backbone", "# CLIP" under "# CVPR 2024 Papers"): all but the first
    # are topics; in a list of one "#" heading, that is its title
    first_titles = [(token.map or [0])[0] + 1 for token in tokens if token.type == "heading_open" and token.tag == "h1"]
    titles_are_topics, first_title = len(first_titles) > 1, (first_titles or [0])[0]
    index = 0
    while index < len(tokens):
        token = tokens[index]
        titled = bold_title if token.type.endswith("list_open") else None
        bold_title = bold_title if token.type == "paragraph_close" else None
        html_heading = HTML_HEADING.match(token.content) if token.type == "html_block" else None
        if token.type == "heading_open" or html_heading:
            parsed.open_item = None
            close_section(section, parsed, path)
            cited_in_prose(parsed)
            _venue_of_heading(parsed.items[venue_from:], venues)
            if html_heading:  # <h3 id="node">Node Classification</h3>: a heading as GitHub shows it
                said = " ".join(line for line in html_as_markdown(html_heading.group(2)) if line.strip())
                level, inline = int(html_heading.group(1)), inline_of(said, (token.map or [0])[0] + 1)
            else:
                level, inline = int(token.tag[1]), tokens[index + 1]
            if titles_are_topics and (token.map or [0])[0] + 1 == first_title:
                level = 0  # the list's title, above its "#" sections
            # a badge in a heading ("Awesome List [![Awesome](…)](…)") is no part of its name, nor a link back up the
            # page beside its words ("Attention ([©️back👆🏻](#paperlist))", not "[Survey papers](#content)")
            shown = [p for p in pieces(inline) if p.kind != "image" and not (p.kind == "link" and p.image)] if inline else []
            words = [p for p in shown if not (p.kind == "link" and p.url.startswith("#"))]
            content = " ".join(re.sub(r"[(\[]\s*[)\]]", " ", plain(words)).split()) or " ".join(plain(shown).split())
            found = date_heading(content) or month_heading(content, year)  # "### March" under "## 2024": March of 2024
            headings = {lvl: name for lvl, name in headings.items() if lvl < level}  # a year heading ends its siblings' topics too
            venues = {lvl: said for lvl, said in venues.items() if lvl < level}
            if venue_heading(content)[0]:
                venues[level] = venue_heading(content)
            topic = headings[max(headings)] if headings else ""
            if found:
                year = found
            else:
                if level >= 2 or (level == 1 and titles_are_topics):
                    headings[level] = topic_name(content)
                # "Top Papers of the Week (June 23 - June 29) - 2025": a topic with a date; "### Oral" under "## ICLR 2024": its year
                year = heading_date(content) or (venues[max(venues)][1] if venues else "")
            parsed.notes += ["", f"{'#' * max(1, level)} {md_text(content)}"]
            line = (token.map or [0])[0] + 1
            section = None if found or not content else Section(level, content, line, len(parsed.notes), len(parsed.items) + len(parsed.resources), len(parsed.items), len(parsed.resources), topic=topic, heading=inline)
            index += 1 if html_heading else 3
            venue_from = len(parsed.items)
            continue
        if token.type == "html_block" and FOLD_END.fullmatch(token.content):
            # the end of a paper's <details> whose summary was its heading: the paper ends there, and so does its "topic"
            parsed.open_item = None
            close_section(section, parsed, path)
            cited_in_prose(parsed)
            section, headings = None, {lvl: name for lvl, name in headings.items() if lvl < 6}
            index += 1
            continue
        topic = headings[max(headings)] if headings else ""
        if section is not None:
            section.year = section.year or year
        if titled and token.type.endswith("list_open") and (fields := field_lines(tokens, index)):
            title, notes_at = titled
            del parsed.notes[notes_at - 1 : notes_at + 1]  # the title's paragraph was prose until its fields came
            if section is not None:
                section.inlines.remove(title)
            place_group([title, *fields], topic, year, path, parsed, ())
            index = end_of(tokens, index, token.type)
            continue
        if token.type == "table_open":
            index = read_table(tokens, index, lines, topic, year, path, parsed)
            continue
        fields = field_lines(tokens, index) if section is not None and section.level >= 2 and token.type.endswith("list_open") else []
        if fields and section is not None and len(parsed.items) + len(parsed.resources) == section.found:
            section.inlines += fields  # "- Paper link: …", "- Code: …" under a paper's heading: its fields, no entries
            index = end_of(tokens, index, token.type)
            continue
        if token.type == "bullet_list_open" and parsed.open_item is not None and parsed.resources and parsed.resources[-1] is parsed.open_item[0] \
                and (authored := authors_bullet(tokens, index, end_of(tokens, index, token.type))):
            # "10. **Title.**" then "   *\tA. Owl, B. Heron. [[pdf](…)]", indented too little to be nested: its paper
            _, inlines, where = parsed.open_item
            parsed.resources.pop()
            place_group([*inlines, *authored], *where, path, parsed, ())
            parsed.open_item = None
            index = end_of(tokens, index, token.type)
            continue
        if (token.type == "bullet_list_open" or token.type == "ordered_list_open") and NEWS_HEADING.match(topic):
            index = read_news(tokens, index, lines, year, path, parsed)
            continue
        if token.type == "bullet_list_open" or token.type == "ordered_list_open":
            index = read_list(tokens, index, lines, topic, year, path, parsed)
            continue
        if token.type == "html_block" and re.search(r"<table\b", token.content, re.IGNORECASE):
            index = read_html_table(tokens, index, lines, topic, year, path, parsed)
            continue
        if token.type == "html_block" and HTML_ITEM.search(token.content) and read_html_list(token, topic, year, path, parsed):
            index += 1
            continue
        if token.type == "html_block" and read_html_cards(token, topic, year, path, parsed):
            index += 1
            continue
        if token.type == "html_block" and section is not None:
            section.inlines += html_inlines(token.content, (token.map or [0])[0] + 1)
        # link lines indented by mistake: Markdown, not code -- but under "Contributing" an indented block is the entry template
        if token.type == "code_block" and "](" in token.content and not CONTRIBUTING_HEADING.match(topic):
            start = (token.map or [0])[0]
            for number, row in enumerate(token.content.split("\n")):
                inline = inline_of(row.strip(), start + number + 1)
                if inline is not None and anchors(pieces(inline)):
                    place_group([inline], topic, year, path, parsed, ())
                elif inline is not None and has_paper(pieces(inline)):  # "    [arXiv](…) [GitHub](…)" under a paper's heading: its links
                    if section is not None:
                        section.inlines.append(inline)
                    parsed.prose.append((inline, topic, year))
        if token.type in ("blockquote_open", "blockquote_close"):
            quoted += 1 if token.type == "blockquote_open" else -1
            quote_of = (card if card_end == index - 1 else None) if token.type == "blockquote_open" and quoted == 1 else quote_of if quoted else None
        if token.type == "inline" and quote_of is not None and quoted and not has_paper(pieces(token)):
            quote_of.body += ["", f"> {safe_markdown(pieces(token))}"]  # "> TL;DR: …" under a card: that paper's note
            index += 1
            continue
        if token.type == "inline" and token.level == 1 + quoted:  # a paragraph of its own (in a quote too: "> **Title**<br>> [[Paper](…)]")
            parts = pieces(token)
            said = date_heading(plain(parts))
            if said:
                year = said  # "*(2016)*": the papers below are of that year
            elif section is not None and section.level >= 2 and len(parsed.items) + len(parsed.resources) == section.found and field_paragraph(token):
                # "**Link**: …", "**Authors**: …", "**Published**: …" under "## 12. Title": its fields, a line each
                start = (token.map or [0])[0]
                section.inlines += [inline for number, row in fields_of(token) if (inline := inline_of(row, start + number + 1)) is not None]
            elif anchors(parts):
                # "**Title**" / "Authors" / "CVPR 2020" / "[Paper](…)", a line each, quoted or not: one field a line
                placed = len(parsed.items)
                place_group(quoted_lines(token), topic, year, path, parsed, ())
                card, card_end = (parsed.items[-1], index + 1) if len(parsed.items) > placed and not quoted else (None, -1)
            elif has_paper(parts) and parsed.open_item is not None and parsed.resources and parsed.resources[-1] is parsed.open_item[0]:
                # "19. **Title**" then, after a blank line, "   *Authors* [[pdf](...)]" indented too little for the item: its paper
                _, inlines, where = parsed.open_item
                parsed.resources.pop()
                place_group([*inlines, token], *where, path, parsed, ())
                parsed.open_item = None
            else:
                parsed.open_item = None
                parsed.notes += ["", safe_markdown(parts)]
                if section is not None:
                    section.inlines.append(token)
                if has_paper(parts):
                    parsed.prose.append((token, topic, year))
                elif bold_alone(parts):
                    bold_title = (token, len(parsed.notes) - 1)
        if token.type == "fence" and token.level == 0 and BIBTEX_OPENER.search(token.content):
            line = (token.map or [0])[0] + 1
            parsed.citations += [(line, fields, raw) for fields, raw in bibtex_fields(token.content)]
            fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", token.content)), default=0))
            parsed.notes += ["", f"{fence}bibtex", *token.content.rstrip("\n").split("\n"), fence]
        index += 1
    close_section(section, parsed, path)
    cited_in_prose(parsed)
    _venue_of_heading(parsed.items[venue_from:], venues)
    apply_citations(parsed, lines)
    cited_by_number(parsed, lines)
    return parsed


def _venue_of_heading(items: list[Item], venues: dict[int, tuple[str, str]]) -> None:
    """Papers under "## ICLR 2024" (or its "### Oral") appeared there, unless they say another venue."""
    if not venues:
        return
    venue = venues[max(venues)][0]
    for item in items:
        if not item.venue:
            item.venue = venue
            item.facts.insert(0, ("Venue", venue))


#: what :func:`blank_folding` keeps of a paper's ``<details>``: its end
FOLD_END = re.compile(r"\s*</details>\s*")
HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]{0,300}>((?:(?!</h[1-6]).){1,300})</h\1\s*>\s*$", re.IGNORECASE | re.DOTALL)


def read(text: str, path: str, settings: ShelfSettings) -> ListReading:
    found = parse_awesome(text, path)
    note_lines = sum(1 for line in found.notes if line.strip() and not line.startswith("#"))
    return ListReading(path, items=found.items, notes=found.notes, note_lines=note_lines, resources=found.resources, navigation=found.navigation, problems=found.problems)


SHAPE = Shape("awesome", "a table row or a bullet per paper; a BibTeX entry is generated for each, marked for `enrich`", read)
