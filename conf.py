"""Sphinx configuration of the papershelf site (source files live in docs/)."""

from __future__ import annotations

import sys
from pathlib import Path

# The extension lives in _ext/; Read the Docs and a fresh venv find it here
# even before `pip install -e .` has run.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "Visual Language Models: a reading list"
author = "papershelf contributors"
copyright = "2026, papershelf contributors"

extensions = ["papershelf"]
root_doc = "index"
exclude_patterns = ["_build", ".venv"]

# MyST: front matter holds each paper's facts; roles like {cite:p} work in Markdown.
myst_enable_extensions = ["colon_fence", "deflist", "dollarmath"]

bibtex_bibfiles = ["references.bib"]
bibtex_reference_style = "author_year"
bibtex_default_style = "plain"
bibtex_cite_id = "cite-{key}"
# Tooltips would format every entry twice; citations of shelf papers carry the paper title instead.
bibtex_tooltips = False

html_theme = "furo"
html_title = "VLM reading list"
html_static_path: list[str] = []
html_extra_path = ["references.bib"]
html_copy_source = False
html_show_sourcelink = False
