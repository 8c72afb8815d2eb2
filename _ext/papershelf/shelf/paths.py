"""The shelf on disk: where its files live and how files are written (all or none)."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import signal
import stat
import tempfile
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from papershelf.formats import conffile, frontmatter
from papershelf.model.settings import DEFAULT, ShelfSettings, of_literals
from papershelf.shelf.schema import FIELD_NAMES

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping


SOURCE_DIR = "docs"


PAPERS_DIR = "papers"


DEFAULT_BIBFILES = ("references.bib",)


class ShelfError(Exception):
    """A problem that stops a command before it writes anything."""


@dataclass(frozen=True)
class ShelfPaths:
    """Where one shelf keeps its files."""

    root: Path  #: the directory holding conf.py
    srcdir: Path  #: Sphinx source directory (``docs/``)
    papers: Path  #: one page per paper (``docs/papers/``)
    bibfiles: tuple[Path, ...]  #: the .bib files conf.py names
    settings: ShelfSettings = DEFAULT  #: the shelf's own field (facets, link and relation kinds, reading status)
    project: str = ""  #: conf.py's ``project``: the shelf's title

    @property
    def bibfile(self) -> Path:
        """The .bib file new entries are appended to (the first one)."""
        return self.bibfiles[0]

    def rel(self, path: Path) -> str:
        """A path as shown in messages: relative to the root when inside it."""
        for candidate in (path, path.resolve()):  # paths found under the root need no resolving
            if candidate.is_absolute() and candidate.is_relative_to(self.root):
                return candidate.relative_to(self.root).as_posix()
        return str(path)

    def docname(self, page: Path) -> str:
        if not (page.is_absolute() and page.is_relative_to(self.srcdir)):
            page = page.resolve()
        return page.relative_to(self.srcdir).with_suffix("").as_posix()


def of_conf_file(conf: Path) -> ShelfSettings:
    """The settings a conf.py file holds, read without running it."""
    return of_literals(conffile.literal_settings(conf))


def locate(root: str | Path | None = None) -> ShelfPaths:
    """The shelf at ``root``, or the one holding the current directory."""
    if root is not None:
        base = Path(root).resolve()
        if not (base / "conf.py").is_file():
            raise ShelfError(f"{root} is not a shelf: it has no conf.py")
    else:
        here = Path.cwd().resolve()
        found = next((d for d in (here, *here.parents) if (d / "conf.py").is_file() and (d / SOURCE_DIR).is_dir()), None)
        if found is None:
            raise ShelfError(f"no shelf here: no conf.py with a {SOURCE_DIR}/ folder in {here} or above; use --root DIR or `papershelf init DIR`")
        base = found
    # A shelf keeps its sources in docs/; a project with conf.py among its
    # sources (like the test roots) is read from its root.
    srcdir = base / SOURCE_DIR if (base / SOURCE_DIR).is_dir() else base
    # conf.py is read once: the .bib files, the papers folder and the shelf's field all come from these literals.
    literals = conffile.literal_settings(base / "conf.py")
    names = conffile.text_list(literals, "bibtex_bibfiles") or DEFAULT_BIBFILES
    papers = conffile.text(literals, "papershelf_papers_dir", PAPERS_DIR).strip("/")
    return ShelfPaths(base, srcdir, srcdir / papers, tuple(base / name for name in names), of_literals(literals), conffile.text(literals, "project", ""))


def slugify(text: str) -> str:
    """A file name from a short name: ``LLaVA-1.5`` -> ``llava-1.5``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9.]+", "-", ascii_text.lower()).strip("-.")
    return re.sub(r"-{2,}", "-", slug) or "paper"


#: names Windows keeps for devices, with any extension (``con.md``, ``aux.1.md``): such a file cannot be checked out there
RESERVED_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"com{n}" for n in "123456789\u00b9\u00b2\u00b3"), *(f"lpt{n}" for n in "123456789\u00b9\u00b2\u00b3")})


def reserved_name(name: str) -> bool:
    """A file name (or stem) Windows refuses: a device name before the first dot, or one ending in a dot or a space."""
    return name.split(".")[0].rstrip(" .").casefold() in RESERVED_NAMES or name != name.rstrip(" .")


