"""What pybtex and sphinxcontrib-bibtex will make of well-formed .bib entries.

An entry can parse and still fail the build: the bibliography style needs a
field it lacks (sphinxcontrib-bibtex's ``missing_field`` warning, at the
``{bibliography}`` directive rather than the entry), pybtex takes two keys
that differ only in case for one entry and drops the second, and two keys
that differ only in punctuation give one citation id (``duplicate_id``).
``papershelf check`` and the build (``sync.py``) both report these from here,
at the entry's line, with a fix; the build then keeps upstream's own warning
for the same thing quiet (``cite.py``), so both report the same finding and a
no-op build reports it again.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, cast

import pybtex.plugin
from docutils.nodes import make_id
from pybtex.database import Entry, Person
from pybtex.style.template import FieldIsMissing

from papershelf.model.problems import Code, Problem

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from pybtex.style.formatting import BaseStyle

    from papershelf.model.records import BibEntry

#: sphinxcontrib-bibtex's default for ``bibtex_default_style``
DEFAULT_STYLE = "alpha"
PERSON_ROLES = ("author", "editor")
#: no style needs more; a guard against a style that keeps asking
MAX_MISSING = 30


@functools.cache
def _style(name: str) -> BaseStyle | None:
    """pybtex's style plugin, looked up once (``find_plugin`` scans every entry point)."""
    try:
        return cast("BaseStyle", pybtex.plugin.find_plugin("pybtex.style.formatting", name)())
    except Exception:  # an unknown style: sphinxcontrib-bibtex reports it itself
        return None


@functools.cache
def missing_for(style_name: str, entry_type: str, present: frozenset[str]) -> tuple[str, ...]:
    """The fields the style asks for that an entry of this type and these fields lacks.

    pybtex says only the first missing field; formatting again with each
    missing one filled in (placeholder values: only presence matters) lists
    them all. Entries of one shape share the answer, so a shelf formats a few
    dozen shapes, not every entry.
    """
    style = _style(style_name)
    if style is None:
        return ()
    fields = {name: "x" for name in present if name not in PERSON_ROLES}
    persons = {name: [Person("Ann Smith")] for name in present if name in PERSON_ROLES}
    missing: list[str] = []
    while len(missing) < MAX_MISSING:
        entry = Entry(entry_type, fields, persons)
        entry.key = "placeholder"
        try:
            style.format_entry("label", entry)
        except FieldIsMissing as error:
            name = error.field_name.lower()
            if name in missing:
                break
            missing.append(name)
            if name in PERSON_ROLES:
                persons[name] = [Person("Ann Smith")]
            else:
                fields[name] = "x"
        except Exception:  # a type the style cannot format at all is upstream's to report
            return ()
        else:
            break
    return tuple(missing)


def missing_fields(entry: BibEntry, entries: dict[str, BibEntry], style_name: str) -> tuple[str, ...]:
    """Fields the style needs that ``entry`` lacks (a ``crossref`` parent's fields count, as in pybtex)."""
    present = {name for name, value in entry.fields if value.strip()}
    parent = entries.get(entry.get("crossref")) if "crossref" in present else None
    if parent is not None:
        present |= {name for name, value in parent.fields if value.strip()}
    return missing_for(style_name, entry.entry_type, frozenset(present))


def citation_id(template: str, key: str) -> str:
    """The HTML id sphinxcontrib-bibtex gives a citation of ``key`` (``bibtex_cite_id``), or ``""``."""
    try:
        raw = template.format(key=key, bibliography_count=1)
    except (KeyError, IndexError, ValueError):
        return ""
    return make_id(raw) if raw else ""


def entry_problems(located: Iterable[tuple[str, BibEntry]], style_name: str = DEFAULT_STYLE, cite_id: str = "", shown_as: Mapping[str, str] | None = None) -> list[Problem]:
    """Problems of parsed entries, in file order: repeated keys (ignoring case, as pybtex does),
    keys giving one citation id, fields the bibliography style needs.

    ``located`` holds (path as shown, entry) for every parsed entry of every
    .bib file, in reading order, a key repeated in a later file included;
    ``shown_as``: how messages name a path, when not as given (the build locates
    by absolute path, and names files as ``check`` does, from the shelf root).
    """
    def named(path: str) -> str:
        return (shown_as or {}).get(path, path)

    problems: list[Problem] = []
    first_of_key: dict[str, tuple[str, BibEntry]] = {}
    first_of_id: dict[str, tuple[str, BibEntry]] = {}
    entries: dict[str, BibEntry] = {}
    pairs = list(located)
    for _, entry in pairs:
        entries.setdefault(entry.key, entry)
    for path, entry in pairs:
        folded = entry.key.casefold()
        first = first_of_key.get(folded)
        if first is not None:
            # pybtex drops the later entry and its error is captured (sync.py): reported whatever the entry, in its words
            where = f"{named(first[0])}:{first[1].line}" if first[1].key == entry.key else f"`{first[1].key}` at {named(first[0])}:{first[1].line}; pybtex ignores case"
            problems.append(Problem(Code.BIB_DUPLICATE, f"bibliography data error in {named(path)}: repeated bibliography entry: {entry.key} (first entry at {where}); rename or remove one", entry.line, path))
            continue
        first_of_key[folded] = (path, entry)
        identifier = citation_id(cite_id, entry.key) if cite_id else ""
        if identifier:
            clash = first_of_id.get(identifier)
            if clash is not None:
                problems.append(Problem(Code.BIB_DUPLICATE, f"key `{entry.key}` gives the citation id `{identifier}` that `{clash[1].key}` ({named(clash[0])}:{clash[1].line}) already has (bibtex_cite_id ignores case and punctuation); rename one of the keys", entry.line, path, entry.key))
            else:
                first_of_id[identifier] = (path, entry)
        has_year = bool({"year", "date"} & {name for name, _ in entry.fields})
        # a missing year is bib-no-year's to report
        missing = [name for name in missing_fields(entry, entries, style_name) if not (name == "year" and not has_year)]
        if missing:
            names = ", ".join(f"`{name}`" for name in missing)
            problems.append(Problem(Code.BIB_MISSING_FIELD, f"entry `{entry.key}` (@{entry.entry_type}) has no {names}, which the bibliography style `{style_name}` needs; add {'it' if len(missing) == 1 else 'them'}, or use an entry type that does not need {'it' if len(missing) == 1 else 'them'} (such as @misc)", entry.line, path, entry.key))
    return problems

