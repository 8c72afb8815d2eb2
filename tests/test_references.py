# mypy: disable-error-code="union-attr,index,attr-defined"
# (BeautifulSoup lookups are Optional; a None fails the test anyway.)
"""Issue 13: papershelf's own References index, split by first author; busy years cut into parts.

The index lists every .bib entry once, formatted as on its paper page; above
``papershelf_split_above`` entries it is an overview with one page per
letter, and a busy letter is cut into runs of first-author names. A citation
no ``{bibliography}`` holds still resolves: to the paper's page, or to the
entry on the References page. An edited entry rewrites its own page only.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from helpers import REPO, build, bump, copy_root, html
from papershelf.formats import citation
from papershelf.model.records import Paper, PaperDate
from papershelf.shelf.view import build_view
from papershelf.site.indexes import pages, references
from papershelf.site.indexes.references import PAGE_ENTRIES, Item
from pybtex.database import parse_file
from pybtex.richtext import Text

LOOSE = "@misc{loose2019,\n  title = {A Paper Without a Page},\n  author = {{\\\"O}zdemir, Ece},\n  year = {2019},\n  url = {https://example.org/loose}\n}\n"
PROSE = "# Prose\n\nAlpha {cite:p}`alpha2020` and a loose one {cite:t}`loose2019`.\n"
NO_BIB_CHECKS = {"papershelf_bib_checks": False}  # loose2019 has no paper page on purpose


def _unexpected(warnings: str) -> list[str]:
    """Warnings other than the root's own (an undated paper, on purpose)."""
    return [line for line in warnings.splitlines() if "[papershelf.no-date]" not in line and "[papershelf.bib-no-year]" not in line]


def soup(app: Any, docname: str) -> BeautifulSoup:
    return BeautifulSoup(html(app, docname), "html.parser")


def _project(tmp_path: Path) -> Path:
    srcdir = copy_root("indexes", tmp_path)
    (srcdir / "refs.bib").write_text((srcdir / "refs.bib").read_text() + "\n" + LOOSE)
    (srcdir / "references.md").write_text("# References\n\n```{paper-index} references\n```\n")
    (srcdir / "prose.md").write_text(PROSE)
    index = srcdir / "index.md"
    index.write_text(index.read_text().replace("architecture\n```", "architecture\nreferences\nprose\n```"))
    return srcdir


def _keys(srcdir: Path) -> list[str]:
    return re.findall(r"^@\w+\{([^,]+),", (srcdir / "refs.bib").read_text(), re.MULTILINE)


def _entries(app: Any, docname: str) -> list[str]:
    return [str(li["id"]) for li in soup(app, docname).select("ul.paper-references li")]


def test_unsplit_index_lists_every_entry_by_first_author(make_app: Any, tmp_path: Path) -> None:
    srcdir = _project(tmp_path)
    app, warnings = build(make_app, srcdir, confoverrides=NO_BIB_CHECKS)
    assert _unexpected(warnings) == []
    ids = _entries(app, "references")
    assert sorted(ids) == sorted(references.entry_id(key) for key in _keys(srcdir))
    # Ant, Doe, Lee, Özdemir (accent folded: with the O's), Smith, ...
    assert ids.index("ref-tie2021") < ids.index("ref-gamma2022") < ids.index("ref-beta2021") < ids.index("ref-loose2019") < ids.index("ref-alpha2020")
    page = soup(app, "references")
    alpha = page.select_one("li#ref-alpha2020")
    assert alpha.select_one("a.reference.internal")["href"] == "papers/alpha.html"
    assert "Smith, A., & Jones, B. (2020). Alpha: A First Model." in alpha.get_text()
    assert alpha.select_one('a[href="https://arxiv.org/abs/2003.00001"]').get_text() == "arXiv:2003.00001"
    loose = page.select_one("li#ref-loose2019")
    assert "Özdemir, E. (2019). A Paper Without a Page." in loose.get_text()
    assert not loose.select("a.reference.internal")  # no paper page to link
    assert [a.get_text() for a in loose.select("a.reference.external")] == ["https://example.org/loose"]
    assert [h.get_text(strip=True).rstrip("¶") for h in page.select("section.paper-reference-letter h2")] == ["A", "D", "L", "N", "O", "S", "T"]
    assert not (Path(app.outdir) / "references").exists()


def test_citations_without_a_bibliography_resolve(make_app: Any, tmp_path: Path) -> None:
    """No {bibliography} anywhere: a shelf paper links to its page, another entry to its References entry."""
    srcdir = _project(tmp_path)
    for split_above, target in ((200, "references.html#ref-loose2019"), (0, None)):
        app, warnings = build(make_app, srcdir, confoverrides={**NO_BIB_CHECKS, "papershelf_split_above": split_above}, freshenv=True)
        assert _unexpected(warnings) == []
        links = [a["href"] for a in soup(app, "prose").select("span.bibtex-citation a")]
        letter = next(page for page in (Path(app.outdir) / "references").glob("*.html") if 'id="ref-loose2019"' in page.read_text()) if target is None else None
        assert links == ["papers/alpha.html", target or f"references/{letter.name}#ref-loose2019"]
        assert "Özdemir" in soup(app, "prose").select("span.bibtex-citation")[1].get_text()


