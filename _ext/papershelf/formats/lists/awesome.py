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
from urllib.parse import unquote

import bibtexparser
from bs4 import Tag
from markdown_it import MarkdownIt

from papershelf.formats import arxivid
from papershelf.formats.dates import MONTHS
from papershelf.formats.lists.entries import Item, LabelledLink, ListReading, Shape
from papershelf.formats.lists.fields import (
    ROW_NUMBER,
    VENUE_ONLY,
    VENUE_YEAR,
    authors_of,
    clean_title,
    date_heading,
    find_date,
    heading_date,
    is_label,
    paper_like,
    reference_line,
    title_then_authors,
    trailing_authors,
    venue_heading,
    venue_year,
)
from papershelf.formats.lists.footnotes import inline_footnotes
from papershelf.formats.lists.readinglist import html_as_markdown, html_soup
from papershelf.formats.lists.tex import tex_as_text
from papershelf.model.problems import Code, Problem

if TYPE_CHECKING:
    from markdown_it.token import Token

    from papershelf.model.settings import ShelfSettings


#: table header (lower case, markup stripped) -> role
COLUMNS = {
    **dict.fromkeys(("title", "paper", "papers", "name", "paper title", "paper name", "model", "method"), "title"),
    **dict.fromkeys(("标题", "题目", "论文", "论文标题", "论文名称", "名字", "名称", "模型", "方法"), "title"),
    **dict.fromkeys(("date", "time", "published", "year", "release", "release date", "pub date", "arxiv date", "年份", "发表时间", "发布时间"), "date"),
    **dict.fromkeys(("code", "github", "repo", "repository", "source code", "official code", "代码"), "code"),
    **dict.fromkeys(("demo", "online demo"), "demo"),
    **dict.fromkeys(("project", "project page", "homepage", "home page", "website", "page", "主页", "项目主页"), "project"),
    **dict.fromkeys(("keywords", "keyword", "tags", "tag", "topic", "topics", "关键词"), "keywords"),
    **dict.fromkeys(("links", "link", "resources", "materials", "链接", "资源"), "links"),  # "[[paper]](…) [[code]](…)": no fact of its own
    **dict.fromkeys(("authors", "author", "作者"), "authors"),
    **dict.fromkeys(("status", "read", "reading status", "状态"), "status"),
}
#: headers of a column that says where a paper appeared
VENUE_HEADERS = {"venue", "venues", "conference", "conf", "conf.", "journal", "publication", "published in", "会议", "期刊", "会议/期刊", "发表"}
#: a Status cell (a Notion export's, a tracker's) -> the reading status it says
STATUS_WORDS = {
    **dict.fromkeys(("done", "read", "finished", "completed", "complete", "yes", "✅", "✔", "✓", "[x]", "已读"), "read"),
    **dict.fromkeys(("reading", "in progress", "started", "ongoing", "skimmed", "在读"), "reading"),
    **dict.fromkeys(("to read", "todo", "to do", "unread", "not started", "backlog", "queued", "planned", "no", "[ ]", "未读"), "unread"),
}
#: a GitHub task list's box before an entry: "- [x] [Title](…)" (read), "- [ ] …" (not yet)
#: a reading tracker's marks: done, under way (a book or a bookmark may mean either "to read" or "reading": no status)
STATUS_MARKS = {"\u2705": "read", "\u2714": "read", "\u2611": "read", "\u23f3": "reading", "\u231b": "read"}
STATUS_MARK = re.compile(r"^\s*([\u2705\u2714\u2611\u23f3\u231b])\ufe0f?(?:\s|$)")
TASK_BOX = re.compile(r"^\s*\[([ xX])\]\s+")
#: headers that say "this column is the paper's title" when several could be
TITLE_HEADERS = {"title", "paper", "papers", "paper title", "paper name", "标题", "题目", "论文", "论文标题", "论文名称"}
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
    r"|openaccess\.thecvf\.com/|proceedings\.(?:neurips|mlr)\.|papers\.nips\.cc/|link\.springer\.com/|huggingface\.co/papers/|www\.semanticscholar\.org/(?:paper|arxiv)/|paperswithcode\.com/paper/|alphaxiv\.org/|papers\.cool/arxiv/"
    r"|ojs\.aaai\.org/|www\.ecva\.net/papers|ijcai\.org/proceedings/|nature\.com/articles/|aclweb\.org/anthology/|jmlr\.org/papers/"
    # where a paper older than arXiv is often all a list links: a Scholar cluster (not a profile), ResearchGate, CiteSeerX
    r"|scholar\.google\.[a-z.]{2,8}/scholar\?(?:[^#]*&)?(?:cluster|q)=|researchgate\.net/publication/|citeseerx\.ist\.psu\.edu/(?:viewdoc|document|doc)\b"
    # journals and preprint servers of the life sciences, and arXiv's HTML renderings
    r"|(?:bio|med)rxiv\.org/content/|chemrxiv\.org/engage/|science\.org/doi/|pnas\.org/doi/|pubmed\.ncbi\.nlm\.nih\.gov/\d|ncbi\.nlm\.nih\.gov/pmc/articles/"
    r"|pubs\.(?:rsc|acs)\.org/|academic\.oup\.com/|cell\.com/|sciencedirect\.com/science/article/|journals\.plos\.org/|onlinelibrary\.wiley\.com/doi/"
    r"|[\w-]+\.biomedcentral\.com/articles/|frontiersin\.org/articles/|elifesciences\.org/articles/|mdpi\.com/\d|tandfonline\.com/doi/|iopscience\.iop\.org/article/"
    r"|ar5iv\.(?:labs\.arxiv\.)?org/(?:abs|html)/)|\.pdf(?:[?#].*)?$",
    re.IGNORECASE,
)
STAR_BADGE = re.compile(r"img\.shields\.io/github/(?:stars|forks|last-commit)/([\w.-]+)/([\w.-]+?)(?:\.svg)?(?=[?/#]|$)", re.IGNORECASE)
#: a cell saying "nothing here"
EMPTY = {"-", "—", "\u2013", "n/a", "na", "none", "tbd", "todo", "/", "x"}
#: a line of nothing but <details>/<summary> folding; a summary never spans another's end (no backtracking across them)
FOLDING = re.compile(r"^\s*(?:</?details[^>]*>|<summary>(?:(?!</summary>).)*</summary>|</?summary>)\s*(?:</?details[^>]*>|<summary>(?:(?!</summary>).)*</summary>\s*)*$", re.IGNORECASE)
YEAR_HEADING = re.compile(r"^\W*((?:19|20)\d{2})\W*$")
DATE_TEXT = re.compile(r"^\s*[\(\[]?\s*((?:19|20)\d{2})\s*[-./]\s*(\d{1,2})(?:\s*[-./]\s*(\d{1,2}))?\s*[\)\]]?\s*")
#: the venue a leftover names (a venue, not a note), with its year: "CVPR 2023", "(ICML'21)", "CoRL, Jun 2022 ." (the month is the date's)
VENUE_TEXT = re.compile(
    r"^\(?\s*(?!(?i:" + "|".join(MONTHS) + r")[a-z]*\.?\s)((?:arXiv|[A-Z][A-Za-z&\-]{1,15})(?: [A-Z][A-Za-z&\-]{1,15})?)\s*,?\s*(?:(?i:" + "|".join(MONTHS) + r")[a-z]*\.?\s+)?"
    r"(?:'|\u2019)?((?:19|20)\d{2}|\d{2})\s*\)?\s*\.?$")
