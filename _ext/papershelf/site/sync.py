"""Incremental correctness: which pages an edit elsewhere must refresh.

Sphinx re-reads a page when its own file changes. Two more kinds of change
reach a page from outside:

* an edited ``.bib`` entry: the paper page showing it and the pages citing it
  are re-read (``env-get-outdated``). Registering the .bib as a dependency of
  every page would re-read the whole shelf on any edit, so entries are
  compared one by one instead;
* an edited paper: pages showing its name, date or relations elsewhere
  (neighbours, inverse relations, "Cited in", indexes) are rewritten
  (``env-updated``), found by comparing per-page fingerprints of the
  cross-document content they show.
"""

from __future__ import annotations

import gc
import hashlib
import uuid
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

import pybtex.errors
from sphinx.environment import CONFIG_OK
from sphinx.util import logging
from sphinxcontrib.bibtex.bibfile import BibData, BibFile

from papershelf.formats.bibfile import BibScan, file_stamp
from papershelf.formats.bibrules import citation_id, missing_fields
from papershelf.model.problems import Code, Problem
from papershelf.shelf.view import build_view, digest
from papershelf.site import schedule
from papershelf.site.bibscan import bib_encoding, bib_paths, bib_style, cite_id_template, scan_all
from papershelf.site.domain import cite_domain, paper_domain
from papershelf.site.indexes.kinds import content_digest
from papershelf.site.shelfgraph import graph_shown

if TYPE_CHECKING:
    from pybtex.database import Entry
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from papershelf.formats.bibfile import BibIndex
    from papershelf.shelf.view import ShelfView

logger = logging.getLogger(__name__)


def _stamp(app: Sphinx) -> tuple[int, int]:
    paths = bib_paths(app)
    # The style and the citation id template decide bib-missing-field and bib-duplicate findings too.
    inputs = repr((tuple(file_stamp(p) for p in paths), bib_style(app), cite_id_template(app)))
    return (int(hashlib.sha1(inputs.encode()).hexdigest()[:15], 16), len(paths))


def hand_over(app: Sphinx, scan: BibScan) -> bool:
    """Give sphinxcontrib-bibtex the scan's pybtex data, so it formats exactly the valid entries.

    Called before its ``builder-inited``: it finds its cache up to date and
    does not parse the files again. Only on a shelf, whose .bib papershelf
    owns (:func:`checks_every_entry`); in a project that only cites, and
    whenever a file is missing or unreadable, sphinxcontrib-bibtex parses
    the files itself and reports in its own words, as it always did.
    Returns whether it did.
    """
    cite = cite_domain(app.env)
    paths = bib_paths(app)
    if cite is None or not checks_every_entry(app) or not all(str(path) in scan.file_keys for path in paths):
        return False
    files = {path: BibFile(mtime=scan.mtimes[str(path)], keys=dict.fromkeys(scan.file_keys.get(str(path), []))) for path in paths}
    cite.data["bibdata"] = BibData(encoding=bib_encoding(app), bibfiles=files, data=scan.data)
    return True


def _earlier_readings(app: Sphinx, old: BibIndex | None) -> dict[str, Entry]:
    """pybtex's reading of each entry of the last scan, by the digest of its text: an edit
    of one entry then parses one entry (``bibfile.scan_text``), not 2,000."""
    cite = cite_domain(app.env)
    if old is None or old.defines_macros or cite is None:
        return {}
    parsed = cite.bibdata.data.entries
    return {digest: parsed[key] for key, (_, digest) in old.entries.items() if key in parsed}


def checks_every_entry(app: Sphinx) -> bool:
    """Whether every .bib entry is a shelf paper's (``papershelf_bib_checks``)."""
    return paper_domain(app.env).checks_every_entry()


