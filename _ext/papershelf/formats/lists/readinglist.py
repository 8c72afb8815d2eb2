"""The reading-list Markdown dialect (the seed's format family), read on markdown-it-py tokens.

::

    # File title / ## Section / ### Subsection <- the section path: topics of the entries below
    #### Title: subtitle (Alias) [`READ`]    <- one entry (a shallower heading with a paper
                                                link is one too, with a finding)
    tag: `Name` | `keyword` | ...            <- the entry's own name, then keywords (topics)
    paper link: [here](https://arxiv.org/pdf/2304.08485)
    github link: [here](https://github.com/...)   <- known labels -> link kinds; typos map
    benchmark link: [here](https://...)           <- any other label: a labelled link
    model links:                                  <- then a model table
    updated version: [here](<a paper link>)       <- relations; follow-up work: too
    name: LLaVA-1.5                               <- facts the heading cannot say: name, aliases,
    date: 2023-10                                    title, date, added, key, and the shelf's
    vision encoder: CLIP ViT-L/14                    facets (by heading or name)
    free prose, lists, quotes, $$ math            <- the page body
    citation:
    ```bibtex
    @misc{key, ...}
    ```

The Markdown grammar (CommonMark, GFM tables, ``$$`` math) decides what a
block is: headings, paragraphs, lists, quotes, fences, tables, HTML and math
come from markdown-it's block tokens, whose line maps give every finding its
line, and links come from its inline tokens. Only the dialect's own
conventions are read from text: ``<label>:`` at the start of a paragraph line,
the heading's ``(Alias)`` and status tag, the ``tag:`` names. A fact line
whose value does not fit its field (``date: soon``) is prose: it stays in the
page body. Anchors are GitHub's (mdit-py-plugins' slugs), so ``#anchor``
relations resolve as on GitHub. The shelf's own link kinds, relation kinds and
facets (conf.py) are labels too, so that ``export`` can say everything a page
says; it writes the line forms with this module's writers (:func:`heading_text`,
:func:`links_line`, :func:`names_line`, :func:`model_table`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, PageElement, Tag
from markdown_it import MarkdownIt
from mdit_py_plugins.anchors.index import slugify as github_slug
from mdit_py_plugins.dollarmath import dollarmath_plugin

from papershelf.formats import arxivid
from papershelf.formats.bibfile import entry_openers
from papershelf.formats.lists.entries import (
    ListEntry,
    ListLink,
    ListReading,
    ListRelation,
    ParsedList,
    Shape,
)
from papershelf.model.problems import Code, Problem
from papershelf.model.settings import DEFAULT, LINK_KINDS, RELATION_KINDS, ShelfSettings

if TYPE_CHECKING:
    from markdown_it.token import Token

#: label (lower case, `-`/`_` as spaces, without " link(s)") -> link kind
LINK_LABELS = {
    "paper": "paper",
    "github": "code",
    "code": "code",
    "homepage": "homepage",
    "home page": "homepage",
    "project page": "homepage",
    "project": "homepage",
    "blog": "blog",
    "blogs": "blog",
    "dataset": "dataset",
    "datasets": "dataset",
    "model zoo": "model_zoo",
    "dataset zoo": "dataset_zoo",
    "docs": "docs",
    "doc": "docs",
    "documentation": "docs",
    "slides": "slides",
    "slide": "slides",
    "tutorial": "tutorial",
    "tutorials": "tutorial",
    "modelhub": "model_hub",
    "model hub": "model_hub",
    "leaderboard": "leaderboard",
    "overview": "overview",
    "demo": "demo",
    "video": "video",
    "videos": "video",
}
MODEL_LABELS = {"model", "models"}
#: label -> relation kind
RELATION_LABELS = {
    "updated version": "updated_version",
    "open source variants": "variants",
    "variants": "variants",
    "builds on": "builds_on",
    "follow up work": "follow_up",
    "follow up": "follow_up",
}
#: labels whose value is the paper's keywords
TAG_LABELS = {"tag", "tags"}
#: relation kind -> label written by ``export``
RELATION_WRITE = {"updated_version": "updated version", "variants": "open-source variants", "builds_on": "builds on", "follow_up": "follow-up work"}
#: link kind -> label written by ``export``
LINK_WRITE = {
    "paper": "paper", "code": "github", "homepage": "homepage", "blog": "blog", "dataset": "dataset", "model_zoo": "model-zoo",
    "dataset_zoo": "dataset-zoo", "docs": "docs", "slides": "slides", "tutorial": "tutorial", "model_hub": "modelhub",
    "leaderboard": "leaderboard", "overview": "overview", "demo": "demo", "video": "video",
}
#: fact label -> (front matter field, the value's form); a value of another form is prose
FACT_LABELS = {
    "name": ("short_name", r".{1,200}"),
    "short name": ("short_name", r".{1,200}"),
    "aliases": ("aliases", r".*"),
    "title": ("title", r".+"),
    "date": ("date", r"\d{4}(?:-\d{2}(?:-\d{2})?)?"),
    "added": ("added", r"\d{4}-\d{2}-\d{2}"),
    "key": ("key", r"[^\s,{}()\"'#%~\\]+"),
    "file": ("file", r"[a-z0-9][a-z0-9.-]{0,79}"),  # the page's file name, when its short name would not give it
}
#: fields the fact lines may set
EXTRAS = ("key", "title", "short_name", "aliases", "date", "added", "architecture")

STATUS_TAG = re.compile(r"(?<!\s)\s*\[\s*(?:`\s*)?(read|unread|reading)\s*(?:`\s*)?\]\s*$", re.IGNORECASE)  # linear: see test_write_safety
SUFFIX = re.compile(r"(?<!\s)\s*\(([^()]+)\)\s*$")
#: the dialect's `<label>:` at the start of a paragraph line (the value is read with markdown-it)
LABEL_LINE = re.compile(r"^\s*([A-Za-z](?:[A-Za-z0-9 _\-]*[A-Za-z0-9_\-])?)\s*:\s*((?:.*\S)?)\s*$")
BARE_URL = re.compile(r"^<?https?://\S+>?$")
PLACEHOLDER_LABELS = {"", "here", "link"}
BIBTEX_LANGUAGES = ("bibtex", "bib")


class _ListMarkdown(MarkdownIt):
    """CommonMark with GFM tables and ``$$`` math, keeping link destinations as written.

    A link with an odd scheme (``ttps://``) stays a link, so that the importer
    reports it as a bad URL at its line instead of losing it as text.
    """

    def __init__(self) -> None:
        super().__init__("commonmark")
        self.enable("table")
        dollarmath_plugin(self, double_inline=True)

    def validateLink(self, url: str) -> bool:  # markdown-it's names
        return True

    def normalizeLink(self, url: str) -> str:
        return url

    def normalizeLinkText(self, link: str) -> str:
        return link


MARKDOWN = _ListMarkdown()
#: block structure only: inline content is parsed line by line, only where the dialect needs it
BLOCKS = _ListMarkdown()
BLOCKS.disable("inline")


# --- inline text ---------------------------------------------------------------


def _inline_text(tokens: list[Token]) -> str:
    """The text a reader sees in inline tokens (markup, link targets and HTML left out)."""
    parts: list[str] = []
    for token in tokens:
        if token.type in ("text", "code_inline", "math_inline", "math_inline_double", "image"):  # an image's content is its alt text
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def inline_links(text: str, env: dict[str, Any] | None = None) -> list[tuple[str, str]]:
    """(link text, destination) of every link in one line of Markdown, from markdown-it's inline tokens.

    An autolink (``<https://...>``) has no text of its own: its text is ``""``.
    """
    cache: dict[str, list[tuple[str, str]]] = env.setdefault("papershelf_links", {}) if env is not None else {}
    if text in cache:  # a label line is read twice: is the heading an entry, then the entry
        return cache[text]
    tokens = MARKDOWN.parseInline(text, env if env is not None else {})
    children = tokens[0].children or [] if tokens else []
    links: list[tuple[str, str]] = []
    inside: list[Token] | None = None
    href = ""
    autolink = False
    for token in children:
        if token.type == "link_open":
            inside, href, autolink = [], str(token.attrGet("href") or ""), token.markup == "autolink"
        elif token.type == "link_close" and inside is not None:
            links.append(("" if autolink else _inline_text(inside), href))
            inside = None
        elif inside is not None:
            inside.append(token)
    cache[text] = links
    return links


def plain(text: str) -> str:
    """A heading's text as a reader sees it: without link targets, emphasis and code marks."""
    tokens = MARKDOWN.parseInline(text, {})
    return _inline_text(tokens[0].children or [] if tokens else []).strip()


def _closing_run(text: str) -> tuple[str, str, str] | None:
    """(text before, backslashes, ``#`` run) when ``text`` ends in a run of ``#`` that stands alone (after a blank or
    at the start), behind any backslashes: unescaped, Markdown reads such a run as the heading's closing sequence."""
    before = text.rstrip("#")
    if before == text:
        return None
    base = before.rstrip("\\")
    if base and not base[-1].isspace():
        return None
    return base, before[len(base):], text[len(before):]


def split_heading(text: str) -> tuple[str, str, str]:
    """``Title (Alias) [`READ`]`` -> (title, alias, status); alias/status may be ``""``.

    A title ending in `` \\###`` reads as ending in `` ###`` (:func:`heading_text` escapes it so).
    """
    run = _closing_run(text)
    if run is not None and run[1]:
        text = run[0] + run[1][1:] + run[2]
    status = ""
    match = STATUS_TAG.search(text)
    if match:
        status = match.group(1).lower()
        text = text[: match.start()]
    alias = ""
    match = SUFFIX.search(text)
    if match:
        alias = match.group(1).strip()
        text = text[: match.start()]
    return text.strip(), alias, status


class Anchors:
    """GitHub's heading anchors (mdit-py-plugins' slugs of the heading's text), de-duplicated with ``-1``, ``-2``..."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def add(self, heading: str) -> str:
        base = github_slug(plain(heading))
        slug, number = base, 0
        while slug in self.seen:
            number += 1
            slug = f"{base}-{number}"
        self.seen.add(slug)
        return slug


def _label(text: str) -> str:
    label = re.sub(r"[\s_-]+", " ", text.strip().lower())
    return re.sub(r" links?$", "", label)


@dataclass(frozen=True)
class Labels:
    """The labels one shelf reads: the dialect's, plus its own link kinds, relation kinds and facets."""

    links: dict[str, str]
    relations: dict[str, str]
    facets: dict[str, str]  #: label -> facet name

    @classmethod
    def of(cls, settings: ShelfSettings) -> Labels:
        links = dict(LINK_LABELS)
        for kind, shown in settings.link_kinds:
            if kind in LINK_KINDS:
                continue  # the built-in kinds' labels are the dialect's own
            for label in (_label(kind), _label(shown)):
                links.setdefault(label, kind)
        relations = dict(RELATION_LABELS)
        for kind, (shown, _) in settings.relation_kinds:
            if kind in RELATION_KINDS:
                continue
            for label in (_label(kind), _label(shown)):
                relations.setdefault(label, kind)
        facets: dict[str, str] = {}
        for facet in settings.facets:
            for label in (_label(facet.name), _label(facet.heading)):
                facets.setdefault(label, facet.name)
        return cls(links, relations, facets)


def _known_label(label: str) -> tuple[str, bool]:
    """A label as the importer knows it, and whether it was a misspelling."""
    known = [*LINK_LABELS, *MODEL_LABELS, *RELATION_LABELS, *TAG_LABELS, "citation"]
    if label in known:
        return label, False
    squeezed = {name.replace(" ", ""): name for name in known}
    if label.replace(" ", "") in squeezed:
        return squeezed[label.replace(" ", "")], False  # `modelhub`, `followup work`
    close = difflib.get_close_matches(label.replace(" ", ""), list(squeezed), n=1, cutoff=0.8)
    return (squeezed[close[0]], True) if close else (label, False)


def model_name(url: str) -> str:
    """A model's name from its link: the last part of the path (``org/name`` -> ``name``)."""
    parts = [part for part in urlsplit(url).path.split("/") if part]
    for marker in ("tree", "blob", "resolve"):
        if marker in parts:
            parts = parts[: parts.index(marker)]
    return parts[-1] if parts else urlsplit(url).netloc or url


def keyword_names(value: str) -> list[str]:
    """``\\`LIMO\\` | \\`LIMA\\``` -> [LIMO, LIMA]; without backticks, split at ``|`` or ``,``."""
    names = re.findall(r"`([^`]+)`", value)
    if not names:
        names = re.split(r"\s*[|,]\s*", value)
    return [name.strip() for name in names if name.strip()]


# --- HTML inside an entry ---------------------------------------------------------

#: elements that end a line of their own
_HTML_BLOCKS = {"p", "div", "details", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "center", "figure", "figcaption"}
_HTML_MARKS = {"b": "**", "strong": "**", "i": "*", "em": "*", "code": "`"}


def _html_markdown(node: PageElement) -> str:
    if isinstance(node, Comment):
        return ""
    if isinstance(node, NavigableString):
        return re.sub(r"\s+", " ", str(node))
    if not isinstance(node, Tag):
        return ""
    inner = "".join(_html_markdown(child) for child in node.children)
    name = node.name
    if name == "img":
        return f"![{node.get('alt') or ''}]({node.get('src') or ''})"
    if name == "br":
        return "\n"
    if name == "a" and node.get("href"):
        return f"[{inner.strip()}]({node.get('href')})"
    if name == "summary":
        return f"\n**{inner.strip()}**\n\n"
    if name in _HTML_MARKS and inner.strip():
        return f"{_HTML_MARKS[name]}{inner.strip()}{_HTML_MARKS[name]}"
    if name in ("td", "th"):
        return f" {inner.strip()} "
    if name in _HTML_BLOCKS:
        return f"\n{inner.strip()}\n"
    return inner


#: what ends an HTML comment for Python's parser (3.11 reads `--\s*>`, later versions `--!?>`)
_COMMENT_CLOSE = re.compile(r"--!?\s*>")


def html_soup(text: str) -> BeautifulSoup:
    """``text`` parsed by Python's HTML parser, with each ``<!--`` that no comment closer follows read as text.

    The parser looks for a closer from every unclosed ``<!--`` to the end of the
    text (and, at the end, for a ``>``): 20,000 of them cost seconds. No closer
    follows any opener after the last closer, so those are written ``&lt;!--``.
    """
    tail = max((close.start() + 1 for close in _COMMENT_CLOSE.finditer(text)), default=0) if "<!--" in text else 0
    if "<!--" in text[tail:]:
        text = text[:tail] + text[tail:].replace("<!--", "&lt;!--")
    return BeautifulSoup(text, "html.parser")


def html_as_markdown(text: str) -> list[str]:
    """HTML written inside an entry as Markdown lines (a paper page publishes no raw HTML):
    ``<img>`` an image, ``<a>`` a link, ``<summary>`` a bold line, ``<b>``/``<i>``/``<code>`` their marks,
    block elements a line each; what a reader sees is kept, the tags are not."""
    soup = html_soup(text)
    try:
        markdown = "".join(_html_markdown(child) for child in soup.children)
    except RecursionError:  # hundreds of nested tags: the text a reader sees, without the marks
        markdown = soup.get_text()
    if not markdown.strip():
        return []  # only tags (`</details>`) or a comment
    return [line.strip() for line in re.sub(r"\n{3,}", "\n\n", markdown).strip("\n").split("\n")]


def has_inline_html(line: str) -> bool:
    tokens = MARKDOWN.parseInline(line, {})
    return any(child.type == "html_inline" for child in (tokens[0].children or [] if tokens else []))


def comment_lines(text: str) -> list[str]:
    """The text of HTML comments as MyST comment lines (``% ...``): hidden on the page, as on GitHub, and no raw HTML."""
    comments, start = [], text.find("<!--")
    while start >= 0:  # str.find, not a lazy regex: a run of unclosed `<!--` stays linear
        end = text.find("-->", start + 4)
        if end < 0:
            break
        comments.append(text[start + 4:end])
        start = text.find("<!--", end + 3)
    return [f"% {line.strip()}".rstrip() for comment in comments for line in comment.strip().split("\n")]


# --- writing the dialect ---------------------------------------------------------

STATUS_TAGS = {"read": "READ", "unread": "UNREAD", "reading": "READING"}


def heading_text(title: str, alias: str = "", status: str = "") -> str:
    """An entry heading's text: ``Title (Alias) [`READ`]`` (no status tag when ``status`` is empty)."""
    text = title + (f" ({alias})" if alias else "")
    if status:
        return f"{text} [`{STATUS_TAGS.get(status, 'UNREAD')}`]"
    run = _closing_run(text.rstrip())
    # `Title ###` would read back as `Title`: one more backslash before the run (split_heading takes it away)
    return text if run is None else run[0] + "\\" + run[1] + run[2]


def section_heading(text: str) -> str:
    """A section heading's Markdown that the list reader (:func:`plain`) reads back as ``text`` (one line): ``text``
    itself when it reads so, else with every ASCII punctuation mark backslash-escaped (code marks, links, ``#`` runs)."""
    blocks = blocks_of(f"## {text}", {})
    if len(blocks) == 1 and blocks[0].kind == "heading_open" and plain(blocks[0].content) == text.strip():
        return text
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", text)


def links_line(label: str, items: list[tuple[str, str]]) -> str:
    """``github link: [here](url)``, or ``blog links: [v1](url) | [v2](url)``; ``items`` are (text, URL)."""
    if len(items) == 1 and not items[0][0]:
        return f"{label} link: [here]({items[0][1]})"
    return f"{label} links: " + " | ".join(f"[{text or 'here'}]({url})" for text, url in items)


def names_line(label: str, names: list[str]) -> str:
    """``tag: `LIMO` | `LIMA```, as :func:`keyword_names` reads it back."""
    return " ".join([f"{label}:", " | ".join(f"`{name}`" for name in names)]).strip()


def model_table(models: list[tuple[str, str]]) -> list[str]:
    """The ``model links:`` line and its table of (name, URL)."""
    rows = [f"|{name}|{f'[here]({url})' if url else ''}|" for name, url in models]
    return ["model links:", "", "|model name|link|", "|-|-|", *rows]


# --- what a list holds ---------------------------------------------------------


# --- blocks ----------------------------------------------------------------------


@dataclass
class Block:
    """One top-level block of the list: its tokens and its lines (0-based, end excluded)."""

    kind: str  #: the opening token's type: heading_open, paragraph_open, fence, table_open, bullet_list_open...
    start: int
    end: int
    tokens: list[Token]

    @property
    def level(self) -> int:
        return int(self.tokens[0].tag[1:]) if self.kind == "heading_open" else 0

    @property
    def inline(self) -> Token | None:
        return next((token for token in self.tokens if token.type == "inline"), None)

    @property
    def content(self) -> str:
        """The block's inline Markdown (a heading's text as written), ``""`` without one."""
        inline = self.inline
        return inline.content if inline is not None else ""


def blocks_of(text: str, env: dict[str, Any]) -> list[Block]:
    """The top-level blocks of a Markdown text, in order, each with its line range."""
    found: list[Block] = []
    current: list[Token] = []
    for token in BLOCKS.parse(text, env):
        current.append(token)
        if token.level == 0 and token.nesting <= 0:  # a block closes (or is a single token)
            first = current[0]
            if first.map is not None:
                found.append(Block(first.type, first.map[0], first.map[1], current))
            current = []
    return found


def _is_bibtex_fence(block: Block) -> bool:
    return block.kind == "fence" and (block.tokens[0].info.split() or [""])[0].lower() in BIBTEX_LANGUAGES


def _block_kind(blocks: list[Block], lines: list[str], env: dict[str, Any]) -> tuple[bool, bool]:
    """(has a labelled link or citation, has a paper link)."""
    labels = set()
    for block in blocks:
        if _is_bibtex_fence(block):
            labels.add("citation")
        elif block.kind == "paragraph_open":
            for line in lines[block.start : block.end]:
                labelled = LABEL_LINE.match(line)
                if labelled and (_label(labelled.group(1)) == "citation" or inline_links(labelled.group(2), env)):
                    labels.add(_label(labelled.group(1)))
    return bool(labels), "paper" in labels


def _lines(text: str) -> list[str]:
    """The text's lines as markdown-it numbers them (only CR, LF and CRLF end a line), so that its line maps index them."""
    lines = re.split(r"\r\n?|\n", text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def parse_reading_list(text: str, path: str, settings: ShelfSettings = DEFAULT) -> ParsedList:
    """Read a reading list; every line of an entry becomes a field, a link, body or a finding.

    ``settings`` adds the shelf's own link kinds, relation kinds and facets to the labels.
    """
    labels = Labels.of(settings)
    lines = _lines(text)
    env: dict[str, Any] = {}
    blocks = blocks_of(text, env)
    # `#####` and deeper are an entry's own sub-headings (its notes), not the end of the entry
    headings = [index for index, block in enumerate(blocks) if block.kind == "heading_open" and block.level <= 4]
    entries: list[ListEntry] = []
    notes: list[str] = []
    note_lines = 0
    anchors = Anchors()
    heads: dict[int, str] = {}
    first_heading = blocks[headings[0]].start if headings else len(lines)
    notes.extend(lines[:first_heading])
    note_lines += sum(1 for line in lines[:first_heading] if line.strip())
    for number, index in enumerate(headings):
        heading = blocks[index]
        level = heading.level
        content = heading.content
        anchor = anchors.add(content)
        stop = headings[number + 1] if number + 1 < len(headings) else len(blocks)
        end = blocks[stop].start if stop < len(blocks) else len(lines)
        inner = blocks[index + 1 : stop]
        has_links, is_paper = _block_kind(inner, lines, env)
        # A shallower heading with a paper link is an entry written at the wrong level (with or
        # without its citation): read as a section, its paper would be lost.
        entry_like = (level == 4 and has_links) or (level < 4 and is_paper)
        if not entry_like:
            if level <= 3:
                heads = {lvl: text_ for lvl, text_ in heads.items() if lvl < level}
                heads[level] = plain(content)
            notes.extend(lines[heading.start : end])
            note_lines += sum(1 for line in lines[heading.end : end] if line.strip())
            continue
        title, alias, status = split_heading(content)
        title_links = inline_links(title, env)
        if title_links:  # `#### [Title](url)`: the title is the link's text, the link a paper link
            title = plain(title)
        entry = ListEntry(heading.start + 1, anchor, title, alias, status or "unread", tuple(heads[lvl] for lvl in sorted(heads)), path)
        if level != 4:
            entry.warnings.append(Problem(Code.HEADING_LEVEL, f"a level-{level} heading with a paper link; it is imported as an entry (write it with ####)", heading.start + 1, path))
        entries.append(entry)
        _read_entry(entry, inner, lines, heading.end, end, env, labels)
        _title_links(entry, title_links, heading.start + 1)
    return ParsedList(path, entries, notes, note_lines)


def _title_links(entry: ListEntry, links: list[tuple[str, str]], line: int) -> None:
    """The heading's own links: the paper link when the entry has none, else kept as a "title" link unless already there."""
    for _, url in links:
        papers = [link for link in entry.links if link.kind == "paper"]
        same = [link for link in entry.links if link.url == url or (arxivid.of_link(url) and arxivid.of_link(link.url) == arxivid.of_link(url))]
        if same:
            continue
        entry.links.insert(0, ListLink("paper", url, "", line)) if not papers else entry.links.append(ListLink("other", url, "title", line))


def parse_list(text: str, path: str) -> list[ListEntry]:
    """The entries of a reading list."""
    return parse_reading_list(text, path).entries


def demote_headings(lines: list[str]) -> list[str]:
    """Lines of Markdown with each top-level heading made a bold line (for a page whose title is its only heading)."""
    return _bold_headings(lines, blocks_of("\n".join(lines), {}), set())


def _bold_headings(lines: list[str], blocks: list[Block], dropped: set[int]) -> list[str]:
    """``lines`` with each heading among ``blocks`` a bold line, those numbered in ``dropped`` left out."""
    out: list[str] = []
    position = 0
    for number, block in enumerate(blocks):
        if block.kind != "heading_open":
            continue
        out.extend(lines[position : block.start])
        if number not in dropped:
            out.extend(["", f"**{plain(block.content)}**", ""])
        position = block.end
    out.extend(lines[position:])
    return out


def notes_outline(lines: list[str]) -> tuple[str, list[str]]:
    """(the list's title, its notes) for a notes page: headings made bold lines, as
    :func:`demote_headings` does, without the headings nothing was kept under
    (a table of contents' heading, a section whose entries all became papers).

    The title is the text of a leading ``#`` heading, badges left out; ``""`` without one.
    """
    blocks = blocks_of("\n".join(lines), {})
    title = ""
    dropped: set[int] = set()
    for number, block in enumerate(blocks):
        if block.kind != "heading_open":
            continue
        if number == 0 and block.level == 1:
            parsed = MARKDOWN.parseInline(block.content, {})
            title = _inline_text([t for t in (parsed[0].children or []) if t.type != "image"] if parsed else []).strip()
            dropped.add(number)
            continue
        under = next((b for b in blocks[number + 1 :] if b.kind != "heading_open" or b.level <= block.level), None)
        if under is None or under.kind == "heading_open":
            dropped.add(number)
    return title, _bold_headings(lines, blocks, dropped)


# --- one entry -------------------------------------------------------------------


class _EntryReader:
    """Fills an entry from the blocks below its heading, line by line within each block."""

    def __init__(self, entry: ListEntry, lines: list[str], env: dict[str, Any], labels: Labels) -> None:
        self.labels = labels
        self.entry = entry
        self.lines = lines
        self.env = env
        self.in_table = False  #: reading the model table after `model links:`

    def warn(self, code: Code, message: str, line: int) -> None:
        self.entry.warnings.append(Problem(code, message, line, self.entry.path))

    def keep(self, line: str) -> None:
        if "<" in line and has_inline_html(line):
            converted = html_as_markdown(line) or [""]
            comments = comment_lines(line)
            self.entry.body.extend([*comments, *([""] if comments and converted != [""] else []), *converted[:-1]])  # a comment is a paragraph of its own
            line = converted[-1]
        self.entry.body.append(line)
        if line.strip():
            self.entry.body_lines += 1

    def html(self, block: Block) -> None:
        """An HTML block: as Markdown, its comments as MyST comments."""
        raw = "\n".join(self.lines[block.start : block.end])
        for line in [*comment_lines(raw), *html_as_markdown(raw)]:
            if not line.strip() and (not self.entry.body or not self.entry.body[-1].strip()):
                continue  # `</details>` leaves nothing; no second blank line
            self.entry.body.append(line)
            if line.strip():
                self.entry.body_lines += 1

    def blank(self) -> None:
        if self.entry.body:
            self.entry.body.append("")

    def keep_lines(self, start: int, end: int) -> None:
        for line in self.lines[start:end]:
            self.keep(line) if line.strip() else self.blank()

    def fence(self, block: Block) -> None:
        token = block.tokens[0]
        raw = self.lines[block.start : block.end]
        closing = raw[-1].strip() if len(raw) > 1 else ""
        closed = closing.startswith(token.markup) and not closing.strip(token.markup[0])
        content = raw[1:-1] if closed else raw[1:]
        language = (token.info.split() or [""])[0]
        if closed and (language.lower() in BIBTEX_LANGUAGES or (language == "" and entry_openers("\n".join(content)))):
            self.entry.mapped += len(raw)
            if self.entry.bibtex:
                self.warn(Code.BIB_DUPLICATE, "a second citation block in one entry; only the first is imported", block.start + 1)
            else:
                self.entry.bibtex = "\n".join(content).strip("\n")
                self.entry.bibtex_line = block.start + 2 + next((i for i, line in enumerate(content) if line.strip()), 0)
            return
        if not closed:
            self.warn(Code.BIB_SYNTAX, f"a code block is never closed with {token.markup}; its text is kept in the page body", block.start + 1)
        self.keep_lines(block.start, block.end)
        if not closed:
            self.keep(token.markup)

    def model_row(self, cells: list[str], number: int) -> None:
        if cells and cells[0].lower() in ("model name", "model", "name") and not inline_links(cells[-1], self.env):
            return  # the header row
        name_link = inline_links(cells[0], self.env) if cells else []
        name = name_link[0][0].strip() if name_link else (cells[0] if cells else "")
        url = name_link[0][1] if name_link else ""
        if len(cells) > 1:
            link = inline_links(cells[1], self.env)
            url = link[0][1] if link else (cells[1] if cells[1] else url)
        if name.lower() in PLACEHOLDER_LABELS and url:
            name = model_name(url)
        if not name:
            self.warn(Code.MISSING_KEY, "a model row without a name or link; it is not imported", number)
            return
        self.entry.models.append((name, url, number))

    def _model_like(self, block: Block) -> bool:
        """A table of models: a `model`/`name` header, or a link in a cell (a table of scores is a note)."""
        cells = [token.content.strip() for token in block.tokens if token.type == "inline"]
        return bool(cells) and (cells[0].lower() in ("model name", "model", "name", "models") or any(inline_links(cell, self.env) for cell in cells))

    def table(self, block: Block) -> None:
        """A GFM table: the model table after `model links:`, else page body."""
        if not self.in_table or not self._model_like(block):
            self.in_table = False
            self.keep_lines(block.start, block.end)
            return
        self.in_table = False  # one table per `model links:` line; a later table is a note
        self.entry.mapped += block.end - block.start
        row: list[str] = []
        number = 0
        for token in block.tokens:
            if token.type == "tr_open":
                row, number = [], (token.map[0] + 1 if token.map else block.start + 1)
            elif token.type == "inline":
                row.append(token.content.strip())
            elif token.type == "tr_close":
                self.model_row(row, number)

    def fact(self, label: str, value: str) -> bool:
        """A fact line (``date: 2023-10``, a facet); False when the line is not one (it is then read as any other)."""
        entry = self.entry
        if label in self.labels.facets and not (label in LINK_LABELS or label in RELATION_LABELS or label in TAG_LABELS or label in MODEL_LABELS):
            if not value:
                return False
            entry.extras.setdefault("architecture", {})[self.labels.facets[label]] = value
        elif label in FACT_LABELS and re.fullmatch(FACT_LABELS[label][1], value):
            name = FACT_LABELS[label][0]
            if name == "title":
                entry.title = value  # a title the heading cannot say (one ending in parentheses)
            else:
                entry.extras[name] = keyword_names(value) if name == "aliases" else value
        else:
            return False
        entry.mapped += 1
        return True

    def paragraph_line(self, line: str, number: int) -> None:
        entry = self.entry
        if line.lstrip().startswith("|") and self.in_table:  # a model row of a table without a delimiter row
            entry.mapped += 1
            self.model_row([cell.strip() for cell in line.strip().strip("|").split("|")], number)
            return
        self.in_table = False
        labelled = LABEL_LINE.match(line)
        if not labelled:
            self.keep(line)
            return
        written = labelled.group(1).strip()
        value = labelled.group(2)
        if self.fact(_label(written), value):
            return
        label, typo = _known_label(_label(written))
        links = inline_links(value, self.env)
        if not links and BARE_URL.match(value):
            links = [("", value.strip("<>"))]  # a bare URL
        if typo:
            self.warn(Code.LABEL_TYPO, f"`{written}:` is read as `{label}:`; correct the spelling in the list", number)
        if label == "citation":
            entry.mapped += 1
        elif label in TAG_LABELS:
            entry.mapped += 1
            entry.keywords.extend(name for name in keyword_names(value) if name not in entry.keywords)
        elif label in MODEL_LABELS:
            entry.mapped += 1
            self.in_table = True
            for text_, url in links:
                name = text_.strip()
                entry.models.append((model_name(url) if name.lower() in PLACEHOLDER_LABELS else name, url, number))
        elif label not in LINK_LABELS and label in self.labels.links and links:
            entry.mapped += 1  # one of the shelf's own link kinds
            for text_, url in links:
                entry.links.append(ListLink(self.labels.links[label], url, "" if text_.strip().lower() in PLACEHOLDER_LABELS else text_.strip(), number))
        elif label not in RELATION_LABELS and label in self.labels.relations and links:
            entry.mapped += 1
            for text_, url in links:
                entry.relations.append(ListRelation(self.labels.relations[label], url, number, "" if text_.strip().lower() in PLACEHOLDER_LABELS else text_.strip(), written))
        elif not links:
            if label in LINK_LABELS or label in RELATION_LABELS:
                self.warn(Code.MISSING_KEY, f"`{written}:` has no [label](url) link; the line is kept in the page body", number)
            self.keep(line)  # prose that happens to hold a colon
        elif label in LINK_LABELS:
            entry.mapped += 1
            for text_, url in links:
                entry.links.append(ListLink(LINK_LABELS[label], url, "" if text_.strip().lower() in PLACEHOLDER_LABELS else text_.strip(), number))
        elif label in RELATION_LABELS:
            entry.mapped += 1
            for text_, url in links:
                entry.relations.append(ListRelation(RELATION_LABELS[label], url, number, "" if text_.strip().lower() in PLACEHOLDER_LABELS else text_.strip(), written))
        else:
            entry.mapped += 1
            name = re.sub(r"\s+links?$", "", written, flags=re.IGNORECASE)
            for text_, url in links:
                shown = text_.strip()
                entry.links.append(ListLink("other", url, name if shown.lower() in PLACEHOLDER_LABELS else f"{name}: {shown}", number))


def _read_entry(entry: ListEntry, blocks: list[Block], lines: list[str], start: int, end: int, env: dict[str, Any], labels: Labels) -> None:
    """Fill an entry from the blocks below its heading (lines ``start`` to ``end``, 0-based)."""
    reader = _EntryReader(entry, lines, env, labels)
    position = start
    for block in blocks:
        reader.keep_lines(position, block.start)  # blank lines, link reference definitions
        position = block.end
        if block.kind == "fence":
            reader.in_table = False
            reader.fence(block)
        elif block.kind == "table_open":
            reader.table(block)
        elif block.kind == "paragraph_open":
            for number, line in enumerate(lines[block.start : block.end], start=block.start + 1):
                reader.paragraph_line(line, number)
        elif block.kind == "html_block":
            reader.in_table = False
            reader.html(block)
        elif block.kind == "heading_open":  # a sub-heading of the entry: a bold line (the page's title is its only heading)
            reader.in_table = False
            reader.keep(f"**{plain(block.content)}**")
        elif block.kind == "hr" and not any(line.strip() for line in entry.body):
            reader.in_table = False
            entry.mapped += 1  # a rule before any note separates entries; a page may not start with one
        else:  # lists, quotes, math, rules, indented code: the page body, as written
            reader.in_table = False
            reader.keep_lines(block.start, block.end)
    reader.keep_lines(position, end)
    while entry.body and not entry.body[-1].strip():
        entry.body.pop()
    while entry.body and re.fullmatch(r" {0,3}([-*_])( *\1){2,} *", entry.body[-1]):
        entry.body.pop()  # nor end with one (the rule under the entry, before the next)
        entry.body_lines -= 1
        entry.mapped += 1
        while entry.body and not entry.body[-1].strip():
            entry.body.pop()


def read(text: str, path: str, settings: ShelfSettings) -> ListReading:
    parsed = parse_reading_list(text, path, settings)
    return ListReading(parsed.path, entries=parsed.entries, notes=parsed.notes, note_lines=parsed.note_lines)


SHAPE = Shape("seed", "#### entries", read)
