"""Known problems in the build: papershelf warnings the shelf's baseline names are logged, not counted.

``known-problems.json`` (:mod:`papershelf.shelf.baseline`) lists the problems
a shelf is known to have. A strict build (``-W``) fails when Sphinx counted a
warning; the count is kept by the warning handler's ``WarningSuppressor``
filter, so :class:`KnownProblemFilter` is put in front of it (at
``builder-inited``): a papershelf warning that a baseline entry matches is
logged at info level instead (``path:line: known problem code: message``)
and never counted. Any other warning, a new problem, passes on unchanged.
With ``-j``, a worker's warnings are handled again in the main process,
where the filter is. At the end one line says how many known problems the
build met and which page lists them (the ``known-problems`` index).
"""

from __future__ import annotations

import logging as stdlib_logging
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging
from sphinx.util.nodes import get_node_source

from papershelf.shelf import baseline
from papershelf.shelf.paths import ShelfError
from papershelf.site.domain import paper_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

KIND = "known-problems"  #: the index kind listing them (site/indexes/known.py)


class KnownProblemFilter(stdlib_logging.Filter):
    """Lets through every record but a papershelf warning the baseline knows (that one is logged at info level)."""

    def __init__(self, app: Sphinx, entries: tuple[baseline.KnownProblem, ...]) -> None:
        super().__init__()
        self._app = app
        self._root = Path(app.confdir)
        self._entries = len(entries)
        self._matcher = baseline.Matcher(entries)
        self._met: set[tuple[str, str, int, str]] = set()  #: (code, path, line, message) of the known problems seen

    def filter(self, record: stdlib_logging.LogRecord) -> bool:
        if record.levelno < stdlib_logging.WARNING or getattr(record, "type", None) != "papershelf":
            return True
        code = getattr(record, "subtype", None) or ""
        path, line = self._where(getattr(record, "location", None))
        text = record.getMessage()
        message = text.removeprefix(f"{code}: ")
        if not path or not self._matcher.known(code, path, line, message):
            return True
        if (code, path, line, message) not in self._met:
            self._met.add((code, path, line, message))
            logger.info("known problem %s", text, location=getattr(record, "location", None))
        return False

    def _where(self, location: object) -> tuple[str, int]:
        """The file (relative to the shelf root, as ``check`` names it) and line of a record's location."""
        path, line = "", 0
        if isinstance(location, tuple) and len(location) == 2:
            docname, line = location
            path = str(self._app.env.doc2path(docname)) if docname else ""
        elif isinstance(location, nodes.Element):
            path, line = get_node_source(location) or "", location.line or 0
        elif isinstance(location, str) and location:
            head, _, tail = location.rpartition(":")
            if ":" not in location:
                path = str(self._app.env.doc2path(location))
            elif tail.isdigit():
                path, line = head, int(tail)
            else:
                path = location
        file = Path(path)
        if file.is_absolute() and file.is_relative_to(self._root):
            path = file.relative_to(self._root).as_posix()
        return path, int(line or 0)

    def on_build_finished(self, app: Sphinx, exception: Exception | None) -> None:
        """One line: how many known problems this build met, and where they are listed."""
        if exception is not None or not self._entries:
            return
        met = len(self._met)
        holders = sorted(d for d, kinds in paper_domain(app.env).index_docs.items() if KIND in kinds)
        where = f"listed on {app.builder.get_target_uri(holders[0])}" if holders else "`papershelf check` lists them"
        logger.info("%d known problem%s (%s), %s", met, "s" * (met != 1), baseline.FILE_NAME, where)
        if met < self._entries:
            unmet = self._entries - met
            logger.info("%d known problem%s not met in this build (fixed?): `papershelf check` removes fixed ones from %s",
                        unmet, "s" * (unmet != 1), baseline.FILE_NAME)


def on_builder_inited(app: Sphinx) -> None:
    """Put the filter first on Sphinx's warning handler, before the filter that counts warnings."""
    path = baseline.path_of(Path(app.confdir))
    try:
        entries = baseline.read(path)
    except ShelfError as error:
        logger.warning("%s: %s", "bad-value", error, location=str(path), type="papershelf", subtype="bad-value")
        return
    if not entries:
        return
    known = KnownProblemFilter(app, entries)
    for handler in stdlib_logging.getLogger(logging.NAMESPACE).handlers:
        if isinstance(handler, logging.WarningStreamHandler):
            handler.filters.insert(0, known)
    app.connect("build-finished", known.on_build_finished)
