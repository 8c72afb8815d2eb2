"""Inline pieces of an entry: text runs and links, what a link is (a paper, code, a label), dates in text."""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote

from markdown_it import MarkdownIt

from papershelf.formats import arxivid
from papershelf.formats.dates import MONTHS
from papershelf.formats.lists.entries import Item
from papershelf.formats.lists.fields import (
    ROW_NUMBER,
    VENUE_ONLY,
    is_label,
    reference_line,
    western_date,
)
from papershelf.formats.lists.readinglist import html_as_markdown

if TYPE_CHECKING:
    from markdown_it.token import Token


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
    # a link labelled by an emoji alone: "[📄](…)<br>[💻](…)<br>[🌐](…)"
    **{"\U0001f4c4": ("paper", ""), "\U0001f4c3": ("paper", ""), "\U0001f4bb": ("code", ""), "\U0001f310": ("homepage", ""), "\U0001f3e0": ("homepage", ""),
       "\U0001f3a5": ("video", ""), "\U0001f4f9": ("video", ""), "\U0001f3ac": ("video", "")},
    # the same labels in Chinese, Japanese and Korean lists
    **{label: ("paper", "") for label in ("论文", "論文", "논문")},
    **{label: ("code", "") for label in ("代码", "コード", "코드")},
    **{label: ("homepage", "") for label in ("项目", "项目主页", "主页", "プロジェクト", "プロジェクトページ", "ホームページ", "프로젝트", "홈페이지")},
    **{label: ("model_zoo", "") for label in ("模型", "モデル", "모델")},
    **{label: ("dataset", "") for label in ("数据集", "データセット", "데이터셋")},
    **{label: ("demo", "") for label in ("演示", "デモ", "데모")},
    **{label: ("blog", "") for label in ("博客", "ブログ", "블로그")},
    **{label: ("video", "") for label in ("视频", "動画", "비디오")},
}


