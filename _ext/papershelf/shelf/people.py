"""The people on the shelf: every author's papers, name variants joined.

Two mentions are one person when they carry the same id (``s2:1741101``);
a mention without an id joins the person whose normalised name it shares
(accents, case, dots and hyphens ignored), when exactly one person has that
name; otherwise mentions are grouped by normalised name. Computed once per
build (:meth:`papershelf.shelf.view.ShelfView.authors`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from papershelf.model.records import Paper


@dataclass(frozen=True)
class Author:
    slug: str  #: an id for the author's anchor, stable while their name and id stay
    name: str  #: the variant written most often (ties: the longest)
    ident: str  #: ``s2:...`` when known
    variants: tuple[str, ...]  #: other spellings met
    papers: tuple[str, ...]  #: keys, oldest first
    sort_key: tuple[str, str] = ("", "")  #: (normalised family name, normalised name)

    @property
    def letter(self) -> str:
        first = self.sort_key[0][:1].upper()
        return first if "A" <= first <= "Z" else "#"


def normalise(name: str) -> str:
    """``Zoë  Müller-Lee`` -> ``zoe muller lee``."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]|_", " ", text.casefold()).split())


def authors(papers: Mapping[str, Paper], order: Sequence[str]) -> list[Author]:
    """Every person named in ``people``, in family-name order."""
    by_id: dict[str, list[tuple[str, str]]] = defaultdict(list)  #: id -> [(name, key)]
    by_name: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in order:
        for person in papers[key].people:
            if person.id:
                by_id[person.id].append((person.name, key))
            else:
                by_name[normalise(person.name)].append((person.name, key))
    ids_of_name: dict[str, set[str]] = defaultdict(set)
    for ident, mentions in by_id.items():
        for name, _ in mentions:
            ids_of_name[normalise(name)].add(ident)
    for norm, mentions in list(by_name.items()):
        ids = ids_of_name.get(norm, set())
        if len(ids) == 1:
            by_id[next(iter(ids))].extend(mentions)
            del by_name[norm]
    result = [_author(ident, mentions, f"a-{ident.replace(':', '-')}") for ident, mentions in by_id.items()]
    result += [_author("", mentions, "n-" + (norm.replace(" ", "-") or "x")[:60]) for norm, mentions in by_name.items()]
    return sorted(result, key=lambda a: (*a.sort_key, a.slug))


def _author(ident: str, mentions: list[tuple[str, str]], slug: str) -> Author:
    counts = Counter(name for name, _ in mentions)
    name = max(counts, key=lambda n: (counts[n], len(n), n))
    keys = tuple(dict.fromkeys(key for _, key in mentions))
    norm = normalise(name)
    words = norm.split()
    return Author(re.sub(r"[^A-Za-z0-9-]", "-", slug), name, ident, tuple(sorted(set(counts) - {name})), keys, (words[-1] if words else "", norm))
