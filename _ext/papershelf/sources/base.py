"""What every metadata source offers ``enrich``, and the checks of hostile answers they share.

A source names the ids it wants for a paper (:meth:`Source.ids_of`), and
answers a batch of them (:meth:`Source.fetch`) with plain JSON values it has
validated and bounded (so the cache and the planner never see the raw
answer): one value an id, ``None`` when the source knows no such id.

A bad part of an answer (a batch shorter than the ids asked, an entry that
is no paper or about another one, one id's malformed JSON) spoils only its
ids: they are :attr:`Fetched.problems`, each a
:class:`~papershelf.sources.http.SourceError` naming the source, the id and
what went wrong; they are not cached (asked again next run) and change
nothing on the shelf, while the good answers of the same batch are kept. An
answer with nothing usable at all, or a source that does not answer (HTTP
errors and timeouts after the retries), raises SourceError for the batch.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from papershelf.formats import arxivid
from papershelf.formats.bibfile import eprint_id
from papershelf.sources.http import SourceError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from papershelf.model.records import BibEntry, Paper
    from papershelf.sources.http import HttpClient

#: the largest count accepted from a source
MAX_COUNT = 10**9
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass
class Fetched:
    """What one batch brought: the good answers and the ids whose answer was bad."""

    answers: dict[str, Any] = field(default_factory=dict)  #: id -> reduced answer; None: the source knows no such id
    problems: list[SourceError] = field(default_factory=list)  #: one an id, never cached

    def spoiled(self, source: str, identifier: str, reason: str) -> None:
        """``identifier``'s answer cannot be used: it is reported, changes nothing and is asked again next run."""
        self.problems.append(SourceError(source, identifier, f"{reason}; nothing changed for it, asked again next run"))


class Source(Protocol):
    name: str  #: the name ``--sources`` uses and the cache folder
    batch: int  #: most ids asked in one request
    http: HttpClient

    def ids_of(self, paper: Paper, entry: BibEntry | None) -> list[str]: ...

    def fetch(self, ids: Sequence[str]) -> Fetched: ...


def text(value: Any, limit: int = 300) -> str:
    """A string value, whitespace folded, control characters dropped, at most ``limit`` characters; else ""."""
    if not isinstance(value, str):
        return ""
    value = unicodedata.normalize("NFC", _CONTROL.sub(" ", value))
    return " ".join(value.split())[:limit]


def count(value: Any) -> int | None:
    """A whole number 0..MAX_COUNT; None otherwise (booleans are not counts)."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        return None
    return value


def iso_day(value: Any) -> str:
    """``YYYY-MM-DD`` from an ISO date or timestamp; "" otherwise."""
    found = re.match(r"^(\d{4}-\d{2}-\d{2})(?:$|T)", value) if isinstance(value, str) else None
    return found.group(1) if found else ""


def arxiv_id(paper: Paper, entry: BibEntry | None) -> str:
    """The paper's arXiv id: its paper link's, else its entry's ``eprint``; ``""`` when neither names one."""
    linked = next((found for link in paper.links_of("paper") if (found := arxivid.of_link(link.url))), "")
    return linked or (eprint_id(entry) if entry else "")
