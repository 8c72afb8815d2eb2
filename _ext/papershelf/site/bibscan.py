"""The project's .bib files, as sphinxcontrib-bibtex resolves them, scanned as one.

The paths, encoding, style and citation id template come from
sphinxcontrib-bibtex's settings; :func:`scan_all` reads every file with
papershelf's own scanner (:mod:`papershelf.formats.bibfile`), for the
build's checks (sync.py) and the .bib downloads (exports/bibexport.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinxcontrib.bibtex.bibfile import get_mtime

from papershelf.formats.bibfile import BibScan, scan_bibfile
from papershelf.formats.bibrules import DEFAULT_STYLE, entry_problems

if TYPE_CHECKING:
    from collections.abc import Mapping

    from pybtex.database import Entry
    from sphinx.application import Sphinx

    from papershelf.model.records import BibEntry


def bib_paths(app: Sphinx) -> list[Path]:
    """The .bib files, resolved as sphinxcontrib-bibtex resolves them."""
    # Without .bib files the project has no sphinxcontrib-bibtex, and no such setting.
    return [(Path(app.confdir) / name).resolve() for name in getattr(app.config, "bibtex_bibfiles", None) or []]


def bib_encoding(app: Sphinx) -> str:
    return getattr(app.config, "bibtex_encoding", "utf-8-sig")


def scan_all(app: Sphinx, readings: Mapping[str, Entry] | None = None) -> BibScan:
    """All .bib files as one scan; the first entry of a key wins, as in pybtex.

    Keys repeated in a later file or differing only in case (pybtex drops
    the later entry; its errors are captured while it parses, so it no longer
    says so), keys giving one citation id and fields the style needs are
    reported at the entry's line, as ``papershelf check`` reports them.
    """
    located: list[tuple[str, BibEntry]] = []
    paths = bib_paths(app)
    merged = BibScan(path=", ".join(str(p) for p in paths))
    # sphinxcontrib-bibtex's own notion of "unchanged", taken before reading
    merged.mtimes = {str(path): get_mtime(path) for path in paths}
    for path in paths:
        scan = scan_bibfile(path, encoding=bib_encoding(app), macros=merged.macros, readings=readings, defines_macros=merged.defines_macros)
        located.extend((str(path), entry) for entry in scan.entries.values())
        merged.add_file(scan)  # a key repeated in a later file: entry_problems reports it
    root = Path(app.confdir).resolve()
    names = {str(path): path.relative_to(root).as_posix() for path in paths if path.is_relative_to(root)}  # as check names them
    merged.problems.extend(entry_problems(located, bib_style(app), cite_id_template(app), names))
    return merged


def bib_style(app: Sphinx) -> str:
    return getattr(app.config, "bibtex_default_style", None) or DEFAULT_STYLE


def cite_id_template(app: Sphinx) -> str:
    return getattr(app.config, "bibtex_cite_id", None) or ""