def test_split_index_has_an_overview_and_one_page_per_letter(make_app: Any, tmp_path: Path) -> None:
    srcdir = _project(tmp_path)
    app, warnings = build(make_app, srcdir, confoverrides={**NO_BIB_CHECKS, "papershelf_split_above": 0})
    assert _unexpected(warnings) == []
    rows = soup(app, "references").select("table.paper-groups tbody tr")
    assert [row.td.get_text(strip=True) for row in rows] == ["A", "D", "L", "N", "O", "S", "T"]
    listed: list[str] = []
    for row in rows:
        href = row.a["href"]
        page = href.removesuffix(".html")
        ids = _entries(app, page)
        assert int(row.select("td")[1].get_text()) == len(ids)
        listed += ids
        assert "papershelf-indexes.css" in html(app, page)
    assert sorted(listed) == sorted(references.entry_id(key) for key in _keys(srcdir))
    assert soup(app, "references/s").select_one("li#ref-alpha2020 a")["href"] == "../papers/alpha.html"


def _item(author: str, n: int) -> Item:
    return Item(f"{author.lower()}{n}", author, (author.casefold(), "2020", f"t{n:04d}", f"{author.lower()}{n}"))


def test_a_busy_letter_becomes_runs_of_names() -> None:
    names = {"Laurent": 90, "Lee": 120, "Li": 120, "Lin": 60, "Liu": 2 * PAGE_ENTRIES + 10, "Lopez": 30, "Smith": 5}
    items = sorted((_item(name, n) for name, count in names.items() for n in range(count)), key=lambda i: i.sort)
    groups = references.groups(items, split=True)
    assert [g.label for g in groups] == ["Laurent", "Lee", "Li\N{EN DASH}Lin", "Liu", "Liu", "Liu\N{EN DASH}Lopez", "S"]
    assert [g.slug for g in groups] == ["l-laurent", "l-lee", "l-li", "l-liu", "l-liu-2", "l-liu-3", "s"]
    assert all(len(g.items) <= PAGE_ENTRIES for g in groups)
    assert [i for g in groups for i in g.items] == items  # every entry once, in order
    # unsplit: one group per letter, whatever its size
    assert [g.label for g in references.groups(items, split=False)] == ["L", "S"]


def test_editing_an_entry_rewrites_only_its_pages(make_app: Any, tmp_path: Path) -> None:
    srcdir = _project(tmp_path)
    overrides = {**NO_BIB_CHECKS, "papershelf_split_above": 0}
    first, _ = build(make_app, srcdir, confoverrides=overrides)
    outdir = Path(first.outdir)
    before = {p: p.stat().st_mtime_ns for p in outdir.rglob("*.html")}
    bib = srcdir / "refs.bib"
    bump(bib, bib.read_text().replace("Alpha: A First Model", "Alpha: The First Model"))
    second, warnings = build(make_app, srcdir, confoverrides=overrides)
    assert _unexpected(warnings) == []
    written = sorted(str(p.relative_to(outdir)) for p in outdir.rglob("*.html") if before.get(p) != p.stat().st_mtime_ns)
    # the paper page, the page citing it (and its toctree parent, as Sphinx does), the letter
    # page holding the entry; the chronology and the paper's year page (they name the version of
    # their "BibTeX (N)" selection data); genindex and search always.
    assert written == ["chronology.html", "chronology/2020.html", "genindex.html", "index.html", "papers/alpha.html", "prose.html", "references/s.html", "search.html"]
    assert "Alpha: The First Model" in soup(second, "references/s").select_one("li#ref-alpha2020").get_text()
    # only the edited entry was parsed again, not the whole .bib (cite.py); a clean build agrees
    assert "parsing bibtex file" in first._status.getvalue() and "parsing bibtex file" not in second._status.getvalue()
    clean, _ = build(make_app, srcdir, confoverrides=overrides, builddir=tmp_path / "clean", freshenv=True)
    assert html(clean, "references/s") == html(second, "references/s") and html(clean, "papers/alpha") == html(second, "papers/alpha")
    # a macro could change other entries: the whole file is parsed
    bump(bib, "@string{venue = {Proceedings of Macros}}\n\n" + bib.read_text().replace("Alpha: The First Model", "Alpha: First"))
    third, _ = build(make_app, srcdir, confoverrides=overrides)
    assert "parsing bibtex file" in third._status.getvalue()
    selection = soup(second, "chronology/2020").select_one('script[src*="papershelf-selection.js"]')
    assert selection["data-version"] and selection["data-version"] != soup(second, "chronology/2021").select_one('script[src*="papershelf-selection.js"]')["data-version"]


