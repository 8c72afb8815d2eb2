"""The shelf on disk as the commands read it: every page's front matter and the .bib, without Sphinx."""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.myst_role import myst_role_plugin

from papershelf.formats import arxivid, conffile, frontmatter
from papershelf.formats.bibfile import BibScan, eprint_id, scan_text
from papershelf.formats.bibrules import DEFAULT_STYLE, entry_problems
from papershelf.model.problems import Code, Problem
from papershelf.shelf import fileaccess
from papershelf.shelf.paths import ShelfError
from papershelf.shelf.rules import RAW_HTML_MESSAGE, RAW_OUTPUT_MESSAGE
from papershelf.shelf.schema import is_paper_page, read_paper

if TYPE_CHECKING:
    from papershelf.model.records import BibEntry, Paper
    from papershelf.shelf.paths import ShelfPaths


@dataclass
class Page:
    """One paper page as read from disk."""

    path: Path
    rel: str  #: path relative to the shelf root, for messages
    docname: str
    paper: Paper
    data: frontmatter.LineDict


@dataclass
class Shelf:
    """Everything on a shelf, read once: pages, BibTeX entries and file problems."""

    paths: ShelfPaths
    pages: list[Page] = field(default_factory=list)
    bib_texts: dict[Path, str] = field(default_factory=dict)
    entries: dict[str, BibEntry] = field(default_factory=dict)  #: valid entries, first of a key wins
    declared: dict[str, tuple[str, int]] = field(default_factory=dict)  #: key -> (bib path, line), broken entries too
    declared_text: dict[str, str] = field(default_factory=dict)  #: key -> the entry's text as written, broken entries too
    problems: list[Problem] = field(default_factory=list)  #: per-file problems found while reading
    slugs: set[str] = field(default_factory=set)  #: file names (no suffix) used under papers/
    #: (page path, role, key, line) of each {paper} and {cite} role in the pages' Markdown
    references: list[tuple[str, str, str, int]] = field(default_factory=list)
    #: every .bib entry is checked as a paper's (``papershelf_bib_checks``), else only the papers' entries, as in the build
    every_entry: bool = True
    #: .bib files that could not be read: path -> why (a command that writes stops: see :meth:`require_readable`)
    unreadable: dict[Path, str] = field(default_factory=dict)

    def require_readable(self) -> None:
        """ShelfError naming the file and the place when a .bib file cannot be read: nothing is planned on a guess."""
        if self.unreadable:
            raise ShelfError("; ".join(self.unreadable.values()) + "; nothing was changed")

    @functools.cached_property
    def by_key(self) -> dict[str, Page]:
        """key -> its first page. Built on first use, once: load_shelf has read every page by then, and
        the importer asks for a page by key for each entry (a dict of all pages each time: N² for N entries)."""
        result: dict[str, Page] = {}
        for page in self.pages:
            result.setdefault(page.paper.key, page)
        return result

    def arxiv_ids(self) -> dict[str, str]:
        """arXiv id -> key, from BibTeX ``eprint`` fields, then paper links.

        A paper link whose id is not its entry's ``eprint`` (an ``arxiv-mismatch``:
        lists copy links wrongly) names no paper: the id may be another paper's.
        """
        eprints = {key: identifier for key, entry in self.entries.items() if (identifier := eprint_id(entry))}
        result: dict[str, str] = {}
        for page in self.pages:  # a page's own eprint first, then its paper links, then entries without a page
            if page.paper.key in eprints:
                result.setdefault(eprints[page.paper.key], page.paper.key)
        for page in self.pages:
            own = eprints.get(page.paper.key, "")
            for link in page.paper.links_of("paper"):
                identifier = arxivid.of_link(link.url)
                if identifier and (not own or identifier == own):
                    result.setdefault(identifier, page.paper.key)
        for key, identifier in eprints.items():
            result.setdefault(identifier, key)
        return result

    def all_keys(self) -> set[str]:
        """Every key in use, by a page or a BibTeX entry."""
        return {page.paper.key for page in self.pages} | set(self.declared) | set(self.entries)


def not_utf8(data: bytes) -> Problem | None:
    """A page Sphinx cannot decode: where, and what to do (the build leaves it out)."""
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Problem(Code.NOT_UTF8, f"byte {data[error.start]:#04x} is not UTF-8, so the page is left out of this build; save the file as UTF-8", line)
    return None


#: one citation target of a {cite} role: ``key``, ``{pre}key{post}``; targets are separated by commas
CITATION_TARGET = re.compile(r"\s*(?:\{[^{}]+\})?\s*(?P<key>[^{}\s,]+)\s*(?:\{[^{}]+\})?\s*(?:,|$)")


