"""What search engines and link previews read in a paper page's ``<head>``.

* Google Scholar's ``citation_*`` tags (title, one ``citation_author`` per
  author, publication date, journal or conference, ``citation_pdf_url`` and
  ``citation_arxiv_id`` where known), written here;
* OpenGraph tags through sphinxext-opengraph, steered per paper page: its
  per-page fields (``og:title``, ``og:description``, ``og:type``) are set in
  the page context just before it runs; a ``description`` and a Twitter
  ``summary`` card are written here, escaped;
* ``sitemap.xml`` through sphinx-sitemap, set up only when ``html_baseurl``
  is set (it has nothing to write without it).

Every value comes from the shelf's records and the BibTeX entry, and is
HTML-escaped here: a title holding ``"<&>`` cannot break out of the tag.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from papershelf.formats import arxivid, citation
from papershelf.site.domain import cite_domain, paper_domain
from papershelf.site.exports.feeds import (
    abstract_of,
    author_names,
    byline,
    first_sentence,
)

if TYPE_CHECKING:
    from docutils import nodes
    from pybtex.database import Entry
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from papershelf.model.records import Paper

logger = logging.getLogger(__name__)

DESCRIPTION_LENGTH = 200
SITEMAP_DEFAULT_SCHEME = "{lang}{version}{link}"


def arxiv_id(paper: Paper, entry: Entry | None) -> str:
    """The paper's arXiv id: the entry's ``eprint``, else an arXiv link of the page."""
    if entry is not None:
        identifier = citation.arxiv_of(entry)
        if identifier:
            return identifier
    return next((found for link in paper.links if (found := arxivid.of_link(link.url))), "")


def pdf_url(paper: Paper, identifier: str) -> str:
    """A direct PDF link: a ``paper`` link ending in .pdf or on arXiv's /pdf/, else arXiv's."""
    for link in paper.links_of("paper"):
        path = link.url.split("?", 1)[0].split("#", 1)[0]
        if path.lower().endswith(".pdf") or arxivid.is_pdf_url(link.url):
            return link.url
    return arxivid.pdf_url(identifier) if identifier else ""


def scholar_date(paper: Paper, entry: Entry | None) -> str:
    """``2023/04/17``, or ``2023`` when the day is not known (Scholar's two forms)."""
    if paper.date is not None:
        date = paper.date
        return f"{date.year:04d}/{date.month:02d}/{date.day:02d}" if date.day else f"{date.year:04d}"
    return citation.plain(entry.fields.get("year", "")) if entry is not None else ""


def description(paper: Paper, entry: Entry | None, names: list[str]) -> str:
    """The abstract's first sentence; else the first authors, venue and year."""
    sentence = first_sentence(abstract_of(entry)) or byline(entry, names, most=3) or paper.title
    if len(sentence) > DESCRIPTION_LENGTH:
        sentence = sentence[: DESCRIPTION_LENGTH - 1].rstrip() + "…"
    return sentence


def scholar_tags(paper: Paper, entry: Entry | None, names: list[str]) -> list[tuple[str, str]]:
    """Google Scholar's tags as (name, value) pairs, in its documented order."""
    tags = [("citation_title", paper.title)]
    tags += [("citation_author", name) for name in names]
    date = scholar_date(paper, entry)
    if date:
        tags.append(("citation_publication_date", date))
    if entry is not None:
        for field, name in (("journal", "citation_journal_title"), ("booktitle", "citation_conference_title")):
            value = citation.plain(entry.fields.get(field, ""))
            if value:
                tags.append((name, value))
    identifier = arxiv_id(paper, entry)
    pdf = pdf_url(paper, identifier)
    if pdf:
        tags.append(("citation_pdf_url", pdf))
    if identifier:
        tags.append(("citation_arxiv_id", identifier))
    return tags


def meta(name: str, value: str) -> str:
    return f'<meta name="{html.escape(name)}" content="{html.escape(value, quote=True)}" />'


def on_html_page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None) -> None:
    """Scholar tags, a description and OpenGraph fields on paper pages.

    Connected before sphinxext-opengraph (priority 500), which then reads
    the ``og:*`` fields of ``context["meta"]`` and, seeing a description
    already in the head, adds none of its own.
    """
    if app.builder.format != "html":
        return
    domain = paper_domain(app.env)
    view = domain.view
    key = view.keys_by_doc.get(pagename) if view is not None else None
    if view is None or key is None:
        return
    paper = view.papers[key]
    cite = cite_domain(app.env)
    entry = cite.entry(key) if cite is not None else None
    names = author_names(entry)
    about = description(paper, entry, names)
    lines = [meta(name, value) for name, value in scholar_tags(paper, entry, names)]
    lines += [meta("description", about), meta("twitter:card", "summary")]
    context["metatags"] = context.get("metatags", "") + "\n" + "\n".join(lines) + "\n"
    # sphinxext-opengraph writes these fields as given (escaping only '"'),
    # so they are escaped here; a copy keeps the environment's metadata intact.
    fields = dict(context.get("meta") or {})
    fields["og:title"] = html.escape(paper.display_title, quote=True)
    fields["og:description"] = html.escape(about, quote=True)
    fields["og:type"] = "article"
    # Its own description would walk the whole doctree only to be replaced.
    fields["ogp_description_length"] = "0"
    context["meta"] = fields


def on_config_inited(app: Sphinx, config: Config) -> None:
    """Defaults for sphinxext-opengraph and sphinx-sitemap that suit a shelf.

    Social-card images (drawn with matplotlib for every page) stay off unless
    configured; the site URL comes from ``html_baseurl``; the sitemap needs
    that URL, so sphinx-sitemap is set up only when it is there.
    """
    if config.ogp_social_cards is None:
        config.ogp_social_cards = {"enable": False}
    if not config.ogp_site_url and config.html_baseurl:
        config.ogp_site_url = config.html_baseurl
    if config.html_baseurl:
        app.setup_extension("sphinx_sitemap")
        # html_baseurl is the site's own root (Read the Docs' already holds
        # /en/latest/): no language or version segment on top.
        if config.sitemap_url_scheme == SITEMAP_DEFAULT_SCHEME:
            config.sitemap_url_scheme = "{link}"
