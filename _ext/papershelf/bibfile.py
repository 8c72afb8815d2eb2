"""Scan the shared ``.bib`` file before pybtex sees it.

pybtex (behind sphinxcontrib-bibtex) prints syntax errors to stderr, where a
warnings-as-errors build never sees them, and keeps only the first of two
entries with one key. bibtexparser reads the file block by block with line
numbers, so every problem can be reported at its line and the rest of the
file is still checked.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import bibtexparser
from bibtexparser import model

from . import arxivid
from .problems import Code, Problem
from .records import BibEntry

ENTRY_OPENER = re.compile(r"@\s*(\w+)\s*[{(]\s*([^,\s]+)\s*,")
NEXT_BLOCK = re.compile(r"^[ \t]*@", re.MULTILINE)


@dataclass
class BibScan:
    """What the scan found: entries by key (first wins) and the problems."""

    path: str
    stamp: tuple[int, int] = (0, 0)  #: (mtime_ns, size) the scan was made from
    entries: dict[str, BibEntry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def digest(self, key: str) -> str:
        """A fingerprint of one entry's text, to find what an edit changed."""
        entry = self.entries.get(key)
        return hashlib.sha1(entry.raw.encode()).hexdigest() if entry else ""


def eprint_id(entry: BibEntry) -> str:
    """The canonical arXiv id of an entry's ``eprint`` (new or old style), or ``""``."""
    return arxivid.of_eprint(entry.get("eprint"), entry.get("archiveprefix"))


@dataclass(frozen=True)
class BibIndex:
    """The small part of a scan kept between builds: where each entry is, and
    a digest of its text to tell which entries an edit changed."""

    path: str
    stamp: tuple[int, int]
    entries: dict[str, tuple[int, str]]  #: key -> (line, digest)
    files: tuple[str, ...] = ()  #: the scanned files, in order
    encoding: str = "utf-8-sig"  #: the files' encoding (``bibtex_encoding``)
    #: key -> arXiv id of its ``eprint``, so a build checks paper links against them without reading the file
    eprints: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, scan: BibScan, files: tuple[str, ...] = (), encoding: str = "utf-8-sig") -> BibIndex:
        eprints = {key: eprint for key, entry in scan.entries.items() if (eprint := eprint_id(entry))}
        return cls(scan.path, scan.stamp, {key: (entry.line, scan.digest(key)) for key, entry in scan.entries.items()}, files, encoding, eprints)

    def read_entry(self, key: str) -> BibEntry | None:
        """One entry, read from the file without scanning all of it.

        For a page re-read while the .bib is unchanged: parsing the whole
        file again would cost O(entries) for one entry's text.
        """
        if key not in self.entries:
            return None
        opener = re.compile(r"^[ \t]*@\s*\w+\s*[{(]\s*" + re.escape(key) + r"\s*,", re.MULTILINE)
        for name in self.files:
            try:
                text = Path(name).read_text(encoding=self.encoding)
            except (OSError, UnicodeDecodeError, LookupError):
                continue
            found = opener.search(text)
            if found is None:
                continue
            following = NEXT_BLOCK.search(text, found.end())
            snippet = BibScan(name)
            scan_text(text[found.start(): following.start() if following else len(text)], snippet)
            entry = snippet.entries.get(key)
            if entry is not None:
                line = text.count("\n", 0, found.start()) + 1
                return BibEntry(entry.key, line, entry.raw, entry.entry_type, entry.fields)
        return None

    def digest(self, key: str) -> str:
        return self.entries.get(key, (0, ""))[1]


def file_stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (0, 0)
    return (stat.st_mtime_ns, stat.st_size)


def scan_bibfile(path: Path, display_path: str = "", encoding: str = "utf-8-sig") -> BibScan:
    """Read and check a .bib file; a missing file gives an empty scan
    (sphinxcontrib-bibtex reports it)."""
    scan = BibScan(display_path or str(path), file_stamp(path))
    try:
        text = path.read_text(encoding=encoding)
    except FileNotFoundError:
        return scan
    except (OSError, UnicodeDecodeError, LookupError) as error:
        scan.problems.append(Problem(Code.BIB_SYNTAX, f"cannot read the file: {error}", 1, scan.path))
        return scan
    scan_text(text, scan)
    return scan


def scan_text(text: str, scan: BibScan) -> None:
    library = bibtexparser.parse_string(text)
    first_line: dict[str, int] = {}
    for block in library.blocks:
        line = (block.start_line or 0) + 1
        if isinstance(block, model.DuplicateBlockKeyBlock):
            key = block.key
            scan.problems.append(Problem(Code.BIB_DUPLICATE, f"key `{key}` is defined again here; its first entry is on line {first_line.get(key, '?')}; rename or remove one", line, scan.path))
        elif isinstance(block, model.ParsingFailedBlock):
            opener = ENTRY_OPENER.search(block.raw or "")
            what = f"entry `{opener.group(2)}`" if opener else "this block"
            details = str(block.error or "").strip().splitlines()
            reason = details[-1].strip() if details else "syntax error"
            scan.problems.append(Problem(Code.BIB_SYNTAX, f"{what} does not parse: {reason}", line, scan.path))
        elif isinstance(block, model.Entry):
            first_line.setdefault(block.key, line)
            _check_entry(block, line, scan)


def _check_entry(entry: model.Entry, line: int, scan: BibScan) -> None:
    fields = {f.key.lower(): f for f in entry.fields}
    broken = False
    for item in entry.fields:
        value = str(item.value)
        # A missing comma makes bibtexparser glue the next field into an unenclosed value.
        if getattr(item, "enclosing", None) == "no-enclosing" and re.search(r"\n\s*\w+\s*=", value):
            scan.problems.append(Problem(Code.BIB_SYNTAX, f"entry `{entry.key}`: a comma is missing after field `{item.key}` (line {item.start_line + 1}); add `,` at the end of that line", item.start_line + 1, scan.path))
            broken = True
    if "year" not in fields and "date" not in fields:
        scan.problems.append(Problem(Code.BIB_NO_YEAR, f"entry `{entry.key}` has no `year`; add `year = {{YYYY}}`", line, scan.path, entry.key))
    author = fields.get("author")
    if author is not None:
        names = re.split(r"\s+and\s+", str(author.value))
        if any(name.count(",") > 1 for name in names) or "†" in str(author.value):
            scan.problems.append(Problem(Code.BIB_AUTHORS, f"entry `{entry.key}`: authors must be separated by ` and ` (found commas or markers such as †)", author.start_line + 1, scan.path, entry.key))
    if broken:
        return  # pybtex rejects the entry too: do not offer it as a citation
    scan.entries[entry.key] = BibEntry(
        key=entry.key,
        line=line,
        raw=(entry.raw or "").strip(),
        entry_type=entry.entry_type.lower(),
        fields=tuple((f.key.lower(), str(f.value)) for f in entry.fields),
    )
