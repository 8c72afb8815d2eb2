"""``link-report.json``: what the last ``papershelf check --links`` found, written and read in one format.

The command writes it at the shelf root (one link a line, sorted, so a rerun
with the same answers changes nothing and a pull request's diff shows one line
per changed link); the maintainers' page reads it. It is input like any page:
a pull request can edit it. So reading checks every value (only
``http``/``https`` links, paths inside the shelf, ISO dates, bounded lengths)
and leaves out the entries that fail, each with the line and why.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from papershelf.shelf.schema import is_web_url

if TYPE_CHECKING:
    from collections.abc import Iterable

FILE_NAME = "link-report.json"
VERSION = 1
ABOUT = (
    "Written by `papershelf check --links` (the weekly refresh commits it); the maintainers' page lists its dead and "
    "moved links. Run the command again to update it; edits by hand are overwritten."
)
MAX_BYTES = 8_000_000  #: a report of 30,000 links is about 6 MB; a larger file is refused unread
URL_LIMIT, DETAIL_LIMIT, PATH_LIMIT = 2000, 300, 300
STATES = ("dead", "moved", "unknown", "ok")
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


def dump(checked: dt.date, links: Iterable[LinkResult]) -> str:
    """The text of the report: a head line, then one link a line sorted by URL."""
    lines = []
    for link in sorted(links, key=lambda link: link.url):
        item = {"url": link.url, "state": link.state, "detail": link.detail[:DETAIL_LIMIT], "checked": link.checked.isoformat(),
                "used": [[path, line] for path, line in sorted(set(link.used))]}
        lines.append(json.dumps(item, ensure_ascii=False))
    head = json.dumps({"version": VERSION, "checked": checked.isoformat(), "about": ABOUT}, ensure_ascii=False)
    return head[:-1] + ', "links": [\n' + ",\n".join(lines) + ("\n" if lines else "") + "]}\n"
