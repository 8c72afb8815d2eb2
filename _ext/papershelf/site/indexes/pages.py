"""Where an index is shown: whole on its page (:func:`render`), or split into small pages.

Every ``{paper-index}`` placeholder is filled here (at ``doctree-resolved``,
from crossrefs.py) with its kind's renderer (:data:`~papershelf.site.indexes.kinds.KINDS`),
or, for an index split into small pages, with its overview; pages holding
an index get its styles and scripts (:func:`add_index_assets`).

Splitting, so no page grows with the shelf:

An index listing every paper grows with the shelf (at 2,000 papers the
chronology was 2.3 MB, Models 2.0 MB). A split index keeps a small overview
on its own page (one row per group, linked) and moves the rows to one
generated page per group, ``<index page>/<group>.html``:

=============  =====================================  ==========================
kind           one page per                           split
=============  =====================================  ==========================
chronology     year (and ``undated``)                 always
topics         topic                                  above the threshold
papers         first letter of the short name         above the threshold
models, code,  year of the paper                      above the threshold
queue,
architecture
references     first letter of the first author (a busy   above the threshold
               letter: runs of names, ``l-li``)           (of .bib entries)
=============  =====================================  ==========================

The queue's overview keeps its progress line. The threshold is ``papershelf_split_above`` (rows the index would show; 0
splits every kind), so a shelf of 20 papers keeps one Papers page.

The group pages have no source file: they are added at
``html-collect-pages`` with the theme's ``page.html`` and a body rendered
from the same docutils nodes as any index. A page is written only when what
it shows changed (a digest per page, kept next to the doctrees) or its file
is missing, so a no-op build, or an edit shown on another group's page,
writes none of them; the page of a group left empty is deleted.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.util import logging

from papershelf.model.settings import of_config
from papershelf.shelf.view import ShelfView, digest
from papershelf.site.domain import paper_domain
from papershelf.site.exports.bibexport import EXPORTS_CSS, SELECTION_JS, section_links
from papershelf.site.exports.bibexport import Group as Exported
from papershelf.site.exports.feeds import topic_feed
from papershelf.site.grouping import tag_id, tag_slug, topic_groups, year_groups
from papershelf.site.header import text_cell
from papershelf.site.indexes import authors, references, tables, venues
from papershelf.site.indexes.base import empty, group_page, nowrap, row_table, scrolling
from papershelf.site.indexes.chronology import chronology_section
from papershelf.site.indexes.kinds import KINDS
from papershelf.site.indexes.topics import topic_list
from papershelf.site.search import index_body

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment

    from papershelf.model.records import Paper
    from papershelf.site.nodes import paper_index

logger = logging.getLogger(__name__)
SELECTION_VERSION = "papershelf_selection_version"  #: context key: a year page's BibTeX selection data version
STATE = "papershelf-split-pages.json"  #: digests of the written group pages, in the doctree dir
DEFAULT_SPLIT_ABOVE = 200
FILTER_JS = "papershelf-filter.js"
SORT_JS = "papershelf-sort.js"  #: sortable columns (the Papers index's counts)
INDEX_CSS = "papershelf-indexes.css"


@dataclass(frozen=True)
class Group:
    slug: str  #: the page's name under the index page
    label: str  #: shown in the overview ("2023", "LLaVA-family", "A")
    papers: list[Paper]  #: in the order the group page lists them
    rows: int  #: rows of the group page (models: checkpoints; code: repositories)
    entries: tuple[references.Item, ...] = ()  #: the .bib entries of a References page
    year: str = ""  #: of a part of a busy year (``2025 Jul-Dec``): the year


#: rows a page of a year-split index holds before its year is cut into halves,
#: quarters or months (at 5,000 papers the busiest chronology year was 540 rows,
#: 608 kB, about 1.1 kB a row; a model row is about 0.46 kB)
PART_ROWS = {"chronology": 300, "models": 800, "code": 800, "queue": 800, "architecture": 800}
MONTH_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _by_year(view: ShelfView, rows: Callable[[Paper], int], limit: int) -> list[Group]:
    result = []
    for label, papers in year_groups(view):
        shown = [p for p in papers if rows(p)]
        if not shown:
            continue
        if label == "undated" or sum(rows(p) for p in shown) <= limit:
            result.append(Group(label, "Undated" if label == "undated" else label, shown, sum(rows(p) for p in shown)))
        else:
            result.extend(_year_parts(label, shown, rows, limit))
    return result


def _year_parts(year: str, papers: list[Paper], rows: Callable[[Paper], int], limit: int) -> list[Group]:
    """A busy year as halves, else quarters, else months, newest first.

    The newest part keeps the year's own page name (``chronology/2025``: the
    timeline's year links and older links land there); the others are named
    by their span (``2025-h1``, ``2025-q3``, ``2025-03``). Papers dated by
    year alone go with January, at the end of the year as on an unsplit page.
    """
    for parts in (2, 4, 12):
        span = 12 // parts
        buckets: dict[int, list[Paper]] = {}
        for paper in papers:  # newest first, so each bucket is too
            month = paper.date.month if paper.date and paper.date.month else 1
            buckets.setdefault((month - 1) // span, []).append(paper)
        if parts == 12 or all(sum(rows(p) for p in bucket) <= limit for bucket in buckets.values()):
            break
    result: list[Group] = []
    for index in sorted(buckets, reverse=True):
        first, last = index * span + 1, index * span + span
        name = {2: f"h{index + 1}", 4: f"q{index + 1}", 12: f"{first:02d}"}[parts]
        months = MONTH_ABBR[first] if first == last else f"{MONTH_ABBR[first]}\N{EN DASH}{MONTH_ABBR[last]}"
        bucket = buckets[index]
        result.append(Group(year if not result else f"{year}-{name}", f"{year} {months}", bucket, sum(rows(p) for p in bucket), year=year))
    return result


def _by_letter(view: ShelfView) -> list[Group]:
    papers = sorted(view.papers.values(), key=lambda p: (p.short_name.casefold(), p.key))

    def letter(paper: Paper) -> str:
        first = paper.short_name[:1].upper()
        return first if "A" <= first <= "Z" else "#"

    # "letter-" keeps papers/letter-a clear of the paper pages in papers/.
    return [Group("letter-other" if label == "#" else f"letter-{label.lower()}", label, list(group), 0) for label, group in groupby(papers, key=letter)]


def _by_topic(view: ShelfView) -> list[Group]:
    return [Group(tag_slug(label), label, papers, len(papers)) for _, label, papers in topic_groups(view)]


def _sub(view: ShelfView, papers: list[Paper]) -> ShelfView:
    """A view of some papers (index renderers list what a view holds)."""
    keys = {p.key for p in papers}
    return ShelfView(papers={p.key: p for p in papers}, order=[k for k in view.order if k in keys], index_pages=view.index_pages)


@dataclass(frozen=True)
class Split:
    kind: str
    heading: str  #: the overview's first column
    groups: Callable[[Sphinx, ShelfView], list[Group]]
    title: Callable[[Group], str]
    body: Callable[[Sphinx, ShelfView, Group, str], list[nodes.Node]]
    always: bool = False


def _chronology_body(app: Sphinx, view: ShelfView, group: Group, pagename: str) -> list[nodes.Node]:
    section = chronology_section(app, view, group.year or group.slug, group.papers, pagename)
    if group.year:  # part of a year: the year's .bib, all of it
        whole = next(papers for label, papers in year_groups(view) if label == group.year)
        links = _exports(app, pagename, f"year-{group.year}", Group(group.year, group.year, whole, len(whole)), "year")
        for download in links.findall(nodes.reference):
            if "paper-bib-download" in download["classes"]:  # not this page's count: the year's
                download.clear()
                download += nodes.Text(f"BibTeX of {group.year} ({len(whole)} entries)")
        section.insert(1, links)
    else:
        section.insert(1, _exports(app, pagename, f"year-{group.slug}", group, "year"))
    return [section]


def _topic_body(app: Sphinx, view: ShelfView, group: Group, pagename: str) -> list[nodes.Node]:
    return [_exports(app, pagename, tag_id(group.label), group, "topic"), *topic_list(app, group.papers, pagename)]


def _exports(app: Sphinx, pagename: str, ident: str, group: Group, kind: str) -> nodes.paragraph:
    """The group's .bib download (and a topic's feed), as on an unsplit index."""
    exported = Exported(ident, group.label, kind, tuple(group.papers))
    return section_links(app, pagename, exported, topic_feed(ident) if kind == "topic" else None)


SPLITS: dict[str, Split] = {
    "chronology": Split("chronology", "Year", lambda a, v: _by_year(v, lambda p: 1, PART_ROWS["chronology"]), lambda g: "Undated papers" if g.slug == "undated" else f"Papers of {g.label}", _chronology_body, always=True),
    "topics": Split("topics", "Topic", lambda a, v: _by_topic(v), lambda g: f"Topic: {g.label}", _topic_body),
    "papers": Split("papers", "Letter", lambda a, v: _by_letter(v), lambda g: f"Papers: {g.label}",
                    lambda app, view, g, page: tables.render_papers(app, _sub(view, g.papers), page)),
    "models": Split("models", "Year", lambda a, v: _by_year(v, lambda p: len(p.models), PART_ROWS["models"]), lambda g: f"Models of {g.label}",
                    lambda app, view, g, page: tables.render_models(app, _sub(view, g.papers), page)),
    "code": Split("code", "Year", lambda a, v: _by_year(v, lambda p: len(p.links_of("code")), PART_ROWS["code"]), lambda g: f"Code of {g.label}",
                  lambda app, view, g, page: tables.render_code(app, _sub(view, g.papers), page)),
    "queue": Split("queue", "Year", lambda a, v: _by_year(v, lambda p: int(p.status != "read"), PART_ROWS["queue"]), lambda g: f"To read from {g.label}",
                   lambda app, view, g, page: tables.render_queue(app, _sub(view, g.papers), page)[1:]),
    "architecture": Split("architecture", "Year", lambda a, v: _by_year(v, lambda p: int(bool(p.architecture)), PART_ROWS["architecture"]), lambda g: f"Architectures of {g.label}",
                          lambda app, view, g, page: tables.render_architecture(app, _sub(view, g.papers), page)),
    "authors": Split("authors", "Names", lambda a, v: [Group(*g) for g in authors.split_groups(v)], lambda g: f"Authors: {g.label}", lambda app, view, g, page: authors.render_group(app, view, g.slug, page)),
    "venues": Split("venues", "Venues", lambda a, v: [Group(*g) for g in venues.split_groups(a, v)], lambda g: f"Venues: {g.label}", lambda app, view, g, page: venues.render_group(app, view, g.slug, page)),
    "references": Split("references", "Authors", lambda a, v: _by_author(a, v), lambda g: f"References: {g.label}",
                        lambda app, view, g, page: [references.render_list(app, view, g.entries, page)]),
}


def _by_author(app: Sphinx, view: ShelfView) -> list[Group]:
    return [Group(g.slug, g.label, [], len(g.items), g.items) for g in reference_groups(app, view)]


def reference_groups(app: Sphinx, view: ShelfView) -> list[references.RefGroup]:
    """The pages (split) or sections of the References index."""
    return references.groups(references.items(app.env), split=is_split(app, view, "references"))


def is_split(app: Sphinx, view: ShelfView, kind: str) -> bool:
    """Whether this build splits the index ``kind`` (same answer on every page)."""
    split = SPLITS.get(kind)
    if split is None:
        return False
    if kind == "references":
        return references.is_split(app.env)
    return split.always or len(view.papers) > app.config.papershelf_split_above


def is_group_page(view: ShelfView, pagename: str) -> bool:
    """Cheap (no listing): called for every page written."""
    parent = pagename.rpartition("/")[0]
    return bool(parent) and any(view.index_pages.get(kind) == parent for kind in SPLITS)


def render(app: Sphinx, view: ShelfView, node: paper_index, docname: str) -> list[nodes.Node]:
    """The index a ``{paper-index}`` asks for; a split one shows its overview (:func:`render_overview`) here."""
    kind = node["kind"]
    if is_split(app, view, kind) and view.index_pages.get(kind) == docname:
        return index_body(render_overview(app, view, kind, docname))
    return index_body(KINDS[kind].render(app, view, docname))


def _files(app: Sphinx, docname: str) -> list[Path]:
    """The files beside the shelf that the indexes of a page show (:attr:`IndexKind.files`)."""
    kinds = [KINDS[kind] for kind in sorted(paper_domain(app.env).index_docs.get(docname, ()))]
    return [path for kind in kinds if kind.files is not None for path in kind.files(app)]


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """A file an index on the page shows is a dependency of the page (when it exists: a missing one would re-read the page every build)."""
    for path in _files(app, app.env.docname):
        if path.is_file():
            app.env.note_dependency(path)


def on_env_get_outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """Pages whose index shows a file created since they were read (an edited or deleted one Sphinx finds itself)."""
    return sorted(
        docname for docname in paper_domain(env).index_docs
        if any(path.is_file() and path not in env.dependencies.get(docname, ()) for path in _files(app, docname))
    )


def add_index_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None) -> None:
    """Index styles on pages holding an index; the filter script where a chronology
    (or one of its year pages) is.

    Added inside ``html-page-context``, the files reach only this page.
    """
    if app.builder.format != "html":
        return
    domain = paper_domain(app.env)
    kinds = domain.index_docs.get(pagename)
    on_group_page = doctree is None and domain.view is not None and is_group_page(domain.view, pagename)
    if not kinds and not on_group_page:
        return
    app.add_css_file(INDEX_CSS)
    app.add_js_file(SORT_JS, loading_method="defer")
    if "citegraph" in (kinds or ()):
        app.add_js_file("papershelf-citegraph.js", loading_method="defer")
    if "chronology" in (kinds or ()) or (on_group_page and domain.view is not None and pagename.rpartition("/")[0] == domain.view.index_pages.get("chronology")):
        app.add_js_file(FILTER_JS, loading_method="defer")


def render_overview(app: Sphinx, view: ShelfView, kind: str, docname: str) -> list[nodes.Node]:
    """One row per group, linked to its page, with its count and first names."""
    split = SPLITS[kind]
    groups = split.groups(app, view)
    if not groups:
        return [empty(KINDS[kind].empty)]
    with_status = of_config(app.config).reading_status
    rows: list[tuple[list[str], list[nodes.Node]]] = []
    for group in groups:
        link = nodes.paragraph()
        link += nodes.reference(group.label, group.label, internal=True, refuri=app.builder.get_relative_uri(docname, group_page(docname, group.slug)))
        count = group.rows or len(group.papers)
        names = [p.label for p in group.papers] if group.papers else list(dict.fromkeys(i.author for i in group.entries))
        first = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
        cells: list[nodes.Node] = [link, nowrap(str(count))]
        if kind == "chronology" and with_status:
            cells.append(nowrap(f"{sum(1 for p in group.papers if p.status == 'read')} read"))
        cells.append(text_cell(first))
        classes = [f"paper-{kind}-group", f"year-{group.slug}" if kind == "chronology" else f"group-{group.slug}"]
        rows.append((classes, cells))
    count_heading = "Rows" if kind in ("models", "code", "venues") else "Entries" if kind == "references" else "People" if kind == "authors" else "Papers"
    headings = [split.heading, count_heading, *(["Read"] if kind == "chronology" and with_status else []), "First" if kind in ("papers", "references") else "Newest"]
    table = row_table(headings, rows, ["paper-years" if kind == "chronology" else "paper-groups"])
    if kind == "topics":
        # Links to a topic's old anchor (topics.html#topic-x) still land on its row.
        body = next(iter(table.findall(nodes.tbody)))
        for row, group in zip(body.children, groups, strict=True):
            cast("nodes.Element", row)["ids"].append(tag_id(group.label))
    result: list[nodes.Node] = [scrolling(table)]
    if kind == "queue":
        read = sum(1 for p in view.papers.values() if p.status == "read")
        result.insert(0, nodes.paragraph("", f"{read} of {len(view.papers)} read.", classes=["paper-queue-progress"]))
    return result


def _state_path(app: Sphinx) -> Path:
    return Path(app.doctreedir) / STATE


def on_html_collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Yield each group page whose content changed since it was last written."""
    domain = paper_domain(app.env)
    view = domain.view
    if view is None or app.builder.format != "html":
        return
    builder = cast("StandaloneHTMLBuilder", app.builder)
    index = domain.bib_index
    bib_digests = {key: value for key, (_, value) in index.entries.items()} if index else {}
    path = _state_path(app)
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        old: dict[str, str] = state["pages"]
    except (OSError, ValueError, KeyError, TypeError):
        state, old = {}, {}
    made_from = [domain.data["generation"], getattr(builder, "config_hash", "")]
    if domain.unchanged and state.get("made_from") == made_from and all(Path(builder.get_outfilename(p)).is_file() for p in old):
        return  # the shelf and the settings are those the pages were written from
    new: dict[str, str] = {}
    for kind, split in SPLITS.items():
        index_page = view.index_pages.get(kind)
        if index_page is None or not is_split(app, view, kind):
            continue
        parent_title = app.env.titles[index_page].astext() if index_page in app.env.titles else kind.title()
        groups = split.groups(app, view)
        slugs = [(g.slug, g.label) for g in groups]
        shown = KINDS[kind].shown or repr
        for position, group in enumerate(groups):
            pagename = group_page(index_page, group.slug)
            if pagename in app.env.found_docs:
                logger.warning("a page of the %s index would overwrite %s; rename that document", kind, pagename, location=pagename, type="papershelf", subtype="split-page")
                continue
            if kind == "references":
                rows = [references.shown(view, item.key, bib_digests) for item in group.entries]
            else:
                rows = [(shown(p), bib_digests.get(p.key, "") if KINDS[kind].reads_bib else "") for p in group.papers]
            # The rows, the neighbouring groups (prev/next links; a new topic
            # rewrites only its neighbours' pages) and what the theme
            # renders around the body (its config hash) decide whether to rewrite.
            neighbours = (slugs[position - 1] if position else None, slugs[position + 1] if position + 1 < len(slugs) else None)
            new[pagename] = digest(repr((rows, neighbours, sorted(view.index_pages.items()), parent_title, getattr(builder, "config_hash", ""))))
            if old.get(pagename) == new[pagename] and Path(builder.get_outfilename(pagename)).is_file():
                continue
            context = _context(app, view, split, index_page, parent_title, groups, position)
            if kind == "chronology":
                # The page's filter offers "BibTeX (N)" of the rows left, as the chronology does; the
                # data's version follows only this year's entries, so an entry edited elsewhere rewrites no other year.
                context[SELECTION_VERSION] = digest(repr([bib_digests.get(p.key, "") for p in group.papers]))[:12]
            yield pagename, context, "page.html"
    for gone in old.keys() - new.keys():  # a group left empty, or an index no longer split
        Path(builder.get_outfilename(gone)).unlink(missing_ok=True)
    if new != old or state.get("made_from") != made_from:
        path.write_text(json.dumps({"made_from": made_from, "pages": new}, sort_keys=True), encoding="utf-8")


