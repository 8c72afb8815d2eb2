"""``papershelf check --links``: every external link of the shelf, asked.

Links come from the pages (``links`` and ``models``, at their lines) and the
BibTeX entries' ``url`` (at the entry's line). The asking is
:class:`~papershelf.sources.linkcheck.LinkChecker` (bounded connections, a pause
per host, answers cached a week under ``.papershelf-cache/links/``). Dead links
and redirects to a different paper are reported as ``path:line: code message``
and make the exit status 1; 403, 429, 5xx and timeouts are "unknown", counted
but not failures. With no network at all: one line, exit status
:data:`NO_NETWORK`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from papershelf.shelf.load import load_shelf
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
    no_network: bool = False

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
                max_age: dt.timedelta | None = dt.timedelta(days=7)) -> LinkReport:
    report = LinkReport(places=collect(paths))
    checker = checker or LinkChecker()
    cache = SourceCache.of(paths.root, "links")
    report.verdicts = checker.check_all(report.places, cache, today, max_age)
    report.no_network = bool(checker.asked) and not any(v.reached for v in checker.asked)
    return report