def _pybtex_plain(latex: str) -> str:
    return re.sub(r"\s+", " ", Text.from_latex(latex).render(citation.TEXT_BACKEND)).strip()


@pytest.mark.parametrize("text", ["{GAN}s for {CLIP}", "Müller", "Text-to-Image", "Let's see", "  two  spaces "])
def test_plain_text_skips_the_latex_parser_only_when_it_agrees(text: str) -> None:
    assert not citation._LATEX.search(text)
    assert citation.plain(text) == _pybtex_plain(text)


def test_plain_text_agrees_with_pybtex_on_the_real_bibliography() -> None:
    """citation.plain skips pybtex's parser for text without LaTeX beyond braces: same result on every field."""
    fields = {value for entry in parse_file(REPO / "references.bib").entries.values() for value in entry.fields.values()}
    assert {f for f in fields if not citation._LATEX.search(f) and "\\url" not in f}
    for value in fields:
        if "\\url" not in value:
            assert citation.plain(value) == _pybtex_plain(value), value
    assert citation.plain("Vision--Language") == "Vision\N{EN DASH}Language"  # the parser's ligatures still apply


# -- a busy year of a split index becomes halves, quarters or months (page size at 5,000) --


def _year_view(counts: dict[tuple[int, int], int]) -> Any:
    papers = {}
    for (year, month), count in counts.items():
        for n in range(count):
            key = f"p{year}{month:02d}{n:03d}"
            papers[f"papers/{key}"] = Paper(key=key, docname=f"papers/{key}", title=key, short_name=key, status="read",
                                            date=PaperDate(year, month) if month else PaperDate(year))
    return build_view(papers, {}, {})


def test_a_busy_year_is_cut_into_parts_newest_first() -> None:
    # 2024: 10 papers (one page); 2025: 7 in the second half, 6 in the first, 2 with no month
    view = _year_view({(2024, 5): 10, (2025, 11): 4, (2025, 7): 3, (2025, 5): 3, (2025, 2): 3, (2025, 0): 2})
    groups = pages._by_year(view, lambda p: 1, 10)
    assert [(g.slug, g.label, len(g.papers)) for g in groups] == [
        ("2025", "2025 Jul\N{EN DASH}Dec", 7), ("2025-h1", "2025 Jan\N{EN DASH}Jun", 8), ("2024", "2024", 10)]
    assert [g.year for g in groups] == ["2025", "2025", ""]
    # month-less papers close the year, as on an unsplit page
    assert [p.date.month for p in groups[1].papers] == [5] * 3 + [2] * 3 + [0] * 2
    # tighter: quarters, then months; never a part over the limit unless one month holds more
    assert [g.slug for g in pages._by_year(view, lambda p: 1, 6)] == ["2025", "2025-q3", "2025-q2", "2025-q1", "2024"]
    assert [g.slug for g in pages._by_year(view, lambda p: 1, 3)] == ["2025", "2025-07", "2025-05", "2025-02", "2025-01", "2024"]


def test_split_years_build_with_their_bib_and_neighbours(make_app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    srcdir = copy_root("indexes", tmp_path)
    (srcdir / "papers/late.md").write_text('---\nkey: late2021\ntitle: Late\nshort_name: Late\nstatus: read\ndate: "2021-11"\n---\n')
    (srcdir / "refs.bib").write_text((srcdir / "refs.bib").read_text() + "\n@misc{late2021,\n  title = {Late},\n  author = {Late, Lou},\n  year = {2021}\n}\n")
    monkeypatch.setitem(pages.PART_ROWS, "chronology", 2)
    app, warnings = build(make_app, srcdir)
    assert _unexpected(warnings) == []
    overview = [(a.get_text(), a["href"]) for a in soup(app, "chronology").select("table.paper-years tbody tr td:first-child a")]
    assert ("2021 Jul\N{EN DASH}Dec", "chronology/2021.html") in overview and ("2021 Jan\N{EN DASH}Jun", "chronology/2021-h1.html") in overview
    late, early = soup(app, "chronology/2021"), soup(app, "chronology/2021-h1")
    assert [a.get_text() for a in late.select("tr.paper-row .paper-ref")] == ["Late"]
    assert sorted(a.get_text() for a in early.select("tr.paper-row .paper-ref")) == ["Aardvark", "Beta"]
    # each part links the whole year's .bib, counted whole
    assert [a["href"] for a in early.select("a.paper-bib-download")] == ["../bib/year-2021.bib"]
    assert early.select_one("a.paper-bib-download").get_text() == "BibTeX of 2021 (3 entries)"
    assert 'href="2021.html"' in html(app, "chronology/2021-h1")  # previous/next between the parts
