"""The shelf on disk: where its files live, how new files are written, ``init``.

Every command that writes builds all new file contents in memory first and
hands them to :func:`commit`, which writes temporary files next to their
targets and only then moves them into place, so an error never leaves a
half-written shelf.
"""

from __future__ import annotations

import datetime
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from papershelf import __version__
from papershelf.shelf import provenance
from papershelf.shelf.paths import PAPERS_DIR, SOURCE_DIR, ShelfError, commit

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
    "authors.md": "docs/authors.md",
    "venues.md": "docs/venues.md",
    "guide.md": "docs/maintainers/guide.md",
    "data-notes.md": "docs/maintainers/data-notes.md",
    "references.bib": "references.bib",
    "Makefile": "Makefile",
    "README.md": "README.md",
    "readthedocs.yaml": ".readthedocs.yaml",
    "gitignore.txt": ".gitignore",
    "refresh.yml": ".github/workflows/refresh.yml",
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
    ("authors", "every author, with their papers."),
    ("venues", "where the papers appeared, by venue and year."),
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


# --- names -------------------------------------------------------------------


# --- front matter ------------------------------------------------------------


# --- writing -----------------------------------------------------------------


# --- init --------------------------------------------------------------------


#: control characters, line breaks of any kind included: none may reach a generated file's line
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
#: the longest title, author or facet heading init writes
TEXT_LIMIT = 200


def checked_option(option: str, value: str) -> str:
    """An ``init`` option that ends up in generated files (Makefile, conf.py, README, pages): one line of text, or ShelfError."""
    bad = _CONTROL.search(value)
    if bad:
        raise ShelfError(f"{option} {value!r}: holds a line break or control character ({bad.group(0)!r}); give one line of text")
    if value.endswith("\\"):  # a Makefile comment ending in a backslash takes in the next line
        raise ShelfError(f"{option} {value!r}: may not end with a backslash")
    if len(value) > TEXT_LIMIT:
        raise ShelfError(f"{option}: at most {TEXT_LIMIT} characters (it has {len(value)})")
    return value


def init_files(target: Path, options: InitOptions) -> dict[Path, str]:
    """The files of a new, empty shelf, by path (options checked first: see :func:`checked_option`)."""
    checked_option("--title", options.title)
    checked_option("--author", options.author)
    for name, heading in options.facets:
        checked_option("--facet", f"{name}:{heading}")
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise ShelfError(f"--facet {name!r}: the name must be lower_case_with_underscores")
    if options.year and not 1000 <= options.year <= 9999:
        raise ShelfError(f"--year {options.year}: give a year of four digits")
    author = options.author or " ".join(_CONTROL.sub(" ", _git_config("user.name")).split())[:TEXT_LIMIT] or "the maintainers"
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
    commit(files, within=target)
    (target / SOURCE_DIR / PAPERS_DIR).mkdir(parents=True, exist_ok=True)
    return sorted(files)
