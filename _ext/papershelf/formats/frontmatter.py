"""A page's YAML front matter: read with the line of every key, and written.

Sphinx's ``env.metadata`` holds the front matter too, but without line numbers
and with some values mangled (docinfo fields such as ``authors``). Warnings
must name the line, and ``papershelf check`` runs without Sphinx, so both read
pages through this module. Every command that writes front matter (``add``,
``import``, ``enrich``) writes it through :func:`dump_front_matter`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

FENCE = "---"


class _LineLoader(yaml.SafeLoader):
    """A safe loader that keeps dates as text and remembers key lines."""


# libyaml's parser is about ten times faster; error messages still come from
# the pure-Python loader (re-parse on error), so they read the same everywhere.
_FastLineLoader: type[yaml.SafeLoader] = (
    type("_FastLineLoader", (yaml.CSafeLoader,), {}) if getattr(yaml, "__with_libyaml__", False) else _LineLoader
)


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict()
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    mapping.start_line = node.start_mark.line + 1
    return mapping


def _construct_text(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    items = LineList(loader.construct_object(child, deep=True) for child in node.value)
    items.lines = [child.start_mark.line + 1 for child in node.value]
    return items


_CONSTRUCTORS: dict[str, Any] = {
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG: _construct_mapping,
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG: _construct_sequence,
    # "2023-04-17" stays the text the author wrote; dates.py validates it.
    "tag:yaml.org,2002:timestamp": _construct_text,
}
for _loader in (_LineLoader, _FastLineLoader):
    for _tag, _constructor in _CONSTRUCTORS.items():
        _loader.add_constructor(_tag, _constructor)


class LineDict(dict[str, Any]):
    """A mapping that knows the source line of each of its keys."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[str, int] = {}
        self.start_line = 0

    def line_of(self, key: str, default: int = 0) -> int:
        return self.lines.get(key, default or self.start_line)


class LineList(list[Any]):
    """A sequence that knows the source line of each item."""

    lines: list[int]

    def line_of(self, index: int, default: int = 0) -> int:
        lines = getattr(self, "lines", [])
        return lines[index] if index < len(lines) else default


@dataclass
class FrontMatter:
    """The parsed front matter of one page (lines are 1-based file lines)."""

    data: LineDict = field(default_factory=LineDict)
    end_line: int = 0  #: line of the closing fence
    error: str = ""  #: YAML error message, when it does not parse
    error_line: int = 0


def split_front_matter(text: str) -> tuple[str, int] | None:
    """Return the YAML text between the fences and the closing fence's line."""
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != FENCE:
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() == FENCE:  # at the line start, as MyST reads it
            return "\n".join(lines[1:index]), index + 1
    return None


