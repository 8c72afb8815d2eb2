"""The ``link-report`` index: what the last ``papershelf check --links`` found, for maintainers.

Reads :data:`FILE_NAME` at the shelf root (written by
:mod:`papershelf.commands.links`, committed by the weekly refresh) once, when
the page holding the index is written; the file is a dependency of that page
alone, so no other page pays for it. Dead links and links that now lead to
another paper come first, each at its file and line with what to do; the
links that could not be judged (403, 429, 5xx, timeouts) are counted.

The report is input like any page: a pull request can edit it. Every value
is checked (only ``http``/``https`` links, paths inside the shelf, ISO
dates, bounded lengths) and rendered as docutils text, which the writers
escape. Entries that fail are left out and counted in one warning naming the
file, the first bad entry's line and how to fix it; a file that is not a
report at all is one warning and no rows, never a failed build.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util import logging

from papershelf.shelf.schema import is_web_url
from papershelf.site.header import human_date
from papershelf.site.indexes.base import IndexKind, empty
from papershelf.site.indexes.known import file_link

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from papershelf.shelf.view import ShelfView

logger = logging.getLogger(__name__)

FILE_NAME = "link-report.json"  #: as commands/links.py writes it (a test holds the two together)
VERSION = 1
MAX_BYTES = 8_000_000  #: a report of 30,000 links is about 6 MB; a larger file is refused unread
MAX_ROWS = 500  #: dead and moved links shown; the rest are counted (the file holds them all)
MAX_PLACES = 20  #: places shown per link
URL_LIMIT, DETAIL_LIMIT, PATH_LIMIT = 2000, 300, 300
STATES = ("dead", "moved", "unknown", "ok")
COMMAND = "papershelf check --links"
FIX = (
    "Run `papershelf check --links` at the shelf root to write it again (it is rewritten whole), "
    "or delete it."
)
HOW_TO_MAKE = (
    f"No link report yet. Run papershelf check --links at the shelf root: it asks every external link and "
    f"writes {FILE_NAME}, which this page lists (the weekly refresh workflow commits it in its pull request)."
)
TODO = {
    "dead": "the address is gone; replace each with the paper's current address (or an archived copy), or remove it.",
    "moved": "each now redirects to a different paper (the arXiv id or DOI changed on the way); point it at this paper's own address.",
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class ReportError(ValueError):
    """The file is not a link report; the message says why."""


@dataclass(frozen=True)
class LinkResult:
    """One link of the report, validated."""

    url: str
    state: str  #: ok, dead, moved, unknown
    detail: str
    checked: dt.date  #: the day the verdict was obtained
    used: tuple[tuple[str, int], ...]  #: (path relative to the shelf root, line)


@dataclass(frozen=True)
class Report:
    checked: dt.date  #: the day of the run
    links: tuple[LinkResult, ...]
    bad: tuple[tuple[int, str], ...] = ()  #: (line or 0, why) of each entry left out


def path_of(root: Path) -> Path:
    return root / FILE_NAME


def files(app: Sphinx) -> tuple[Path, ...]:
    return (path_of(Path(app.confdir)),)


def _date(value: object, what: str) -> dt.date:
    if not isinstance(value, str):
        raise ReportError(f"{what} is not a date")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ReportError(f"{what} {value[:40]!r} is not a date (YYYY-MM-DD)") from None


def _place(item: object) -> tuple[str, int]:
    if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str) and type(item[1]) is int):
        raise ReportError("a place in `used` is not [file, line]")
    path, line = item
    parts = PurePosixPath(path).parts
    if not path or len(path) > PATH_LIMIT or _CONTROL.search(path) or "\\" in path or path.startswith("/") or ".." in parts:
        raise ReportError(f"`used` names {path[:60]!r}, not a file of the shelf")
    if not 0 <= line < 10_000_000:
        raise ReportError(f"`used` gives the line {line}")
    return path, line


def link_result(item: object) -> LinkResult:
    """One entry, or :class:`ReportError` saying what is wrong with it."""
    if not isinstance(item, dict):
        raise ReportError("an entry is not an object")
    url, state, detail = item.get("url"), item.get("state"), item.get("detail", "")
    if not isinstance(url, str) or len(url) > URL_LIMIT or _CONTROL.search(url) or not is_web_url(url):
        shown = url[:60] if isinstance(url, str) else url
        raise ReportError(f"`url` {shown!r} is not an http(s) link")
    if state not in STATES:
        raise ReportError(f"`state` {str(state)[:20]!r} is not one of {', '.join(STATES)}")
    if not isinstance(detail, str):
        raise ReportError("`detail` is not text")
    used = item.get("used", [])
    if not isinstance(used, list):
        raise ReportError("`used` is not a list")
    detail = _CONTROL.sub(" ", detail)
    return LinkResult(url, state, detail[:DETAIL_LIMIT] + ("…" if len(detail) > DETAIL_LIMIT else ""),
                      _date(item.get("checked"), "`checked`"), tuple(_place(place) for place in used))


def parse(text: str) -> Report:
    """The report in ``text``: bad entries are left out and listed in ``bad``; :class:`ReportError` when it is no report."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReportError(f"line {error.lineno}: not JSON ({error.msg})") from None
    except RecursionError:
        raise ReportError("nested too deeply to be a report") from None
    if not isinstance(data, dict) or not isinstance(data.get("links"), list):
        raise ReportError("no list of `links`")
    if data.get("version") != VERSION:
        raise ReportError(f"version {str(data.get('version'))[:20]}, not {VERSION} (written by another papershelf)")
    checked = _date(data.get("checked"), "the report's `checked`")
    lines = text.splitlines()
    good: list[LinkResult] = []
    bad: list[tuple[int, str]] = []
    for number, item in enumerate(data["links"]):
        try:
            good.append(link_result(item))
        except ReportError as error:
            bad.append((_line_of(lines, number, item), str(error)))
    return Report(checked, tuple(good), tuple(bad))


