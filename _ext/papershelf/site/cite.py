"""sphinxcontrib-bibtex's ``cite`` domain, with shelf-aware, linear resolution.

Changes to sphinxcontrib-bibtex's domain, each keeping what its own test
suite promises (``tests/test_bibtex_peer.py`` runs that suite with papershelf
loaded):

* a cited key that belongs to a paper on the shelf links to that paper's page
  instead of its entry in the bibliography, even when no ``{bibliography}``
  holds it; a key of the .bib that no bibliography holds and no paper page
  has links to its entry on papershelf's References index
  (:mod:`papershelf.site.indexes.references`), where there is one. Only keys upstream
  could not resolve at all (it warns ``key_not_found``) take these routes;
* citations are looked up in a dictionary built once per build, and pybtex's
  plain-text backend is created once: upstream scans every citation and calls
  ``find_plugin`` (an entry-point scan) for each reference, which makes
  citing pages cost O(references x entries). The lookup keeps upstream's
  rules: a bibliography on the citing page wins, and keys come out in
  bibliography order;
* a parallel reader pickles the whole environment back for every chunk it
  reads, the parsed .bib and the formatted citations included (pybtex
  objects, slow to unpickle); they are held outside the environment while
  pages are read;
* a changed .bib is parsed again whole by upstream (0.3-0.4 s at 2,000
  entries); when only the text of some entries changed, in one file without
  ``@string`` or ``@preamble``, :meth:`ShelfBibtexDomain.refresh_entries`
  parses those entries alone into the stored data, which upstream then finds
  up to date;
* ``env_updated`` formats every entry of every bibliography on every build,
  a no-op rebuild included (about 8 ms an entry). The formatted citations
  are kept aside with a digest of everything formatting reads, and restored
  whole when that digest is unchanged: upstream's ``clear_doc`` prunes the
  live list for every re-read page, so the copy, not the live list, is the
  cache. When something did change (one .bib entry edited, say), each entry
  is formatted again only if its fields, its label or the style changed.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import logging as logging_module
import re
from logging import WARNING
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, cast

import docutils.nodes
import pybtex.plugin
from pybtex.database.input.bibtex import Parser
from pybtex.richtext import Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.template import FieldIsMissing
from sphinx.util import logging
from sphinxcontrib.bibtex.bibfile import BibFile, _make_ids, get_mtime
from sphinxcontrib.bibtex.citation_target import parse_citation_targets
from sphinxcontrib.bibtex.directives import BibliographyDirective
from sphinxcontrib.bibtex.domain import BibtexDomain, Citation, get_docnames
from sphinxcontrib.bibtex.style.referencing import format_references
from sphinxcontrib.bibtex.style.template import SphinxReferenceInfo

from papershelf.formats.citation import TEXT_BACKEND, format_reference
from papershelf.site import entrystore
from papershelf.site.domain import paper_domain
from papershelf.site.entrystore import EntryReader, StoredEntries
from papershelf.site.indexes.references import entry_id, entry_pages


@functools.cache
def _style_class(name: str) -> type[BaseStyle]:
    """pybtex's style plugin, looked up once (``find_plugin`` scans every entry point)."""
    return cast("type[BaseStyle]", pybtex.plugin.find_plugin("pybtex.style.formatting", name))


def _style(name: str) -> BaseStyle:
    return _style_class(name)()

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from logging import LogRecord

    from pybtex.database import Entry
    from pybtex.style.formatting import BaseStyle
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinxcontrib.bibtex.bibfile import BibData
    from sphinxcontrib.bibtex.directives import BibliographyKey

    from papershelf.site.domain import PaperDomain

logger = logging.getLogger(__name__)


#: .bib text that can change entries other than its own (macros, preamble)
_MACROS = re.compile(r"^\s*@\s*(string|preamble)\s*[{(]", re.IGNORECASE | re.MULTILINE)

#: domain data that parallel readers neither read nor change
HELD_WHILE_READING = ("bibdata", "papershelf_formatted", "papershelf_entry_formats")


