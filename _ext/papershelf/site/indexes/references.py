"""The References index: every .bib entry, listed by papershelf itself.

sphinxcontrib-bibtex's ``{bibliography}`` with ``:all:`` puts every entry on
one page (551 kB at 1,000 papers) and formats the whole bibliography again
whenever one entry changes. This index lists the entries in author order,
each formatted by :mod:`papershelf.formats.citation` (as on its paper page), so an
edited entry costs one entry; :mod:`papershelf.site.indexes.pages` splits the list into
one page per first-author letter above ``papershelf_split_above`` entries,
and a letter holding more than :data:`PAGE_ENTRIES` entries into runs of
first-author names ("Li-Lin").

Each entry carries the id :func:`entry_id`; cite.py links a citation of an
entry that no ``{bibliography}`` holds to the paper's own page, or, for an
entry without a paper page, to that id on the page listing it
(:func:`entry_page`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING

from docutils import nodes

from papershelf.formats import citation
from papershelf.shelf.view import digest
from papershelf.site.domain import cite_domain
from papershelf.site.entrystore import StoredEntries
from papershelf.site.grouping import short_slug
from papershelf.site.indexes.base import IndexKind, group_page
from papershelf.site.nodes import refnode

if TYPE_CHECKING:
    from pybtex.database import Entry
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from papershelf.shelf.view import ShelfView

#: entries on one page of a split References index, at most (a single first
#: author with more entries than this gets pages of this many)
PAGE_ENTRIES = 200


@dataclass(frozen=True)
class Item:
    """One .bib entry, where the References index sorts it."""

    key: str
    author: str  #: the first author's last name as shown ("Müller"); else the title
    sort: tuple[str, str, str, str]  #: (folded author, year, folded title, key)

    @property
    def letter(self) -> str:
        first = self.sort[0][:1].upper()
        return first if "A" <= first <= "Z" else "#"


@dataclass(frozen=True)
class RefGroup:
    """One page (or, unsplit, one section) of the References index."""

    slug: str
    label: str  #: "L", or "Li-Lin" for part of a letter
    items: tuple[Item, ...]


def _fold(text: str) -> str:
    """Accents off and case folded, so "Özdemir" sorts with the O's."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def item_of(key: str, entry: Entry) -> Item:
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    title = citation.plain(entry.fields.get("title", ""))
    author = ""
    if people:
        first = people[0]
        author = citation.plain(" ".join(first.last_names)) or citation.plain(" ".join(first.first_names))
    shown = author or title or key
    year = citation.plain(entry.fields.get("year", ""))
    return Item(key, shown, (_fold(shown).lstrip("\"'({[ "), year, _fold(title), key))


def items(env: BuildEnvironment) -> list[Item]:
    """Every entry of the project's .bib files, in author order (none without a ``cite`` domain).

    Kept with the reading they were made from (entrystore.py), so a build
    whose .bib did not change loads no entry to list them.
    """
    cite = cite_domain(env)
    if cite is None:
        return []
    data = cite.bibdata.data
    token = data.token if isinstance(data, StoredEntries) else None
    kept_token, kept = cite.data.get("papershelf_reference_items", (None, []))
    if token is not None and kept_token == token:
        return kept
    result = sorted((item_of(key, entry) for key, entry in data.entries.items()), key=lambda i: i.sort)
    if token is not None:
        cite.data["papershelf_reference_items"] = (token, result)
    return result


def groups(entries: list[Item], split: bool) -> list[RefGroup]:
    """One group per first letter; split, a letter over :data:`PAGE_ENTRIES` becomes runs of names."""
    result: list[RefGroup] = []
    for letter, members in groupby(entries, key=lambda i: i.letter):
        slug = "other" if letter == "#" else letter.lower()
        in_letter = list(members)
        if not split or len(in_letter) <= PAGE_ENTRIES:
            result.append(RefGroup(slug, letter, tuple(in_letter)))
            continue
        # Consecutive first authors packed up to the limit; a name never
        # straddles two pages unless it alone holds more than the limit.
        pages: list[list[Item]] = []
        for _, same in groupby(in_letter, key=lambda i: i.sort[0]):
            run = list(same)
            if pages and len(pages[-1]) + len(run) <= PAGE_ENTRIES:
                pages[-1].extend(run)
                continue
            pages.extend(run[start:start + PAGE_ENTRIES] for start in range(0, len(run), PAGE_ENTRIES))
        seen: dict[str, int] = {}
        for page in pages:
            first, last = page[0].author, page[-1].author
            base = f"{slug}-{short_slug(nodes.make_id(page[0].sort[0]) or 'x')}"  # an author's name, or a long title
            seen[base] = seen.get(base, 0) + 1
            label = first if _fold(first) == _fold(last) else f"{first}\N{EN DASH}{last}"
            result.append(RefGroup(base if seen[base] == 1 else f"{base}-{seen[base]}", label, tuple(page)))
    return result