#: the link or image address of an HTML tag in a cell: <a href="...">, <img src="...">
HTML_ATTR = re.compile(r"""\b(href|src)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
CODE_HOST = re.compile(r"^https?://(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|gitee\.com)/", re.IGNORECASE)
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
    #: the last list item read, when it became a resource: (item, its paragraphs, (topic, year)) -- a paper link just below may be its own
    open_item: tuple[Item, list[Token], tuple[str, str]] | None = None
    #: paragraphs of prose linking a paper, (paragraph, topic, year), until their section is known not to be an entry
    prose: list[tuple[Token, str, str]] = field(default_factory=list)
    #: paper links of prose labelled "paper" or "here": (url, line, topic, year) -- a paper when the list's BibTeX names it
    unnamed: list[tuple[str, int, str, str]] = field(default_factory=list)
    #: the list's own BibTeX entries (a "Citation" block): (line, field name -> value)
    citations: list[tuple[int, dict[str, str]]] = field(default_factory=list)


# --- inline content ---------------------------------------------------------------


@dataclass
class Piece:
    kind: str  #: "text", "link", "image" or "br"
    text: str = ""
    url: str = ""
    image: str = ""  #: src of an image inside a link
    em: bool = False  #: text in italics (an author line, a venue)
    strong: bool = False  #: text in bold (a title, a name)


def pieces(inline: Token) -> list[Piece]:
    """An inline token flattened: text runs, links (with their text), images, line breaks."""
    result: list[Piece] = []
    link: Piece | None = None
    em = strong = 0
    superscript = False  #: inside <sup>: an affiliation's or a footnote's mark, no part of a name
    children = list(inline.children or [])
    glued = _inside_words(children)  #: "M<sup>3</sup>IT": a superscript inside a word is part of it
    glue = False  #: the next text run continues the last piece's word
    for number, child in enumerate(children):
        if child.type == "html_inline" and re.match(r"<(/?)sup\b", child.content, re.IGNORECASE):
            superscript = not child.content.startswith("</")
            continue
        if child.type == "text" and (number in glued or glue) and link is None and result and result[-1].kind == "text":
            result[-1].text += child.content
            glue = number in glued
            continue
        if superscript and child.type == "text" and number not in glued:
            continue
        if child.type in ("em_open", "em_close", "strong_open", "strong_close"):
            step = 1 if child.type.endswith("_open") else -1
            em, strong = (em + step, strong) if child.type.startswith("em") else (em, strong + step)
        elif child.type == "link_open":
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
            elif child.type == "code_inline" and VENUE_ONLY.fullmatch(child.content.strip()) and re.search(r"\d", child.content):
                result.append(Piece("text", f"({child.content.strip()})", em=em > 0, strong=strong > 0))  # "`CVPR 2024` Title": a venue tag
            else:
                result.extend(_autolinked(child.content, inline.content, em=em > 0, strong=strong > 0))
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


def _inside_words(children: list[Token]) -> set[int]:
    """Indexes of the text runs in a ``<sup>`` that stands between two letters or digits (``M<sup>3</sup>IT``)."""
    out = set()
    for number in range(1, len(children) - 3):
        before, opening, text, closing, after = children[number - 1 : number + 4]
        if not re.match(r"<sup\b", opening.content or "", re.IGNORECASE) or not re.match(r"</sup", closing.content or "", re.IGNORECASE):
            continue
        if before.type == "text" and text.type == "text" and after.type == "text" and before.content[-1:].isalnum() and after.content[:1].isalnum():
            out.add(number + 1)
    return out


BARE_URL = re.compile(r"https?://[^\s()\[\]<>\"'|`]{4,500}")
#: a field's label just before a bare URL: "Paper link: https://...", "- Code: https://..."
URL_LABEL = re.compile(r"(?:^|(?<=[\s(\[|,;]))([A-Za-z][A-Za-z &/-]{0,30}?)\s*:\s*$")


def _autolinked(text: str, source: str, em: bool = False, strong: bool = False) -> list[Piece]:
    r"""A text run with its bare URLs as links, as GitHub shows them; a link's text is the label before it
    ("Code: https://github.com/..." is a link labelled "Code"), else the URL. A URL the ``source`` escapes
    (``https\:\/\/…``) is text, as on GitHub."""
    out: list[Piece] = []
    start = 0
    for found in BARE_URL.finditer(text):
        url = found.group(0).rstrip(".,;:")
        if url not in source:
            continue
        before = text[start : found.start()]
        label = URL_LABEL.search(before)
        if label:
            before = before[: label.start()]
        if before:
            out.append(Piece("text", before, em=em, strong=strong))
        out.append(Piece("link", label.group(1).strip() if label else url, url))
        start = found.start() + len(url)
    if start < len(text) or not out:
        out.append(Piece("text", text[start:], em=em, strong=strong))
    return out


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


DOI_ARXIV = re.compile(r"^https?://(?:dx\.)?doi\.org/10\.48550/arxiv\.(.{9,20})$", re.IGNORECASE)
#: pages that show one arXiv paper under its identifier: Hugging Face's daily papers, Semantic Scholar's arXiv route, alphaXiv, papers.cool, ar5iv
MIRROR_ARXIV = re.compile(
    r"^https?://(?:www\.)?(?:huggingface\.co/papers/|semanticscholar\.org/arxiv/|alphaxiv\.org/(?:abs/)?|papers\.cool/arxiv/|ar5iv\.(?:labs\.arxiv\.)?org/(?:abs|html)/)"
    r"(\d{4}\.\d{4,5}(?:v\d+)?)(?=[/?#]|$)",
    re.IGNORECASE,
)


def arxiv_in(url: str) -> arxivid.ArxivId | None:
    """The arXiv identifier of a paper link: an arXiv page's, arXiv's own DOI's (``doi.org/10.48550/arXiv.2307.03172``),
    or a page showing the arXiv paper under its id (``huggingface.co/papers/2401.12345``)."""
    found = arxivid.parse_url(url)
    said = None if found else DOI_ARXIV.match(url.strip()) or MIRROR_ARXIV.match(url.strip())
    return arxivid.parse_url(f"https://arxiv.org/abs/{said.group(1)}") if said else found


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
    """``<details>``/``<summary>`` lines emptied, so the Markdown they fold parses; a summary naming the one
    paper its block links (``<summary><b>Title</b></summary>``) becomes that paper's heading."""
    lines = text.split("\n")
    out = []
    for number, line in enumerate(lines):
        if not FOLDING.match(line):
            out.append(line)
            continue
        summary = SUMMARY.search(line)
        said = " ".join(html_as_markdown(summary.group(1))).strip() if summary else ""
        bold = re.fullmatch(r"(\*\*|__)(.+?)\1(.*)", said)
        said = f"{bold.group(2)}{bold.group(3)}" if bold else said.strip(" *_")  # "<b>Title</b> (CVPR 2022)": the title, its venue
        words = clean_title(said)
        # a short title ("Segment Anything") names the paper when its summary also says where it appeared
        if said and (paper_like(words.text) or (bold and (words.venue or words.year))) and _one_paper_folded(lines, number):
            out.append(f"###### {said}")
        else:
            out.append("")
    return "\n".join(out)


SUMMARY = re.compile(r"<summary>((?:(?!</summary>).){1,400})</summary>", re.IGNORECASE)


def _one_paper_folded(lines: list[str], start: int) -> bool:
    """The ``<details>`` block opened at ``start`` links one paper (and holds no other block)."""
    urls: set[str] = set()
    for line in lines[start + 1 : start + 200]:
        if re.search(r"<details\b", line, re.IGNORECASE):
            return False
        urls |= {normal_key(url) for url in BARE_URL.findall(line) if is_paper_url(url.rstrip(".,;:)"))}
        if re.search(r"</details\s*>", line, re.IGNORECASE):
            break
    return len(urls) == 1


MARKDOWN = MarkdownIt("commonmark").enable("table")
#: links and images whose target is no web address: relative files, in-page anchors
LOCAL_LINK = re.compile(r"(!?)\[([^\[\]\n]{0,500})\]\((?!\s*<?(?:https?://|mailto:))[^()\n]{0,500}\)")
HTML_TAG = re.compile(r"</?(?!https?:|mailto:)[A-Za-z][^<>\n]{0,500}>")  # not an autolink or a link's <url>


def shields_text(url: str) -> str:
    """What a shields.io badge says: ``img.shields.io/badge/Conference-ICML'23-blue`` -> ``Conference ICML'23``."""
    found = re.search(r"img\.shields\.io/badge/([^?#]{1,300})", url)
    if not found:
        return ""
    words = unquote(found.group(1)).replace("--", "\0").split("-")
    words = words[:-1] if len(words) > 1 else words  # the last part is the colour
    return " ".join(word.replace("\0", "-").replace("_", " ") for word in words)


def safe_lines(rows: list[str]) -> list[str]:
    """Markdown lines copied from the list as lines that build anywhere: HTML converted (no raw HTML on a page),
    links and images to no web address (a relative file, an ``#anchor`` of the list) kept as their text."""
    indent = min((len(row) - len(row.lstrip()) for row in rows if row.strip()), default=0)
    out: list[str] = []
    for row in rows:
        row = row[indent:].rstrip()
        if "<" in row and HTML_TAG.search(row):
            lead = row[: len(row) - len(row.lstrip())]
            converted = [line for line in html_as_markdown(row) if line.strip()]
            row = lead + " ".join(converted) if converted else ""
            if not row.strip():
                continue
        row = LOCAL_LINK.sub(lambda m: "" if m.group(1) else m.group(2), row)
        row = re.sub(r"\[([^\[\]\n]{0,500})\]\(\s*\)", r"\1", row)  # an empty link: its text
        out.append(row)
    while out and not out[-1].strip():
        out.pop()
    return out


@dataclass
class _Section:
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


def _inline_of(text: str, line: int) -> Token | None:
    tokens = MARKDOWN.parseInline(text, {})
    if not tokens:
        return None
    tokens[0].map = [line - 1, line]
    return tokens[0]


def _html_inlines(content: str, line: int) -> list[Token]:
    """An HTML block as inline tokens, one a line of its Markdown (comments left out)."""
    return [token for text in html_as_markdown(content) if text.strip() and (token := _inline_of(text, line)) is not None]


HTML_ITEM = re.compile(r"<li\b", re.IGNORECASE)


def _read_html_list(token: Token, topic: str, year: str, path: str, parsed: Parsed) -> bool:
    """An HTML ``<ul>``/``<ol>`` whose ``<li>`` items link papers (``<li>**Title** <br> *Authors* <br> [[Paper]](…)</li>``):
    each item is an entry, as a Markdown list item would be. False when no item links a paper (the block is prose)."""
    start = (token.map or [0])[0]
    rows = token.content.split("\n")
    openings = [start + number + 1 for number, row in enumerate(rows) for _ in HTML_ITEM.finditer(row)]
    groups: list[list[str]] = [[]]
    for text in html_as_markdown(token.content):
        if text.strip():
            groups[-1].append(text)
        elif groups[-1]:
            groups.append([])
    groups = [group for group in groups if group]
    papers = [group for group in groups if _has_paper([p for text in group if (inline := _inline_of(text, 1)) for p in pieces(inline)])]
    if not papers:
        return False
    for number, group in enumerate(groups):
        line = openings[min(number, len(openings) - 1)] if openings else start + 1
        inlines = [inline for text in group if (inline := _inline_of(text, line)) is not None]
        if group in papers:
            _place_group(inlines, topic, year, path, parsed, ())
        else:
            parsed.notes += ["", safe_markdown([p for inline in inlines for p in pieces(inline)])]
    return True


def _has_paper(parts: list[Piece]) -> bool:
    return any(p.kind == "link" and is_paper_url(p.url) for p in parts)


def title_link(parts: list[Piece]) -> Piece | None:
    """The link whose text is the title: the first with real text (not a badge, a label like "Paper", a URL or an anchor)."""
    return next((p for p in parts if p.kind == "link" and p.url and not p.url.startswith("#") and not p.image and p.text.strip() and not is_label(p.text)), None)


def _starts_entry(parts: list[Piece]) -> bool:
    """A paragraph that opens a paper of its own: its title link to a paper host comes first (a label like "Paper link:" may precede it)."""
    link = title_link(parts)
    if link is None or not is_paper_url(link.url):
        return False
    before = plain([p for p in parts[: parts.index(link)] if p.kind == "text"])
    return not before or bool(SEPARATORS.match(before)) or re.fullmatch(r"[\w\s-]{0,30}:", before) is not None or len(before) < 4


def _anchors(parts: list[Piece]) -> bool:
    """A paragraph of its own that is a paper: it opens with its title link, or names the paper in bold beside a paper link."""
    if not _has_paper(parts) or len(plain([p for p in parts if p.kind == "text"])) > 400:
        return False
    return _starts_entry(parts) or any(p.kind == "text" and p.strong and p.text.strip(" :") and not is_label(p.text.strip(" :")) for p in parts)


def parse_awesome(text: str, path: str) -> Parsed:
    text = tex_as_text(inline_footnotes(text))
    lines = text.split("\n")
    tokens = MARKDOWN.parse(blank_folding(text))
    parsed = Parsed()
    headings: dict[int, str] = {}
    venues: dict[int, tuple[str, str]] = {}  #: headings naming a venue and year ("## ICLR 2024"), by level
    venue_from = 0  #: the first item read under the current heading
    year = ""
    section: _Section | None = None
    quoted = 0  #: blockquotes the token is in
    index = 0
    while index < len(tokens):
        token = tokens[index]
        html_heading = HTML_HEADING.match(token.content) if token.type == "html_block" else None
        if token.type == "heading_open" or html_heading:
            parsed.open_item = None
            _close_section(section, parsed, path)
            _cited_in_prose(parsed)
            _venue_of_heading(parsed.items[venue_from:], venues)
            if html_heading:  # <h3 id="node">Node Classification</h3>: a heading as GitHub shows it
                said = " ".join(line for line in html_as_markdown(html_heading.group(2)) if line.strip())
                level, inline = int(html_heading.group(1)), _inline_of(said, (token.map or [0])[0] + 1)
            else:
                level, inline = int(token.tag[1]), tokens[index + 1]
            # a badge in a heading ("Awesome List [![Awesome](…)](…)") is no part of its name
            content = " ".join(plain([p for p in pieces(inline) if p.kind != "image" and not (p.kind == "link" and p.image)]).split()) if inline else ""
            found = date_heading(content)
            headings = {lvl: name for lvl, name in headings.items() if lvl < level}  # a year heading ends its siblings' topics too
            venues = {lvl: said for lvl, said in venues.items() if lvl < level}
            if venue_heading(content)[0]:
                venues[level] = venue_heading(content)
            topic = headings[max(headings)] if headings else ""
            if found:
                year = found
            else:
                if level >= 2:
                    headings[level] = topic_name(content)
                # "Top Papers of the Week (June 23 - June 29) - 2025": a topic with a date; "### Oral" under "## ICLR 2024": its year
                year = heading_date(content) or (venues[max(venues)][1] if venues else "")
            parsed.notes += ["", f"{'#' * level} {md_text(content)}"]
            line = (token.map or [0])[0] + 1
            section = None if found or not content else _Section(level, content, line, len(parsed.notes), len(parsed.items) + len(parsed.resources), len(parsed.items), len(parsed.resources), topic=topic, heading=inline)
            index += 1 if html_heading else 3
            venue_from = len(parsed.items)
            continue
        topic = headings[max(headings)] if headings else ""
        if section is not None:
            section.year = section.year or year
        if token.type == "table_open":
            index = _read_table(tokens, index, lines, topic, year, path, parsed)
            continue
        fields = _field_lines(tokens, index) if section is not None and section.level >= 2 and token.type.endswith("list_open") else []
        if fields and section is not None and len(parsed.items) + len(parsed.resources) == section.found:
            section.inlines += fields  # "- Paper link: …", "- Code: …" under a paper's heading: its fields, no entries
            index = _close(tokens, index, token.type)
            continue
        if token.type == "bullet_list_open" and parsed.open_item is not None and parsed.resources and parsed.resources[-1] is parsed.open_item[0] \
                and (authored := _authors_bullet(tokens, index, _close(tokens, index, token.type))):
            # "10. **Title.**" then "   *\tA. Owl, B. Heron. [[pdf](…)]", indented too little to be nested: its paper
            _, inlines, where = parsed.open_item
            parsed.resources.pop()
            _place_group([*inlines, *authored], *where, path, parsed, ())
            parsed.open_item = None
            index = _close(tokens, index, token.type)
            continue
        if (token.type == "bullet_list_open" or token.type == "ordered_list_open") and NEWS_HEADING.match(topic):
            index = _read_news(tokens, index, lines, year, path, parsed)
            continue
        if token.type == "bullet_list_open" or token.type == "ordered_list_open":
            index = _read_list(tokens, index, lines, topic, year, path, parsed)
            continue
        if token.type == "html_block" and re.search(r"<table\b", token.content, re.IGNORECASE):
            index = _read_html_table(tokens, index, lines, topic, year, path, parsed)
            continue
        if token.type == "html_block" and HTML_ITEM.search(token.content) and _read_html_list(token, topic, year, path, parsed):
            index += 1
            continue
        if token.type == "html_block" and section is not None:
            section.inlines += _html_inlines(token.content, (token.map or [0])[0] + 1)
        if token.type == "code_block" and "](" in token.content:  # link lines indented by mistake: Markdown, not code
            start = (token.map or [0])[0]
            for number, row in enumerate(token.content.split("\n")):
                inline = _inline_of(row.strip(), start + number + 1)
                if inline is not None and _anchors(pieces(inline)):
                    _place_group([inline], topic, year, path, parsed, ())
                elif inline is not None and _has_paper(pieces(inline)):  # "    [arXiv](…) [GitHub](…)" under a paper's heading: its links
                    if section is not None:
                        section.inlines.append(inline)
                    parsed.prose.append((inline, topic, year))
        if token.type in ("blockquote_open", "blockquote_close"):
            quoted += 1 if token.type == "blockquote_open" else -1
        if token.type == "inline" and token.level == 1 + quoted:  # a paragraph of its own (in a quote too: "> **Title**<br>> [[Paper](…)]")
            parts = pieces(token)
            said = date_heading(plain(parts))
            if said:
                year = said  # "*(2016)*": the papers below are of that year
            elif section is not None and section.level >= 2 and len(parsed.items) + len(parsed.resources) == section.found and _field_paragraph(token):
                # "**Link**: …", "**Authors**: …", "**Published**: …" under "## 12. Title": its fields, a line each
                start = (token.map or [0])[0]
                section.inlines += [inline for number, row in _fields_of(token) if (inline := _inline_of(row, start + number + 1)) is not None]
            elif _anchors(parts):
                _place_group(_quoted_lines(token) if quoted else [token], topic, year, path, parsed, ())
            elif _has_paper(parts) and parsed.open_item is not None and parsed.resources and parsed.resources[-1] is parsed.open_item[0]:
                # "19. **Title**" then, after a blank line, "   *Authors* [[pdf](...)]" indented too little for the item: its paper
                _, inlines, where = parsed.open_item
                parsed.resources.pop()
                _place_group([*inlines, token], *where, path, parsed, ())
                parsed.open_item = None
            else:
                parsed.open_item = None
                parsed.notes += ["", safe_markdown(parts)]
                if section is not None:
                    section.inlines.append(token)
                if _has_paper(parts):
                    parsed.prose.append((token, topic, year))
        if token.type == "fence" and token.level == 0 and BIBTEX_OPENER.search(token.content):
            line = (token.map or [0])[0] + 1
            parsed.citations += [(line, fields) for fields in bibtex_fields(token.content)]
            fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", token.content)), default=0))
            parsed.notes += ["", f"{fence}bibtex", *token.content.rstrip("\n").split("\n"), fence]
        index += 1
    _close_section(section, parsed, path)
    _cited_in_prose(parsed)
    _venue_of_heading(parsed.items[venue_from:], venues)
    _apply_citations(parsed)
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


def _cited_in_prose(parsed: Parsed) -> None:
    """Papers a paragraph of prose names by a linked title ("our survey: [*Title*](arxiv-url)"); a link labelled
    "paper" or "here" names none, but the list's BibTeX may (see :func:`_apply_citations`)."""
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
            _place(item, parsed)
    parsed.prose = []


def _cited_ids(fields: dict[str, str]) -> set[str]:
    said = " ".join(fields.get(name, "") for name in ("eprint", "journal", "url", "note", "howpublished", "doi", "volume"))
    # never a template's "2401.00000": arXiv's numbers start at 1
    return {number for number in ARXIV_NUMBER.findall(said) if arxivid.parse(number) and int(number.split(".")[-1].split("v")[0] or 0)}


def _apply_citations(parsed: Parsed) -> None:
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
            _place(match, parsed)
        if normal_key(match.title) != normal_key(title):  # the same words in another case: the list shows its own
            match.title = title
        if authors and not match.authors:
            match.authors = authors
        year_said = fields.get("year", "")
        if not match.date and re.fullmatch(r"(?:19|20)\d{2}", year_said):
            match.date = year_said


HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]{0,300}>((?:(?!</h[1-6]).){1,300})</h\1\s*>\s*$", re.IGNORECASE | re.DOTALL)
#: a line saying one field: "Paper link: …", "Code: …", "Authors: …", "Venue: ICLR 2023"
FIELD_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z &/-]{0,30}?)\s*:\s*\S")
#: a field labelled by an emoji instead of a word: "📅 2023.05", "🏛️ CVPR 2023"
EMOJI_FIELD = re.compile(r"^\s*([^\x00-\x7f\w\s]{1,3})\s*[\w\[(]")


