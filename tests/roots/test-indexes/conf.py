extensions = ["papershelf"]
bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year"
html_theme = "basic"
# papers/xss.md puts markup in its title on purpose (the indexes must escape it).
suppress_warnings = ["papershelf.html-in-text"]
