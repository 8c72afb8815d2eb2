"""Table rows as entries: Markdown and HTML tables, columns read by their header."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bs4 import Tag

from papershelf.formats import arxivid
from papershelf.formats.lists.awesome.group import (
    credit,
    date_and_venue,
    place_group,
    says_more,
    strong_runs,
)
from papershelf.formats.lists.awesome.inline import (
    CODE_HOST,
    EMPTY,
    HF_MODEL,
    SEPARATORS,
    STAR_BADGE,
    Piece,
    classify_in_row,
    end_of,
    has_paper,
    inline_of,
    is_paper_url,
    link_kind,
    md_link,
    md_text,
    names_its_host,
    normal_date,
    paper_named,
    pieces,
    plain,
    safe_markdown,
    shields_text,
    title_link,
)
from papershelf.formats.lists.awesome.parsed import Parsed, place
from papershelf.formats.lists.entries import Item, LabelledLink
from papershelf.formats.lists.fields import (
    VENUE_ONLY,
    authors_of,
    clean_title,
    is_label,
    paper_like,
    venue_spelled_out,
)
from papershelf.formats.lists.readinglist import html_as_markdown, html_soup
from papershelf.model.problems import Code, Problem

if TYPE_CHECKING:
    from markdown_it.token import Token

#: table header (lower case, markup stripped) -> role
COLUMNS = {
    **dict.fromkeys(("title", "paper", "papers", "name", "paper title", "paper name", "model", "method", "tool", "software"), "title"),
    **dict.fromkeys(("标题", "题目", "论文", "论文标题", "论文名称", "名字", "名称", "模型", "方法"), "title"),
    **dict.fromkeys(("タイトル", "論文", "論文名", "名前", "モデル", "モデル名", "手法", "제목", "논문", "이름", "모델"), "title"),  # Japanese, Korean
    **dict.fromkeys(("date", "time", "published", "year", "release", "release date", "pub date", "arxiv date", "年份", "发表时间", "发布时间",
                       "发布日期", "发表日期", "发表年份", "公開", "公開日", "発表日", "発表年", "연도", "공개일"), "date"),
    **dict.fromkeys(("code", "github", "repo", "repository", "source code", "official code", "代码", "代码链接", "代码地址", "开源代码", "コード", "코드"), "code"),
    **dict.fromkeys(("demo", "online demo"), "demo"),
    **dict.fromkeys(("project", "project page", "homepage", "home page", "website", "page", "主页", "项目主页"), "project"),
    **dict.fromkeys(("keywords", "keyword", "tags", "tag", "topic", "topics", "关键词"), "keywords"),
    **dict.fromkeys(("links", "link", "resources", "materials", "链接", "资源", "论文链接", "论文地址", "リンク", "링크"), "links"),  # "[[paper]](…) [[code]](…)": no fact of its own
    **dict.fromkeys(("authors", "author", "作者", "著者", "저자"), "authors"),
    **dict.fromkeys(("status", "read", "reading status", "状态"), "status"),
}


#: headers of a date column that says only the year a paper appeared (its venue's, beside a Venue column)
YEAR_HEADERS = {"year", "pub year", "年份", "发表年份", "年", "発表年", "연도", "년도"}
#: a venue that is a preprint server: a Year column beside it is no venue's year
PREPRINT_VENUE = re.compile(r"(?i)(?:arxiv|preprint|corr|biorxiv|medrxiv|openreview)\b")

#: headers of a column that says where a paper appeared
VENUE_HEADERS = {"venue", "venues", "conference", "conf", "conf.", "journal", "publication", "published in", "published at", "会议", "期刊", "会议/期刊", "发表", "发表会议", "发表期刊", "会议名称", "来源", "会議", "学会", "発表", "학회"}


def keywords_in(text: str) -> list[str]:
    """A Keywords cell's or line's keywords: "RLHF, PPO", "RLHF / PPO", "RLHF\uff0cPPO"."""
    return [word.strip() for word in re.split(r"[,;/\uff0c]|<br>", text) if word.strip()]


#: a Status cell (a Notion export's, a tracker's) -> the reading status it says
STATUS_WORDS = {
    **dict.fromkeys(("done", "read", "finished", "completed", "complete", "yes", "✅", "✔", "✓", "[x]", "已读"), "read"),
    **dict.fromkeys(("reading", "in progress", "started", "ongoing", "skimmed", "在读"), "reading"),
    **dict.fromkeys(("to read", "todo", "to do", "unread", "not started", "backlog", "queued", "planned", "no", "[ ]", "未读"), "unread"),
}


#: headers that say "this column is the paper's title" when several could be
TITLE_HEADERS = {"title", "paper", "papers", "paper title", "paper name", "标题", "题目", "论文", "论文标题", "论文名称", "タイトル", "論文", "論文名", "제목", "논문"}


def read_table(tokens: list[Token], index: int, lines: list[str], section: str, year: str, path: str, parsed: Parsed) -> int:
    end = end_of(tokens, index, "table_open")
    rows: list[tuple[int, list[Token]]] = []
    for position in range(index, end):
        if tokens[position].type == "tr_open":
            row_line = (tokens[position].map or [0])[0] + 1
            cells = []
            for cell in range(position + 1, end):
                if tokens[cell].type == "tr_close":
                    break
                if tokens[cell].type == "inline":
                    cells.append(tokens[cell])
            rows.append((row_line, cells))
    if not rows:
        return end
    header = [plain(pieces(cell)) for cell in rows[0][1]]
    body = []
    for line, cells in rows[1:]:
        # markdown-it drops cells beyond the header's count: read them from the source
        raw = [cell.strip() for cell in re.split(r"(?<!\\)\|", lines[line - 1].strip().strip("|"))]
        extra = [(f"Column {number + 1}", text) for number, text in enumerate(raw) if number >= len(header) and text and not COMMENT_CELL.match(text)]
        body.append((line, cells, extra))
    _read_rows(header, body, section, year, path, parsed)
    return end


COMMENT_CELL = re.compile(r"^\[//\]\s*:\s*#")


def read_html_table(tokens: list[Token], index: int, lines: list[str], section: str, year: str, path: str, parsed: Parsed) -> int:
    """An HTML ``<table>``: one paper a ``<tr>``, its cells read as a Markdown table's (the first rows without links are the header)."""
    start = (tokens[index].map or [0, 0])[0]
    stop = next((number for number in range(start, len(lines)) if re.search(r"</table\s*>", lines[number], re.IGNORECASE)), (tokens[index].map or [0, start + 1])[1] - 1)
    after = index + 1
    while after < len(tokens) and (tokens[after].map or [stop])[0] <= stop:
        after += 1
    tr_lines = [number + 1 for number in range(start, stop + 1) for _ in re.finditer(r"<tr\b", lines[number], re.IGNORECASE)]
    soup = html_soup("\n".join(lines[start : stop + 1]))
    table = soup.find("table")
    if not isinstance(table, Tag):
        return after
    grid: list[tuple[int, list[tuple[str, int]]]] = []
    spanning: dict[int, tuple[str, int, int]] = {}  #: column -> (text, colspan, rows still to fill) of a cell with a rowspan
    for number, row in enumerate(table.find_all("tr")):
        tags = [cell for cell in row.find_all(["td", "th"]) if cell.find_parent("tr") is row]
        own = [("<br>".join(line for line in html_as_markdown(cell.decode_contents()) if line.strip()), _span(cell.get("colspan")), _span(cell.get("rowspan"))) for cell in tags]
        texts: list[tuple[str, int]] = []
        column = 0
        # '<td rowspan="2">2023</td>': the cell holds its column in the rows below too, as a browser lays it out
        while own or any(at >= column for at in spanning):
            if column in spanning:
                text, span, left = spanning.pop(column)
                spanning.update({column: (text, span, left - 1)} if left > 1 else {})
            elif own:
                text, span, down = own.pop(0)
                spanning.update({column: (text, span, down - 1)} if down > 1 else {})
            else:
                column += 1
                continue
            texts.append((text, span))
            column += span
        grid.append((tr_lines[number] if number < len(tr_lines) else start + 1, texts))
    heads = 0
    while heads < len(grid) and not any(re.search(r"\]\(https?://", text) for text, _ in grid[heads][1]):
        heads += 1
    if heads == len(grid):  # no links at all: prose laid out as a table
        parsed.notes += ["", *(md_text(" | ".join(text for text, _ in cells)) for _, cells in grid)]
        return after
    if not heads and any(_card(text) for _, cells in grid for text, _ in cells):
        # a gallery: no header, a figure beside a card ("<b>Title</b><br>Authors<br><i>Venue</i><br><a>[Paper]</a>"), one or more cards a row
        for line, cells in grid:
            for text, _ in cells:
                inline = inline_of(text, line)
                if inline is not None and _card(text):
                    first, _, rest = text.partition("<br>")
                    if "](" not in first and not first.startswith("**"):  # a plain first line is the title, as a bold one is
                        inline = inline_of(f"**{first.strip()}**<br>{rest}", line) or inline
                    place_group([inline], section, year, path, parsed, ())
                elif inline is not None and (said := safe_markdown(pieces(inline))):
                    parsed.notes += ["", said]
        return after
    header: list[str] = []
    for _, cells in grid[:1] if heads else []:
        header = [text for text, span in cells for _ in range(span)]
        spanned = [position for position, (text, span) in enumerate([(t, s) for t, s in cells for _ in range(s)]) if span > 1]
        if heads > 1:  # a second header row names the columns a first-row cell spans
            below = [text for text, _ in grid[1][1]]
            full = [text for text, span in grid[1][1] for _ in range(span)]
            # the first row's other cells span both rows ("rowspan=2"), so the second holds every column: read it by position
            pairs = [(position, full[position]) for position in spanned if position < len(full)] if len(full) == len(header) else zip(spanned, below, strict=False)
            for position, text in pairs:
                header[position] = text
    width = max(len(header), *(sum(span for _, span in cells) for _, cells in grid[heads:]))
    header += [f"column {number + 1}" for number in range(len(header), width)]
    rows: list[tuple[int, list[Token], list[tuple[str, str]]]] = []
    for line, cells in grid[heads if heads else 0 :]:
        inlines = [token for text, span in cells for _ in range(span) if (token := inline_of(text, line)) is not None]
        rows.append((line, inlines, []))
    _read_rows([plain(pieces(token)) if (token := inline_of(label, start + 1)) else label for label in header], rows, section, year, path, parsed)
    return after