PAPER_HOSTS = re.compile(
    r"^https?://(?:www\.)?(?:openreview\.net/|aclanthology\.org/|doi\.org/|dl\.acm\.org/|ieeexplore\.ieee\.org/"
    r"|openaccess\.thecvf\.com/|proceedings\.(?:neurips|mlr)\.|papers\.nips\.cc/|link\.springer\.com/|huggingface\.co/papers/|semanticscholar\.org/(?:paper|arxiv)/|paperswithcode\.com/paper/|alphaxiv\.org/|papers\.cool/arxiv/"
    r"|ojs\.aaai\.org/|www\.ecva\.net/papers|ijcai\.org/proceedings/|nature\.com/articles/(?!d\d{5}-)|aclweb\.org/anthology/|jmlr\.org/papers/"
    # (Nature's "d41586-…" articles are its news and comment, not papers); dblp's record of a paper
    r"|dblp\.org/rec/"
    # a conference's own page of a paper: "iclr.cc/virtual/2024/poster/19321"
    r"|(?:iclr|icml|neurips|nips)\.cc/virtual/\d{4}/(?:poster|oral|spotlight)/\d"
    # ISCA's archive (Interspeech since 2023) and the APS journals
    r"|isca-archive\.org/[\w-]{2,40}_\d{4}/|journals\.aps\.org/[a-z]{2,12}/abstract/"
    # USENIX's page of a paper (its abstract, PDF and talk: "usenix.org/conference/osdi22/presentation/yu"), SAGE's journals (IJRR)
    r"|usenix\.org/conference/[\w-]{2,40}/(?:technical-sessions/)?presentation/[\w-]|journals\.sagepub\.com/doi/"
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


DATE_TEXT = re.compile(r"^\s*[\(\[]?\s*((?:19|20)\d{2})\s*[-./]\s*(\d{1,2})(?:\s*[-./]\s*(\d{1,2}))?\s*[\)\]]?\s*")


#: the link or image address of an HTML tag in a cell: <a href="...">, <img src="...">
HTML_ATTR = re.compile(r"""\b(href|src)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


#: a model's page on the Hugging Face Hub, ``huggingface.co/org/name`` (not a paper's, a data set's or a demo's there)
HF_MODEL = re.compile(r"^https?://(?:www\.)?huggingface\.co/(?!papers/|datasets/|spaces/|docs/|blog/)[\w.-]+/[\w.-]+/?$", re.IGNORECASE)


CODE_HOST = re.compile(r"^https?://(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|gitee\.com)/", re.IGNORECASE)


_MONTH_NAME = r"(?P<name>(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?)"


MONTH_YEAR = re.compile(
    # "June 5, 2023", "5th June 2023", "Jan. 12th, 2024", "Jan-2024", "September, 2023"; "2023 June", "2024-Jan", "2023, Sep"
    rf"(?:(?P<mm>\d{{1,2}})\s*[/.-]\s*|(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?[\s-]+)?{_MONTH_NAME}[\s,/-]*(?:(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:,\s*)?)?)(?P<year>(?:19|20)\d{{2}})"
    rf"|(?P<year2>(?:19|20)\d{{2}})[\s,/-]+{_MONTH_NAME.replace('name', 'name2')}",
    re.IGNORECASE,
)


SEPARATORS = re.compile(r"^[\s|,;:/\-\u2013—•·\[\]()]*$")


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
    joined: set[int] = set()  #: pieces that continue the one before them, joined once at the end (no quadratic ``+=``)
    for number, child in enumerate(children):
        if child.type == "html_inline" and re.match(r"<(/?)sup\b", child.content, re.IGNORECASE):
            superscript = not child.content.startswith("</")
            continue
        if child.type == "text" and (number in glued or glue) and link is None and result and result[-1].kind == "text":
            joined.add(len(result))
            result.append(Piece("text", child.content, em=result[-1].em, strong=result[-1].strong))
            glue = number in glued
            continue
        if link is None and number and result and result[-1].kind == "text" and (result[-1].em, result[-1].strong) == (em > 0, strong > 0) \
                and _code_in_words(children[number - 1], child):
            joined.add(len(result))  # "`IP-Adapter`: Title": a code span is part of the words around it, spaced as written
            result.append(Piece("text", child.content, em=em > 0, strong=strong > 0))
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
        elif child.type == "hardbreak" and link is None:
            result.append(Piece("br"))  # "Title  " or "Title\\" at a line's end: a line break, as <br> is
        elif child.type in ("softbreak", "hardbreak"):  # a line's end in a paragraph: a space, that remembers the line
            (link.__setattr__("text", link.text + " ") if link is not None else result.append(Piece("text", "\n")))
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
    return _join(result, joined) if joined else result


def _join(parts: list[Piece], joined: set[int]) -> list[Piece]:
    """``parts`` with each piece in ``joined`` appended to the piece before it."""
    out: list[Piece] = []
    run: list[str] = []
    for index, part in enumerate(parts):
        if index in joined and out:
            run.append(part.text)
            continue
        if run:
            out[-1].text += "".join(run)
            run = []
        out.append(part)
    if run:
        out[-1].text += "".join(run)
    return out


def _code_in_words(before: Token, child: Token) -> bool:
    """A code span and the text beside it (either way round), but no venue tag ("`CVPR 2024` Title" says where)."""
    pair = (before.type, child.type)
    if pair not in (("text", "code_inline"), ("code_inline", "text")):
        return False
    code = before if before.type == "code_inline" else child
    return not VENUE_ONLY.fullmatch(code.content.strip())


def _inside_words(children: list[Token]) -> set[int]:
    """Indexes of the text runs in a ``<sup>`` that stands between two letters or digits (``M<sup>3</sup>IT``), or in
    a short ``<sub>`` after one (``CO<sub>2</sub>``, ``Owl<sub>2</sub> Nets``: a formula's or a name's index)."""
    out = set()
    for number in range(1, len(children) - 2):
        before, opening, text, closing = children[number - 1 : number + 3]
        after = children[number + 3] if number + 3 < len(children) else None
        tag = re.match(r"<(su[bp])\b", opening.content or "", re.IGNORECASE)
        if not tag or not re.match(rf"</{tag.group(1)}", closing.content or "", re.IGNORECASE):
            continue
        if before.type != "text" or text.type != "text" or not before.content[-1:].isalnum():
            continue
        inside_word = after is not None and after.type == "text" and after.content[:1].isalnum()
        if inside_word if tag.group(1).lower() == "sup" else re.fullmatch(r"\w{1,4}", text.content):
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


def linked_title_after_bold(inline: Token) -> str:
    """``**Kite**: [Planning for Kites](…)``: the text of the link right after the bold name and its colon (or
    dash) -- the title the name stands for; ``""`` when anything else comes between them."""
    children, depth = inline.children or [], 0
    for index, child in enumerate(children):
        depth += {"strong_open": 1, "strong_close": -1}.get(child.type, 0)
        if child.type == "strong_close" and depth == 0:
            between = ""
            for number, after in enumerate(children[index + 1:], index + 1):
                if after.type == "link_open":
                    said = "".join(c.content for c in itertools.takewhile(lambda c: c.type != "link_close", children[number + 1:]) if c.type in ("text", "code_inline"))
                    return " ".join(said.split()) if re.fullmatch(r"\s*[:\-\u2013\u2014]\s*", between) else ""
                if after.type not in ("text", "softbreak"):
                    return ""
                between += after.content or " "
            return ""
    return ""


#: a day, a month and a year in digits, in either order: "3/30/22", "30.03.2022" (with dots, a four-digit year:
#: "1.5.10" is a version)
DAY_MONTH_YEAR = re.compile(r"\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d{2}|\d{2})\s*|\s*(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\s*")


def normal_date(text: str) -> str:
    """``2024-03-05``, ``2024/3``, ``(2023-05)``, ``2023``, ``2023年5月`` -> ISO; ``""`` when not a date."""
    text = western_date(text)
    match = DATE_TEXT.match(text)
    if match and not text[match.end():].strip():
        year, month, day = match.group(1), int(match.group(2)), match.group(3)
        if not 1 <= month <= 12:
            return ""
        return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day and 1 <= int(day) <= 31 else "")
    match = DAY_MONTH_YEAR.fullmatch(text.strip(" ()[]"))
    if match:  # "3/30/2022" (a US export), "30.03.2022"; "3/4/2022" says its year, not which is the month
        said = match.groups()[:3] if match.group(1) else match.groups()[3:]
        first, second, year = int(said[0]), int(said[1]), said[2]
        year = year if len(year) == 4 else ("20" if int(year) < 50 else "19") + year
        month, day = (first, second) if second > 12 >= first else (second, first) if first > 12 >= second else (0, 0)
        return f"{year}-{month:02d}-{day:02d}" if month and day <= 31 else year if first <= 12 and second <= 12 else ""
    match = MONTH_YEAR.fullmatch(text.strip(" ()[]"))
    if match:  # "06/2023", "Jun 2023", "June 5, 2023", "5 Jun. 2023", "2023 June"
        name, year = match.group("name") or match.group("name2") or "", match.group("year") or match.group("year2")
        month = int(match.group("mm")) if match.group("mm") else MONTHS.get(name[:3].lower(), 0)
        day = int(match.group("day") or match.group("day2") or 0)
        if 1 <= month <= 12:
            return f"{year}-{month:02d}" + (f"-{day:02d}" if 1 <= day <= 31 else "")
    # "Q3 2023", "Spring 2023", "2023 H2": the year; a quarter or a season names no one month
    match = re.fullmatch(r"\s*((?:19|20)\d{2})\s*|(?:Q[1-4]|H[12]|spring|summer|fall|autumn|winter)[\s,'-]*((?:19|20)\d{2})|((?:19|20)\d{2})[\s,-]*(?:Q[1-4]|H[12])",
                         text.strip(" ()[]"), re.IGNORECASE)
    return next((year for year in match.groups() if year), "") if match else ""


def link_kind(label: str) -> tuple[str, str] | None:
    key = " ".join(re.sub(r"[\[\]*_`:\ufe0f]", " ", label).lower().split())
    words = " ".join(re.sub(r"[^\w\s-]", " ", key).split())  # "🤗 Model", "📄 Paper"
    return LINK_LABELS.get(key) or LINK_LABELS.get(words)


def is_paper_url(url: str) -> bool:
    return bool(arxivid.parse_url(url) or PAPER_HOSTS.search(url))


DOI_ARXIV = re.compile(r"^https?://(?:dx\.)?doi\.org/10\.48550/arxiv\.(.{9,20})$", re.IGNORECASE)


#: pages that show one arXiv paper under its identifier: Hugging Face's daily papers, Semantic Scholar's arXiv route, alphaXiv, papers.cool, ar5iv
MIRROR_ARXIV = re.compile(
    r"^https?://(?:www\.)?(?:huggingface\.co/papers/|semanticscholar\.org/arxiv/|alphaxiv\.org/(?:abs/|overview/)?|papers\.cool/arxiv/|ar5iv\.(?:labs\.arxiv\.)?org/(?:abs|html)/)"
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


MARKDOWN = MarkdownIt("commonmark").enable("table")


def shields_text(url: str) -> str:
    """What a shields.io badge says: ``img.shields.io/badge/Conference-ICML'23-blue`` -> ``Conference ICML'23``."""
    found = re.search(r"img\.shields\.io/badge/([^?#]{1,300})", url)
    if not found:
        return ""
    words = unquote(found.group(1)).replace("--", "\0").split("-")
    words = words[:-1] if len(words) > 1 else words  # the last part is the colour
    return " ".join(word.replace("\0", "-").replace("_", " ") for word in words)


def inline_of(text: str, line: int) -> Token | None:
    tokens = MARKDOWN.parseInline(text, {})
    if not tokens:
        return None
    tokens[0].map = [line - 1, line]
    return tokens[0]


def html_inlines(content: str, line: int) -> list[Token]:
    """An HTML block as inline tokens, one a line of its Markdown (comments left out)."""
    return [token for text in html_as_markdown(content) if text.strip() and (token := inline_of(text, line)) is not None]


#: an arXiv id or a DOI a list names without linking it: "arXiv:2310.12345", "arXiv 2310.12345" (an arXiv badge's text), "doi:10.1145/3586183.3606763"
NAMED_ID = re.compile(r"(?<![\w/])(?:arxiv[:\s]{1,3}(\d{4}\.\d{4,5})(?:v\d{1,2})?(?!\d)|doi[:\s]{1,3}(10\.\d{4,9}/[^\s,;<>()\[\]]{1,200}))", re.IGNORECASE)


def paper_named(text: str) -> str:
    """The paper link an id the list names but does not link makes (its arXiv page, its DOI's); ``""`` when none."""
    for found in NAMED_ID.finditer(text):
        if found.group(1) and arxivid.parse_url(f"https://arxiv.org/abs/{found.group(1)}"):
            return f"https://arxiv.org/abs/{found.group(1)}"
        if found.group(2):
            return "https://doi.org/" + found.group(2).rstrip(".")
    return ""


def has_paper(parts: list[Piece]) -> bool:
    return any(p.kind == "link" and is_paper_url(p.url) for p in parts)


def title_link(parts: list[Piece]) -> Piece | None:
    """The link whose text is the title: the first with real text (not a badge, a label like "Paper", a URL or an anchor)."""
    return next((p for p in parts if p.kind == "link" and p.url and not p.url.startswith("#") and not p.image and p.text.strip() and not is_label(p.text)
                 and not names_its_host(p.text, p.url)), None)


def names_its_host(text: str, url: str) -> bool:
    """"[IEEE](https://ieeexplore.ieee.org/…)", "[ACM](https://dl.acm.org/…)", "[ECVA](https://www.ecva.net/…)": one word that is
    a name in a paper host's address says where the paper is shown, not what it is called."""
    word = text.strip().lower()
    host = re.match(r"https?://([^/?#]{1,200})", url)
    return host is not None and re.fullmatch(r"[a-z][a-z0-9]{1,11}", word) is not None and word in host.group(1).lower().split(".") and is_paper_url(url)


def starts_entry(parts: list[Piece]) -> bool:
    """A paragraph that opens a paper of its own: its title link to a paper host comes first (a label like "Paper link:" may precede it)."""
    link = title_link(parts)
    if link is None or not is_paper_url(link.url):
        return False
    before = plain([p for p in parts[: parts.index(link)] if p.kind == "text"])
    return not before or bool(SEPARATORS.match(before)) or re.fullmatch(r"[\w\s-]{0,30}:", before) is not None or len(before) < 4


def anchors(parts: list[Piece]) -> bool:
    """A paragraph of its own that is a paper: it opens with its title link, or names the paper in bold beside a paper link."""
    if not has_paper(parts):
        return False
    if cites_before_link(parts):
        return True
    if len(plain([p for p in parts if p.kind == "text"])) > 400:
        return False
    return starts_entry(parts) or any(p.kind == "text" and p.strong and p.text.strip(" :") and not is_label(p.text.strip(" :")) for p in parts)


def cites_before_link(parts: list[Piece]) -> bool:
    """``[12] A. Owl, B. Heron. Title. In ICLR, 2023. [[link](…)]``: a paragraph that cites a paper as papers do
    (a survey's references), its number in front and its link after."""
    first = next((number for number, part in enumerate(parts) if part.kind == "link"), len(parts))
    said = ROW_NUMBER.sub("", plain([p for p in parts[:first] if p.kind == "text"])).strip(" [(")
    return reference_line(said) is not None


def end_of(tokens: list[Token], index: int, opening: str) -> int:
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


def classify(text: str, url: str, item: Item) -> tuple[str, str] | None:
    """A link's kind from its label, else from its host; None for a link the page lists in its body."""
    if not url.startswith(("http://", "https://")):
        return None  # "url", "org/repo (github.com)": no address a page can link
    known = link_kind(text)
    if known and known[0] != "paper" and not item.paper_url and MIRROR_ARXIV.match(url):
        return ("paper", "")  # "[🤗 HF](huggingface.co/papers/2401.12345)": the paper's page there, no model
    if known and known[0] == "code" and re.fullmatch(r"\W*stars?\W*", text, re.IGNORECASE) and not CODE_HOST.match(url):
        return ("homepage", "")  # a GitHub stars badge that links the project's page, not its repository
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


#: pages that index a paper (a search cluster, a profile of it), not the paper itself
INDEX_HOST = re.compile(r"^https?://(?:www\.)?(?:scholar\.google\.|researchgate\.net/|citeseerx\.ist\.psu\.edu/|semanticscholar\.org/|dblp\.org/)", re.IGNORECASE)


def classify_in_row(text: str, url: str, item: Item) -> tuple[str, str] | None:
    """:func:`classify`, and a second paper link of a table row (``[paper](doi) [arXiv](…)``, ``[ISCA](…) · [arXiv](…)``) kept
    as another copy of the paper, labelled as written, as a bullet keeps it (its preprint dates it); not a page indexing
    it (Semantic Scholar, Scholar) nor the same arXiv paper again (its PDF beside its abstract)."""
    known = classify(text, url, item)
    if known is None and url.startswith(("http://", "https://")) and is_paper_url(url) and item.paper_url and not INDEX_HOST.match(url):
        same = arxivid.of_link(url)
        if not same or same != arxivid.of_link(item.paper_url):
            return ("other", text.strip() or "paper")
    return known


def normal_key(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def bold_alone(parts: list[Piece]) -> bool:
    """A paragraph that is one bold run and nothing else, as a title is written above its fields."""
    words = [part for part in parts if part.text.strip()]
    return bool(words) and all(part.kind == "text" and part.strong for part in words)