def _line_of(lines: list[str], number: int, item: object) -> int:
    """The line of entry ``number`` when the file keeps the written layout (one entry a line after the first); else 0."""
    candidate = number + 1
    if candidate < len(lines):
        try:
            if json.loads(lines[candidate].rstrip().removesuffix(",")) == item:
                return candidate + 1
        except (ValueError, RecursionError):
            pass
    return 0


def read(path: Path) -> Report | None:
    """The report at ``path``; None when there is none. :class:`ReportError` when it cannot be read as one."""
    if path.is_symlink():
        raise ReportError("it is a symbolic link; the report is read from a file of the shelf itself (remove the link)")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReportError(f"it holds {size:,} bytes, more than a report of this shelf would ({MAX_BYTES:,})")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise ReportError(f"cannot read it: {getattr(error, 'strerror', None) or error}") from None
    return parse(text)


def render_link_report(app: Sphinx, view: ShelfView, docname: str) -> list[nodes.Node]:
    """The day of the check and the counts, then each dead or moved link at its file and line, with what to do."""
    result = nodes.container(classes=["paper-link-report"])
    path = files(app)[0]
    try:
        report = read(path)
    except ReportError as error:
        logger.warning("%s is not a link report: %s. %s", FILE_NAME, error, FIX, location=FILE_NAME, type="papershelf", subtype="link-report")
        result += _note(f"{FILE_NAME} could not be read (the build's warning says why). {FIX.replace('`', '')}")
        return [result]
    if report is None:
        result += _note(HOW_TO_MAKE)
        return [result]
    if report.bad:
        line, why = report.bad[0]
        more = f" ({len(report.bad)} entries are left out)" if len(report.bad) > 1 else " (it is left out)"
        logger.warning("%s: an entry is not a link result: %s%s. %s", FILE_NAME, why, more, FIX,
                       location=f"{FILE_NAME}:{line}" if line else FILE_NAME, type="papershelf", subtype="link-report")
    counts = {state: sum(1 for link in report.links if link.state == state) for state in STATES}
    total = len(report.links)
    summary = nodes.paragraph(classes=["paper-link-counts"])
    summary += nodes.Text(f"{total} link{'s' * (total != 1)} checked on {human_date(report.checked.isoformat())} by ")
    summary += nodes.literal(COMMAND, COMMAND)
    summary += nodes.Text(f": {counts['dead']} dead, {counts['moved']} moved to another paper, {counts['ok']} alive, "
                          f"{counts['unknown']} unknown (403, 429, server errors and timeouts: the site may only refuse "
                          "robots; they are asked again on the next run, not counted as broken).")
    result += summary
    shown = 0
    for state, heading in (("dead", "Dead links"), ("moved", "Links that lead to another paper")):
        found = sorted((link for link in report.links if link.state == state), key=lambda link: (link.used[:1], link.url))
        if not found:
            continue
        head = nodes.paragraph(classes=["paper-link-group"])
        head += nodes.strong("", f"{heading} ({len(found)})")
        head += nodes.Text(f": {TODO[state]}")
        result += head
        items = nodes.bullet_list(classes=["paper-link-list", f"paper-link-{state}"])
        for link in found[:max(0, MAX_ROWS - shown)]:
            items += nodes.list_item("", _described(link), _places(app, docname, link))
        shown += len(items.children)
        result += items
    if shown == 0:
        result += empty("No dead links, and none that leads to another paper.")
    broken = counts["dead"] + counts["moved"]
    if broken > shown:
        rest = broken - shown
        result += _note(f"{rest:,} more dead or moved link{'s' * (rest != 1)} are in {FILE_NAME}, and printed by papershelf check --links.")
    return [result]


def _note(text: str) -> nodes.paragraph:
    """An index note with the command set as code."""
    note = empty("")
    for number, part in enumerate(text.split(COMMAND)):
        if number:
            note += nodes.literal(COMMAND, COMMAND)
        note += nodes.Text(part)
    return note


def _described(link: LinkResult) -> nodes.paragraph:
    """The link (an http(s) link, checked when read), what the check got and when."""
    line = nodes.paragraph(classes=["paper-link-result"])
    line += nodes.reference(link.url, link.url, refuri=link.url, noopener=True, classes=["paper-link-url"])
    line += nodes.Text(f" — {link.detail}" if link.detail else "")
    line += nodes.inline("", f" (checked {link.checked.isoformat()})", classes=["paper-link-checked"])
    return line


def _places(app: Sphinx, docname: str, link: LinkResult) -> nodes.paragraph:
    cell = nodes.paragraph(classes=["paper-link-places"])
    cell += nodes.Text("Used at ")
    for number, (path, line) in enumerate(link.used[:MAX_PLACES]):
        if number:
            cell += nodes.Text(", ")
        cell += file_link(app, docname, path, f"{path}:{line}" if line else path)
    if len(link.used) > MAX_PLACES:
        cell += nodes.Text(f" and {len(link.used) - MAX_PLACES} more")
    if not link.used:
        cell += nodes.Text("no file (the report names none)")
    return cell


LINK_REPORT = IndexKind(
    "link-report", render_link_report, empty=HOW_TO_MAKE,
    digest=lambda env, view, bib_digests: "",  # shows the file alone, which is a dependency of its page
    files=files,
)
