"""The machine-readable catalog: ``papers.json`` at the root of the HTML site.

Written once per build, in ``build-finished`` (on ``papershelf-shelf-ready``,
events.py), from the ShelfView computed in ``env-updated``; so it follows
every incremental edit without a clean build.
Only the ``html`` and ``dirhtml`` builders write it, and only when the build
did not fail. Its JSON Schema is ``catalog.schema.json`` beside this module.

Papers are listed in chronological order (oldest first, undated last, ties
by short name), the order of the site's previous/next links.

Beside what the page says, each record holds the living data ``papershelf
enrich`` keeps (issue 24): ``metrics`` (citation counts and stars, with the
day they were fetched), ``cites`` and ``cited_by`` (keys of papers on this
shelf, from the citation graph of the ShelfView) and ``authors`` (the page's
``people``, with their ids where a source gave one). The lists are bounded
(:data:`LIST_LIMIT` items each; ``cites_count``, ``cited_by_count`` and
``authors_count`` keep the whole count), so a paper cited by the whole shelf
does not make the file grow with the square of the shelf.

Beside it, the same papers split by year for the chronology's filter
(``papershelf-filter.js``), which must not download the whole shelf for
one action (papers.json is 3.7 MB at 5,000 papers):

``papers-by-year/index.json``
    ``{"version", "fields", "tags": [[slug, label]], "years": [{"year",
    "count", "file", "bytes", "tags": {slug: n}, "status": {s: n}}]}``,
    newest year first, ``undated`` last: what the filter offers, and how
    many papers of each topic and status each year holds, so a filter
    action loads only the years that can match, newest first, up to its
    byte budget;
``papers-by-year/<year>.json``
    ``{"version", "year", "papers": [[key, short_name, title, date, status,
    [tags], url, citations, stars, cited_by]]}``, newest first, in the order
    of ``fields``: the counts are whole numbers or null (``cited_by`` is the
    number of shelf papers citing it); the lists stay in papers.json.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from papershelf.model.settings import of_config
from papershelf.shelf.view import digest
from papershelf.site.domain import paper_domain
from papershelf.site.grouping import tag_slug, year_groups

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

    from papershelf.model.records import Metrics, Paper
    from papershelf.model.settings import ShelfSettings
    from papershelf.shelf.citegraph import CiteGraph
    from papershelf.shelf.view import ShelfView

logger = logging.getLogger(__name__)

FILENAME = "papers.json"
YEAR_DIR = "papers-by-year"  #: per-year slices of the catalog, for the chronology filter
#: a year row's columns; new ones are appended, so a reader of the first seven keeps working
YEAR_FIELDS = ("key", "short_name", "title", "date", "status", "tags", "url", "citations", "stars", "cited_by")
SCHEMA_FILENAME = "papers.schema.json"  #: the JSON Schema of this site's papers.json (its own kinds and facets)
STAMP = "papershelf-catalog.stamp"  #: in the doctree dir: the shelf generation papers.json was last made from
SCHEMA = Path(__file__).parent / "catalog.schema.json"
VERSION = 2  #: 2: the living fields (metrics, cites, cited_by, authors; counts in the year rows)
LIST_LIMIT = 100  #: keys or authors listed per paper and list; the ``*_count`` fields say how many there are
BUILDERS = frozenset({"html", "dirhtml"})


def paper_record(paper: Paper, url: str, with_status: bool = True, graph: CiteGraph | None = None) -> dict[str, Any]:
    """One paper as the catalog holds it (see catalog.schema.json); ``graph``: the shelf's, for cites and cited by."""
    cites = graph.cites.get(paper.key, ()) if graph is not None else ()
    cited_by = graph.cited_by.get(paper.key, ()) if graph is not None else ()
    return {
        "key": paper.key,
        "title": paper.title,
        "short_name": paper.short_name,
        "aliases": list(paper.aliases),
        "date": paper.date.iso() if paper.date else None,
        "date_source": paper.date.source if paper.date else None,
        "status": paper.status if with_status else None,  # None: the shelf keeps no read status
        "tags": list(paper.tags),
        "links": [{"kind": link.kind, "label": link.label, "url": link.url} for link in paper.links],
        "models": [{"name": model.name, "url": model.url or None} for model in paper.models],
        "relations": [{"kind": relation.kind, "target": relation.target} for relation in paper.relations],
        "architecture": dict(paper.architecture),
        "url": url,
        "metrics": metrics_record(paper.metrics),
        "cites": list(cites[:LIST_LIMIT]),
        "cites_count": len(cites),
        "cited_by": list(cited_by[:LIST_LIMIT]),
        "cited_by_count": len(cited_by),
        "authors": [{"name": person.name, "id": person.id or None} for person in paper.people[:LIST_LIMIT]],
        "authors_count": len(paper.people),
    }


def metrics_record(metrics: Metrics | None) -> dict[str, Any] | None:
    """The counts and the day they were fetched; None when ``enrich`` gave none."""
    if metrics is None:
        return None
    return {"citations": metrics.citations, "influential_citations": metrics.influential_citations,
            "stars": metrics.stars, "as_of": metrics.as_of or None}


