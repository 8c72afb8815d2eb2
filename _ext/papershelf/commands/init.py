"""The shelf on disk: where its files live, how new files are written, ``init``.

Every command that writes builds all new file contents in memory first and
hands them to :func:`commit`, which writes temporary files next to their
targets and only then moves them into place, so an error never leaves a
half-written shelf.
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess
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
TEMPLATES = Path(__file__).parent / "init_files"

#: template file -> path in a new shelf (index.md, requirements.txt and the optional pages: see init_files)
INIT_FILES = {
    "conf.py.txt": "conf.py",
    "index.md": "docs/index.md",
    "papers.md": "docs/papers.md",
    "chronology.md": "docs/chronology.md",
    "topics.md": "docs/topics.md",
    "models.md": "docs/models.md",
    "code.md": "docs/code.md",
    "references.md": "docs/references.md",
    "guide.md": "docs/maintainers/guide.md",
    "data-notes.md": "docs/maintainers/data-notes.md",
    "references.bib": "references.bib",
    "Makefile": "Makefile",
    "README.md": "README.md",
    "readthedocs.yaml": ".readthedocs.yaml",
    "gitignore.txt": ".gitignore",
    "requirements.txt": "requirements.txt",
}
#: the reader's pages, in navigation order: (page, what the landing page says of it)
READER_PAGES = (
    ("chronology", "every paper in time order, with a timeline and filters."),
    ("queue", "what is left to read."),
    ("topics", "papers by topic."),
    ("models", "every released model, with its paper."),
    ("code", "every code repository, by paper."),
    ("comparison", "the papers side by side on this shelf's facets."),
    ("papers", "every paper, by name."),
    ("references", "the whole bibliography; download [references.bib](site:references.bib)."),
)


@dataclass(frozen=True)
class InitOptions:
    """What ``papershelf init`` asks (defaults from ``git config`` and the clock)."""

    title: str = "A reading list"
    author: str = ""
    year: int = 0
    reading_status: bool = True
    facets: tuple[tuple[str, str], ...] = ()  #: (name, column heading)
    papershelf_from: str | None = None  #: where the shelf installs papershelf from (None: where this one came from)


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


# --- names -------------------------------------------------------------------


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


# --- front matter ------------------------------------------------------------


def render_front_matter(fields: Mapping[str, Any]) -> str:
    """A page holding only front matter, keys in schema order (see :func:`frontmatter.dump_front_matter`)."""
    return frontmatter.dump_front_matter(fields, FIELD_NAMES)


# --- writing -----------------------------------------------------------------


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


# --- init --------------------------------------------------------------------


def init_files(target: Path, options: InitOptions) -> dict[Path, str]:
    """The files of a new, empty shelf, by path."""
    from papershelf import __version__
    from papershelf.shelf import provenance

    author = options.author or _git_config("user.name") or "the maintainers"
    year = options.year or datetime.date.today().year
    origin = provenance.source() if options.papershelf_from is None else options.papershelf_from
    pages = [page for page, _ in READER_PAGES
             if (page != "queue" or options.reading_status) and (page != "comparison" or options.facets)]
    says = dict(READER_PAGES)
    facets = [{"name": name, "heading": heading, "help": ""} for name, heading in options.facets]
    values = {
        "title": options.title,
        "title_repr": repr(options.title),
        "author_repr": repr(author),
        "copyright_repr": repr(f"{year}, {author}"),
        "reading_status": repr(options.reading_status),
        "facets": repr(facets),
        "description": "A curated reading list: every paper has its own page with its links, released models"
        + (", read status" if options.reading_status else "") + " and a citation you can copy.",
        "nav": "\n".join(f"- {{doc}}`{page}`: {says[page]}" for page in pages),
        "toctree": "\n".join(pages),
        "myst_path": "{{path}}",  # MyST's own placeholder in myst_url_schemes, written as it is
        "version": __version__,
        "origin_note": f"papershelf is installed from {origin}; once {__version__} is on the package index, "
        f"`papershelf=={__version__}` replaces that line." if origin else "",
        "papershelf_requirement": provenance.requirement(origin),
        "pins": "\n".join(provenance.pinned_dependencies()),
    }
    files = {}
    templates = dict(INIT_FILES)
    if options.reading_status:
        templates["queue.md"] = "docs/queue.md"
    if options.facets:
        templates["comparison.md"] = "docs/comparison.md"
    for template, name in templates.items():
        text = (TEMPLATES / template).read_text(encoding="utf-8")
        files[target / name] = re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], text)
    return files


def _git_config(name: str) -> str:
    """A value of the user's git configuration, or "" (no git, or not set)."""
    try:
        done = subprocess.run(["git", "config", "--get", name], capture_output=True, text=True, check=False, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip()


def init_shelf(target: Path, options: InitOptions | None = None) -> list[Path]:
    """Create a new shelf in ``target`` (missing or empty); return the files written."""
    if target.exists() and not target.is_dir():
        raise ShelfError(f"{target} exists and is not a directory")
    if target.exists() and any(target.iterdir()):
        raise ShelfError(f"{target} is not empty; init only creates a shelf in a new or empty directory")
    files = init_files(target, options or InitOptions())
    commit(files)
    (target / SOURCE_DIR / PAPERS_DIR).mkdir(parents=True, exist_ok=True)
    return sorted(files)
