"""arXiv identifiers: the one place that reads and writes them.

Two schemes (https://info.arxiv.org/help/arxiv_identifier.html):

* new style, since April 2007: ``YYMM.NNNN`` (4 digits until December 2014),
  ``YYMM.NNNNN`` (5 digits from January 2015);
* old style, August 1991 to March 2007: ``archive/YYMMNNN`` such as
  ``hep-th/9901001``, sometimes written with a subject class
  (``math.GT/0309136``), which is not part of the identifier: arXiv itself
  answers ``math/0309136``.

Either may carry a version (``v2``), the ``arXiv:`` prefix, or come as a URL
(``abs``, ``pdf``, ``html``, ``format`` or ``ps`` pages; ``www.`` and
``export.``, ``browse.`` hosts; a ``.pdf`` suffix, a trailing slash, a query or fragment).
Pure text work, no network: the API client lives in :mod:`papershelf.commands.add`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_VERSION = r"(?:v(?P<version>[1-9]\d*))?"
_NEW = r"(?P<new>(?P<nyymm>\d{4})\.(?P<number>\d{4,5}))"
# archive (hep-th, math, cond-mat...), an optional subject class (.GT, .str-el), YYMMNNN
_OLD = r"(?P<old>(?P<archive>[a-z]+(?:-[a-z]+)?)(?:\.[a-z]+(?:-[a-z]+)?)?/(?P<oyymm>\d{4})(?P<serial>\d{3}))"
_ID = rf"(?:{_NEW}|{_OLD}){_VERSION}"
BARE = re.compile(rf"^(?:arxiv:\s*)?{_ID}$", re.IGNORECASE)
URL = re.compile(
    rf"^(?:https?://)?(?:www\.|export\.|browse\.)?arxiv\.org/(?P<page>abs|pdf|html|format|ps)/{_ID}(?:\.pdf)?/?(?:[?#].*)?$",
    re.IGNORECASE,
)

#: the first month of the new scheme, and the month its numbers got a fifth digit
NEW_STYLE_FROM = (2007, 4)
FIVE_DIGITS_FROM = (2015, 1)
#: the months of the old scheme
OLD_STYLE_SPAN = ((1991, 8), (2007, 3))


@dataclass(frozen=True)
class ArxivId:
    """One canonical identifier, with the version it was written with (0: none)."""

    identifier: str  #: ``2304.08485`` or ``hep-th/9901001``, no version
    version: int = 0

    @property
    def old_style(self) -> bool:
        return "/" in self.identifier

    @property
    def year(self) -> int:
        """The year of the first version, which every arXiv id encodes."""
        yy = int(self._yymm[:2])
        return 1900 + yy if self.old_style and yy >= 91 else 2000 + yy

    @property
    def month(self) -> int:
        return int(self._yymm[2:])

    @property
    def _yymm(self) -> str:
        return self.identifier.rsplit("/", 1)[-1][:4]

    def __str__(self) -> str:
        return self.identifier + (f"v{self.version}" if self.version else "")

    def abs_url(self, versioned: bool = False) -> str:
        return abs_url(self.identifier, self.version if versioned else 0)

    def pdf_url(self, versioned: bool = False) -> str:
        return pdf_url(self.identifier, self.version if versioned else 0)


def parse(text: str) -> ArxivId | None:
    """The identifier that ``text`` (an id or an arXiv URL, nothing else) names, or None.

    A number that no arXiv id can have (month 13, a 4-digit number after
    2014, an old-style id from 2010) is not an identifier.
    """
    text = text.strip()
    return _checked(BARE.match(text) or URL.match(text))


def parse_url(url: str) -> ArxivId | None:
    """The identifier of a link to an arXiv paper (any of its pages), or None."""
    return _checked(URL.match(url.strip()))


def _checked(match: re.Match[str] | None) -> ArxivId | None:
    if match is None:
        return None
    version = int(match.group("version") or 0)
    if match.group("new"):
        yymm, number = match.group("nyymm"), match.group("number")
        when = (2000 + int(yymm[:2]), int(yymm[2:]))
        if not 1 <= when[1] <= 12 or when < NEW_STYLE_FROM or (len(number) == 5) != (when >= FIVE_DIGITS_FROM):
            return None
        return ArxivId(match.group("new"), version)
    yymm = match.group("oyymm")
    yy = int(yymm[:2])
    when = (1900 + yy if yy >= 91 else 2000 + yy, int(yymm[2:]))
    if not 1 <= when[1] <= 12 or not OLD_STYLE_SPAN[0] <= when <= OLD_STYLE_SPAN[1]:
        return None
    return ArxivId(f"{match.group('archive').lower()}/{yymm}{match.group('serial')}", version)


def identifier(text: str) -> str:
    """The canonical identifier (no version) of an id or arXiv URL, or ``""``."""
    found = parse(text)
    return found.identifier if found else ""


def of_link(url: str) -> str:
    """The canonical identifier of a link to an arXiv paper, or ``""`` for any other link."""
    found = parse_url(url)
    return found.identifier if found else ""


def of_eprint(eprint: str, archive_prefix: str = "") -> str:
    """The canonical identifier of a BibTeX ``eprint``, or ``""``.

    ``archivePrefix`` must be arXiv or missing (many exports leave it out);
    ``eprint`` may carry ``arXiv:`` and a version.
    """
    return identifier(eprint) if archive_prefix.strip().lower() in ("arxiv", "") else ""


def is_pdf_url(url: str) -> bool:
    """True for a link to an arXiv paper's PDF."""
    match = URL.match(url.strip())
    return match is not None and match.group("page").lower() == "pdf" and _checked(match) is not None


def abs_url(identifier: str, version: int = 0) -> str:
    """arXiv's abstract page: ``https://arxiv.org/abs/2304.08485``."""
    return f"https://arxiv.org/abs/{identifier}" + (f"v{version}" if version else "")


def pdf_url(identifier: str, version: int = 0) -> str:
    """arXiv's PDF: ``https://arxiv.org/pdf/2304.08485``."""
    return f"https://arxiv.org/pdf/{identifier}" + (f"v{version}" if version else "")
