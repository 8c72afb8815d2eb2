"""A paper page's place in the shelf's citation graph.

- :func:`graph_fields` (write time, from the once-per-build
  :class:`~papershelf.shelf.citegraph.CiteGraph`): "On this shelf: cites",
  "On this shelf: cited by" and "Related on this shelf" (top five).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

    from papershelf.model.records import Paper
    from papershelf.shelf.view import ShelfView

#: most papers a "cites" or "cited by" field links; the rest is counted
SHOWN = 50


def graph_fields(app: Sphinx, view: ShelfView, key: str, docname: str, link: Callable[[Paper], nodes.Node],
                 field: Callable[[str, list[nodes.Node]], nodes.field]) -> list[nodes.field]:
    graph = view.graph
    result = []
    for label, keys in (("On this shelf: cites", graph.cites.get(key, ())), ("On this shelf: cited by", graph.cited_by.get(key, ())),
                        ("Related on this shelf", graph.related.get(key, ()))):
        papers = [view.papers[k] for k in keys if k in view.papers]
        if not papers:
            continue
        if label != "Related on this shelf":  # related: best first
            papers.sort(key=lambda p: (p.short_name.casefold(), p.key))
        items = [link(p) for p in papers[:SHOWN]]
        if len(papers) > SHOWN:
            items.append(nodes.Text(f"and {len(papers) - SHOWN} more"))
        result.append(field(label, items))
    return result


def graph_shown(view: ShelfView, key: str) -> tuple[object, ...]:
    """What :func:`graph_fields` shows of other papers, for the page's fingerprint."""
    graph = view.graph

    def name(other: str) -> tuple[str, ...]:
        paper = view.papers.get(other)
        return (other, paper.short_name, paper.title, paper.docname) if paper else (other,)

    return tuple(tuple(name(k) for k in keys) for keys in (graph.cites.get(key, ()), graph.cited_by.get(key, ()), graph.related.get(key, ())))