def _card(text: str) -> bool:
    """An HTML table cell that is one paper's card: it opens with the title (bold, or a link to the paper), then
    lines of authors, venue and links."""
    inline = inline_of(text, 1)
    parts = pieces(inline) if inline is not None else []
    first = next((p for p in parts if p.kind in ("text", "link") and p.text.strip()), None)
    if first is None or not has_paper(parts) or not any(p.kind == "br" for p in parts):
        return False
    return (first.kind == "text" and (first.strong or paper_like(first.text))) or (first.kind == "link" and first is title_link(parts) and is_paper_url(first.url))


def _span(value: object) -> int:
    try:
        return max(1, min(int(str(value)), 20))
    except ValueError:
        return 1


def _labels_only(rows: list[tuple[int, list[Token], list[tuple[str, str]]]], column: int) -> bool:
    """A column whose cells are link labels ("Paper", "📄 PDF") or empty: a links column, never the title."""
    texts = [_label_words(cells[column]) for _, cells, _ in rows if column < len(cells)]
    texts = [text for text in texts if text and text.lower() not in EMPTY]
    return bool(texts) and all(is_label(text) for text in texts)


def _label_words(cell: Token) -> str:
    """A cell's words, badges left out; a link naming its host ("[IEEE](https://ieeexplore.ieee.org/…)") reads as the label "link"."""
    parts = [p for p in pieces(cell) if not p.image]
    if not any(p.kind == "link" and names_its_host(p.text, p.url) for p in parts):
        return plain(parts)
    return plain([p for p in parts if not (p.kind == "link" and names_its_host(p.text, p.url))]) or "link"


