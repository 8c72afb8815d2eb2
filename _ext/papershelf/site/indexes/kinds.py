"""Generated indexes: each kind renders from the once-per-build ShelfView.

A page asks for an index with the ``paper-index`` directive; only pages that
hold one pay for listing the whole shelf. Each renderer runs once per page
showing its index (at ``doctree-resolved``), never once per paper page.

Kinds (:data:`RENDERERS`):

``papers``
    every paper, alphabetically by short name;
``chronology``
    papers per year, each year linked to its own page listing its papers
    (:mod:`papershelf.site.indexes.pages`), newest first; undated papers last;
``timeline``
    an inline SVG picture of the papers in time with lineage arrows
    (see :mod:`papershelf.site.indexes.timeline`);
``summary``
    counts and the most recent additions, for the landing page;
``queue``
    the papers still to read (status ``reading`` or ``unread``);
``topics``
    one section per tag (ids from :func:`tag_id`);
``models``
    every released checkpoint, with its paper;
``code``
    every code repository link, with its paper;
``architecture``
    one comparison table of the papers' ``architecture`` facts.

Rows of the chronology carry filter metadata as classes
(:func:`filter_classes`), which ``papershelf-filter.js`` reads; the script is
added only to pages holding a chronology (:func:`on_html_page_context`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.util.nodes import make_refnode

from papershelf.formats import arxivid, citation
from papershelf.model.settings import of_config
from papershelf.shelf.view import chronological_key, digest
from papershelf.site.domain import cite_domain, paper_domain
from papershelf.site.header import MONTH_NAMES, human_date, link_cell, table, text_cell
from papershelf.site.indexes import references

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from papershelf.model.records import Paper
    from papershelf.shelf.view import ShelfView
    from papershelf.site.nodes import paper_index

RECENT = 5
FILTER_JS = "papershelf-filter.js"
INDEX_CSS = "papershelf-indexes.css"


# -- shared helpers -------------------------------------------------------------


def tag_id(tag: str) -> str:
    """The id of a tag's section on the topics page (crossrefs.py links to it)."""
    return "topic-" + tag_slug(tag)


@functools.cache  # a shelf has a few dozen tags, asked for 18,000 times a build at 2,000 papers
def tag_slug(tag: str) -> str:
    """A tag as an id/class fragment: ``"Instruction tuning"`` -> ``instruction-tuning``."""
    return nodes.make_id(tag) or re.sub(r"\W+", "-", tag.lower()).strip("-") or "tag"


def year_label(paper: Paper) -> str:
    return str(paper.date.year) if paper.date else "undated"


def filter_classes(paper: Paper, base: str, with_status: bool = True) -> list[str]:
    """Classes that let the filter script match a row or a timeline mark.

    ``base status-<status> year-<year|undated> tag-<slug>...``; docutils
    renders them as ``<tr class="...">``, so the page needs no inline data.
    """
    tags = dict.fromkeys(f"tag-{tag_slug(tag)}" for tag in paper.tags)
    status = [f"status-{paper.status}"] if with_status else []  # no status filter on a shelf without one
    return [base, *status, f"year-{year_label(paper)}", *tags]


def newest_first(papers: Iterable[Paper]) -> list[Paper]:
    """Dated papers newest first, then undated ones.

    Papers of the same date keep a stable order: by short name, then key
    (two stable sorts, so a tie never depends on file order).
    """
    by_name = sorted(papers, key=lambda p: (p.short_name.casefold(), p.key))
    dated = sorted((p for p in by_name if p.date), key=lambda p: p.date.sort_key if p.date else (0, 0, 0), reverse=True)
    return dated + [p for p in by_name if p.date is None]


def _ref(app: Sphinx, fromdocname: str, paper: Paper, text: str = "") -> nodes.paragraph:
    cell = nodes.paragraph()
    text = text or paper.short_name
    cell += make_refnode(app.builder, fromdocname, paper.docname, "", nodes.inline(text, text, classes=["paper-ref"]), paper.title)
    return cell


