"""Markup: the ``{paper}`` role and the ``paper-index`` / ``paper-schema`` directives."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective, SphinxRole

from papershelf.model.problems import Code
from papershelf.model.settings import of_config
from papershelf.shelf.schema import fields
from papershelf.site.domain import paper_domain
from papershelf.site.header import table, text_cell
from papershelf.site.indexes.kinds import KINDS
from papershelf.site.nodes import paper_index


class PaperRole(SphinxRole):
    """``{paper}`key``` -> the paper's short name, linked to its page."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        key = self.text.strip()
        node = addnodes.pending_xref(self.rawtext, refdomain="paper", reftype="paper", reftarget=key, refexplicit=False, refwarn=True)
        node += nodes.inline(key, key, classes=["xref", "paper"])
        self.set_source_info(node)
        paper_domain(self.env).note_mention(self.env.docname, key, self.lineno)
        return [node], []


class PaperIndexDirective(SphinxDirective):
    """Insert a generated index of the shelf: ``{paper-index} chronology``."""

    required_arguments = 1
    option_spec: ClassVar = {}

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0].strip()
        if kind not in KINDS:
            raise self.error(f"unknown index {kind!r}; choose one of: {', '.join(sorted(KINDS))}")
        paper_domain(self.env).note_index(self.env.docname, kind)
        if kind != "summary":
            # A page listing the whole shelf would match every search (and cost
            # O(N) to index on each rewrite); each paper's own page is indexed.
            self.env.metadata[self.env.docname]["nosearch"] = True
        node = paper_index(kind=kind)
        self.set_source_info(node)
        return [node]


class PaperSchemaDirective(SphinxDirective):
    """Document the front matter schema and the problem codes, from the code."""

    option_spec: ClassVar = {"codes": directives.flag}

    def run(self) -> list[nodes.Node]:
        if "codes" in self.options:
            rows = [[_literal_cell(code.slug), text_cell(code.doc)] for code in Code]
            return [table(["Code", "Meaning and fix"], rows, ["paper-schema-codes"])]
        rows = [[_literal_cell(f.name), text_cell("yes" if f.required else ""), text_cell(f.type), text_cell(f.doc), _literal_cell(f.example)]
                for f in fields(of_config(self.config))]
        return [table(["Key", "Required", "Type", "Meaning", "Example"], rows, ["paper-schema"])]


def _literal_cell(text: str) -> nodes.paragraph:
    cell = nodes.paragraph()
    cell += nodes.literal(text, text)
    return cell
