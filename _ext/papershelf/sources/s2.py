"""Semantic Scholar's Graph API: venues, counts, authors and references, 500 papers a request.

``POST /graph/v1/paper/batch?fields=...`` with ``{"ids": [...]}`` answers a
list in the order asked, ``null`` for an id it does not know. An entry is
matched to its id by position when the list is as long as the ids asked,
and checked against the ids it carries (``externalIds``); a list of another
length is matched by those ids alone, and every id left unmatched is reported
(:class:`~papershelf.sources.base.Fetched`), never guessed. Ids are
``ARXIV:<id>``, else ``DOI:<doi>`` from the entry or from a paper link that
carries one (``doi.org/10.1145/…``, ``dl.acm.org/doi/abs/10.1145/…``): a
paper without an arXiv id (a journal article, an ACM or MIT Press paper) is
still found, and dated when its page says no date. A paper with neither
(an IEEE, OpenReview or AAAI page) is asked by its title
(``GET /graph/v1/paper/search/match``, one request a paper), and the answer
is used only when its title is the page's, word for word (case and
punctuation aside): S2's best match for a title it lacks is another paper. A key from ``SEMANTIC_SCHOLAR_API_KEY`` goes
in ``x-api-key``; keyless use shares a pool and gets 429s, which the HTTP
client waits out as ``Retry-After`` asks.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from papershelf.formats import arxivid
from papershelf.shelf.naming import normal_title
from papershelf.sources import base
from papershelf.sources.http import BadAnswer, HttpClient, SourceError

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from papershelf.model.records import BibEntry, Paper

NAME = "s2"
DEFAULT_API = "https://api.semanticscholar.org"
ENV_API, ENV_KEY = "PAPERSHELF_S2_API", "SEMANTIC_SCHOLAR_API_KEY"
FIELDS = "venue,publicationVenue,year,publicationDate,externalIds,citationCount,influentialCitationCount,authors,references.externalIds"
BATCH = 500
#: most authors and references kept of one paper
MAX_AUTHORS, MAX_REFERENCES = 500, 5000
DOI = re.compile(r"^10\.\d{4,9}/\S{1,200}$")
#: a DOI in a paper link: doi.org's, or a publisher's ``/doi/[abs|full|pdf|epdf]/10.…`` page (ACM, Wiley, Science, PNAS)
LINKED_DOI = re.compile(r"^https?://(?:dx\.)?(?:www\.)?(?:doi\.org/|(?:[\w-]+\.){1,4}[a-z]{2,12}/doi/(?:(?:abs|full|pdf|epdf|fulltext)/)?)(10\.\d{4,9}/[^?#\s]{1,200})", re.IGNORECASE)
AUTHOR_ID = re.compile(r"^\d{1,15}$")
#: the id of a paper asked by its title (``TITLE:Memorizing Transformers``)
TITLE = "TITLE:"
#: a title this short names many papers (``Deep Learning``), or compares as nothing (in a script without Latin
#: letters): not asked by title
MIN_TITLE_WORDS, MIN_TITLE_LETTERS = 2, 12


def doi_of(entry: BibEntry | None) -> str:
    doi = (entry.get("doi") if entry else "").strip()
    return doi if DOI.match(doi) else ""


def doi_in(url: str) -> str:
    """The DOI a paper link carries (``https://doi.org/10.1162/tacl_a_00407`` -> ``10.1162/tacl_a_00407``); "" when none."""
    found = LINKED_DOI.match(unquote(url.strip()))
    doi = found.group(1).rstrip("/.,;") if found else ""
    return doi if DOI.match(doi) else ""


class S2Source:
    name = NAME

    def __init__(self, http: HttpClient, batch: int = BATCH) -> None:
        self.http = http
        self.batch = max(1, min(batch, BATCH))

    @classmethod
    def from_env(cls, env: Mapping[str, str], **http: Any) -> S2Source:
        key = env.get(ENV_KEY, "").strip()
        client = HttpClient(NAME, env.get(ENV_API) or DEFAULT_API, pause=http.pop("pause", 1.0 if key else 3.0),
                            headers={"x-api-key": key} if key else None, **http)
        return cls(client)

    def ids_of(self, paper: Paper, entry: BibEntry | None) -> list[str]:
        arxiv = base.arxiv_id(paper, entry)
        if arxiv:
            return [f"ARXIV:{arxiv}"]
        doi = doi_of(entry) or next((found for link in paper.links_of("paper") if (found := doi_in(link.url))), "")
        if doi:
            return [f"DOI:{doi}"]
        title = base.text(paper.title, 300)
        return [f"{TITLE}{title}"] if len(re.findall(r"\w+", title)) >= MIN_TITLE_WORDS and len(normal_title(title)) >= MIN_TITLE_LETTERS else []

    def fetch(self, ids: Sequence[str]) -> base.Fetched:
        """The batch's ids by arXiv id or DOI in one request, those by title one request each."""
        by_id = [identifier for identifier in ids if not identifier.startswith(TITLE)]
        result = self._batch(by_id) if by_id else base.Fetched()
        for identifier in ids:
            if identifier.startswith(TITLE):
                self._by_title(identifier, result)
        return result

    def _by_title(self, identifier: str, result: base.Fetched) -> None:
        title = identifier[len(TITLE):]
        answer = self.http.request("GET", "/graph/v1/paper/search/match", identifier, params={"query": title, "fields": "title," + FIELDS}, ok=(200, 404))
        if answer.status == 404:  # "Title match not found"
            result.answers[identifier] = None
            return
        try:
            data = answer.json(NAME, identifier) if answer.status == 200 else None
        except BadAnswer as error:
            result.spoiled(NAME, identifier, error.reason)
            return
        found = data.get("data") if isinstance(data, dict) else None
        if not isinstance(found, list):
            result.spoiled(NAME, identifier, f"HTTP {answer.status}: the answer holds no list of papers")
            return
        best = found[0] if found and isinstance(found[0], dict) else None
        paper, _ = _paper(best)
        if paper is None or normal_title(base.text(best.get("title") if best else "", 400)) != normal_title(title):
            result.answers[identifier] = None  # its best match is another paper: S2 does not know this one
        else:
            result.answers[identifier] = paper

    def _batch(self, ids: Sequence[str]) -> base.Fetched:
        what = ids[0] if len(ids) == 1 else f"{ids[0]} and {len(ids) - 1} more"
        answer = self.http.request("POST", "/graph/v1/paper/batch", what, params={"fields": FIELDS}, body={"ids": list(ids)}, size=len(ids), ok=(200,))
        if answer.status != 200:
            raise SourceError(NAME, what, f"HTTP {answer.status} from {self.http.base_url}")
        data = answer.json(NAME, what)
        if not isinstance(data, list):
            raise SourceError(NAME, what, "the answer is not a list of papers")
        result = base.Fetched()
        if len(data) == len(ids):
            for identifier, item in zip(ids, data, strict=True):
                if item is None:
                    result.answers[identifier] = None
                    continue
                paper, reason = _paper(item)
                carried = _own_ids(paper) if paper is not None else set()
                if identifier.lower() not in carried and _own_ids(paper or {}, kind=identifier.split(":", 1)[0]):
                    paper, reason = None, f"the entry at its place is about {', '.join(sorted(carried))}, another paper"
                if paper is None:
                    result.spoiled(NAME, identifier, reason)
                else:
                    result.answers[identifier] = paper
            return result
        # a list of another length cannot be matched by position: each paper by the ids it carries
        found: dict[str, dict[str, Any]] = {}
        for item in data:
            paper, _ = _paper(item)
            if paper is not None:
                for own in _own_ids(paper):
                    found.setdefault(own, paper)
        for identifier in ids:
            if identifier.lower() in found:
                result.answers[identifier] = found[identifier.lower()]
            else:
                result.spoiled(NAME, identifier, f"the answer holds {len(data)} entries for {len(ids)} ids and none of them is this paper")
        return result


def _paper(item: Any) -> tuple[dict[str, Any] | None, str]:
    """One entry of the answer, reduced; (None, why) when it is no paper."""
    if not isinstance(item, dict):
        return None, f"its entry of the answer is {type(item).__name__}, not a paper"
    if not isinstance(item.get("paperId"), str) or not item["paperId"].strip():
        return None, "its entry of the answer has no paperId"
    return reduce(item), ""


def _own_ids(paper: Mapping[str, Any], kind: str = "") -> set[str]:
    """The ids (``arxiv:…``, ``doi:…``, lower case) a reduced paper carries; only of ``kind`` when given."""
    own = {f"arxiv:{paper.get('arxiv', '')}".lower() if paper.get("arxiv") else "", f"doi:{paper.get('doi', '')}".lower() if paper.get("doi") else ""}
    return {name for name in own if name and (not kind or name.startswith(kind.lower() + ":"))}


def _external(ids: Any) -> dict[str, str]:
    if not isinstance(ids, dict):
        return {}
    arxiv = arxivid.identifier(base.text(ids.get("ArXiv"), 40))
    doi = base.text(ids.get("DOI"), 200)
    dblp = base.text(ids.get("DBLP"), 200)
    return {
        "arxiv": arxiv,
        "doi": doi.lower() if DOI.match(doi) else "",
        "dblp": dblp if re.match(r"^[A-Za-z0-9/_.:-]+$", dblp) else "",
    }


def reduce(item: Mapping[str, Any]) -> dict[str, Any]:
    """The values papershelf uses of one paper of the answer, each checked."""
    venue = item.get("publicationVenue")
    venue = venue if isinstance(venue, dict) else {}
    year = base.count(item.get("year"))
    authors = []
    for author in (item.get("authors") or [])[:MAX_AUTHORS] if isinstance(item.get("authors"), list) else []:
        if isinstance(author, dict) and (name := base.text(author.get("name"), 200)):
            ident = author.get("authorId")
            authors.append({"name": name, "id": f"s2:{ident}" if isinstance(ident, str) and AUTHOR_ID.match(ident) else ""})
    references = []
    for reference in (item.get("references") or [])[:MAX_REFERENCES] if isinstance(item.get("references"), list) else []:
        found = _external(reference.get("externalIds")) if isinstance(reference, dict) else {}
        if found.get("arxiv") or found.get("doi"):
            references.append({"arxiv": found["arxiv"], "doi": found["doi"]})
    return {
        "venue": base.text(item.get("venue"), 200),
        "venue_name": base.text(venue.get("name"), 200),
        "venue_type": base.text(venue.get("type"), 40).lower(),
        "year": year if year and 1900 <= year <= 2200 else None,
        "date": base.iso_day(item.get("publicationDate")),
        **_external(item.get("externalIds")),
        "citations": base.count(item.get("citationCount")),
        "influential_citations": base.count(item.get("influentialCitationCount")),
        "authors": authors,
        "references": references,
    }

