"""Placeholder nodes: stored in doctrees at read time, filled at write time.

Only the parts of a page that depend on other pages are placeholders; they
are replaced in ``doctree-resolved`` from data computed once per build.
"""

from __future__ import annotations

from docutils import nodes


class paper_crossrefs(nodes.General, nodes.Element):
    """Relations, topics and "Cited in" of the paper ``key``."""


class paper_abstract(nodes.General, nodes.Element):
    """A paper's abstract: folded (``<details>``) in HTML, a plain paragraph elsewhere."""


class paper_index(nodes.General, nodes.Element):
    """A generated index of kind ``kind`` (chronology, topics, ...)."""


class paper_search_data(nodes.General, nodes.Element):
    """What only a search index reads (a hidden ``<div>`` in HTML, nothing elsewhere):
    result title, filters and weighted keywords (see :mod:`papershelf.site.search`)."""
