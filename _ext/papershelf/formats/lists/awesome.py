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
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt

from papershelf.formats import arxivid
from papershelf.formats.lists.entries import Item, LabelledLink, ListReading, Shape
from papershelf.model.problems import Code, Problem

if TYPE_CHECKING:
    from markdown_it.token import Token

    from papershelf.model.settings import ShelfSettings


#: table header (lower case, markup stripped) -> role
COLUMNS = {
    **dict.fromkeys(("title", "paper", "papers", "name", "paper title", "paper name", "model", "method"), "title"),
    **dict.fromkeys(("date", "time", "published", "year", "release", "release date", "pub date", "arxiv date"), "date"),
    **dict.fromkeys(("code", "github", "repo", "repository", "source code", "official code"), "code"),
    **dict.fromkeys(("demo", "online demo"), "demo"),
    **dict.fromkeys(("project", "project page", "homepage", "home page", "website", "page"), "project"),
    **dict.fromkeys(("keywords", "keyword", "tags", "tag", "topic", "topics"), "keywords"),
}
#: headers that say "this column is the paper's title" when several could be
TITLE_HEADERS = {"title", "paper", "papers", "paper title", "paper name"}
#: link label (lower case) -> (link kind, label kept on the page)
LINK_LABELS = {
    **{label: ("paper", "") for label in ("paper", "arxiv", "pdf", "paper link", "openreview", "acl", "cvpr", "iccv", "eccv", "neurips", "iclr", "icml")},
    **{label: ("code", "") for label in ("code", "github", "repo", "official code", "source", "star", "stars")},
    **{label: ("homepage", "") for label in ("project", "project page", "homepage", "home page", "website", "page")},
    **{label: ("demo", "") for label in ("demo", "demo page", "online demo", "spaces", "hugging face spaces")},
    **{label: ("video", "") for label in ("video", "youtube", "talk")},
    **{label: ("slides", "") for label in ("slides", "slide", "poster")},
    **{label: ("docs", "") for label in ("docs", "documentation")},
    "leaderboard": ("leaderboard", ""),
    "blog": ("blog", ""),
    **{label: ("dataset", "") for label in ("dataset", "data", "benchmark")},
    **{label: ("model_zoo", "") for label in ("model", "models", "checkpoint", "checkpoints", "weights", "huggingface", "hf", "🤗")},
}
PAPER_HOSTS = re.compile(
    r"^https?://(?:www\.)?(?:openreview\.net/|aclanthology\.org/|doi\.org/|dl\.acm\.org/|ieeexplore\.ieee\.org/"
    r"|openaccess\.thecvf\.com/|proceedings\.(?:neurips|mlr)\.|papers\.nips\.cc/|link\.springer\.com/|huggingface\.co/papers/|www\.semanticscholar\.org/paper"
    r"|ojs\.aaai\.org/|www\.ecva\.net/papers)|\.pdf(?:[?#].*)?$",
    re.IGNORECASE,
)
STAR_BADGE = re.compile(r"img\.shields\.io/github/(?:stars|forks|last-commit)/([\w.-]+)/([\w.-]+?)(?:\.svg)?(?=[?/#]|$)", re.IGNORECASE)
#: a cell saying "nothing here"
EMPTY = {"-", "—", "\u2013", "n/a", "na", "none", "tbd", "todo", "/", "x"}
#: a line of nothing but <details>/<summary> folding; a summary never spans another's end (no backtracking across them)
FOLDING = re.compile(r"^\s*(?:</?details[^>]*>|<summary>(?:(?!</summary>).)*</summary>|</?summary>)\s*(?:</?details[^>]*>|<summary>(?:(?!</summary>).)*</summary>\s*)*$", re.IGNORECASE)
YEAR_HEADING = re.compile(r"^\W*((?:19|20)\d{2})\W*$")
DATE_TEXT = re.compile(r"^\s*[\(\[]?\s*((?:19|20)\d{2})\s*[-./]\s*(\d{1,2})(?:\s*[-./]\s*(\d{1,2}))?\s*[\)\]]?\s*")
#: a bullet's trailing "ICML 2021", "(CVPR'24)", "NeurIPS 2022." -- the venue, not a note
VENUE_TEXT = re.compile(r"^\(?\s*((?:arXiv|[A-Z][A-Za-z&\-]{1,15})(?: [A-Z][A-Za-z&\-]{1,15})?)\s*(?:'|\u2019)?((?:19|20)\d{2}|\d{2})\s*\)?\.?$")
#: the link or image address of an HTML tag in a cell: <a href="...">, <img src="...">
HTML_ATTR = re.compile(r"""\b(href|src)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
CODE_HOST = re.compile(r"^https?://(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|gitee\.com)/", re.IGNORECASE)
MONTHS = {name: number for number, name in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_MONTH_NAME = r"(?P<name>(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?)"
MONTH_YEAR = re.compile(
    rf"(?:(?P<mm>\d{{1,2}})\s*[/.-]\s*|(?:(?P<day>\d{{1,2}})\s+)?{_MONTH_NAME}\s*(?:(?P<day2>\d{{1,2}})\s*,?\s*)?)(?P<year>(?:19|20)\d{{2}})"
    rf"|(?P<year2>(?:19|20)\d{{2}})\s+{_MONTH_NAME.replace('name', 'name2')}",
    re.IGNORECASE,
)
SEPARATORS = re.compile(r"^[\s|,;:/\-\u2013—•·\[\]()]*$")


@dataclass
class Parsed:
    items: list[Item] = field(default_factory=list)
    resources: list[Item] = field(default_factory=list)  #: items without a paper link
    problems: list[Problem] = field(default_factory=list)  #: findings outside any item
    navigation: int = 0  #: items linking only inside the list (a table of contents)
    notes: list[str] = field(default_factory=list)  #: headings and paragraphs outside items, as safe Markdown


# --- inline content ---------------------------------------------------------------


@dataclass
class Piece:
    kind: str  #: "text", "link", "image" or "br"
    text: str = ""
    url: str = ""
    image: str = ""  #: src of an image inside a link


def pieces(inline: Token) -> list[Piece]:
    """An inline token flattened: text runs, links (with their text), images, line breaks."""
    result: list[Piece] = []
    link: Piece | None = None
    for child in inline.children or []:
        if child.type == "link_open":
            link = Piece("link", url=str(child.attrs.get("href", "")))
        elif child.type == "link_close" and link is not None:
            link.text = " ".join(link.text.split())
            result.append(link)
            link = None
        elif child.type == "image":
            src = str(child.attrs.get("src", ""))
            if link is not None:
                link.image = link.image or src
                link.text = link.text or child.content  # a badge link: its alt text is its label
            else:
                result.append(Piece("image", child.content, src))
        elif child.type in ("text", "code_inline"):
            if link is not None:
                link.text += child.content
            else:
                result.append(Piece("text", child.content))
        elif child.type in ("softbreak", "hardbreak"):
            (link.__setattr__("text", link.text + " ") if link is not None else result.append(Piece("text", " ")))
        elif child.type == "html_inline" and re.match(r"<br\s*/?>", child.content, re.IGNORECASE):
            result.append(Piece("br"))
        elif child.type == "html_inline" and (anchor := HTML_ATTR.search(child.content)) and child.content.lower().startswith("<a"):
            link = Piece("link", url=html.unescape(anchor.group(2)))  # <a href="...">: a link like [...](...)
        elif child.type == "html_inline" and re.match(r"</a\s*>", child.content, re.IGNORECASE) and link is not None:
            link.text = " ".join(link.text.split())
            result.append(link)
            link = None
        elif child.type == "html_inline" and child.content.lower().startswith("<img") and (source := HTML_ATTR.search(child.content)):
            alt = re.search(r"""\balt\s*=\s*["']([^"']*)["']""", child.content, re.IGNORECASE)
            src = html.unescape(source.group(2))
            if link is not None:
                link.image = link.image or src
                link.text = link.text or (alt.group(1) if alt else "")
            else:
                result.append(Piece("image", alt.group(1) if alt else "", src))
        elif child.type == "html_inline":
            continue  # <sup>, <b>...: markup around text that is kept
    return result


def plain(parts: list[Piece]) -> str:
    return " ".join(" ".join(p.text for p in parts if p.kind in ("text", "link")).split())


def strong_text(inline: Token) -> str:
    """The first bold run of an inline token (a bullet's title)."""
    depth, text = 0, ""
    for child in inline.children or []:
        if child.type == "strong_open":
            depth += 1
        elif child.type == "strong_close":
            depth -= 1
            if depth == 0 and text.strip():
                return " ".join(text.split())
        elif depth and child.type in ("text", "code_inline"):
            text += child.content
    return ""


def subtitle_after_bold(inline: Token) -> str:
    """``**LLaMA-VID**: An Image is Worth 2 Tokens [[arXiv](...)]``: the text after the bold
    name's colon, up to the first link -- the rest of the title."""
    children, depth = inline.children or [], 0
    for index, child in enumerate(children):
        depth += {"strong_open": 1, "strong_close": -1}.get(child.type, 0)
        if child.type == "strong_close" and depth == 0:
            text = ""
            for after in children[index + 1:]:
                if after.type not in ("text", "code_inline", "softbreak"):
                    break
                text += after.content or " "
            found = re.match(r"\s*:\s*(.*?)[\s\[(|,\-\u2013—]*$", text)
            return " ".join(found.group(1).split()) if found else ""
    return ""


def normal_date(text: str) -> str:
    """``2024-03-05``, ``2024/3``, ``(2023-05)``, ``2023`` -> ISO; ``""`` when not a date."""
    match = DATE_TEXT.match(text)
    if match and not text[match.end():].strip():
        year, month, day = match.group(1), int(match.group(2)), match.group(3)
        if not 1 <= month <= 12:
            return ""
        return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day and 1 <= int(day) <= 31 else "")
    match = MONTH_YEAR.fullmatch(text.strip(" ()[]"))
    if match:  # "06/2023", "Jun 2023", "June 5, 2023", "5 Jun. 2023", "2023 June"
        name, year = match.group("name") or match.group("name2") or "", match.group("year") or match.group("year2")
        month = int(match.group("mm")) if match.group("mm") else MONTHS.get(name[:3].lower(), 0)
        day = int(match.group("day") or match.group("day2") or 0)
        if 1 <= month <= 12:
            return f"{year}-{month:02d}" + (f"-{day:02d}" if 1 <= day <= 31 else "")
    match = re.fullmatch(r"\s*((?:19|20)\d{2})\s*", text)
    return match.group(1) if match else ""


def link_kind(label: str) -> tuple[str, str] | None:
    key = " ".join(re.sub(r"[\[\]*_`:]", " ", label).lower().split())
    words = " ".join(re.sub(r"[^\w\s-]", " ", key).split())  # "🤗 Model", "📄 Paper"
    return LINK_LABELS.get(key) or LINK_LABELS.get(words)


def is_paper_url(url: str) -> bool:
    return bool(arxivid.parse_url(url) or PAPER_HOSTS.search(url))


def md_text(text: str) -> str:
    """Plain text safe as Markdown (no markup, no HTML)."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def safe_markdown(parts: list[Piece]) -> str:
    """Prose as Markdown that builds anywhere: web links kept, relative links and images as text."""
    out = []
    for part in parts:
        if part.kind == "text":
            out.append(md_text(part.text))
        elif part.kind == "link":
            out.append(md_link(part.text, part.url) if part.url.startswith(("http://", "https://")) else md_text(part.text))
        elif part.kind == "image" and part.text:
            out.append(md_text(part.text))
    return " ".join("".join(out).split())


def md_link(text: str, url: str) -> str:
    return f"[{md_text(text or url)}](<{url}>)" if " " not in url else md_text(f"{text} {url}")


# --- the reader -------------------------------------------------------------------


def blank_folding(text: str) -> str:
    """``<details>``/``<summary>`` lines emptied, so the Markdown they fold parses."""
    return "\n".join("" if FOLDING.match(line) else line for line in text.split("\n"))


def parse_awesome(text: str, path: str) -> Parsed:
    lines = text.split("\n")
    tokens = MarkdownIt("commonmark").enable("table").parse(blank_folding(text))
    parsed = Parsed()
    headings: dict[int, str] = {}
    year = ""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open":
            level = int(token.tag[1])
            # a badge in a heading ("Awesome List [![Awesome](…)](…)") is no part of its name
            content = " ".join(plain([p for p in pieces(tokens[index + 1]) if p.kind != "image" and not (p.kind == "link" and p.image)]).split())
            found = YEAR_HEADING.match(content)
            if found:
                year = found.group(1)
            else:
                headings = {lvl: name for lvl, name in headings.items() if lvl < level}
                if level >= 2:
                    headings[level] = topic_name(content)
                year = ""
            parsed.notes += ["", f"{'#' * level} {md_text(content)}"]
            index += 3
            continue
        section = headings[max(headings)] if headings else ""
        if token.type == "table_open":
            index = _read_table(tokens, index, lines, section, year, path, parsed)
            continue
        if token.type == "bullet_list_open" or token.type == "ordered_list_open":
            index = _read_list(tokens, index, lines, section, year, path, parsed)
            continue
        if token.type == "inline" and token.level == 1:  # a paragraph of its own: the list's prose
            parsed.notes += ["", safe_markdown(pieces(token))]
        index += 1
    return parsed


def topic_name(heading: str) -> str:
    """A section heading as a topic: without the emoji and symbols that decorate it ("🤖 Models")."""
    return re.sub(r"^[^\w(\[]+|[^\w)\]!?.+#]+$", "", heading) or heading


def _close(tokens: list[Token], index: int, opening: str) -> int:
    """Index just past the token closing ``tokens[index]``."""
    closing, depth = opening.replace("_open", "_close"), 0
    for position in range(index, len(tokens)):
        if tokens[position].type == opening:
            depth += 1
        elif tokens[position].type == closing:
            depth -= 1
            if depth == 0:
                return position + 1
    return len(tokens)


def _read_table(tokens: list[Token], index: int, lines: list[str], section: str, year: str, path: str, parsed: Parsed) -> int:
    end = _close(tokens, index, "table_open")
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
    header = [" ".join(re.sub(r"[*_`:]", " ", plain(pieces(cell))).lower().split()) for cell in rows[0][1]]
    roles = [COLUMNS.get(name, "") for name in header]
    if "title" not in roles:
        roles[0] = "title"  # the first column names the thing
    titles = [number for number, role in enumerate(roles) if role == "title"]
    if len(titles) > 1:  # "| Model | Paper |": the column linking papers is the title; the others name it

        def papers_linked(column: int) -> int:
            return sum(1 for _, cells in rows[1:] if column < len(cells) and any(p.kind == "link" and is_paper_url(p.url) for p in pieces(cells[column])))

        title_at = max(titles, key=lambda column: (papers_linked(column), header[column] in TITLE_HEADERS, -column))
        roles = ["name" if role == "title" and number != title_at else role for number, role in enumerate(roles)]
    title_at = roles.index("title")
    labels = [plain(pieces(cell)) or f"column {number + 1}" for number, cell in enumerate(rows[0][1])]
    for line, cells in rows[1:]:
        # markdown-it drops cells beyond the header's count: read them from the source
        raw = [cell.strip() for cell in re.split(r"(?<!\\)\|", lines[line - 1].strip().strip("|"))]
        extra = [(f"Column {number + 1}", text) for number, text in enumerate(raw) if number >= len(roles) and text]
        _read_row(line, cells, roles, labels, title_at, section, year, path, parsed, extra)
    return end


def _has_date(cells: list[Token], roles: list[str]) -> bool:
    return any(role == "date" and normal_date(plain(pieces(cell))) for cell, role in zip(cells, roles, strict=False))


def _read_row(line: int, cells: list[Token], roles: list[str], labels: list[str], title_at: int, section: str, year: str, path: str, parsed: Parsed, extra: list[tuple[str, str]]) -> None:
    # in a table with a date column, a dated row's title link is its paper, whatever the host
    paper_table = "date" in roles
    if title_at >= len(cells):
        parsed.problems.append(Problem(Code.MISSING_KEY, f"a table row without a {labels[title_at]!r} cell; it is not imported", line, path))
        return
    title_parts = pieces(cells[title_at])
    item = Item(line, "", section, date=year)
    title_link = next((p for p in title_parts if p.kind == "link" and p.text.strip()), None)
    badge = ""
    rest: list[str] = []
    for part in title_parts:
        found = STAR_BADGE.search(part.image or (part.url if part.kind == "image" else ""))
        if found:
            badge = f"https://github.com/{found.group(1)}/{found.group(2)}"
        elif part is title_link:
            item.title = " ".join(part.text.split())
            if is_paper_url(part.url) or (paper_table and _has_date(cells, roles)):
                item.links.append(LabelledLink("paper", part.url))
            else:
                item.links.append(LabelledLink("homepage", part.url))
        elif part.kind == "link" and part.url:
            known = link_kind(part.text)
            if known:
                item.links.append(LabelledLink(known[0], part.url, known[1]))
            else:
                item.body.append(f"- {md_link(part.text, part.url)}")
        elif part.kind == "text" and part.text.strip() and not title_link:
            item.title = (item.title + " " + part.text).strip()
        elif part.kind == "text" and not SEPARATORS.match(part.text):
            rest.append(part.text.strip())
    item.title = " ".join(item.title.split())
    if rest:
        item.facts.append(("Note", " ".join(rest)))
    for label, text in extra:
        item.warnings.append(Problem(Code.UNKNOWN_KEY, f"a cell beyond the header's {len(roles)} columns: {text!r}; kept as a fact", line, path))
        item.facts.append((label, text))
    for number, cell in enumerate(cells):
        if number == title_at or number >= len(roles):
            continue
        _read_cell(item, roles[number], labels[number], pieces(cell), line, path)
    if badge and not any(link.kind == "code" for link in item.links):
        item.links.append(LabelledLink("code", badge))
    _place(item, parsed)


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
    if role == "name":
        item.name = item.name or plain([p for p in parts if not p.image])
        for link in links:
            known = link_kind(link.text)
            kind = known[0] if known else "paper" if is_paper_url(link.url) and not item.paper_url else "code" if CODE_HOST.match(link.url) else "homepage"
            item.links.append(LabelledLink(kind, link.url, known[1] if known else ""))
        return
    if role == "keywords":
        item.tags.extend(tag.strip() for tag in re.split(r"[,;/]|<br>", plain(parts)) if tag.strip())
        return
    if role in ("code", "demo", "project"):
        kind, link_label = {"code": ("code", ""), "demo": ("demo", ""), "project": ("homepage", "")}[role]
        for link in links:
            item.links.append(LabelledLink(kind, link.url, link_label))
        for part in parts:
            found = STAR_BADGE.search(part.image or (part.url if part.kind == "image" else ""))
            if found and role == "code" and not links:
                item.links.append(LabelledLink("code", f"https://github.com/{found.group(1)}/{found.group(2)}"))
        if text and not SEPARATORS.match(text):
            item.facts.append((label, text))
        return
    value = plain([p for p in parts if p.kind != "link" or not p.image])  # badge links are links, not text
    if value and value.lower() not in EMPTY:
        if label.lower() in ("venue", "conference", "publication", "pub", "published in", "journal"):
            item.venue = value
        if not (item.venue == value and value.lower() == "arxiv" and arxivid.of_link(item.paper_url)):  # the page shows "arXiv <id>" already
            item.facts.append((label, value))
    for link in links:
        if any(existing.url == link.url for existing in item.links):
            continue
        known = link_kind(link.text)
        if known and not (known[0] == "paper" and item.paper_url):
            item.links.append(LabelledLink(known[0], link.url, known[1]))
        else:
            item.body.append(f"- {md_text(label)}: {md_link(link.text, link.url)}")


def _read_list(tokens: list[Token], index: int, lines: list[str], section: str, year: str, path: str, parsed: Parsed) -> int:
    opening = tokens[index].type
    end = _close(tokens, index, opening)
    position = index + 1
    while position < end:
        token = tokens[position]
        if token.type != "list_item_open":
            position += 1
            continue
        item_end = _close(tokens, position, "list_item_open")
        first = tokens[position + 2] if position + 2 < item_end and tokens[position + 2].type == "inline" else None
        span = token.map or [0, 0]
        if first is not None:
            head_end = (tokens[position + 1].map or span)[1]
            _read_bullet(first, span[0] + 1, lines[head_end:span[1]], section, year, path, parsed)
        position = item_end
    return end


def _read_bullet(inline: Token, line: int, under: list[str], section: str, year: str, path: str, parsed: Parsed) -> None:
    parts = pieces(inline)
    links = [p for p in parts if p.kind == "link" and p.url]
    if links and all(p.url.startswith("#") for p in links):
        parsed.navigation += 1  # a table of contents entry
        return
    bold = strong_text(inline)
    item = Item(line, bold, section, date=year)
    text = plain([p for p in parts if p.kind == "text"])
    subtitle = subtitle_after_bold(inline) if bold else ""
    if subtitle:
        item.title, text = f"{bold}: {subtitle}", text.replace(subtitle, " ", 1).replace(f"{bold} :", f"{bold} ", 1)
    venue = re.fullmatch(r"\[\s*([^\]]+?)\s*\]", item.title)  # "**[CVPR 2024]** Title [[paper](...)]"
    if venue:
        item.venue, item.title = venue.group(1), ""
        item.facts.append(("Venue", item.venue))
        text = text.replace(venue.group(0), " ", 1)
    date = DATE_TEXT.match(text)
    if date and 1 <= int(date.group(2)) <= 12:
        item.date = normal_date(date.group(0).strip())
    title_link: Piece | None = None
    if not item.title:
        title_link = next((p for p in links if not link_kind(p.text)), None)
        item.title = title_link.text if title_link else ""
    for part in links:
        known = link_kind(part.text)
        if part is title_link:
            item.links.append(LabelledLink("paper" if is_paper_url(part.url) else "homepage", part.url))
        elif known:
            item.links.append(LabelledLink(known[0], part.url, known[1]))
        elif is_paper_url(part.url) and not item.paper_url:
            item.links.append(LabelledLink("paper", part.url, ""))
            if part.text and part.text != item.title:
                item.facts.append(("Paper link", part.text))
        else:
            item.body.append(f"- {md_link(part.text, part.url)}")
    for part in parts:
        if part.kind == "image":
            found = STAR_BADGE.search(part.url)
            if found and not any(link.kind == "code" for link in item.links):
                item.links.append(LabelledLink("code", f"https://github.com/{found.group(1)}/{found.group(2)}"))
    leftover = text
    if date:
        leftover = leftover[date.end():] if leftover.startswith(date.group(0)) else leftover.replace(date.group(0), " ", 1)
    if bold and item.title and not title_link:
        leftover = leftover.replace(bold, " ", 1)
    leftover = " ".join(re.sub(r"[\[\]|]|\(\s*\)", " ", leftover).split())  # the brackets around [[paper](...)] links
    if not item.title and not title_link and leftover and not SEPARATORS.match(leftover):
        # the plain text is the title: the text before the first link, else all of it
        first_link = next((number for number, part in enumerate(parts) if part.kind == "link"), len(parts))
        lead = " ".join(re.sub(r"[\[\]|]|\(\s*\)", " ", plain([p for p in parts[:first_link] if p.kind == "text"])).split())
        if date and lead.startswith(date.group(0).strip()):
            lead = lead[len(date.group(0).strip()):]
        lead = lead.strip(" |-\u2013—:,.")
        if lead and not SEPARATORS.match(lead) and lead in leftover:
            item.title, leftover = lead, leftover.replace(lead, " ", 1)
        else:
            item.title, leftover = leftover.strip(" |-\u2013—:,."), ""
    leftover = leftover.strip(" |-\u2013—:,")
    said = VENUE_TEXT.match(leftover)
    if said and not item.venue:
        item.venue = f"{said.group(1)} {said.group(2) if len(said.group(2)) == 4 else '20' + said.group(2)}"
        item.facts.append(("Venue", item.venue))
    elif leftover and not SEPARATORS.match(leftover):
        item.facts.append(("Note", leftover))
    indent = min((len(row) - len(row.lstrip()) for row in under if row.strip()), default=0)
    body = [row[indent:].rstrip() for row in under]
    while body and not body[-1].strip():
        body.pop()
    if body:
        item.body.extend(["", *body])
    if not item.title:
        if not links and not text.strip():
            return
        item.title = plain(parts)[:120]
    _place(item, parsed)


def _place(item: Item, parsed: Parsed) -> None:
    """A paper when it has a paper link; otherwise a resource of its section."""
    (parsed.items if item.paper_url else parsed.resources).append(item)


# --- into the importer ------------------------------------------------------------


def body_text(item: Item) -> str:
    """The page body: the other columns as labelled facts, then links and notes."""
    lines = [f"- **{md_text(label)}:** {md_text(text)}" for label, text in item.facts]
    rest = list(item.body)
    while rest and not rest[0].strip():
        rest.pop(0)
    if lines and rest and not rest[0].startswith("- "):
        lines.append("")
    return "\n".join(lines + rest).strip("\n")


def resources_page(resources: list[Item], existing: str) -> str:
    """The Resources page: one section per topic, new items appended to what is there."""
    seen = set(re.findall(r"\]\(<([^>]+)>\)", existing))
    by_section: dict[str, list[Item]] = {}
    for item in resources:
        url = next((link.url for link in item.links), "")
        if url and url in seen:
            continue
        seen.add(url)
        by_section.setdefault(item.section or "Other", []).append(item)
    if not by_section:
        return existing
    out = [existing.rstrip("\n")] if existing.strip() else ["---", "orphan: true", "---", "", "# Resources", "", "Tools, benchmarks, courses and other links of the imported lists that are not papers."]
    for section, items in by_section.items():
        out += ["", f"## {md_text(section)}", ""]
        for item in items:
            url = next((link.url for link in item.links), "")
            title = md_link(item.title, url) if url else md_text(item.title)
            facts = "; ".join(text if label == "Note" else f"{label}: {text}" for label, text in item.facts)
            out.append(f"- {title}" + (f": {md_text(facts)}" if facts else ""))
            extra = [f"{link.label or link.kind}: {md_link(link.url, link.url)}" for link in item.links[1:]]
            out += [f"  - {line}" for line in extra]
            out += [f"  {line}" if line.strip() else "" for line in item.body if line.strip()]
    return "\n".join(out) + "\n"




def read(text: str, path: str, settings: ShelfSettings) -> ListReading:
    found = parse_awesome(text, path)
    note_lines = sum(1 for line in found.notes if line.strip() and not line.startswith("#"))
    return ListReading(path, items=found.items, notes=found.notes, note_lines=note_lines, resources=found.resources, navigation=found.navigation, problems=found.problems)


SHAPE = Shape("awesome", "a table row or a bullet per paper; a BibTeX entry is generated for each, marked for `enrich`", read)
