"""The metadata sources ``enrich --sources`` knows, by name (one module a source, one line here).

arXiv is asked through its own client and cache (:mod:`papershelf.sources.arxiv`);
the others follow :class:`papershelf.sources.base.Source`, each built from the
environment (base URL and key) by its ``from_env``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from papershelf.sources.github import GitHubSource
from papershelf.sources.hf import HubSource
from papershelf.sources.s2 import S2Source

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from papershelf.sources.base import Source

ARXIV = "arxiv"
SOURCES: dict[str, Callable[..., Source]] = {
    "s2": S2Source.from_env,
    "github": GitHubSource.from_env,
    "hf": HubSource.from_env,
}
NAMES = (ARXIV, *SOURCES)


def parse_names(text: str) -> tuple[str, ...]:
    """``arxiv,s2`` -> the names, in registry order; ValueError naming an unknown one."""
    names = {name.strip().lower() for name in text.split(",") if name.strip()}
    unknown = sorted(names - set(NAMES))
    if unknown:
        raise ValueError(f"unknown source {', '.join(unknown)}; known: {', '.join(NAMES)}")
    return tuple(name for name in NAMES if name in names)


def make(name: str, env: Mapping[str, str], **http: Any) -> Source:
    return SOURCES[name](env, **http)
