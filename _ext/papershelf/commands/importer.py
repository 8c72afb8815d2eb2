"""``papershelf import``: Markdown reading lists -> paper pages and BibTeX entries.

The lists are the seed's format family, read by readinglist.py (``export``
writes it too). Every line of an entry lands somewhere: a field, a link, the
page body or a located finding ``LIST.md:line: code message``; text between
entries goes to a notes page. The same paper (BibTeX key, else ``eprint``,
else title) in several entries, files or imports is merged. A *fixes* file
(YAML, BibTeX key -> values) corrects known defects while importing: front
matter fields replace the list's values (``links`` is merged kind by kind, a
``null`` kind removes it), ``bibtex`` replaces the whole entry text.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from papershelf.formats import arxivid, frontmatter
from papershelf.formats.bibfile import (
    BibScan,
    drop_known_macros,
    entry_key,
    entry_openers,
    eprint_id,
    generated_entry,
    is_generated,
    scan_text,
    with_fields,
    with_key,
)
from papershelf.formats.frontmatter import parse_front_matter
from papershelf.formats.lists import SHAPES, awesome
from papershelf.formats.lists.awesome import resources_page
from papershelf.formats.lists.entries import (
    Item,
    ListEntry,
    ListLink,
    ListReading,
    ParsedList,
    generated_citation,
)
from papershelf.formats.lists.fields import (
    PREPRINT_DAY,
    VENUE_ONLY,
    date_heading,
    paper_like,
    unescape_tex,
    url_date,
    venue_year,
    written_as_a_name,
)
from papershelf.formats.lists.readinglist import (
    EXTRAS,
    RELATION_WRITE,
    notes_outline,
)
from papershelf.model.problems import Code, Problem
from papershelf.model.records import BibEntry, Paper
from papershelf.model.settings import ShelfSettings
from papershelf.shelf import baseline
from papershelf.shelf.check import check_shelf
from papershelf.shelf.load import Page, Shelf, load_shelf
from papershelf.shelf.naming import (
    derive_names,
    detect_style,
    distinct_alternatives,
    file_stem,
    make_key,
    normal_title,
    shorten,
)
from papershelf.shelf.paths import (
    AppendedText,
    Names,
    ShelfError,
    ShelfPaths,
    commit,
    render_front_matter,
    reserved_name,
    slugify,
    unique_name,
)
from papershelf.shelf.rules import Located, link_problems, normal_link
from papershelf.shelf.schema import FIELD_NAMES, TEXT_LIMITS, is_web_url, read_paper

#: fields a fixes file may set (besides ``bibtex``)
FIXABLE = tuple(name for name in FIELD_NAMES if name != "key")


# --- names ---------------------------------------------------------------------


def _first_arxiv(urls: list[str]) -> arxivid.ArxivId | None:
    """The arXiv identifier of the first paper link that has one."""
    return next((parsed for parsed in map(arxivid.parse_url, urls) if parsed), None)


def _year_of(candidate: Candidate) -> str:
    found = _first_arxiv(_paper_urls(candidate.fields))
    match = re.search(r"^\s*year\s*=\s*[{\"]?\s*(\d{4})", candidate.bibtex, re.MULTILINE | re.IGNORECASE)
    return str(candidate.fields.get("date") or "")[:4] or (match.group(1) if match else "") or (str(found.year) if found else "")


def distinct_short_names(candidates: list[Candidate], taken: set[str]) -> None:
    """Give each new paper a short name no other paper has (compared as ``check`` does, without case).

    A derived name that another paper already has ("On the Role of..." cut
    at 40 characters, one coined name for two papers) gets the paper's year,
    then a number; a name written by hand (``name:``) is kept as written.
    """
    limit = TEXT_LIMITS["short_name"]
    for candidate in candidates:
        name = str(candidate.fields.get("short_name") or "")
        if name.casefold() in taken and not candidate.entry.extras.get("short_name"):
            other = next((choice for choice in distinct_alternatives(name, str(candidate.fields.get("title") or ""), limit) if choice.casefold() not in taken), "")
            if other:
                candidate.fields["short_name"] = name = other
                taken.add(name.casefold())
                continue
            year = _year_of(candidate)
            found = _first_arxiv(_paper_urls(candidate.fields))
            # two papers the list names alike ("ChemCrow" twice): the arXiv id tells them apart, a year would not
            suffixes = ([f" (arXiv {found.identifier})"] if found else []) + ([f" ({year})"] if year else []) + [f" ({year} {n})" if year else f" ({n})" for n in range(2, 100)]
            for suffix in suffixes:
                choice = shorten(name, limit - len(suffix)) + suffix
                if choice.casefold() not in taken:
                    if name in candidate.entry.keywords and name not in candidate.fields["tags"]:
                        candidate.fields["tags"] = [*candidate.fields["tags"], name]  # the tag it came from stays a keyword
                    candidate.fields["short_name"] = name = choice
                    break
        taken.add(name.casefold())


def distinct_keys(candidates: list[Candidate], taken: set[str]) -> None:
    """A key made from the short name (an entry without a citation) that another paper has gets the year, then a letter.

    A key written in the list (its citation's, a ``key:`` line) is kept: two papers claiming one is the list's defect.
    """
    written = {c.key for c in candidates if c.entry.key or c.entry.extras.get("key")}
    for candidate in candidates:
        key = candidate.key
        if not (candidate.entry.key or candidate.entry.extras.get("key")) and (key in taken or key in written):
            year = _year_of(candidate)
            key = next(choice for choice in (f"{key}{year}" if year else "", *(f"{key}{year}{letter}" for letter in "bcdefghijklmnopqrstuvwxyz")) if choice and choice not in taken and choice not in written)
            candidate.key = candidate.fields["key"] = key
        taken.add(key)


# --- fixes ---------------------------------------------------------------------


def load_fixes(path: Path) -> dict[str, dict[str, Any]]:
    """Read and validate a fixes file; raise ShelfError before anything is written."""
    try:
        data = frontmatter.load_yaml(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ShelfError(f"cannot read the fixes file {path}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise ShelfError(f"cannot read the fixes file {path}: byte {error.object[error.start]:#04x} at offset {error.start} is not UTF-8") from error
    except ValueError as error:
        raise ShelfError(f"the fixes file {path}, {error}") from error
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
        if "bibtex" in values and not (isinstance(values["bibtex"], str) and entry_openers(values["bibtex"])):
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
    #: the page's front matter as :func:`_validate` rendered and checked it, then written as is (dumping YAML is slow)
    front_matter: str = ""


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


def _own_name(entry: ListEntry) -> str:
    """The entry's short name: a `name:` line's, else derived from its heading and `tag:` names."""
    return str(entry.extras.get("short_name") or "") or derive_names(entry.title, entry.alias, entry.keywords)[0]


def _candidate(entry: ListEntry, fixes: dict[str, dict[str, Any]], used_fixes: set[str]) -> Candidate:
    short_name, aliases = derive_names(entry.title, entry.alias, entry.keywords)
    short_name = _own_name(entry)
    if "aliases" in entry.extras:  # an `aliases:` line says them all
        aliases = [str(name) for name in entry.extras["aliases"]]
    for name in entry.names:
        if name != short_name and name not in aliases:
            aliases.append(name)
    tags = [*entry.sections, *entry.keywords]
    key = entry.key or str(entry.extras.get("key") or "") or slugify(short_name).replace(".", "").replace("-", "")
    fields: dict[str, Any] = {
        "key": key,
        "title": entry.title,
        "short_name": short_name,
        "aliases": aliases,
        "status": entry.status,
        "links": _links_value(entry.links),
        "models": [{"name": name, "url": url} if url else {"name": name} for name, url, _ in entry.models],
        "tags": [tag for index, tag in enumerate(tags) if tag != short_name and tag not in tags[:index]],
    }
    for name in EXTRAS:
        if name in entry.extras and name not in ("key", "short_name", "aliases"):
            fields[name] = entry.extras[name]
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
        if entry_key(bibtex):
            fields["key"] = key = entry_key(bibtex)
    link_lines = {(link.kind, link.url): link.line for link in entry.links}
    return Candidate(entry, key, bibtex, bibtex_line, fields, link_lines)


def _resolve_relations(candidates: list[Candidate], shelf: Shelf, fixes: dict[str, dict[str, Any]]) -> None:
    """Turn relation URLs, anchors and named papers into keys (fixed relations are kept as given).

    A relation (follow-up, updated version...) whose paper is not on the shelf
    stays a labelled link: only an ``#anchor`` naming no entry is a finding.
    """
    by_url: dict[str, str] = {}
    by_normal: dict[str, str] = {}
    by_title: dict[str, str] = {}
    for page in shelf.pages:
        for link in page.paper.links_of("paper"):
            by_url.setdefault(link.url, page.paper.key)
            by_normal.setdefault(normal_link(link.url), page.paper.key)
        for name in (page.paper.title, page.paper.short_name):
            by_title.setdefault(normal_title(name), page.paper.key)
    for candidate in candidates:
        target_key = candidate.present_as or candidate.key
        for url in _paper_urls(candidate.fields):
            by_url.setdefault(url, target_key)
            by_normal.setdefault(normal_link(url), target_key)
        for name in (candidate.fields.get("title", ""), candidate.fields.get("short_name", "")):
            by_title.setdefault(normal_title(str(name)), target_key)
    by_anchor = {(entry.path, entry.anchor): candidate.present_as or candidate.key for candidate in candidates for entry in (candidate.entry, *candidate.entry.merged)}
    for candidate in candidates:
        if "relations" in (fixes.get(candidate.key) or {}):
            continue
        relations: dict[str, list[str]] = {}
        for entry in (candidate.entry, *candidate.entry.merged):
            for relation in entry.relations:
                if relation.target.startswith("#"):
                    target = by_anchor.get((entry.path, relation.target[1:]))
                    what = f"no entry of the list has the heading anchor {relation.target}"
                else:
                    target = by_url.get(relation.target) or by_normal.get(normal_link(relation.target))
                    what = f"no paper on the shelf or in the list has the paper link {relation.target}"
                if target is None and relation.text:
                    target = by_title.get(normal_title(relation.text))
                if target is None and not relation.target.startswith("#"):  # e.g. an updated version not on the shelf
                    written = re.sub(r"\s+links?$", "", relation.written, flags=re.IGNORECASE)  # as other labelled links are named
                    label = written if relation.text == "" else f"{written}: {relation.text}"
                    candidate.entry.links.append(ListLink("other", relation.target, label, relation.line))
                    candidate.link_lines[("other", relation.target)] = relation.line
                    links = dict(candidate.fields.get("links") or {})  # added to what a fix may have set, not rebuilt
                    links["other"] = _link_value([*_link_items(links.get("other")), {"label": label, "url": relation.target}])
                    candidate.fields["links"] = links
                elif target is None:
                    candidate.entry.warnings.append(Problem(Code.UNKNOWN_RELATION, f"`{RELATION_WRITE[relation.kind]}`: {what}; the relation is not imported", relation.line, entry.path))
                elif target != candidate.key and target not in relations.get(relation.kind, []):
                    relations.setdefault(relation.kind, []).append(target)
        if relations:
            candidate.fields["relations"] = {kind: keys[0] if len(keys) == 1 else keys for kind, keys in relations.items()}


def _validate(candidate: Candidate, settings: ShelfSettings, texts: BibTexts | None = None) -> None:
    """Warnings for one entry, located in the list; fills ``paper``, ``bib`` and ``front_matter``."""
    entry = candidate.entry
    path = entry.path
    warnings = entry.warnings
    if not candidate.bibtex:
        candidate.bibtex = generated_citation(candidate.key, str(candidate.fields.get("title", "")), _paper_urls(candidate.fields), str(entry.extras.get("date") or ""))
        candidate.bibtex_line = entry.line
    if candidate.bibtex:
        scan = (texts or BibTexts()).read(candidate.bibtex, entry.bibtex_path or path)
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
        bib_title = unescape_tex(re.sub(r"\s+", " ", re.sub(r"[{}]", "", candidate.bib.get("title"))).strip()) if candidate.bib else ""
        title = str(candidate.fields.get("title", ""))
        if bib_title and bib_title != title and re.sub(r"\W+", "", bib_title) == re.sub(r"\W+", "", title):
            candidate.fields["title"] = bib_title  # the heading differs only in punctuation
    else:
        warnings.append(Problem(Code.NO_BIB_ENTRY, f"no ```bibtex citation block and no arXiv link or `date:` to date one; the page gets the key {candidate.key!r} without a BibTeX entry", entry.line, path))
    candidate.front_matter = render_front_matter(candidate.fields)
    front = parse_front_matter(candidate.front_matter)
    if front is None or front.error:
        warnings.append(Problem(Code.FRONT_MATTER_SYNTAX, f"the entry's values do not make valid front matter: {front.error if front else 'empty'}", entry.line, path))
        return
    paper, problems = read_paper(front.data, candidate.key, candidate.bib, settings=settings)
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


# --- identity and merging ------------------------------------------------------


@dataclass(frozen=True)
class BibReading:
    """What the importer uses of a scan of one entry's BibTeX text."""

    entries: dict[str, BibEntry]  #: valid entries by key
    problems: list[Problem]


class BibTexts:
    """The BibTeX texts of one import, each read once: an entry's is read to merge it, to find its page
    on the shelf and to validate it, and pybtex takes about half a millisecond an entry."""

    def __init__(self) -> None:
        self._readings: dict[tuple[str, str], BibReading] = {}

    def read(self, text: str, path: str) -> BibReading:
        """``text`` read as a .bib file shown as ``path`` (the same reading for the same text)."""
        reading = self._readings.get((text, path))
        if reading is None:
            scan = BibScan(path)
            scan_text(text, scan)
            reading = self._readings[(text, path)] = BibReading(scan.entries, scan.problems)  # pybtex's data left behind
        return reading


def entry_identity(entry: ListEntry, texts: BibTexts | None = None) -> tuple[str, str, str]:
    """(BibTeX key, arXiv id of ``eprint``, normalised title): a paper's identity, strongest first.

    A paper link is never identity: lists copy links wrongly, and two papers
    sharing one must both be imported. The entry is read by the one BibTeX
    reader (bibfile), and ``eprint`` understood as ``check`` does.
    """
    key = entry.key or str(entry.extras.get("key") or "")
    eprint = ""
    if entry.bibtex:
        parsed = (texts or BibTexts()).read(entry.bibtex, entry.path).entries.get(entry.key)
        eprint = eprint_id(parsed) if parsed is not None else ""
    return key, eprint, normal_title(entry.title)


def _arxiv_of(entry: ListEntry, texts: BibTexts | None = None) -> str:
    """The entry's arXiv id: its ``eprint``'s, else its first paper link's."""
    eprint = entry_identity(entry, texts)[1]
    return eprint or next((found for link in entry.links if link.kind == "paper" and (found := arxivid.of_link(link.url))), "")


def _other_paper(first: ListEntry, entry: ListEntry, texts: BibTexts | None = None) -> bool:
    mine, theirs = _arxiv_of(first, texts), _arxiv_of(entry, texts)
    return bool(mine and theirs and mine != theirs)


def _bib_entry(entry: ListEntry) -> BibEntry | None:
    scan = BibScan(entry.path)
    scan_text(entry.bibtex, scan)
    return scan.entries.get(entry.key)


#: fields whose differing values are a conflict (others differ in form only: "Liu, Haotian" and "Haotian Liu")
CONFLICT_FIELDS = ("title", "year", "eprint")


def _union_bibtex(first: ListEntry, other: ListEntry) -> list[tuple[str, str, str]]:
    """Fields only ``other``'s BibTeX text has are added to ``first``'s; returns (field, kept, other's) that conflict.

    Two hands copy one paper's BibTeX from different places (arXiv's ``eprint``,
    Scholar's ``journal``): the first text is kept, the other's extra facts too.
    """
    mine, theirs = _bib_entry(first), _bib_entry(other)
    if mine is None or theirs is None:  # one does not parse: the texts cannot be compared field by field
        return [("text", "the first", "another")]
    extra = {name: value for name, value in theirs.fields if not mine.get(name) and not re.search(r"[#%{}\\]", value)}  # written as plain text
    if extra:
        with contextlib.suppress(ValueError):  # a text that does not end like an entry keeps what it has
            first.bibtex = with_fields(first.bibtex, extra)

    def same(name: str, a: str, b: str) -> bool:
        return normal_title(a) == normal_title(b) if name == "title" else a.strip().lower() == b.strip().lower()
    return [(name, mine.get(name), theirs.get(name)) for name in CONFLICT_FIELDS if mine.get(name) and theirs.get(name) and not same(name, mine.get(name), theirs.get(name))]


def _differ(first: str, second: str) -> bool:
    return bool(first and second) and re.sub(r"\s+", " ", first).strip() != re.sub(r"\s+", " ", second).strip()


def _different_papers(title: str, arxiv: str, other_title: str, other_arxiv: str) -> bool:
    """Two papers, whatever key they share: their titles and their arXiv ids differ."""
    return normal_title(title) != normal_title(other_title) and bool(arxiv and other_arxiv) and arxiv != other_arxiv


def _page_arxiv(shelf: Shelf, page: Page) -> str:
    """A page's arXiv id: its BibTeX entry's ``eprint``, else its first paper link's."""
    entry = shelf.entries.get(page.paper.key)
    own = eprint_id(entry) if entry is not None else ""
    return own or next((found for link in page.paper.links_of("paper") if (found := arxivid.of_link(link.url))), "")


def _other_paper_on_shelf(shelf: Shelf, key: str, arxiv: str) -> bool:
    """The page ``key`` is another paper than one with the arXiv id ``arxiv`` (both ids known, and they differ)."""
    page = shelf.by_key.get(key)
    held = _page_arxiv(shelf, page) if page is not None else ""
    return bool(arxiv and held and arxiv != held)


def _on_shelf(candidate: Candidate, shelf: Shelf, by_eprint: dict[str, str], by_title: dict[str, str], texts: BibTexts | None = None) -> str:
    """The key of the page on the shelf that holds the candidate's paper, or ``""``.

    Its key first, unless that page is another paper (a key the list writes:
    title and arXiv id differ; a key made from a name two papers share: the
    arXiv ids differ); then its ``eprint``; then its paper link's arXiv id
    with the same title; then its title, unless the arXiv ids differ.
    """
    _, eprint, title = entry_identity(candidate.entry, texts)
    arxiv = _arxiv_of(candidate.entry, texts)
    page = shelf.by_key.get(candidate.key)
    if page is not None:
        theirs = _page_arxiv(shelf, page)
        written = bool(candidate.entry.key or candidate.entry.extras.get("key"))
        if not (_different_papers(page.paper.title, theirs, title, arxiv) if written else (arxiv and theirs and arxiv != theirs)):
            return candidate.key
    if eprint and eprint in by_eprint:
        return by_eprint[eprint]
    holder = shelf.by_key.get(by_eprint.get(arxiv, "")) if arxiv else None
    if holder is not None and normal_title(holder.paper.title) == title:
        return holder.paper.key
    if title in by_title and not _other_paper_on_shelf(shelf, by_title[title], arxiv):
        return by_title[title]
    return ""


@dataclass
class Keys:
    """The keys an import may not give a paper whose key another paper has: the shelf's and the lists'."""

    taken: set[str]
    holders: dict[str, str]  #: arXiv id -> the key of the paper on the shelf that has it

    @classmethod
    def of(cls, entries: list[ListEntry], shelf: Shelf | None) -> Keys:
        taken = {key for entry in entries if (key := entry.key or str(entry.extras.get("key") or ""))}
        if shelf is None:
            return cls(taken, {})
        return cls(taken | shelf.all_keys(), shelf.arxiv_ids())

    def rekey(self, entry: ListEntry, other: str) -> None:
        """Give ``entry`` a key of its own (the one the shelf already gives this paper, else the key with a letter),
        with a ``key-collision`` finding at its BibTeX text."""
        old = entry.key or str(entry.extras.get("key") or "")
        arxiv = _arxiv_of(entry)
        new = self.holders.get(arxiv, "") if arxiv else ""
        if not new or new == old:
            new = next(choice for choice in (f"{old}{suffix}" for suffix in [*"bcdefghijklmnopqrstuvwxyz", *map(str, range(2, 10000))]) if choice not in self.taken)
        self.taken.add(new)
        if entry.key:
            entry.bibtex = with_key(entry.bibtex, new)
        else:
            entry.extras["key"] = new
        line, path = (entry.bibtex_line, entry.bibtex_path or entry.path) if entry.bibtex else (entry.line, entry.path)
        entry.warnings.append(Problem(Code.KEY_COLLISION, f"the BibTeX key `{old}` is also the key of {other}, another paper (its title and arXiv id differ); {entry.title!r} is imported as `{new}`", line, path))


def merge_entries(entries: list[ListEntry], shelf: Shelf | None = None, texts: BibTexts | None = None) -> list[ListEntry]:
    """One entry per paper: later entries of the same paper are merged into the first.

    Links, models, names, sections, keywords, relations and body are united;
    a differing title, status or BibTeX text is a ``merge-conflict`` finding.
    A key shared by different papers (titles and arXiv ids differ), in the
    lists or with a paper on ``shelf``, does not merge them: the later one is
    re-keyed, with a ``key-collision`` finding.
    """
    papers: list[ListEntry] = []
    index: dict[tuple[int, str], ListEntry] = {}
    keys = Keys.of(entries, shelf)
    texts = texts or BibTexts()
    for entry in entries:
        key = entry.key or str(entry.extras.get("key") or "")
        page = shelf.by_key.get(key) if shelf is not None and key else None
        if shelf is not None and page is not None and _different_papers(page.paper.title, _page_arxiv(shelf, page), entry.title, _arxiv_of(entry, texts)):
            keys.rekey(entry, f"the paper {page.paper.title!r} on the shelf ({page.rel})")
        identity = entry_identity(entry, texts)
        owner = index.get((0, identity[0])) if identity[0] else None
        if owner is not None and _different_papers(owner.title, _arxiv_of(owner, texts), entry.title, _arxiv_of(entry, texts)):
            keys.rekey(entry, f"the entry {owner.title!r} at {owner.path}:{owner.line}")
            identity = entry_identity(entry, texts)
        # the title alone does not join two papers whose arXiv ids differ (two papers may share a title)
        first = next((index[(i, value)] for i, value in enumerate(identity) if value and (i, value) in index and not (i == 2 and _other_paper(index[(i, value)], entry, texts))), None)
        if first is None:
            papers.append(entry)
            for i, value in enumerate(identity):
                if value:
                    index.setdefault((i, value), entry)  # a shared title stays the first paper's
            continue
        _merge(first, entry)
        for i, value in enumerate(identity):
            if value:
                index.setdefault((i, value), first)
    return papers


def _merge(first: ListEntry, other: ListEntry) -> None:
    where = f"{first.path}:{first.line}"

    def conflict(what: str, mine: str, theirs: str) -> None:
        first.warnings.append(Problem(Code.MERGE_CONFLICT, f"the same paper as the entry at {where} with another {what}: {theirs!r} (kept: {mine!r})", other.line, other.path))

    first.merged.append(other)
    if normal_title(first.title) != normal_title(other.title):
        conflict("title", first.title, other.title)
    if other.status != first.status and "unread" not in (other.status, first.status):
        conflict("status", first.status, other.status)
    if other.bibtex and (not first.bibtex or (is_generated(first.bibtex) and not is_generated(other.bibtex))):
        first.bibtex, first.bibtex_line, first.bibtex_path = other.bibtex, other.bibtex_line, other.path
    elif _differ(first.bibtex, other.bibtex) and not is_generated(other.bibtex):  # a made-up entry is no conflict
        differing = _union_bibtex(first, other)
        if first.key != other.key:
            conflict("BibTeX entry", first.key, other.key or "(no key)")
        elif differing == [("text", "the first", "another")]:
            first.warnings.append(Problem(Code.MERGE_CONFLICT, f"the same paper as the entry at {where} with another text of its BibTeX entry `{first.key}`, one that does not parse; the first text is kept", other.line, other.path))
        elif differing:
            shown = "; ".join(f"{name} {theirs!r} (kept: {mine!r})" for name, mine, theirs in differing)
            first.warnings.append(Problem(Code.MERGE_CONFLICT, f"the same paper as the entry at {where} with another BibTeX entry `{first.key}`: {shown}", other.line, other.path))
    if first.status == "unread" and other.status != "unread":
        first.status = other.status
    seen_links = {(link.kind, normal_link(link.url)) for link in first.links}  # arxiv.org/pdf/X and /abs/X are one link
    first.links.extend(link for link in other.links if (link.kind, normal_link(link.url)) not in seen_links)
    seen_models = {(name, url) for name, url, _ in first.models}
    first.models.extend(model for model in other.models if (model[0], model[1]) not in seen_models)
    first.relations.extend(other.relations)
    other_name = _own_name(other)
    own = normal_title(_own_name(first))
    for name in (other.alias, other_name):
        # a name cut from the other row's title ("Active example selection for in-context") names nothing
        cut = name == other_name and other.title.casefold().startswith(name.casefold()) and not other.title[len(name):].lstrip().startswith((":", "(", "\u2014", "- "))
        if name and name not in first.names and name != first.alias and normal_title(name) != own and not cut:
            first.names.append(name)
    first.keywords.extend(name for name in [*other.sections, *other.keywords] if name not in first.keywords and name not in first.sections)
    if other.body:
        first.body.extend(["", *other.body] if first.body else other.body)
    first.warnings.extend(other.warnings)
    other.warnings = []
    for name, value in other.extras.items():
        if name == "architecture" and isinstance(value, dict):  # facets merge one by one
            for facet, text in value.items():
                first.extras.setdefault("architecture", {}).setdefault(facet, text)
        elif name == "aliases" and "aliases" in first.extras:
            first.extras["aliases"] += [alias for alias in value if alias not in first.extras["aliases"]]
        else:
            first.extras.setdefault(name, value)


# --- the command ---------------------------------------------------------------


@dataclass
class FileCounts:
    """What one list gave: the numbers of the summary line."""

    path: str
    entries: int = 0
    created: int = 0  #: new pages whose first entry is in this list
    merged: int = 0  #: entries merged into another entry or into a page already on the shelf
    mapped: int = 0  #: lines that became fields, links, models or the citation
    body: int = 0  #: lines kept as page bodies
    notes: int = 0  #: lines kept on the list's notes page
    problems: int = 0

    def line(self, dry_run: bool) -> str:
        if not self.entries:
            return f"{self.path}: notice: no entries (#### headings with links); {self.notes} line(s) kept as notes"
        verb = "would create" if dry_run else "created"
        return (
            f"{self.path}: {self.entries} entries, {verb} {self.created}, merged {self.merged}, "
            f"lines mapped {self.mapped}, kept as body {self.body}, as notes {self.notes}, problems {self.problems}"
        )


@dataclass
class ImportReport:
    list_path: str
    imported: list[str] = field(default_factory=list)  #: keys of new pages
    present: list[str] = field(default_factory=list)  #: keys already on the shelf
    updated: list[str] = field(default_factory=list)  #: keys of pages on the shelf that gained facts
    with_problems: int = 0  #: imported entries with at least one warning
    warnings: list[Problem] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    dry_run: bool = False
    files: list[FileCounts] = field(default_factory=list)
    resources: int = 0  #: awesome-list items that are not papers, on docs/resources.md
    navigation: int = 0  #: awesome-list table-of-contents items (links inside the list)
    known: int = 0  #: problems on the shelf after the import, recorded in known-problems.json

    def summary(self) -> str:
        verb = "would import" if self.dry_run else "imported"
        lines = [counts.line(self.dry_run) for counts in self.files] if len(self.files) > 1 or any(not c.entries for c in self.files) else []
        if self.known:  # just before the counts line
            lines.append(f"{self.list_path}: {self.known} known problem{'s' * (self.known != 1)} recorded in {baseline.FILE_NAME}"
                         ": the strict build passes with them; `papershelf check` and the Data notes page list each with its fix")
        lines.append(f"{self.list_path}: {verb} {len(self.imported)}, already present {len(self.present)}, with problems {self.with_problems}")
        if self.updated:
            lines.append(f"{self.list_path}: {'would add' if self.dry_run else 'added'} new facts to {len(self.updated)} page(s) already on the shelf: {', '.join(self.updated)}")
        if self.files and len(self.files) == 1 and self.files[0].entries:
            lines.insert(0, self.files[0].line(self.dry_run))
        if self.resources or self.navigation:
            lines.append(f"{self.list_path}: resources {self.resources} (docs/resources.md), table-of-contents links {self.navigation}")
        return "\n".join(lines)


def list_files(path: Path) -> list[Path]:
    """The lists a path names: the file, or a folder's Markdown and text files."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (".md", ".markdown", ".txt"))
    return [path]


def import_list(paths: ShelfPaths, list_path: Path, fixes_path: Path | None = None, dry_run: bool = False, display: str = "", shape: str = "auto") -> ImportReport:
    """Import one reading list (see :func:`import_lists`)."""
    return import_lists(paths, [list_path], fixes_path, dry_run, [display] if display else None, shape)


#: characters a list copied from a web page carries unseen (zero-width space and joiner-less breaks, a BOM inside the
#: text, soft hyphens): they would split one title or URL into two that look alike
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"))


def read_list(text: str, shown: str, settings: ShelfSettings, shape: str = "auto") -> ListReading:
    """The list read by the shape named, or (``auto``) by the first registered shape that recognises something."""
    text = text.translate(INVISIBLE)
    if shape != "auto":
        return SHAPES[shape].read(text, shown, settings)
    readings = [each.read(text, shown, settings) for each in SHAPES.values()]
    found = [reading for reading in readings if reading.found] or readings[:1]
    # the shape that accounts for the most paper links; the first registered keeps a near tie (a seed list read as headings)
    best = max(paper_links(reading) for reading in found)
    return next(reading for reading in found if paper_links(reading) >= best * 0.9)


def paper_links(reading: ListReading) -> int:
    """How many distinct paper links a reading of a list turned into papers (or their relations)."""
    urls = [link.url for entry in reading.entries for link in entry.links] + [relation.target for entry in reading.entries for relation in entry.relations]
    urls += [link.url for item in reading.items for link in item.links]
    return len({normal_link(url) for url in urls if awesome.is_paper_url(url)})


def import_lists(paths: ShelfPaths, list_paths: list[Path], fixes_path: Path | None = None, dry_run: bool = False, displays: list[str] | None = None, shape: str = "auto") -> ImportReport:
    """Import reading lists (files or folders) into the shelf; everything is checked before anything is written.

    ``shape``: ``seed`` (#### entries), ``awesome`` (a table row or a bullet per
    paper, see formats/lists/awesome) or ``auto`` (awesome for a file without #### entries).
    """

    shelf = load_shelf(paths)
    shelf.require_readable()  # an unreadable .bib stops the command before anything is planned
    resources: list[Item] = []
    navigation = 0
    awesome_problems: list[Problem] = []
    files_in: list[tuple[Path, str]] = []
    for number, given in enumerate(list_paths):
        if not given.exists():
            raise ShelfError(f"cannot read {given}: No such file or directory")
        for path in list_files(given):
            shown = displays[number] if displays and not given.is_dir() else str(path)
            files_in.append((path, shown))
    parsed: list[ParsedList] = []
    for path, shown in files_in:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise ShelfError(f"cannot read {path}: {getattr(error, 'strerror', None) or error}") from error
        reading = read_list(text, shown, paths.settings, shape)
        entries = reading.entries + (to_entries(reading.items, shelf, shown) if reading.items else [])
        item = ParsedList(shown, entries, reading.notes, reading.note_lines)
        resources.extend(reading.resources)
        navigation += reading.navigation
        awesome_problems.extend(reading.problems)
        parsed.append(item)
    counts = {item.path: FileCounts(item.path, len(item.entries), notes=item.note_lines) for item in parsed}
    for item in parsed:
        for entry in item.entries:
            counts[item.path].mapped += entry.mapped
            counts[item.path].body += entry.body_lines
    all_entries = [entry for item in parsed for entry in item.entries]
    project = " ".join(paths.project.split()).casefold()
    for entry in all_entries:
        # A title naming the shelf itself (conf.py's `project`, as `export` writes it) is no topic: every paper is on the shelf.
        entry.sections = tuple(section for section in entry.sections if not project or " ".join(section.split()).casefold() != project)
    shown_all = parsed[0].path if len(parsed) == 1 else f"{len(parsed)} lists"
    if not all_entries and not any(item.notes for item in parsed) and not resources:
        what = "#### headings" if shape == "seed" else "#### headings, paper table rows or paper bullets"
        raise ShelfError(f"{shown_all} has no entries ({what}); nothing to import")
    fixes = load_fixes(fixes_path) if fixes_path else {}
    report = ImportReport(shown_all, dry_run=dry_run, files=list(counts.values()), resources=len(resources), navigation=navigation)
    report.warnings.extend(awesome_problems)

    texts = BibTexts()
    papers = merge_entries(all_entries, shelf, texts)
    for paper in papers:
        for other in paper.merged:
            counts[other.path].merged += 1
    used_fixes: set[str] = set()
    candidates = [_candidate(entry, fixes, used_fixes) for entry in papers]
    existing = shelf.by_key
    by_eprint = {identifier: key for identifier, key in shelf.arxiv_ids().items() if key in existing}
    by_title = {normal_title(page.paper.title): page.paper.key for page in shelf.pages}
    for candidate in candidates:
        candidate.present_as = _on_shelf(candidate, shelf, by_eprint, by_title, texts)
        if candidate.present_as:
            counts[candidate.entry.path].merged += 1
    distinct_short_names([c for c in candidates if not c.present_as], {page.paper.short_name.casefold() for page in shelf.pages})
    distinct_keys([c for c in candidates if not c.present_as], {*shelf.by_key, *shelf.declared})
    for candidate in candidates:  # "**ProgPrompt**: Title", "Title (CLIP)": the list's name is the short name, no other name
        candidate.fields["aliases"] = [name for name in candidate.fields.get("aliases") or [] if name != candidate.fields.get("short_name")]
    _resolve_relations(candidates, shelf, fixes)

    new = [c for c in candidates if not c.present_as]
    settings = paths.settings
    for candidate in new:
        if not settings.reading_status and candidate.fields.get("status") == "unread":
            del candidate.fields["status"]  # the default says nothing on a shelf that keeps no reading status
        _validate(candidate, settings, texts)
        counts[candidate.entry.path].created += 1
    located = [Located(page.paper, page.rel) for page in shelf.pages]
    located += [Located(c.paper, c.entry.path) for c in new if c.paper is not None]
    entries_by_key = dict(shelf.entries)
    for candidate in new:
        if candidate.bib is not None:
            entries_by_key.setdefault(candidate.key, candidate.bib)
    owners: dict[tuple[str, int], Candidate] = {}  # (list, line) -> the first new paper with a link or its entry there
    for candidate in new:
        for line in (*candidate.link_lines.values(), candidate.entry.line):
            owners.setdefault((candidate.entry.path, line), candidate)
    for problem in link_problems(located, entries_by_key):
        if problem.path not in counts:
            continue
        owner = owners.get((problem.path, problem.line))
        (owner.entry.warnings if owner else report.warnings).append(problem)
    for key in sorted(set(fixes) - used_fixes):
        report.warnings.append(Problem(Code.UNKNOWN_KEY, f"the fixes file has a fix for `{key}`, which no entry of the list has", 0, str(fixes_path)))

    files: dict[Path, str] = {}
    bib = AppendedText(shelf.bib_texts.get(paths.bibfile, ""))
    declared = set(shelf.declared)
    slugs = set(shelf.slugs)
    named: dict[int, str] = {}  # an exported list's `file:` lines: the page keeps its file name
    for candidate in new:
        name = str(candidate.entry.extras.get("file") or "")
        if name and file_stem(name) == name and name not in slugs and name not in named.values():
            named[id(candidate)] = name
    names = Names(slugs | set(named.values()))
    for candidate in new:
        slug = named.get(id(candidate)) or names.claim(file_stem(str(candidate.fields.get("short_name") or candidate.key)))
        body = "\n".join(candidate.entry.body).strip("\n")
        files[paths.papers / f"{slug}.md"] = (candidate.front_matter or render_front_matter(candidate.fields)) + (f"\n{body}\n" if body else "")
        if candidate.bibtex and candidate.key not in declared:
            addition = candidate.bibtex
            if "@string" in addition.lower():  # only then does drop_known_macros read the text so far (joining it costs O(N))
                addition = drop_known_macros(addition, bib.text())
            bib.append(addition)
            declared.add(candidate.key)
        report.imported.append(candidate.key)
        if candidate.entry.warnings:
            report.with_problems += 1
    for candidate in candidates:
        if candidate.present_as and candidate.present_as in existing:
            on_shelf = existing[candidate.present_as]
            text = merge_into_page(on_shelf.path.read_text(encoding="utf-8"), on_shelf.data, candidate)
            if text:
                files[on_shelf.path] = text
                report.updated.append(candidate.present_as)
    notes_names: set[str] = set()
    for item in parsed:
        page = notes_page(item)
        if page:
            files[paths.papers.parent / "notes" / f"{notes_name(item.path, parsed, paths.papers.parent / 'notes', notes_names)}.md"] = page
    resources_path = paths.srcdir / "resources.md"
    old_resources = resources_path.read_text(encoding="utf-8") if resources_path.exists() else ""
    new_resources = resources_page(resources, old_resources)
    if new_resources != old_resources:
        files[resources_path] = new_resources
    report.present = [c.present_as for c in candidates if c.present_as]
    report.warnings = sorted([w for c in new for w in c.entry.warnings] + report.warnings, key=lambda p: (p.path, p.line))
    for problem in report.warnings:
        if problem.path in counts:
            counts[problem.path].problems += 1
    bib_text = bib.text()
    if new and bib_text != shelf.bib_texts.get(paths.bibfile, ""):
        files[paths.bibfile] = bib_text
    landing = paths.srcdir / "index.md"
    pages = [path for path in files if path.suffix == ".md" and (path == resources_path or path.parent == paths.papers.parent / "notes")]
    if pages and landing.exists():
        text = linked_from_landing(files.get(landing) or landing.read_text(encoding="utf-8"), [path.relative_to(paths.srcdir).with_suffix("").as_posix() for path in pages])
        if text:
            files[landing] = text
    if not dry_run and files:
        commit(files, within=paths.root)
        report.written = sorted(files)
    if not dry_run:  # what is left is the lists' own doing: known, so the first strict build passes, and listed
        report.known = len(record_known_problems(paths))
    return report


def record_known_problems(paths: ShelfPaths) -> list[Problem]:
    """Every problem the shelf has now, written to its baseline (``known-problems.json``)."""
    problems = [problem for problem in check_shelf(load_shelf(paths)) if problem.code.slug not in baseline.NEVER_KNOWN]
    baseline.write(baseline.path_of(paths.root), [baseline.of_problem(problem) for problem in problems])
    return problems


LANDING_SECTION = "## From the imported lists"


def linked_from_landing(text: str, docnames: list[str]) -> str:
    """The landing page with a link to each notes or resources page it does not link yet
    (those pages are orphans, outside the toctree): ``""`` when it links them all."""
    missing = [name for name in sorted(docnames) if f"{{doc}}`{name}`" not in text]
    if not missing:
        return ""
    links = [f"- {{doc}}`{name}`" for name in missing]
    if LANDING_SECTION in text:  # an earlier import's section: its list grows
        head, _, tail = text.partition(LANDING_SECTION)
        body, next_heading, rest = tail.partition("\n#")
        return head + LANDING_SECTION + body.rstrip("\n") + "\n" + "\n".join(links) + "\n" + (f"{next_heading}{rest}" if next_heading else "")
    intro = "What the imported lists say beside their papers: section introductions, notes, and links that are not papers."
    return text.rstrip("\n") + f"\n\n{LANDING_SECTION}\n\n{intro}\n\n" + "\n".join(links) + "\n"


def _link_items(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else [value] if value else []


def _link_value(items: list[Any]) -> Any:
    """One kind's links as the schema takes them: a URL, a list of URLs, or a list of {label, url}."""
    if not any(isinstance(item, dict) for item in items):
        return items[0] if len(items) == 1 else items
    return [item if isinstance(item, dict) else {"url": item} for item in items]


def _link_url(item: Any) -> str:
    return str(item.get("url", "")) if isinstance(item, dict) else str(item)


def merge_into_page(text: str, data: dict[str, Any], candidate: Candidate) -> str:
    """A page on the shelf with the facts a later import adds (links, names, topics, models, body), or "" when it gains none.

    What the page already says is kept as written; a value that differs is
    never replaced.
    """
    fields = dict(data)
    changed = False
    links = {kind: _link_items(value) for kind, value in dict(fields.get("links") or {}).items()}
    for kind, value in dict(candidate.fields.get("links") or {}).items():
        known = {normal_link(_link_url(item)) for items in links.values() for item in items}
        for item in _link_items(value):
            if normal_link(_link_url(item)) not in known:
                links.setdefault(kind, []).append(item)
                changed = True
    if changed:
        fields["links"] = {kind: _link_value(items) for kind, items in links.items()}
    for name in ("tags", "aliases"):
        values = list(fields.get(name) or [])
        extra = [str(value) for value in candidate.fields.get(name) or [] if value not in values]
        if name == "aliases" and _written_name(candidate):  # a name derived from the title is no alias: it may differ from the page's by design
            extra += [str(candidate.fields.get("short_name"))] if candidate.fields.get("short_name") not in (*values, fields.get("short_name"), *extra) else []
        if extra:
            fields[name] = values + extra
            changed = True
    models = list(fields.get("models") or [])
    names = {str(model.get("name")) for model in models if isinstance(model, dict)}
    new_models = [model for model in candidate.fields.get("models") or [] if model.get("name") not in names]
    if new_models:
        fields["models"] = models + new_models
        changed = True
    split = re.match(r"\A---\r?\n.*?^---[ \t]*\r?\n", text, re.DOTALL | re.MULTILINE)
    body = (text[split.end() :] if split else "").strip("\n")
    addition = "\n".join(candidate.entry.body).strip("\n")
    if addition and addition not in body:
        body = f"{body}\n\n{addition}" if body else addition
        changed = True
    if not changed:
        return ""
    return render_front_matter(fields) + (f"\n{body}\n" if body else "")


def _written_name(candidate: Candidate) -> bool:
    """The candidate's short name is one the list writes (a ``name:`` line, an alias, a name column), not one derived from its title."""
    entry = candidate.entry
    name = str(candidate.fields.get("short_name") or "")
    return bool(name) and name in (str(entry.extras.get("short_name") or ""), entry.alias, *entry.keywords)


NOTES_SOURCE = "% imported from "


def notes_name(list_path: str, parsed: list[ParsedList], folder: Path, taken: set[str]) -> str:
    """The notes page's file name: the list's file name (``readme``), unless another list of this import has that
    name too or the page of that name holds another list's notes; then the list's path (``lista-readme``)."""
    base = file_stem(Path(list_path).stem)
    twins = sum(1 for other in parsed if other.note_lines and file_stem(Path(other.path).stem) == base) > 1
    on_disk = {path.stem.casefold(): path for path in folder.glob("*.md")} if folder.is_dir() else {}
    existing = on_disk.get(base.casefold(), folder / f"{base}.md")
    try:
        written = existing.read_text(encoding="utf-8") if existing.is_file() and not existing.is_symlink() else ""
    except (OSError, UnicodeDecodeError):
        written = "?"  # unreadable: not this list's page for sure
    source = next((line[len(NOTES_SOURCE):] for line in written.splitlines() if line.startswith(NOTES_SOURCE)), None)
    other_list = bool(written) and source is not None and source != _one_line(list_path)
    if not twins and not other_list and base.casefold() not in {name.casefold() for name in taken} and not reserved_name(base):
        taken.add(base)
        return base
    parts = [part for part in Path(list_path).parts[-3:] if part not in ("/", ".", "..")]
    qualified = file_stem("-".join([*parts[:-1], Path(list_path).stem]), 80)
    name = unique_name(qualified, taken | {path.stem for path in on_disk.values() if path.stem.casefold() != qualified.casefold()})
    taken.add(name)
    return name


def _one_line(text: str) -> str:
    return " ".join(text.split())


def notes_page(item: ParsedList) -> str:
    """The list's content that belongs to no paper, as a page of its own ("" when there is none).

    Headings become bold lines, so the page's own title stays its only heading.
    """
    if not item.note_lines:
        return ""
    title, notes = notes_outline(item.notes)
    heading = f"Notes: {title}" if title else f"Notes from {Path(item.path).name}"
    lines = ["---", "orphan: true", "---", "", f"# {heading}", "", f"{NOTES_SOURCE}{_one_line(item.path)}", "", *notes]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines).rstrip("\n"))
    return text + "\n"


