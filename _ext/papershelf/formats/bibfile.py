"""BibTeX text: the one place that finds entries, decides which are valid, and writes them.

pybtex (behind sphinxcontrib-bibtex) prints syntax errors to stderr, where a
warnings-as-errors build never sees them, keeps half of a broken entry (a
missing comma leaves a page showing "(n.d.). Gamma."), and drops every entry
after a repeated key. So the files are read here once, for the build and
the CLI alike:

* bibtexparser splits the text into blocks with line numbers (entry
  boundaries, keys, lines), so every problem is reported at its line and the
  rest of the file is still read;
* each entry is then parsed alone by pybtex's parser, the grammar
  sphinxcontrib-bibtex formats with: an entry is valid when both read it
  cleanly, and only valid entries are offered (as :class:`BibEntry` records
  and as pybtex's data, which the build hands to sphinxcontrib-bibtex
  instead of letting it parse the files again). A broken entry is reported
  once, at its line, with a fix, and is absent everywhere else.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import bibtexparser
import pybtex.errors
from bibtexparser import model
from pybtex.database import BibliographyData, BibliographyDataError
from pybtex.database.input.bibtex import Parser
from pybtex.scanner import PybtexSyntaxError

from papershelf.formats import arxivid, citation
from papershelf.formats.links import is_allowed_link, scheme
from papershelf.model.problems import Code, Problem
from papershelf.model.records import BibEntry

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from pybtex.database import Entry
    from pybtex.exceptions import PybtexError

_OPENER = re.compile(r"@\s*(\w+)\s*[{(]\s*([^,\s]+)\s*,")
#: block types that are not references (no key of their own)
NON_ENTRIES = {"comment", "string", "preamble"}


def entry_openers(text: str) -> list[tuple[str, str]]:
    """(type, key) of every ``@type{key,`` in ``text`` that opens a reference, in order."""
    return [(m.group(1).lower(), m.group(2)) for m in _OPENER.finditer(text) if m.group(1).lower() not in NON_ENTRIES]


def entry_key(text: str) -> str:
    """The key of the first entry ``text`` opens, or ``""``."""
    openers = entry_openers(text)
    return openers[0][1] if openers else ""


@dataclass
class BibScan:
    """What the scan found: valid entries by key (first wins), every declared key, and the problems."""

    path: str
    stamp: tuple[int, int] = (0, 0)  #: (mtime_ns, size) the scan was made from
    entries: dict[str, BibEntry] = field(default_factory=dict)  #: valid entries only
    problems: list[Problem] = field(default_factory=list)
    #: key -> (path, line, text) of every entry written, broken ones too (first of a key wins)
    declared: dict[str, tuple[str, int, str]] = field(default_factory=dict)
    #: key -> (path, first line, last line) of each valid entry
    spans: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    #: pybtex's reading of the valid entries, in file order: what sphinxcontrib-bibtex formats
    data: BibliographyData = field(default_factory=BibliographyData)
    #: path -> the valid keys first defined in that file, in order
    file_keys: dict[str, list[str]] = field(default_factory=dict)
    #: path -> modification time when read (kept for sphinxcontrib-bibtex's cache)
    mtimes: dict[str, float] = field(default_factory=dict)
    #: ``@string`` macros defined so far (pybtex's month names included)
    macros: dict[str, str] = field(default_factory=dict)
    #: a file defines ``@string`` macros or a ``@preamble``: entries' readings may depend on them
    defines_macros: bool = False

    @property
    def broken(self) -> dict[str, tuple[str, int]]:
        """key -> (path, line) of entries that are written but not valid."""
        return {key: (path, line) for key, (path, line, _) in self.declared.items() if key not in self.entries}

    def add_file(self, other: BibScan) -> list[BibEntry]:
        """Take in the scan of one more file; return its entries whose key an earlier file holds."""
        self.problems.extend(other.problems)
        self.macros = other.macros or self.macros
        self.defines_macros = self.defines_macros or other.defines_macros
        repeated = []
        for key, declared in other.declared.items():
            self.declared.setdefault(key, declared)
        keys = []
        for key, entry in other.entries.items():
            if key in self.data.entries:  # pybtex's keys ignore case
                repeated.append(entry)
                continue
            self.entries[key] = entry
            self.spans[key] = other.spans[key]
            self.data.entries[key] = other.data.entries[key]
            keys.append(key)
        if other.path in other.file_keys:  # the file was read
            self.file_keys[other.path] = keys
        return repeated

    def digest(self, key: str) -> str:
        """A fingerprint of one entry's text, to find what an edit changed."""
        entry = self.entries.get(key)
        return _digest(entry.raw) if entry else ""


def _digest(raw: str) -> str:
    return hashlib.sha1(raw.encode()).hexdigest()


def eprint_id(entry: BibEntry) -> str:
    """The canonical arXiv id of an entry's ``eprint`` (new or old style), or ``""``."""
    return arxivid.of_eprint(entry.get("eprint"), entry.get("archiveprefix"))


@dataclass(frozen=True)
class BibIndex:
    """The small part of a scan kept between builds: where each entry is, and
    a digest of its text to tell which entries an edit changed."""

    path: str
    stamp: tuple[int, int]
    entries: dict[str, tuple[int, str]]  #: key -> (line, digest), valid entries only
    files: tuple[str, ...] = ()  #: the scanned files, in order
    encoding: str = "utf-8-sig"  #: the files' encoding (``bibtex_encoding``)
    #: key -> arXiv id of its ``eprint``, so a build checks paper links against them without reading the file
    eprints: dict[str, str] = field(default_factory=dict)
    #: key -> (path, first line, last line) of each valid entry, to read one back alone
    spans: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    #: key -> line of entries written but broken (reported at that line, and nowhere else)
    broken: dict[str, int] = field(default_factory=dict)
    #: the files define ``@string`` macros or a ``@preamble`` (entries' readings may depend on them)
    defines_macros: bool = False

    @classmethod
    def of(cls, scan: BibScan, files: tuple[str, ...] = (), encoding: str = "utf-8-sig") -> BibIndex:
        eprints = {key: eprint for key, entry in scan.entries.items() if (eprint := eprint_id(entry))}
        entries = {key: (entry.line, scan.digest(key)) for key, entry in scan.entries.items()}
        broken = {key: line for key, (_, line) in scan.broken.items()}
        return cls(scan.path, scan.stamp, entries, files, encoding, eprints, dict(scan.spans), broken, scan.defines_macros)

    def read_entry(self, key: str) -> BibEntry | None:
        """One valid entry, read back from its lines without scanning the whole file.

        For a page re-read while the .bib is unchanged: parsing the whole
        file again would cost O(entries) for one entry's text.
        """
        span = self.spans.get(key)
        if key not in self.entries or span is None:
            return None
        name, first, last = span
        try:
            lines = Path(name).read_text(encoding=self.encoding).split("\n")
        except (OSError, UnicodeDecodeError, LookupError):
            return None
        block = next((b for b in bibtexparser.parse_string("\n".join(lines[first - 1:last])).blocks if isinstance(b, model.Entry)), None)
        return _record(block, first) if block is not None and block.key == key else None

    def texts(self) -> dict[str, str] | None:
        """Every valid entry's text as written, read back from its lines (each file read once).

        None when a file cannot be read or no longer holds an entry's text
        where the scan found it: the caller scans again.
        """
        files: dict[str, list[str]] = {}
        texts: dict[str, str] = {}
        for key, (name, first, last) in self.spans.items():
            if name not in files:
                try:
                    files[name] = Path(name).read_text(encoding=self.encoding).split("\n")
                except (OSError, UnicodeDecodeError, LookupError):
                    return None
            text = "\n".join(files[name][first - 1:last]).strip()
            if hashlib.sha1(text.encode()).hexdigest() != self.digest(key):
                return None
            texts[key] = text
        return texts

    def digest(self, key: str) -> str:
        return self.entries.get(key, (0, ""))[1]


def file_stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (0, 0)
    return (stat.st_mtime_ns, stat.st_size)


def scan_bibfile(
    path: Path, display_path: str = "", encoding: str = "utf-8-sig", macros: dict[str, str] | None = None,
    readings: Mapping[str, Entry] | None = None, defines_macros: bool = False,
) -> BibScan:
    """Read and check a .bib file; a missing file gives an empty scan
    (sphinxcontrib-bibtex reports it). ``macros``: ``@string`` definitions of earlier files
    (``defines_macros``: they hold any); ``readings``: see :func:`scan_text`."""
    scan = BibScan(display_path or str(path), file_stamp(path), macros=dict(macros or {}), defines_macros=defines_macros)
    try:
        text = path.read_text(encoding=encoding)
    except FileNotFoundError:
        return scan
    except (OSError, UnicodeDecodeError, LookupError) as error:
        scan.problems.append(Problem(Code.BIB_SYNTAX, f"cannot read the file: {error}", 1, scan.path))
        return scan
    scan_text(text, scan, readings)
    return scan


def scan_text(text: str, scan: BibScan, readings: Mapping[str, Entry] | None = None) -> None:
    """Read one file's text into ``scan``: its blocks, their problems, its valid entries.

    ``scan.macros`` holds the ``@string`` definitions read so far (earlier
    files included, as pybtex reads several files) and gains this file's.
    ``readings``: pybtex's earlier reading of entries by :meth:`BibScan.digest`
    of their text; an entry whose text is unchanged is not parsed again
    (pybtex takes 0.5 ms an entry), unless ``@string`` macros could change it.
    """
    library = bibtexparser.parse_string(text)
    lines = text.split("\n")
    parser = Parser(macros=scan.macros) if scan.macros else Parser()
    keys = scan.file_keys.setdefault(scan.path, [])
    string_lines: dict[str, int] = {}  #: @string name (folded) -> its first line in this file
    for block in library.blocks:
        line = (block.start_line or 0) + 1
        last = line + (block.raw or "").rstrip().count("\n")
        if isinstance(block, (model.String, model.Preamble)):
            scan.defines_macros = True
            if isinstance(block, model.String):
                string_lines.setdefault(block.key.casefold(), line)
            failure = _pybtex_errors(parser, block.raw or "", line)
            if failure:  # the entries using a broken macro are reported too, as undefined strings
                scan.problems.append(Problem(Code.BIB_SYNTAX, f"this @{type(block).__name__.lower()} does not parse: {failure}", line, scan.path))
            continue
        if isinstance(block, (model.ImplicitComment, model.ExplicitComment)):
            continue
        opener = entry_openers(block.raw or "")
        key = block.key if isinstance(block, (model.Entry, model.DuplicateBlockKeyBlock)) else opener[0][1] if opener else ""
        if isinstance(block, model.DuplicateBlockKeyBlock):
            if key not in scan.declared and key.casefold() in string_lines:  # bibtexparser keys @string blocks too
                first_string = string_lines[key.casefold()]
                scan.problems.append(Problem(Code.BIB_DUPLICATE, f"the @string `{key}` is defined again here (first on line {first_string}); "
                                             "keep one definition, or rename one and the entries using it", line, scan.path))
                continue
            first = scan.declared.get(key, ("", 0, ""))[1] or "?"
            scan.problems.append(Problem(Code.BIB_DUPLICATE, f"key `{key}` is defined again here; its first entry is on line {first}; rename or remove one", line, scan.path))
            continue
        if not opener and not isinstance(block, model.Entry):
            if isinstance(block, model.ParsingFailedBlock):
                scan.problems.append(Problem(Code.BIB_SYNTAX, f"this block does not parse: {_reason(block)}", line, scan.path))
            continue
        if key:
            scan.declared.setdefault(key, (scan.path, line, "\n".join(lines[line - 1:last]).strip()))
        if isinstance(block, model.DuplicateFieldKeyBlock):
            names = ", ".join(f"`{name}`" for name in sorted(block.duplicate_keys))
            scan.problems.append(Problem(Code.BIB_SYNTAX, f"entry `{key}` has the field {names} twice; keep one", line, scan.path))
        elif isinstance(block, model.ParsingFailedBlock):
            scan.problems.append(Problem(Code.BIB_SYNTAX, f"entry `{key}` does not parse: {_reason(block)}; check its braces, quotes and commas", line, scan.path))
        elif isinstance(block, model.Entry) and not _glued_field(block, scan):
            raw = (block.raw or "").strip()
            reading = readings.get(_digest(raw)) if readings and not scan.defines_macros else None
            failure = _pybtex_errors(parser, block.raw or "", line, reading)
            if failure:
                code = Code.BIB_DUPLICATE if failure.startswith("repeated") else Code.BIB_SYNTAX
                scan.problems.append(Problem(code, f"entry `{key}` does not parse: {failure}", line, scan.path))
                continue
            _check_entry(block, line, scan)
            scan.entries[key] = _record(block, line)
            scan.spans[key] = (scan.path, line, last)
            scan.data.entries[key] = parser.data.entries[key]
            keys.append(key)
    scan.macros = dict(parser.macros)


def _reason(block: model.ParsingFailedBlock) -> str:
    error = block.error
    details = (str(getattr(error, "abort_reason", "") or error or "")).strip().splitlines()
    return details[-1].strip() if details else "syntax error"


def _pybtex_errors(parser: Parser, raw: str, line: int, reading: Entry | None = None) -> str:
    """Parse one block with pybtex into ``parser`` (or add its earlier ``reading``); what it
    objects to (its lines made file lines), or "".

    Syntax errors, undefined macros, repeated fields and keys make an entry
    unreadable. pybtex's complaints about a name (too many commas) do not:
    it formats the entry anyway, and ``bib-authors`` says how to fix it.
    """
    previous = pybtex.errors.captured_errors
    pybtex.errors.captured_errors = errors = []
    count = len(parser.data.entries)
    try:
        if reading is not None:
            parser.data.add_entry(reading.key, reading)  # a repeated key is reported as parsing reports it
        else:
            parser.parse_string(raw)
    except (BibliographyDataError, PybtexSyntaxError) as error:
        errors.append(error)
    finally:
        pybtex.errors.captured_errors = previous
    fatal = [error for error in errors if isinstance(error, (BibliographyDataError, PybtexSyntaxError))]
    if not fatal:
        return ""
    for key in list(parser.data.entries.keys())[count:]:  # half an entry is no entry
        del parser.data.entries[key]
    return "; ".join(_pybtex_message(error, line) for error in fatal)


def _pybtex_message(error: PybtexError, line: int) -> str:
    if isinstance(error, BibliographyDataError):
        return f"{error}; pybtex reads keys without regard to case: rename one"
    lineno = getattr(error, "lineno", None)
    where = f" (line {line + lineno - 1})" if isinstance(lineno, int) else ""
    kind = getattr(error, "error_type", "error")
    return f"{kind}{where}: {Exception.__str__(error)}"


def _record(block: model.Entry, line: int) -> BibEntry:
    return BibEntry(
        key=block.key,
        line=line,
        raw=(block.raw or "").strip(),
        entry_type=block.entry_type.lower(),
        fields=tuple((f.key.lower(), str(f.value)) for f in block.fields),
    )


def _glued_field(entry: model.Entry, scan: BibScan) -> bool:
    """A missing comma, which bibtexparser reads as one field swallowing the next; True when found."""
    for item in entry.fields:
        if getattr(item, "enclosing", None) == "no-enclosing" and re.search(r"\n\s*\w+\s*=", str(item.value)):
            scan.problems.append(Problem(Code.BIB_SYNTAX, f"entry `{entry.key}`: a comma is missing after field `{item.key}` (line {item.start_line + 1}); add `,` at the end of that line", item.start_line + 1, scan.path))
            return True  # one report: pybtex's reading of the entry would say the same again
    return False


def _check_entry(entry: model.Entry, line: int, scan: BibScan) -> None:
    """What a shelf needs of a valid entry: a year, authors separated by ``and``."""
    fields = {f.key.lower(): f for f in entry.fields}
    if "year" not in fields and "date" not in fields:
        scan.problems.append(Problem(Code.BIB_NO_YEAR, f"entry `{entry.key}` has no `year`; add `year = {{YYYY}}`", line, scan.path, entry.key))
    url = fields.get("url")
    # as pybtex's styles read it, and as the References page reads it (braces removed)
    if url is not None and not all(is_allowed_link(text) for text in (str(url.value), citation.plain(str(url.value)))):
        # pybtex's styles and the References page link the url: a javascript: one would run in the reader's browser
        scan.problems.append(Problem(Code.BAD_URL, f"entry `{entry.key}`: `url` {str(url.value)[:80]!r} uses the scheme `{scheme(citation.plain(str(url.value))) or scheme(str(url.value))}:`; "
                                     "only http, https and mailto links are published, so it is shown without a link; fix the URL", url.start_line + 1, scan.path))
    author = fields.get("author")
    if author is not None:
        names = re.split(r"(?<!\s)\s+and\s+", str(author.value))  # the lookbehind: linear on runs of spaces
        if any(name.count(",") > 1 for name in names) or "†" in str(author.value):
            scan.problems.append(Problem(Code.BIB_AUTHORS, f"entry `{entry.key}`: authors must be separated by ` and ` (found commas or markers such as †)", author.start_line + 1, scan.path, entry.key))


# --- writing ---------------------------------------------------------------------


def drop_known_macros(addition: str, existing: str) -> str:
    """``addition`` without the ``@string`` macros ``existing`` already defines with the same value.

    Two lists citing one venue macro each bring its definition; a second,
    identical one is no news, but would be a duplicate key in the .bib.
    """
    if "@string" not in addition.lower():
        return addition
    known = {block.key.lower(): block.value for block in bibtexparser.parse_string(existing).blocks if isinstance(block, model.String)}
    for block in bibtexparser.parse_string(addition).blocks:
        if isinstance(block, model.String) and block.raw and known.get(block.key.lower()) == block.value:
            addition = addition.replace(block.raw, "", 1)
    return addition.strip("\n")


def brace_title(title: str) -> str:
    """Protect acronyms and names (inner capitals) from BibTeX styles: ``{LLaVA}``."""

    def protect(word: str) -> str:
        core = word.rstrip(":,;.?!")
        if any(ch.isupper() for part in core.split("-") for ch in part[1:]) and "{" not in core:
            return "{" + core + "}" + word[len(core):]
        return word

    return " ".join(protect(word) for word in title.split())


#: control characters (line breaks and tabs included): a value is written on one line
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")
#: what a key or a type may hold (BibTeX and pybtex end a key at any of the others)
_KEY = re.compile(r"[^\s,{}()\"#%'=\\@~]+")
_NAME = re.compile(r"[A-Za-z][\w-]*")


def field_value(text: str) -> str:
    """Any text as the inside of a braced BibTeX value that stays one field.

    Control characters and line breaks become spaces; a brace without its
    partner is dropped, so ``}, url = {javascript:x}, note = {`` stays inside
    its field (BibTeX and pybtex count braces, escaped or not: a backslash
    before a brace, or at the end, is dropped too). Balanced groups such as
    ``{LLaVA}`` are kept.
    """
    text = _CONTROL.sub(" ", text)
    text = re.sub(r"\\+(?=[{}]|$)", "", text)
    kept: list[str] = []
    opened: list[int] = []  #: positions in ``kept`` of the braces still open
    for char in text:
        if char == "{":
            opened.append(len(kept))
        elif char == "}":
            if not opened:
                continue
            opened.pop()
        kept.append(char)
    for position in reversed(opened):
        del kept[position]
    value = "".join(kept).strip()
    while value.endswith("\\"):  # a last backslash would escape the closing brace ("\\" then a line break, stripped)
        value = value[:-1].rstrip()
    return value


def escape(text: str) -> str:
    """A value's LaTeX specials escaped (``&``, ``%``, ``#``), once; made one safe field (see :func:`field_value`)."""
    return re.sub(r"(?<!\\)([&%#])", r"\\\1", field_value(text))


def checked_name(what: str, name: str, pattern: re.Pattern[str] = _KEY) -> str:
    """``name`` when it can be written as a BibTeX key, type or field name; ValueError naming it otherwise."""
    if not pattern.fullmatch(name):
        raise ValueError(f"the {what} {name[:60]!r} cannot be written in BibTeX (it holds spaces, braces, commas or other delimiters)")
    return name


def write_entry(entry_type: str, key: str, fields: Iterable[tuple[str, str]], indent: str = "  ", equals: str = " = ") -> str:
    """``@type{key,`` then one ``name = {value},`` line per non-empty field, then ``}``.

    Every value is made one field whatever it holds (:func:`field_value`:
    braces balanced, no line breaks); LaTeX specials are left to the caller
    (:func:`escape` text, not URLs). A key, type or field name that BibTeX
    would read differently raises ValueError naming it.
    """
    checked_name("entry type", entry_type, _NAME)
    checked_name("key", key)
    written = ((checked_name("field name", name, _NAME), field_value(value)) for name, value in fields)
    body = "".join(f"{indent}{name}{equals}{{{value}}},\n" for name, value in written if value)
    return f"@{entry_type}{{{key},\n{body}}}"


#: the field that marks an entry papershelf made up (``enrich`` rewrites such an entry whole; ``export`` leaves it out)
GENERATED_FIELD = "generated"
GENERATED_BY = "papershelf import"


#: a venue that is a journal ("TPAMI", "AI Open 2020", "IEEE Transactions on ..."): its entry is an @article
JOURNAL = re.compile(
    r"\b(?:journal|transactions|letters|review|magazine|surveys|TPAMI|PAMI|IJCV|TACL|JMLR|TMLR|Nature|Science|PNAS|TNNLS|TKDE|"
    r"TIP|TOG|TKDD|TOIS|TIST|CSUR|Neurocomputing|Bioinformatics|RA-?L|AI Open|TASLP|JSTSP|T-RO|IJRR|PVLDB|JACM|Cell|PLoS|Nucleic Acids)\b"
    # and the abbreviated journal names of IEEE, ACM and NLM: "IEEE/ACM Trans. Audio, …", "J. ACM", "Proc. VLDB Endow.", "Nat. Methods"
    r"|\b(?:J|Trans|Lett|Endow|Nat)\.(?=\s|$)|\bNat\s+(?:Methods|Biotechnol|Genet|Commun|Mach)\b|\bGenome\s+Biol", re.IGNORECASE)


def generated_entry(key: str, title: str, year: str, url: str = "", eprint: str = "", venue: str = "", author: str = "") -> str:
    """The entry of a paper the list gives no citation for, marked :data:`GENERATED_FIELD`.

    A venue the list names (not a preprint server) makes it an ``@inproceedings``
    (``booktitle``) or, for a journal, an ``@article`` (``journal``) when the
    list also gives its authors and year, the fields those types need in every
    bibliography style; otherwise an ``@misc`` says the venue in ``howpublished``.
    """
    entry_type, place = "misc", "howpublished"
    if venue and author and year and not re.match(r"(?:arxiv|preprint|corr)\b", venue, re.IGNORECASE):
        entry_type, place = ("article", "journal") if JOURNAL.search(venue) else ("inproceedings", "booktitle")
    fields = [
        ("title", escape(brace_title(title))),
        ("year", year),
        ("url", url),
        ("eprint", eprint),
        ("archivePrefix", "arXiv" if eprint else ""),
        (place, escape(venue)),
        (GENERATED_FIELD, GENERATED_BY),
    ]
    text = write_entry(entry_type, key, fields)
    return with_fields(text, {"author": author}) if author else text


def is_generated(bibtex: str) -> bool:
    """An entry :func:`generated_entry` wrote."""
    return re.search(rf"^\s*{GENERATED_FIELD}\s*=\s*\{{{GENERATED_BY}\}}", bibtex, re.MULTILINE) is not None


def without_generated(raw: str) -> str:
    """An entry's text without its :data:`GENERATED_FIELD` line (what a reader copies), else as it is."""
    if not is_generated(raw):
        return raw
    lines = [line for line in raw.splitlines(keepends=True) if not re.match(rf"\s*{GENERATED_FIELD}\s*=\s*\{{{GENERATED_BY}\}},?\s*$", line)]
    return "".join(lines)


def with_fields(raw: str, values: dict[str, str]) -> str:
    """An entry's text with fields added before its closing brace, in its own indentation.

    Raises ValueError when ``raw`` does not end like an entry.
    """
    body = raw.rstrip()
    if not body.endswith(("}", ")")):
        raise ValueError(f"cannot find the end of the entry {raw[:40]!r}")
    head = body[:-1].rstrip()
    indent = re.search(r"\n([ \t]+)\w+\s*=", raw)
    pad = indent.group(1) if indent else "  "
    comma = "" if head.endswith(",") else ","
    added = "".join(f"\n{pad}{checked_name('field name', name, _NAME)} = {{{escape(value)}}}," for name, value in values.items())
    return head + comma + added + "\n" + body[-1] + raw[len(body):]


def with_key(raw: str, key: str) -> str:
    """An entry's text with the key of its first reference replaced by ``key`` (the rest as written)."""
    match = next((m for m in _OPENER.finditer(raw) if m.group(1).lower() not in NON_ENTRIES), None)
    if match is None:
        return raw
    return raw[: match.start(2)] + key + raw[match.end(2) :]


def replace_entry(text: str, entry: BibEntry, new: str) -> str:
    """``text`` with ``entry.raw`` replaced at the entry's own line (an identical text elsewhere is left).

    Raises ValueError when the entry is no longer there.
    """
    start = 0
    for _ in range(entry.line - 1):
        start = text.index("\n", start) + 1
    position = text.find(entry.raw, start)
    if position < 0:
        raise ValueError(f"the entry {entry.key} changed")
    return text[:position] + new + text[position + len(entry.raw):]
