"""Items without a paper link (tools, courses, leaderboards): the resources page and page bodies."""

from __future__ import annotations

import re

from papershelf.formats.lists.awesome.cleanup import safe_lines
from papershelf.formats.lists.awesome.inline import md_link, md_text
from papershelf.formats.lists.entries import Item


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
        # a note that only says the title again ("🔥 [25/3/2024] Our survey …" under "25/3/2024 Our survey …") is left out
        said = [(label, text) for label, text in item.facts if not (label == "Note" and _words(text) == _words(item.title))]
        facts = "; ".join(text if label == "Note" else f"{label}: {text}" for label, text in said)
        written = re.sub(r" and others$", " et al.", item.authors).replace(" and ", ", ")
        if item.authors and _words(item.authors.split(" and ")[0]) not in _words(item.title):
            said_before = re.sub(r"(?<!\bal)[.,;\s]+$", "", facts)  # "…, 2020." then "; Zhiyuan Liu": no stop before the names
            facts = f"{said_before}; {written}".lstrip("; ")  # "Deep learning (Book, 2016), Goodfellow et al.": who wrote it
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


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))
