"""The ``topics`` index: one section per tag (ids from :func:`~papershelf.site.grouping.tag_id`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from papershelf.site.grouping import UNTAGGED, topic_groups
from papershelf.site.header import human_date
from papershelf.site.indexes.base import IndexKind, empty, link_shown, named_item, section

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx

    from papershelf.model.records import Paper
    from papershelf.shelf.view import ShelfView


def topic_list(app: Sphinx, papers: Sequence[Paper], docname: str) -> list[nodes.Node]:
    items = nodes.bullet_list(classes=["paper-topic-papers"])
    for p in papers:
        items += nodes.list_item("", named_item(app, docname, p, human_date(p.date.iso()) if p.date else "undated"))
    return [items]


def render_topics(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """One section per tag (alphabetical, :func:`~papershelf.site.grouping.topic_groups`), papers newest first in each."""
    groups = topic_groups(view)
    tagged = [(ident, label, papers) for ident, label, papers in groups if ident != UNTAGGED]
    jump = nodes.paragraph(classes=["paper-topic-list"])
    for index, (ident, label, papers) in enumerate(tagged):
        if index:
            jump += nodes.Text(" · ")
        text = f"{label} ({len(papers)})"
        jump += nodes.reference(text, text, refid=ident, internal=True)
    result: list[nodes.Node] = [jump] if tagged else [empty("No paper has tags yet.")]
    for ident, label, papers in groups:
        topic = section(label, [ident], ["paper-topic"])
        topic.extend(topic_list(app, papers, docname))
        result.append(topic)
    return result


TOPICS = IndexKind("topics", render_topics, shown=lambda p: (*link_shown(p), p.date, p.tags), empty="No paper has tags yet.",
                   has_rows=lambda view, settings: any(p.tags for p in view.papers.values()))
