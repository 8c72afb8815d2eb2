"""Content is written by strangers: what any page may put on the site, and what it may read.

Every page of a shelf (paper pages, imported notes and resources pages,
pages a maintainer writes) and every .bib entry may come from someone we do
not know, and the site is built where secrets live. This module holds the
build's side of that policy, for every page whatever its content:

* **raw-html**: raw output (MyST HTML blocks and inline HTML, ``{raw}``,
  ``.. raw::`` in ``{eval-rst}``, the ``raw`` role) never reaches a page: the
  ``raw`` directive is refused where it is written (other formats than HTML,
  LaTeX say, pass on trusted pages), remaining raw nodes are
  dropped when the page is read (paper pages: ``header.py`` drops them first,
  with the same code).
* **bad-url**: only ``http``, ``https``, ``mailto`` and relative links become
  links (:mod:`papershelf.formats.links`). A reference with another scheme
  (Markdown or rST links, ``:target:`` of an image or figure, toctree
  entries) becomes its text; an image with another scheme is dropped. Links
  that extensions build while a page is written (a bibliography's BibTeX
  ``url``) are dropped the same way, silently: the .bib scan reports the
  entry at its line (``formats/bibfile.py``).
* **file-access**: ``include``, ``literalinclude``, ``csv-table`` with
  ``:file:`` or ``:url:`` and the ``download`` role are refused, except on the
  pages named by ``papershelf_trusted_pages``; there, and for images on every
  page, a file outside the source folder (after following symbolic links,
  so ``/proc/self/environ`` or a planted link) is refused, and ``:url:`` is
  always refused. Docutils' own ``file_insertion_enabled`` and
  ``raw_enabled`` are off for every page, so a directive reached under
  another name (a translated one) is refused by docutils itself.

Findings go through :func:`papershelf.site.findings.report`, so a no-op
build reports them again. Registered from ``site/extension.py`` as a Sphinx
extension of its own.
"""

from __future__ import annotations

import glob
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.parsers.rst.directives.misc import Raw
from sphinx import addnodes
from sphinx.directives.code import LiteralInclude
from sphinx.directives.other import Include
from sphinx.directives.patches import CSVTable
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from papershelf import __version__
from papershelf.formats.links import is_allowed_link, scheme
from papershelf.model.problems import Code, Problem
from papershelf.shelf import fileaccess
from papershelf.shelf.fileaccess import (
    OUTSIDE_MESSAGE,
    RAW_DIRECTIVE_MESSAGE,
    REFUSED_MESSAGE,
    URL_OPTION_MESSAGE,
)
from papershelf.shelf.rules import RAW_OUTPUT_MESSAGE
from papershelf.site import findings

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

TRUSTED = fileaccess.TRUSTED


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the policy: one config value, guarded directives, and the read- and write-time passes."""
    app.add_config_value(
        TRUSTED, [], "env", types=[list, tuple],
        description="Pages (docnames or glob patterns, e.g. ['guide', 'notes/*']) written by the maintainer, "
        "where include, literalinclude, csv-table :file: and the download role may read files inside the source folder. "
        "On every other page they are refused; raw HTML and links other than http(s), mailto and relative ones are refused everywhere.")
    for name, directive in (("include", GuardedInclude), ("literalinclude", GuardedLiteralInclude),
                            ("csv-table", GuardedCSVTable), ("raw", GuardedRaw)):
        app.add_directive(name, directive, override=True)
    app.connect("env-before-read-docs", on_env_before_read_docs)
    # Before anything reads a page (header.py's UTF-8 check reads every page whole).
    app.connect("env-before-read-docs", leave_out_links_outside, priority=300)
    # After header.py's paper header (400), before Sphinx's collectors (500) note titles, images and downloads.
    app.connect("doctree-read", on_doctree_read, priority=450)
    # After everything that renders links while a page is written (bibliographies, the shelf's indexes).
    app.connect("doctree-resolved", on_doctree_resolved, priority=900)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}


# --- which pages may read files --------------------------------------------------


def is_trusted(env: BuildEnvironment, docname: str) -> bool:
    """Whether ``docname`` is named (or matched by a glob) in ``papershelf_trusted_pages``."""
    return fileaccess.is_trusted_page(env.config[TRUSTED] or (), docname)  # as check reads it


def inside_source(env: BuildEnvironment, path: str | Path) -> bool:
    """Whether ``path`` (symbolic links followed) lies inside the source folder."""
    try:
        return Path(path).resolve().is_relative_to(Path(env.srcdir).resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False


def _candidates(env: BuildEnvironment, docname: str, target: str) -> list[Path]:
    """Every file ``target`` can mean: relative to the source folder as Sphinx reads ``/x``,
    relative to the page, and as written (docutils reads an absolute ``:file:`` as it is)."""
    target = target.strip()
    found = [Path(env.relfn2path(target, docname)[1])]
    found.append(Path(env.doc2path(docname)).parent / target)
    if Path(target).is_absolute():
        found.append(Path(target))
    return found


def _report(env: BuildEnvironment, code: Code, message: str, line: int | None, docname: str | None = None) -> None:
    findings.report(env, Problem(code, message, line or 1), docname or env.docname)


def on_env_before_read_docs(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Docutils' own switches off for every page: a guard below turns file insertion on for one directive at a time."""
    env.settings["file_insertion_enabled"] = False
    env.settings["raw_enabled"] = False


