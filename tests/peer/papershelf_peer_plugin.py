"""pytest plugin: every Sphinx project a test builds loads papershelf too.

Used by ``test_bibtex_peer.py`` to run sphinxcontrib-bibtex's own test suite
with papershelf appended to each test project's ``extensions``, without
touching those tests: the project's configuration is read as usual, then
papershelf is added last, as a user adding it to an existing project would.
"""

from __future__ import annotations

from typing import Any

from sphinx.config import Config

_read = Config.read.__func__  # type: ignore[attr-defined]


def _read_with_papershelf(cls: type[Config], *args: Any, **kwargs: Any) -> Config:
    config = _read(cls, *args, **kwargs)
    config.extensions = [*config.extensions, "papershelf"]
    # papershelf refuses `.. raw::`, `include` and the like on pages written by others; a
    # project that adds it trusts its own pages, as its maintainer would (test_latex_multidoc_2
    # writes `.. raw:: latex`).
    config._raw_config.setdefault("papershelf_trusted_pages", ["**"])
    return config


Config.read = classmethod(_read_with_papershelf)  # type: ignore[method-assign, assignment]
