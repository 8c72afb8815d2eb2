"""A paper's first-public date, from the best source that has one.

Order: front matter ``date``; the arXiv identifier of its paper link (the
YYMM of ``2304.08485`` or ``hep-th/9901001`` is the v1 month, read by
:mod:`papershelf.formats.arxivid`); the BibTeX ``year``/``month``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable

from papershelf.formats import arxivid
from papershelf.model.records import PaperDate

ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
#: English month abbreviations (BibTeX macros, lists): not calendar.month_abbr, which follows the locale Sphinx sets
MONTHS = {name: number for number, name in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


class DateError(ValueError):
    """A date that is not a real calendar date, or lies in the future."""


def parse_iso(text: str, today: dt.date | None = None) -> PaperDate:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise DateError otherwise."""
    match = ISO_DATE.match(text.strip())
    if not match:
        raise DateError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else 0 for part in match.groups())
    if month and not 1 <= month <= 12:
        raise DateError(f"{text!r} has month {month}; months run from 01 to 12")
    if day and day > calendar.monthrange(year, month)[1]:
        raise DateError(f"{text!r} has day {day}, which {year}-{month:02d} does not have")
    if day == 0 and match.group(3):
        raise DateError(f"{text!r} has day 0")
    date = PaperDate(year, month, day, "front matter")
    today = today or dt.date.today()
    if date.sort_key > (today.year, today.month if month else 12, today.day if day else 31):
        raise DateError(f"{text!r} lies in the future")
    return date


def without_front_matter(paper_urls: Iterable[str], year: str = "", month: str = "") -> PaperDate | None:
    """The date of a paper whose front matter gives none: the arXiv id of
    its first paper link that has one, else the BibTeX year and month."""
    return next((d for d in map(from_arxiv, paper_urls) if d), None) or from_bibtex(year, month)


def from_arxiv(url: str) -> PaperDate | None:
    """The v1 month an arXiv link's identifier encodes (old-style ids too)."""
    found = arxivid.parse_url(url)
    return PaperDate(found.year, found.month, 0, "arXiv id") if found else None


def from_bibtex(year: str, month: str = "") -> PaperDate | None:
    if not year.strip().isdigit():
        return None
    month_text = month.strip().lower()[:3]
    month_number = int(month_text) if month_text.isdigit() else MONTHS.get(month_text, 0)
    return PaperDate(int(year), month_number if 1 <= month_number <= 12 else 0, 0, "BibTeX")
