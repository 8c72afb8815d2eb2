"""A small update is read and written in Sphinx's own process.

With ``-j N``, Sphinx forks readers for any number of changed pages, and
each reader sends the whole environment back pickled (at 2,000 papers about
0.3 s to dump and as long to load, per chunk); writers are forked too, and
polled every 20 ms. For a handful of pages that costs more than the pages
themselves. So an update that reads few pages runs serially, and parallel
writing comes back when the pages to rewrite turn out many
(:func:`writing`, called once the rewrites are known).
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: at most this many pages to read or write: this process does it alone
SERIAL_PAGES = 24

#: app -> the ``-j`` it was started with, while it runs serially
_asked: weakref.WeakKeyDictionary[Sphinx, int] = weakref.WeakKeyDictionary()


def on_env_before_read_docs(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Before Sphinx chooses between forking readers and reading here."""
    if app.parallel > 1 and len(docnames) <= SERIAL_PAGES:
        _asked[app] = app.parallel
        app.parallel = 1


def writing(app: Sphinx, pages: int) -> None:
    """``pages`` more are to be written than were read: many of them go back to the workers."""
    asked = _asked.get(app)
    if asked is not None and pages > SERIAL_PAGES:
        app.parallel = asked
        del _asked[app]


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    """The next build of this application (tests build twice) chooses again."""
    asked = _asked.pop(app, None)
    if asked is not None:
        app.parallel = asked