def _paper_urls(fields: dict[str, Any]) -> list[str]:
    value = (fields.get("links") or {}).get("paper")
    items = value if isinstance(value, list) else [value] if value else []
    return [str(item.get("url", "")) if isinstance(item, dict) else str(item) for item in items]


def _generated_for_item(item: Item, key: str, year: str) -> str:
    """The entry of a table row or bullet: what the row gives (its authors too)."""
    found = awesome.arxiv_in(item.paper_url)
    return generated_entry(key, item.title, year, item.paper_url, found.identifier if found else "", item.venue, item.authors)


def _untitled(url: str) -> str:
    """What names a paper the list gives no title (a row of a figure's link alone): its arXiv id, else its link
    without the scheme; never a URL a reader takes for markup."""
    found = awesome.arxiv_in(url)
    return f"arXiv:{found.identifier}" if found else re.sub(r"^[a-z][a-z0-9+.-]*://(?:www\.)?", "", url, flags=re.IGNORECASE)


def merge_duplicates(items: list[Item], path: str) -> list[Item]:
    """One item per paper (its arXiv id, else its normalised title, as the
    importer identifies papers): a paper listed in two sections gets both topics.

    Of two differing titles the paper's own wins over a name ("Learning
    Transferable Visual Models ..." over a data set row's "CLIP"), else the
    first; the other is kept as an alias, and the merge is a ``merge-conflict``
    finding at the later row.
    """
    first: dict[str, Item] = {}
    by_link: dict[str, Item] = {}
    result = []
    for item in items:
        found = awesome.arxiv_in(item.paper_url)
        identity = (found.identifier if found else "") or "title:" + normal_title(item.title)
        owner = first.get(identity)
        linked = by_link.get(normal_link(item.paper_url)) if owner is None and item.paper_url else None
        if linked is not None and not (paper_like(linked.title) and paper_like(item.title)):
            owner = linked  # "| ViT-H/14 | [ICLR'21](openreview…) |" then "| ViT-L/16 |" the same link: one paper, named by its rows
        if owner is None:
            first[identity] = item
            if item.paper_url:
                by_link.setdefault(normal_link(item.paper_url), item)
            result.append(item)
            continue
        same_title = normal_title(item.title) == normal_title(owner.title)
        if not same_title:
            kept, other = (item.title, owner.title) if paper_like(item.title) and not paper_like(owner.title) else (owner.title, item.title)
            said = f"the same paper ({item.paper_url}) as the row at {path}:{owner.line}, titled {owner.title!r} there and {item.title!r} here"
            owner.warnings.append(Problem(Code.MERGE_CONFLICT, f"{said}; merged into one page titled {kept!r}, with {other!r} as an alias", item.line, path))
            if kept != owner.title and not owner.name:
                owner.name = owner.title  # the row's name ("CLIP") names the paper the other row titles
            owner.title = kept
            for name in (other, item.name):
                if name and name not in (owner.name, *owner.aliases) and normal_title(name) != normal_title(kept):
                    owner.aliases.append(name)
        for link in item.links:
            same = normal_link if link.kind == "paper" else str
            if not any(existing.kind == link.kind and same(existing.url) == same(link.url) for existing in owner.links):
                owner.links.append(link)
        owner.tags.extend(tag for tag in [item.section, *item.tags] if tag and tag not in owner.tags)
        owner.facts.extend(fact for fact in item.facts if fact not in owner.facts)
        owner.body.extend(line for line in item.body if line.strip() and line not in owner.body)
        owner.date = owner.date if len(owner.date) >= len(item.date) else item.date
        # a leaderboard's second table says where the paper appeared, or who wrote it, when the first did not
        owner.venue, owner.authors = owner.venue or item.venue, owner.authors or item.authors
        owner.warnings.extend(item.warnings)
        if same_title:
            owner.warnings.append(Problem(Code.DUPLICATE_LINK, f"the paper of line {item.line} again ({item.paper_url}); merged into one page", owner.line, path))
    for item in result:
        item.tags = [tag for tag in dict.fromkeys(item.tags) if tag]
    return result


