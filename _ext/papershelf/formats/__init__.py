"""External formats, each read and written in one module: arXiv ids, dates, front matter, BibTeX, conf.py literals, citations."""
