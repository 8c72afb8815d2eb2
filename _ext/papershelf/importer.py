"""``papershelf import``: a Markdown reading list -> paper pages and BibTeX entries.

The list format is the seed's (``export`` writes it too)::

    ### Section heading                      <- becomes a tag of the entries below
    #### Title: subtitle (Alias) [`READ`]    <- one entry; tag and alias optional
    paper link: [here](https://arxiv.org/pdf/2304.08485)
    github link: [here](https://github.com/...)
    blog links: [v1](https://...) | [v2](https://...)
    model links:
    |model name|link|
    |-|-|
    |name|[here](https://huggingface.co/...)|
    updated version: [here](<the paper link of another entry>)
    open-source variants: [name](#heading-anchor) | ...
    <!-- papershelf: {"short_name": "...", "tags": [...]} -->   <- optional extras
    citation:
    ```bibtex
    @misc{key, ...}
    ```

Nothing is dropped: an entry whose BibTeX does not parse is imported with its
raw text (``check`` then reports it), and every problem is a located warning
``LIST.md:line: code message``. A *fixes* file (YAML, BibTeX key -> values)
corrects known defects while importing: front matter fields replace the
list's values (``links`` is merged kind by kind, a ``null`` kind removes it),
``bibtex`` replaces the whole entry text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .bibfile import ENTRY_OPENER, BibScan, scan_text
from .check import Located, Shelf, link_problems, load_shelf, normal_link
from .dates import arxiv_id
from .frontmatter import parse_front_matter
from .problems import Code, Problem
from .records import BibEntry, Paper
from .scaffold import (
    ShelfError,
    ShelfPaths,
    append_text,
    commit,
    render_front_matter,
    slugify,
    unique_name,
)
from .schema import FIELD_NAMES, is_web_url, read_paper

#: label (lower case, `-`/`_` as spaces, without " link(s)") -> link kind
LINK_LABELS = {
    "paper": "paper",
    "github": "code",
    "code": "code",
    "homepage": "homepage",
    "home page": "homepage",
    "project page": "homepage",
    "blog": "blog",
    "blogs": "blog",
    "dataset": "dataset",
    "datasets": "dataset",
    "model zoo": "model_zoo",
    "dataset zoo": "dataset_zoo",
}
MODEL_LABELS = {"model", "models"}
#: label -> relation kind
RELATION_LABELS = {
    "updated version": "updated_version",
    "open source variants": "variants",
    "variants": "variants",
    "builds on": "builds_on",
}
#: relation kind -> label written by ``export``
RELATION_WRITE = {"updated_version": "updated version", "variants": "open-source variants", "builds_on": "builds on"}
#: link kind -> label written by ``export``
LINK_WRITE = {"paper": "paper", "code": "github", "homepage": "homepage", "blog": "blog", "dataset": "dataset", "model_zoo": "model-zoo", "dataset_zoo": "dataset-zoo"}
#: fields a fixes file may set (besides ``bibtex``)
FIXABLE = tuple(name for name in FIELD_NAMES if name != "key")
#: fields the extras comment may carry
EXTRAS = ("key", "title", "short_name", "aliases", "date", "added", "tags", "architecture", "relations")

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
STATUS_TAG = re.compile(r"\s*\[\s*`?\s*(read|unread|reading)\s*`?\s*\]\s*$", re.IGNORECASE)
SUFFIX = re.compile(r"\s*\(([^()]+)\)\s*$")
LABEL_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9 _\-]*?)\s*:\s*(.*?)\s*$")
MD_LINK = re.compile(r"\[([^\]]*)\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?\s*\)")
COMMENT = re.compile(r"^\s*<!--\s*papershelf:\s*(.*?)\s*-->\s*$")
FENCE = re.compile(r"^\s*(```+|~~~+)\s*([\w-]*)\s*$")
TABLE_RULE = re.compile(r"^:?-+:?$")
PLACEHOLDER_LABELS = {"", "here", "link"}


# --- names ---------------------------------------------------------------------


def split_heading(text: str) -> tuple[str, str, str]:
    """``Title (Alias) [`READ`]`` -> (title, alias, status); alias/status may be ``""``."""
    status = ""
    match = STATUS_TAG.search(text)
    if match:
        status = match.group(1).lower()
        text = text[: match.start()]
    alias = ""
    match = SUFFIX.search(text)
    if match:
        alias = match.group(1).strip()
        text = text[: match.start()]
    return text.strip(), alias, status


def derive_names(title: str, alias: str = "") -> tuple[str, list[str]]:
    """(short name, aliases) from a title and its parenthesised suffix.

    The short name is the part before a colon, unless that part merely
    mentions the alias ("Introducing IDEFICS: ..." (IDEFICS) -> IDEFICS);
    without a colon it is the alias, else the whole title.
    """
    prefix = title.split(":", 1)[0].strip() if ":" in title else ""
    mentions = bool(alias) and re.search(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", prefix, re.IGNORECASE) is not None
    short = prefix if prefix and not mentions else alias or prefix or title
    return short, [alias] if alias else []


def github_anchor(text: str) -> str:
    """The anchor GitHub gives a heading (before de-duplication)."""
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


class Anchors:
    """GitHub-style heading anchors, de-duplicated with ``-1``, ``-2``..."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def add(self, text: str) -> str:
        base = github_anchor(text)
        count = self.seen.get(base, 0)
        self.seen[base] = count + 1
        return base if count == 0 else f"{base}-{count}"