def json_schema(settings: ShelfSettings) -> dict[str, Any]:
    """catalog.schema.json with this shelf's link kinds, relation kinds and facets."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    paper = schema["$defs"]["paper"]["properties"]
    paper["links"]["items"]["properties"]["kind"]["enum"] = list(settings.links)
    paper["relations"]["items"]["properties"]["kind"]["enum"] = list(settings.relations)
    paper["architecture"]["properties"] = {
        facet.name: {"$ref": "#/$defs/text", "description": facet.heading + (f": {facet.help}" if facet.help else "")}
        for facet in settings.facets
    }
    paper["architecture"]["additionalProperties"] = False
    return schema


def build_catalog(view: ShelfView | None, target_uri: Callable[[str], str], with_status: bool = True) -> dict[str, Any]:
    """The whole catalog; ``target_uri`` maps a docname to its URL from the site root."""
    papers = [view.papers[key] for key in view.order] if view is not None else []
    return {
        "version": VERSION,
        "papers": [paper_record(paper, target_uri(paper.docname), with_status, view.graph if view is not None else None) for paper in papers],
    }


def on_shelf_ready(app: Sphinx, view: ShelfView) -> None:
    """Write ``papers.json`` after a successful HTML build (unchanged text is not rewritten).

    Listens to ``papershelf-shelf-ready`` (events.py): a build that failed, or a
    project that only cites, has no catalog.
    """
    if app.builder.name not in BUILDERS:
        return
    domain = paper_domain(app.env)
    # The shelf's generation (sync.on_env_updated) and the builder: an unchanged shelf
    # rebuilds no catalog (0.04 s of a 0.9 s no-op at 2,000 papers).
    stamp_path = Path(app.doctreedir) / STAMP
    made_from = f"{domain.data['generation']} {app.builder.name} {app.outdir}"
    if domain.unchanged and (Path(app.outdir) / FILENAME).is_file() and stamp_path.is_file() and stamp_path.read_text(encoding="utf-8") == made_from:
        return
    # Compact separators keep json on its C encoder (indent would not).
    text = json.dumps(build_catalog(view, app.builder.get_target_uri, of_config(app.config).reading_status), ensure_ascii=False, separators=(",", ":")) + "\n"
    if write_if_changed(Path(app.outdir) / FILENAME, text):
        logger.info("papershelf: wrote %s (%d papers)", FILENAME, len(view.papers))
    write_year_files(Path(app.outdir) / YEAR_DIR, view, app.builder.get_target_uri, of_config(app.config).reading_status)
    write_if_changed(Path(app.outdir) / SCHEMA_FILENAME, json.dumps(json_schema(of_config(app.config)), indent=2) + "\n")
    stamp_path.write_text(made_from, encoding="utf-8")


def year_files(view: ShelfView, target_uri: Callable[[str], str], with_status: bool = True) -> dict[str, str]:
    """File name -> text of ``papers-by-year/``: ``index.json`` and one file per year."""
    files: dict[str, str] = {}
    years: list[dict[str, Any]] = []
    labels: dict[str, str] = {}
    for year, papers in year_groups(view):
        rows = [[p.key, p.short_name, p.title, p.date.iso() if p.date else None, p.status if with_status else None,
                 list(p.tags), target_uri(p.docname), *_counts(p, view)] for p in papers]
        text = json.dumps({"version": VERSION, "year": year, "papers": rows}, ensure_ascii=False, separators=(",", ":")) + "\n"
        name = f"{year}.json"
        files[name] = text
        tags: dict[str, int] = {}
        status: dict[str, int] = {}
        for paper in papers:
            for tag in dict.fromkeys(paper.tags):
                labels.setdefault(tag_slug(tag), tag)
                tags[tag_slug(tag)] = tags.get(tag_slug(tag), 0) + 1
            if with_status:
                status[paper.status] = status.get(paper.status, 0) + 1
        years.append({"year": year, "count": len(papers), "file": name, "bytes": len(text.encode()),
                      "version": digest(text)[:12], "tags": tags, "status": status})
    index = {"version": VERSION, "fields": list(YEAR_FIELDS), "tags": sorted(labels.items(), key=lambda item: (item[1].casefold(), item[0])), "years": years}
    files["index.json"] = json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n"
    return files


def _counts(paper: Paper, view: ShelfView) -> tuple[int | None, int | None, int]:
    """A year row's last columns: citations, stars, and how many shelf papers cite it."""
    metrics = paper.metrics
    return (metrics.citations if metrics else None, metrics.stars if metrics else None, len(view.graph.cited_by.get(paper.key, ())))


def write_year_files(folder: Path, view: ShelfView, target_uri: Callable[[str], str], with_status: bool = True) -> None:
    """Write ``papers-by-year/`` (unchanged files keep their mtime; years that are gone are removed)."""
    files = year_files(view, target_uri, with_status)
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.json"):
        if stale.name not in files:
            stale.unlink()
    for name, text in files.items():
        write_if_changed(folder / name, text)


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` unless the file already holds it (an unchanged file keeps its mtime); True if written."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