class ShelfBibtexDomain(BibtexDomain):
    """The ``cite`` domain of sphinxcontrib-bibtex, resolving onto paper pages."""

    _index: dict[str, list[tuple[int, Citation]]] | None = None
    #: (style, label, entry digest) -> formatted entry: of the last formatting, and of this one (set in env_updated)
    _formats_before: dict[tuple[str, str, str], FormattedEntry]
    _formats_now: dict[tuple[str, str, str], FormattedEntry]
    _held: dict[str, Any] | None = None  #: domain data kept out of parallel read chunks
    _entry_pages: dict[str, str] | None = None  #: key -> References page listing it, once per build
    #: how :func:`papershelf.site.domain.cite_domain` tells this domain from another extension's ``cite``
    papershelf_shelf_aware: ClassVar[bool] = True

    @property
    def bibdata(self) -> BibData:
        held = self._held
        return cast("BibData", held["bibdata"] if held is not None else self.data["bibdata"])

    _reader: EntryReader | None = None  #: entries read alone while the stored reading is not loaded

    def entry(self, key: str) -> Entry | None:
        """The parsed (pybtex) entry of ``key``, if the .bib has one.

        While the stored reading is not loaded (entrystore.py), one entry is
        read alone from its lines, so a page showing it loads no other.
        """
        data = self.bibdata.data
        index = paper_domain(self.env).bib_index
        if isinstance(data, StoredEntries) and not data.loaded and index is not None:
            if self._reader is None:
                self._reader = EntryReader()
            alone = self._reader.read(index, key)
            if alone is not False:
                return cast("Entry | None", alone)
        return data.entries.get(key)

    def store_entries(self) -> None:
        """pybtex's reading of a changed .bib goes to its own file, not into the environment pickle."""
        bibdata = self.data.get("bibdata")
        if bibdata is None or isinstance(bibdata.data, StoredEntries) or not bibdata.bibfiles:
            return
        path = Path(self.env.doctreedir) / entrystore.FILE
        self.data["bibdata"] = bibdata._replace(data=StoredEntries(bibdata.data, path, list(bibdata.bibfiles), bibdata.encoding))

    def refresh_entries(self, path: Path, encoding: str, texts: dict[str, str]) -> bool:
        """Parse only the edited entries (key -> new text) into the stored .bib data.

        Upstream re-parses the whole file whenever its mtime changes. Done
        here only where the result is the same as a full parse: one file,
        the same keys in the same order (``keys``, checked by the caller),
        no ``@string`` macros or ``@preamble`` that could reach other
        entries. Returns False (upstream then parses as usual) otherwise.
        """
        bibdata = self.bibdata
        if bibdata.encoding != encoding or list(bibdata.bibfiles) != [path] or not texts:
            return False
        if isinstance(bibdata.data, StoredEntries):  # changed below: stored again in env_updated
            bibdata = bibdata._replace(data=bibdata.data.load())
            self.data["bibdata"] = bibdata
        source = path.read_text(encoding=encoding)
        if _MACROS.search(source):
            return False
        parser = Parser(encoding)
        try:
            parsed = parser.parse_string("\n\n".join(texts.values()))
        except Exception:  # a syntax error: let upstream parse and report as it does
            return False
        if sorted(parsed.entries.keys()) != sorted(texts) or not all(key in bibdata.data.entries for key in texts):
            return False
        for key, entry in parsed.entries.items():
            bibdata.data.entries[key] = entry
        info = bibdata.bibfiles[path]
        bibdata.bibfiles[path] = BibFile(mtime=get_mtime(path), keys=info.keys)
        return True

    def hold_for_parallel_read(self) -> None:
        """Keep the parsed .bib and the formatted citations out of the pickles of parallel read chunks.

        Each chunk sends the whole environment back, and pybtex objects are
        slow to pickle and unpickle (a one-entry .bib edit at 2,000 papers
        took 9.7 s with -j 3 against 5.1 s with -j 1). Readers forked after
        this still see the .bib (``bibdata`` reads the held copy); no reader
        uses the formatted citations, which ``env_updated`` restores or makes
        again.
        """
        if self._held is not None or "bibdata" not in self.data:
            return
        self._held = {name: self.data.pop(name) for name in HELD_WHILE_READING if name in self.data}
        self.data["citations"] = []

    def _restore_held(self) -> None:
        if self._held is not None:
            self.data.update(self._held)
            self._held = None

    def env_updated(self) -> Iterable[str]:
        self._restore_held()
        self.store_entries()
        self._index = None
        self._entry_pages = None
        inputs = self._formatting_inputs()
        kept = self.data.get("papershelf_formatted")
        if kept is not None and kept.inputs == inputs:
            self.data["citations"] = list(kept.citations)
            for warning in kept.warnings:  # a strict build fails again, as upstream's would
                logger.warning("%s", warning.message, location=warning.location, type=warning.type, subtype=warning.subtype)
            return []
        self._formats_before = self.data.get("papershelf_entry_formats", {})
        self._formats_now = {}
        with logging.pending_logging() as pending:  # flushed to the console on exit
            result = super().env_updated()
            warnings = tuple(KeptWarning.of(record) for record in pending.buffer if record.levelno >= WARNING)
        self.data["papershelf_formatted"] = FormattedCitations(inputs, tuple(self.citations), warnings)
        self.data["papershelf_entry_formats"] = self._formats_now
        return result

    def get_formatted_entries(
        self,
        bibliography_key: BibliographyKey,
        docnames: list[str],
        tooltips: bool,
        tooltips_style: str,
    ) -> Iterable[tuple[Entry, FormattedEntry, FormattedEntry | None]]:
        """Upstream's, but an entry is formatted again only when the entry, its label or the style changed."""
        bibliography = self.bibliographies[bibliography_key]
        entries = dict(self.get_sorted_entries(bibliography_key, docnames))
        style = _style(bibliography.style)
        tooltip_style_name = (tooltips_style or bibliography.style) if tooltips else ""
        tooltip_style = _style(tooltip_style_name) if tooltip_style_name else None
        sorted_entries = list(style.sort(entries.values()))
        labels = style.format_labels(sorted_entries)
        for label, entry in zip(labels, sorted_entries, strict=False):
            full_label = bibliography.labelprefix + label
            try:
                yield (
                    entry,
                    self._format(style, bibliography.style, full_label, entry),
                    self._format(tooltip_style, tooltip_style_name, full_label, entry) if tooltip_style else None,
                )
            except FieldIsMissing as exc:
                # papershelf reports it at the entry's line, on every build (bibrules.py)
                if not paper_domain(self.env).reported_missing_field(entry.key, exc.field_name):
                    logger.warning(str(exc), location=(bibliography_key.docname, bibliography.line), type="bibtex", subtype="missing_field")
                yield entry, FormattedEntry(entry.key, Tag("b", str(exc)), full_label), None

    def _format(self, style: BaseStyle, style_name: str, label: str, entry: Entry) -> FormattedEntry:
        key = (style_name, label, self._entry_digest(entry))
        formatted = self._formats_before.get(key) or self._formats_now.get(key)
        if formatted is None:
            formatted = style.format_entry(label, entry)
        self._formats_now[key] = formatted
        return formatted

    def _entry_digest(self, entry: Entry, depth: int = 0) -> str:
        """Everything pybtex's styles read of an entry: type, fields, persons, and what it crossrefs."""
        persons = [(role, [str(person) for person in people]) for role, people in entry.persons.items()]
        parent = self.bibdata.data.entries.get(entry.fields.get("crossref", "")) if depth < 3 else None
        parts = (entry.key, entry.type, list(entry.fields.items()), persons, self._entry_digest(parent, depth + 1) if parent else "")
        return hashlib.sha1(repr(parts).encode()).hexdigest()

    def _formatting_inputs(self) -> str:
        """A digest of everything upstream's ``env_updated`` reads, in its order."""
        bibdata = self.bibdata
        files = (bibdata.encoding, [(str(path), info.mtime, info.keys) for path, info in bibdata.bibfiles.items()])
        bibliographies = [
            (key, value.line, [str(path) for path in value.bibfiles], value.style, value.list_, value.enumtype,
             value.start, value.labelprefix, value.keyprefix, ast.dump(value.filter_),
             [(name, tuple(node["ids"])) for name, node in value.citation_nodes.items()], value.keys)
            for key, value in self.bibliographies.items()
        ]
        refs = [(ref.docname, [(t.key, t.pre, t.post) for t in ref.targets]) for ref in self.citation_refs]
        config = self.env.config
        settings = (config.bibtex_default_style, config.bibtex_tooltips, config.bibtex_tooltips_style)
        order = list(get_docnames(self.env))
        return hashlib.sha1(repr((files, bibliographies, refs, settings, order)).encode()).hexdigest()

    def citation_index(self) -> dict[str, list[tuple[int, Citation]]]:
        """key -> (position, citation) of each citation in a bibliography of list type "citation"."""
        if self._index is None:
            index: dict[str, list[tuple[int, Citation]]] = {}
            for position, cit in enumerate(self.citations):
                if self.bibliographies[cit.bibliography_key].list_ == "citation":
                    index.setdefault(cit.key, []).append((position, cit))
            self._index = index
        return self._index

    def _chosen_citations(self, keys: Iterable[str], fromdocname: str) -> list[Citation]:
        """Upstream's choice and order: the citing page's own bibliography first, then the first
        elsewhere; local citations before the others, each in bibliography order."""
        index = self.citation_index()
        chosen: list[tuple[bool, int, Citation]] = []
        for key in keys:
            found = index.get(key)
            if not found:
                continue
            local = next(((pos, cit) for pos, cit in found if cit.bibliography_key.docname == fromdocname), None)
            position, citation = local or found[0]
            chosen.append((local is None, position, citation))
        return [citation for _, _, citation in sorted(chosen, key=lambda item: item[:2])]

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
        citations = self._chosen_citations(targets, fromdocname)
        found = {citation.key for citation in citations}
        papers = paper_domain(env).papers
        loose: list[tuple[Entry, str, str]] = []  #: (entry, docname, id) of keys no bibliography holds
        for key in targets:
            if key in found:
                continue
            place = self._shelf_place(env, key)
            if place is None:
                # a key with no parsed entry is papershelf's to report on a shelf, on every build (findings.py)
                if not paper_domain(env).reported_citation(key):
                    logger.warning('could not find bibtex key "%s"', key, location=node, type="bibtex", subtype="key_not_found")
            else:
                loose.append(place)
        references: list[Any] = []
        for citation in citations:
            cite_target = targets[citation.key]
            paper = papers.get(citation.key)
            todocname, citation_id = (paper.docname, "") if paper else (citation.bibliography_key.docname, citation.citation_id)
            tooltip = citation.tooltip_entry.text.render(TEXT_BACKEND).replace("\\url ", "") if citation.tooltip_entry else None
            if paper is not None:
                tooltip = paper.display_title
            references.append((
                citation.entry,
                citation.formatted_entry,
                SphinxReferenceInfo(builder=builder, fromdocname=fromdocname, todocname=todocname, citation_id=citation_id,
                                    title=tooltip, pre_text=cite_target.pre, post_text=cite_target.post),
            ))
        for entry, todocname, citation_id in loose:
            paper = papers.get(entry.key)
            reference = format_reference(entry)
            title = paper.display_title if paper else reference.text()
            references.append((
                entry,
                FormattedEntry(entry.key, Text(reference.text()), _alpha_label(entry)),
                SphinxReferenceInfo(builder=builder, fromdocname=fromdocname, todocname=todocname, citation_id=citation_id,
                                    title=title, pre_text=targets[entry.key].pre, post_text=targets[entry.key].post),
            ))
        formatted = format_references(self.reference_style, typ, references)
        result = docutils.nodes.inline(rawsource=target, classes=["bibtex-citation"])
        result += formatted.render(self.backend)
        return result


    def _shelf_place(self, env: BuildEnvironment, key: str) -> tuple[Entry, str, str] | None:
        """(entry, page, id) for a key no bibliography holds: its paper page, else its References entry."""
        entry = self.entry(key)
        if entry is None:
            return None
        domain = paper_domain(env)
        paper = domain.papers.get(key)
        if paper is not None:
            return entry, paper.docname, ""
        view = domain.view
        if view is None:
            return None
        if self._entry_pages is None:
            self._entry_pages = entry_pages(env, view)
        page = self._entry_pages.get(key)
        if page is None:
            return None
        return entry, page, entry_id(key)


