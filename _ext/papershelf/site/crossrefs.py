"""Write time: fill the placeholders that show other pages.

``doctree-resolved`` runs for each page written; every lookup here is into the
:class:`~papershelf.shelf.view.ShelfView` computed once per build, so a page's cost
does not grow with the number of papers.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from docutils import nodes

from papershelf.model.settings import of_config
from papershelf.site.domain import paper_domain
from papershelf.site.grouping import tag_id
from papershelf.site.indexes import pages
from papershelf.site.nodes import paper_crossrefs, paper_index, refnode
from papershelf.site.shelfgraph import graph_fields

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from papershelf.model.records import Paper
    from papershelf.shelf.view import ShelfView


def paper_link(builder: Builder, fromdocname: str, paper: Paper) -> nodes.Node:
    text = nodes.inline(paper.label, paper.label, classes=["paper-ref"])
    return refnode(builder, fromdocname, paper.docname, "", text, paper.title)


def doc_link(app: Sphinx, fromdocname: str, docname: str) -> nodes.Node:
    title = app.env.titles.get(docname)
    text = title.astext() if title is not None else docname
    return refnode(app.builder, fromdocname, docname, "", nodes.inline(text, text), text)


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    domain = paper_domain(app.env)
    view = domain.view
    for crossref in list(doctree.findall(paper_crossrefs)):
        crossref.replace_self(render_crossrefs(app, view, crossref["key"], docname) if view else [])
    for index in list(doctree.findall(paper_index)):
        index.replace_self(pages.render(app, view, index, docname) if view else [])


def render_crossrefs(app: Sphinx, view: ShelfView, key: str, docname: str) -> list[nodes.Node]:
    paper = view.papers.get(key)
    if paper is None or paper.docname != docname:
        return []
    fields = nodes.field_list(classes=["paper-crossrefs"])
    grouped: dict[str, list[Paper]] = {}
    kinds = of_config(app.config).relations
    for relation in paper.relations:
        target = view.papers.get(relation.target)
        if target is not None:
            grouped.setdefault(kinds.get(relation.kind, (relation.kind, relation.kind))[0], []).append(target)
    for kind, source in view.inverse.get(key, []):
        grouped.setdefault(kinds.get(kind, (kind, kind))[1], []).append(view.papers[source])
    for label, papers in grouped.items():
        fields += _field(label, [paper_link(app.builder, docname, p) for p in papers])
    if paper.tags:
        topics = view.index_pages.get("topics")
        items: list[nodes.Node] = []
        for tag in paper.tags:
            if topics:
                items.append(refnode(app.builder, docname, topics, tag_id(tag), nodes.inline(tag, tag), tag))
            else:
                items.append(nodes.inline(tag, tag))
        fields += _field("Topics", items)
    fields.extend(graph_fields(app, view, key, docname, lambda p: paper_link(app.builder, docname, p), _field))
    citing = view.cited_in.get(key, [])
    if citing:
        fields += _field("Cited in", [doc_link(app, docname, d) for d in citing])
    return [fields] if len(fields) else []


def _field(label: str, items: list[nodes.Node]) -> nodes.field:
    body = nodes.paragraph()
    for index, item in enumerate(items):
        if index:
            body += nodes.Text(", ")
        body += item
    return nodes.field("", nodes.field_name(label, label), nodes.field_body("", body))


def on_html_page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None) -> None:
    """Previous/next links of paper pages follow the chronology."""
    view = paper_domain(app.env).view
    if view is None:
        return
    key = view.keys_by_doc.get(pagename)
    if key is None:
        return
    before, after = view.neighbours(key)
    context["prev"] = _relation_link(app, pagename, before)
    context["next"] = _relation_link(app, pagename, after)


def _relation_link(app: Sphinx, pagename: str, paper: Paper | None) -> dict[str, str] | None:
    if paper is None:
        return None
    # Theme templates print this title without escaping it.
    title = html.escape(paper.display_title)
    return {"link": app.builder.get_relative_uri(pagename, paper.docname), "title": title}
