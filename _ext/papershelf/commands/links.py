"""``papershelf check --links``: every external link of the shelf, asked.

Links come from the pages (``links`` and ``models``, at their lines) and the
BibTeX entries' ``url`` (at the entry's line). The asking is
:class:`~papershelf.sources.linkcheck.LinkChecker` (bounded connections, a pause
per host, answers cached a week under ``.papershelf-cache/links/``). Dead links
and redirects to a different paper are reported as ``path:line: code message``
and make the exit status 1; 403, 429, 5xx and timeouts are "unknown", counted
but not failures. With no network at all: one line, exit status
:data:`NO_NETWORK`, and nothing is written.

Every run that reached the network also writes ``link-report.json`` (:mod:`papershelf.shelf.linkreport`) at the
shelf root (all or nothing, only when its text changes), which the weekly
refresh commits and the maintainers' page lists (the ``link-report`` index)::

    {"version": 1, "checked": "2026-12-05", "about": "...", "links": [
    {"url": "https://...", "state": "dead", "detail": "HTTP 404", "checked": "2026-12-01", "used": [["docs/papers/x.md", 8]]},
    ...
    ]}

One link a line, sorted by URL, each with the day its verdict was obtained
(the cache's day for a cached one): the same shelf and answers give the same
text, and a pull request's diff shows one line per changed link.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from papershelf.shelf import linkreport
from papershelf.shelf.load import load_shelf
from papershelf.shelf.paths import commit
from papershelf.shelf.schema import is_web_url
from papershelf.sources.cache import SourceCache
from papershelf.sources.linkcheck import LinkChecker, Verdict

if TYPE_CHECKING:
    from papershelf.shelf.paths import ShelfPaths

#: the exit status when no host could be reached
NO_NETWORK = 3
@dataclass
class LinkReport:
    places: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  #: url -> [(path, line)]
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    checked: dict[str, dt.date] = field(default_factory=dict)  #: url -> the day its verdict was obtained
    no_network: bool = False
    today: dt.date = field(default_factory=dt.date.today)

    def findings(self) -> list[str]:
        lines = []
        for url, verdict in self.verdicts.items():
            if verdict.state not in ("dead", "moved"):
                continue
            code = "dead-link" if verdict.state == "dead" else "link-moved"
            for path, line in self.places.get(url, []):
                lines.append((path, line, f"{path}:{line}: {code} {url}: {verdict.detail}"))
        return [text for _, _, text in sorted(lines)]

    def summary(self) -> str:
        counts = {state: sum(1 for v in self.verdicts.values() if v.state == state) for state in ("ok", "dead", "moved", "unknown")}
        return f"links: {len(self.verdicts)} checked: {counts['ok']} ok, {counts['dead']} dead, {counts['moved']} moved to another paper, {counts['unknown']} unknown (403, 429, 5xx, timeouts)"


    def render(self) -> str:
        """The text of :data:`~papershelf.shelf.linkreport.FILE_NAME`."""
        return linkreport.dump(self.today, (
            linkreport.LinkResult(url, verdict.state, verdict.detail, self.checked.get(url, self.today), tuple(self.places.get(url, [])))
            for url, verdict in self.verdicts.items()))


def write_report(paths: ShelfPaths, report: LinkReport) -> bool:
    """Write ``link-report.json`` (:mod:`papershelf.shelf.linkreport`) (all or nothing) when its text changes; True if written."""
    target = paths.root / linkreport.FILE_NAME
    text = report.render()
    try:
        if not target.is_symlink() and target.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    commit({target: text}, within=paths.root)  # refuses a symbolic link planted in its place
    return True


def collect(paths: ShelfPaths) -> dict[str, list[tuple[str, int]]]:
    shelf = load_shelf(paths)
    places: dict[str, list[tuple[str, int]]] = {}
    for page in shelf.pages:
        for link in page.paper.links:
            places.setdefault(link.url, []).append((page.rel, link.line))
        for model in page.paper.models:
            if model.url:
                places.setdefault(model.url, []).append((page.rel, model.line))
    for key, entry in shelf.entries.items():
        url = entry.get("url").strip()
        if url and is_web_url(url):
            rel = shelf.declared.get(key, (paths.rel(paths.bibfile), entry.line))[0]
            places.setdefault(url, []).append((rel, entry.line))
    return places


def check_links(paths: ShelfPaths, checker: LinkChecker | None = None, today: dt.date | None = None,
                max_age: dt.timedelta | None = dt.timedelta(days=7), write: bool = True) -> LinkReport:
    """Check every link; unless no host could be reached, write the report (``write``) at the shelf root."""
    today = today or dt.date.today()
    report = LinkReport(places=collect(paths), today=today)
    checker = checker or LinkChecker()
    cache = SourceCache.of(paths.root, "links")
    report.verdicts = checker.check_all(report.places, cache, today, max_age)
    report.no_network = bool(checker.asked) and not any(v.reached for v in checker.asked)
    asked = {verdict.url for verdict in checker.asked}
    for url in report.verdicts:
        record = None if url in asked else cache.get(url)
        report.checked[url] = record.fetched if record is not None else today
    if write and not report.no_network:
        write_report(paths, report)
    return report
