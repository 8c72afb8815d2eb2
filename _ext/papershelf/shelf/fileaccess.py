"""Which pages may read files, and what a page's file-reading directives and roles earn: the rule both sides apply.

The build applies it to the directives as docutils runs them
(``site/untrusted.py``); ``papershelf check`` to the same directives found
in the page's Markdown tokens (``shelf/load.py``), so both report the same
finding at the same line:

* on a page not named by ``papershelf_trusted_pages``, ``include``,
  ``literalinclude``, ``csv-table`` with ``:file:`` and the ``download`` role
  are refused (file-access) and ``raw`` is refused as raw output (raw-html);
* on a trusted page, a file outside the source folder (links followed) is
  refused, ``:url:`` always, ``raw`` HTML always.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from papershelf.formats.links import is_allowed_link, scheme
from papershelf.model.problems import Code, Problem

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

#: conf.py's setting naming the pages a maintainer wrote (docnames or glob patterns)
TRUSTED = "papershelf_trusted_pages"
#: directives that read a file (or insert raw output); ``download`` is a role
FILE_DIRECTIVES = frozenset({"include", "literalinclude", "csv-table", "raw"})

RAW_DIRECTIVE_MESSAGE = "the `{name}` directive inserts output unchanged (it could run scripts); it is left out, write Markdown instead"
REFUSED_MESSAGE = (
    "`{name}` reads a file, which a page written by others may not do; it is left out "
    "(list the page in papershelf_trusted_pages if you wrote it yourself)"
)
OUTSIDE_MESSAGE = "`{name}` names {target!r}, outside the source folder; it is left out (files outside the shelf are never read)"
URL_OPTION_MESSAGE = "`{name}` with `:url:` fetches a file from the network while building; it is left out (save the file in the shelf and use `:file:` on a trusted page)"


@functools.cache
def _glob(pattern: str) -> re.Pattern[str]:
    """A docname glob as Sphinx reads it (``sphinx.util.matching``): ``*`` and ``?`` stop at ``/``, ``**`` does not."""
    out, index = "", 0
    while index < len(pattern):
        char = pattern[index]
        index += 1
        if char == "*":
            if pattern[index:index + 1] == "*":
                index += 1
                out += ".*"
            else:
                out += "[^/]*"
        elif char == "?":
            out += "[^/]"
        elif char == "[":
            end = index + (pattern[index:index + 1] == "!")
            end += pattern[end:end + 1] == "]"
            end = pattern.find("]", end)
            if end < 0:
                out += "\\["
            else:
                stuff = pattern[index:end].replace("\\", "\\\\")
                index = end + 1
                stuff = "^/" + stuff[1:] if stuff[0] == "!" else "\\" + stuff if stuff[0] == "^" else stuff
                out += f"[{stuff}]"
        else:
            out += re.escape(char)
    return re.compile(out + "$")


def is_trusted_page(patterns: Iterable[str], docname: str) -> bool:
    """Whether ``docname`` is named, or matched by a glob, in ``papershelf_trusted_pages`` (Sphinx's ``Matcher``:
    a pattern starting ``**/`` also matches without it)."""
    patterns = [str(pattern) for pattern in patterns]
    patterns += [pattern[3:] for pattern in patterns if pattern.startswith("**/")]
    return any(_glob(pattern).match(docname) for pattern in patterns)


def inside(srcdir: Path, path: str | Path) -> bool:
    """Whether ``path`` (symbolic links followed) lies inside the source folder."""
    try:
        return Path(path).resolve().is_relative_to(Path(srcdir).resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False


def candidates(srcdir: Path, page: Path, target: str) -> list[Path]:
    """Every file ``target`` can mean on ``page``: from the source folder for ``/x`` (Sphinx's ``relfn2path``),
    relative to the page, and as written (docutils reads an absolute ``:file:`` as it is)."""
    target = target.strip()
    found = [Path(os.path.normpath(srcdir / target[1:] if target.startswith("/") else page.parent / target)), page.parent / target]
    if Path(target).is_absolute():
        found.append(Path(target))
    return found


def _outside(srcdir: Path, page: Path, name: str, targets: list[str]) -> str:
    for target in targets:
        if (target.startswith("<") and target.endswith(">")) or not all(inside(srcdir, path) for path in candidates(srcdir, page, target)):
            return OUTSIDE_MESSAGE.format(name=name, target=target)
    return ""


@dataclass(frozen=True)
class Use:
    """One directive or role of a page that may read a file, as written."""

    name: str  #: ``include``, ``literalinclude``, ``csv-table``, ``raw`` or ``download``
    argument: str  #: the directive's argument (a file, a format, a title) or the role's target
    options: Mapping[str, str]
    line: int


def judge(use: Use, trusted: bool, srcdir: Path, page: Path) -> Problem | None:
    """The finding the build gives ``use`` on ``page`` (``None``: it runs)."""
    name, options = use.name, use.options
    if name == "download":
        target = use.argument
        if "://" in target:
            return None if is_allowed_link(target) else Problem(
                Code.BAD_URL, f"the link {target[:80]!r} uses the scheme `{scheme(target)}:`; only http, https, mailto and relative links are published, so it is left out (its text stays)", use.line)
        message = REFUSED_MESSAGE.format(name=name) if not trusted else "" if inside(srcdir, candidates(srcdir, page, target)[0]) else OUTSIDE_MESSAGE.format(name=name, target=target)
        return Problem(Code.FILE_ACCESS, message, use.line) if message else None
    if name == "raw":
        if any("html" in part for part in use.argument.lower().split()) or not trusted:
            return Problem(Code.RAW_HTML, RAW_DIRECTIVE_MESSAGE.format(name=name), use.line)
        if "url" in options:
            return Problem(Code.FILE_ACCESS, URL_OPTION_MESSAGE.format(name=name), use.line)
        message = _outside(srcdir, page, name, [options["file"]]) if "file" in options else ""
        return Problem(Code.FILE_ACCESS, message, use.line) if message else None
    if name == "csv-table":
        if "url" in options:
            return Problem(Code.FILE_ACCESS, URL_OPTION_MESSAGE.format(name=name), use.line)
        if "file" not in options:
            return None
        targets = [options["file"]]
    else:
        targets = ["".join(part.strip() for part in use.argument.splitlines())]
        if name == "literalinclude" and "diff" in options:
            targets.append(options["diff"])
    message = REFUSED_MESSAGE.format(name=name) if not trusted else _outside(srcdir, page, name, targets)
    return Problem(Code.FILE_ACCESS, message, use.line) if message else None