def entry_id(key: str) -> str:
    """The id of an entry on the References index (citations of entries without a paper page land here)."""
    return "ref-" + (nodes.make_id(key) or "entry")


def entry_pages(env: BuildEnvironment, view: ShelfView) -> dict[str, str]:
    """key -> the page listing its entry; empty without a References index."""
    index_page = view.index_pages.get("references")
    if index_page is None:
        return {}
    split = is_split(env)
    return {item.key: group_page(index_page, group.slug) if split else index_page for group in groups(items(env), split) for item in group.items}


def render_list(app: Sphinx, view: ShelfView, group_items: tuple[Item, ...], docname: str) -> nodes.bullet_list:
    """The entries of one group, each formatted as on its paper page, linked to that page."""
    cite = cite_domain(app.env)
    result = nodes.bullet_list(classes=["paper-references"])
    for item in group_items:
        entry = cite.entry(item.key) if cite is not None else None
        para = nodes.paragraph()
        paper = view.papers.get(item.key)
        if paper is not None:
            para += refnode(app.builder, docname, paper.docname, "", nodes.inline(paper.label, paper.label, classes=["paper-ref"]), paper.title)
            para += nodes.Text(" — ")
        if entry is not None:
            para.extend(reference_nodes(citation.format_reference(entry)))
        result += nodes.list_item("", para, ids=[entry_id(item.key)], classes=["paper-reference-entry"])
    return result


def reference_nodes(ref: citation.Reference) -> list[nodes.Node]:
    """``Authors (Year). Title. arXiv:ID. URL`` with the id and URL as links, no URL twice."""
    head = ref.lead()  # an entry without authors starts with its title (citation.Reference.lead)
    result: list[nodes.Node] = [nodes.Text(f"{head} {ref.body_title}" if ref.body_title else head)]
    if ref.arxiv and ref.venue == "arXiv":
        result += [nodes.Text(" "), nodes.reference(f"arXiv:{ref.arxiv}", f"arXiv:{ref.arxiv}", refuri=ref.arxiv_url, noopener=True), nodes.Text(".")]
    elif ref.venue:
        result.append(nodes.Text(f" {citation.sentence(ref.venue)}"))
    # The URL is left out when it is the arXiv page already linked.
    if ref.url and not (ref.arxiv and "arxiv.org/" in ref.url):
        result += [nodes.Text(" "), nodes.reference(ref.url, ref.url, refuri=ref.url, noopener=True)]
    return result


def render_references(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """Every entry on one page: a section per first-author letter (the unsplit index)."""
    found = groups(items(app.env), split=False)
    if not found:
        return [nodes.paragraph("", "No BibTeX entries yet.", classes=["paper-index-empty"])]
    jump = nodes.paragraph(classes=["paper-reference-letters"])
    result: list[nodes.Node] = [jump]
    for position, group in enumerate(found):
        if position:
            jump += nodes.Text(" · ")
        ident = f"references-{group.slug}"
        jump += nodes.reference(group.label, group.label, refid=ident, internal=True)
        section = nodes.section(ids=[ident], classes=["paper-reference-letter"])
        section += nodes.title(group.label, group.label)
        section += render_list(app, view, group.items, docname)
        result.append(section)
    return result


def entry_count(env: BuildEnvironment) -> int:
    """The number of entries, from the files' key lists (which loads no entry)."""
    cite = cite_domain(env)
    return sum(len(info.keys) for info in cite.bibdata.bibfiles.values()) if cite is not None else 0


def shown(view: ShelfView, key: str, bib_digests: dict[str, str]) -> tuple[object, ...]:
    """What a References page shows of one entry: its text (by digest) and its paper's link."""
    paper = view.papers.get(key)
    return (key, bib_digests.get(key, ""), (paper.short_name, paper.title, paper.docname) if paper else None)


def is_split(env: BuildEnvironment) -> bool:
    """Whether the References index is an overview plus one page per group (pages.py)."""
    return entry_count(env) > env.config.papershelf_split_above


def content_digest(env: BuildEnvironment, view: ShelfView, bib_digests: dict[str, str]) -> str:
    """What the References index page shows: the groups (split), else every entry."""
    split = is_split(env)
    rows = [
        (g.slug, g.label, len(g.items), list(dict.fromkeys(i.author for i in g.items))[:3]) if split
        else (g.slug, g.label, [shown(view, i.key, bib_digests) for i in g.items])
        for g in groups(items(env), split)
    ]
    return digest(repr((rows, sorted(view.index_pages.items()))))


REFERENCES = IndexKind("references", render_references, empty="No BibTeX entries yet.", digest=content_digest)
