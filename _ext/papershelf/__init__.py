"""papershelf: a Sphinx extension for curated reading lists of papers.

Registers:

* the ``paper`` domain (paper records, ``objects.inv`` entries, ``{paper}``
  cross-references) and the ``{paper}`` role usable without a domain prefix;
* the ``paper-index`` and ``paper-schema`` directives;
* a ``cite`` domain (sphinxcontrib-bibtex's, resolving onto paper pages);
* event handlers: front matter -> page header at read time, one
  cross-document pass per build, placeholders filled at write time,
  chronological previous/next links;
* .bib downloads per topic and year, the BibTeX of a filtered selection,
  Atom feeds, Scholar and OpenGraph meta tags (with sphinxext-opengraph) and,
  when ``html_baseurl`` is set, a sitemap (sphinx-sitemap);
* the stylesheet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    """Sphinx entry point (``extensions = ["papershelf"]``); see extension.py."""
    from papershelf.site.extension import setup as setup_extension

    return setup_extension(app)
