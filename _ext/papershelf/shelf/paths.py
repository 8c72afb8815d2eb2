"""The shelf on disk: where its files live and how files are written (all or none)."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from papershelf.formats import conffile, frontmatter
from papershelf.model.settings import DEFAULT, ShelfSettings, of_literals
from papershelf.shelf.schema import FIELD_NAMES

if TYPE_CHECKING:
    from collections.abc import Mapping


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


def unique_name(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is not taken (then taken)."""
    name, number = base, 2
    while name in taken:
        name = f"{base}-{number}"
        number += 1
    taken.add(name)
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


def commit(files: Mapping[Path, str]) -> None:
    """Write every file or none: temporary files first, then atomic renames.

    If a rename fails part way, the files already replaced get their old
    content back (new files are removed).
    """
    temps: dict[Path, Path] = {}
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            temp = path.with_name(f".{path.name}.papershelf-tmp")
            temp.write_text(text, encoding="utf-8")
            temps[path] = temp
    except OSError as error:
        for temp in temps.values():
            temp.unlink(missing_ok=True)
        raise ShelfError(f"cannot write {error.filename}: {error.strerror}; nothing was changed") from error
    backups: dict[Path, str | None] = {path: (path.read_text(encoding="utf-8") if path.exists() else None) for path in files}
    done: list[Path] = []
    try:
        for path, temp in temps.items():
            os.replace(temp, path)
            done.append(path)
    except OSError as error:
        for path in done:
            old = backups[path]
            if old is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(old, encoding="utf-8")
        for temp in temps.values():
            temp.unlink(missing_ok=True)
        raise ShelfError(f"cannot write {error.filename}: {error.strerror}; nothing was changed") from error
