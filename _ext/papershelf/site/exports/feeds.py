"""Atom feeds of additions: one for the whole shelf, one per topic.

Written once per build, in ``build-finished`` (on ``papershelf-shelf-ready``,
events.py; HTML builders only), with
the standard library's ElementTree (feedgen 1.0.0, its latest release,
drops ``rel``, ``type`` and ``title`` from entry links, which turns every
related link into a second ``alternate``: invalid Atom). Entries are newest first: by ``added`` (the day a paper joined the
shelf), then by first-public date. Each entry holds the paper's title,
authors (from its BibTeX entry), date, a link to its page, its outbound
links, its topics and the abstract when the entry has an ``abstract`` field
(otherwise its authors, venue and year).

Files, under the HTML output directory:

``feeds/atom.xml``
    the whole shelf; linked from the landing page's ``<head>``
    (:func:`on_html_page_context`);
``feeds/<topic id>.xml``
    one per topic (``topic-<slug>``, the Topics section ids), linked from
    each topic's section.

Links are absolute when ``html_baseurl`` is set (Read the Docs sets it
through conf.py), else relative to the feed file. Entry and feed ids are
``urn:uuid:`` names derived from the project and the BibTeX key, so they
never change when the site moves.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
import re
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from papershelf.formats import citation
from papershelf.model.settings import LINK_KINDS, of_config
from papershelf.shelf.view import chronological_key, digest
from papershelf.site.domain import cite_domain, paper_domain
from papershelf.site.grouping import UNTAGGED, topic_groups

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from pybtex.database import Entry
    from sphinx.application import Sphinx

    from papershelf.model.records import Paper
    from papershelf.shelf.view import ShelfView

logger = logging.getLogger(__name__)

FEED_DIR = "feeds"
ENTRIES_FILE = "papershelf-feed-entries.json"  #: in the doctree cache: each <entry>, for the next build
SHELF_FEED = f"{FEED_DIR}/atom.xml"
BUILDERS = frozenset({"html", "dirhtml"})
ATOM_TYPE = "application/atom+xml"
ATOM_NS = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 cannot hold at all (lxml refuses them): dropped from text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])")
_LATEX = re.compile(r"[{}\\$~%&^_#]|--|''|``")
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def topic_feed(ident: str) -> str:
    """Path of a topic's feed from the site root (``ident`` is its section id)."""
    return f"{FEED_DIR}/{ident}.xml"


def xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    return _SENTENCE_END.split(text, maxsplit=1)[0] if text else ""


def author_names(entry: Entry | None) -> list[str]:
    """Authors as "First Last", plain text, without BibTeX's "others"."""
    if entry is None:
        return []
    names = []
    for person in entry.persons.get("author", []):
        parts = person.first_names + person.middle_names + person.prelast_names + person.last_names + person.lineage_names
        name = " ".join(parts)
        # Most names hold no LaTeX at all; pybtex's parser costs 0.1 ms a name.
        name = citation.plain(name) if _LATEX.search(name) else " ".join(name.split())
        if name and name.lower() != "others":
            names.append(name)
    return names


def byline(entry: Entry | None, names: list[str], most: int = 0) -> str:
    """``Ann Smith, Bob Jones. NeurIPS, 2023.``: what stands in for a missing abstract.

    Built from :func:`author_names` rather than the formatted reference: that
    converts every name part from LaTeX, 0.1 ms each in a fresh process.
    ``most`` > 0 keeps that many authors and adds "et al.".
    """
    if entry is None:
        return ""
    shown = names[:most] if most and len(names) > most else names
    people = ", ".join(shown) + (" et al." if len(shown) < len(names) else "")
    where = ", ".join(part for part in (citation.venue_of(entry), citation.plain(entry.fields.get("year", ""))) if part)
    return " ".join(part.rstrip(".") + "." for part in (people, where) if part)


def abstract_of(entry: Entry | None) -> str:
    return citation.plain(entry.fields.get("abstract", "")) if entry is not None else ""


def _when(iso: str) -> dt.datetime | None:
    """``2023``, ``2023-04`` or ``2023-04-17`` as midnight UTC of its first day."""
    parts = [int(p) for p in iso.split("-")[:3] if p.isdigit()]
    if not parts:
        return None
    try:
        return dt.datetime(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1, tzinfo=dt.UTC)
    except ValueError:
        return None


def published(paper: Paper) -> dt.datetime | None:
    return _when(paper.date.iso()) if paper.date else None


def updated(paper: Paper) -> dt.datetime:
    """When the paper joined the shelf; its first-public date when that is not recorded."""
    return _when(paper.added) or published(paper) or EPOCH