def on_builder_inited(app: Sphinx) -> None:
    """Scan the .bib before sphinxcontrib-bibtex hands it to pybtex.

    Runs before pybtex parses the file, so a duplicate key or a syntax error
    is reported at its line even though pybtex would drop entries silently.
    Entries whose text changed since the last build are remembered for
    ``env-get-outdated``.
    """
    _freeze_long_lived_objects()
    # pybtex raises on the first syntax error (a crashed build) or, lenient,
    # prints it outside Sphinx's logging. Collect its errors instead while
    # sphinxcontrib-bibtex parses: the scan below reports each at its line.
    pybtex.errors.captured_errors = []
    domain = paper_domain(app.env)
    old = domain.bib_index
    stamp = _stamp(app)
    # Checks of single entries wait, outside a shelf, until the paper pages are known (env-updated).
    every_entry = checks_every_entry(app)
    if old is not None and old.stamp == stamp:
        # Unchanged: scanned again only if a page needs an entry's text; its problems still stand.
        for problem in domain.data.get("bib_problems", []):
            if every_entry or not problem.key:
                _warn(problem)
        return
    new = scan_all(app, _earlier_readings(app, old))
    new.stamp = stamp
    handed_over = hand_over(app, new)
    domain.set_scan(new, tuple(str(path) for path in bib_paths(app)), bib_encoding(app))
    domain.data["bib_problems"] = new.problems
    domain.data["bib_declared"] = set(new.declared)
    # upstream's warnings for what papershelf reports itself at the entry's line (see cite.py)
    style = bib_style(app)
    domain.data["bib_quiet_fields"] = {key: fields for key, entry in new.entries.items() if (fields := missing_fields(entry, new.entries, style))}
    template = cite_id_template(app)
    domain.data["bib_quiet_ids"] = {
        identifier: problem.key for problem in new.problems
        if problem.code is Code.BIB_DUPLICATE and problem.key and (identifier := citation_id(template, problem.key))
    } if template else {}
    for problem in new.problems:
        if every_entry or not problem.key:
            _warn(problem)
    if old is not None:
        edited = {key for key in old.entries.keys() | new.entries.keys() if old.digest(key) != new.digest(key)}
        domain.data["bib_edited"] = edited | domain.data.get("bib_edited", set())
        if not handed_over:
            _parse_edited_only(app, list(old.entries), new, edited)


def _parse_edited_only(app: Sphinx, old_keys: list[str], new: BibScan, edited: set[str]) -> None:
    """Entries edited in place (same keys, same order, no syntax error): sphinxcontrib-bibtex's
    stored data gets just those entries parsed again (cite.py), instead of the whole file.

    Only in a shelf (the papers folder exists) whose scan was not handed over
    (``papershelf_bib_checks`` off): in a project that only cites,
    sphinxcontrib-bibtex parses and reports ("out of date", "parsing") as it always has.
    """
    cite = cite_domain(app.env)
    paths = bib_paths(app)
    broken = any(problem.code in (Code.BIB_SYNTAX, Code.BIB_DUPLICATE) for problem in new.problems)
    shelf = (Path(app.srcdir) / app.config.papershelf_papers_dir).is_dir()
    if cite is None or not shelf or len(paths) != 1 or broken or not edited or old_keys != list(new.entries):
        return
    if cite.refresh_entries(paths[0], bib_encoding(app), {key: new.entries[key].raw for key in sorted(edited)}):
        logger.info("papershelf: parsed the %d edited entr%s of %s alone", len(edited), "y" if len(edited) == 1 else "ies", paths[0].name)


def _warn(problem: Problem) -> None:
    logger.warning("%s: %s", problem.code.slug, problem.message, location=f"{problem.path}:{problem.line}", type="papershelf", subtype=problem.code.slug)


def _freeze_long_lived_objects() -> None:
    """Keep the cyclic garbage collector off what stays alive all build long.

    The pickled environment (and, after reading, the shelf's records) hold
    millions of objects; every full collection walks all of them again. At
    2,000 papers that was a third of a no-op rebuild (3.3 s against 1.8 s).
    """
    gc.freeze()


