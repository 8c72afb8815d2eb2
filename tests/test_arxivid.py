"""arXiv identifiers: every written shape reads back to one canonical id (papershelf.formats.arxivid)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from papershelf.formats import arxivid, dates
from papershelf.formats.arxivid import ArxivId
from papershelf.formats.bibfile import eprint_id
from papershelf.model.records import BibEntry


@pytest.mark.parametrize(
    ("text", "identifier", "version"),
    [
        ("2304.08485", "2304.08485", 0),
        ("2304.08485v2", "2304.08485", 2),
        ("arXiv:2304.08485v12", "2304.08485", 12),
        ("ARXIV: 2304.08485", "2304.08485", 0),
        ("0704.0001", "0704.0001", 0),  # the first new-style id
        ("1412.7062", "1412.7062", 0),  # 4 digits until 2014
        ("1501.00001", "1501.00001", 0),  # 5 digits from 2015
        ("hep-th/9901001", "hep-th/9901001", 0),
        ("hep-th/9901001v3", "hep-th/9901001", 3),
        ("arXiv:math.GT/0309136", "math/0309136", 0),  # the subject class is not part of the id
        ("cond-mat.str-el/0601001v1", "cond-mat/0601001", 1),
        ("HEP-TH/9711200", "hep-th/9711200", 0),
        ("https://arxiv.org/abs/2304.08485", "2304.08485", 0),
        ("http://arxiv.org/abs/2304.08485v1/", "2304.08485", 1),
        ("https://arxiv.org/pdf/2304.08485", "2304.08485", 0),
        ("https://arxiv.org/pdf/2304.08485v2.pdf", "2304.08485", 2),
        ("https://www.arxiv.org/pdf/2304.08485.pdf?download=1", "2304.08485", 0),
        ("https://export.arxiv.org/abs/2304.08485#comments", "2304.08485", 0),
        ("https://arxiv.org/html/2304.08485v1/#S3", "2304.08485", 1),
        ("https://arxiv.org/format/2304.08485", "2304.08485", 0),
        ("arxiv.org/abs/hep-th/9901001v3", "hep-th/9901001", 3),
        ("https://arxiv.org/pdf/math.GT/0309136v1.pdf", "math/0309136", 1),
        ("  https://arxiv.org/abs/2304.08485  ", "2304.08485", 0),
    ],
)
def test_shapes(text: str, identifier: str, version: int) -> None:
    assert arxivid.parse(text) == ArxivId(identifier, version)
    assert arxivid.identifier(text) == identifier


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2304.8485",  # 3+ digits only
        "2313.00001",  # month 13
        "0703.0001",  # before the new scheme
        "1412.12345",  # a fifth digit before 2015
        "1501.1234",  # four digits after 2014
        "hep-th/1001001",  # old style ended in March 2007
        "hep-th/9107001",  # before arXiv (August 1991)
        "2304.08485v0",
        "https://example.org/abs/2304.08485",
        "https://arxiv.org/list/cs.CV/recent",
        "https://arxiv.org/abs/2304.08485/extra",
        "see 2304.08485",
    ],
)
def test_not_identifiers(text: str) -> None:
    assert arxivid.parse(text) is None and arxivid.identifier(text) == ""


def test_links_and_eprints() -> None:
    assert arxivid.of_link("https://arxiv.org/abs/2304.08485v2") == "2304.08485"
    assert arxivid.of_link("2304.08485") == ""  # a bare id is not a link
    assert arxivid.is_pdf_url("https://arxiv.org/pdf/hep-th/9901001") and not arxivid.is_pdf_url("https://arxiv.org/abs/2304.08485")
    assert arxivid.of_eprint("arXiv:hep-th/9901001v2", "arXiv") == "hep-th/9901001"
    assert arxivid.of_eprint("2304.08485", "") == "2304.08485"  # archivePrefix left out
    assert arxivid.of_eprint("2304.08485", "HAL") == ""
    entry = BibEntry("k", 1, "", "misc", (("eprint", "math.GT/0309136v1"), ("archiveprefix", "arXiv")))
    assert eprint_id(entry) == "math/0309136"  # the .bib reader agrees


def test_dates_from_both_schemes() -> None:
    assert (arxivid.parse("hep-th/9901001v3").year, arxivid.parse("hep-th/9901001").month) == (1999, 1)  # type: ignore[union-attr]
    assert arxivid.parse("math/0309136").year == 2003  # type: ignore[union-attr]
    old = dates.from_arxiv("https://arxiv.org/abs/hep-th/9711200")
    assert old is not None and (old.year, old.month, old.source) == (1997, 11, "arXiv id")
    new = dates.from_arxiv("https://arxiv.org/pdf/2304.08485v2.pdf")
    assert new is not None and (new.year, new.month) == (2023, 4)
    assert dates.from_arxiv("https://example.org/2304.08485") is None


def test_writers() -> None:
    found = ArxivId("hep-th/9901001", 3)
    assert str(found) == "hep-th/9901001v3"
    assert found.abs_url() == "https://arxiv.org/abs/hep-th/9901001"
    assert found.pdf_url(versioned=True) == "https://arxiv.org/pdf/hep-th/9901001v3"


def _months(first: tuple[int, int], last: tuple[int, int]) -> st.SearchStrategy[tuple[int, int]]:
    start, end = first[0] * 12 + first[1] - 1, last[0] * 12 + last[1] - 1
    return st.integers(start, end).map(lambda n: (n // 12, n % 12 + 1))


@st.composite
def identifiers(draw: st.DrawFn) -> ArxivId:
    version = draw(st.integers(0, 30))
    if draw(st.booleans()):
        year, month = draw(_months(arxivid.NEW_STYLE_FROM, (2099, 12)))
        digits = 5 if (year, month) >= arxivid.FIVE_DIGITS_FROM else 4
        number = draw(st.integers(1, 10**digits - 1))
        return ArxivId(f"{year % 100:02d}{month:02d}.{number:0{digits}d}", version)
    year, month = draw(_months(*arxivid.OLD_STYLE_SPAN))
    archive = draw(st.sampled_from(["hep-th", "hep-ph", "math", "cs", "astro-ph", "cond-mat", "quant-ph", "gr-qc", "physics", "nlin", "q-bio"]))
    return ArxivId(f"{archive}/{year % 100:02d}{month:02d}{draw(st.integers(1, 999)):03d}", version)


@given(identifiers(), st.sampled_from(["", "arXiv:", "abs", "pdf", "pdf.pdf", "html", "export", "www-query"]))
def test_write_then_parse_is_the_identity(found: ArxivId, shape: str) -> None:
    versioned = str(found)
    written = {
        "": versioned,
        "arXiv:": f"arXiv:{versioned}",
        "abs": found.abs_url(versioned=True),
        "pdf": found.pdf_url(versioned=True),
        "pdf.pdf": found.pdf_url(versioned=True) + ".pdf",
        "html": f"https://arxiv.org/html/{versioned}/",
        "export": f"http://export.arxiv.org/abs/{versioned}",
        "www-query": f"https://www.arxiv.org/abs/{versioned}?context=cs#top",
    }[shape]
    assert arxivid.parse(written) == found
    parsed = arxivid.parse(written)
    assert parsed is not None and arxivid.parse(parsed.abs_url()) == ArxivId(found.identifier)
    yymm = found.identifier.rsplit("/", 1)[-1][:4]
    assert (parsed.year % 100, parsed.month) == (int(yymm[:2]), int(yymm[2:])) and 1991 <= parsed.year <= 2099
