"""The paper page schema: what front matter may say, and its validation.

The "Writing a paper page" docs page is generated from the tables below, so
the documentation and the validator cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from papershelf.formats import dates
from papershelf.formats.frontmatter import LineDict
from papershelf.model.problems import Code, Problem
from papershelf.model.records import (
    BibEntry,
    Link,
    Metrics,
    Model,
    Paper,
    PaperDate,
    Person,
    Relation,
)
from papershelf.model.settings import DEFAULT, ShelfSettings

STATUSES = ("read", "reading", "unread")

HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>")
#: longest text shown well in lists and the timeline
TEXT_LIMITS = {"title": 300, "short_name": 40}
#: the keys of ``metrics`` and their types (counts are whole numbers >= 0)
METRIC_KEYS = ("citations", "influential_citations", "stars", "as_of")
#: the largest count accepted (a bigger one is a wrong value, not a famous paper)
MAX_COUNT = 10**9
#: an author id: the source's name, a colon, the source's identifier
PERSON_ID = re.compile(r"^[a-z][a-z0-9]{0,15}:[A-Za-z0-9._-]{1,64}$")
#: the most people and cited keys read from one page (enrich writes far fewer)
MAX_ITEMS = 2000
#: longest author name kept
MAX_NAME = 200


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str  #: human description of the expected type
    required: bool
    doc: str
    example: str


@functools.cache
def fields(settings: ShelfSettings = DEFAULT) -> tuple[FieldSpec, ...]:
    """The front matter keys, as this shelf's configuration defines them."""
    links, relations = settings.links, settings.relations
    facets = ", ".join(f"`{f.name}` ({f.heading}{': ' + f.help if f.help else ''})" for f in settings.facets)
    return (
        FieldSpec("key", "text", True, "The paper's BibTeX key in `references.bib`; its identity everywhere (roles, relations, URLs of the catalog).", "liu2023llava"),
        FieldSpec("title", "text", True, "The paper's title.", "Visual instruction tuning"),
        FieldSpec("short_name", "text", True, "The short name readers know it by; used for links and indexes.", "LLaVA"),
        FieldSpec("status", "one of " + ", ".join(STATUSES), settings.reading_status,
                  "Your read status." if settings.reading_status else "Not used on this shelf (`papershelf_reading_status = False`).", "read"),
        FieldSpec("aliases", "list of text", False, "Other names of the paper or its main component (the reading list's parenthesised names).", "[Q-Former]"),
        FieldSpec("date", "date: YYYY, YYYY-MM or YYYY-MM-DD", False, "First public date (the arXiv v1 month where there is one). Without it the arXiv id of the paper link, then the BibTeX year, is used.", '"2023-04"'),
        FieldSpec("added", "date: YYYY-MM-DD", False, "When the paper joined the shelf; orders the landing page's recent additions.", '"2024-05-11"'),
        FieldSpec("links", "mapping of link kind to a URL or a list of {label, url}", False, "Outbound links. Kinds: " + ", ".join(f"`{k}`" for k in links) + ". Only http(s) URLs are accepted.", "{paper: https://arxiv.org/pdf/2304.08485}"),
        FieldSpec("models", "list of {name, url}", False, "Released checkpoints.", "[{name: llava-v1-13b, url: https://huggingface.co/...}]"),
        FieldSpec("relations", "mapping of relation kind to a key or a list of keys", False, "Links to other papers, written once on the stating page; the other page shows the inverse. Kinds: " + "; ".join(f"`{k}` ({a} / {b})" for k, (a, b) in relations.items()) + ".", "{updated_version: liu2023improvedllava}"),
        FieldSpec("tags", "list of text", False, "Topics; each gets a section on the Topics page.", "[instruction tuning]"),
        FieldSpec("abstract", "text", False, "The paper's abstract, shown folded under the header and searchable. `papershelf enrich` fills it from arXiv when it is missing.", '"We present ..."'),
        FieldSpec("metrics", "mapping: citations, influential_citations, stars (whole numbers), as_of (date YYYY-MM-DD)", False,
                  "Citation counts (Semantic Scholar) and stars of the code link (GitHub), with the day they were fetched; shown on the page and as sortable columns of the Papers index. Written by `papershelf enrich`, which never replaces a value written by hand.",
                  '{citations: 5120, influential_citations: 800, stars: 19000, as_of: "2024-05-11"}'),
        FieldSpec("cites", "list of paper keys", False,
                  "Papers on this shelf that this paper cites (from its reference list); the cited page shows the inverse (\"cited by\"). Written by `papershelf enrich`.",
                  "[radford2021clip, li2023blip2]"),
        FieldSpec("people", "list of {name, id}", False,
                  "The paper's authors, each with an id `source:identifier` (`s2:` for Semantic Scholar) when one is known; the Authors index joins a person's papers by id, else by name. Written by `papershelf enrich` (the key is not `authors`: MyST reads that one as document information).",
                  '[{name: Haotian Liu, id: "s2:2109283"}]'),
        FieldSpec("architecture", "mapping of facet name to text", False,
                  ("Facts for the comparison table; leave out what the paper does not state. Facets: " + facets + ".") if facets
                  else "Facts for the comparison table; this shelf configures no facets (`papershelf_facets` in conf.py).",
                  "{" + (settings.facets[0].name if settings.facets else "backbone") + ": ...}"),
    )


