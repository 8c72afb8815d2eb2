extensions = ["papershelf"]
bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year"
html_theme = "basic"
