"""The ``paper`` domain: every paper record, keyed by BibTeX key.

It holds what pages say about themselves (filled while reading, one page at a
time) and the cross-document view computed once per build (shelf.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.errors import ExtensionError

from papershelf.formats.bibfile import BibIndex
from papershelf.site.nodes import refnode

if TYPE_CHECKING:
    from collections.abc import Iterable, Set

    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from papershelf.formats.bibfile import BibScan
    from papershelf.model.records import BibEntry, Paper
    from papershelf.shelf.view import ShelfView
    from papershelf.site.cite import ShelfBibtexDomain


class PaperDomain(Domain):
    """Papers on the shelf, and the ``{paper}`` cross-reference role."""

    name = "paper"
    label = "Papers"
    object_types = {"paper": ObjType("paper", "paper")}
    data_version = 18  # records moved into layer packages (issue 20); findings are Problems; short topic ids; papers hold metrics, cites and people (issue 24)
    initial_data = {
        "pages": {},  # docname -> Paper its front matter describes
        "mentions": {},  # docname -> {key: line} of {paper} roles on that page
        "index_docs": {},  # docname -> kinds of generated indexes the page holds
        "bib_index": None,  # BibIndex: line and digest of every .bib entry
        "bib_edited": set(),  # keys whose entry text changed, until pages are marked outdated
        "fingerprints": {},  # docname -> digest of the cross-document content it shows
        "findings": {},  # docname -> [(code, message, line)] raised while reading it (see findings.py)
        "bib_problems": [],  # problems of the last .bib scan, warned again on every build until fixed
        "bib_declared": set(),  # keys of every .bib entry opener, entries that do not parse included
        "bib_quiet_fields": {},  # key -> fields the style needs and the entry lacks (papershelf reports them)
        "bib_quiet_ids": {},  # citation id -> key of the entry papershelf reports as giving it a second time
        "citations": {},  # docname -> [(key, line)] of its {cite} roles, for unknown-citation on every build
        # a new random value whenever a build read, removed or rescanned anything: work that
        # depends on the shelf alone (cross-page fingerprints, findings, index pages, feeds) is
        # skipped while it stays the same (see sync.on_env_updated)
        "generation": "",
        "link_findings": ("", "", []),  # (generation, digest of its inputs, [(code, message, docname, line)]) of the last link check
    }
    # Per-process state, never pickled with the environment (a parallel
    # reader pickles the whole environment for every chunk it returns):
    _scan: BibScan | None = None  #: the full .bib scan, entry texts included
    _view: ShelfView | None = None  #: recomputed once per build in env-updated
    reading: set[str] = set()  #: pages read in this build (set per build, never shared between builds)
    cleared: bool = False  #: a page was cleared (changed or removed) in this build
    unchanged: bool = False  #: nothing the shelf is made of changed since the last build (sync.on_env_updated)
    # an unknown {paper} key is warned about in env-updated, on every build (findings.py)

    @property
    def pages(self) -> dict[str, Paper]:
        return self.data["pages"]

    @property
    def mentions(self) -> dict[str, dict[str, int]]:
        return self.data["mentions"]

    @property
    def index_docs(self) -> dict[str, set[str]]:
        return self.data["index_docs"]

    @property
    def bib_index(self) -> BibIndex | None:
        return self.data["bib_index"]

    def set_scan(self, scan: BibScan, files: tuple[str, ...], encoding: str = "utf-8-sig") -> None:
        self._scan = scan
        self.data["bib_index"] = BibIndex.of(scan, files, encoding)

    def bib_entry(self, key: str) -> BibEntry | None:
        """A .bib entry with its text: from this build's scan, or read alone."""
        if self._scan is not None:
            return self._scan.entries.get(key)
        return self.bib_index.read_entry(key) if self.bib_index is not None else None

    @property
    def view(self) -> ShelfView | None:
        return self._view

    @view.setter
    def view(self, view: ShelfView) -> None:
        self._view = view

    @property
    def papers(self) -> dict[str, Paper]:
        """Papers by key, as of the last consistency pass (duplicates resolved)."""
        view = self.view
        return view.papers if view is not None else {}

    # -- upstream warnings papershelf reports itself (at the .bib line, on every build) ------

    def checks_every_entry(self) -> bool:
        """Whether every .bib entry is a shelf paper's (``papershelf_bib_checks``).

        In a project that only cites, a .bib entry without a paper page is
        normal, and its missing year is the project's own business.
        """
        asked = self.env.config.papershelf_bib_checks
        if asked is not None:
            return bool(asked)
        return (Path(self.env.srcdir) / self.env.config.papershelf_papers_dir).is_dir()

    def reports_entry(self, key: str) -> bool:
        """Whether papershelf warns about the .bib entry ``key`` (all of them on a shelf, else the papers')."""
        return self.checks_every_entry() or any(paper.key == key for paper in self.pages.values())

    def reported_missing_field(self, key: str, field: str) -> bool:
        """sphinxcontrib-bibtex's ``missing_field`` for this entry and field is papershelf's bib-missing-field (or bib-no-year)."""
        return field.lower() in self.data["bib_quiet_fields"].get(key, ()) and self.reports_entry(key)

    def reported_citation(self, key: str) -> bool:
        """sphinxcontrib-bibtex's ``key_not_found`` for ``key`` is papershelf's unknown-citation
        (no entry) or bib-syntax (an entry that does not parse), said on every build of a shelf."""
        index = self.bib_index
        return index is not None and key not in index.entries and self.checks_every_entry()

    def reported_citation_id(self, identifier: str) -> bool:
        """sphinxcontrib-bibtex's ``duplicate_id`` for this id is papershelf's bib-duplicate."""
        key = self.data["bib_quiet_ids"].get(identifier)
        return key is not None and self.reports_entry(key)

    def note_mention(self, docname: str, key: str, line: int) -> None:
        self.mentions.setdefault(docname, {}).setdefault(key, line)

    def note_index(self, docname: str, kind: str) -> None:
        self.index_docs.setdefault(docname, set()).add(kind)

    # -- Domain API ---------------------------------------------------------

    def clear_doc(self, docname: str) -> None:
        self.cleared = True
        self.pages.pop(docname, None)
        self.mentions.pop(docname, None)
        self.index_docs.pop(docname, None)
        self.data["findings"].pop(docname, None)
        self.data["citations"].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for name in ("pages", "mentions", "index_docs", "findings", "citations"):
            for docname in docnames:
                if docname in otherdata[name]:
                    self.data[name][docname] = otherdata[name][docname]

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        paper = self.papers.get(target)
        if paper is None:
            return None
        if not node.get("refexplicit"):
            text = paper.title if paper.named_by_title else paper.short_name  # in prose, a cut title reads wrong
            contnode = nodes.inline(text, text, classes=["xref", "paper"])
        return refnode(builder, fromdocname, paper.docname, "", contnode, paper.title)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        ref = self.resolve_xref(env, fromdocname, builder, "paper", target, node, contnode)
        return [("paper:paper", ref)] if ref is not None else []

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        # objects.inv: name = BibTeX key, display name = short name.
        for key, paper in sorted(self.papers.items()):
            yield key, paper.short_name, "paper", paper.docname, "", 1


def paper_domain(env: BuildEnvironment) -> PaperDomain:
    """The ``paper`` domain of this build (typed: callers cast nothing)."""
    return cast("PaperDomain", env.get_domain("paper"))


def cite_domain(env: BuildEnvironment) -> ShelfBibtexDomain | None:
    """papershelf's ``cite`` domain, or None where the project has no .bib files
    (or another extension's ``cite`` domain).

    Told apart by its ``papershelf_shelf_aware`` class attribute rather than by
    ``isinstance``, so that this module (imported by cite.py) does not import
    cite.py, and a module looking the domain up does not load pybtex.
    """
    try:
        domain = env.get_domain("cite")
    except ExtensionError:
        return None
    return cast("ShelfBibtexDomain", domain) if getattr(domain, "papershelf_shelf_aware", False) else None