def _named_item(app: Sphinx, fromdocname: str, paper: Paper, when: str) -> nodes.paragraph:
    """``LLaVA — Visual Instruction Tuning (17 April 2023)``; the title alone
    (as the link) when the short name is only its first words."""
    if paper.named_by_title:
        item = _ref(app, fromdocname, paper, paper.title)
        item += nodes.Text(f" ({when})" if when else "")
    else:
        item = _ref(app, fromdocname, paper)
        item += nodes.Text(f" — {paper.title}" + (f" ({when})" if when else ""))
    return item


def _status(paper: Paper) -> nodes.paragraph:
    cell = nodes.paragraph()
    cell += nodes.inline(paper.status, paper.status, classes=["paper-status", f"paper-status-{paper.status}"])
    return cell


def _venue(app: Sphinx, paper: Paper) -> nodes.paragraph:
    """The venue; a preprint reads "arXiv", linked to its abstract page."""
    cite = cite_domain(app.env)
    entry = cite.entry(paper.key) if cite is not None else None
    if entry is None:
        return text_cell("")
    venue, arxiv = citation.venue_of(entry), citation.arxiv_of(entry)
    if venue == "arXiv" and arxiv:
        return link_cell("arXiv", arxivid.abs_url(arxiv))
    return text_cell(venue)


def _code_cell(paper: Paper) -> nodes.paragraph:
    code = paper.links_of("code")
    return link_cell("code", code[0].url) if code else text_cell("")


def _date_cell(paper: Paper) -> nodes.paragraph:
    return nowrap(human_date(paper.date.iso()) if paper.date else "undated")


def _tag_links(paper: Paper, topics_uri: str | None) -> nodes.inline:
    """The paper's tags as small chips, linked to their topics section."""
    chips = nodes.inline(classes=["paper-tags"])
    for tag in paper.tags:
        chip = nodes.inline(tag, tag, classes=["paper-tag", f"tag-{tag_slug(tag)}"])
        if topics_uri is None:
            chips += chip
        else:
            chips += nodes.reference("", "", chip, internal=True, refuri=f"{topics_uri}#{tag_id(tag)}", reftitle=f"Topic: {tag}")
        chips += nodes.Text(" ")
    return chips


def row_table(headings: Sequence[str], rows: Sequence[tuple[list[str], list[nodes.Node]]], classes: list[str]) -> nodes.table:
    """header.py's table, with classes on each body row (``<tr class=...>``)."""
    result = table(headings, [cells for _, cells in rows], classes)
    body = next(iter(result.findall(nodes.tbody)))
    for row, (row_classes, _) in zip(body.children, rows, strict=True):
        cast("nodes.Element", row)["classes"].extend(row_classes)
    return result


def scrolling(table_node: nodes.table) -> nodes.container:
    """A table in furo's scrolling wrapper, which its post-transform adds only
    to tables present before ``doctree-resolved`` (index tables come later).
    Wide tables scroll inside it, the first column kept (papershelf-indexes.css)."""
    wrapper = nodes.container(classes=["table-wrapper", "paper-table-wrapper"])
    wrapper += table_node
    return wrapper


def nowrap(text: str) -> nodes.paragraph:
    """A cell that never wraps (dates: "2023-01" must not become "2023-"/"01")."""
    return nodes.paragraph(text, text, classes=["paper-nowrap"])


def _section(title: str, ids: list[str], classes: list[str]) -> nodes.section:
    section = nodes.section(ids=ids, classes=classes)
    section += nodes.title(title, title)
    return section


def _empty(text: str) -> nodes.paragraph:
    return nodes.paragraph(text, text, classes=["paper-index-empty"])


EMPTY = {
    "chronology": "No papers on the shelf yet.",
    "papers": "No papers on the shelf yet.",
    "topics": "No paper has tags yet.",
    "models": "No paper names a released model yet.",
    "code": "No paper links to code yet.",
    "queue": "Nothing left to read.",
    "architecture": "No paper states its architecture yet.",
    "references": "No BibTeX entries yet.",
}


def empty_note(kind: str) -> nodes.paragraph:
    return _empty(EMPTY.get(kind, "Nothing to list yet."))


# -- renderers ------------------------------------------------------------------