def on_html_page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None) -> None:
    """A year page's "BibTeX (N)" selection: the script and styles the chronology's page gets (bibexport.py)."""
    version = context.get(SELECTION_VERSION)
    if doctree is not None or not version:
        return
    app.add_css_file(EXPORTS_CSS)
    app.add_js_file(SELECTION_JS, loading_method="defer", priority=600, **{"data-version": version})


def _render(builder: StandaloneHTMLBuilder, node: nodes.Element) -> str:
    """HTML of a lone node. The translator reads the section and figure
    numbers of the page being written, which Sphinx sets per source page
    (and not at all in a build that wrote none): a group page has none."""
    saved = builder.__dict__.get("secnumbers"), builder.__dict__.get("fignumbers")
    builder.secnumbers, builder.fignumbers = {}, {}
    try:
        return builder.render_partial(node)["fragment"]
    finally:
        builder.secnumbers, builder.fignumbers = saved[0] or {}, saved[1] or {}


def _context(app: Sphinx, view: ShelfView, split: Split, index_page: str, parent_title: str, groups: list[Group], position: int) -> dict[str, Any]:
    group = groups[position]
    pagename = group_page(index_page, group.slug)
    title = split.title(group)
    ident = f"year-{group.slug}" if split.kind == "chronology" else f"{split.kind}-{group.slug}"
    body = nodes.section(ids=[ident], classes=["paper-group-page", f"paper-{split.kind}-page"])
    body += nodes.title(title, title)
    back = nodes.paragraph(classes=["paper-group-back"])
    back += nodes.reference(parent_title, f"← {parent_title}: all", refuri=app.builder.get_relative_uri(pagename, index_page), internal=True)
    body += back
    for node in split.body(app, view, group, pagename):
        if isinstance(node, nodes.section) and split.kind == "chronology":
            # The year's own section: its rows and count, under the page's title.
            body += node.children[1:]
            body["classes"].extend(node["classes"])
        else:
            body += node
    fragment = _render(cast("StandaloneHTMLBuilder", app.builder), body)

    def link(index: int) -> dict[str, str] | None:
        if not 0 <= index < len(groups):
            return None
        return {"link": app.builder.get_relative_uri(pagename, group_page(index_page, groups[index].slug)), "title": groups[index].label}

    return {"title": title, "body": fragment, "prev": link(position - 1), "next": link(position + 1), "display_toc": False, "toc": "", "sourcename": ""}