def _field_lines(tokens: list[Token], index: int) -> list[Token]:
    """The paragraphs of a list whose items each say one field of one paper (one paper link among them, each
    label once), as under ``### Title`` with ``- Paper link: …`` and ``- Code: …``; ``[]`` for a list of entries."""
    end = _close(tokens, index, tokens[index].type)
    inlines = [token for token in tokens[index:end] if token.type == "inline"]
    count = sum(1 for token in tokens[index:end] if token.type == "list_item_open")
    labels = [label for token in inlines if (label := _field_label(token))]
    if not inlines or len(inlines) != count or len(labels) != count or len(set(labels)) != count:
        return []
    papers = {normal_key(p.url) for token in inlines for p in pieces(token) if p.kind == "link" and is_paper_url(p.url)}
    # the line with the paper link says "Paper: …" or "[arXiv](…)"; "LLaMA: Title. [[paper]](…)" is an entry
    holders = [token for token in inlines if any(p.kind == "link" and is_paper_url(p.url) for p in pieces(token))]
    if any(FIELD_LINE.match(token.content) and _field_label(token) not in LINK_LABELS for token in holders):
        return []
    return inlines if len(papers) == 1 else []


def _quoted_lines(inline: Token) -> list[Token]:
    """A quoted entry's lines, each its own paragraph: ``> **Title**`` / ``> Authors`` / ``> *CVPR 2020*`` /
    ``> [[paper](…)]`` say one thing a line, so the names never run into the venue below them."""
    rows = inline.content.split("\n")
    if len(rows) < 2 or not re.fullmatch(r"\s*(\*\*|__)[^*_]+\1\s*", rows[0]):
        return [inline]
    start = (inline.map or [0])[0]
    return [found for number, row in enumerate(rows) if (found := _inline_of(row, start + number + 1)) is not None]