def _read_rows(header_texts: list[str], rows: list[tuple[int, list[Token], list[tuple[str, str]]]], section: str, year: str, path: str, parsed: Parsed) -> None:
    header = [" ".join(re.sub(r"^\W+|[*_`:]", " ", text).lower().split()) for text in header_texts]  # "📅 Date", "🏛️ Venue": the word, not its emoji
    # "論文 / Paper", "会議 / Venue": a header in two languages is read by whichever part is known
    header = [name if name in COLUMNS or name in VENUE_HEADERS else next((part for part in map(str.strip, name.split("/")) if part in COLUMNS or part in VENUE_HEADERS), name) for name in header]
    # "Paper / Blog", "Code & Weights": a header naming two things is the column of the first
    roles = [COLUMNS.get(name, "") or COLUMNS.get(re.split(r"\s*(?:/|&|\+|,|\band\b)\s*", name, maxsplit=1)[0], "") for name in header]
    if "title" not in roles:  # the column nobody else claims whose cells link a paper by name, else the first such column

        def titled(column: int) -> int:
            return sum(1 for _, cells, _ in rows if column < len(cells) and (link := title_link(pieces(cells[column]))) is not None and is_paper_url(link.url))

        # a "Links" column whose cells link papers by their titles is the title column after all
        free = [number for number, role in enumerate(roles) if not role or (role == "links" and titled(number))] or [0]
        roles[max(free, key=lambda column: (titled(column), -column))] = "title"
    titles = [number for number, role in enumerate(roles) if role == "title"]
    for column in titles:
        if len(titles) > 1 and _labels_only(rows, column):
            roles[column] = "links"  # "| Model | ... | Paper |" with "Paper" in every cell: the model names it
    titles = [number for number, role in enumerate(roles) if role == "title"]
    if not titles:
        roles[next((number for number, role in enumerate(roles) if role in ("", "name")), 0)] = "title"
        titles = [roles.index("title")]
    if len(titles) > 1:  # "| Model | Paper |": the column linking papers is the title; the others name it

        def papers_linked(column: int) -> int:
            return sum(1 for _, cells, _ in rows if column < len(cells) and any(p.kind == "link" and is_paper_url(p.url) for p in pieces(cells[column])))

        title_at = max(titles, key=lambda column: (papers_linked(column), header[column] in TITLE_HEADERS, -column))
        roles = ["name" if role == "title" and number != title_at else role for number, role in enumerate(roles)]
    title_at = roles.index("title")
    labels = [text or f"column {number + 1}" for number, text in enumerate(header_texts)]
    if not any((p.kind == "link" and p.url.startswith(("http://", "https://"))) or (p.kind == "image" and paper_named(shields_text(p.url)))
               for _, cells, _ in rows for cell in cells for p in pieces(cell)):  # an arXiv badge names a paper, linked or not
        # no row links anywhere: a table of facts (a timeline, scores), kept as the list's notes
        parsed.notes += ["", md_text(" | ".join(header_texts)), *(md_text(" | ".join(plain(pieces(cell)) for cell in cells)) for _, cells, _ in rows)]
        return
    carried = [number for number, role in enumerate(roles) if role == "date" or header[number] in VENUE_HEADERS]
    dates = [number for number in carried if roles[number] == "date"]
    previous: list[Token] = []
    for line, cells, extra in [split for row in rows for split in _papers_of_row(row, roles, title_at)]:
        if previous and dates and all(number >= len(cells) or not plain(pieces(cells[number])).strip() for number in dates):
            # "| 2023 | CVPR'23 | A |" then "| | | B |": a row without its year is of the row above's year, and venue when blank
            cells = [previous[number] if number in carried and number < len(previous) and not plain(pieces(cell)).strip() else cell for number, cell in enumerate(cells)]
        previous = cells
        _read_row(line, cells, roles, labels, title_at, section, year, path, parsed, extra)


BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _papers_of_row(row: tuple[int, list[Token], list[tuple[str, str]]], roles: list[str], title_at: int) -> list[tuple[int, list[Token], list[tuple[str, str]]]]:
    """``| Mistral 7B / Mixtral | Mistral 7B<br>Mixtral of Experts | 2023-10<br>2024-01 | [arXiv](…)<br>[arXiv](…) |``:
    a row holding a paper and its follow-up, one ``<br>`` line each, read as a row per paper. Only when another
    cell (its links, dates or venues) holds as many lines: "Title<br>Authors" with one link stays one paper."""
    line, cells, extra = row
    if title_at >= len(cells):
        return [row]
    titles = [part.strip() for part in BR.split(cells[title_at].content)]
    count = len(titles)
    if count < 2 or not all(titles):
        return [row]
    if any(authors_of(plain(pieces(inline))) for part in titles if (inline := inline_of(part, line)) is not None):
        return [row]  # "[Title](…) <br> A. Owl, B. Heron": one paper and who wrote it

    def papers_apart(parts: list[str]) -> bool:  # a date, a venue or a paper link on each line
        return len(parts) == count and (all(normal_date(part) for part in parts) or all(VENUE_ONLY.fullmatch(part) for part in parts)
                                        or all(any(is_paper_url(url) for url in re.findall(r"\]\(\s*<?([^)\s>]+)", part)) for part in parts))

    split = [[part.strip() for part in BR.split(cell.content)] for cell in cells]
    if not any(number != title_at and papers_apart(parts) for number, parts in enumerate(split)):
        return [row]
    names = [part.strip() for part in re.split(r"\s+/\s+|<br\s*/?>", cells[roles.index("name")].content)] if "name" in roles else []
    out = []
    for at in range(count):
        said = []
        for number, parts in enumerate(split):
            text = parts[at] if len(parts) == count else names[at] if roles[number] == "name" and len(names) == count else cells[number].content
            said.append(inline_of(text, line) or cells[number])
        out.append((line, said, extra))
    return out