def render_papers(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """Every paper, alphabetically by short name."""
    papers = sorted(view.papers.values(), key=lambda p: (p.short_name.casefold(), p.key))
    with_status = of_config(app.config).reading_status
    rows = [[_ref(app, docname, p), text_cell(p.title), nowrap(p.date.iso() if p.date else "undated"), *([_status(p)] if with_status else [])] for p in papers]
    return [scrolling(table(["Paper", "Title", "Date", *(["Status"] if with_status else [])], rows, ["paper-list"]))]


def render_chronology(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """Every year's section on one page (the chronology is split by
    :mod:`papershelf.site.indexes.pages`, which renders each year with :func:`chronology_section`)."""
    from papershelf.site.indexes.pages import year_groups

    return [chronology_section(app, view, label, papers, docname) for label, papers in year_groups(view)] or [_empty("No papers on the shelf yet.")]


def chronology_section(app: Sphinx, view: ShelfView, label: str, papers: list[Paper], docname: str) -> nodes.section:
    """One year of the chronology (section id ``year-<label>``), rows with :func:`filter_classes`."""
    with_status = of_config(app.config).reading_status
    topics = view.index_pages.get("topics")
    topics_uri = app.builder.get_relative_uri(docname, topics) if topics else None
    title = "Undated" if label == "undated" else label
    section = _section(title, [f"year-{label}"], ["paper-year"])
    section += nodes.paragraph("", f"{len(papers)} paper{'s' if len(papers) != 1 else ''}", classes=["paper-year-count"])
    rows = []
    for p in papers:
        title_cell = text_cell(p.title)
        if p.tags:
            title_cell += nodes.Text(" ")
            title_cell += _tag_links(p, topics_uri)
        month = MONTH_NAMES[p.date.month] if p.date else ""
        cells: list[nodes.Node] = [nowrap(month), _ref(app, docname, p), title_cell, _venue(app, p), *([_status(p)] if with_status else []), _code_cell(p)]
        rows.append((filter_classes(p, "paper-row", with_status), cells))
    section += scrolling(row_table(["Month", "Paper", "Title", "Venue", *(["Status"] if with_status else []), "Code"], rows, ["paper-chronology"]))
    return section


def render_timeline(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """The timeline picture; see :mod:`papershelf.site.indexes.timeline`."""
    from papershelf.site.indexes.timeline import render_timeline as render

    return render(app, view, docname)


def render_summary(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """Counts and the few most recent additions, for the landing page."""
    papers = list(view.papers.values())
    read = sum(1 for p in papers if p.status == "read")
    counts = nodes.paragraph(classes=["paper-counts"])
    shelf = f"{len(papers)} paper{'s' if len(papers) != 1 else ''} on the shelf"
    counts += nodes.Text(f"{shelf}: {read} read, {len(papers) - read} not read yet." if of_config(app.config).reading_status else f"{shelf}.")
    recent = sorted(papers, key=lambda p: (p.added or (p.date.iso() if p.date else ""), chronological_key(p)), reverse=True)[:RECENT]
    items = nodes.bullet_list(classes=["paper-recent"])
    for p in recent:
        items += nodes.list_item("", _named_item(app, docname, p, human_date(p.date.iso()) if p.date else ""))
    return [counts, items]


def render_queue(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """The reading queue: papers being read, then unread ones, oldest first."""
    if not of_config(app.config).reading_status:
        return [_empty("This shelf keeps no read status (papershelf_reading_status = False), so it has no reading queue.")]
    papers = [view.papers[key] for key in view.order]
    read = sum(1 for p in papers if p.status == "read")
    progress = nodes.paragraph("", f"{read} of {len(papers)} read.", classes=["paper-queue-progress"])
    result: list[nodes.Node] = [progress]
    for status, title in (("reading", "Reading now"), ("unread", "Not read yet")):
        queued = [p for p in papers if p.status == status]
        if not queued:
            continue
        section = _section(f"{title} ({len(queued)})", [f"queue-{status}"], ["paper-queue"])
        rows: list[tuple[list[str], list[nodes.Node]]] = [
            (filter_classes(p, "paper-row"), [_ref(app, docname, p), text_cell(p.title), _date_cell(p), _status(p)]) for p in queued
        ]
        section += scrolling(row_table(["Paper", "Title", "Date", "Status"], rows, ["paper-queue-table"]))
        result.append(section)
    if len(result) == 1:
        result.append(_empty("Nothing left to read."))
    return result


def topic_groups(view: ShelfView) -> list[tuple[str, str, list[Paper]]]:
    """(section id, label, papers newest first) per tag, alphabetical; "Untagged" last.

    Tags that differ only in case or punctuation share one group (they
    share :func:`tag_id`), labelled as the earliest paper spells it.
    """
    labels: dict[str, str] = {}
    for key in view.order:
        for tag in view.papers[key].tags:
            labels.setdefault(tag_id(tag), tag)
    members: dict[str, list[Paper]] = {}
    untagged: list[Paper] = []
    for paper in newest_first(view.papers.values()):
        if not paper.tags:
            untagged.append(paper)
        for ident in dict.fromkeys(tag_id(tag) for tag in paper.tags):
            members.setdefault(ident, []).append(paper)
    order = sorted(labels, key=lambda ident: (labels[ident].casefold(), ident))
    groups = [(ident, labels[ident], members[ident]) for ident in order]
    if untagged:
        groups.append(("untagged-papers", "Untagged", untagged))
    return groups


def topic_list(app: Sphinx, papers: Sequence[Paper], docname: str) -> list[nodes.Node]:
    items = nodes.bullet_list(classes=["paper-topic-papers"])
    for p in papers:
        items += nodes.list_item("", _named_item(app, docname, p, human_date(p.date.iso()) if p.date else "undated"))
    return [items]


def render_topics(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """One section per tag (alphabetical, :func:`topic_groups`), papers newest first in each."""
    groups = topic_groups(view)
    tagged = [(ident, label, papers) for ident, label, papers in groups if ident != "untagged-papers"]
    jump = nodes.paragraph(classes=["paper-topic-list"])
    for index, (ident, label, papers) in enumerate(tagged):
        if index:
            jump += nodes.Text(" · ")
        text = f"{label} ({len(papers)})"
        jump += nodes.reference(text, text, refid=ident, internal=True)
    result: list[nodes.Node] = [jump] if tagged else [_empty("No paper has tags yet.")]
    for ident, label, papers in groups:
        section = _section(label, [ident], ["paper-topic"])
        section.extend(topic_list(app, papers, docname))
        result.append(section)
    return result


def render_models(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """Every released checkpoint on the shelf, by name, with its paper."""
    entries = sorted(((model, paper) for paper in view.papers.values() for model in paper.models), key=lambda mp: (mp[0].name.casefold(), mp[1].key))
    if not entries:
        return [_empty("No paper names a released model yet.")]
    rows = [
        [link_cell(model.name, model.url), text_cell(_host(model.url)), _ref(app, docname, paper), _date_cell(paper)]
        for model, paper in entries
    ]
    return [scrolling(table(["Model", "Host", "Paper", "Date"], rows, ["paper-models-index"]))]


def render_code(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """Every code repository linked from a paper, by paper short name."""
    papers = sorted(view.papers.values(), key=lambda p: (p.short_name.casefold(), p.key))
    rows = []
    for paper in papers:
        for link in paper.links_of("code"):
            text = _bare(link.url) + (f" ({link.label})" if link.label else "")
            rows.append([link_cell(text, link.url), _ref(app, docname, paper), text_cell(paper.title), _date_cell(paper)])
    if not rows:
        return [_empty("No paper links to code yet.")]
    return [scrolling(table(["Repository", "Paper", "Title", "Date"], rows, ["paper-code-index"]))]


def render_architecture(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """One row per paper stating its architecture, oldest first; unknown cells empty."""
    headings = of_config(app.config).facet_headings
    if not headings:
        return [_empty("This shelf configures no facets to compare (papershelf_facets in conf.py).")]
    papers = [view.papers[key] for key in view.order if view.papers[key].architecture]
    if not papers:
        return [_empty("No paper states its facets yet.")]
    rows = []
    for paper in papers:
        facts = dict(paper.architecture)
        rows.append([_ref(app, docname, paper), *(text_cell(facts.get(name, "")) for name in headings)])
    # Cells get a readable minimum width and the table scrolls sideways with
    # the paper column kept, instead of narrow columns of wrapped words.
    return [scrolling(table(["Paper", *headings.values()], rows, ["paper-architecture-index"]))]


def _host(url: str) -> str:
    return url.split("//", 1)[-1].split("/", 1)[0] if url else ""


def _bare(url: str) -> str:
    """``https://github.com/a/b/`` -> ``github.com/a/b``."""
    return url.split("//", 1)[-1].rstrip("/")


Renderer = Callable[["Sphinx", "ShelfView", str], list[nodes.Node]]
RENDERERS: dict[str, Renderer] = {
    "papers": render_papers,
    "chronology": render_chronology,
    "timeline": render_timeline,
    "summary": render_summary,
    "queue": render_queue,
    "topics": render_topics,
    "models": render_models,
    "code": render_code,
    "architecture": render_architecture,
    "references": references.render_references,
}


def render(app: Sphinx, view: ShelfView, node: paper_index, docname: str) -> list[nodes.Node]:
    """The index; a split one (:mod:`papershelf.site.indexes.pages`) shows its overview here."""
    from papershelf.site.indexes import pages

    kind = node["kind"]
    if pages.is_split(app, view, kind) and view.index_pages.get(kind) == docname:
        return pages.render_overview(app, view, kind, docname)
    return RENDERERS[kind](app, view, docname)


def on_html_page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None) -> None:
    """Index styles on pages holding an index; the filter script where a chronology
    (or one of its year pages) is.

    Added inside ``html-page-context``, the files reach only this page.
    """
    if app.builder.format != "html":
        return
    from papershelf.site.indexes.pages import is_group_page

    domain = paper_domain(app.env)
    kinds = domain.index_docs.get(pagename)
    group_page = doctree is None and domain.view is not None and is_group_page(domain.view, pagename)
    if not kinds and not group_page:
        return
    app.add_css_file(INDEX_CSS)
    if "chronology" in (kinds or ()) or (group_page and domain.view is not None and pagename.rpartition("/")[0] == domain.view.index_pages.get("chronology")):
        app.add_js_file(FILTER_JS, loading_method="defer")


def _shown(p: Paper) -> tuple[object, ...]:
    """What every index row shows of a paper: its link."""
    return (p.key, p.short_name, p.title, p.docname)


#: kind -> what rows of that index show of each paper. An index page is
#: rewritten only when this projection (or, for the chronology, a .bib entry:
#: the venue column) changes, so a status edit leaves Models or Code alone.
SHOWN: dict[str, Callable[[Paper], tuple[object, ...]]] = {
    "papers": lambda p: (*_shown(p), p.date, p.status),
    "chronology": lambda p: (*_shown(p), p.date, p.status, p.tags, p.links_of("code")),
    "timeline": lambda p: (*_shown(p), p.date, p.status, p.tags, p.relations),
    "summary": lambda p: (*_shown(p), p.date, p.status, p.added),
    "queue": lambda p: (*_shown(p), p.date, p.status, p.tags),
    "topics": lambda p: (*_shown(p), p.date, p.tags),
    "models": lambda p: (*_shown(p), p.models),
    "code": lambda p: (*_shown(p), p.links_of("code")),
    "architecture": lambda p: (*_shown(p), p.date, p.architecture),
}
#: kinds that show fields of the .bib entries (the venue; the chronology's page and
#: year pages also name the version of their "BibTeX (N)" selection data)
BIB_KINDS = frozenset({"chronology"})


def content_digest(kind: str, view: ShelfView, bib_digests: dict[str, str], env: BuildEnvironment | None = None) -> str:
    """A digest of everything an index of ``kind`` shows; once per kind per build."""
    if kind == "references" and env is not None:  # lists .bib entries, not papers
        return references.content_digest(env, view, bib_digests)
    shown = SHOWN.get(kind, lambda p: (p,))
    rows = [(shown(view.papers[key]), bib_digests.get(key, "") if kind in BIB_KINDS else "") for key in view.order]
    return digest(repr((rows, sorted(view.index_pages.items()))))
