"""HTML output: papershelf's links leaving the site carry ``rel="noopener"``; abstracts fold;
nodes papershelf made carry the extra HTML attributes it gave them (:data:`ATTRS`).

docutils has no attribute for ``rel`` or ``data-*``, so the site's HTML
translator (furo's, Sphinx's, or whatever the project set) is wrapped once per
build. Only nodes papershelf made (references marked ``noopener=True``, nodes
holding :data:`ATTRS`) change: the rest of the project's HTML stays exactly as
its other extensions write it. Attribute values go through docutils'
``starttag``, which escapes them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: node attribute: ``{name: value}`` added to the node's start tag (``data-pagefind-body``, ``hidden``)
ATTRS = "papershelf_attrs"


def set_attrs(node: nodes.Element, attrs: dict[str, str]) -> nodes.Element:
    """Give ``node`` extra HTML attributes (merged with those it has); returns it."""
    node[ATTRS] = {**node.get(ATTRS, {}), **attrs}
    return node


class _ExternalLinks:
    body: list[str]

    def starttag(self, node: nodes.Element, tagname: str, suffix: str = "\n", empty: bool = False, **attributes: Any) -> str:
        extra = node.get(ATTRS) if isinstance(node, nodes.Element) else None
        if extra:
            attributes = {**extra, **attributes}
        return super().starttag(node, tagname, suffix, empty, **attributes)  # type: ignore[misc]

    def visit_reference(self, node: nodes.reference) -> None:
        super().visit_reference(node)  # type: ignore[misc]
        uri = node.get("refuri", "")
        if node.get("noopener") and uri.startswith(("http://", "https://")) and self.body[-1].startswith("<a "):
            self.body[-1] = '<a rel="noopener" ' + self.body[-1][3:]


def on_builder_inited(app: Sphinx) -> None:
    builder = app.builder
    if builder.format != "html":
        return
    base: Any = app.registry.get_translator_class(builder) or builder.default_translator_class
    if base is None or issubclass(base, _ExternalLinks):
        return
    app.set_translator(builder.name, type("ShelfHTMLTranslator", (_ExternalLinks, base), {}), override=True)


def visit_abstract_html(self: Any, node: nodes.Element) -> None:
    # Folded like al-folio's "Abs" button; the text inside stays in the search index.
    self.body.append('<details class="paper-abstract"><summary>Abstract</summary>\n')


def visit_search_data_html(self: Any, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "div", classes=["paper-search-data"]))


def depart_search_data_html(self: Any, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def skip(self: Any, node: nodes.Element) -> None:
    """Other builders leave the node out."""
    raise nodes.SkipNode


def depart_abstract_html(self: Any, node: nodes.Element) -> None:
    self.body.append("</details>\n")


def visit_abstract_other(self: Any, node: nodes.Element) -> None:
    """Other builders show the abstract's paragraph as it is."""


def depart_abstract_other(self: Any, node: nodes.Element) -> None:
    """Nothing to close."""