def additions_order(papers: Sequence[Paper]) -> list[Paper]:
    """Newest first: by ``added``, then by first-public date (stable ties)."""
    by_time = sorted(papers, key=chronological_key, reverse=True)
    return sorted(by_time, key=lambda p: (_when(p.added) or EPOCH, published(p) or EPOCH), reverse=True)


def entry_id(project: str, key: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"papershelf:{project}:{key}").urn


def _iso(when: dt.datetime) -> str:
    """RFC 3339 date-time, as Atom wants (``2023-04-01T00:00:00Z``)."""
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _add(parent: ET.Element, name: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, name, {k: xml_text(v) for k, v in attributes.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def build_feed(
    title: str,
    feed_path: str,
    papers: Sequence[Paper],
    *,
    project: str,
    author: str,
    base_url: str,
    page_uri: Callable[[Paper], str],
    bib_entry: Callable[[str], Entry | None],
    entries: dict[tuple[str, str], tuple[str, str]] | None = None,
    fingerprints: dict[str, str] | None = None,
    link_labels: dict[str, str] | None = None,
) -> bytes:
    """One Atom document (UTF-8 bytes) listing ``papers`` newest first.

    ``page_uri`` gives a paper page's path from the site root; with no
    ``base_url`` links are made relative to ``feed_path``. What RFC 4287
    requires is always there: the feed's id, title, updated and author; each
    entry's id, title, updated and one ``alternate`` link (tests/test_exports.py
    checks these rules on every feed the build writes). ``entries`` caches
    each paper's serialized ``<entry>``, by (key, feed folder), with the
    paper's :func:`feed_fingerprint` (from ``fingerprints``): a paper appears
    in the shelf's feed and in one per topic, and an entry whose fingerprint
    is unchanged is reused from the previous build.
    """

    labels = link_labels if link_labels is not None else LINK_KINDS

    def url(path: str) -> str:
        if base_url:
            return base_url.rstrip("/") + "/" + path
        return relative_uri(feed_path, path) or posixpath.basename(path)

    def entry_xml(paper: Paper) -> str:
        item = ET.Element("entry")
        entry = bib_entry(paper.key)
        _add(item, "id", entry_id(project, paper.key))
        _add(item, "title", paper.display_title)
        _add(item, "updated", _iso(updated(paper)))
        when = published(paper)
        if when is not None:
            _add(item, "published", _iso(when))
        names = author_names(entry)
        for name in names:
            _add(_add(item, "author"), "name", name)
        _add(item, "link", href=url(page_uri(paper)), rel="alternate", type="text/html")
        for link in paper.links:
            label = labels.get(link.kind, link.kind) + (f" ({link.label})" if link.label else "")
            _add(item, "link", href=link.url, rel="related", title=label)
        for tag in paper.tags:
            _add(item, "category", term=tag)
        summary = abstract_of(entry) or byline(entry, names)
        if summary:
            _add(item, "summary", summary, type="text")
        ET.indent(item, level=1)
        return ET.tostring(item, encoding="unicode")

    cache = entries if entries is not None else {}
    folder = posixpath.dirname(feed_path)
    ordered = additions_order(papers)
    # The namespace as a plain xmlns attribute: ElementTree would otherwise
    # invent an ``ns0:`` prefix, or refuse unprefixed attributes.
    feed = ET.Element("feed", xmlns=ATOM_NS)
    _add(feed, "id", entry_id(project, f"feed:{feed_path}"))
    _add(feed, "title", title)
    _add(feed, "updated", _iso(max((updated(p) for p in ordered), default=EPOCH)))
    _add(_add(feed, "author"), "name", author or project)
    _add(feed, "link", href=url(feed_path), rel="self", type=ATOM_TYPE)
    _add(feed, "link", href=url(""), rel="alternate", type="text/html")
    _add(feed, "generator", "papershelf")
    ET.indent(feed)
    head = ET.tostring(feed, encoding="unicode").removesuffix("</feed>")
    parts = [head.rstrip() + "\n"]
    for paper in ordered:
        key = (paper.key, folder)
        fingerprint = fingerprints.get(paper.key, "") if fingerprints is not None else ""
        cached = cache.get(key)
        if cached is None or not fingerprint or cached[0] != fingerprint:
            cached = cache[key] = (fingerprint, entry_xml(paper))
        parts.append("  " + cached[1] + "\n")
    parts.append("</feed>\n")
    return ("<?xml version='1.0' encoding='utf-8'?>\n" + "".join(parts)).encode("utf-8")


def feed_fingerprint(paper: Paper, bib_digest: str) -> str:
    """A digest of what a paper's ``<entry>`` is made of: not its status, models or
    architecture, so editing those rewrites no feed. ``bib_digest``: of its .bib
    entry's text (the scan's), so no entry is loaded to tell."""
    return digest(repr((paper.key, paper.docname, paper.title, paper.short_name, paper.date.iso() if paper.date else "", paper.added, paper.links, paper.tags, bib_digest)))


def _config_stamp(app: Sphinx) -> str:
    return digest(repr((app.config.project, app.config.author, app.config.html_baseurl, app.builder.name, sorted(of_config(app.config).links.items()))))


def _load_entries(path: Path, config: str) -> dict[tuple[str, str], tuple[str, str]]:
    """The entries the previous build wrote, when it had the same settings."""
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(saved, dict) or saved.get("config") != config:
        return {}
    return {(key, folder): (fingerprint, xml) for key, folder, fingerprint, xml in saved.get("entries", [])}


def write_feeds(app: Sphinx, view: ShelfView, fingerprints: dict[str, str] | None = None) -> int:
    """Write the shelf's feed and one per topic; remove feeds of topics that are gone."""
    outdir = Path(app.outdir)
    folder = outdir / FEED_DIR
    folder.mkdir(parents=True, exist_ok=True)
    cite = cite_domain(app.env)
    config = _config_stamp(app)
    previous = _load_entries(Path(app.doctreedir) / ENTRIES_FILE, config) if fingerprints is not None else {}
    options: dict[str, Any] = {
        "project": app.config.project,
        "author": app.config.author,
        "base_url": app.config.html_baseurl or "",
        "page_uri": lambda paper: app.builder.get_target_uri(paper.docname),
        "bib_entry": cite.entry if cite is not None else lambda key: None,
        "entries": previous,
        "fingerprints": fingerprints,
        "link_labels": of_config(app.config).links,
    }
    feeds = {SHELF_FEED: build_feed(f"{app.config.project}: new papers", SHELF_FEED, list(view.papers.values()), **options)}
    for ident, label, papers in topic_groups(view):
        if ident != UNTAGGED:
            path = topic_feed(ident)
            feeds[path] = build_feed(f"{app.config.project}: new papers on {label}", path, papers, **options)
    names = {Path(path).name for path in feeds}
    for stale in folder.glob("*.xml"):
        if stale.name not in names:
            stale.unlink()
    for path, data in feeds.items():
        target = outdir / path
        if not (target.is_file() and target.read_bytes() == data):
            target.write_bytes(data)
    if fingerprints is not None:
        folders = {posixpath.dirname(path) for path in feeds}
        kept = [[key, where, fingerprint, xml] for (key, where), (fingerprint, xml) in previous.items() if key in view.papers and where in folders]
        (Path(app.doctreedir) / ENTRIES_FILE).write_text(json.dumps({"config": config, "entries": kept}), encoding="utf-8")
    return len(feeds)


def on_shelf_ready(app: Sphinx, view: ShelfView) -> None:
    """Write the Atom feeds (``papershelf-shelf-ready``, events.py)."""
    if app.builder.name not in BUILDERS:
        return
    domain = paper_domain(app.env)
    stamp_path = Path(app.outdir) / FEED_DIR / ".stamp"
    # second line: the shelf's generation (sync.on_env_updated), so an unchanged shelf costs no fingerprints
    made_from = f"{domain.data['generation']} {_config_stamp(app)}"
    written = stamp_path.read_text(encoding="utf-8").split("\n") if stamp_path.is_file() else []
    if domain.unchanged and written[1:] == [made_from]:
        return
    index = domain.bib_index
    fingerprints = {key: feed_fingerprint(paper, index.digest(key) if index is not None else "") for key, paper in view.papers.items()}
    stamp = digest(repr(([fingerprints[key] for key in view.order], _config_stamp(app))))
    if written[:1] != [stamp]:
        count = write_feeds(app, view, fingerprints)
        logger.info("papershelf: wrote %d Atom feeds under %s/", count, FEED_DIR)
    stamp_path.write_text(f"{stamp}\n{made_from}", encoding="utf-8")


def on_html_page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """``<link rel="alternate" type="application/atom+xml">`` on the landing page."""
    if app.builder.name not in BUILDERS or pagename != app.config.root_doc:
        return
    view = paper_domain(app.env).view
    if view is None or not view.papers:
        return  # no papers, no feed
    href = relative_uri(app.builder.get_target_uri(pagename), SHELF_FEED)
    title = f"{app.config.project}: new papers"
    context["metatags"] = context.get("metatags", "") + f'\n<link rel="alternate" type="{ATOM_TYPE}" title="{_attr(title)}" href="{_attr(href)}" />'


def _attr(text: str) -> str:
    return html.escape(text, quote=True)
