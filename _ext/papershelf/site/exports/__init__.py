"""Files the site writes beside its pages: papers.json, BibTeX downloads, Atom feeds."""
