"""The arXiv API: its client (batched, on the shared paced and bounded HTTP client), its cache and the reading of its Atom answers."""

from __future__ import annotations

import json
import re
import time
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import requests
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

from papershelf.formats import arxivid
from papershelf.formats.bibfile import brace_title, escape, write_entry
from papershelf.shelf.paths import ShelfError, commit
from papershelf.sources.http import MAX_ANSWER, Answer, HttpClient, SourceError, TooLarge

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


NAME = "arxiv"
DEFAULT_API = "https://export.arxiv.org/api"
QUERY = "/query"


NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "arxiv": "http://arxiv.org/schemas/atom",
    "opensearch": "http://a9.com/-/spec/opensearch/1.1/",
}


@dataclass(frozen=True)
class ArxivPaper:
    """What the API says about one paper."""

    identifier: str  #: without version
    title: str
    authors: tuple[str, ...]
    published: str  #: ISO timestamp of v1
    primary_class: str
    abstract: str = ""  #: the summary, whitespace folded
    doi: str = ""
    journal_ref: str = ""

    @property
    def abs_url(self) -> str:
        return arxivid.abs_url(self.identifier)

    @property
    def month(self) -> str:
        return self.published[:7]


def fetch(identifier: str, api_url: str = DEFAULT_API, timeout: float = 20.0) -> ArxivPaper:
    """Ask the arXiv API about one paper (``add``): one request, no retry."""
    client = ArxivClient(api_url, pause=0.0, timeout=timeout, retries=0)
    url = client.url
    try:
        response = client.get({"id_list": identifier, "max_results": "1"})
    except requests.Timeout as error:
        raise ShelfError(f"the arXiv API at {url} did not answer within {timeout:g} s; try again later") from error
    except AnswerRefused as error:
        raise ShelfError(f"the arXiv API at {url} was not read: {error}; nothing was added") from error
    except requests.RequestException as error:
        reason = str(error.args[0] if error.args else error).splitlines()[0]
        raise ShelfError(f"cannot reach the arXiv API at {url}: {reason}") from error
    finally:
        client.close()
    if response.status != 200:
        raise ShelfError(f"the arXiv API at {url} answered HTTP {response.status} for {identifier}; try again later")
    return parse_feed(response.content, identifier)


def parse_feed(content: bytes | str, identifier: str) -> ArxivPaper:
    """The paper in an Atom answer; ShelfError for errors, no entry or a malformed feed."""
    try:
        root = _parse(content)
    except ET.ParseError as error:
        raise ShelfError(f"the arXiv API's answer for {identifier} is not valid XML ({error}); nothing was added") from error
    if root.tag != f"{{{NS['atom']}}}feed":
        raise ShelfError(f"the arXiv API's answer for {identifier} is not an Atom feed; nothing was added")
    entries = root.findall("atom:entry", NS)
    if not entries:
        raise ShelfError(f"arXiv has no paper with the identifier {identifier}")
    return entry_paper(entries[0], identifier)


def entry_paper(entry: ET.Element, identifier: str) -> ArxivPaper:
    """One Atom ``entry`` as a paper; ShelfError for an error entry or missing facts."""
    entry_id = _text(entry, "atom:id")
    if "/api/errors" in entry_id or _text(entry, "atom:title") == "Error":
        reason = _text(entry, "atom:summary") or "unknown error"
        raise ShelfError(f"arXiv refused the identifier {identifier}: {reason}")
    answered = arxivid.of_link(entry_id)
    if not answered or (identifier and answered != identifier):
        if not entry_id:
            raise ShelfError(f"arXiv has no paper with the identifier {identifier}")
        raise ShelfError(f"the arXiv API answered about {entry_id!r} instead of {identifier}; nothing was added")
    title = " ".join(_text(entry, "atom:title").split())
    published = _text(entry, "atom:published")
    authors = tuple(" ".join(name.split()) for name in (_text(a, "atom:name") for a in entry.findall("atom:author", NS)) if name)
    if not title or not re.match(r"^\d{4}-\d{2}", published) or not authors:
        raise ShelfError(f"the arXiv API's entry for {identifier or answered} lacks a title, a published date or authors; nothing was added")
    primary = entry.find("arxiv:primary_category", NS)
    category = primary.get("term", "") if primary is not None else ""
    if not category:
        first = entry.find("atom:category", NS)
        category = first.get("term", "") if first is not None else ""
    return ArxivPaper(
        answered,
        title,
        authors,
        published,
        category,
        abstract=" ".join(_text(entry, "atom:summary").split()),
        doi=_text(entry, "arxiv:doi"),
        journal_ref=" ".join(_text(entry, "arxiv:journal_ref").split()),
    )


def feed_entries(content: bytes | str, what: str) -> list[ET.Element]:
    """The ``entry`` elements of an Atom answer; ShelfError for malformed XML or not a feed."""
    try:
        root = _parse(content)
    except ET.ParseError as error:
        raise ShelfError(f"the arXiv API's answer for {what} is not valid XML ({error})") from error
    if root.tag != f"{{{NS['atom']}}}feed":
        raise ShelfError(f"the arXiv API's answer for {what} is not an Atom feed")
    return root.findall("atom:entry", NS)


def _parse(content: bytes | str) -> ET.Element:
    """An Atom answer's root. arXiv's feeds declare no DTD, so defusedxml refuses one that does
    (and any entity or external reference): nothing is expanded, whatever expat underneath allows."""
    try:
        return defused_fromstring(content, forbid_dtd=True)
    except DefusedXmlException as error:
        raise ET.ParseError(f"it declares a DTD or entities, which an Atom feed of arXiv never does ({type(error).__name__})") from None


