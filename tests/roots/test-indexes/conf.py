extensions = ["papershelf"]
bibtex_bibfiles = ["refs.bib"]
papershelf_facets = [
    {"name": "vision_encoder", "heading": "Vision encoder"},
    {"name": "language_model", "heading": "Language model"},
    {"name": "connector", "heading": "Connector", "help": "What joins the two."},
    {"name": "parameters", "heading": "Parameters"},
    {"name": "training_data", "heading": "Training data"},
]
papershelf_link_kinds = {"poster": "Poster"}
papershelf_relation_kinds = {"extends": ["Extends", "Extended by"]}
bibtex_reference_style = "author_year"
html_theme = "basic"
# papers/xss.md puts markup in its title on purpose (the indexes must escape it).
suppress_warnings = ["papershelf.html-in-text"]
