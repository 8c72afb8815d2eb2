"""Papers grouped as the site lists them: by topic (tag) and by year.

One home for the grouping that the Topics and Chronology indexes, their
split pages (:mod:`papershelf.site.indexes.pages`), the .bib downloads
(:mod:`papershelf.site.exports.bibexport`) and the topic feeds
(:mod:`papershelf.site.exports.feeds`) all show: a topic or a year holds
the same papers, in the same order, under the same label, everywhere.
"""

from __future__ import annotations

import functools
import hashlib
import re
from itertools import groupby
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Iterable

    from papershelf.model.records import Paper
    from papershelf.shelf.view import ShelfView

#: the section id of the papers without a tag, listed last on the Topics index
UNTAGGED = "untagged-papers"


def tag_id(tag: str) -> str:
    """The id of a tag's section on the topics page (crossrefs.py links to it)."""
    return "topic-" + tag_slug(tag)


@functools.cache  # a shelf has a few dozen tags, asked for 18,000 times a build at 2,000 papers
def tag_slug(tag: str) -> str:
    """A tag as an id/class fragment: ``"Instruction tuning"`` -> ``instruction-tuning``."""
    if tag[:1].isdigit():  # make_id drops leading digits: "2D detection" and "3D detection" would share one id
        return short_slug(nodes.make_id("x" + tag)[1:])
    return short_slug(nodes.make_id(tag) or re.sub(r"\W+", "-", tag.lower()).strip("-") or "tag")


#: the longest name a generated page or file takes from a label (``topics/<slug>.html``, ``bib/topic-<slug>.bib``)
SLUG_LIMIT = 48


def short_slug(slug: str, limit: int = SLUG_LIMIT) -> str:
    """``slug`` when short, else cut at a hyphen and told apart by a digest of the whole (two long topics that
    begin alike stay two pages): every path the site writes stays under 100 bytes."""
    if len(slug.encode()) <= limit:
        return slug
    digest = hashlib.sha1(slug.encode()).hexdigest()[:6]
    head = slug.encode()[: limit - 7].decode("utf-8", "ignore")
    head = head.rsplit("-", 1)[0] if "-" in head[8:] else head
    return f"{head.rstrip('-')}-{digest}"


def year_label(paper: Paper) -> str:
    return str(paper.date.year) if paper.date else "undated"


def newest_first(papers: Iterable[Paper]) -> list[Paper]:
    """Dated papers newest first, then undated ones.

    Papers of the same date keep a stable order: by short name, then key
    (two stable sorts, so a tie never depends on file order).
    """
    by_name = sorted(papers, key=lambda p: (p.short_name.casefold(), p.key))
    dated = sorted((p for p in by_name if p.date), key=lambda p: p.date.sort_key if p.date else (0, 0, 0), reverse=True)
    return dated + [p for p in by_name if p.date is None]


def topic_groups(view: ShelfView) -> list[tuple[str, str, list[Paper]]]:
    """(section id, label, papers newest first) per tag, alphabetical; "Untagged" (:data:`UNTAGGED`) last.

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
        groups.append((UNTAGGED, "Untagged", untagged))
    return groups


def year_groups(view: ShelfView) -> list[tuple[str, list[Paper]]]:
    """(label, papers newest first) per year, newest year first, "undated" last."""
    return [(label, list(group)) for label, group in groupby(newest_first(view.papers.values()), key=year_label)]