@functools.cache
def _role_parser(extensions: frozenset[str] = frozenset()) -> MarkdownIt:
    """Markdown as MyST reads it with the shelf's ``myst_enable_extensions`` that change where blocks are."""
    parser = MarkdownIt("commonmark").enable("table").use(myst_role_plugin)
    if "colon_fence" in extensions:
        parser.use(colon_fence_plugin)
    if "deflist" in extensions:
        parser.use(deflist_plugin)
    if "dollarmath" in extensions:  # roles inside math are not roles
        parser.use(dollarmath_plugin)
    return parser


#: MyST directives whose body is Markdown (roles in it are roles); any other body (code, math, a bibliography) is not read
MARKDOWN_BODIES = frozenset({
    "admonition", "attention", "caution", "danger", "error", "hint", "important", "note", "seealso", "tip", "warning",
    "versionadded", "versionchanged", "deprecated", "topic", "sidebar", "container", "div", "epigraph", "highlights", "pull-quote",
})


DIRECTIVE_OPTION = re.compile(r"^\s*:[\w-]+:")


def page_references(text: str, offset: int = 0, extensions: frozenset[str] = frozenset()) -> list[tuple[str, str, int]]:
    """(role, key, line) of each ``{paper}`` and ``{cite...}`` role of a page's Markdown.

    The line is the one MyST gives the role, so the one the build warns at:
    the first line of the paragraph, list item or table row holding it.
    Roles in code are not roles; front matter must be blanked first.
    """
    if "}`" not in text:  # most paper pages hold front matter only
        return []
    found: list[tuple[str, str, int]] = []
    for token in _role_parser(extensions).parse(text):
        if token.type in ("fence", "colon_fence") and token.map and token.info.strip().startswith("{"):
            name = token.info.strip()[1:].split("}", 1)[0].strip()
            if name in MARKDOWN_BODIES:  # the body starts on the line after the opening fence
                found.extend(page_references(_blank_options(token.content), offset + token.map[0] + 1, extensions))
            continue
        if token.type != "inline" or not token.map or not token.children:
            continue
        line = offset + token.map[0] + 1
        for child in token.children:
            name = child.meta.get("name", "") if child.type == "myst_role" else ""
            if name == "paper":
                found.append(("paper", child.content.strip(), line))
            elif name == "cite" or name.startswith("cite:"):
                found.extend(("cite", match["key"], line) for match in CITATION_TARGET.finditer(child.content))
    return found


RST_DIRECTIVE = re.compile(r"^(\s*)\.\.\s+([\w-]+)::(.*)$")
RST_DOWNLOAD = re.compile(r":download:`(?:[^`<]*<([^`<>]*)>|([^`]*))`")
RST_OPTION = re.compile(r"^\s+:([\w-]+):\s*(.*)$")
MYST_OPTION = re.compile(r"^\s*:?([\w-]+):\s*(.*?)\s*$")


def _myst_options(body: str) -> dict[str, str]:
    """A MyST directive's options: its leading ``:name: value`` lines or ``---`` block (flat ``name: value`` lines)."""
    lines = body.split("\n")
    if lines and lines[0].strip() == "---":
        block = lines[1:next((index for index in range(1, len(lines)) if lines[index].strip() == "---"), 1)]
    else:
        block = lines[:next((index for index, line in enumerate(lines) if not DIRECTIVE_OPTION.match(line)), len(lines))]
    return {match[1]: match[2].strip("\"'") for line in block if (match := MYST_OPTION.match(line))}


def _rst_uses(body: str, first_line: int) -> list[fileaccess.Use]:
    """``include``, ``literalinclude``, ``csv-table`` and ``raw`` directives of reStructuredText (an ``{eval-rst}`` body), at their own lines."""
    lines = body.split("\n")
    found = []
    for index, line in enumerate(lines):
        match = RST_DIRECTIVE.match(line)
        if match is None or match[2] not in fileaccess.FILE_DIRECTIVES:
            continue
        options = {}
        for following in lines[index + 1:]:
            option = RST_OPTION.match(following)
            if option is None or len(following) - len(following.lstrip()) <= len(match[1]):
                break
            options[option[1]] = option[2].strip()
        found.append(fileaccess.Use(match[2], match[3].strip(), options, first_line + index))
    start = 0  # a role is reported at the first line of its paragraph
    for index, line in enumerate(lines):
        if not line.strip() or (index and not lines[index - 1].strip()):
            start = index
        for role in RST_DOWNLOAD.finditer(line):
            found.append(fileaccess.Use("download", (role[1] if role[1] is not None else role[2]).strip(), {}, first_line + start))
    return found