class _ReportedIds(logging_module.Filter):
    """Drops upstream's ``duplicate citation id`` warnings that papershelf reports at the .bib line."""

    def __init__(self, domain: PaperDomain) -> None:
        super().__init__()
        self.domain = domain

    def filter(self, record: LogRecord) -> bool:
        if getattr(record, "subtype", None) != "duplicate_id":
            return True
        identifier = record.getMessage().rsplit(" ", 1)[-1]
        return not self.domain.reported_citation_id(identifier)


class ShelfBibliographyDirective(BibliographyDirective):
    """sphinxcontrib-bibtex's ``bibliography``; a citation id clash papershelf reports is not warned again here.

    Upstream warns while the page is read, so a no-op build would not say it
    again; papershelf's bib-duplicate is located at the entry and said on
    every build.
    """

    def run(self) -> Sequence[docutils.nodes.Node]:
        env = self.state.document.settings.env
        quiet = _ReportedIds(paper_domain(env))
        upstream = logging_module.getLogger("sphinx." + _make_ids.__module__)
        upstream.addFilter(quiet)
        try:
            return super().run()
        finally:
            upstream.removeFilter(quiet)


@functools.cache
def _label_style() -> Any:
    return pybtex.plugin.find_plugin("pybtex.style.labels", "alpha")()


def _alpha_label(entry: Entry) -> str:
    """A label ("LLW+23") for a citation that no bibliography numbered: label styles show it."""
    try:
        return next(iter(_label_style().format_labels([entry])))
    except Exception:  # a label style failing on odd names must not stop the build
        return entry.key


class KeptWarning(NamedTuple):
    """A warning of upstream's ``env_updated``, replayed while its citations are reused."""

    message: str
    location: Any  #: (docname, line) as upstream gives it
    type: str | None
    subtype: str | None

    @classmethod
    def of(cls, record: LogRecord) -> KeptWarning:
        location = getattr(record, "location", None)
        return cls(record.getMessage(), location if isinstance(location, (str, tuple)) else None,
                   getattr(record, "type", None), getattr(record, "subtype", None))


class FormattedCitations(NamedTuple):
    """The formatted citations of the last build that formatted them, and what they came from."""

    inputs: str  #: digest of ``ShelfBibtexDomain._formatting_inputs``
    citations: tuple[Citation, ...]  #: the full list, whatever ``clear_doc`` has pruned since
    warnings: tuple[KeptWarning, ...]