def _fields_of(inline: Token) -> list[tuple[int, str]]:
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


def _field_paragraph(inline: Token) -> bool:
    """A paragraph saying two fields or more, a line each, one of them a paper link: the fields of the paper its
    heading names (``## 12. Title`` then ``**Link**: …``, ``**Authors**: …``), never an entry of its own."""
    return len(_fields_of(inline)) >= 2 and _has_paper(pieces(inline))


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


def _close_section(section: _Section | None, parsed: Parsed, path: str) -> None:
    """A heading whose section holds a paper link and no entry of its own is the entry: ``### Title`` with badges below.

    A section that also holds entries (a follow-up named in its notes) is still one when its heading reads as a
    paper's title and its own paragraphs link a paper none of those entries has; they are no sub-topic of it.
    """
    if section is None or section.level < 2:
        return
    head = [section.heading] if section.heading is not None else []
    parts = [piece for inline in [*head, *section.inlines] for piece in [*pieces(inline), Piece("br")]]
    if not _has_paper(parts):
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
    heading = section.heading if section.heading is not None else _inline_of(section.title, section.line)
    if heading is None:
        return
    item = _read_group([heading, *section.inlines], section.line, section.topic, section.year, path, parsed, (), heading_title=True)
    if item is None:
        return
    body = [line for line in parsed.notes[section.notes_at :] if line.strip()]
    item.body = [line for text in body for line in ("", text)] if body and not item.body else item.body
    del parsed.notes[section.notes_at - 2 :]
    _place(item, parsed)


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


def _read_html_table(tokens: list[Token], index: int, lines: list[str], section: str, year: str, path: str, parsed: Parsed) -> int:
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
    for number, row in enumerate(table.find_all("tr")):
        tags = [cell for cell in row.find_all(["td", "th"]) if cell.find_parent("tr") is row]
        texts = [("<br>".join(line for line in html_as_markdown(cell.decode_contents()) if line.strip()), _span(cell.get("colspan"))) for cell in tags]
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
                inline = _inline_of(text, line)
                if inline is not None and _card(text):
                    first, _, rest = text.partition("<br>")
                    if "](" not in first and not first.startswith("**"):  # a plain first line is the title, as a bold one is
                        inline = _inline_of(f"**{first.strip()}**<br>{rest}", line) or inline
                    _place_group([inline], section, year, path, parsed, ())
                elif inline is not None and (said := safe_markdown(pieces(inline))):
                    parsed.notes += ["", said]
        return after
    header: list[str] = []
    for _, cells in grid[:1] if heads else []:
        header = [text for text, span in cells for _ in range(span)]
        spanned = [position for position, (text, span) in enumerate([(t, s) for t, s in cells for _ in range(s)]) if span > 1]
        if heads > 1:  # a second header row names the columns a first-row cell spans
            below = [text for text, _ in grid[1][1]]
            for position, text in zip(spanned, below, strict=False):
                header[position] = text
    width = max(len(header), *(sum(span for _, span in cells) for _, cells in grid[heads:]))
    header += [f"column {number + 1}" for number in range(len(header), width)]
    rows: list[tuple[int, list[Token], list[tuple[str, str]]]] = []
    for line, cells in grid[heads if heads else 0 :]:
        inlines = [token for text, span in cells for _ in range(span) if (token := _inline_of(text, line)) is not None]
        rows.append((line, inlines, []))
    _read_rows([plain(pieces(token)) if (token := _inline_of(label, start + 1)) else label for label in header], rows, section, year, path, parsed)
    return after


def _card(text: str) -> bool:
    """An HTML table cell that is one paper's card: it opens with the title (bold, or a link to the paper), then
    lines of authors, venue and links."""
    inline = _inline_of(text, 1)
    parts = pieces(inline) if inline is not None else []
    first = next((p for p in parts if p.kind in ("text", "link") and p.text.strip()), None)
    if first is None or not _has_paper(parts) or not any(p.kind == "br" for p in parts):
        return False
    return (first.kind == "text" and (first.strong or paper_like(first.text))) or (first.kind == "link" and first is title_link(parts) and is_paper_url(first.url))


def _span(value: object) -> int:
    try:
        return max(1, min(int(str(value)), 20))
    except ValueError:
        return 1


def _labels_only(rows: list[tuple[int, list[Token], list[tuple[str, str]]]], column: int) -> bool:
    """A column whose cells are link labels ("Paper", "📄 PDF") or empty: a links column, never the title."""
    texts = [plain([p for p in pieces(cells[column]) if not p.image]) for _, cells, _ in rows if column < len(cells)]
    texts = [text for text in texts if text and text.lower() not in EMPTY]
    return bool(texts) and all(is_label(text) for text in texts)


def _read_rows(header_texts: list[str], rows: list[tuple[int, list[Token], list[tuple[str, str]]]], section: str, year: str, path: str, parsed: Parsed) -> None:
    header = [" ".join(re.sub(r"[*_`:]", " ", text).lower().split()) for text in header_texts]
    roles = [COLUMNS.get(name, "") for name in header]
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
    if not any(p.kind == "link" and p.url.startswith(("http://", "https://")) for _, cells, _ in rows for cell in cells for p in pieces(cell)):
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
    if any(authors_of(plain(pieces(inline))) for part in titles if (inline := _inline_of(part, line)) is not None):
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
            said.append(_inline_of(text, line) or cells[number])
        out.append((line, said, extra))
    return out