def to_entries(items: list[Item], shelf: Shelf, path: str) -> list[ListEntry]:
    """The items as the importer's entries, each with a generated BibTeX entry
    keyed in the .bib file's style (or the key of the page already holding it)."""

    style = detect_style(shelf.entries.values())
    taken = set(shelf.all_keys())
    # the importer's identity: BibTeX key, then arXiv id, then normalised title
    by_eprint = shelf.arxiv_ids()
    by_title = {normal_title(page.paper.title): page.paper.key for page in shelf.pages}
    names_taken = {page.paper.short_name.casefold(): normal_title(page.paper.title) for page in shelf.pages}
    entries = []
    for item in merge_duplicates(items, path):
        title = item.title or _untitled(item.paper_url)
        note = next((text for label, text in item.facts if label == "Note"), "")
        named = re.match(r"\(([^(),]{1,25})[,)]", note)
        # "Visual Instruction Tuning (LLaVA)": a title without a colon is known by its parenthesised name (a name, not "(2015)")
        written = named.group(1).strip() if named and ":" not in title and re.search(r"[A-Za-z]", named.group(1)) and not date_heading(named.group(1)) \
            and not VENUE_ONLY.fullmatch(named.group(1)) and written_as_a_name(named.group(1).strip()) else ""  # "(ACL '20)" says where, "(the X paper)" is prose
        alias = item.name if item.name and item.name.casefold() not in title.casefold() else written
        if item.name and not alias and derive_names(title)[0] != item.name:
            alias = item.name  # the list's own name, which the title also says ("**RoboTracer**: \"RoboTracer: ...\"")
        short = derive_names(title, alias)[0]
        # the list's own name for the paper ("[[DPO]] — Direct Preference Optimization: ...", a Model column's
        # "ChatGLM3", "**SayCan**: \"Do As I Can, ...\"") comes before a name derived from its title
        own_name = item.name if item.name and alias == item.name and len(item.name) <= TEXT_LIMITS["short_name"] else ""
        if own_name and names_taken.get(own_name.casefold(), normal_title(title)) != normal_title(title):
            own_name = ""  # another paper has the name (in any case): this one keeps a name derived from its title
        short = own_name or short
        names_taken.setdefault(short.casefold(), normal_title(title))
        # "[Paper](openaccess.thecvf.com/…) | [arXiv](…)": the published copy is the paper, its preprint says when it came out
        found = awesome.arxiv_in(item.paper_url) or next((preprint for link in item.links if link.kind == "other" and link.label.lower() == "arxiv" and (preprint := awesome.arxiv_in(link.url))), None)
        identifier = found.identifier if found else ""
        # the id's month is more precise than a year heading, and earlier than a later venue's year or the week it was listed in
        said = f"{found.year}-{found.month:02d}" if found else ""
        if found and (not item.date or (len(item.date) == 4 and item.date >= str(found.year)) or (item.date == item.listed and item.date > said)):
            item.date = said
        # "[[paper](cell.com/…)] [[bioRxiv](…10.1101/2020.10.12.335331)]": a preprint server's DOI says the day it came out, as an arXiv id its month
        posted = "" if found else next((day for link in item.links if link.kind == "other" and PREPRINT_DAY.search(link.url) and (day := url_date(link.url))), "")
        if posted and (not item.date or (len(item.date) == 4 and item.date >= posted[:4])):
            item.date = posted
        # "aclanthology.org/2023.acl-long.1": a paper link's year (the first may be cut short: "doi.org/10.18653/v1/2021");
        # a bioRxiv DOI's day ("10.1101/2021.10.04.463034") refines the month the list gives ("(Oct. 2021)")
        linked = next((day for link in item.links if link.kind == "paper" and (day := url_date(link.url))), "")
        item.date = linked if not item.date or (len(linked) > len(item.date) and linked.startswith(item.date)) else item.date
        # an entry's year is its venue's ("CVPR 2020"), else the year of its date
        year = venue_year(item.venue)[1] or item.date[:4] or (str(found.year) if found else "")
        same_title = by_title.get(normal_title(title), "")
        if same_title and _other_paper_on_shelf(shelf, same_title, identifier):
            same_title = ""  # another paper of the same title ("ChemCrow" twice)
        cited = entry_key(item.citation) if item.citation else ""
        key = by_eprint.get(identifier) or same_title or (cited if cited and cited not in taken else "") \
            or make_key(style, re.sub(r"\W", "", short) or "paper", year, title, taken)
        taken.add(key)
        # topics go in as sections: the importer's `keywords` may name the entry itself
        topics = tuple(dict.fromkeys(tag for tag in (item.section, *item.tags) if tag))
        entry = ListEntry(item.line, "", title, alias, item.status or "unread", topics, path)
        entry.links = [ListLink(link.kind, link.url, link.label, item.line) for link in item.links]
        # the list's own entry of it (in its <details>) is its entry, under the key the shelf knows it by
        own = with_key(item.citation, key) if cited and cited != key else item.citation
        entry.bibtex, entry.bibtex_line = own or _generated_for_item(item, key, year), item.line
        if item.date:
            # a page's date is the month the paper first came out: a row's later day (the venue's, or a "Publish Date"
            # column's latest version) gives way to its arXiv id's month; the entry keeps the year the list gives
            entry.extras["date"] = said if found and item.date[:7] > said else item.date
        if own_name:
            entry.extras["short_name"] = own_name
        entry.warnings = list(item.warnings)
        entry.names = [name for name in item.aliases if name != alias]  # the paper's names in the list's other rows
        body = awesome.body_text(item)
        entry.body = body.split("\n") if body else []
        entry.body_lines = sum(1 for line in entry.body if line.strip())
        entry.mapped = 1 + len(item.links) + len(item.tags) + bool(item.date)
        entries.append(entry)
    return entries