def parse_front_matter(text: str) -> FrontMatter | None:
    """Parse the front matter of a page's text; ``None`` if it has none."""
    split = split_front_matter(text)
    if split is None:
        return None
    yaml_text, end_line = split
    aliased = alias_line(yaml_text)
    if aliased:  # never expanded: nested aliases (a "billion laughs") cost exponential time and memory
        return FrontMatter(end_line=end_line, error=ALIAS_MESSAGE, error_line=aliased + 1)
    try:
        data = _load(yaml_text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 2 if mark is not None else 1  # +1 for 1-based, +1 for the fence
        problem = getattr(error, "problem", None) or str(error)
        return FrontMatter(end_line=end_line, error=str(problem), error_line=line)
    if not isinstance(data, LineDict):
        return FrontMatter(end_line=end_line, error="front matter is not a mapping of keys to values", error_line=2)
    _shift_lines(data, 1)
    return FrontMatter(data=data, end_line=end_line)


ALIAS_MESSAGE = "YAML anchors and aliases (`&name`, `*name`) are not allowed here; write each value out"


def alias_line(yaml_text: str) -> int:
    """The line (1-based, in ``yaml_text``) of the first YAML anchor or alias, or 0.

    Read from the parser's events, before anything is composed or constructed,
    so a 600-byte "billion laughs" costs as little as its 600 bytes.
    """
    if "&" not in yaml_text and "*" not in yaml_text:
        return 0
    try:
        for event in yaml.parse(yaml_text, Loader=_FastLineLoader):
            if getattr(event, "anchor", None) is not None:
                return int(event.start_mark.line) + 1 if event.start_mark is not None else 1
    except (yaml.YAMLError, UnicodeError):
        return 0  # the load reports the error
    return 0


def load_yaml(yaml_text: str) -> Any:
    """Plain YAML data (safe types, no anchors or aliases): ValueError for an alias, yaml.YAMLError for bad YAML."""
    aliased = alias_line(yaml_text)
    if aliased:
        raise ValueError(f"line {aliased}: {ALIAS_MESSAGE}")
    return yaml.safe_load(yaml_text)


def _load(yaml_text: str) -> Any:
    if not yaml_text.strip():
        return LineDict()
    try:
        return yaml.load(yaml_text, Loader=_FastLineLoader)
    except yaml.YAMLError:
        return yaml.load(yaml_text, Loader=_LineLoader)


def _shift_lines(value: Any, offset: int) -> None:
    """Turn YAML-relative lines into file lines (the opening fence is line 1)."""
    if isinstance(value, LineDict):
        value.lines = {key: line + offset for key, line in value.lines.items()}
        value.start_line += offset
        for item in value.values():
            _shift_lines(item, offset)
    elif isinstance(value, LineList):
        value.lines = [line + offset for line in getattr(value, "lines", [])]
        for item in value:
            _shift_lines(item, offset)


# --- writing ---------------------------------------------------------------------

#: a date-like text: quoted, because myst-parser before 5.2 crashes on an unquoted nested date
_DATE_LIKE = re.compile(r"^\d{4}(?:-\d{1,2}){0,2}$")
#: scalar lists whose items are all at most this long are written on one line
FLOW_ITEM_LENGTH = 60


class FrontMatterDumper(yaml.SafeDumper):
    """PyYAML's safe dumper in the shelf's compact style.

    Block mappings; lists of short scalars on one line (``tags: [a, b]``);
    lists of mappings as indented block sequences of one-line mappings
    (``  - {name: x, url: "https://..."}``); scalars plain where they read
    back as the same text, else double-quoted (a date always); multi-line
    text as a literal block; keys in the order given; no line folding.
    """

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # "- " indented under its key, not flush with it

    def choose_scalar_style(self) -> str:
        style = super().choose_scalar_style()
        return '"' if style == "'" else style

    def ignore_aliases(self, data: Any) -> bool:
        return True  # a value used twice is written twice, never as &id001


def _represent_text(dumper: FrontMatterDumper, data: str) -> yaml.ScalarNode:
    # A literal block only without a final line break ("|-"): the front matter ends
    # with the fence, and MyST reads it without the break a "|" block keeps.
    # YAML reads NEL and the Unicode line separators as line breaks: only a double-quoted scalar escapes them
    unusual_break = any(ch in data for ch in "\x85\u2028\u2029")
    style = '"' if _DATE_LIKE.match(data) or data.endswith("\n") or unusual_break else "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


def _represent_list(dumper: FrontMatterDumper, data: Iterable[Any]) -> yaml.SequenceNode:
    items = list(data)
    flow = all(not isinstance(item, (Mapping, list)) and len(str(item)) <= FLOW_ITEM_LENGTH and "\n" not in str(item) for item in items)
    node = yaml.SequenceNode("tag:yaml.org,2002:seq", [], flow_style=flow)
    for item in items:
        # a mapping in a list (a model, a labelled link) is one line
        node.value.append(dumper.represent_mapping("tag:yaml.org,2002:map", item, flow_style=True) if isinstance(item, Mapping) else dumper.represent_data(item))
    return node


def _represent_mapping(dumper: FrontMatterDumper, data: Mapping[str, Any]) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=False)


FrontMatterDumper.add_representer(str, _represent_text)
FrontMatterDumper.add_representer(list, _represent_list)
FrontMatterDumper.add_representer(tuple, _represent_list)
FrontMatterDumper.add_representer(LineList, _represent_list)
FrontMatterDumper.add_representer(dict, _represent_mapping)
FrontMatterDumper.add_representer(LineDict, _represent_mapping)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {} or value == ()


def dump_fields(fields: Mapping[str, Any], order: Iterable[str] = ()) -> str:
    """``key: value`` lines (no fences) in the house style; empty values are left out.

    Keys named in ``order`` come first, in that order; the rest as given.
    """
    names = list(dict.fromkeys([name for name in order if name in fields] + list(fields)))
    kept = {name: fields[name] for name in names if not _empty(fields[name])}
    if not kept:
        return ""
    return yaml.dump(kept, Dumper=FrontMatterDumper, sort_keys=False, allow_unicode=True, width=2**31 - 1, default_flow_style=False)


def dump_front_matter(fields: Mapping[str, Any], order: Iterable[str] = ()) -> str:
    """A page holding only front matter: fences around :func:`dump_fields`."""
    return f"{FENCE}\n{dump_fields(fields, order)}{FENCE}\n"


def set_fields(text: str, values: Mapping[str, Any]) -> str:
    """``text`` with ``values`` written into its front matter, the rest untouched.

    A key already present has its lines (from its own line to the next
    top-level key or the closing fence) replaced; a new key goes before the
    closing fence. ValueError when the page has no front matter that parses.
    """
    front = parse_front_matter(text)
    if front is None or front.error:
        raise ValueError("the page has no front matter that parses")
    lines = text.splitlines(keepends=True)
    starts = sorted((front.data.line_of(name), name) for name in front.data)
    spans: dict[str, tuple[int, int]] = {}
    for index, (line, name) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else front.end_line
        spans[name] = (line - 1, end - 1)  # 0-based, end exclusive
    replaced = {spans[name][0]: (spans[name][1], dump_fields({name: value})) for name, value in values.items() if name in spans}
    added = dump_fields({name: value for name, value in values.items() if name not in spans})
    result: list[str] = []
    index = 0
    while index < len(lines):
        if index in replaced:
            end, new = replaced[index]
            result.append(new)
            index = end
            continue
        if index == front.end_line - 1:
            result.append(added)
        result.append(lines[index])
        index += 1
    return "".join(result)
