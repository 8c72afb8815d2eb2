"""Text made safe to parse before markdown-it sees it: folding blanked, local links and HTML tags out of copied lines."""

from __future__ import annotations

import re

from papershelf.formats.lists.awesome.inline import BARE_URL, is_paper_url, normal_key
from papershelf.formats.lists.fields import (
    clean_title,
    date_heading,
    paper_like,
)
from papershelf.formats.lists.readinglist import html_as_markdown

#: the opening of a BibTeX entry (a list's "please cite" block, a paper's citation under ``<details>``)
BIBTEX_OPENER = re.compile(r"@\s*(?:article|inproceedings|misc|book|incollection|techreport|phdthesis|unpublished|online|conference)\s*\{", re.IGNORECASE)
#: a line of nothing but <details>/<summary> folding; a summary never spans another's end (no backtracking across them)
FOLDING = re.compile(r"^\s*(?:</?details[^>]*>|<summary>(?:(?!</summary>).)*</summary>|</?summary>)\s*(?:</?details[^>]*>|<summary>(?:(?!</summary>).)*</summary>\s*)*$", re.IGNORECASE)


def blank_folding(text: str) -> str:
    """``<details>``/``<summary>`` lines emptied, so the Markdown they fold parses; a summary naming the one
    paper its block links (``<summary><b>Title</b></summary>``) becomes that paper's heading, and so does a
    summary of any words folding one paper's own lines (``<summary>SimCLR</summary>``, then its links and its
    BibTeX, no table or list of entries); such a block's ``</details>`` stays, to end the paper's section where it ends."""
    lines = text.split("\n")
    out = []
    level = 1  #: the level of the heading above, for a fold that dates what it holds
    dated = 0  #: the level of the headings made of year folds since that heading (a sibling fold is one too)
    ends: set[int] = set()  #: the closing lines of blocks whose summary became a heading: they end its section
    for number, line in enumerate(lines):
        if number in ends:
            out.append("</details>")
            continue
        if not FOLDING.match(line):
            heading = ATX_HEADING.match(line)
            level, dated = (len(heading.group(1)), 0) if heading else (level, dated)
            out.append(line)
            continue
        summary = SUMMARY.search(line)
        said = " ".join(html_as_markdown(summary.group(1))).strip() if summary else ""
        bold = re.fullmatch(r"(\*\*|__)(.+?)\1(.*)", said)
        said = f"{bold.group(2)}{bold.group(3)}" if bold else said.strip(" *_")  # "<b>Title</b> (CVPR 2022)": the title, its venue
        words = clean_title(said)
        # a short title ("Segment Anything") names the paper when its summary also says where it appeared
        folded = _papers_folded(lines, number) if said else 0
        if said and folded and ((folded == 1 and (paper_like(words.text) or (bold and (words.venue or words.year)))) or _cited_paper_folded(lines, number)):
            out.append(f"###### {said}")
            end = next((at for at in range(number + 1, min(len(lines), number + 200)) if re.search(r"</details\s*>", lines[at], re.IGNORECASE)), 0)
            if end and re.fullmatch(r"\s*</details\s*>\s*", lines[end], re.IGNORECASE):
                ends.add(end)
        elif said and date_heading(said):
            dated = min(6, level + 1)
            out.append(f"{'#' * dated} {said}")  # "<summary>2020</summary>": the year of the papers it folds, as a heading says
        elif said and dated:
            out.append(f"{'#' * dated} {said}")  # a fold beside year folds ("Retrieval"): their sibling, none of their years
        else:
            out.append("")
    return "\n".join(out)


SUMMARY = re.compile(r"<summary>((?:(?!</summary>).){1,400})</summary>", re.IGNORECASE)


def _papers_folded(lines: list[str], start: int) -> int:
    """How many papers the ``<details>`` block opened at ``start`` links (0 when it holds another block)."""
    urls = {normal_key(url) for url in BARE_URL.findall(lines[start]) if is_paper_url(url.rstrip(".,;:)"))}  # the summary's own link
    for line in lines[start + 1 : start + 200]:
        if re.search(r"<details\b", line, re.IGNORECASE):
            return 0
        urls |= {normal_key(url) for url in BARE_URL.findall(line) if is_paper_url(url.rstrip(".,;:)"))}
        if re.search(r"</details\s*>", line, re.IGNORECASE):
            break
    return len(urls)


def _cited_paper_folded(lines: list[str], start: int) -> bool:
    """The ``<details>`` block opened at ``start`` holds one paper's own lines: a BibTeX entry (what the authors
    published) beside its links and notes, and no table row or list item (entries of their own)."""
    fenced = cited = False
    for line in lines[start + 1 : start + 200]:
        if re.search(r"</details\s*>", line, re.IGNORECASE):
            return cited
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif fenced:
            cited = cited or BIBTEX_OPENER.search(line) is not None
        elif re.match(r"\s{0,3}(?:\||[-*+]\s|\d{1,3}[.)]\s)", line):
            return False
    return False


ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:\s|$)")

#: links and images whose target is no web address: relative files, in-page anchors
LOCAL_LINK = re.compile(r"(!?)\[([^\[\]\n]{0,500})\]\((?!\s*<?(?:https?://|mailto:))[^()\n]{0,500}\)")


HTML_TAG = re.compile(r"</?(?!https?:|mailto:)[A-Za-z][^<>\n]{0,500}>")  # not an autolink or a link's <url>


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


#: a link markdown-it refuses and leaves as text, its target a script or a file ("[Gull](javascript:alert(1))"):
#: its words stay, the target goes (one level of parentheses inside the target, as "alert(1)")
REFUSED_LINK = re.compile(r"(?<!!)\[([^\[\]\n]{1,300})\]\(\s*<?(?:javascript|vbscript|data|file):(?:[^()\n]|\([^()\n]{0,200}\)){0,500}\)", re.IGNORECASE)


def refused_links(text: str) -> tuple[str, list[int]]:
    """``text`` with each refused link reduced to its words, and the lines (from 1) that held one."""
    lines = text.split("\n")
    found = []
    for number, line in enumerate(lines):
        if "](" in line and REFUSED_LINK.search(line):
            lines[number] = REFUSED_LINK.sub(r"\1", line)
            found.append(number + 1)
    return "\n".join(lines), found


def folded_block(lines: list[str], line: int) -> tuple[int, int] | None:
    """The lines (1-based, first and last) of the ``<details>`` block around ``line``, when it is in one."""
    start = next((number for number in range(line - 1, max(0, line - 200) - 1, -1) if re.search(r"<details\b", lines[number - 1], re.IGNORECASE)), 0)
    if not start or any(re.search(r"</details\s*>", row, re.IGNORECASE) for row in lines[start - 1 : line - 1] if not re.search(r"<details\b", row, re.IGNORECASE)):
        return None
    end = next((number for number in range(line, min(len(lines), line + 200) + 1) if re.search(r"</details\s*>", lines[number - 1], re.IGNORECASE)), 0)
    return (start, end) if end else None
