extensions = ["papershelf"]
bibtex_bibfiles = ["refs.bib"]
html_theme = "basic"