def _label(text: str) -> str:
    label = re.sub(r"[\s_-]+", " ", text.strip().lower())
    return re.sub(r" links?$", "", label)


# --- parsing -------------------------------------------------------------------


@dataclass
class ListLink:
    kind: str
    url: str
    label: str
    line: int


@dataclass
class ListRelation:
    kind: str
    target: str  #: a URL (a paper link) or ``#anchor``
    line: int


@dataclass
class ListEntry:
    """One ``####`` entry of the list, as written."""

    line: int
    anchor: str
    title: str
    alias: str
    status: str
    section: str
    links: list[ListLink] = field(default_factory=list)
    models: list[tuple[str, str, int]] = field(default_factory=list)
    relations: list[ListRelation] = field(default_factory=list)
    bibtex: str = ""
    bibtex_line: int = 0  #: list line of the BibTeX text's first line
    extras: dict[str, Any] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    body: str = ""  #: Markdown for the page body (tables and bullet lists: facts, notes)

    @property
    def key(self) -> str:
        match = ENTRY_OPENER.search(self.bibtex)
        return match.group(2) if match else ""


def parse_list(text: str, path: str) -> list[ListEntry]:
    """Read a reading list; unknown lines inside an entry become warnings."""
    entries: list[ListEntry] = []
    anchors = Anchors()
    section = ""
    entry: ListEntry | None = None
    table: ListEntry | None = None  #: entry whose model table is being read
    fence: tuple[str, str, int, list[str]] | None = None  #: (marker, language, first line, lines)

    def warn(code: Code, message: str, line: int) -> None:
        if entry is not None:
            entry.warnings.append(Problem(code, message, line, path))

    for number, line in enumerate(text.splitlines(), start=1):
        if fence is not None:
            marker, language, first, body = fence
            if line.strip().startswith(marker[:3]) and not line.strip().strip(marker[0]):
                fence = None
                if entry is None:
                    continue
                if language.lower() in ("", "bibtex", "bib", "latex", "tex") and "@" in "\n".join(body):
                    if entry.bibtex:
                        warn(Code.BIB_DUPLICATE, "a second citation block in one entry; only the first is imported", first - 1)
                    else:
                        entry.bibtex = "\n".join(body).strip("\n")
                        entry.bibtex_line = first + next((i for i, b in enumerate(body) if b.strip()), 0)
                else:
                    warn(Code.UNKNOWN_KEY, f"a ```{language} block the importer does not read; it is not imported", first - 1)
                continue
            body.append(line)
            continue
        opening = FENCE.match(line)
        if opening:
            fence = (opening.group(1), opening.group(2), number + 1, [])
            continue
        heading = HEADING.match(line)
        if heading:
            level, content = len(heading.group(1)), heading.group(2)
            anchor = anchors.add(content)
            table = None
            if level == 4:
                title, alias, status = split_heading(content)
                entry = ListEntry(number, anchor, title, alias, status or "unread", section)
                entries.append(entry)
            elif level == 3:
                section, entry = content.strip(), None
            elif level < 3:
                section, entry = "", None
            else:
                warn(Code.UNKNOWN_KEY, f"a level-{level} heading inside an entry is not read: {content!r}", number)
            continue
        if entry is None or not line.strip():
            continue
        comment = COMMENT.match(line)
        if comment:
            _read_extras(entry, comment.group(1), number, path)
            continue
        if line.lstrip().startswith("|"):
            if table is not entry:
                warn(Code.UNKNOWN_KEY, "a table row outside `model links:`; it is not imported", number)
            else:
                _read_model_row(entry, line, number, path)
            continue
        labelled = LABEL_LINE.match(line)
        if not labelled:
            warn(Code.UNKNOWN_KEY, f"a line the importer does not understand; it is not imported: {line.strip()!r}", number)
            continue
        label, value = _label(labelled.group(1)), labelled.group(2)
        links = [(text_, url) for text_, url in MD_LINK.findall(value)]
        if not links and value and not value.startswith("["):
            links = [("", value)]  # a bare URL
        if label in LINK_LABELS:
            if not links:
                warn(Code.MISSING_KEY, f"`{labelled.group(1)}:` has no [label](url) link", number)
            for text_, url in links:
                entry.links.append(ListLink(LINK_LABELS[label], url, "" if text_.strip().lower() in PLACEHOLDER_LABELS else text_.strip(), number))
        elif label in MODEL_LABELS:
            table = entry
            for text_, url in links:
                entry.models.append((text_.strip(), url, number))
        elif label in RELATION_LABELS:
            if not links:
                warn(Code.MISSING_KEY, f"`{labelled.group(1)}:` has no [label](url) link", number)
            entry.relations.extend(ListRelation(RELATION_LABELS[label], url, number) for _, url in links)
        elif label == "citation":
            continue
        else:
            warn(Code.UNKNOWN_KEY, f"unknown label `{labelled.group(1)}:`; known: " + ", ".join(sorted({*LINK_WRITE.values(), "model", *RELATION_WRITE.values(), "citation"})) + "; the line is not imported", number)
    if fence is not None and entry is not None:
        warn(Code.BIB_SYNTAX, "a code block is never closed with ```; its text is not imported", fence[2] - 1)
    return entries


