"""sphinxcontrib-bibtex's ``cite`` domain, with shelf-aware, linear resolution.

Three changes to sphinxcontrib-bibtex's domain:

* a cited key that belongs to a paper on the shelf links to that paper's page
  instead of its entry in the bibliography;
* citations are looked up in a dictionary built once per build, and pybtex's
  plain-text backend is created once: upstream scans every citation and calls
  ``find_plugin`` (an entry-point scan) for each reference, which makes
  citing pages cost O(references x entries);
* a parallel reader pickles the whole environment back for every chunk it
  reads, the parsed .bib included (pybtex objects, slow to unpickle); the
  parsed .bib is held outside the environment while pages are read;
* ``env_updated`` formats every entry of every bibliography on every build,
  a no-op rebuild included (about 8 ms an entry); it now runs only when the
  .bib files, a bibliography directive or the set of citations changed.
"""

from __future__ import annotations

import ast
import hashlib
from typing import TYPE_CHECKING, Any, cast

import docutils.nodes
from sphinx.util import logging
from sphinxcontrib.bibtex.citation_target import parse_citation_targets
from sphinxcontrib.bibtex.domain import BibtexDomain
from sphinxcontrib.bibtex.style.referencing import format_references
from sphinxcontrib.bibtex.style.template import SphinxReferenceInfo

from .citation import TEXT_BACKEND

if TYPE_CHECKING:
    from collections.abc import Iterable

    from pybtex.database import Entry
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinxcontrib.bibtex.bibfile import BibData
    from sphinxcontrib.bibtex.domain import Citation

    from .domain import PaperDomain

logger = logging.getLogger(__name__)


class ShelfBibtexDomain(BibtexDomain):
    """The ``cite`` domain of sphinxcontrib-bibtex, resolving onto paper pages."""

    _index: dict[str, Citation] | None = None
    _held_bibdata: BibData | None = None

    @property
    def bibdata(self) -> BibData:
        held = self._held_bibdata
        return held if held is not None else cast("BibData", self.data["bibdata"])

    def entry(self, key: str) -> Entry | None:
        """The parsed (pybtex) entry of ``key``, if the .bib has one."""
        return self.bibdata.data.entries.get(key)

    def hold_bibdata(self) -> None:
        """Keep the parsed .bib out of the pickles of parallel read chunks.

        Readers forked after this still see it (``bibdata`` reads the held
        copy); merging a chunk never used it. Restored in ``env_updated``.
        """
        if self._held_bibdata is None and "bibdata" in self.data:
            self._held_bibdata = self.data.pop("bibdata")

    def _restore_bibdata(self) -> None:
        if self._held_bibdata is not None:
            self.data["bibdata"] = self._held_bibdata
            self._held_bibdata = None

    def env_updated(self) -> Iterable[str]:
        self._restore_bibdata()
        self._index = None
        inputs = self._formatting_inputs()
        if self.data.get("papershelf_inputs") == inputs:
            return []  # the citations restored from the pickled environment still hold
        result = super().env_updated()
        self.data["papershelf_inputs"] = inputs
        return result

    def _formatting_inputs(self) -> str:
        """A digest of everything the formatted citations depend on."""
        files = sorted((str(path), info.mtime) for path, info in self.bibdata.bibfiles.items())
        bibliographies = sorted(
            (key, value.style, value.list_, value.enumtype, value.start, value.labelprefix,
             value.keyprefix, ast.dump(value.filter_), sorted(value.citation_nodes), value.keys)
            for key, value in self.bibliographies.items()
        )
        refs = sorted((ref.docname, [t.key for t in ref.targets]) for ref in self.citation_refs)
        config = self.env.config
        settings = (config.bibtex_default_style, config.bibtex_tooltips, config.bibtex_tooltips_style)
        return hashlib.sha1(repr((files, bibliographies, refs, settings)).encode()).hexdigest()

    def citation_index(self) -> dict[str, Citation]:
        """key -> first citation in a bibliography of list type "citation"."""
        if self._index is None:
            index: dict[str, Citation] = {}
            for cit in self.citations:
                if self.bibliographies[cit.bibliography_key].list_ == "citation":
                    index.setdefault(cit.key, cit)
            self._index = index
        return self._index

    def resolve_xref(  # type: ignore[override]
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: docutils.nodes.Element,
    ) -> docutils.nodes.Element:
        targets = {t.key: t for t in parse_citation_targets(target)}
        index = self.citation_index()
        papers = cast("PaperDomain", env.get_domain("paper")).papers
        references: list[Any] = []
        for key, cite_target in targets.items():
            citation = index.get(key)
            if citation is None:
                logger.warning('could not find bibtex key "%s"', key, location=node, type="bibtex", subtype="key_not_found")
                continue
            paper = papers.get(key)
            todocname, citation_id = (paper.docname, "") if paper else (citation.bibliography_key.docname, citation.citation_id)
            tooltip = citation.tooltip_entry.text.render(TEXT_BACKEND).replace("\\url ", "") if citation.tooltip_entry else None
            if paper is not None:
                tooltip = f"{paper.short_name}: {paper.title}" if not paper.title.startswith(paper.short_name) else paper.title
            references.append((
                citation.entry,
                citation.formatted_entry,
                SphinxReferenceInfo(builder=builder, fromdocname=fromdocname, todocname=todocname, citation_id=citation_id,
                                    title=tooltip, pre_text=cite_target.pre, post_text=cite_target.post),
            ))
        formatted = format_references(self.reference_style, typ, references)
        result = docutils.nodes.inline(rawsource=target, classes=["bibtex-citation"])
        result += formatted.render(self.backend)
        return result
