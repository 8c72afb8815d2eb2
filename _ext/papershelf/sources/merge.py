"""What the sources' answers add to a page and its entry: never a value written by hand.

- ``metrics``: counts from Semantic Scholar and GitHub with the day fetched
  (``as_of``: the day of the oldest answer used, not the day enrich ran). A
  ``metrics`` mapping with ``as_of`` is enrich's own and is refreshed when a
  count changed; one without ``as_of`` was written by hand and is kept.
- ``cites``: the shelf papers among the paper's references, matched by arXiv
  id or DOI; keys already listed stay, new ones are added.
- ``people``: the authors with their Semantic Scholar ids, when absent.
- ``models`` and ``links.dataset``: Hugging Face repositories naming the
  paper's arXiv id, when the page names none.
- the BibTeX entry: a preprint ``@misc`` (or an entry the importer generated)
  becomes ``@inproceedings`` with ``booktitle`` or ``@article`` with
  ``journal`` when Semantic Scholar knows the venue that published it.
- ``date`` and the entry's ``year``, when neither the page nor the entry says
  one: Semantic Scholar's publication day (else its year). A paper found by
  its DOI (no arXiv id) is how a list's undated journal or ACM paper gets its
  date; a date written by hand is never replaced.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from papershelf.formats import arxivid
from papershelf.formats.bibfile import GENERATED_FIELD, escape, with_fields
from papershelf.sources.base import arxiv_id
from papershelf.sources.hf import hub_url

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Mapping

    from papershelf.model.records import BibEntry, Paper

METRIC_ORDER = ("citations", "influential_citations", "stars")
PREPRINT = re.compile(r"(?i)^(arxiv(\.org)?|corr|arxiv\.org e-prints|biorxiv|medrxiv|ssrn|openreview\.net|research square|)$")
CONFERENCE = re.compile(r"(?i)\b(conference|proceedings|workshop|symposium|neurips|nips|icml|iclr|cvpr|iccv|eccv|wacv|acl|emnlp|naacl|eacl|coling|aaai|ijcai|kdd|sigir|www|interspeech|icassp|corl|rss|icra|iros|miccai)\b")
JOURNAL = re.compile(r"(?i)\b(journal|transactions|letters|review|magazine|nature|science)\b")


@dataclass
class Proposal:
    front: dict[str, Any] = field(default_factory=dict)  #: front matter key -> new value
    bib_new: str = ""  #: the entry's new text (a venue upgrade)
    upgrade: str = ""  #: ``@misc -> @inproceedings (NeurIPS)``, for the summary


def shelf_index(papers: Iterable[tuple[Paper, str, str]]) -> dict[str, str]:
    """``arxiv:<id>`` / ``doi:<doi>`` -> key, from (paper, arXiv id, DOI) triples."""
    index: dict[str, str] = {}
    for paper, arxiv, doi in papers:
        if arxiv:
            index.setdefault(f"arxiv:{arxiv.lower()}", paper.key)
        if doi:
            index.setdefault(f"doi:{doi.lower()}", paper.key)
    return index


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value))  # LineDict/LineList -> dict/list, for the dumper


def plan(paper: Paper, data: Mapping[str, Any], entry: BibEntry | None, records: Mapping[str, Any],
         index: Mapping[str, str], as_of: dt.date, link_kinds: Iterable[str] = ("dataset",)) -> Proposal:
    """The additions for one paper from ``records`` (source name -> its reduced answer, None for unknown),
    fetched on ``as_of`` (the oldest of them)."""
    proposal = Proposal()
    s2, github, hf = records.get("s2"), records.get("github"), records.get("hf")
    _metrics(proposal, data, s2, github, as_of)
    if s2:
        cited = [key for ref in s2.get("references", []) for key in _match(ref, index) if key != paper.key]
        existing = [str(key) for key in data.get("cites") or []] if isinstance(data.get("cites"), list) else None
        if existing is not None or "cites" not in data:
            union = list(dict.fromkeys([*(existing or []), *sorted(set(cited))]))
            if union != (existing or []):
                proposal.front["cites"] = union
        if "people" not in data and s2.get("authors"):
            proposal.front["people"] = [{"name": a["name"], **({"id": a["id"]} if a.get("id") else {})} for a in s2["authors"]]
        _upgrade(proposal, entry, s2)
        _dated(proposal, paper, data, entry, s2)
    if hf:
        if "models" not in data and hf.get("models"):
            proposal.front["models"] = [{"name": repo, "url": hub_url("models", repo)} for repo in hf["models"]]
        links = data.get("links")
        if hf.get("datasets") and "dataset" in link_kinds and (links is None or (isinstance(links, dict) and "dataset" not in links)):
            urls = [hub_url("datasets", repo) for repo in hf["datasets"]]
            new = urls[0] if len(urls) == 1 else [{"label": repo, "url": url} for repo, url in zip(hf["datasets"], urls, strict=True)]
            proposal.front["links"] = {**_plain(links or {}), "dataset": new}
    return proposal


def _match(reference: Mapping[str, str], index: Mapping[str, str]) -> list[str]:
    found = [index.get(f"arxiv:{reference.get('arxiv', '').lower()}"), index.get(f"doi:{reference.get('doi', '').lower()}")]
    return [key for key in dict.fromkeys(found) if key]


def _metrics(proposal: Proposal, data: Mapping[str, Any], s2: Any, github: Any, as_of: dt.date) -> None:
    old = data.get("metrics")
    if old is not None and not (isinstance(old, dict) and "as_of" in old):
        return  # written by hand: kept as it is
    old = dict(old or {})
    new = {name: old[name] for name in METRIC_ORDER if name in old}
    if s2:
        for name in ("citations", "influential_citations"):
            if s2.get(name) is not None:
                new[name] = s2[name]
    if github and github.get("stars") is not None:
        new["stars"] = github["stars"]
    if new and any(new.get(name) != old.get(name) for name in METRIC_ORDER):
        proposal.front["metrics"] = {**{name: new[name] for name in METRIC_ORDER if name in new}, "as_of": as_of.isoformat()}


def _dated(proposal: Proposal, paper: Paper, data: Mapping[str, Any], entry: BibEntry | None, s2: Mapping[str, Any]) -> None:
    """For a page without ``date`` and no arXiv id of its own: the month of the preprint S2 knows (the first
    public version), else the publication day (else year); the year for an entry without ``year``."""
    year = str(s2["year"]) if s2.get("year") else ""
    preprint = arxivid.parse(s2.get("arxiv", ""))
    when = s2.get("date") if s2.get("date", "")[:4] == year or not year else year  # a day of another year is no day of this paper
    when = f"{preprint.year}-{preprint.month:02d}" if preprint else when
    if "date" not in data and when and not arxiv_id(paper, entry):  # an own arXiv id dates the page already (and enrich's arXiv part)
        proposal.front["date"] = when
    if entry is not None and year and not entry.get("year").strip() and not proposal.bib_new:
        proposal.bib_new = with_fields(entry.raw, {"year": year})
        proposal.upgrade = f"year {year} added"


def venue_kind(name: str, venue_type: str) -> tuple[str, str] | None:
    """(entry type, field) for a venue, or None when it is no venue to upgrade to."""
    if PREPRINT.match(name.strip()):
        return None
    if venue_type == "conference" or (venue_type != "journal" and CONFERENCE.search(name)):
        return ("inproceedings", "booktitle")
    if venue_type == "journal" or JOURNAL.search(name):
        return ("article", "journal")
    return None


def _upgrade(proposal: Proposal, entry: BibEntry | None, s2: Mapping[str, Any]) -> None:
    if entry is None:
        return
    generated = bool(entry.get(GENERATED_FIELD).strip())
    preprint = entry.entry_type == "misc" and (entry.get("eprint") or entry.get("archiveprefix").lower() == "arxiv" or "arxiv" in entry.get("url").lower() or "arxiv" in entry.get("howpublished").lower())
    if not (generated or preprint):
        return
    venue = s2.get("venue_name") or s2.get("venue") or ""
    kind = venue_kind(venue, s2.get("venue_type", ""))
    if kind is None:
        return
    entry_type, field_name = kind
    if entry.get(field_name).strip():
        return  # a value written by hand says otherwise
    authors = "" if entry.get("author").strip() else " and ".join(author["name"] for author in s2.get("authors", []))
    if not entry.get("author").strip() and not authors:
        return  # @inproceedings and @article need authors in every style: without them it stays @misc
    raw = re.sub(r"^@\s*" + re.escape(entry.entry_type) + r"\s*(?=[{(])", f"@{entry_type}", entry.raw, count=1, flags=re.IGNORECASE)
    if generated:
        raw = re.sub(r"\n[ \t]*" + GENERATED_FIELD + r"\s*=\s*(\{[^{}\n]*\}|\"[^\"\n]*\")\s*,?[ \t]*(?=\n)", "", raw, count=1, flags=re.IGNORECASE)
    added = {field_name: venue, **({"author": escape(authors)} if authors else {})}
    if s2.get("year") and (generated or not entry.get("year").strip()):
        raw = re.sub(r"\n[ \t]*year\s*=\s*(\{[^{}\n]*\}|\"[^\"\n]*\"|\d+)\s*,?[ \t]*(?=\n)", "", raw, count=1, flags=re.IGNORECASE)
        added["year"] = str(s2["year"])
    proposal.bib_new = with_fields(raw, added)
    proposal.upgrade = f"@{entry.entry_type} -> @{entry_type} ({venue})"
