"""``papershelf enrich``: fill missing metadata from arXiv, Semantic Scholar, GitHub and the Hugging Face Hub.

``--sources`` picks them (default all; the registry is
:mod:`papershelf.sources.registry`); what each adds to a page and its entry,
never over a value written by hand, is :mod:`papershelf.sources.merge`. Every
source answers into one cache (``.papershelf-cache/<source>/``, one record an
id with the day fetched; ``--refresh-older-than 7d`` asks again for older
ones). Everything is fetched and checked before anything is written. A bad
part of an answer (an id a batch left out, an entry that is no paper, one
repository's malformed answer) is reported naming the source, the id and
what went wrong (:attr:`EnrichReport.problems`), is not cached, and changes
nothing for its paper, while the good answers are used; a source that does
not answer raises ShelfError, and the shelf stays as it was (the answers
already in stay cached). Metrics are dated by the day their answers were
fetched, so a shelf enriched from a committed cache (a recording: no
network at all) says how old its counts are.

The arXiv part:

For every paper with an arXiv id (its paper link or its entry's ``eprint``)
the API's answer fills what is missing and only that: the page's ``abstract``
and ``date`` (the v1 day), the entry's ``author``, ``eprint``,
``archivePrefix``, ``primaryClass``, ``doi`` and ``journal``. A value already
written is never replaced, except in an entry marked ``generated`` by the
importer, which is rewritten whole from arXiv's answer (keeping its key).

arXiv's terms: at most one request every 3 seconds, over one connection.
:class:`ArxivClient` asks for up to 100 ids per request through the shared
client of every source (:class:`~papershelf.sources.http.HttpClient`: one
kept-alive session, one deadline an answer, a size cap, retries with backoff,
``Retry-After``), which sleeps so that two requests never start closer than
``pause`` seconds. Answers land in an on-disk cache, one JSON file per id,
written as each batch arrives: an interrupted run resumes where it stopped,
and a second run makes no request at all.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from papershelf.formats.bibfile import GENERATED_FIELD, replace_entry, with_fields
from papershelf.formats.frontmatter import dump_fields, set_fields, split_front_matter
from papershelf.shelf.load import load_shelf
from papershelf.shelf.paths import ShelfError, commit
from papershelf.sources import merge, registry
from papershelf.sources.arxiv import (
    CACHE_DIR,
    ArxivClient,
    ArxivPaper,
    Cache,
    bibtex_entry,
)
from papershelf.sources.base import arxiv_id
from papershelf.sources.cache import SourceCache
from papershelf.sources.http import SourceStopped
from papershelf.sources.s2 import doi_of

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from papershelf.model.records import BibEntry
    from papershelf.shelf.load import Page, Shelf
    from papershelf.shelf.paths import ShelfPaths
    from papershelf.sources.base import Source

#: the BibTeX field the importer writes into entries it made up


# --- what changes ----------------------------------------------------------------


@dataclass
class Change:
    """Values enrich adds to one page and its entry."""

    key: str
    page: Page
    identifier: str
    front: dict[str, str] = field(default_factory=dict)  #: front matter key -> new value
    bib_fields: dict[str, str] = field(default_factory=dict)  #: BibTeX field -> new value
    bib_replaced: str = ""  #: a generated entry's new text

    def describe(self, bib_rel: str) -> list[str]:
        lines = []
        for name, value in self.front.items():
            shown = value if len(value) <= 60 else f"{value[:57]}... ({len(value)} characters)"
            lines.append(f"{self.page.rel}: + {name}: {shown}")
        for name, value in self.bib_fields.items():
            shown = value if len(value) <= 60 else f"{value[:57]}..."
            lines.append(f"{bib_rel}: {self.key}: + {name} = {{{shown}}}")
        if self.bib_replaced:
            lines.append(f"{bib_rel}: {self.key}: generated entry replaced by arXiv's metadata")
        return lines


def paper_ids(shelf: Shelf) -> dict[str, str]:
    """key -> arXiv id, for every page whose paper link or entry names one."""
    result: dict[str, str] = {}
    for page in shelf.pages:
        identifier = arxiv_of(page, shelf)
        if identifier:
            result.setdefault(page.paper.key, identifier)
    return result


def plan_change(page: Page, entry: BibEntry | None, paper: ArxivPaper) -> Change:
    change = Change(page.paper.key, page, paper.identifier)
    if not str(page.data.get("abstract") or "").strip() and paper.abstract:
        change.front["abstract"] = paper.abstract
    if "date" not in page.data and paper.published[:10]:
        change.front["date"] = paper.published[:10]
    if entry is None:
        return change
    if entry.get(GENERATED_FIELD).strip():
        change.bib_replaced = bibtex_entry(paper, entry.key)
        return change
    wanted = {
        "author": " and ".join(paper.authors),
        "eprint": paper.identifier,
        "archivePrefix": "arXiv",
        "primaryClass": paper.primary_class,
        "doi": paper.doi,
        "journal": paper.journal_ref,
    }
    for name, value in wanted.items():
        if value and not entry.get(name).strip():
            change.bib_fields[name] = value
    return change


def _with_front(text: str, values: dict[str, str]) -> str:
    """``text`` with ``values`` appended to its front matter, the rest untouched."""
    split = split_front_matter(text)
    if split is None:
        raise ShelfError("a page lost its front matter while enrich ran; run it again")
    lines = text.splitlines(keepends=True)
    closing = split[1] - 1  # the closing fence's index
    return "".join([*lines[:closing], dump_fields(values), *lines[closing:]])


# --- the command -----------------------------------------------------------------


@dataclass
class EnrichReport:
    papers: int = 0  #: pages with an arXiv id
    fetched: int = 0  #: answered by the API in this run
    cached: int = 0  #: answered from the cache
    requests: int = 0
    changes: list[Change] = field(default_factory=list)
    missing: dict[str, str] = field(default_factory=dict)  #: key -> why nothing came back
    written: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    sources: dict[str, SourceRun] = field(default_factory=dict)  #: the other sources, by name
    additions: dict[str, merge.Proposal] = field(default_factory=dict)  #: key -> what the other sources add
    upgrades: list[str] = field(default_factory=list)  #: ``key: @misc -> @inproceedings (venue)``
    arxiv_asked: bool = True
    page_rels: dict[str, str] = field(default_factory=dict)  #: key -> its page, for the lines of --dry-run

    @property
    def problems(self) -> list[str]:
        """Every bad answer of the other sources: ``source: id: what went wrong`` (nothing changed for them)."""
        return [line for run in self.sources.values() for line in run.problems]

    def summary(self, dry_run: bool) -> str:
        changed = len({c.key for c in self.changes if c.front or c.bib_fields or c.bib_replaced} | {k for k, p in self.additions.items() if p.front or p.bib_new})
        verb = "would change" if dry_run else "changed"
        if self.arxiv_asked:
            lines = [
                f"enrich: {self.papers} papers with an arXiv id, {self.cached} from the cache, {self.fetched} fetched "
                f"in {self.requests} requests ({self.seconds:.1f} s); {verb} {changed}; no answer for {len(self.missing)}"
            ]
        else:
            lines = [f"enrich: {verb} {changed} ({self.seconds:.1f} s)"]
        lines += [run.line() for run in self.sources.values()]
        lines += [f"upgraded {line}" for line in self.upgrades]
        return "\n".join(lines)


@dataclass
class SourceRun:
    """What one source did in a run."""

    name: str
    ids: int = 0
    cached: int = 0
    fetched: int = 0
    unknown: int = 0  #: ids the source does not know
    requests: int = 0
    stopped: str = ""  #: why the source stopped early (its rate limit); the rest waits for the next run
    left: int = 0
    problems: list[str] = field(default_factory=list)  #: ``source: id: what went wrong``, one a bad answer

    def line(self) -> str:
        text = f"{self.name}: {self.ids} ids, {self.cached} from the cache, {self.fetched} fetched in {self.requests} requests, {self.unknown} unknown"
        if self.problems:
            text += f", {len(self.problems)} bad {'answer' if len(self.problems) == 1 else 'answers'} (asked again next run)"
        if self.stopped:
            text += f"; stopped with {self.left} left for the next run ({self.stopped})"
        return text


class Progress:
    """A one-line progress bar on a terminal; silent otherwise."""

    def __init__(self, total: int, stream: TextIO | None = None, width: int = 30, label: str = "arXiv") -> None:
        self.total, self.done, self.width, self.label = total, 0, width, label
        self.stream = stream if stream is not None else sys.stderr
        self.live = self.stream.isatty() and total > 0

    def advance(self, count: int) -> None:
        self.done += count
        if self.live:
            filled = self.width * self.done // self.total
            self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total}")
            self.stream.flush()

    def close(self) -> None:
        if self.live:
            self.stream.write("\n")


def enrich_shelf(
    paths: ShelfPaths,
    client: ArxivClient | None = None,
    cache_dir: Path | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    sources: Iterable[str] = (registry.ARXIV,),
    made: Mapping[str, Source] | None = None,
    refresh_older_than: dt.timedelta | None = None,
    today: dt.date | None = None,
    stream: TextIO | None = None,
) -> EnrichReport:
    """Fetch what the caches lack, then add missing values to pages and entries.

    ``sources`` names the sources asked (arXiv through ``client``; the others
    from ``made``, else built from the environment); ``refresh_older_than``
    asks the other sources again about ids fetched longer ago.
    """
    started = time.monotonic()
    shelf = load_shelf(paths)
    shelf.require_readable()  # an unreadable .bib stops the command before anything is planned
    names = tuple(sources)
    ids = paper_ids(shelf) if registry.ARXIV in names else {}
    report = EnrichReport(papers=len(ids), arxiv_asked=registry.ARXIV in names)
    today = today or dt.date.today()
    records, fetched_on = _ask_sources(paths, shelf, [name for name in names if name != registry.ARXIV], made or {}, refresh_older_than, today, report, stream)
    cache = Cache(cache_dir or paths.root / CACHE_DIR)
    known: dict[str, ArxivPaper] = {}
    for identifier in sorted(set(ids.values())):
        cached = cache.get(identifier)
        if cached is not None:
            known[identifier] = cached
    report.cached = len(known)
    todo = sorted(set(ids.values()) - set(known))
    refused: dict[str, str] = {}
    if todo:
        own_client = client is None
        client = client or ArxivClient()
        bar = progress or Progress(len(todo))
        try:
            for start in range(0, len(todo), client.batch):
                batch = todo[start:start + client.batch]
                papers, bad = client.query(batch)
                for paper in papers.values():
                    cache.put(paper)  # at once: an interruption keeps every finished batch
                known.update(papers)
                refused.update(bad)
                report.fetched += len(papers)
                bar.advance(len(batch))
        finally:
            bar.close()
            report.requests = client.requests_made
            if own_client:
                client.close()
    by_key = shelf.by_key
    files: dict[Path, str] = {}
    bib_edits: dict[Path, list[tuple[BibEntry, str]]] = {}
    for key, identifier in sorted(ids.items()):
        answer = known.get(identifier)
        if answer is None:
            report.missing[key] = refused.get(identifier, f"arXiv's answer left out {identifier}; run enrich again")
            continue
        page = by_key[key]
        entry = shelf.entries.get(key)
        change = plan_change(page, entry, answer)
        if not (change.front or change.bib_fields or change.bib_replaced):
            continue
        report.changes.append(change)
        if change.front:
            files[page.path] = _with_front(files.get(page.path) or page.path.read_text(encoding="utf-8-sig"), change.front)
        if entry is not None and (change.bib_fields or change.bib_replaced):
            bibpath = _bib_path(paths, shelf, key)
            try:
                new = change.bib_replaced.rstrip("\n") if change.bib_replaced else with_fields(entry.raw, change.bib_fields)
            except ValueError as error:
                raise ShelfError(f"{error}; nothing was changed") from error
            bib_edits.setdefault(bibpath, []).append((entry, new))
    _add_from_sources(paths, shelf, records, fetched_on, report, files, bib_edits)
    for bibpath, edits in bib_edits.items():
        text = shelf.bib_texts[bibpath]
        for entry, new in sorted(edits, key=lambda edit: -edit[0].line):  # from the end: earlier lines stay put
            try:
                text = replace_entry(text, entry, new)
            except ValueError as error:
                raise ShelfError(f"{error} while enrich ran; run it again") from error
        files[bibpath] = text
    report.seconds = time.monotonic() - started
    if not dry_run and files:
        commit(files, within=paths.root)
        report.written = sorted(files)
    return report


def _ask_sources(paths: ShelfPaths, shelf: Shelf, names: list[str], made: Mapping[str, Source], max_age: dt.timedelta | None,
                 today: dt.date, report: EnrichReport, stream: TextIO | None) -> tuple[dict[str, dict[str, Any]], dict[str, dt.date]]:
    """(key -> source name -> that source's record of the paper (None: the source knows no such paper),
    key -> the day its oldest record was fetched)."""
    result: dict[str, dict[str, Any]] = {}
    fetched_on: dict[str, dt.date] = {}
    for name in names:
        source = made.get(name) or registry.make(name, os.environ)
        run = report.sources.setdefault(name, SourceRun(name))
        wanted = {page.paper.key: source.ids_of(page.paper, shelf.entries.get(page.paper.key)) for page in shelf.pages}
        all_ids = sorted({identifier for found in wanted.values() for identifier in found})
        cache = SourceCache.of(paths.root, name)
        known: dict[str, Any] = {}
        days: dict[str, dt.date] = {}
        for identifier in all_ids:
            record = cache.fresh(identifier, today, max_age)
            if record is not None:
                known[identifier], days[identifier] = record.data, record.fetched
        run.ids, run.cached = len(all_ids), len(known)
        todo = [identifier for identifier in all_ids if identifier not in known]
        bar = Progress(len(todo), stream, label=name)
        try:
            for start in range(0, len(todo), source.batch):
                batch = todo[start:start + source.batch]
                try:
                    fetched = source.fetch(batch)
                except SourceStopped as stop:
                    run.stopped, run.left = stop.reason, len(todo) - start
                    break
                cache.put_many(fetched.answers, today)  # at once: an interruption keeps every finished batch
                known.update(fetched.answers)
                days.update(dict.fromkeys(fetched.answers, today))
                run.fetched += len(fetched.answers)
                run.problems += [str(problem) for problem in fetched.problems]  # not cached: asked again next run
                bar.advance(len(batch))
        finally:
            bar.close()
            run.requests = source.http.requests_made
            if name not in made:
                source.http.close()
        run.unknown = sum(1 for identifier in all_ids if identifier in known and known[identifier] is None)
        for key, found in wanted.items():
            for identifier in found:
                if identifier in known:
                    result.setdefault(key, {})[name] = known[identifier]
                    fetched_on[key] = min(fetched_on.get(key, days[identifier]), days[identifier])
                    break
    return result, fetched_on


def _add_from_sources(paths: ShelfPaths, shelf: Shelf, records: dict[str, dict[str, Any]], fetched_on: dict[str, dt.date],
                      report: EnrichReport, files: dict[Path, str], bib_edits: dict[Path, list[tuple[BibEntry, str]]]) -> None:
    index = merge.shelf_index((page.paper, arxiv_of(page, shelf), doi_of(shelf.entries.get(page.paper.key))) for page in shelf.pages)
    touched = {entry.key for edits in bib_edits.values() for entry, _ in edits}
    for page in shelf.pages:
        key = page.paper.key
        if key not in records or page.data is None:
            continue
        entry = shelf.entries.get(key)
        proposal = merge.plan(page.paper, page.data, entry, records[key], index, fetched_on[key], tuple(paths.settings.links))
        if proposal.bib_new and key in touched:
            proposal.bib_new, proposal.upgrade = "", ""  # arXiv rewrote the entry in this run: the upgrade waits for the next
        if not (proposal.front or proposal.bib_new):
            continue
        report.additions[key] = proposal
        report.page_rels[key] = page.rel
        if proposal.front:
            try:
                files[page.path] = set_fields(files.get(page.path) or page.path.read_text(encoding="utf-8-sig"), proposal.front)
            except ValueError as error:
                raise ShelfError(f"{page.rel}: {error} while enrich ran; run it again") from error
        if proposal.bib_new and entry is not None:
            report.upgrades.append(f"{key}: {proposal.upgrade}")
            bib_edits.setdefault(_bib_path(paths, shelf, key), []).append((entry, proposal.bib_new))


def arxiv_of(page: Page, shelf: Shelf) -> str:
    return arxiv_id(page.paper, shelf.entries.get(page.paper.key))


AGE = re.compile(r"^(\d{1,4})([dwh]?)$")


def parse_age(text: str) -> dt.timedelta:
    """``7d``, ``2w``, ``12h`` or a number of days; ValueError otherwise."""
    found = AGE.match(text.strip().lower())
    if not found:
        raise ValueError(f"{text!r} is not an age such as 7d, 2w or 12h")
    number, unit = int(found.group(1)), found.group(2) or "d"
    return {"d": dt.timedelta(days=number), "w": dt.timedelta(weeks=number), "h": dt.timedelta(hours=number)}[unit]


def _bib_path(paths: ShelfPaths, shelf: Shelf, key: str) -> Path:
    rel = shelf.declared.get(key, (paths.rel(paths.bibfile), 0))[0]
    return next((path for path in shelf.bib_texts if paths.rel(path) == rel), paths.bibfile)


def changed_lines(report: EnrichReport, paths: ShelfPaths) -> Iterable[str]:
    for change in report.changes:
        yield from change.describe(paths.rel(paths.bibfile))
    for key, proposal in report.additions.items():
        where = report.page_rels.get(key, key)
        for name, value in proposal.front.items():
            shown = json.dumps(value, ensure_ascii=False)
            yield f"{where}: + {name}: {shown if len(shown) <= 100 else shown[:97] + '...'}"
        if proposal.upgrade:
            yield f"{paths.rel(paths.bibfile)}: {key}: {proposal.upgrade}"