def file_uses(text: str, offset: int = 0, extensions: frozenset[str] = frozenset()) -> list[fileaccess.Use]:
    """Directives and roles of a page's Markdown that read files or insert raw output, at the lines the build gives them:
    a MyST directive at its opening fence, one in ``{eval-rst}`` at its own line, a ``{download}`` role as :func:`page_references`."""
    if "{" not in text:
        return []
    found: list[fileaccess.Use] = []
    for token in _role_parser(extensions).parse(text):
        if token.type in ("fence", "colon_fence") and token.map and token.info.strip().startswith("{"):
            name, _, argument = token.info.strip()[1:].partition("}")
            name = name.strip()
            if name in MARKDOWN_BODIES:
                found.extend(file_uses(_blank_options(token.content), offset + token.map[0] + 1, extensions))
            elif name == "eval-rst":
                found.extend(_rst_uses(token.content, offset + token.map[0] + 2))
            elif name in fileaccess.FILE_DIRECTIVES:
                found.append(fileaccess.Use(name, argument.strip(), _myst_options(token.content), offset + token.map[0] + 1))
            continue
        if token.type != "inline" or not token.map or "{download}" not in token.content:
            continue
        for child in token.children or []:
            if child.type == "myst_role" and child.meta.get("name") == "download":
                target = re.search(r"<([^<>]*)>\s*$", child.content)
                found.append(fileaccess.Use("download", (target[1] if target else child.content).strip(), {}, offset + token.map[0] + 1))
    return found


def raw_html_lines(text: str, extensions: frozenset[str] = frozenset()) -> list[int]:
    """Lines of a page's raw HTML as MyST makes raw nodes of it (comments too), each at the line the build warns at:
    a block's first line, the first line of the paragraph, item or table row holding inline HTML."""
    if "<" not in text:
        return []
    lines: list[int] = []
    for token in _role_parser(extensions).parse(text):
        if not token.map:
            continue
        if token.type == "html_block" or (token.type == "inline" and any(child.type == "html_inline" for child in token.children or [])):
            lines.append(token.map[0] + 1)
    return lines


def _blank_options(body: str) -> str:
    """A directive body with its leading ``:option:`` lines or ``---`` YAML block blanked (lines stay right)."""
    lines = body.split("\n")
    if lines and lines[0].strip() == "---":
        end = next((index for index in range(1, len(lines)) if lines[index].strip() == "---"), 0)
        return "\n" * (end + 1) + "\n".join(lines[end + 1:]) if end else body
    count = 0
    while count < len(lines) and DIRECTIVE_OPTION.match(lines[count]):
        count += 1
    return "\n" * count + "\n".join(lines[count:])


def _blank_front_matter(text: str) -> str:
    """The page with its front matter as blank lines (as the build hands it to MyST): lines stay right."""
    split = frontmatter.split_front_matter(text)
    if split is None:
        return text
    lines = text.split("\n")
    return "\n" * split[1] + "\n".join(lines[split[1]:])


PAGE_SUFFIXES = (".md", ".rst")


def links_outside(paths: ShelfPaths) -> dict[Path, Path]:
    """Symbolic links among the shelf's sources and .bib files that lead outside the shelf: link -> where it leads.

    Sphinx follows linked folders when it looks for pages, so a link is
    refused wherever it sits under the source folder.
    """
    root = paths.root.resolve()
    candidates = [path for path in paths.bibfiles if path.is_symlink()]
    for folder, folders, names in os.walk(paths.srcdir):  # links are listed, not followed
        # folders (Sphinx walks into them) and pages; another linked file is read only by a directive, which refuses it (file-access)
        candidates.extend(Path(folder) / name for name in (*folders, *(n for n in names if n.endswith(PAGE_SUFFIXES))) if (Path(folder) / name).is_symlink())
    found: dict[Path, Path] = {}
    for link in candidates:
        target = link.resolve()
        if not target.is_relative_to(root):
            found[link] = target
    return found


def _link_problem(paths: ShelfPaths, link: Path, target: Path) -> Problem:
    what = "folder" if target.is_dir() else "file"
    return Problem(Code.LINK_OUTSIDE, f"this {what} is a symbolic link to {target}, outside the shelf; it is not read: replace the link with the {what} itself", 1, paths.rel(link))


NOT_A_PAPER_MESSAGE = "this page has no paper front matter; start it with `---`, `key: <BibTeX key>`, `title: ...`, `short_name: ...`, `status: unread`, `---`"