def _read_model_row(entry: ListEntry, line: str, number: int, path: str) -> None:
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    if all(TABLE_RULE.match(cell) for cell in cells if cell):
        return
    if len(cells) >= 1 and cells[0].lower() in ("model name", "model", "name") and not MD_LINK.search(cells[-1]):
        return  # the header row
    name_link = MD_LINK.search(cells[0])
    name = name_link.group(1).strip() if name_link else cells[0]
    url = name_link.group(2) if name_link else ""
    if len(cells) > 1:
        link = MD_LINK.search(cells[1])
        url = link.group(2) if link else (cells[1] if cells[1] else url)
    if not name:
        entry.warnings.append(Problem(Code.MISSING_KEY, "a model row without a name; it is not imported", number, path))
        return
    entry.models.append((name, url, number))


def _read_extras(entry: ListEntry, text: str, number: int, path: str) -> None:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        entry.warnings.append(Problem(Code.FRONT_MATTER_SYNTAX, f"the papershelf comment does not parse: {error}", number, path))
        return
    if not isinstance(data, dict):
        entry.warnings.append(Problem(Code.WRONG_TYPE, "the papershelf comment must hold a mapping", number, path))
        return
    for name, value in data.items():
        if name not in EXTRAS:
            entry.warnings.append(Problem(Code.UNKNOWN_KEY, f"unknown key `{name}` in the papershelf comment; known: {', '.join(EXTRAS)}", number, path))
        else:
            entry.extras[name] = value


# --- fixes ---------------------------------------------------------------------


