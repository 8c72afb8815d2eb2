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

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

from papershelf.shelf.linkreport import FILE_NAME, STATES, LinkResult, ReportError, read
from papershelf.site.header import human_date
from papershelf.site.indexes.base import IndexKind, empty
from papershelf.site.indexes.known import file_link

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from papershelf.shelf.view import ShelfView

logger = logging.getLogger(__name__)

MAX_ROWS = 500  #: dead and moved links shown; the rest are counted (the file holds them all)
MAX_PLACES = 20  #: places shown per link
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


def files(app: Sphinx) -> tuple[Path, ...]:
    return (Path(app.confdir) / FILE_NAME,)


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