def load_shelf(paths: ShelfPaths) -> Shelf:
    """Read every page and .bib file of a shelf once; collect per-file problems."""
    shelf = Shelf(paths)
    settings = paths.settings
    shelf.problems.extend(Problem(Code.BAD_VALUE, message, 1, "conf.py") for message in settings.problems)
    # What sphinxcontrib-bibtex will do with the entries depends on its settings (bib-missing-field, bib-duplicate).
    literals = conffile.literal_settings(paths.root / "conf.py")
    asked = literals.get("papershelf_bib_checks")
    extensions = frozenset(conffile.text_list(literals, "myst_enable_extensions"))
    trusted_pages = conffile.text_list(literals, fileaccess.TRUSTED)
    shelf.every_entry = asked if isinstance(asked, bool) else paths.papers.is_dir()
    located: list[tuple[str, BibEntry]] = []
    outside = links_outside(paths)
    shelf.problems.extend(_link_problem(paths, link, target) for link, target in outside.items())
    for bibpath in paths.bibfiles:
        rel = paths.rel(bibpath)
        if bibpath in outside:
            shelf.unreadable[bibpath] = f"{rel} is a symbolic link to {outside[bibpath]}, outside the shelf"
            continue
        if not bibpath.exists():
            shelf.problems.append(Problem(Code.BIB_SYNTAX, f"the .bib file named in conf.py does not exist: {rel}", 1, rel))
            shelf.bib_texts[bibpath] = ""
            continue
        try:
            text = bibpath.read_bytes().decode("utf-8-sig")
        except OSError as error:
            shelf.unreadable[bibpath] = f"cannot read {rel}: {error.strerror or error}"
            shelf.problems.append(Problem(Code.BIB_SYNTAX, f"cannot read the file: {error}", 1, rel))
            continue
        except UnicodeDecodeError as error:
            data = error.object
            line = data[: error.start].count(b"\n") + 1
            where = f"byte {data[error.start]:#04x} at line {line} (offset {error.start}) is not UTF-8"
            shelf.unreadable[bibpath] = f"{rel}: {where}; save it as UTF-8"
            shelf.problems.append(Problem(Code.BIB_SYNTAX, f"cannot read the file: {where}; save it as UTF-8", line, rel))
            continue
        shelf.bib_texts[bibpath] = text
        scan = BibScan(rel)
        scan_text(text, scan)
        shelf.problems.extend(scan.problems)
        for key, entry in scan.entries.items():
            shelf.entries.setdefault(key, entry)
            located.append((rel, entry))
        for key, (_, line, written) in scan.declared.items():
            shelf.declared.setdefault(key, (rel, line))
            shelf.declared_text.setdefault(key, written)
    shelf.problems.extend(entry_problems(located, conffile.text(literals, "bibtex_default_style", DEFAULT_STYLE), conffile.text(literals, "bibtex_cite_id", "")))

    if not paths.srcdir.is_dir():
        return shelf
    for path in sorted(paths.srcdir.rglob("*.md")):
        if path in outside:
            continue
        rel = paths.rel(path)
        in_papers = path.parent == paths.papers or paths.papers in path.parents
        if in_papers:
            shelf.slugs.add(path.stem)
        try:
            data = path.read_bytes()
        except OSError as error:
            shelf.problems.append(Problem(Code.FRONT_MATTER_SYNTAX, f"cannot read the page: {error}", 1, rel))
            continue
        undecodable = not_utf8(data)
        if undecodable is not None:
            shelf.problems.append(Problem(undecodable.code, undecodable.message, undecodable.line, rel))
            continue
        text = data.decode("utf-8-sig")
        shelf.references.extend((rel, role, key, line) for role, key, line in page_references(_blank_front_matter(text), extensions=extensions))
        trusted = fileaccess.is_trusted_page(trusted_pages, paths.docname(path))
        for use in file_uses(_blank_front_matter(text), extensions=extensions):
            found = fileaccess.judge(use, trusted, paths.srcdir, path)
            shelf.problems.extend([Problem(found.code, found.message, found.line, rel)] if found else [])
        front = frontmatter.parse_front_matter(text)
        # every page drops its raw HTML (site/untrusted.py); paper pages say so with their own message
        other_page_html = (Problem(Code.RAW_HTML, RAW_OUTPUT_MESSAGE, line, rel) for line in raw_html_lines(_blank_front_matter(text), extensions))
        if front is not None and front.error:
            shelf.problems.append(Problem(Code.FRONT_MATTER_SYNTAX, f"{front.error}; the page is built without its paper header", front.error_line, rel))
            shelf.problems.extend(other_page_html)
            continue
        if front is None or not is_paper_page(front.data):
            if in_papers:
                shelf.problems.append(Problem(Code.NOT_A_PAPER, NOT_A_PAPER_MESSAGE, 1, rel))
            shelf.problems.extend(other_page_html)
            continue
        docname = paths.docname(path)
        bib = shelf.entries.get(str(front.data.get("key", "")))
        paper, problems = read_paper(front.data, docname, bib, settings=settings)
        shelf.problems.extend(Problem(p.code, p.message, p.line, rel) for p in problems)
        shelf.problems.extend(Problem(Code.RAW_HTML, RAW_HTML_MESSAGE, line, rel) for line in raw_html_lines(_blank_front_matter(text), extensions))
        shelf.pages.append(Page(path, rel, docname, paper, front.data))
    return shelf