def _has_date(cells: list[Token], roles: list[str]) -> bool:
    return any(role == "date" and normal_date(plain(pieces(cell))) for cell, role in zip(cells, roles, strict=False))


def _read_row(line: int, cells: list[Token], roles: list[str], labels: list[str], title_at: int, section: str, year: str, path: str, parsed: Parsed, extra: list[tuple[str, str]]) -> None:
    # in a table with a date column, a dated row's title link is its paper, whatever the host
    paper_table = "date" in roles
    if title_at >= len(cells):
        parsed.problems.append(Problem(Code.MISSING_KEY, f"a table row without a {labels[title_at]!r} cell; it is not imported", line, path))
        return
    title_parts = pieces(cells[title_at])
    item = Item(line, "", section, date=year, listed=year)
    link = title_link(title_parts)
    badge = ""
    rest: list[str] = []
    badges: list[str] = []
    after_break = False
    for part in title_parts:
        found = STAR_BADGE.search(part.image or (part.url if part.kind == "image" else ""))
        if part.image or part.kind == "image":
            badges.append(shields_text(part.image or part.url))
        if found:
            badge = f"https://github.com/{found.group(1)}/{found.group(2)}"
        elif part.kind == "br":
            after_break = bool(item.title)
            rest.append("\n")
        elif part is link:
            item.title = " ".join(part.text.split())
            if not part.url.startswith(("http://", "https://")):
                pass  # "[Title](Title%20abc123.md)": a Notion export's link to its own page of the paper, no address a shelf can link
            elif is_paper_url(part.url) or (paper_table and _has_date(cells, roles)):
                item.links.append(LabelledLink("paper", part.url))
            else:
                item.links.append(LabelledLink("code" if CODE_HOST.match(part.url) else "homepage", part.url))
        elif part.kind == "link" and part.url and not part.url.startswith("#"):
            known = classify_in_row(part.text, part.url, item)
            if known:
                item.links.append(LabelledLink(known[0], part.url, known[1]))
            elif not part.image:
                item.body.append(f"- {md_link(part.text, part.url)}")
        elif part.kind == "text" and part.text.strip() and not link and not after_break:
            item.title = (item.title + " " + part.text).strip()
        elif part.kind == "text" and not SEPARATORS.match(part.text):
            rest.append(part.text.strip())
    runs = strong_runs([part for part in title_parts if part.kind != "br"][: next((n for n, p in enumerate(title_parts) if p.kind == "br" and item.title), len(title_parts))])
    bold = runs[0][0] if runs and not runs[0][1] and not is_label(runs[0][0]) else ""
    at = item.title.find(bold) if bold and link is None else -1
    subtitle = re.match(r"\s*:\s*(\S.*)", item.title[at + len(bold) :]) if at >= 0 and len(bold) <= 40 and not bold.endswith(":") else None
    if subtitle and re.fullmatch(r"\s*", item.title[:at]):
        # "**InstructPix2Pix**: Learning to Follow …": a bold name opens the title, as in a bullet
        item.title = f"{bold}: {subtitle.group(1)}"
    elif at >= 0 and re.fullmatch(r"\s*(?:\d{1,4}\s*[.)\]:]?)?\s*", item.title[:at]):
        # "1) **Title** - what it does": the bold run is the title, the rest a note
        rest.insert(0, item.title[at + len(bold) :].strip(" -\u2013\u2014:|"))
        item.title = bold
    cleaned = clean_title(item.title)
    item.title, item.venue = cleaned.text, cleaned.venue
    credit(item, cleaned)
    said = " ".join(" ".join(rest).split("\n")).strip()
    for segment in " ".join(rest).split("\n"):
        authors = authors_of(segment)
        if authors and not item.authors:
            item.authors = authors
            said = said.replace(segment.strip(), " ").strip()
    if said and not SEPARATORS.match(said) and says_more(said, item):
        item.facts.append(("Note", " ".join(said.split())))
    for label, text in extra:
        item.warnings.append(Problem(Code.UNKNOWN_KEY, f"a cell beyond the header's {len(roles)} columns: {text!r}; kept as a fact", line, path))
        item.facts.append((label, text))
    for number, cell in enumerate(cells):
        if number == title_at or number >= len(roles):
            continue
        _read_cell(item, roles[number], labels[number], pieces(cell), line, path)
    # "| ICCV | 2017 |" under "Venue | Year": the venue of that year, as "ICCV 2017" reads in one cell (a preprint server has none)
    said_year = next((text for number, cell in enumerate(cells) if number < len(roles) and roles[number] == "date" and labels[number].strip().lower() in YEAR_HEADERS
                      and re.fullmatch(r"(?:19|20)\d{2}", text := plain(pieces(cell)).strip())), "")
    if said_year and item.venue and not re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)|['\u2019]\d{2}\b", item.venue) and not PREPRINT_VENUE.match(item.venue):
        item.facts = [(label, f"{text} {said_year}" if text == item.venue else text) for label, text in item.facts]
        item.venue = f"{item.venue} {said_year}"
    if badge and not any(link.kind == "code" for link in item.links):
        item.links.append(LabelledLink("code", badge))
    if not item.paper_url and (named := paper_named(" ; ".join(shields_text(p.image or p.url) or p.text for cell in cells for p in pieces(cell) if p.kind in ("text", "image") or p.image))):
        item.links.insert(0, LabelledLink("paper", named))  # "| Title | ![arXiv](…/badge/arXiv-2310.12345-…) |": the id it names is its paper
    if (not item.title or is_label(item.title)) and item.name:
        item.title = item.name  # "| Heron | [📄 Paper](…) |": the row's name is all it calls the paper
    # "| [ICLR'21](openreview…) |": a link's text saying where and when the paper appeared
    labels = [p.text for cell in cells for p in pieces(cell) if p.kind == "link" and VENUE_ONLY.fullmatch(p.text.strip()) and re.search(r"\d", p.text)]
    date_and_venue(item, [*badges, said, *(text for _, text in item.facts if len(text) < 60), *labels], year)
    place(item, parsed)


def _read_cell(item: Item, role: str, label: str, parts: list[Piece], line: int, path: str) -> None:
    text = plain([p for p in parts if p.kind == "text"])
    text = "" if text.lower() in EMPTY else text
    links = [p for p in parts if p.kind == "link" and p.url]
    if role == "date":
        date = normal_date(text) if text else ""
        if date:
            item.date = date
        elif text:
            item.warnings.append(Problem(Code.BAD_DATE, f"the {label!r} cell {text!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY); kept as a fact", line, path))
            item.facts.append((label, text))
        return
    if role == "links":
        for link in links:
            if any(existing.url == link.url for existing in item.links):
                continue  # the title's own link again
            known = classify_in_row(link.text, link.url, item)
            if known:
                item.links.append(LabelledLink(known[0], link.url, known[1]))
            elif link.url.startswith(("http://", "https://")):
                item.body.append(f"- {md_text(label)}: {md_link(link.text, link.url)}")
        return
    if role == "name":
        said = plain([p for p in parts if not p.image]).strip()
        item.name = item.name or ("" if said.lower() in EMPTY else said)  # "| - |": the list names it not
        for link in links:
            known = link_kind(link.text)
            kind = known[0] if known else "paper" if is_paper_url(link.url) and not item.paper_url else "code" if CODE_HOST.match(link.url) else "homepage"
            item.links.append(LabelledLink(kind, link.url, known[1] if known else ""))
        return
    if role == "authors" and authors_of(text):
        item.authors = item.authors or authors_of(text)  # a Notion export's "Authors" column
        return
    if role == "status" and text.lower() in STATUS_WORDS:
        item.status = STATUS_WORDS[text.lower()]
        return
    if role == "keywords":
        item.tags.extend(keywords_in(plain(parts)))
        return
    if role in ("code", "demo", "project"):
        kind, link_label = {"code": ("code", ""), "demo": ("demo", ""), "project": ("homepage", "")}[role]
        for link in (link for link in links if link.url.startswith(("http://", "https://"))):
            # "| [🤗 bloom](huggingface.co/bigscience/bloom) |" in a Code column: the weights, no code
            item.links.append(LabelledLink("model_zoo" if role == "code" and HF_MODEL.match(link.url) else kind, link.url, link_label))
        for part in parts:
            found = STAR_BADGE.search(part.image or (part.url if part.kind == "image" else ""))
            if found and role == "code" and not links:
                item.links.append(LabelledLink("code", f"https://github.com/{found.group(1)}/{found.group(2)}"))
        if text and not SEPARATORS.match(text):
            item.facts.append((label, text))
        return
    value = plain([p for p in parts if p.kind != "link" or not (p.image or p.text == p.url)])  # badge links and bare URLs are links, not text
    if value and value.lower() not in EMPTY:
        if label.lower() in VENUE_HEADERS or label.lower() == "pub" or any(part.strip() in VENUE_HEADERS for part in label.lower().split("/")):
            item.venue = venue_spelled_out(value)  # "ICLR'17" as "ICLR 2017", as a bullet's venue reads
        if not (item.venue == value and value.lower() == "arxiv" and arxivid.of_link(item.paper_url)):  # the page shows "arXiv <id>" already
            item.facts.append((label, value))
    for link in links:
        if any(existing.url == link.url for existing in item.links):
            continue
        known = classify_in_row(link.text, link.url, item)
        if known:
            item.links.append(LabelledLink(known[0], link.url, known[1]))
        elif link.url.startswith(("http://", "https://")):
            item.body.append(f"- {md_text(label)}: {md_link(link.text, link.url)}")