def unique_name(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is not taken (then taken).

    Names are compared without regard to case (on macOS and Windows ``llava.md``
    is ``LLaVA.md``), and names Windows keeps for devices are taken already.
    """
    name = Names(taken).claim(base)
    taken.add(name)
    return name


class Names:
    """Names taken so far, for :func:`unique_name` called many times: the names are
    folded once, not on every call (an import of N pages would fold N²/2 names)."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.folded = {name.casefold() for name in taken}

    def claim(self, base: str) -> str:
        """As :func:`unique_name`: ``base`` or ``base-2``... whichever is not taken (then taken)."""
        if reserved_name(base):  # `aux.1` -> `aux-1`, `con` -> `con-2`: the device name no longer stands before a dot
            stem, _, rest = base.rstrip(" .").partition(".")
            base = f"{stem}-{rest}" if rest else stem or "paper"
        name, number = base, 2
        while name.casefold() in self.folded or reserved_name(name):
            name = f"{base}-{number}"
            number += 1
        self.folded.add(name.casefold())
        return name


def render_front_matter(fields: Mapping[str, Any]) -> str:
    """A page holding only front matter, keys in schema order (see :func:`frontmatter.dump_front_matter`)."""
    return frontmatter.dump_front_matter(fields, FIELD_NAMES)


def append_text(old: str, addition: str) -> str:
    """``old`` followed by ``addition`` as a new block separated by one blank line."""
    addition = addition.strip("\n") + "\n"
    if not old.strip():
        return addition
    return old.rstrip("\n") + "\n\n" + addition


class AppendedText:
    """A text grown by :func:`append_text` many times, in time linear in its length:
    each ``append_text`` copies the whole text (an import of N entries into the .bib would copy N²/2 entries)."""

    def __init__(self, text: str = "") -> None:
        self._pieces = [text]
        self._blank = not text.strip()  #: the text is only white space: the next block replaces it

    def append(self, addition: str) -> None:
        """As ``text = append_text(text, addition)``."""
        addition = addition.strip("\n") + "\n"
        if self._blank:
            self._pieces, self._blank = [addition], not addition.strip()
            return
        while not self._pieces[-1].rstrip("\n"):  # the text's final line breaks go (a piece of line breaks alone too)
            self._pieces.pop()
        self._pieces[-1] = self._pieces[-1].rstrip("\n")
        self._pieces += ["\n\n", addition]

    def text(self) -> str:
        joined = "".join(self._pieces)
        self._pieces = [joined]
        return joined


class Interrupted(KeyboardInterrupt):
    """Ctrl-C (or SIGTERM) arrived while :func:`commit` was writing: every file was put back as it was."""


def refuse_unsafe_target(path: Path, within: Path | None = None) -> None:
    """ShelfError when writing ``path`` could land elsewhere: a symbolic link, not a regular file,
    or (``within`` given) a folder that resolves outside ``within``."""
    if path.is_symlink():
        raise ShelfError(f"refusing to write {path}: it is a symbolic link (a write would go to {os.readlink(path)}); remove the link; nothing was changed")
    if path.exists() and not path.is_file():
        raise ShelfError(f"refusing to write {path}: it exists and is not a regular file; nothing was changed")
    if within is not None:
        folder = path.parent.resolve()
        root = within.resolve()
        if not folder.is_relative_to(root):
            raise ShelfError(f"refusing to write {path}: its folder resolves to {folder}, outside the shelf {root} (a symbolic link?); nothing was changed")


def _write_new(folder: Path, name: str, data: bytes, mode: int) -> Path:
    """``data`` in a new file of ``folder`` with an unpredictable name, created exclusively (never through a link)."""
    handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".papershelf-tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, mode)
    except BaseException:
        os.unlink(temp)
        raise
    return Path(temp)


class _Deferred:
    """SIGINT and SIGTERM noted, not acted on, while a commit runs (main thread only); see :func:`commit`."""

    SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))

    def __init__(self) -> None:
        self.received = 0
        self.previous: dict[int, Any] = {}

    def __enter__(self) -> _Deferred:
        if threading.current_thread() is threading.main_thread():
            for number in self.SIGNALS:
                self.previous[number] = signal.signal(number, self._note)
        return self

    def _note(self, number: int, frame: Any) -> None:
        self.received = self.received or number

    def __exit__(self, *exc: object) -> None:
        for number, handler in self.previous.items():
            signal.signal(number, handler)


