"""Placeholder nodes: stored in doctrees at read time, filled at write time.

Only the parts of a page that depend on other pages are placeholders; they
are replaced in ``doctree-resolved`` from data computed once per build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.builders import Builder


class paper_crossrefs(nodes.General, nodes.Element):
    """Relations, topics and "Cited in" of the paper ``key``."""


class paper_abstract(nodes.General, nodes.Element):
    """A paper's abstract: folded (``<details>``) in HTML, a plain paragraph elsewhere."""


class paper_index(nodes.General, nodes.Element):
    """A generated index of kind ``kind`` (chronology, topics, ...)."""


class paper_search_data(nodes.General, nodes.Element):
    """What only a search index reads (a hidden ``<div>`` in HTML, nothing elsewhere):
    result title, filters and weighted keywords (see :mod:`papershelf.site.search`)."""


def refnode(builder: Builder, fromdocname: str, todocname: str, targetid: str, child: nodes.Node, title: str = "") -> nodes.reference:
    """What :func:`sphinx.util.nodes.make_refnode` makes, with the relative URI remembered per
    (folder of the page written, target): an index or a paper page links tens of papers, and
    working out each relative path again cost more than the rest of the link (profiled at 2,000 papers)."""
    node = nodes.reference("", "", internal=True)
    if fromdocname == todocname and targetid:
        node["refid"] = targetid
    else:
        uri = _relative_uri(builder, fromdocname, todocname)
        node["refuri"] = f"{uri}#{targetid}" if targetid else uri
    if title:
        node["reftitle"] = title
    node += child
    return node


def _relative_uri(builder: Builder, fromdocname: str, todocname: str) -> str:
    cache: dict[tuple[str, str], str] = builder.__dict__.setdefault("_papershelf_relative_uris", {})
    targets: dict[str, str] = builder.__dict__.setdefault("_papershelf_target_uris", {})
    base = targets.get(fromdocname) or targets.setdefault(fromdocname, builder.get_target_uri(fromdocname))
    target = targets.get(todocname) or targets.setdefault(todocname, builder.get_target_uri(todocname))
    if base == target:  # a page's link to itself: Sphinx's own rule
        return builder.get_relative_uri(fromdocname, todocname)
    # relative_uri() depends on the base's folder alone once the two differ
    key = (base.rpartition("/")[0], todocname)
    found = cache.get(key)
    if found is None:
        found = cache[key] = builder.get_relative_uri(fromdocname, todocname)
    return found