def _text(element: ET.Element, path: str) -> str:
    found = element.find(path, NS)
    return (found.text or "").strip() if found is not None else ""


#: arXiv's terms of use: no more than one request every three seconds
MIN_PAUSE = 3.0


#: the API answers at most this many ids well in one request
BATCH = 100


CACHE_DIR = Path(".papershelf-cache") / "arxiv"


#: cache records of this version are read; others are asked again
CACHE_VERSION = 1


@dataclass
class Cache:
    """One JSON file per arXiv id under ``directory``."""

    directory: Path

    def _file(self, identifier: str) -> Path:
        return self.directory / (identifier.replace("/", "_") + ".json")

    def get(self, identifier: str) -> ArxivPaper | None:
        try:
            data = json.loads(self._file(identifier).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.pop("version", None) != CACHE_VERSION:
            return None
        try:
            data["authors"] = tuple(data["authors"])
            if not all(isinstance(value, str) for value in (*data["authors"], *(v for k, v in data.items() if k != "authors"))):
                return None  # a record of another shape (or a planted one): ask again
            return ArxivPaper(**data)
        except (TypeError, KeyError):
            return None  # a record of another shape: ask again

    def put(self, paper: ArxivPaper) -> None:
        # a fresh temporary file, renamed: never half a record, never through a link planted at the name
        commit({self._file(paper.identifier): json.dumps({"version": CACHE_VERSION, **asdict(paper)}, ensure_ascii=False)}, within=self.directory)


#: an answer larger than the client accepts (a batch of 100 entries is about 300 kB; the cap is MAX_ANSWER)
AnswerRefused = TooLarge


class ArxivClient:
    """Batched queries to the arXiv API through the shared client (:class:`~papershelf.sources.http.HttpClient`).

    Its policy is every source's: one kept-alive connection, one deadline an
    answer (watchdog included), the size cap, retries with backoff on 5xx and
    timeouts, ``Retry-After`` on 429. arXiv's etiquette is the pause: at least
    :data:`MIN_PAUSE` between two requests' starts (the CLI refuses a shorter
    one unless ``--api-url`` or ``PAPERSHELF_ARXIV_API`` names another API).
    """

    def __init__(
        self,
        api_url: str = DEFAULT_API,
        pause: float = MIN_PAUSE,
        batch: int = BATCH,
        timeout: float = 30.0,
        retries: int = 3,
        sleep: Callable[[float], None] = time.sleep,
        max_size: int = MAX_ANSWER,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.http = HttpClient(NAME, api_url, pause=pause, timeout=timeout, retries=retries, sleep=sleep, clock=clock, max_size=max_size)
        self.url = self.http.base_url + QUERY
        self.batch = max(1, min(batch, BATCH))

    @property
    def session(self) -> requests.Session:
        return self.http.session

    @property
    def max_size(self) -> int:
        return self.http.max_size

    @property
    def requests_made(self) -> int:
        return self.http.requests_made

    def close(self) -> None:
        self.http.close()

    def get(self, params: dict[str, str]) -> Answer:
        """One request to the query endpoint in its turn, no retry (``add``): :class:`AnswerRefused`
        for an answer over the cap, ``requests.Timeout`` past the deadline."""
        return self.http.attempt("GET", QUERY, params=params)

    def query(self, identifiers: Sequence[str]) -> tuple[dict[str, ArxivPaper], dict[str, str]]:
        """Ask about up to ``batch`` ids: (papers by id, reason by id for refused ones).

        Ids the answer leaves out appear in neither (a partial answer); the
        caller asks for them again later. Failures are retried by the shared
        client; then :class:`~papershelf.sources.http.SourceError` (a ShelfError).
        """
        what = f"{len(identifiers)} ids ({identifiers[0]}...)" if len(identifiers) > 1 else identifiers[0]
        params = {"id_list": ",".join(identifiers), "max_results": str(len(identifiers))}
        answer = self.http.request("GET", QUERY, what, params=params, size=len(identifiers), ok=(200,))
        if answer.status != 200:
            raise SourceError(NAME, what, f"HTTP {answer.status} from {self.url}; what was fetched is cached, run enrich again to resume")
        return self._read(answer.content, identifiers, what)

    def _read(self, content: bytes, identifiers: Sequence[str], what: str) -> tuple[dict[str, ArxivPaper], dict[str, str]]:
        wanted = {identifier.lower(): identifier for identifier in identifiers}
        papers: dict[str, ArxivPaper] = {}
        refused: dict[str, str] = {}
        for entry in feed_entries(content, what):
            try:
                paper = entry_paper(entry, "")
            except ShelfError as error:
                # arXiv's error entry names the bad id only in its text
                text = str(error).lower()
                name = next((original for lower, original in wanted.items() if lower in text), "?")
                refused[name] = str(error).replace("the identifier :", f"the identifier {name}:")
                continue
            identifier = wanted.get(paper.identifier.lower())
            if identifier is not None:
                papers[identifier] = paper
        return papers, refused


def bibtex_entry(paper: ArxivPaper, key: str) -> str:
    """An arXiv-style @misc entry (the form arXiv's own export gives)."""
    fields = [
        ("title", escape(brace_title(paper.title))),
        # a name holding a lone "and" would be read as two people: {and} keeps it one
        ("author", " and ".join(re.sub(r"(?i)(?<=\s)and(?=\s)", "{and}", escape(a)) for a in paper.authors)),
        ("year", paper.published[:4]),
        ("eprint", paper.identifier),
        ("archivePrefix", "arXiv"),
        ("primaryClass", paper.primary_class),
        ("url", paper.abs_url),
        ("doi", paper.doi),
        ("journal", escape(paper.journal_ref)),
    ]
    return write_entry("misc", key, fields, indent="      ", equals="=") + "\n"
