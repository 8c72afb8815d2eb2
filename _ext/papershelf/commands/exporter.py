"""``papershelf export``: the shelf as a Markdown reading list in the seed's format (readinglist.py reads it).

The list is one a maintainer would publish, with no machine comments, and
``import`` reads it back into the same shelf. Its ``#`` title is the shelf's
``project`` (a title naming the shelf is no topic on import); each paper sits
in a ``##`` section of its first tag, newest first, and its other tags are its
``tag:`` names, led by its short name when the heading alone would not give
it. What the heading cannot say is a fact line under it: ``name:``,
``aliases:``, ``title:``, ``date:`` (only when it is not the paper link's or
the BibTeX entry's), ``added:``, ``key:`` (a paper without a BibTeX entry);
the architecture is one line per facet (``Vision encoder: CLIP ViT-L/14``).
Status tags appear only on a shelf that keeps a reading status and where
some paper is not simply unread.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from papershelf.formats.bibfile import is_generated
from papershelf.formats.dates import without_front_matter
from papershelf.formats.lists.entries import generated_citation
from papershelf.formats.lists.readinglist import (
    FACT_LABELS,
    LABEL_LINE,
    LINK_LABELS,
    LINK_WRITE,
    MARKDOWN,
    RELATION_WRITE,
    Anchors,
    Labels,
    blocks_of,
    demote_headings,
    heading_text,
    links_line,
    model_table,
    names_line,
    section_heading,
    split_heading,
)
from papershelf.shelf.load import Page, Shelf, load_shelf
from papershelf.shelf.naming import derive_names, file_stem
from papershelf.shelf.paths import slugify
from papershelf.shelf.schema import is_web_url
from papershelf.shelf.view import chronological_key

if TYPE_CHECKING:
    from papershelf.model.records import Paper
    from papershelf.model.settings import ShelfSettings
    from papershelf.shelf.paths import ShelfPaths

def _flat(text: str) -> str:
    """Text written on one line of the list: line breaks and other control characters become spaces
    (a tag, title or note holding a newline and ``####`` must not start a paper of its own)."""
    return " ".join(re.sub(r"[\x00-\x1f\x7f\u0085\u2028\u2029]", " ", text).split())


def _contained(body: str) -> str:
    """A page's Markdown as it can sit inside its entry: when it would hold a heading or swallow what
    follows (an unclosed fence, math block, HTML block or comment), it is written as a fenced block."""
    tokens = MARKDOWN.parse(body + "\n\n#### end\n")
    headings = [token for token in tokens if token.type == "heading_open"]
    if len(headings) == 1 and len(tokens) >= 3 and tokens[-3] is headings[0] and tokens[-2].content == "end":
        return body
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", body)), default=0))
    return f"{fence}text\n{body}\n{fence}"


def _heading(paper: Paper, with_status: bool) -> str:
    """The entry heading: title, the name when the title does not start with it (``Visual instruction tuning
    (LLaVA)``) else the first alias, and the status tag on a shelf that shows one."""
    named = paper.short_name if not paper.title.casefold().startswith(paper.short_name.casefold()) else ""
    return heading_text(paper.title, named or (paper.aliases[0] if paper.aliases else ""), paper.status if with_status else "")


def _names(paper: Paper, keywords: list[str]) -> tuple[list[str], list[str]]:
    """(the `tag:` names, fact lines) that make ``import`` give the paper its title, short name and aliases.

    ``import`` derives them from the heading (``Title (Alias)``) and the ``tag:``
    names; a short name the title or alias mentions leads the ``tag:`` names,
    anything else is said with a fact line.
    """
    heading_title, alias, _ = split_heading(_heading(paper, False))
    facts = [f"title: {paper.title}"] if heading_title != paper.title else []
    if derive_names(paper.title, alias, keywords)[0] != paper.short_name:
        if derive_names(paper.title, alias, [paper.short_name, *keywords])[0] == paper.short_name:
            keywords = [paper.short_name, *keywords]
        else:
            facts.append(f"name: {paper.short_name}")
    if ([alias] if alias and alias != paper.short_name else []) != list(paper.aliases):  # import drops an alias that is the name
        facts.append(names_line("aliases", list(paper.aliases)))
    return keywords, facts


def _derived_date(shelf: Shelf, paper: Paper) -> str:
    entry = shelf.entries.get(paper.key)
    if entry is not None and is_generated(entry.raw):
        entry = None  # a made-up entry's year came from the page: the list says it itself
    bib_date = (entry.get("year"), entry.get("month")) if entry is not None else ()
    derived = without_front_matter([link.url for link in paper.links_of("paper")], *bib_date)
    return derived.iso() if derived else ""


def _facet_labels(settings: ShelfSettings) -> dict[str, str]:
    """facet name -> the label its line is written with: the heading when import reads it back as this facet."""
    readable = Labels.of(settings).facets
    labels = {}
    for facet in settings.facets:
        label = re.sub(r"[\s_-]+", " ", facet.heading.strip().lower())
        fits = LABEL_LINE.fullmatch(f"{facet.heading}: x") is not None and readable.get(label) == facet.name and label not in LINK_LABELS
        labels[facet.name] = facet.heading if fits else facet.name
    return labels


def export_shelf(paths: ShelfPaths, title: str = "") -> str:
    """The whole shelf as one reading list."""
    shelf = load_shelf(paths)
    pages = sorted(shelf.by_key.values(), key=lambda page: chronological_key(page.paper), reverse=True)
    papers = {page.paper.key: page.paper for page in pages}
    sections: dict[str, list[Page]] = {}
    for page in pages:
        sections.setdefault(page.paper.tags[0] if page.paper.tags else "", []).append(page)
    ordered = ([("", sections.pop(""))] if "" in sections else []) + list(sections.items())
    heading = title or paths.project or "Reading list"

    # Headings first: relations to papers without a paper link point at their anchors.
    anchors = Anchors()
    heading_of: dict[str, str] = {}
    anchor_of: dict[str, str] = {}
    anchors.add(heading)
    # Status tags only where the shelf keeps a read status, and some paper is not simply unread.
    with_status = paths.settings.reading_status and any(page.paper.status != "unread" for page in pages)
    for section, members in ordered:
        if section:
            anchors.add(section_heading(_flat(section)))
        for page in members:
            heading_of[page.paper.key] = _flat(_heading(page.paper, with_status))
            anchor_of[page.paper.key] = anchors.add(heading_of[page.paper.key])

    out = [f"# {heading}", ""]
    facets = _facet_labels(paths.settings)
    for section, members in ordered:
        if section:
            out += [f"## {section_heading(_flat(section))}", ""]  # read back as its plain text: markup escaped
        for page in members:
            out += _entry(shelf, paths.settings, page, [section] if section else [], heading_of, anchor_of, papers, facets)
    return "\n".join(out).rstrip("\n") + "\n"


def _entry(
    shelf: Shelf, settings: ShelfSettings, page: Page, sections: list[str], heading_of: dict[str, str], anchor_of: dict[str, str], papers: dict[str, Paper], facets: dict[str, str]
) -> list[str]:
    paper = page.paper
    keywords, facts = _names(paper, list(paper.tags[len(sections) :]))
    out = [f"#### {heading_of[paper.key]}"]
    if keywords:
        out.append(names_line("tag", keywords))
    out.append("")
    if paper.date is not None and paper.date.source == "front matter" and paper.date.iso() != _derived_date(shelf, paper):
        facts.append(f"date: {paper.date.iso()}")
    if paper.added:
        facts.append(f"added: {paper.added}")
    bibtex = _raw_entry(shelf, paper)
    if not bibtex and slugify(paper.short_name).replace(".", "").replace("-", "") != paper.key and re.fullmatch(FACT_LABELS["key"][1], paper.key):
        facts.append(f"key: {paper.key}")  # import names a paper without BibTeX after its short name
    if page.path.stem != file_stem(paper.short_name or paper.key) and file_stem(page.path.stem) == page.path.stem:
        facts.append(f"file: {page.path.stem}")  # a name import would not give it ("chemcrow-2"): URLs stay
    for fact in facts:  # a paragraph each, as GitHub shows them
        out += [fact, ""]
    link_labels = settings.links
    links_by_kind = _links(page)
    for kind, links in links_by_kind.items():  # the page's order
        if kind == "other":  # the list's own labels: `benchmark link: [here](...)`, `benchmark: [v2](...)`
            for text_, url in links:
                name, _, text = text_.partition(": ")
                out += [f"{name}: [{text}]({url})" if text else f"{name or 'other'} link: [here]({url})", ""]
        elif links:
            label = LINK_WRITE.get(kind) or link_labels.get(kind, kind.replace("_", "-")).lower()  # a shelf's own kind: its label
            out += [links_line(label, links), ""]
    if paper.models:
        out += [*model_table([(model.name, model.url) for model in paper.models]), ""]
    relation_labels = {kind: labels[0].lower() for kind, labels in settings.relations.items()}
    for kind in dict.fromkeys([*RELATION_WRITE, *(r.kind for r in paper.relations)]):
        items = []
        for target in (r.target for r in paper.relations if r.kind == kind):
            other = papers.get(target)
            paper_links = other.links_of("paper") if other is not None else ()
            if other is None:
                items.append((target, f"#{slugify(target)}"))  # not on the shelf: import reports it, as `check` does
            elif kind == "updated_version" and paper_links:
                items.append(("here", paper_links[0].url))
            else:
                items.append((other.short_name, "#" + anchor_of[target]))
        if items:
            label = RELATION_WRITE.get(kind) or relation_labels.get(kind, kind.replace("_", " "))
            out += [f"{label}: " + " | ".join(f"[{text}]({url})" for text, url in items), ""]
    if paper.architecture:
        for name, value in paper.architecture:
            out += [f"{facets.get(name, name)}: {value}", ""]
    out = [_flat(line) for line in out]  # every line so far is one line, whatever the page's values hold
    body = _body(page)
    if body:
        out += [_contained(body), ""]
    if bibtex:
        out += ["citation:", "```bibtex", bibtex, "```", ""]
    elif not any(links_by_kind.values()):
        out += ["citation:", ""]  # no BibTeX entry yet: the line still marks the heading as an entry
    out.append("")
    return out


def _links(page: Page) -> dict[str, list[tuple[str, str]]]:
    """kind -> (label, URL) of the page's links, with those the page does not show (``ttps://``): a defect stays in the list, where import reports it again."""
    links: dict[str, list[tuple[str, str]]] = {}
    for link in page.paper.links:
        links.setdefault(link.kind, []).append((link.label, link.url))
    raw = page.data.get("links")
    for kind, value in raw.items() if isinstance(raw, dict) else ():
        for item in value if isinstance(value, list) else [value]:
            url = str(item.get("url", "")) if isinstance(item, dict) else str(item)
            if url and not is_web_url(url) and isinstance(kind, str):
                links.setdefault(kind, []).append((str(item.get("label", "")) if isinstance(item, dict) else "", url))
    return links


def _body(page: Page) -> str:
    """The page's Markdown below its front matter (notes, lists, math); its headings become bold lines, so they stay in the entry."""
    try:
        text = page.path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    match = re.match(r"\A---\r?\n.*?^---[ \t]*\r?\n", text, re.DOTALL | re.MULTILINE)
    lines = _html_comments((text[match.end() :] if match else "").strip("\n").splitlines())
    demoted = demote_headings(lines)
    return "\n".join(lines) if demoted == lines else re.sub(r"\n{3,}", "\n\n", "\n".join(demoted)).strip("\n")


def _html_comments(lines: list[str]) -> list[str]:
    """MyST comment lines (``% ...``, a paragraph of them) as the HTML comments GitHub hides; ``%`` in math or code stays."""
    out = list(lines)
    for block in blocks_of("\n".join(lines), {}):
        if block.kind == "paragraph_open" and all(line.startswith("%") for line in lines[block.start : block.end]):
            for number in range(block.start, block.end):
                out[number] = f"<!-- {lines[number][1:].strip()} -->"
    return out


def _raw_entry(shelf: Shelf, paper: Paper) -> str:
    """An entry's text as written, broken entries too. One import made up is left out when import makes the
    same again from the exported entry (title, paper links, date); one that says more (authors, a venue, a
    link import would not choose) is written, and import reads it back as it is."""
    entry = shelf.entries.get(paper.key)
    raw = entry.raw.strip() if entry is not None else shelf.declared_text.get(paper.key, "")
    if is_generated(raw):
        date = paper.date.iso() if paper.date is not None and paper.date.source == "front matter" else ""
        if raw == generated_citation(paper.key, paper.title, [link.url for link in paper.links_of("paper")], date).strip():
            return ""
    return raw