def _link_outside(root: Path, srcdir: Path, page: Path) -> tuple[Path, Path] | None:
    """(the link, where it leads) when ``page`` is, or lies under a folder that is, a symbolic link out of ``root``."""
    try:
        if page.resolve().is_relative_to(root.resolve()):
            return None
        rel = page.relative_to(srcdir)
    except (OSError, RuntimeError, ValueError):  # a loop of links; a page outside the source folder
        return page, page
    for depth in range(1, len(rel.parts) + 1):
        link = srcdir.joinpath(*rel.parts[:depth])
        if link.is_symlink() and not link.resolve().is_relative_to(root.resolve()):
            return link, link.resolve()
    return page, page.resolve()


def leave_out_links_outside(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Pages that are symbolic links out of the shelf, or reached through a linked folder, are never read:
    left out of the build with a located ``link-outside`` finding (check reports the link itself, shelf/load.py)."""
    srcdir = Path(env.srcdir)
    root = Path(app.confdir or env.srcdir)
    for docname in list(docnames):
        found = _link_outside(root, srcdir, Path(env.doc2path(docname)))
        if found is None:
            continue
        link, target = found
        if link == Path(env.doc2path(docname)):
            message = f"this page is a symbolic link to {target}, outside the shelf; it is not read or published: replace the link with the file itself"
        else:
            message = (f"this page lies in {link.relative_to(srcdir).as_posix()}/, a symbolic link to {target}, outside the shelf; "
                       "it is not read or published: replace the link with the folder itself")
        findings.report(env, Problem(Code.LINK_OUTSIDE, message, 1), docname)
        docnames.remove(docname)
        env.found_docs.discard(docname)


# --- directives --------------------------------------------------------------------


class _Guard:
    """What the guarded directives share: refuse on an untrusted page or for a file outside the shelf."""

    name: str
    lineno: int
    state: Any

    @property
    def build_env(self) -> BuildEnvironment:
        env: BuildEnvironment = self.state.document.settings.env
        return env

    def refusal(self, targets: list[str]) -> str:
        """Why this directive may not run here, or ``""``."""
        env = self.build_env
        docname = env.docname
        if not is_trusted(env, docname):
            return REFUSED_MESSAGE.format(name=self.name)
        for target in targets:
            if target.startswith("<") and target.endswith(">"):  # docutils' "standard" includes live outside the shelf too
                return OUTSIDE_MESSAGE.format(name=self.name, target=target)
            if not all(inside_source(env, path) for path in _candidates(env, docname, target)):
                return OUTSIDE_MESSAGE.format(name=self.name, target=target)
        return ""

    def refuse(self, message: str) -> list[nodes.Node]:
        _report(self.build_env, Code.FILE_ACCESS, message, self.lineno)
        return []

    def run_inserting(self, run: Any) -> list[nodes.Node]:
        """``run()`` with docutils' file insertion on, for this directive alone."""
        settings = self.state.document.settings
        before = settings.file_insertion_enabled
        settings.file_insertion_enabled = True
        try:
            return list(run())
        finally:
            settings.file_insertion_enabled = before


class GuardedInclude(_Guard, SphinxDirective):
    """``include``, refused unless trusted and inside the shelf.

    Not a subclass of docutils' ``Include``: MyST would run its own reader
    for those, without asking this class. On a trusted page the reading is
    handed to MyST's (in Markdown) or Sphinx's (in reStructuredText) include.
    """

    required_arguments = Include.required_arguments
    optional_arguments = Include.optional_arguments
    final_argument_whitespace = Include.final_argument_whitespace
    has_content = Include.has_content
    option_spec: ClassVar[dict[str, Any]] = {
        **(Include.option_spec or {}),
        # the options MyST adds to any include it reads
        "relative-images": directives.flag,
        "relative-docs": directives.path,
        "heading-offset": directives.nonnegative_int,
    }

    def run(self) -> list[nodes.Node]:
        message = self.refusal(["".join(part.strip() for part in self.arguments[0].splitlines())])
        if message:
            return self.refuse(message)
        from myst_parser.mocking import MockIncludeDirective, MockState

        if isinstance(self.state, MockState):
            mock = MockIncludeDirective(self.state._renderer, name=self.name, klass=Include, arguments=self.arguments,
                                        options=self.options, body=list(self.content), lineno=self.lineno)
            return self.run_inserting(mock.run)
        for option in ("relative-images", "relative-docs", "heading-offset"):
            self.options.pop(option, None)
        real = Include(self.name, self.arguments, self.options, self.content, self.lineno, self.content_offset,
                       self.block_text, self.state, self.state_machine)
        return self.run_inserting(real.run)


class GuardedLiteralInclude(_Guard, LiteralInclude):
    """``literalinclude`` (and its ``:diff:`` file), refused unless trusted and inside the shelf."""

    def run(self) -> list[nodes.Node]:
        targets = [self.arguments[0], *([self.options["diff"]] if "diff" in self.options else [])]
        message = self.refusal(targets)
        return self.refuse(message) if message else self.run_inserting(super().run)


class GuardedCSVTable(_Guard, CSVTable):
    """``csv-table``: its content is fine anywhere; ``:file:`` only on a trusted page inside the shelf, ``:url:`` never."""

    def run(self) -> list[nodes.Node]:  # type: ignore[override]  # a refusal returns no table
        if "url" in self.options:
            return self.refuse(URL_OPTION_MESSAGE.format(name=self.name))
        if "file" not in self.options:
            return list(super().run())
        message = self.refusal([self.options["file"]])
        return self.refuse(message) if message else self.run_inserting(super().run)


class GuardedRaw(_Guard, Raw):
    """``raw``: HTML refused on every page (it reaches readers unescaped); other formats (LaTeX) only on a trusted page."""

    def run(self) -> list[nodes.Node]:
        env = self.build_env
        if is_html(self.arguments[0]) or not is_trusted(env, env.docname):
            _report(env, Code.RAW_HTML, RAW_DIRECTIVE_MESSAGE.format(name=self.name), self.lineno)
            return []
        if "url" in self.options:
            return self.refuse(URL_OPTION_MESSAGE.format(name=self.name))
        message = self.refusal([self.options["file"]]) if "file" in self.options else ""
        if message:
            return self.refuse(message)
        settings = self.state.document.settings
        settings.raw_enabled = True
        try:
            return self.run_inserting(super().run)
        finally:
            settings.raw_enabled = False


def is_html(formats: str) -> bool:
    """Whether raw output in ``formats`` (``"html"``, ``"latex html"``) can reach an HTML page."""
    return any("html" in name for name in formats.lower().split())


# --- nodes ------------------------------------------------------------------------


def _line(node: nodes.Node) -> int:
    """The line of ``node``, or of the nearest enclosing node that has one (inline nodes rarely do)."""
    current: nodes.Node | None = node
    while current is not None:
        if current.line:
            return current.line
        current = current.parent
    return 1


def _unlink(node: nodes.Element) -> None:
    """Replace a reference by what it shows (its text, or the image it wraps)."""
    if node.children:
        node.replace_self(list(node.children))
    else:
        node.parent.remove(node)


def _bad_links(doctree: nodes.Node) -> Iterator[nodes.reference]:
    for node in list(doctree.findall(nodes.reference)):
        if "refuri" in node and not is_allowed_link(node["refuri"]):
            yield node


def _bad_url_message(url: str, what: str = "link") -> str:
    return f"the {what} {url[:80]!r} uses the scheme `{scheme(url)}:`; only http, https, mailto and relative links are published, so it is left out (its text stays)"


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Apply the policy to a page just read, with a located finding for each thing left out."""
    env = app.env
    docname = env.docname
    lines = set()  # an opening and a closing tag in one paragraph are one finding
    trusted = is_trusted(env, docname)
    for raw in list(doctree.findall(nodes.raw)):
        if trusted and not is_html(raw.get("format", "")):
            continue  # LaTeX a maintainer wrote (GuardedRaw let it through)
        if _line(raw) not in lines:
            lines.add(_line(raw))
            _report(env, Code.RAW_HTML, RAW_OUTPUT_MESSAGE, _line(raw), docname)
        raw.parent.remove(raw)
    for reference in _bad_links(doctree):
        _report(env, Code.BAD_URL, _bad_url_message(reference["refuri"]), _line(reference), docname)
        _unlink(reference)
    for toctree in doctree.findall(addnodes.toctree):
        for entry in list(toctree["entries"]):
            if "://" in entry[1] and not is_allowed_link(entry[1]):
                _report(env, Code.BAD_URL, _bad_url_message(entry[1], "toctree entry"), _line(toctree), docname)
                toctree["entries"].remove(entry)
    for image in list(doctree.findall(nodes.image)):
        message = _image_refusal(env, docname, image.get("uri", ""))
        if message:
            _report(env, message[0], message[1], _line(image), docname)
            image.parent.remove(image)
    for download in list(doctree.findall(addnodes.download_reference)):
        target = download.get("reftarget", "")
        if "://" in target:
            refused = "" if is_allowed_link(target) else _bad_url_message(target)
            code = Code.BAD_URL
        else:
            code = Code.FILE_ACCESS
            refused = (REFUSED_MESSAGE.format(name="download") if not trusted
                       else "" if inside_source(env, env.relfn2path(target, docname)[1])
                       else OUTSIDE_MESSAGE.format(name="download", target=target))
        if refused:
            _report(env, code, refused, _line(download), docname)
            _unlink(download)


def _image_refusal(env: BuildEnvironment, docname: str, uri: str) -> tuple[Code, str] | None:
    """Why an image may not be shown: a scheme other than http(s), or a file outside the shelf."""
    if scheme(uri):
        return None if scheme(uri) in ("http", "https") else (Code.BAD_URL, _bad_url_message(uri, "image"))
    # Sphinx copies the file into _images (``//x`` too: it is a path to Sphinx, not a host)
    paths = _candidates(env, docname, uri)
    if "*" in uri:  # Sphinx picks one of the files the pattern matches
        paths += [Path(found) for path in paths for found in glob.glob(glob.escape(str(path.parent)) + "/" + path.name)]
    if all(inside_source(env, path) for path in paths):
        return None
    return Code.FILE_ACCESS, OUTSIDE_MESSAGE.format(name="image", target=uri)


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Last pass before a page is written: links that extensions built since the page was read (a BibTeX ``url``).

    Raw nodes are left alone here: the page's own were all dropped when it
    was read; those present now are built by code from escaped data (the
    chronology's SVG timeline).
    """
    for reference in _bad_links(doctree):
        logger.debug("papershelf: %s: dropped the link %r", docname, reference["refuri"])
        _unlink(reference)
    for image in list(doctree.findall(nodes.image)):
        uri = image.get("uri", "")
        if scheme(uri) and not is_allowed_link(uri):
            image.parent.remove(image)
