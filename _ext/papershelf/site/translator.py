"""HTML output: papershelf's links leaving the site carry ``rel="noopener"``; abstracts fold.

docutils has no attribute for ``rel``, so the site's HTML translator (furo's,
Sphinx's, or whatever the project set) is wrapped once per build. Only
references papershelf made (marked ``noopener=True``) change: the rest of the
project's HTML stays exactly as its other extensions write it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


class _ExternalLinks:
    body: list[str]

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


def depart_abstract_html(self: Any, node: nodes.Element) -> None:
    self.body.append("</details>\n")


def visit_abstract_other(self: Any, node: nodes.Element) -> None:
    """Other builders show the abstract's paragraph as it is."""


def depart_abstract_other(self: Any, node: nodes.Element) -> None:
    """Nothing to close."""