def _has_date(cells: list[Token], roles: list[str]) -> bool:
    return any(role == "date" and normal_date(plain(pieces(cell))) for cell, role in zip(cells, roles, strict=False))


def classify(text: str, url: str, item: Item) -> tuple[str, str] | None:
    """A link's kind from its label, else from its host; None for a link the page lists in its body."""
    if not url.startswith(("http://", "https://")):
        return None  # "url", "org/repo (github.com)": no address a page can link
    known = link_kind(text)
    if known and known[0] != "paper" and not item.paper_url and MIRROR_ARXIV.match(url):
        return ("paper", "")  # "[🤗 HF](huggingface.co/papers/2401.12345)": the paper's page there, no model
    if known and not (known[0] == "paper" and item.paper_url):
        return known
    if is_paper_url(url) and not item.paper_url:
        return ("paper", "")
    words = text.lower()
    if CODE_HOST.match(url) or re.search(r"\bcode\b", words):
        return ("code", "") if not known or known[0] != "paper" else None
    if re.match(r"^https?://(?:www\.)?huggingface\.co/(?!papers/|datasets/|spaces/)", url):
        return ("model_zoo", "")
    return None


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
            known = classify(part.text, part.url, item)
            if known:
                item.links.append(LabelledLink(known[0], part.url, known[1]))
            elif not part.image:
                item.body.append(f"- {md_link(part.text, part.url)}")
        elif part.kind == "text" and part.text.strip() and not link and not after_break:
            item.title = (item.title + " " + part.text).strip()
        elif part.kind == "text" and not SEPARATORS.match(part.text):
            rest.append(part.text.strip())
    runs = _strong_runs([part for part in title_parts if part.kind != "br"][: next((n for n, p in enumerate(title_parts) if p.kind == "br" and item.title), len(title_parts))])
    bold = runs[0][0] if runs and not runs[0][1] and not is_label(runs[0][0]) else ""
    at = item.title.find(bold) if bold and link is None else -1
    if at >= 0 and re.fullmatch(r"\s*(?:\d{1,4}\s*[.)\]:]?)?\s*", item.title[:at]):
        # "1) **Title** - what it does": the bold run is the title, the rest a note
        rest.insert(0, item.title[at + len(bold) :].strip(" -\u2013\u2014:|"))
        item.title = bold
    cleaned = clean_title(item.title)
    item.title, item.venue = cleaned.text, cleaned.venue
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
    if badge and not any(link.kind == "code" for link in item.links):
        item.links.append(LabelledLink("code", badge))
    if (not item.title or is_label(item.title)) and item.name:
        item.title = item.name  # "| Heron | [📄 Paper](…) |": the row's name is all it calls the paper
    _date_and_venue(item, [*badges, said, *(text for _, text in item.facts if len(text) < 60)], year)
    _place(item, parsed)


def _date_and_venue(item: Item, texts: list[str], year: str) -> None:
    """The item's date and venue from what its row or bullet says, when no date column or leading date gave them."""
    text = " ; ".join(text for text in texts if text)
    venue, venue_said = venue_year(text)
    if not item.venue and venue:
        said_at = VENUE_YEAR.search(text)
        # "(NeurIPS'21 Workshop)": a workshop there, not the conference itself
        workshop = re.match(r"\s+(Workshops?)\b", text[said_at.end() :]) if said_at else None
        item.venue = f"{venue} {venue_said}" + (f" {workshop.group(1)}" if workshop else "")
    if item.date and item.date != year:
        return
    found = find_date(text)
    if found:
        item.date = found


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
            known = classify(link.text, link.url, item)
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
        item.tags.extend(tag.strip() for tag in re.split(r"[,;/]|<br>", plain(parts)) if tag.strip())
        return
    if role in ("code", "demo", "project"):
        kind, link_label = {"code": ("code", ""), "demo": ("demo", ""), "project": ("homepage", "")}[role]
        for link in (link for link in links if link.url.startswith(("http://", "https://"))):
            item.links.append(LabelledLink(kind, link.url, link_label))
        for part in parts:
            found = STAR_BADGE.search(part.image or (part.url if part.kind == "image" else ""))
            if found and role == "code" and not links:
                item.links.append(LabelledLink("code", f"https://github.com/{found.group(1)}/{found.group(2)}"))
        if text and not SEPARATORS.match(text):
            item.facts.append((label, text))
        return
    value = plain([p for p in parts if p.kind != "link" or not (p.image or p.text == p.url)])  # badge links and bare URLs are links, not text
    if value and value.lower() not in EMPTY:
        if label.lower() in VENUE_HEADERS or label.lower() == "pub":
            item.venue = value
        if not (item.venue == value and value.lower() == "arxiv" and arxivid.of_link(item.paper_url)):  # the page shows "arXiv <id>" already
            item.facts.append((label, value))
    for link in links:
        if any(existing.url == link.url for existing in item.links):
            continue
        known = classify(link.text, link.url, item)
        if known:
            item.links.append(LabelledLink(known[0], link.url, known[1]))
        elif link.url.startswith(("http://", "https://")):
            item.body.append(f"- {md_text(label)}: {md_link(link.text, link.url)}")


def _read_list(tokens: list[Token], index: int, lines: list[str], section: str, year: str, path: str, parsed: Parsed, tags: tuple[str, ...] = ()) -> int:
    opening = tokens[index].type
    end = _close(tokens, index, opening)
    position = index + 1
    while position < end:
        if tokens[position].type != "list_item_open":
            position += 1
            continue
        item_end = _close(tokens, position, "list_item_open")
        _read_item(tokens, position, item_end, lines, section, year, path, parsed, tags)
        position = item_end
    return end


#: a repository's news: "- **[2024.03]** 🎉 Our paper [X](…) is accepted to CVPR 2024!"
NEWS_HEADING = re.compile(r"^(?:latest\s+|recent\s+)?(?:news|updates?|announcements?|change\s*log|what'?s\s+new|新闻|动态|最新动态|更新)\W*$", re.IGNORECASE)


