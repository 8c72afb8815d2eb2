"""A shelf's own field, from its ``conf.py``: facets, link and relation kinds, reading status.

The same settings reach the build (from Sphinx's config) and the command
line (from conf.py's literal assignments, without running it), so the
schema, the "Writing a paper page" guide, ``check`` and the catalog's JSON
Schema all follow one configuration.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:

    from sphinx.config import Config

#: built-in link kinds -> label shown on the page
LINK_KINDS = {
    "paper": "Paper",
    "code": "Code",
    "homepage": "Homepage",
    "blog": "Blog",
    "dataset": "Dataset",
    "model_zoo": "Model zoo",
    "dataset_zoo": "Dataset zoo",
    "docs": "Docs",
    "slides": "Slides",
    "tutorial": "Tutorial",
    "model_hub": "Model hub",
    "leaderboard": "Leaderboard",
    "overview": "Overview",
    "demo": "Demo",
    "video": "Video",
    "other": "Link",  # a reading list's own label, kept as the link's label
}

#: built-in relation kinds -> (label on the stating page, label on the other page)
RELATION_KINDS = {
    "updated_version": ("Updated version", "Previous version"),
    "variants": ("Open-source variants", "Variant of"),
    "builds_on": ("Builds on", "Built upon by"),
    "follow_up": ("Follow-up work", "Follows up on"),
}

#: the conf.py names, their defaults and what they say (registered by the extension)
CONFIG = {
    "papershelf_facets": ([], "Comparison facets: a list of {name, heading, help}; the `architecture` keys a paper page may set."),
    "papershelf_link_kinds": ({}, "Link kinds beside the built-in ones: {kind: label shown on the page}."),
    "papershelf_relation_kinds": ({}, "Relation kinds beside the built-in ones: {kind: [label on the stating page, label on the other page]}."),
    "papershelf_reading_status": (True, "Whether papers carry a read status (badges, the reading queue, counts). False for an awesome list."),
}

NAME = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class Facet:
    """One column of the comparison table."""

    name: str  #: key under ``architecture:`` in front matter
    heading: str  #: column heading
    help: str = ""  #: what to write there (shown in the writing guide)


@dataclass(frozen=True)
class ShelfSettings:
    facets: tuple[Facet, ...] = ()
    link_kinds: tuple[tuple[str, str], ...] = tuple(LINK_KINDS.items())
    relation_kinds: tuple[tuple[str, tuple[str, str]], ...] = tuple(RELATION_KINDS.items())
    reading_status: bool = True
    problems: tuple[str, ...] = field(default=(), compare=False)  #: what was wrong in the configuration

    @property
    def links(self) -> dict[str, str]:
        return dict(self.link_kinds)

    @property
    def relations(self) -> dict[str, tuple[str, str]]:
        return dict(self.relation_kinds)

    @property
    def facet_headings(self) -> dict[str, str]:
        return {facet.name: facet.heading for facet in self.facets}


DEFAULT = ShelfSettings()


def from_values(facets: Any = (), link_kinds: Any = None, relation_kinds: Any = None, reading_status: Any = True) -> ShelfSettings:
    """Validated settings; a malformed item is left out and described in ``problems``."""
    problems: list[str] = []
    parsed_facets: list[Facet] = []
    for item in facets or ():
        if isinstance(item, dict) and isinstance(item.get("name"), str) and NAME.fullmatch(item["name"]):
            name = item["name"]
            parsed_facets.append(Facet(name, str(item.get("heading") or name.replace("_", " ").capitalize()), str(item.get("help") or "")))
        else:
            problems.append(f"papershelf_facets: {item!r} is not {{'name': 'lower_case', 'heading': ..., 'help': ...}}")
    links = dict(LINK_KINDS)
    for kind, label in (link_kinds or {}).items():
        if isinstance(kind, str) and NAME.fullmatch(kind) and isinstance(label, str):
            links[kind] = label
        else:
            problems.append(f"papershelf_link_kinds: {kind!r}: {label!r} is not 'lower_case': 'Label'")
    relations = dict(RELATION_KINDS)
    for kind, labels in (relation_kinds or {}).items():
        if isinstance(kind, str) and NAME.fullmatch(kind) and isinstance(labels, (list, tuple)) and len(labels) == 2 and all(isinstance(x, str) for x in labels):
            relations[kind] = (labels[0], labels[1])
        else:
            problems.append(f"papershelf_relation_kinds: {kind!r}: {labels!r} is not 'lower_case': ['Label here', 'Label on the other page']")
    return ShelfSettings(tuple(parsed_facets), tuple(links.items()), tuple(relations.items()), bool(reading_status), tuple(problems))


def of_config(config: Config) -> ShelfSettings:
    """The settings of a Sphinx build (computed once per distinct configuration)."""
    values = {name: getattr(config, name, default) for name, (default, _) in CONFIG.items()}
    return _cached(json.dumps(values, sort_keys=True, default=str))


@functools.lru_cache(maxsize=8)
def _cached(values: str) -> ShelfSettings:
    data = json.loads(values)
    return from_values(data["papershelf_facets"], data["papershelf_link_kinds"], data["papershelf_relation_kinds"], data["papershelf_reading_status"])



def of_literals(values: dict[str, Any]) -> ShelfSettings:
    """The settings among conf.py's literal assignments (:func:`conffile.literal_settings`)."""
    return from_values(*(values.get(name, default) for name, (default, _) in CONFIG.items()))