def on_env_before_read_docs(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Before parallel readers fork: hold the parsed .bib and formatted citations outside the environment."""
    cite = cite_domain(env)
    if cite is not None and app.parallel > 1 and len(docnames) > 1:
        cite.hold_for_parallel_read()


def on_builder_inited_done(app: Sphinx) -> None:
    """sphinxcontrib-bibtex has parsed the .bib: pybtex reports errors again, and
    a new reading of it is stored apart from the environment now, before
    anything made from it is kept with its token (entrystore.py)."""
    pybtex.errors.captured_errors = None
    cite = cite_domain(app.env)
    if cite is not None:
        cite.store_entries()


def on_env_get_outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """Pages showing an edited .bib entry: its paper page and pages citing it."""
    domain = paper_domain(env)
    edited: set[str] = domain.data.pop("bib_edited", set())
    if not edited:
        return []
    outdated = {docname for docname, paper in domain.pages.items() if paper.key in edited}
    for docname, keys in cited_keys(env).items():
        if keys & edited:
            outdated.add(docname)
    return sorted(outdated)


def cited_keys(env: BuildEnvironment) -> dict[str, set[str]]:
    """docname -> keys cited there through sphinxcontrib-bibtex's roles."""
    result: dict[str, set[str]] = defaultdict(set)
    cite = cite_domain(env)
    for ref in cite.citation_refs if cite is not None else []:
        result[ref.docname].update(target.key for target in ref.targets)
    return result


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = paper_domain(env)
    # Nothing read, removed or rescanned and the same settings: what is made from the shelf alone is
    # what the last build made. A no-op at 2,000 papers then skips about 0.5 s of recomputing it.
    domain.unchanged = bool(
        domain.data["generation"] and not domain.reading and not domain.cleared
        and domain._scan is None and env.config_status == CONFIG_OK
    )
    domain.cleared = False
    if not domain.unchanged:
        domain.data["generation"] = uuid.uuid4().hex
    references = cited_keys(env)
    for docname, mentioned in domain.mentions.items():
        references[docname].update(mentioned)
    view = build_view(domain.pages, references, domain.index_docs)
    domain.view = view
    _freeze_long_lived_objects()
    for finding in view.findings:
        logger.warning("%s: %s", finding.code.slug, finding.message, location=(finding.docname, finding.line), type="papershelf", subtype=finding.code.slug)
    every_entry = checks_every_entry(app)
    for problem in domain.data.get("bib_problems", []) if not every_entry else []:
        if problem.key in view.papers:  # outside a shelf, only the papers' own entries are checked
            _warn(problem)
    index = domain.bib_index
    if index is not None and every_entry:
        for key, (line, _) in sorted(index.entries.items()):
            if key not in view.papers:
                logger.warning("%s: BibTeX entry %r has no paper page; add one (papershelf add --bibtex) or remove the entry", Code.NO_PAGE.slug, key, location=f"{index.path}:{line}", type="papershelf", subtype=Code.NO_PAGE.slug)
    if domain.unchanged:
        return []
    bib_digests = {key: digest for key, (_, digest) in index.entries.items()} if index else {}
    new = fingerprints(env, view, references, domain.index_docs, bib_digests)
    old = domain.data["fingerprints"]
    domain.data["fingerprints"] = new
    rewritten = sorted(d for d in new.keys() | old.keys() if new.get(d) != old.get(d) and d in env.found_docs)
    schedule.writing(app, len(rewritten))
    return rewritten


def fingerprints(env: BuildEnvironment, view: ShelfView, references: dict[str, set[str]], index_docs: dict[str, set[str]], bib_digests: dict[str, str]) -> dict[str, str]:
    """docname -> digest of everything the page shows about other pages."""
    parts: dict[str, list[object]] = defaultdict(list)

    def name(key: str) -> tuple[str, ...] | None:
        paper = view.papers.get(key)
        return (key, paper.short_name, paper.title, paper.docname) if paper else None

    def title(docname: str) -> str:
        node = env.titles.get(docname)
        return node.astext() if node is not None else docname

    for key, paper in view.papers.items():
        before, after = view.neighbours(key)
        parts[paper.docname].append((
            name(before.key) if before else None,
            name(after.key) if after else None,
            [(r.kind, name(r.target)) for r in paper.relations],
            [(kind, name(source)) for kind, source in view.inverse.get(key, [])],
            view.index_pages.get("topics"),
            [(d, title(d)) for d in view.cited_in.get(key, [])],
            graph_shown(view, key),
        ))
    for docname, keys in references.items():
        parts[docname].append(sorted((key, name(key)) for key in keys))
    shown = {kind: content_digest(kind, view, bib_digests, env) for kind in set().union(*index_docs.values())}
    for docname, kinds in index_docs.items():
        parts[docname].append(sorted((kind, shown[kind]) for kind in kinds))
    return {docname: digest(repr(value)) for docname, value in parts.items()}