def _read_news(tokens: list[Token], index: int, lines: list[str], year: str, path: str, parsed: Parsed) -> int:
    """A news list: the papers it names are papers, but a news line's date is when the news came (an acceptance,
    a release), not when the paper did; its arXiv id or venue dates it when it has one. "News" is no topic."""
    first = len(parsed.items)
    end = _read_list(tokens, index, lines, "", year, path, parsed)
    for item in parsed.items[first:]:
        # the line as written, for the page; its italics name a journal, its bold "[2024.03]" a day, not authors or a venue
        said = re.sub(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+", "", lines[item.line - 1]).strip() if 0 < item.line <= len(lines) else ""
        venue, venue_said = venue_year(_take(said, item.title))
        item.authors, item.venue = "", f"{venue} {venue_said}" if venue else ""
        item.facts = [("Venue", item.venue)] if venue else []
        item.body = [*safe_lines([f"News: {said}"]), *item.body] if said else item.body
        if arxivid.of_link(item.paper_url) or venue:
            item.date = venue_said if venue and not arxivid.of_link(item.paper_url) else item.listed
    return end


def _papers_in(tokens: list[Token], start: int, end: int) -> bool:
    return any(token.type == "inline" and _starts_entry(pieces(token)) for token in tokens[start:end]) or any(
        token.type == "inline" and _has_paper(pieces(token)) for token in tokens[start:end]
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
            closing = _close(tokens, position, token.type)
            nested.append((position, closing))
            position = closing
            continue
        if token.type == "inline" and token.level == level + 2:
            parts = pieces(token)
            if groups and _starts_entry(parts):
                groups.append([token])
            elif groups:
                groups[-1].append(token)
            else:
                groups.append([token])
        elif token.level == level + 1 and token.map and token.type in ("html_block", "code_block", "fence", "blockquote_open", "table_open"):
            other.append((token.map[0], token.map[1]))
            if token.type in ("blockquote_open", "table_open"):
                position = _close(tokens, position, token.type)
                continue
        position += 1
    if len(groups) == 1 and not _has_paper([p for inline in groups[0] for p in pieces(inline)]):
        # "- **Title**" with sub-bullets "Paper: …", "Code: …", "📅 2023.05": one paper, its fields below it
        fields = next(((a, b, found) for a, b in nested if (found := _field_lines(tokens, a))), None)
        if fields is not None:
            groups[0] = [*groups[0], *fields[2]]
            nested.remove(fields[:2])
    if not groups:  # "- 12) [Title](...)": the item is a list of its own
        for a, _ in nested:
            _read_list(tokens, a, lines, section, year, path, parsed, tags)
        return
    papers = [group for group in groups if _has_paper([p for inline in group for p in pieces(inline)])]
    if len(groups) == 1 and not papers and len(nested) == 1 and (authored := _authors_bullet(tokens, *nested[0])):
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
        item = _read_group(group, line, section, year, path, parsed, tuple(inner))
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
        _read_list(tokens, a, lines, section, year, path, parsed, subtopic if not (items and items[-1].paper_url) else tuple(inner))
    for item in items:
        if item.paper_url or not nested_papers:
            _place(item, parsed)
    if items and not items[-1].paper_url and not nested_papers and len(groups) == 1:
        parsed.open_item = (items[-1], groups[0], (section, year))


AUTHORS_FIELD = re.compile(r"^\s*(?:authors?|author\(s\)|by|作者)\s*[:\uff1a]\s*(\S.*)$", re.IGNORECASE)
_DATE_WORDS = re.compile(r"\b(?:(?:19|20)\d{2}|\d{1,2}|arxiv|preprint|oral|spotlight|highlight|poster|" + "|".join(MONTHS) + r")[a-z]*\.?", re.IGNORECASE)
#: a field's label whose value (a link) was read: "Paper:" of "Paper: [arXiv](…)"
DANGLING_LABEL = re.compile(r"(?<![\w])([A-Za-z][A-Za-z ]{0,20}?)\s*:(?=\s|$)")


def says_more(text: str, item: Item) -> bool:
    """A leftover of the entry says more than its date and venue ("(2013), ." or "arXiv, Jan 2024 ." do not):
    it keeps a letter once years, months, "arXiv" and the venue's words are taken out; a year nothing else read stays."""
    rest = _DATE_WORDS.sub(" ", text)
    for word in item.venue.split():
        rest = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", rest, flags=re.IGNORECASE)
    if any(ch.isalpha() for ch in rest):
        return True
    return bool(re.search(r"(?:19|20)\d{2}", text)) and not item.date


def normal_key(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def _strong_runs(parts: list[Piece]) -> list[tuple[str, bool]]:
    """(bold text, in parentheses) of each bold run: ``(**ELMo**)`` names the paper, ``**Title**`` is the title."""
    runs: list[tuple[str, bool]] = []
    for number, part in enumerate(parts):
        if part.kind == "text" and part.strong and part.text.strip():
            if number and parts[number - 1].kind == "text" and parts[number - 1].strong:
                runs[-1] = (runs[-1][0] + part.text, runs[-1][1])
                continue
            before = parts[number - 1].text if number and parts[number - 1].kind == "text" else ""
            runs.append((part.text, before.rstrip().endswith(("(", "[")) and not before.rstrip().endswith("[[")))
    return [(" ".join(text.split()), inside) for text, inside in runs]


#: a wikilink opening an entry, then a separator: "[[DPO]] — ", "[[Note name|Shown]]: "
WIKI_NAME = re.compile(r"^\s*\[\[([^\[\]|\n]{1,80})(?:\|([^\[\]\n]{1,80}))?\]\]\s*[-\u2013\u2014:|]+\s*")
QUOTED = re.compile(r"\"([^\"\n]{8,300})\"|[\u201c\"]([^\"\u201c\u201d\n]{8,300})[\u201d\"]")  # '"“Why …?”: …"' holds its own quotes


def _read_group(inlines: list[Token], line: int, section: str, year: str, path: str, parsed: Parsed, tags: tuple[str, ...], heading_title: bool = False) -> Item | None:
    """One paper from the paragraphs that hold it (a bullet, a row of text, a heading and its section)."""
    parts: list[Piece] = []
    head_length = 0
    for number, inline in enumerate(inlines):
        if number:
            parts.append(Piece("br"))
        parts.extend(pieces(inline))
        head_length = head_length or len(parts)
    links = [p for p in parts if p.kind == "link" and p.url]
    if links and all(p.url.startswith("#") for p in links) and not heading_title:
        parsed.navigation += 1  # a table of contents entry
        return None
    head = parts[:head_length]  #: the first paragraph's pieces (the same objects as in ``parts``)
    item = Item(line, "", section, date=year, listed=year, tags=list(tags))
    text = plain([p for p in parts if p.kind == "text"])
    head_text = plain([p for p in head if p.kind == "text"])
    first_link = next((number for number, part in enumerate(head) if part.kind == "link"), len(head))
    lead_text = plain([p for p in head[:first_link] if p.kind == "text"])
    marked = STATUS_MARK.match(head_text)
    if marked:  # "- ✅ [Title](…)", "- ⏳ [Title](…)": a reading tracker's mark says whether it was read
        item.status = STATUS_MARKS[marked.group(1)]
    task = TASK_BOX.match(head_text)
    if task:  # "- [x] [Title](…) (2021) — notes": a reading tracker's box says whether it was read
        item.status = "unread" if task.group(1) == " " else "read"
        head_text, lead_text = head_text[task.end() :], TASK_BOX.sub("", lead_text, count=1)
        text = text.replace(task.group(0).strip(), " ", 1)
    leading = DATE_TEXT.match(head_text)
    if leading and 1 <= int(leading.group(2)) <= 12:
        item.date = normal_date(leading.group(0).strip())
        lead_text = lead_text.replace(leading.group(0).strip(), " ", 1).strip()
    bold = [(run, inside) for run, inside in _strong_runs(head) if not is_label(run) or VENUE_ONLY.fullmatch(run)]  # "**[ICLR'24]**" is a venue tag
    link = None
    taken: list[str] = []  #: text that became the title or the name
    wiki = WIKI_NAME.match(lead_text)
    if wiki and not heading_title and len(lead_text) - wiki.end() >= 8:
        # "[[DPO]] — Direct Preference Optimization: …" (a note-taking app's export): the note's name, then the title
        taken.append(wiki.group(0).strip())
        lead_text = lead_text[wiki.end():]
    quoted = QUOTED.search(lead_text) if not heading_title else None
    if quoted and re.match(r"\s*:\s*\w", lead_text[quoted.end():]):
        quoted = None  # "“Why Should I Trust You?”: Explaining the Predictions …": the quote opens the title
    if heading_title:  # the heading's words, its own "[arXiv]" or badge links left out
        item.title = plain([p for p in head if p.kind != "image" and not (p.kind == "link" and (p.image or is_label(p.text)))])
        taken.append(item.title)
        link = next((p for p in head if p.kind == "link" and not p.image and not is_label(p.text) and normal_key(p.text) == normal_key(item.title)), None)
    elif quoted:
        item.title = quoted.group(1) or quoted.group(2)
        taken.append(quoted.group(0))
        named = bold[0][0].strip(" []:") if bold and not bold[0][1] else ""
        if named and normal_key(named) != normal_key(item.title):
            item.name = "" if named.isdigit() else named  # "**[12]**" numbers the row
            taken.append(bold[0][0])
        # "LeCun, Yann, and Geoffrey Hinton. "Deep learning." Nature (2015)": the authors stand before the title
        before_quote = _take(lead_text[: quoted.start()], bold[0][0]) if bold else lead_text[: quoted.start()]
        item.authors = authors_of(before_quote.strip(" .,*[]"))
        if item.authors:
            taken.append(before_quote.strip(" .,*[]"))
        own = re.fullmatch(r"\s*([^\W\d_][^\"\u201c:\[\]]{0,39}?)\s*:\s*", before_quote)
        if own and not item.name and not item.authors and _names_it(own.group(1), inlines[0].content):
            item.name = own.group(1)  # "<u>GPT-3</u>: **\"Language Models are Few-Shot Learners\"**": the list's name of it
            taken.append(own.group(0).strip())
    elif bold and not bold[0][1]:
        run = bold[0][0]
        tag = re.fullmatch(r"\[\s*([^\]]+?)\s*\]", run)
        if not tag and VENUE_ONLY.fullmatch(run) and not run.strip(" .()").isdigit():
            item.venue = run.strip(" .,()")  # "- [Title](…) - Authors. **ICML 2023**.": where, not what
            taken.append(run)
        elif tag and tag.group(1).isdigit():
            taken.append(run)  # "**[12]** Authors. "**Title**."": a row number
            if len(bold) > 1 and not bold[1][1]:
                _take_title(item, bold[1][0], inlines, taken)
        elif tag and (VENUE_YEAR.search(tag.group(1)) or re.search(r"(?:19|20)\d{2}", tag.group(1))):
            item.venue = tag.group(1)  # "**[CVPR 2024]** Title [[paper](...)]"
            taken.append(run)
        elif tag:
            item.name = tag.group(1)  # "**[LLaRP]** Title": the list's name of it
            taken.append(run)
        else:
            _take_title(item, run, inlines, taken)
            # "A. Owl*, B. Heron<sup>†</sup>. **Title**. *Venue*, 2023.": the authors stand before the bold title
            before_bold = lead_text[: lead_text.find(run)].strip(" .,;:*") if run in lead_text else ""
            item.authors = authors_of(before_bold) if before_bold else ""
            if item.authors:
                taken.append(before_bold)
            prefix = lead_text[: lead_text.find(run)] if run in lead_text else ""
            own = re.fullmatch(r"\s*([^\W\d_][^\"\u201c:\[\]]{0,39}?)\s*:\s*", prefix)
            if own and not item.name and not authors_of(own.group(1)) and _names_it(own.group(1), inlines[0].content):
                item.name = own.group(1)  # "<u>OwlGPT</u>: **Title**": the list's name of it
                taken.append(own.group(0).strip())
    if len(bold) > 1 and bold[1][1] and not item.name:
        item.name = bold[1][0]
    elif bold and bold[0][1] and not item.name:
        item.name = bold[0][0]  # "Title (**ELMo**)"
    if item.name:
        taken.append(item.name)
    if not item.title:
        link = title_link(parts)
        before = lead_text
        if item.venue or item.name:
            for said in taken:
                before = _take(before, said)
        before = " ".join(re.sub(r"[\[\]|]|\(\s*\)", " ", ROW_NUMBER.sub("", before)).split()).strip(" |-\u2013—:,.*")  # "[1] Title": a number, not the title
        if link is not None and (not before or len(before) < 4 or SEPARATORS.match(before) or (first_link < len(head) and head[first_link] is link)):
            item.title = link.text
        elif before and not SEPARATORS.match(before) and (reference := reference_line(before)) is not None:
            # "Authors. Title. In Venue, 2021." (a reference as papers write it, dblp's style)
            item.title, item.authors, item.venue = reference.title, reference.authors, f"{reference.venue} {reference.year}"
            taken += [*reference.said, reference.title]
            link = None
        elif before and (dated := YEAR_THEN_AUTHORS.match(before)) and authors_of(dated.group(2)):
            # "*Title* (2016). Kaiming He, Xiangyu Zhang, Jian Sun.": the title, its year, then its authors
            item.title, item.authors = dated.group(1), authors_of(dated.group(2))
            taken += [dated.group(2), item.title]
            link = None
        elif before and not SEPARATORS.match(before) and (split := title_then_authors(before)) is not None:
            # "Title. A. Owl, B. Heron, et al. [[OpenReview](…)]": the title, then who wrote it
            item.title, item.authors = split
            taken.append(before[len(item.title) :].strip(" .?!"))
        elif before and not SEPARATORS.match(before) and (by := trailing_authors(before)) is not None:
            item.title, item.authors = by[0], by[1]  # "Title, Grace Hopper, Alan Turing, NeurIPS 2024."
            taken += [by[2], item.title]
            link = None
        elif before and not SEPARATORS.match(before):
            # the plain text before the first link is the title, up to "(2015), Authors" or ", *Venue, 2024*"
            cut = re.search(r"\s\(\s*(?:19|20)\d{2}\s*\)|,\s*(?=[A-Z][A-Za-z]+,?\s+(?:[A-Z][a-z]{2}\w*\s+)?(?:19|20)\d{2})", before)
            item.title = before[: cut.start()] if cut else before
            link = None
        elif link is not None:
            item.title = link.text
        if item.title:
            taken.append(item.title)
    if wiki and wiki.group(0).strip() in taken and not item.name:
        item.name = (wiki.group(2) or wiki.group(1)).strip()  # set after the title, which may repeat it ("[[KTO]] — KTO: …")
    cleaned = clean_title(item.title)
    item.title = cleaned.text
    item.venue = item.venue or cleaned.venue
    if cleaned.rest and not quoted:
        item.facts.append(("Note", cleaned.rest))  # what the title run said after its venue
    badges = [shields_text(p.image or p.url) for p in parts if p.image or p.kind == "image"]
    for part in links:
        if part.url.startswith("#"):
            continue
        if part is link:
            kind = "paper" if is_paper_url(part.url) else "code" if CODE_HOST.match(part.url) else "homepage"
            item.links.append(LabelledLink(kind if not (kind == "paper" and item.paper_url) else "other", part.url))
            continue
        known = classify(part.text, part.url, item)
        if known:
            item.links.append(LabelledLink(known[0], part.url, known[1]))
            if known[0] == "paper" and part.text and not is_label(part.text) and part.text != item.title and not part.image:
                item.facts.append(("Paper link", part.text))
        elif is_paper_url(part.url) and part.url.startswith(("http://", "https://")) and not any(normal_key(existing.url) == normal_key(part.url) for existing in item.links):
            item.links.append(LabelledLink("other", part.url, part.text.strip() or "paper"))  # a second paper link (a follow-up's badge)
        elif not part.image and part.url.startswith(("http://", "https://")):
            item.body.append(f"- {md_link(part.text, part.url)}")
    for part in parts:
        if part.kind == "image":
            found = STAR_BADGE.search(part.url)
            if found and not any(existing.kind == "code" for existing in item.links):
                item.links.append(LabelledLink("code", f"https://github.com/{found.group(1)}/{found.group(2)}"))
    # what is left: authors, venue, date, a note
    leftover = text
    for said in taken:
        leftover = _take(leftover, said)
    if leading:
        leftover = leftover.replace(leading.group(0).strip(), " ", 1)
    italics = [" ".join(p.text.split()) for p in parts if p.kind == "text" and p.em and not p.strong and p.text.strip()]
    segments = [*italics, *_segments(parts, taken)]
    # "**Authors**: A. Owl, B. Heron" (a field line): the names after their label, before any other guess
    segments = [found.group(1) for segment in segments if (found := AUTHORS_FIELD.match(segment))] + segments
    # "John Jumper, Richard Evans, Alexander Pritzel et al. *Nature* 2021.": the names end at "et al."
    segments += [cut.group(1).strip(" :.,;|") for segment in segments if (cut := re.match(r"^(.*?\bet\s+al\.?)\s*\S", segment))]
    # "K. Koh, S.-J. Kim, S. Boyd. JMLR 2007.": the names end at the full stop before the venue and its year
    segments += [cut.group(1) for segment in segments if (cut := re.match(r"^(.*?[^\W\d_]{2})\.\s+(?:\S.{0,60}?\s)?(?:19|20)\d{2}\.?\s*$", segment))
                 and all(len(name.split()) >= 2 for name in re.split(r",\s*|\s+and\s+", cut.group(1)) if name.strip())]  # "Humanoids, Nov. 2024." names no one
    # "Mildenhall et al., ECCV 2020": the authors before a venue and its year
    segments += [shorter for segment in segments if (shorter := re.sub(r"(?:,|\s\()\s*[A-Za-z][\w&'. -]{0,30}?\s*,?\s*['\u2019]?(?:(?:19|20)\d{2}|\d{2})\b.*$", "", segment)) != segment]
    for segment in segments if not item.authors else []:
        authors = authors_of(segment) if normal_key(segment) != normal_key(item.title) else ""  # "*Long Short-Term Memory* (1997)" names no one
        if authors:
            item.authors = authors
            leftover = leftover.replace(segment.strip(" *_"), " ", 1)
            break
    if not item.venue:  # "*NeurIPS*, 2023" or "*Transactions on Machine Learning Research*, 2023": the venue in italics, then its year
        for number, part in enumerate(parts[:-1]):
            after = parts[number + 1]
            year_after = re.match(r"\s*,?\s*((?:19|20)\d{2})\b\.?", after.text) if part.kind == after.kind == "text" and part.em and not after.em else None
            if year_after and 1 <= len(part.text.split()) <= 8 and part.text.strip() not in taken:
                item.venue = f"{' '.join(part.text.split()).strip(' ,.')} {year_after.group(1)}"
                leftover = _take(_take(leftover, part.text.strip()), year_after.group(0).strip())
                break
    labels = [part.text for part in links if VENUE_ONLY.fullmatch(part.text.strip())]  # "Title - [NeurIPS 2020](…)"
    _date_and_venue(item, [*badges, leftover, item.venue, cleaned.year, *labels], year)
    leftover = " ".join(re.sub(r"[\[\]|]|\(\s*\)|:[a-z_]+:", " ", leftover).split()).strip(" |-\u2013—:,*\"\u201c\u201d")  # and :star: shortcodes
    leftover = DANGLING_LABEL.sub(lambda found: " " if is_label(found.group(1)) else found.group(0), leftover).strip()  # "Paper: [arXiv](…)": its link went
    leftover = re.sub(r"^(?:\.\s*)+", "", leftover)  # the full stops after authors and title once both went
    leftover = re.sub(r"\s+\.+$", "", leftover)  # "*Venue*." (or "*Venue*..") leaves a stray full stop once the italics go
    if item.date:  # "[Title](…) (2021) — notes": the year is the date now, the notes are what is left
        leftover = re.sub(rf"^\(\s*{item.date[:4]}\s*\)\s*[-\u2013\u2014:,]*\s*", "", leftover)
    venue_said = VENUE_TEXT.match(leftover)
    if venue_said and not item.venue:
        item.venue = f"{venue_said.group(1)} {venue_said.group(2) if len(venue_said.group(2)) == 4 else '20' + venue_said.group(2)}"
    if item.venue:
        item.facts.insert(0, ("Venue", item.venue))
    if leftover and not SEPARATORS.match(leftover) and not (venue_said or (item.venue and normal_key(leftover) == normal_key(item.venue))) and not heading_title and says_more(leftover, item):
        item.facts.append(("Note", leftover))
    if not item.title:
        if not links and not text.strip():
            return None
        # "[[Paper]](…) Title, CVPR 2023", "[pdf](…) | Title | ICML 2023": the words beside the labelled links
        words = plain([p for p in parts if p.kind == "text" or (p.kind == "link" and not is_label(p.text))])[:200]
        cells = [cell.strip() for cell in words.split("|") if cell.strip() and not SEPARATORS.match(cell) and not VENUE_ONLY.fullmatch(cell.strip())]
        item.title = clean_title(cells[0] if cells else words).text or clean_title(plain(parts)[:120]).text
        item.facts = [(label, rest) for label, said in item.facts if (rest := said if label != "Note" else " ".join(_take(said, item.title).split()).strip(" |,.")) and (label != "Note" or says_more(rest, item))]
        item.venue = item.venue or clean_title(plain([p for p in parts if p.kind == "text"])[:200]).venue
    _paper_on_a_paper_host(item)
    _publisher_over_an_index(item)
    return item


#: pages that index a paper (a search cluster, a profile of it), not the paper itself
INDEX_HOST = re.compile(r"^https?://(?:www\.)?(?:scholar\.google\.|researchgate\.net/|citeseerx\.ist\.psu\.edu/|semanticscholar\.org/)", re.IGNORECASE)


def _publisher_over_an_index(item: Item) -> None:
    """"*Title* [[Google Scholar]](…) [[pdf]](https://papers.nips.cc/…)": the proceedings' copy is the paper, the index a link of its own."""
    current = next((link for link in item.links if link.kind == "paper"), None)
    published = next((link for link in item.links if link.kind == "other" and is_paper_url(link.url) and not INDEX_HOST.match(link.url)), None)
    if current is None or published is None or not INDEX_HOST.match(current.url):
        return
    current.kind, current.label = "other", current.label or "index"
    published.kind, published.label = "paper", ""
    item.links.sort(key=lambda link: link.kind != "paper")


#: "Title (2016). A. Owl, B. Heron": a title, its year in brackets, then its authors
YEAR_THEN_AUTHORS = re.compile(r"^(.{8,600}?)\s*\(\s*(?:19|20)\d{2}\s*\)\s*[.,]\s+([^()]{3,1500})$")


def _paper_on_a_paper_host(item: Item) -> None:
    """A badge saying "arXiv" that points at a blog is no paper link when the entry links a paper host too
    (a figure's "Source paper"): that one is the paper, the blog its homepage."""
    current = next((link for link in item.links if link.kind == "paper"), None)
    hosted = next((link for link in item.links if link.kind != "paper" and is_paper_url(link.url) and not link.url.lower().endswith(".pdf")), None)
    if current is None or hosted is None or is_paper_url(current.url):
        return
    current.kind = "homepage"
    hosted.kind, hosted.label = "paper", ""
    item.links.sort(key=lambda link: link.kind != "paper")


def _authors_bullet(tokens: list[Token], start: int, end: int) -> list[Token]:
    """The lines of a nested list of one item that starts with its paper's authors and holds its paper link
    (``* A. Owl, B. Heron. [[pdf](…)]`` under a bold title); ``[]`` for anything else."""
    inlines = [token for token in tokens[start:end] if token.type == "inline"]
    if sum(1 for token in tokens[start:end] if token.type == "list_item_open") != 1 or not inlines:
        return []
    parts = pieces(inlines[0])
    first = next((number for number, part in enumerate(parts) if part.kind == "link"), len(parts))
    said = re.sub(r"[\[\]()|]", " ", plain([p for p in parts[:first] if p.kind == "text"]))  # "A, B. [[pdf](…)]"
    return inlines if _has_paper([p for inline in inlines for p in pieces(inline)]) and authors_of(said) else []


def _author_line(item: Item, inlines: list[Token], year: str) -> None:
    """A sub-bullet under a paper saying who wrote it and where: ``- A. Owl and B. Heron. *ICCV 2015*``; a
    sub-bullet saying only where or when (``- NeurIPS 2016``, ``- 2023.05``) dates it."""
    for inline in inlines:
        parts = pieces(inline)
        said = plain([p for p in parts if p.kind == "text"]).strip(" *_.,;:()[]")
        if said and not [p for p in parts if p.kind == "link"] and (VENUE_ONLY.fullmatch(said) or DATE_TEXT.fullmatch(said)):
            _date_and_venue(item, [said], year)
            continue
        upright, italic = plain([p for p in parts if p.kind == "text" and not p.em]), plain([p for p in parts if p.kind == "text" and p.em])
        names = authors_of(upright)
        if not names and not upright.strip(" .,;:"):
            names, italic = authors_of(italic), ""  # "  - *A. Owl, B. Heron*": the names in italics alone
        if names and not item.authors:
            item.authors = names
            _date_and_venue(item, [italic], year)


def _names_it(word: str, source: str) -> bool:
    """``GPT-3`` in ``<u>GPT-3</u>: "Title"`` names the paper; so does a word shaped as a name (``OwlGPT``, ``T5``,
    ``Tk-Instruct``), but not a word of prose ("Note: ...", "New: ...")."""
    if re.search(rf"<u>\s*{re.escape(word)}\s*</u>", source, re.IGNORECASE):
        return True
    return " " not in word and re.search(r"(?<=.)[A-Z\d\-]|\d", word) is not None


def _take_title(item: Item, run: str, inlines: list[Token], taken: list[str]) -> None:
    """A bold run as the title: ``**Name**: rest of the title`` names the paper too."""
    subtitle = subtitle_after_bold(inlines[0])
    item.title = f"{run.rstrip(':')}: {subtitle}" if subtitle and len(run) <= 40 else run
    if subtitle and len(run) <= 40:
        item.name = run.rstrip(":")
        taken += [run, subtitle]
    else:
        taken.append(run)


def _take(text: str, said: str) -> str:
    """``text`` without the first ``said`` in it; a short word or number only where it stands alone (a row's
    "2" is no part of "2006")."""
    if said and said[0].isalnum() and said[-1].isalnum():
        return re.sub(rf"(?<!\w){re.escape(said)}(?!\w)", " ", text, count=1)
    return text.replace(said, " ", 1)


def _segments(parts: list[Piece], taken: list[str]) -> list[str]:
    """The text between line breaks and paragraphs, and after "(2015),": where a list writes authors."""
    segments, current = [], ""
    for part in parts:
        if part.kind == "br":
            segments.append(current)
            current = ""
        elif part.kind == "text":
            current += part.text
        elif part.kind == "link":
            current += " | "
    segments.append(current)
    out = []
    for segment in segments:
        for said in taken:
            segment = _take(segment, said)
        after = re.split(r"\(\s*(?:19|20)\d{2}\s*\)\s*[,.]", segment, maxsplit=1)
        out += [piece.strip(" |,.*[]") for piece in after[-1].split("|") + segment.split("|") if piece.strip(" |,.*[]")]  # "Authors. [[Paper](…)]"
    return out


def _place_group(inlines: list[Token], section: str, year: str, path: str, parsed: Parsed, tags: tuple[str, ...]) -> None:
    item = _read_group(inlines, (inlines[0].map or [0])[0] + 1, section, year, path, parsed, tags)
    if item is not None:
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
    """The Resources page: one section per topic, new items appended to what is there.

    An item already on the page (its link, or the same line when it has none) is not added again, so that
    importing a list twice changes nothing. Anchors of the list and files beside it are no links here.
    """
    seen = set(re.findall(r"\]\(<([^>]+)>\)", existing))
    lines = set(existing.split("\n"))
    by_section: dict[str, list[list[str]]] = {}
    for item in resources:
        links = [link for link in item.links if link.url.startswith(("http://", "https://"))]
        url = next((link.url for link in links), "")
        title = md_link(item.title, url) if url else md_text(item.title)
        facts = "; ".join(text if label == "Note" else f"{label}: {text}" for label, text in item.facts)
        first = f"- {title}" + (f": {md_text(facts)}" if facts else "")
        if (url and url in seen) or first in lines:
            continue
        seen.add(url)
        lines.add(first)
        rendered = [first, *(f"  - {link.label or link.kind}: {md_link(link.url, link.url)}" for link in links[1:])]
        rendered += [f"  {line}" for line in safe_lines(item.body) if line.strip()]
        by_section.setdefault(item.section or "Other", []).append(rendered)
    if not by_section:
        return existing
    out = [existing.rstrip("\n")] if existing.strip() else ["---", "orphan: true", "---", "", "# Resources", "", "Tools, benchmarks, courses and other links of the imported lists that are not papers."]
    for section, items in by_section.items():
        out += ["", f"## {md_text(section)}", ""]
        for rendered in items:
            out += rendered
    return "\n".join(out) + "\n"


def read(text: str, path: str, settings: ShelfSettings) -> ListReading:
    found = parse_awesome(text, path)
    note_lines = sum(1 for line in found.notes if line.strip() and not line.startswith("#"))
    return ListReading(path, items=found.items, notes=found.notes, note_lines=note_lines, resources=found.resources, navigation=found.navigation, problems=found.problems)


SHAPE = Shape("awesome", "a table row or a bullet per paper; a BibTeX entry is generated for each, marked for `enrich`", read)
