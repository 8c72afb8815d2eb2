"""``papershelf export``: the shelf as a Markdown reading list in the seed's format.

``import`` reads the result back into the same shelf. Papers are grouped in
``###`` sections by their first tag, newest first, each with its page body; what the format cannot say
(a short name that the heading does not imply, more tags, an explicit date,
architecture facts...) goes into an invisible ``<!-- papershelf: {...} -->``
comment on the entry, which ``import`` reads.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from . import conffile
from .check import Page, Shelf, load_shelf
from .dates import without_front_matter
from .importer import LINK_WRITE, RELATION_WRITE, Anchors, derive_names, split_heading
from .shelf import chronological_key

if TYPE_CHECKING:
    from .records import Paper
    from .scaffold import ShelfPaths

STATUS_TAGS = {"read": "READ", "unread": "UNREAD", "reading": "READING"}


def _heading(paper: Paper, with_status: bool = True) -> tuple[str, dict[str, Any]]:
    """The entry heading and the extras it cannot express; the status tag only on a shelf that uses reading status."""
    alias = paper.aliases[0] if paper.aliases else ""
    text = paper.title + (f" ({alias})" if alias else "")
    title, parsed_alias, _ = split_heading(text)
    short, aliases = derive_names(title, parsed_alias)
    extras: dict[str, Any] = {}
    if title != paper.title:
        extras["title"] = paper.title
    if short != paper.short_name:
        extras["short_name"] = paper.short_name
    if tuple(aliases) != paper.aliases:
        extras["aliases"] = list(paper.aliases)
    return f"{text} [`{STATUS_TAGS.get(paper.status, 'UNREAD')}`]" if with_status else text, extras


def _derived_date(shelf: Shelf, paper: Paper) -> str:
    entry = shelf.entries.get(paper.key)
    bib_date = (entry.get("year"), entry.get("month")) if entry is not None else ()
    derived = without_front_matter([link.url for link in paper.links_of("paper")], *bib_date)
    return derived.iso() if derived else ""


def _links_line(label: str, items: list[tuple[str, str]]) -> str:
    if len(items) == 1 and not items[0][0]:
        return f"{label} link: [here]({items[0][1]})"
    return f"{label} links: " + " | ".join(f"[{text or 'here'}]({url})" for text, url in items)


def export_shelf(paths: ShelfPaths, title: str = "") -> str:
    """The whole shelf as one reading list."""
    shelf = load_shelf(paths)
    pages = sorted(shelf.by_key.values(), key=lambda page: chronological_key(page.paper), reverse=True)
    papers = {page.paper.key: page.paper for page in pages}
    sections: dict[str, list[Page]] = {}
    for page in pages:
        sections.setdefault(page.paper.tags[0] if page.paper.tags else "", []).append(page)
    ordered = ([("", sections.pop(""))] if "" in sections else []) + list(sections.items())

    # Headings first: relations to papers without a paper link point at their anchors.
    anchors = Anchors()
    heading_of: dict[str, str] = {}
    anchor_of: dict[str, str] = {}
    anchors.add(title or _project(paths))
    # Status tags only where the shelf keeps a read status, and some paper is not simply unread.
    with_status = paths.settings.reading_status and any(page.paper.status != "unread" for page in pages)
    for section, members in ordered:
        if section:
            anchors.add(section)
        for page in members:
            heading, _ = _heading(page.paper, with_status)
            heading_of[page.paper.key] = heading
            anchor_of[page.paper.key] = anchors.add(heading)

    heading = title or _project(paths)
    out = [f"# {heading}", ""]
    for section, members in ordered:
        if section:
            out += [f"### {section}", ""]
        for page in members:
            out += _entry(shelf, page, [heading, section] if section else [heading], heading_of, anchor_of, papers)
    return "\n".join(out).rstrip("\n") + "\n"


def _entry(shelf: Shelf, page: Page, sections: list[str], heading_of: dict[str, str], anchor_of: dict[str, str], papers: dict[str, Paper]) -> list[str]:
    paper = page.paper
    out = [f"#### {heading_of[paper.key]}", ""]
    _, extras = _heading(paper)
    for kind in dict.fromkeys(link.kind for link in paper.links):  # the page's order
        links = paper.links_of(kind)
        if kind == "other":  # the list's own labels: `benchmark link: [here](...)`, `benchmark: [v2](...)`
            for link in links:
                name, _, text = link.label.partition(": ")
                out += [f"{name}: [{text}]({link.url})" if text else f"{name or 'other'} link: [here]({link.url})", ""]
        elif links:
            out += [_links_line(LINK_WRITE[kind], [(link.label, link.url) for link in links]), ""]
    if paper.models:
        out += ["model links:", "", "|model name|link|", "|-|-|"]
        out += [f"|{model.name}|{f'[here]({model.url})' if model.url else ''}|" for model in paper.models]
        out.append("")
    unresolvable: dict[str, list[str]] = {}
    for kind, label in RELATION_WRITE.items():
        targets = [r.target for r in paper.relations if r.kind == kind]
        items = []
        for target in targets:
            other = papers.get(target)
            if other is None:
                unresolvable.setdefault(kind, []).append(target)
                continue
            paper_links = other.links_of("paper")
            if kind == "updated_version" and paper_links:
                items.append(("here", paper_links[0].url))
            else:
                items.append((other.short_name, "#" + anchor_of[target]))
        if items:
            out += [f"{label}: " + " | ".join(f"[{text}]({url})" for text, url in items), ""]
    if unresolvable:
        # Relations to papers not on the shelf: only the comment can keep them.
        extras["relations"] = {r.kind: [t.target for t in paper.relations if t.kind == r.kind] for r in paper.relations}
    keywords = list(paper.tags[len(sections) :])
    if list(paper.tags[: len(sections)]) != sections or derive_names(paper.title, paper.aliases[0] if paper.aliases else "", keywords)[0] != derive_names(paper.title, paper.aliases[0] if paper.aliases else "")[0]:
        extras["tags"] = list(paper.tags)  # import gives the file title and section as topics, then the `tag:` names
    elif keywords:
        out.insert(2, "tag: " + " | ".join(f"`{name}`" for name in keywords))
    if paper.date is not None and paper.date.source == "front matter" and paper.date.iso() != _derived_date(shelf, paper):
        extras["date"] = paper.date.iso()
    if paper.added:
        extras["added"] = paper.added
    if paper.architecture:
        extras["architecture"] = dict(paper.architecture)
    bibtex = _raw_entry(shelf, paper.key)
    if not bibtex:
        extras["key"] = paper.key
    if extras:
        out += [f"<!-- papershelf: {json.dumps(extras, ensure_ascii=False)} -->", ""]
    body = _body(page)
    if body:
        out += [body, ""]
    if bibtex:
        out += ["citation:", "```bibtex", bibtex, "```", ""]
    out.append("")
    return out


def _body(page: Page) -> str:
    """The page's Markdown below its front matter (notes, lists, math), as written."""
    try:
        text = page.path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    match = re.match(r"\A---\r?\n.*?^---[ \t]*\r?\n", text, re.DOTALL | re.MULTILINE)
    return (text[match.end() :] if match else "").strip("\n")


def _raw_entry(shelf: Shelf, key: str) -> str:
    """An entry's text; for one that does not parse, the lines from its opener to the next entry."""
    entry = shelf.entries.get(key)
    if entry is not None:
        return entry.raw.strip()
    return shelf.declared_text.get(key, "")


def _project(paths: ShelfPaths) -> str:
    return conffile.text(conffile.literal_settings(paths.root / "conf.py"), "project", "Reading list")
