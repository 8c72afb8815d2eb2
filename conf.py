"""Sphinx configuration of the papershelf site (source files live in docs/)."""

from __future__ import annotations

import os
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
# Links: papershelf publishes http(s), mailto and relative links only. `site:name` links a file
# html_extra_path puts at the site root (references.bib): a page may not copy files from outside docs/.
myst_url_schemes = {"http": None, "https": None, "mailto": None, "site": "{{path}}"}

# This shelf's field: the architecture comparison's columns (the `architecture` keys of a paper page).
papershelf_facets = [
    {"name": "vision_encoder", "heading": "Vision encoder", "help": "The image encoder, e.g. CLIP ViT-L/14."},
    {"name": "language_model", "heading": "Language model", "help": "The language model the image features feed, e.g. Vicuna-13B."},
    {"name": "connector", "heading": "Connector", "help": "What maps image features into the language model: a linear projection, an MLP, a Q-Former, cross-attention."},
    {"name": "parameters", "heading": "Parameters", "help": "Model sizes the paper reports."},
    {"name": "training_data", "heading": "Training data", "help": "The data the paper trains on, in brief."},
]

bibtex_bibfiles = ["references.bib"]
bibtex_reference_style = "author_year"
bibtex_default_style = "plain"
bibtex_cite_id = "cite-{key}"
# Tooltips would format every entry twice; citations of shelf papers carry the paper title instead.
bibtex_tooltips = False

html_theme = "furo"
html_title = "VLM reading list"
# The site's public address: absolute links in feeds and OpenGraph tags, and
# a sitemap.xml. Read the Docs provides it; local builds stay relative.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
html_static_path: list[str] = []
html_extra_path = ["references.bib"]
html_copy_source = False
html_show_sourcelink = False