def commit(files: Mapping[Path, str], within: Path | None = None) -> None:
    """Write every file or none: temporary files first, then atomic renames.

    Each temporary file is created exclusively with an unpredictable name in
    its target's folder; a target that is a symbolic link, or (``within``
    given: the shelf's root) whose folder resolves outside ``within``, is
    refused before anything is written. If writing fails (a full disk), a
    rename fails, or Ctrl-C/SIGTERM arrives (noted, then acted on between
    two steps), every file already replaced gets its old content back, new
    files and new folders are removed, and ShelfError (:class:`Interrupted`
    for a signal) says so.
    """
    for path in files:
        refuse_unsafe_target(path, within)
    umask = os.umask(0)
    os.umask(umask)
    temps: dict[Path, Path] = {}
    backups: dict[Path, Path | bytes | None] = {}  #: the old file as a hard link, its bytes, or None (a new file)
    made: list[Path] = []
    done: list[Path] = []
    current: Path | None = None  #: the file being written, for the message
    with _Deferred() as signals:
        try:
            for path, text in files.items():
                current = path
                for folder in reversed([path.parent, *path.parent.parents]):
                    if not folder.exists():
                        folder.mkdir()
                        made.append(folder)
                mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~umask
                temps[path] = _write_new(path.parent, path.name, text.encode("utf-8"), mode)
                if signals.received:
                    raise Interrupted
            for path in files:
                backups[path] = _backup(path)
            for path, temp in temps.items():
                current = path
                os.replace(temp, path)
                done.append(path)
                if signals.received and len(done) < len(temps):
                    raise Interrupted
        except BaseException as error:
            failed = _roll_back(done, backups, temps, made)
            kept = f"; could not restore {', '.join(map(str, failed))}" if failed else "; nothing was changed"
            if isinstance(error, (KeyboardInterrupt, Interrupted)) or signals.received:
                raise Interrupted(f"interrupted while writing {len(files)} file(s): the shelf was put back as it was{kept}") from error
            if isinstance(error, OSError):
                reason = error.strerror or str(error)
                raise ShelfError(f"cannot write {current or error.filename}: {reason}{kept}") from error
            raise
        for backup in backups.values():
            if isinstance(backup, Path):
                backup.unlink(missing_ok=True)
        if signals.received:  # the last rename was done: everything is written
            raise Interrupted(f"interrupted after writing all {len(files)} file(s)")


def _backup(path: Path) -> Path | bytes | None:
    """A way back to ``path``'s present content: a hard link under an unpredictable name (restored by a rename,
    which needs no disk space), else its bytes; None when there is no file yet."""
    if not path.exists():
        return None
    link = path.with_name(f".{path.name}.{secrets.token_hex(8)}.papershelf-old")
    try:
        os.link(path, link, follow_symlinks=False)
    except OSError:
        return path.read_bytes()
    return link


def _roll_back(done: list[Path], backups: Mapping[Path, Path | bytes | None], temps: Mapping[Path, Path], made: list[Path]) -> list[Path]:
    """Undo a commit part way; the targets that could not be restored."""
    failed: list[Path] = []
    for path in reversed(done):
        backup = backups.get(path)
        try:
            if backup is None:
                path.unlink(missing_ok=True)
            elif isinstance(backup, Path):
                os.replace(backup, path)
            else:
                os.replace(_write_new(path.parent, path.name, backup, stat.S_IMODE(path.stat().st_mode)), path)
        except OSError:
            failed.append(path)
    for leftover in [*temps.values(), *(b for b in backups.values() if isinstance(b, Path))]:
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)
    for folder in reversed(made):
        with contextlib.suppress(OSError):
            folder.rmdir()
    return failed
