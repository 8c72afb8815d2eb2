"""pybtex's reading of the .bib, kept in a file beside the environment and loaded on first use.

sphinxcontrib-bibtex keeps its parsed .bib (pybtex's ``BibliographyData``)
inside the environment pickle. At 2,000 entries that is 1.9 MB of pybtex
objects, 0.27 s to unpickle: two thirds of loading the environment, paid by
every build, a no-op included. Most builds read no entry at all, or a few
(a page re-read after an edit shows its own). So the reading is stored in
its own file (:data:`FILE`, in the doctree folder) and the environment keeps
a :class:`StoredEntries` in its place, which loads it when an attribute is
first read. A page that needs one entry has it read alone from its lines
(:class:`EntryReader`), as long as no ``@string`` macro or ``crossref``
could change it.
"""

from __future__ import annotations

import pickle
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pybtex.database import BibliographyData, Entry
from pybtex.database.input.bibtex import Parser
from sphinx.util import logging

if TYPE_CHECKING:
    from papershelf.formats.bibfile import BibIndex

logger = logging.getLogger(__name__)

FILE = "papershelf-bibdata.pickle"
#: single entries read alone in one build, at most; beyond it, loading all is cheaper
READ_ALONE = 64


class StoredEntries:
    """Stands in for pybtex's ``BibliographyData`` in sphinxcontrib-bibtex's ``BibData``.

    Made with the data in memory, it writes it to ``path`` at once; pickled,
    only the path and a token go along. Unpickled, the first attribute read
    (``entries``, as upstream reads it) loads the file; a file that is gone
    or holds another build's reading is parsed again from the .bib files
    (``files``), as sphinxcontrib-bibtex would.
    """

    def __init__(self, data: BibliographyData, path: Path, files: list[Path], encoding: str) -> None:
        self._data: BibliographyData | None = data
        self._path = path
        self._files = files
        self._encoding = encoding
        self._token = uuid.uuid4().hex
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            pickle.dump((self._token, data), handle, pickle.HIGHEST_PROTOCOL)

    def __getstate__(self) -> dict[str, Any]:
        return {"_path": self._path, "_files": self._files, "_encoding": self._encoding, "_token": self._token}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._data = None

    @property
    def loaded(self) -> bool:
        return self._data is not None

    @property
    def token(self) -> str:
        """Names this reading: the same token, the same entries."""
        return self._token

    def load(self) -> BibliographyData:
        if self._data is None:
            try:
                with self._path.open("rb") as handle:
                    token, data = pickle.load(handle)
            except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
                token, data = None, None
            if token != self._token or not isinstance(data, BibliographyData):
                from sphinxcontrib.bibtex.bibfile import parse_bibdata

                logger.info("papershelf: %s is not the one this environment wrote; parsing the .bib again", self._path.name)
                data = parse_bibdata(self._files, self._encoding).data
            self._data = data
        return self._data

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # not while unpickling, before __setstate__
            raise AttributeError(name)
        return getattr(self.load(), name)


class EntryReader:
    """Single entries read alone from their lines in the .bib, for a build that loads no other.

    Each file is read once per .bib version (the index's stamp); each entry
    parsed once.
    """

    def __init__(self) -> None:
        self._stamp: tuple[int, int] | None = None
        self._lines: dict[str, list[str]] = {}
        self._entries: dict[str, Entry | None] = {}

    def read(self, index: BibIndex, key: str) -> Entry | bool | None:
        """The entry of ``key``, None when the .bib has none, or False when it cannot be read alone."""
        if index.stamp != self._stamp:
            self._stamp, self._lines, self._entries = index.stamp, {}, {}
        if key in self._entries:
            return self._entries[key]
        if index.defines_macros or len(self._entries) >= READ_ALONE:
            return False
        span = index.spans.get(key)
        if key not in index.entries or span is None:
            return None
        name, first, last = span
        if name not in self._lines:
            try:
                self._lines[name] = Path(name).read_text(encoding=index.encoding).split("\n")
            except (OSError, UnicodeDecodeError, LookupError):
                return False
        try:
            parsed = Parser().parse_string("\n".join(self._lines[name][first - 1:last])).entries
        except Exception:  # the file changed under the index: read everything instead
            return False
        entry = parsed.get(key)
        if entry is None or "crossref" in entry.fields:  # a crossref's parent lives elsewhere
            return False
        self._entries[key] = entry
        return entry