FIELDS = fields()
FIELD_NAMES = tuple(spec.name for spec in FIELDS)


def is_web_url(url: str) -> bool:
    """True for an absolute http(s) URL with a host."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in url.strip()


def _suggest(name: str, known: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else f"; known keys: {', '.join(known)}"


class _Reader:
    """Collects problems while turning one front matter mapping into a Paper."""

    def __init__(self, data: LineDict, fallback_key: str, settings: ShelfSettings) -> None:
        self.data = data
        self.fallback_key = fallback_key
        self.settings = settings
        self.problems: list[Problem] = []

    def warn(self, code: Code, message: str, line: int) -> None:
        self.problems.append(Problem(code, message, line or self.data.start_line or 1))

    def text(self, name: str, value: Any, line: int) -> str:
        if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
            self.warn(Code.WRONG_TYPE, f"`{name}` must be text, not {_type_name(value)}", line)
            return ""
        text = str(value).strip()
        tag = HTML_TAG.search(text)
        if tag:
            self.warn(Code.HTML_IN_TEXT, f"`{name}` contains HTML markup ({tag.group(0)[:30]!r}); it is shown as text, so write plain text", line)
        limit = TEXT_LIMITS.get(name)
        if limit and len(text) > limit:
            self.warn(Code.LONG_TEXT, f"`{name}` has {len(text)} characters; keep it under {limit}", line)
        return text

    def text_list(self, name: str, value: Any, line: int) -> tuple[str, ...]:
        if isinstance(value, str):
            return (value.strip(),)
        if not isinstance(value, list):
            self.warn(Code.WRONG_TYPE, f"`{name}` must be a list of text, not {_type_name(value)}", line)
            return ()
        items = []
        for index, item in enumerate(value):
            text = self.text(f"{name}[{index}]", item, _line(value, index, line))
            if text:
                items.append(text)
        return tuple(items)

    def mapping(self, name: str, value: Any, line: int) -> LineDict | None:
        if not isinstance(value, LineDict):
            self.warn(Code.WRONG_TYPE, f"`{name}` must be a mapping (key: value lines), not {_type_name(value)}", line)
            return None
        return value

    def url(self, where: str, value: Any, line: int) -> str:
        url = self.text(where, value, line)
        if url and not is_web_url(url):
            self.warn(Code.BAD_URL, f"`{where}` is {url!r}, not an http(s) URL; it is not shown (check the scheme, e.g. `ttps://`)", line)
            return ""
        return url

    def links(self, value: Any, line: int) -> tuple[Link, ...]:
        mapping = self.mapping("links", value, line)
        if mapping is None:
            return ()
        result: list[Link] = []
        for kind, item in mapping.items():
            kind_line = mapping.line_of(kind, line)
            if kind not in self.settings.links:
                self.warn(Code.UNKNOWN_KEY, f"unknown link kind `links.{kind}`" + _suggest(kind, tuple(self.settings.links)) + " (or add it to papershelf_link_kinds in conf.py)", kind_line)
                continue
            entries = item if isinstance(item, list) else [item]
            for index, entry in enumerate(entries):
                entry_line = _line(item, index, kind_line) if isinstance(item, list) else kind_line
                label = ""
                if isinstance(entry, LineDict):
                    unknown = set(entry) - {"label", "url"}
                    for extra in sorted(unknown):
                        self.warn(Code.UNKNOWN_KEY, f"unknown key `links.{kind}[{index}].{extra}`; a link item has `label` and `url`", entry.line_of(extra, entry_line))
                    label = self.text(f"links.{kind}[{index}].label", entry.get("label", ""), entry.line_of("label", entry_line))
                    entry_line = entry.line_of("url", entry_line)
                    entry = entry.get("url")
                    if entry is None:
                        self.warn(Code.MISSING_KEY, f"`links.{kind}[{index}]` has no `url`", entry_line)
                        continue
                url = self.url(f"links.{kind}", entry, entry_line)
                if url:
                    result.append(Link(kind, url, label, entry_line))
        return tuple(result)

    def models(self, value: Any, line: int) -> tuple[Model, ...]:
        if not isinstance(value, list):
            self.warn(Code.WRONG_TYPE, f"`models` must be a list of {{name, url}}, not {_type_name(value)}", line)
            return ()
        result = []
        for index, item in enumerate(value):
            item_line = _line(value, index, line)
            if not isinstance(item, LineDict):
                self.warn(Code.WRONG_TYPE, f"`models[{index}]` must be a mapping with `name` and `url`", item_line)
                continue
            for extra in sorted(set(item) - {"name", "url"}):
                self.warn(Code.UNKNOWN_KEY, f"unknown key `models[{index}].{extra}`" + _suggest(extra, ("name", "url")), item.line_of(extra, item_line))
            name = self.text(f"models[{index}].name", item.get("name", ""), item.line_of("name", item_line))
            if not name:
                self.warn(Code.MISSING_KEY, f"`models[{index}]` has no `name`", item_line)
                continue
            url = self.url(f"models[{index}].url", item.get("url", ""), item.line_of("url", item_line)) if "url" in item else ""
            result.append(Model(name, url, item_line))
        return tuple(result)

    def relations(self, value: Any, line: int, own_key: str) -> tuple[Relation, ...]:
        mapping = self.mapping("relations", value, line)
        if mapping is None:
            return ()
        result = []
        for kind, targets in mapping.items():
            kind_line = mapping.line_of(kind, line)
            if kind not in self.settings.relations:
                self.warn(Code.UNKNOWN_KEY, f"unknown relation `relations.{kind}`" + _suggest(kind, tuple(self.settings.relations)) + " (or add it to papershelf_relation_kinds in conf.py)", kind_line)
                continue
            for index, target in enumerate(self.text_list(f"relations.{kind}", targets, kind_line)):
                target_line = _line(targets, index, kind_line) if isinstance(targets, list) else kind_line
                if target == own_key:
                    self.warn(Code.SELF_RELATION, f"`relations.{kind}` names the paper itself ({target}); remove it", target_line)
                    continue
                result.append(Relation(kind, target, target_line))
        return tuple(result)

    def architecture(self, value: Any, line: int) -> tuple[tuple[str, str], ...]:
        mapping = self.mapping("architecture", value, line)
        if mapping is None:
            return ()
        result = []
        for name, item in mapping.items():
            facets = self.settings.facet_headings
            if name not in facets:
                known = f"; did you mean `{close[0]}`?" if (close := difflib.get_close_matches(name, list(facets), n=1, cutoff=0.6)) else ""
                self.warn(Code.UNKNOWN_KEY, f"`architecture.{name}` is not a facet of this shelf{known}; configured facets: {', '.join(facets) or 'none'} (papershelf_facets in conf.py)", mapping.line_of(name, line))
                continue
            text = self.text(f"architecture.{name}", item, mapping.line_of(name, line))
            if text:
                result.append((name, text))
        return tuple(result)

    def count(self, name: str, value: Any, line: int) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.warn(Code.WRONG_TYPE, f"`{name}` must be a whole number, not {_type_name(value)}", line)
            return None
        if not 0 <= value <= MAX_COUNT:
            self.warn(Code.BAD_VALUE, f"`{name}` is {value}; a count lies between 0 and {MAX_COUNT:,}", line)
            return None
        return value

    def metrics(self, value: Any, line: int, today: dt.date | None) -> Metrics | None:
        mapping = self.mapping("metrics", value, line)
        if mapping is None:
            return None
        counts: dict[str, int | None] = {}
        as_of = ""
        for name, item in mapping.items():
            item_line = mapping.line_of(name, line)
            if name not in METRIC_KEYS:
                self.warn(Code.UNKNOWN_KEY, f"unknown key `metrics.{name}`" + _suggest(name, METRIC_KEYS), item_line)
            elif name == "as_of":
                day = self.date("metrics.as_of", item, item_line, today)
                if day is not None and not day.day:
                    self.warn(Code.BAD_DATE, "`metrics.as_of` must be a day, YYYY-MM-DD", item_line)
                elif day is not None:
                    as_of = day.iso()
            else:
                counts[name] = self.count(f"metrics.{name}", item, item_line)
        if not any(v is not None for v in counts.values()):
            return None
        return Metrics(counts.get("citations"), counts.get("influential_citations"), counts.get("stars"), as_of)

    def cites(self, value: Any, line: int, own_key: str) -> tuple[str, ...]:
        keys = self.text_list("cites", value, line)
        if len(keys) > MAX_ITEMS:
            self.warn(Code.LONG_TEXT, f"`cites` lists {len(keys)} papers; only the first {MAX_ITEMS} are read", line)
        return tuple(dict.fromkeys(key for key in keys[:MAX_ITEMS] if key != own_key))

    def people(self, value: Any, line: int) -> tuple[Person, ...]:
        if not isinstance(value, list):
            self.warn(Code.WRONG_TYPE, f"`people` must be a list of {{name, id}}, not {_type_name(value)}", line)
            return ()
        result = []
        for index, item in enumerate(value[:MAX_ITEMS]):
            item_line = _line(value, index, line)
            if isinstance(item, str):
                item = {"name": item}
            if not isinstance(item, dict):
                self.warn(Code.WRONG_TYPE, f"`people[{index}]` must be a mapping with `name` and `id`", item_line)
                continue
            for extra in sorted(set(item) - {"name", "id"}):
                self.warn(Code.UNKNOWN_KEY, f"unknown key `people[{index}].{extra}`" + _suggest(extra, ("name", "id")), getattr(item, "line_of", lambda _k, d: d)(extra, item_line))
            name = " ".join(self.text(f"people[{index}].name", item.get("name", ""), item_line).split())
            if not name:
                self.warn(Code.MISSING_KEY, f"`people[{index}]` has no `name`", item_line)
                continue
            if len(name) > MAX_NAME:
                self.warn(Code.LONG_TEXT, f"`people[{index}].name` has {len(name)} characters; keep it under {MAX_NAME}", item_line)
                name = name[:MAX_NAME]
            ident = self.text(f"people[{index}].id", item.get("id", ""), item_line) if "id" in item else ""
            if ident and not PERSON_ID.match(ident):
                self.warn(Code.BAD_VALUE, f"`people[{index}].id` is {ident[:80]!r}; write `source:identifier` (e.g. `s2:1741101`)", item_line)
                ident = ""
            result.append(Person(name, ident))
        if len(value) > MAX_ITEMS:
            self.warn(Code.LONG_TEXT, f"`people` lists {len(value)} people; only the first {MAX_ITEMS} are read", line)
        return tuple(result)

    def date(self, name: str, value: Any, line: int, today: dt.date | None) -> PaperDate | None:
        text = self.text(name, value, line)
        if not text:
            return None
        try:
            return dates.parse_iso(text, today)
        except dates.DateError as error:
            self.warn(Code.BAD_DATE, f"`{name}`: {error}; write a past date as YYYY, YYYY-MM or YYYY-MM-DD", line)
            return None


def _type_name(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "an empty value"
    return "a number" if isinstance(value, (int, float)) else "text"


def _line(container: Any, index: int, default: int) -> int:
    line_of = getattr(container, "line_of", None)
    return line_of(index, default) if line_of is not None and isinstance(container, list) else default


def is_paper_page(data: LineDict | None) -> bool:
    """A page is a paper page when its front matter names a ``key``... or
    carries paper-only fields (so a page that forgot its key still warns)."""
    return data is not None and bool({"key", "short_name", "status"} & set(data))


def read_paper(
    data: LineDict,
    docname: str,
    bib: BibEntry | None = None,
    today: dt.date | None = None,
    settings: ShelfSettings = DEFAULT,
) -> tuple[Paper, list[Problem]]:
    """Validate front matter; always return a Paper (with fallbacks) and the problems."""
    reader = _Reader(data, docname.rsplit("/", 1)[-1], settings)
    for name in data:
        if name not in FIELD_NAMES:
            reader.warn(Code.UNKNOWN_KEY, f"unknown front matter key `{name}`" + _suggest(name, FIELD_NAMES), data.line_of(name))
    specs = fields(settings)
    for expected in specs:
        name = expected.name
        if expected.required and (name not in data or data[name] in (None, "")):
            reader.warn(Code.MISSING_KEY, f"required key `{name}` is missing ({expected.type}: {expected.doc})", data.start_line)

    def get(name: str) -> tuple[Any, int]:
        return data.get(name), data.line_of(name)

    key = reader.text("key", *get("key")) if "key" in data else ""
    key = key or reader.fallback_key
    title = reader.text("title", *get("title")) if "title" in data else ""
    short_name = reader.text("short_name", *get("short_name")) if "short_name" in data else ""
    status = reader.text("status", *get("status")).lower() if "status" in data else ""
    if status and status not in STATUSES:
        reader.warn(Code.BAD_VALUE, f"`status` is {status!r}; use one of: {', '.join(STATUSES)}", data.line_of("status"))
        status = ""
    aliases = reader.text_list("aliases", *get("aliases")) if "aliases" in data else ()
    links = reader.links(*get("links")) if "links" in data else ()
    paper_date = reader.date("date", *get("date"), today) if "date" in data else None
    added = reader.date("added", *get("added"), today) if "added" in data else None
    if paper_date is None:
        paper_urls = [link.url for link in links if link.kind == "paper"]
        paper_date = dates.without_front_matter(paper_urls, *((bib.get("year"), bib.get("month")) if bib else ()))
    paper = Paper(
        key=key,
        docname=docname,
        title=title or short_name or key,
        short_name=short_name or title or key,
        status=status or "unread",
        aliases=aliases,
        date=paper_date,
        added=added.iso() if added else "",
        links=links,
        models=reader.models(*get("models")) if "models" in data else (),
        relations=reader.relations(*get("relations"), key) if "relations" in data else (),
        tags=reader.text_list("tags", *get("tags")) if "tags" in data else (),
        architecture=reader.architecture(*get("architecture")) if "architecture" in data else (),
        abstract=" ".join(reader.text("abstract", *get("abstract")).split()) if "abstract" in data else "",
        metrics=reader.metrics(*get("metrics"), today) if "metrics" in data else None,
        cites=reader.cites(*get("cites"), key) if "cites" in data else (),
        people=reader.people(*get("people")) if "people" in data else (),
        line=data.line_of("key", data.start_line or 1),
    )
    if paper.date is None:
        reader.warn(Code.NO_DATE, "no date: add `date: YYYY-MM` (the paper is listed under Undated)", data.start_line)
    return paper, reader.problems
