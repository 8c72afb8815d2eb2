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

#: a line of nothing but <details>/<summary> folding; a summary never spans another's end (no backtracking across them)
FOLDING = re.compile(r"^\s*(?:</?details[^>]*>|<summary>(?:(?!</summary>).)*</summary>|</?summary>)\s*(?:</?details[^>]*>|<summary>(?:(?!</summary>).)*</summary>\s*)*$", re.IGNORECASE)


def blank_folding(text: str) -> str:
    """``<details>``/``<summary>`` lines emptied, so the Markdown they fold parses; a summary naming the one
    paper its block links (``<summary><b>Title</b></summary>``) becomes that paper's heading."""
    lines = text.split("\n")
    out = []
    level = 1  #: the level of the heading above, for a fold that dates what it holds
    dated = 0  #: the level of the headings made of year folds since that heading (a sibling fold is one too)
    for number, line in enumerate(lines):
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
        if said and (paper_like(words.text) or (bold and (words.venue or words.year))) and _one_paper_folded(lines, number):
            out.append(f"###### {said}")
        elif said and date_heading(said):
            dated = min(6, level + 1)
            out.append(f"{'#' * dated} {said}")  # "<summary>2020</summary>": the year of the papers it folds, as a heading says
        elif said and dated:
            out.append(f"{'#' * dated} {said}")  # a fold beside year folds ("Retrieval"): their sibling, none of their years
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