def load_fixes(path: Path) -> dict[str, dict[str, Any]]:
    """Read and validate a fixes file; raise ShelfError before anything is written."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ShelfError(f"cannot read the fixes file {path}: {error.strerror}") from error
    except yaml.YAMLError as error:
        raise ShelfError(f"the fixes file {path} is not valid YAML: {error}") from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ShelfError(f"the fixes file {path} must map BibTeX keys to the values to use")
    fixes: dict[str, dict[str, Any]] = {}
    for key, values in data.items():
        if not isinstance(values, dict):
            raise ShelfError(f"{path}: the fix for `{key}` must be a mapping of fields to values")
        unknown = set(values) - {*FIXABLE, "bibtex"}
        if unknown:
            raise ShelfError(f"{path}: the fix for `{key}` sets unknown field(s) {', '.join(sorted(map(str, unknown)))}; fixable: {', '.join(FIXABLE)}, bibtex")
        if "bibtex" in values and not (isinstance(values["bibtex"], str) and ENTRY_OPENER.search(values["bibtex"])):
            raise ShelfError(f"{path}: the fix for `{key}` has a `bibtex` value that is not a BibTeX entry")
        if "links" in values and not isinstance(values["links"], dict):
            raise ShelfError(f"{path}: the fix for `{key}` has `links` that is not a mapping of link kinds")
        fixes[str(key)] = values
    return fixes


# --- building pages ------------------------------------------------------------


@dataclass
class Candidate:
    """An entry on its way to becoming a page."""

    entry: ListEntry
    key: str
    bibtex: str
    bibtex_line: int  #: list line of the BibTeX's first line (the heading when a fix replaced it)
    fields: dict[str, Any]
    link_lines: dict[tuple[str, str], int]
    present_as: str = ""  #: key of the page already holding this paper
    paper: Paper | None = None
    bib: BibEntry | None = None


def _links_value(items: list[ListLink]) -> dict[str, Any]:
    by_kind: dict[str, list[ListLink]] = {}
    for link in items:
        by_kind.setdefault(link.kind, []).append(link)
    result: dict[str, Any] = {}
    for kind, links in by_kind.items():
        if len(links) == 1 and not links[0].label:
            result[kind] = links[0].url
        elif all(not link.label for link in links):
            result[kind] = [link.url for link in links]
        else:
            result[kind] = [{"label": link.label, "url": link.url} if link.label else {"url": link.url} for link in links]
    return result


def _candidate(entry: ListEntry, fixes: dict[str, dict[str, Any]], used_fixes: set[str]) -> Candidate:
    short_name, aliases = derive_names(entry.title, entry.alias)
    key = entry.key or str(entry.extras.get("key") or "") or slugify(short_name).replace(".", "").replace("-", "")
    fields: dict[str, Any] = {
        "key": key,
        "title": entry.title,
        "short_name": short_name,
        "aliases": aliases,
        "status": entry.status,
        "links": _links_value(entry.links),
        "models": [{"name": name, "url": url} if url else {"name": name} for name, url, _ in entry.models],
        "tags": [entry.section] if entry.section else [],
    }
    for name in EXTRAS:
        if name in entry.extras and name not in ("key", "relations"):
            fields[name] = entry.extras[name]
    if isinstance(entry.extras.get("relations"), dict):
        fields["relations"] = entry.extras["relations"]
    bibtex, bibtex_line = entry.bibtex, entry.bibtex_line
    fix = fixes.get(key)
    if fix is not None:
        used_fixes.add(key)
        for name, value in fix.items():
            if name == "bibtex":
                bibtex, bibtex_line = str(value).strip("\n"), entry.line
            elif name == "links":
                links = dict(fields.get("links") or {})
                for kind, item in value.items():
                    if item is None:
                        links.pop(kind, None)
                    else:
                        links[kind] = item
                fields["links"] = links
            else:
                fields[name] = value
        opener = ENTRY_OPENER.search(bibtex)
        if opener:
            fields["key"] = key = opener.group(2)
    link_lines = {(link.kind, link.url): link.line for link in entry.links}
    return Candidate(entry, key, bibtex, bibtex_line, fields, link_lines)


def _resolve_relations(candidates: list[Candidate], shelf: Shelf, fixes: dict[str, dict[str, Any]], path: str) -> None:
    """Turn relation URLs and anchors into keys (fixed relations are kept as given)."""
    by_url: dict[str, str] = {}
    by_normal: dict[str, str] = {}
    for page in shelf.pages:
        for link in page.paper.links_of("paper"):
            by_url.setdefault(link.url, page.paper.key)
            by_normal.setdefault(normal_link(link.url), page.paper.key)
    for candidate in candidates:
        target_key = candidate.present_as or candidate.key
        paper_links = (candidate.fields.get("links") or {}).get("paper")
        urls = paper_links if isinstance(paper_links, list) else [paper_links] if paper_links else []
        for url in urls:
            url = url.get("url", "") if isinstance(url, dict) else str(url)
            by_url.setdefault(url, target_key)
            by_normal.setdefault(normal_link(url), target_key)
    by_anchor = {candidate.entry.anchor: candidate.present_as or candidate.key for candidate in candidates}
    for candidate in candidates:
        if "relations" in (fixes.get(candidate.key) or {}) or "relations" in candidate.entry.extras:
            continue
        relations: dict[str, list[str]] = {}
        for relation in candidate.entry.relations:
            if relation.target.startswith("#"):
                target = by_anchor.get(relation.target[1:])
                what = f"no entry of the list has the heading anchor {relation.target}"
            else:
                target = by_url.get(relation.target) or by_normal.get(normal_link(relation.target))
                what = f"no paper on the shelf or in the list has the paper link {relation.target}"
            if target is None:
                candidate.entry.warnings.append(Problem(Code.UNKNOWN_RELATION, f"`{RELATION_WRITE[relation.kind]}`: {what}; the relation is not imported", relation.line, path))
            elif target != candidate.key:
                relations.setdefault(relation.kind, []).append(target)
        if relations:
            candidate.fields["relations"] = {kind: keys[0] if len(keys) == 1 else keys for kind, keys in relations.items()}


def _validate(candidate: Candidate, path: str) -> None:
    """Warnings for one entry, located in the list; fills ``paper`` and ``bib``."""
    entry = candidate.entry
    warnings = entry.warnings
    scan = BibScan(path)
    if candidate.bibtex:
        scan_text(candidate.bibtex, scan)
        fixed = candidate.bibtex_line == entry.line
        offset = 0 if fixed else candidate.bibtex_line - 1

        def shift(match: re.Match[str]) -> str:
            return f"(line {int(match.group(1)) + offset})"

        for problem in scan.problems:
            message = re.sub(r"\(line (\d+)\)", shift, problem.message)
            if problem.code is Code.BIB_SYNTAX:
                message += "; the entry is imported as written, for you to fix in the .bib"
            warnings.append(replace(problem, line=entry.line if fixed else problem.line + offset, message=message))
        candidate.bib = scan.entries.get(candidate.key)
    else:
        warnings.append(Problem(Code.NO_BIB_ENTRY, f"no ```bibtex citation block; the page gets the key {candidate.key!r} without a BibTeX entry", entry.line, path))
    front = parse_front_matter(render_front_matter(candidate.fields))
    if front is None or front.error:
        warnings.append(Problem(Code.FRONT_MATTER_SYNTAX, f"the entry's values do not make valid front matter: {front.error if front else 'empty'}", entry.line, path))
        return
    paper, problems = read_paper(front.data, candidate.key, candidate.bib)
    for problem in problems:
        if problem.code is Code.BAD_URL:
            continue  # reported below at the link's own line
        warnings.append(Problem(problem.code, problem.message, entry.line, path))
    for kind, value in (candidate.fields.get("links") or {}).items():
        items = value if isinstance(value, list) else [value]
        for item in items:
            url = str(item.get("url", "")) if isinstance(item, dict) else str(item)
            if not is_web_url(url):
                line = candidate.link_lines.get((kind, url), entry.line)
                warnings.append(Problem(Code.BAD_URL, f"`{kind}` link {url!r} is not an http(s) URL (check the scheme, e.g. `ttps://`); it is imported as written, fix it in the page", line, path))
    links = tuple(replace(link, line=candidate.link_lines.get((link.kind, link.url), entry.line)) for link in paper.links)
    candidate.paper = replace(paper, links=links, line=entry.line)


# --- the command ---------------------------------------------------------------


@dataclass
class ImportReport:
    list_path: str
    imported: list[str] = field(default_factory=list)  #: keys of new pages
    present: list[str] = field(default_factory=list)  #: keys already on the shelf
    with_problems: int = 0  #: imported entries with at least one warning
    warnings: list[Problem] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    dry_run: bool = False
    shape: str = "seed"  #: "seed", or "awesome" (tables and bullet lists)
    resources: int = 0  #: items that are not papers, put on the Resources page
    navigation: int = 0  #: table-of-contents items (links inside the list), not imported

    def summary(self) -> str:
        verb = "would import" if self.dry_run else "imported"
        text = f"{self.list_path}: {verb} {len(self.imported)}, already present {len(self.present)}, with problems {self.with_problems}"
        if self.shape == "awesome":
            text += f"; resources {self.resources} (docs/resources.md), table-of-contents links {self.navigation}"
        return text


def import_list(paths: ShelfPaths, list_path: Path, fixes_path: Path | None = None, dry_run: bool = False, display: str = "", shape: str = "auto") -> ImportReport:
    """Import a reading list into the shelf; everything is checked before anything is written."""
    try:
        text = list_path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ShelfError(f"cannot read {list_path}: {error.strerror}") from error
    shown = display or str(list_path)
    fixes = load_fixes(fixes_path) if fixes_path else {}
    entries = parse_list(text, shown) if shape in ("auto", "seed") else []
    shelf = load_shelf(paths)
    report = ImportReport(shown, dry_run=dry_run)
    resources = ""
    if not entries and shape != "seed":
        # tables and bullet lists (see awesome.py); the seed's format wins when both fit
        from .awesome import parse_awesome, resources_page, to_entries

        parsed = parse_awesome(text, shown)
        entries = to_entries(parsed, shelf, shown)
        report.shape, report.resources, report.navigation = "awesome", len(parsed.resources), parsed.navigation
        report.warnings.extend(parsed.problems)
        page = paths.srcdir / "resources.md"
        old = page.read_text(encoding="utf-8") if page.exists() else ""
        resources = resources_page(parsed.resources, old)
        if resources == old:
            resources = ""
    if not entries and not resources:
        what = "#### entries" if shape == "seed" else "#### entries, paper table rows or paper bullets"
        raise ShelfError(f"{shown} has no {what}; nothing to import")

    used_fixes: set[str] = set()
    candidates = [_candidate(entry, fixes, used_fixes) for entry in entries]
    existing = shelf.by_key
    arxiv_keys = {identifier: key for identifier, key in shelf.arxiv_ids().items() if key in existing}
    for candidate in candidates:
        if candidate.key in existing:
            candidate.present_as = candidate.key
            continue
        for link in _paper_urls(candidate.fields):
            identifier = arxiv_id(link)
            if identifier in arxiv_keys:
                candidate.present_as = arxiv_keys[identifier]
    _resolve_relations(candidates, shelf, fixes, shown)

    new = [c for c in candidates if not c.present_as]
    seen_keys: dict[str, int] = {}
    for candidate in new:
        _validate(candidate, shown)
        if candidate.key in seen_keys:
            candidate.entry.warnings.append(Problem(Code.DUPLICATE_PAPER, f"key {candidate.key!r} is also the key of the entry on line {seen_keys[candidate.key]}; both are imported, give each its own key", candidate.entry.line, shown))
        seen_keys.setdefault(candidate.key, candidate.entry.line)
    located = [Located(page.paper, page.rel) for page in shelf.pages]
    located += [Located(c.paper, shown) for c in new if c.paper is not None]
    entries_by_key = dict(shelf.entries)
    for candidate in new:
        if candidate.bib is not None:
            entries_by_key.setdefault(candidate.key, candidate.bib)
    for problem in link_problems(located, entries_by_key):
        if problem.path != shown:
            continue
        owner = next((c for c in new if problem.line in c.link_lines.values() or problem.line == c.entry.line), None)
        (owner.entry.warnings if owner else report.warnings).append(problem)
    for key in sorted(set(fixes) - used_fixes):
        report.warnings.append(Problem(Code.UNKNOWN_KEY, f"the fixes file has a fix for `{key}`, which no entry of the list has", 0, str(fixes_path)))

    files: dict[Path, str] = {}
    bib_text = shelf.bib_texts.get(paths.bibfile, "")
    declared = set(shelf.declared)
    slugs = set(shelf.slugs)
    for candidate in new:
        slug = unique_name(slugify(str(candidate.fields.get("short_name") or candidate.key)), slugs)
        body = candidate.entry.body
        files[paths.papers / f"{slug}.md"] = render_front_matter(candidate.fields) + (f"\n{body}\n" if body else "")
        if candidate.bibtex and candidate.key not in declared:
            bib_text = append_text(bib_text, candidate.bibtex)
            declared.add(candidate.key)
        report.imported.append(candidate.key)
        if candidate.entry.warnings:
            report.with_problems += 1
    report.present = [c.present_as for c in candidates if c.present_as]
    report.warnings = sorted([w for c in new for w in c.entry.warnings] + report.warnings, key=lambda p: (p.path, p.line))
    if new and bib_text != shelf.bib_texts.get(paths.bibfile, ""):
        files[paths.bibfile] = bib_text
    if resources:
        files[paths.srcdir / "resources.md"] = resources
    if not dry_run and files:
        commit(files)
        report.written = sorted(files)
    return report


def _paper_urls(fields: dict[str, Any]) -> list[str]:
    value = (fields.get("links") or {}).get("paper")
    items = value if isinstance(value, list) else [value] if value else []
    return [str(item.get("url", "")) if isinstance(item, dict) else str(item) for item in items]

