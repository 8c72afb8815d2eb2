# mypy: disable-error-code="union-attr,index,attr-defined"
# (BeautifulSoup lookups are Optional; a None fails the test anyway.)
"""Issue: chronology, timeline picture, and the indexes a reader browses by.

Most tests read one build of tests/roots/test-indexes (module fixture); the
incremental and parallel tests build their own copies.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
import xml.etree.ElementTree as ET
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup
from docutils import nodes as docutils_nodes
from helpers import build, build_warnings, bump, copy_root, html, timeline_papers
from papershelf.model.records import Paper, PaperDate, Relation
from papershelf.shelf.view import build_view
from papershelf.site.indexes import kinds as indexes
from papershelf.site.indexes import timeline
from sphinx.testing.util import SphinxTestApp

if TYPE_CHECKING:
    from collections.abc import Iterator

XSS_TITLE = '<script>alert("pwn")</script> & <b>Bold</b>'
XSS_NAME = 'X<S>S & "Q"'


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """tests/roots/test-indexes, built once for the read-only tests."""
    srcdir = copy_root("indexes", tmp_path_factory.mktemp("site"))
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


def soup(app: Any, docname: str) -> BeautifulSoup:
    return BeautifulSoup(html(app, docname), "html.parser")


def chronology(app: Any) -> list[tuple[str, list[str]]]:
    """[(year, [short names in row order])]: the overview's years, in order, each read from its own page."""
    result = []
    for link in soup(app, "chronology").select("table.paper-years tbody tr td:first-child a"):
        page = soup(app, link["href"].removesuffix(".html"))
        section = page.select_one("section.paper-year")
        result.append((link.get_text(), [row.select("td")[1].get_text(strip=True) for row in section.select("tr.paper-row")]))
    return result


def rows_of(app: Any, docname: str, table_class: str) -> list[list[str]]:
    return [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in soup(app, docname).select(f"table.{table_class} tbody tr")]


# -- chronology ------------------------------------------------------------------


def test_chronology_newest_first_ties_by_name_undated_last(site: Any) -> None:
    # Aardvark (tie.md) and Beta share June 2021; the tie is broken by short
    # name, not by file order (beta.md comes first) and not reversed.
    assert chronology(site) == [
        ("2022", [XSS_NAME]),
        ("2021", ["Aardvark", "Beta"]),
        ("2020", ["Alpha"]),
        ("2019", ["Gamma"]),
        ("Undated", ["Nodate"]),
    ]


def test_every_paper_listed_exactly_once(site: Any) -> None:
    names = [name for _, names in chronology(site) for name in names]
    assert sorted(names) == sorted(["Alpha", "Beta", "Gamma", "Aardvark", "Nodate", XSS_NAME])


def test_undated_paper_warns_at_its_page(site: Any) -> None:
    warnings = build_warnings(site)
    assert "papers/undated.md:2: WARNING: no-date: no date" in warnings
    assert "[papershelf.no-date]" in warnings
    # the only other warning is the .bib entry that has no year (why it is undated)
    others = [line for line in warnings.splitlines() if line.strip() and "no-date" not in line]
    assert len(others) == 1 and "bib-no-year" in others[0], warnings


def test_chronology_overview_counts_years_and_links_their_pages(site: Any) -> None:
    page = soup(site, "chronology")
    assert not page.select("tr.paper-row")  # the rows live on the year pages
    rows = rows_of(site, "chronology", "paper-years")
    assert rows[0] == ["2022", "1", "1 read", XSS_NAME]
    assert rows[1] == ["2021", "2", "1 read", "Aardvark, Beta"]  # Beta unread
    assert rows[-1][0] == "Undated"
    assert [a["href"] for a in page.select("table.paper-years a")] == [f"chronology/{y}.html" for y in ("2022", "2021", "2020", "2019", "undated")]
    year = soup(site, "chronology/2021")
    assert year.select_one("h1").get_text().rstrip("¶") == "Papers of 2021"
    assert year.select_one(".paper-group-back a")["href"] == "../chronology.html"
    assert "papershelf-filter.js" in html(site, "chronology/2021") and "papershelf-indexes.css" in html(site, "chronology/2021")
    # the timeline's year headings open the year pages
    assert soup(site, "chronology").select_one("a.tl-year")["href"].startswith("chronology/")


def test_year_pages_are_rewritten_only_when_they_change(make_app: Any, tmp_path: Path) -> None:
    srcdir = copy_root("indexes", tmp_path)
    app, _ = build(make_app, srcdir)
    outdir = Path(app.outdir)
    pages = {year: (outdir / "chronology" / f"{year}.html") for year in ("2019", "2020", "2021", "2022", "undated")}
    stamps = {year: path.stat().st_mtime_ns for year, path in pages.items()}
    build(make_app, srcdir)  # no-op
    assert {year: path.stat().st_mtime_ns for year, path in pages.items()} == stamps
    beta = srcdir / "papers" / "beta.md"
    bump(beta, beta.read_text(encoding="utf-8").replace("status: unread", "status: reading"))
    app, _ = build(make_app, srcdir)
    changed = {year for year, path in pages.items() if path.stat().st_mtime_ns != stamps[year]}
    assert changed == {"2021"}  # only Beta's year
    assert "paper-status-reading" in html(app, "chronology/2021")
    pages["2020"].unlink()  # a missing page is written again
    build(make_app, srcdir)
    assert pages["2020"].is_file()


def test_chronology_row_cells(site: Any) -> None:
    page = soup(site, "chronology/2021")
    assert [th.get_text() for th in page.select("table.paper-chronology")[0].select("thead th")] == ["Month", "Paper", "Title", "Venue", "Status", "Code"]
    beta = page.select_one("section#year-2021 tr.status-unread")
    cells = beta.select("td")
    assert cells[0].get_text(strip=True) == "June"
    assert cells[1].a["href"] == "../papers/beta.html"
    assert cells[2].get_text(" ", strip=True).startswith("Beta: A Better Model")
    assert cells[3].get_text(strip=True) == "Proceedings of Testing"
    assert cells[4].get_text(strip=True) == "unread"
    assert cells[5].a["href"] == "https://github.com/example/beta"
    alpha = soup(site, "chronology/2020").select_one("section#year-2020 tr.paper-row td:nth-of-type(4)")
    assert alpha.get_text(strip=True) == "arXiv"  # the id is the link, not the venue
    assert alpha.a["href"] == "https://arxiv.org/abs/2003.00001"
    undated = soup(site, "chronology/undated").select_one("section#year-undated tr.paper-row")
    assert undated.select("td")[0].get_text(strip=True) == ""
    assert undated.select("td")[5].get_text(strip=True) == ""


def test_rows_carry_filter_classes_and_tag_chips(site: Any) -> None:
    page = soup(site, "chronology/2021")
    beta = page.select_one('table.paper-chronology a[href="../papers/beta.html"]').find_parent("tr")
    assert {"paper-row", "status-unread", "year-2021", "tag-testing", "tag-vision-language"} <= set(beta["class"])
    undated = soup(site, "chronology/undated").select_one("section#year-undated tr.paper-row")
    assert "year-undated" in undated["class"]
    chips = {chip.get_text(): chip.find_parent("a")["href"] for chip in beta.select(".paper-tag")}
    assert chips == {"testing": "../topics.html#topic-testing", "Vision & Language": "../topics.html#topic-vision-language"}
    assert [chip.get_text() for chip in soup(site, "chronology/2022").select(".paper-tag")].count("<i>tag</i>") == 1


def test_filter_script_only_where_a_chronology_is(site: Any) -> None:
    assert "_static/papershelf-filter.js" in html(site, "chronology")
    for docname in ("topics", "queue", "index", "papers/alpha"):
        assert "papershelf-filter.js" not in html(site, docname), docname
    assert "_static/papershelf-indexes.css" in html(site, "topics")
    assert "papershelf-indexes.css" not in html(site, "papers/alpha")
    assert (Path(site.outdir) / "_static/papershelf-filter.js").is_file()
    # no controls in the page itself: the script builds them, so without it nothing is dead
    body = soup(site, "chronology/2021").select_one("div.body, article")
    assert body.select("table.paper-chronology") and not body.select("form, input, select, button")


# -- timeline ----------------------------------------------------------------------


def test_timeline_is_above_the_table_with_linked_marks(site: Any) -> None:
    page = soup(site, "chronology")
    svg = page.select_one("div.paper-timeline svg")
    assert svg["role"] == "img"
    assert "5 dated papers from 2019 to 2022" in svg["aria-label"]
    assert svg.find_next("table", class_="paper-years") is not None  # timeline first
    marks = {a["data-key"]: a for a in svg.select("a.paper-mark")}
    assert set(marks) == {"alpha2020", "beta2021", "gamma2022", "tie2021", "xss2022"}  # not the undated one
    assert marks["alpha2020"]["href"] == "papers/alpha.html"
    assert {"status-read", "year-2020", "tag-testing"} <= set(marks["alpha2020"]["class"])
    assert marks["gamma2022"].title.get_text() == "Gamma (15 January 2019; reading)"
    assert marks["beta2021"].find("text").get_text() == "Beta"
    note = page.select_one(".paper-timeline-note").get_text()
    assert note.startswith("1 undated paper is not drawn")


def test_timeline_arrows_follow_lineage(site: Any) -> None:
    svg = soup(site, "chronology").select_one("div.paper-timeline svg")
    arrows = {(p["data-from"], p["data-to"], p["class"][1]) for p in svg.select("g.tl-arrows path")}
    assert arrows == {
        ("alpha2020", "beta2021", "tl-arrow-updated-version"),  # stated on alpha
        ("gamma2022", "alpha2020", "tl-arrow-variants"),  # gamma has the variant alpha
        ("gamma2022", "xss2022", "tl-arrow-builds-on"),  # stated on xss: earlier -> later
    }
    assert all(p["marker-end"] == "url(#papershelf-tl-head)" for p in svg.select("g.tl-arrows path"))


def test_timeline_escapes_user_text(site: Any) -> None:
    source = html(site, "chronology")
    start = source.index('<svg xmlns="http://www.w3.org/2000/svg" class="paper-timeline-svg"')
    svg_source = source[start: source.index("</svg>", start)]
    assert "<script>" not in svg_source and "<b>" not in svg_source
    assert "&lt;script&gt;alert(" in svg_source
    assert "<script>alert" not in source
    mark = soup(site, "chronology").select_one('a.paper-mark[data-key="xss2022"]')
    assert mark.title.get_text() == f"{XSS_NAME}: {XSS_TITLE} (February 2022; read)"
    assert mark.find("text").get_text() == XSS_NAME
    assert not mark.find("script") and not mark.find("b")
    assert soup(site, "chronology").find("script", string=lambda s: s and "pwn" in s) is None


def test_timeline_layout_stays_bounded_with_two_thousand_papers() -> None:
    view = build_view(timeline_papers(2000), {}, {})
    lay = timeline.layout(view.papers.values())
    assert lay.undated == 1
    assert lay.years == list(range(2024, 2014, -1))  # newest first
    # every dated paper is drawn or counted in a "+N more" mark, none twice
    drawn = [slot.paper.key for slot in lay.slots if slot.paper is not None]
    assert len(drawn) == len(set(drawn))
    assert len(drawn) + sum(slot.grouped for slot in lay.slots) == 2000
    # bounded: at most MAX_PER_MONTH rows per month band, one column per year
    assert max(lay.band_rows.values()) == timeline.MAX_PER_MONTH
    assert lay.height <= timeline.TOP + 12 * (timeline.MAX_PER_MONTH * timeline.ROW + timeline.BAND_GAP) + timeline.BOTTOM
    assert lay.years == sorted(lay.years, reverse=True)  # newest first
    assert lay.width <= timeline.AXIS + sum(lay.column_width.values()) + 8
    assert len(lay.slots) <= 10 * 12 * timeline.MAX_PER_MONTH
    svg = timeline.build_svg(lay, view, lambda p: f"{p.docname}.html", lambda year: f"#year-{year}")
    assert_layout_bounds(lay, svg)
    text = ET.tostring(svg, encoding="unicode")
    ET.fromstring(text)  # well-formed
    assert text.count('class="tl-more"') == 10 * 12
    assert len(text) < 400_000


def assert_layout_bounds(lay: timeline.Layout, svg: ET.Element) -> None:
    """No label cut, overlapping another or leaving its column; no arrow crosses a label."""
    boxes = {id(slot): lay.label_box(slot) for slot in lay.slots}
    for slot in lay.slots:
        left, top, right, bottom = boxes[id(slot)]
        assert lay.column_x(slot.year) <= left and right <= lay.column_x(slot.year) + lay.column_width[slot.year] - timeline.GUTTER // 2
    labels = {text.text for text in svg.iter("{http://www.w3.org/2000/svg}text")} | {text.text for text in svg.iter("text")}
    assert not any(label and "…" in label for label in labels)  # nothing cut short
    shown = [slot for slot in lay.slots if slot.paper is not None]
    for path in svg.iter("path"):
        if "tl-arrow" not in path.get("class", "") or path.get("data-from") is None:
            continue
        segments = _segments(path.get("d", ""))
        for x1, y1, x2, y2 in segments[:-1] if len(segments) > 1 else []:  # the last leg ends at the target
            for slot in shown:
                left, top, right, bottom = boxes[id(slot)]
                crosses = min(x1, x2) < right and max(x1, x2) > left and min(y1, y2) < bottom and max(y1, y2) > top
                assert not crosses, (path.get("data-from"), path.get("data-to"), slot.paper.key if slot.paper else None)


def _segments(d: str) -> list[tuple[float, float, float, float]]:
    """An orthogonal path ``M x,y H x V y ...`` as its segments."""
    ops = re.findall(r"([MHV])\s*(-?[\d.]+)(?:,(-?[\d.]+))?", d)
    assert ops and ops[0][0] == "M"
    x, y = float(ops[0][1]), float(ops[0][2])
    segments = []
    for op, value, _ in ops[1:]:
        nx, ny = (float(value), y) if op == "H" else (x, float(value))
        segments.append((x, y, nx, ny))
        x, y = nx, ny
    return segments


def test_timeline_routes_arrows_around_long_names() -> None:
    """Long names make their column wider; arrows from three years keep off every label."""
    names = ["A very long model name that used to be cut", "DALL-E 2", "Flamingo", "DALL-E 3", "Kosmos-2.5 with a long suffix"]
    dates = [PaperDate(2021, 3), PaperDate(2022, 4), PaperDate(2022, 4), PaperDate(2023, 9), PaperDate(2023)]
    papers = {}
    for index, (name, date) in enumerate(zip(names, dates, strict=True)):
        key = f"k{index}"
        relations = (Relation("updated_version", f"k{index + 1}"),) if index < len(names) - 1 else ()
        papers[f"p/{key}"] = Paper(key=key, docname=f"p/{key}", title=name, short_name=name, status="read", date=date, relations=relations)
    view = build_view(papers, {}, {})
    lay = timeline.layout(view.papers.values())
    assert lay.years == [2023, 2022, 2021]
    assert lay.column_width[2021] > timeline.COLUMN  # grown for the long name, not cut
    assert 0 in lay.band_rows  # the paper dated by year alone has its own band
    svg = timeline.build_svg(lay, view, lambda p: f"{p.docname}.html", lambda year: None)
    assert "no month" in ET.tostring(svg, encoding="unicode")
    assert len([p for p in svg.iter("path") if p.get("data-from")]) == 4
    assert_layout_bounds(lay, svg)


def test_timeline_groups_only_dense_months() -> None:
    papers = {f"d/{i}": Paper(key=f"k{i}", docname=f"d/{i}", title="t", short_name=f"N{i}", status="read", date=PaperDate(2020, 5)) for i in range(timeline.MAX_PER_MONTH)}
    lay = timeline.layout(papers.values())
    assert [slot.grouped for slot in lay.slots] == [0] * timeline.MAX_PER_MONTH
    papers["d/extra"] = Paper(key="kx", docname="d/extra", title="t", short_name="Nx", status="read", date=PaperDate(2020, 5))
    lay = timeline.layout(papers.values())
    assert len(lay.slots) == timeline.MAX_PER_MONTH
    assert lay.slots[-1].paper is None and lay.slots[-1].grouped == 2


# -- the other indexes -----------------------------------------------------------


def test_queue_lists_unread_and_reading_with_progress(site: Any) -> None:
    page = soup(site, "queue")
    assert page.select_one(".paper-queue-progress").get_text() == "3 of 6 read."
    sections = {s["id"]: [row.td.get_text(strip=True) for row in s.select("tbody tr")] for s in page.select("section.paper-queue")}
    assert sections == {"queue-reading": ["Gamma"], "queue-unread": ["Beta", "Nodate"]}


def test_topics_one_section_per_tag(site: Any) -> None:
    page = soup(site, "topics")
    sections = {s["id"]: (s.h2.get_text().rstrip("¶"), [li.a.get_text() for li in s.select("li")]) for s in page.select("section.paper-topic")}
    assert sections == {
        "topic-i-tag-i": ("<i>tag</i>", [XSS_NAME]),
        "topic-testing": ("testing", ["Beta", "Alpha", "Nodate"]),
        # "Vision & Language" and "vision & language" share one section, named
        # as the earliest paper spells it (Aardvark: same month as Beta, sorts first)
        "topic-vision-language": ("vision & language", ["Aardvark", "Beta"]),
        "untagged-papers": ("Untagged", ["Gamma"]),
    }
    assert [a["href"] for a in page.select(".paper-topic-list a")] == ["#topic-i-tag-i", "#topic-testing", "#topic-vision-language"]
    # paper pages link their tags to these sections (crossrefs.py uses indexes.tag_id)
    alpha = soup(site, "papers/alpha")
    assert alpha.find("a", href="../topics.html#topic-testing") is not None


def test_models_index_links_checkpoints_and_papers(site: Any) -> None:
    page = soup(site, "models")
    rows = page.select("table.paper-models-index tbody tr")
    found = []
    for row in rows:
        cells = row.select("td")
        link = cells[0].a
        found.append((cells[0].get_text(strip=True), link["href"] if link else None, cells[2].a["href"]))
    assert found == [
        ("<b>xss-model</b>", "https://huggingface.co/example/xss", "papers/xss.html"),
        ("alpha-base", "https://huggingface.co/example/alpha-base", "papers/alpha.html"),
        ("beta-large", "https://huggingface.co/example/beta-large", "papers/beta.html"),
        ("beta-small", None, "papers/beta.html"),
    ]


def test_code_index_lists_every_repository(site: Any) -> None:
    page = soup(site, "code")
    rows = [(row.td.a["href"], row.td.get_text(strip=True), row.select("td")[1].get_text(strip=True)) for row in page.select("table.paper-code-index tbody tr")]
    assert rows == [
        ("https://github.com/example/alpha", "github.com/example/alpha", "Alpha"),
        ("https://github.com/example/beta", "github.com/example/beta (v1)", "Beta"),
        ("https://github.com/example/beta2", "github.com/example/beta2 (v2)", "Beta"),
        ("https://github.com/example/xss?a=1&b=<2>", "github.com/example/xss?a=1&b=<2>", XSS_NAME),
    ]


def test_architecture_table_one_row_per_paper_with_architecture(site: Any) -> None:
    page = soup(site, "architecture")
    table = page.select_one("table.paper-architecture-index")
    assert [th.get_text() for th in table.select("thead th")] == ["Paper", "Vision encoder", "Language model", "Connector", "Parameters", "Training data"]  # the root's papershelf_facets
    assert rows_of(site, "architecture", "paper-architecture-index") == [
        ["Alpha", "ViT-B/16", "GPT-2", "", "", ""],
        ["Beta", "", "", "Q-Former", "7B", ""],
    ]


#: a class only the index of that kind puts on its own output
KIND_MARKS = {
    "papers": "paper-list",
    "chronology": "paper-chronology",
    "timeline": "paper-timeline",
    "summary": "paper-counts",
    "queue": "paper-queue-table",
    "topics": "paper-topic-list",
    "models": "paper-models-index",
    "code": "paper-code-index",
    "architecture": "paper-architecture-index",
    "references": "paper-references",
    "known-problems": "paper-known-problems",
    "authors": "paper-authors",
    "venues": "paper-venues",
    "citegraph": "paper-citegraph-index",
    "link-report": "paper-link-report",
}


def test_every_kind_is_registered() -> None:
    assert {"chronology", "timeline", "queue", "topics", "models", "code", "architecture"} <= set(indexes.RENDERERS)
    assert set(indexes.KINDS) == set(KIND_MARKS)
    assert all(kind.name == name for name, kind in indexes.KINDS.items())


def test_every_kind_renders_its_own_index(site: Any) -> None:
    """Each name is registered with its own renderer: its output, and no other kind's, carries its mark."""
    view = site.env.get_domain("paper").view
    classes = {
        name: {cls for node in rendered for element in node.findall(docutils_nodes.Element) for cls in element["classes"]}
        for name, kind in indexes.KINDS.items()
        if (rendered := kind.render(site, view, "index"))
    }
    for name, mark in KIND_MARKS.items():
        assert mark in classes[name], f"{name!r} is registered with a renderer that does not draw it"
        assert [other for other in classes if other != name and mark in classes[other]] == [], mark


# -- incremental builds ----------------------------------------------------------


def test_editing_date_status_tags_relations_updates_indexes_and_catalog(make_app, tmp_path: Path) -> None:
    srcdir = copy_root("indexes", tmp_path)
    first, _ = build(make_app, srcdir)
    assert ("2021", ["Aardvark", "Beta"]) in chronology(first)
    beta = srcdir / "papers/beta.md"
    text = beta.read_text()
    edited = (text.replace('date: "2021-06"', 'date: "2023-05"')
                  .replace("status: unread", "status: read")
                  .replace("tags: [testing, Vision & Language]", "tags: [testing, Vision & Language, fresh topic]")
                  .replace("models:", "relations:\n  builds_on: gamma2022\nmodels:"))
    assert edited.count("2023-05") == 1 and "fresh topic" in edited and "builds_on" in edited
    bump(beta, edited)

    app, warnings = build(make_app, srcdir)
    assert "error" not in warnings.lower()
    # chronology: Beta moved to a new 2023 group, with new filter classes
    assert chronology(app)[:3] == [("2023", ["Beta"]), ("2022", [XSS_NAME]), ("2021", ["Aardvark"])]
    row = soup(app, "chronology/2023").select_one("section#year-2023 tr.paper-row")
    assert {"status-read", "year-2023", "tag-fresh-topic"} <= set(row["class"])
    # timeline: the mark moved and the new relation has its arrow
    svg = soup(app, "chronology").select_one("div.paper-timeline svg")
    assert "year-2023" in svg.select_one('a[data-key="beta2021"]')["class"]
    assert svg.select_one('path[data-from="gamma2022"][data-to="beta2021"]') is not None
    # queue and topics
    assert soup(app, "queue").select_one(".paper-queue-progress").get_text() == "4 of 6 read."
    assert "Beta" not in soup(app, "queue").get_text()
    fresh = soup(app, "topics").select_one("section#topic-fresh-topic")
    assert [a.get_text() for a in fresh.select("li a")] == ["Beta"]
    # catalog
    catalog = {p["key"]: p for p in json.loads((Path(app.outdir) / "papers.json").read_text())["papers"]}
    assert catalog["beta2021"]["date"] == "2023-05"
    assert catalog["beta2021"]["status"] == "read"
    assert catalog["beta2021"]["tags"] == ["testing", "Vision & Language", "fresh topic"]
    assert {"kind": "builds_on", "target": "gamma2022"} in catalog["beta2021"]["relations"]

    # deleting a paper drops it from every index and the catalog
    (srcdir / "papers/undated.md").unlink()
    app, _ = build(make_app, srcdir)
    assert "Undated" not in [year for year, _ in chronology(app)]
    assert not (Path(app.outdir) / "chronology" / "undated.html").exists()  # no stale year page
    assert "Nodate" not in soup(app, "topics").get_text()
    assert "undated2000" not in (Path(app.outdir) / "papers.json").read_text()
    assert soup(app, "queue").select_one(".paper-queue-progress").get_text() == "4 of 5 read."


def test_parallel_build_gives_the_same_indexes(make_app, tmp_path: Path) -> None:
    serial, _ = build(make_app, copy_root("indexes", tmp_path / "serial"))
    parallel, warnings = build(make_app, copy_root("indexes", tmp_path / "parallel"), parallel=2)
    assert "papers/undated.md:2: WARNING: no-date" in warnings
    for docname in ("chronology", "chronology/2021", "chronology/undated", "topics", "queue", "models", "code", "architecture"):
        assert html(serial, docname) == html(parallel, docname), docname
    assert (Path(serial.outdir) / "papers.json").read_text() == (Path(parallel.outdir) / "papers.json").read_text()


# -- the filter script in a browser ------------------------------------------------


@pytest.fixture
def served(site: Any) -> Iterator[str]:
    """The built site over HTTP (the overview's filter fetches papers.json)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site.outdir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.browser
def test_filter_narrows_rows_sections_and_marks(site: Any, served: str) -> None:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip("Debian's chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    visible = "() => [...document.querySelectorAll('tr.paper-row')].filter(r => r.offsetParent !== null).map(r => r.cells[1].textContent.trim())"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            # the overview: every paper of the shelf, from papers.json, shown once a filter is set
            page.goto(f"{served}/chronology.html")
            page.wait_for_selector("form.paper-filter")
            assert page.evaluate(visible) == []
            assert page.inner_text(".paper-filter-count") == "All 6 papers"
            page.select_option("select[name=status]", "unread")
            assert page.evaluate(visible) == ["Beta", "Nodate"]
            dimmed = "() => [...document.querySelectorAll('.paper-mark.is-dimmed')].map(m => m.dataset.key).sort()"
            assert page.evaluate(dimmed) == ["alpha2020", "gamma2022", "tie2021", "xss2022"]
            page.select_option("select[name=status]", "")
            page.select_option("select[name=tag]", "vision-language")
            assert page.evaluate(visible) == ["Aardvark", "Beta"]
            labels = page.evaluate("() => [...document.querySelector('select[name=tag]').options].map(o => o.textContent.toLowerCase())")
            assert labels == ["all", "<i>tag</i>", "testing", "vision & language"]
            page.select_option("select[name=tag]", "")
            page.select_option("select[name=year]", "2022")
            assert page.evaluate(visible) == [XSS_NAME]
            page.select_option("select[name=year]", "")
            page.fill("input[name=q]", "aardv")
            assert page.evaluate(visible) == ["Aardvark"]
            assert page.inner_text(".paper-filter-count") == "Showing 1 of 6 papers"
            page.click("tr.paper-row >> text=Aardvark")
            page.wait_for_url("**/papers/tie.html")
            # a year page filters its own rows and hides emptied sections, with no network
            page.goto((Path(site.outdir) / "chronology" / "2021.html").as_uri())
            page.wait_for_selector("form.paper-filter")
            assert page.evaluate(visible) == ["Aardvark", "Beta"]
            page.select_option("select[name=status]", "unread")
            assert page.evaluate(visible) == ["Beta"]
            # the form sits under the page's title, inside its section: the section stays, its rows go
            assert page.evaluate("() => { const f = document.querySelector('form.paper-filter'); return [f.parentNode.tagName, f.parentNode.querySelector('h1').compareDocumentPosition(f) & 4]; }") == ["SECTION", 4]
            page.fill("input[name=q]", "aardv")
            assert page.evaluate(visible) == [] and page.inner_text(".paper-filter-count") == "Showing 0 of 2 papers"
            page.click("button[type=reset]")
            page.wait_for_function("() => document.querySelector('.paper-filter-count').textContent === 'All 2 papers'")
            assert errors == []
        finally:
            browser.close()


def test_editing_a_venue_in_the_bib_refreshes_the_chronology(make_app, tmp_path: Path) -> None:
    srcdir = copy_root("indexes", tmp_path)
    build(make_app, srcdir)
    bib = srcdir / "refs.bib"
    bump(bib, bib.read_text().replace("Proceedings of Testing", "Proceedings of Retesting"))
    app, _ = build(make_app, srcdir)
    venue = soup(app, "chronology/2021").select_one('table.paper-chronology a[href="../papers/beta.html"]').find_parent("tr").select("td")[3]
    assert venue.get_text(strip=True) == "Proceedings of Retesting"


def test_every_index_splits_above_the_threshold(make_app: Any, tmp_path: Path) -> None:
    """With papershelf_split_above = 0, Topics, Models and Code get an overview and one page per group."""
    srcdir = copy_root("indexes", tmp_path)
    app, warnings = build(make_app, srcdir, confoverrides={"papershelf_split_above": 0})
    assert "split-page" not in warnings
    topics = soup(app, "topics")
    rows = {row["id"]: row.a["href"] for row in topics.select("table.paper-groups tbody tr")}
    # old anchors (paper pages link topics.html#topic-x) land on the topic's row
    assert rows["topic-testing"] == "topics/testing.html"
    testing = soup(app, "topics/testing")
    assert [li.a.get_text() for li in testing.select("ul.paper-topic-papers li")] == ["Beta", "Alpha", "Nodate"]
    assert testing.select_one("ul.paper-topic-papers li a")["href"] == "../papers/beta.html"
    models = soup(app, "models")
    assert [row.td.get_text(strip=True) for row in models.select("table.paper-groups tbody tr")] == ["2022", "2021", "2020"]
    assert [row.td.get_text(strip=True) for row in soup(app, "models/2021").select("table.paper-models-index tbody tr")] == ["beta-large", "beta-small"]
    assert soup(app, "code/2021").select_one("table.paper-code-index a")["href"] == "https://github.com/example/beta"
    assert "papershelf-indexes.css" in html(app, "models/2021")
    assert "papershelf-filter.js" not in html(app, "models/2021")
    queue = soup(app, "queue")
    assert queue.select_one(".paper-queue-progress").get_text() == "3 of 6 read."
    assert [row.td.get_text(strip=True) for row in queue.select("table.paper-groups tbody tr")] == ["2021", "2019", "Undated"]
    assert [row.td.get_text(strip=True) for row in soup(app, "queue/2019").select("section#queue-reading tbody tr")] == ["Gamma"]
    assert soup(app, "architecture/2020").select("table.paper-architecture-index tbody tr")
    # below the threshold nothing is split but the chronology
    app, _ = build(make_app, copy_root("indexes", tmp_path / "small"))
    assert soup(app, "models").select("table.paper-models-index") and not (Path(app.outdir) / "models").exists()


def test_a_short_name_that_is_only_the_titles_first_words_is_not_shown_beside_it(site: Any) -> None:
    def paper(title: str, short_name: str) -> Paper:
        return Paper(key="k", docname="papers/k", title=title, short_name=short_name, status="unread")

    assert paper("Evaluating Object Hallucination in Large Vision-Language Models", "Evaluating Object Hallucination in Large").named_by_title
    assert paper("Gamma", "Gamma").named_by_title
    assert not paper("InternVL2.5: Expanding Performance Boundaries", "InternVL2.5").named_by_title  # a name of its own
    assert not paper("Visual Instruction Tuning", "LLaVA").named_by_title
    # Gamma's title is its short name: its list item is the title once, as the link
    [gamma] = [li for li in soup(site, "topics").select("#untagged-papers li")]
    assert gamma.a.get_text() == "Gamma" and "\u2014" not in gamma.get_text()
    assert "Gamma" not in [s.get_text() for s in soup(site, "papers/gamma").select(".paper-short-name")]


def test_topics_that_differ_in_leading_digits_keep_distinct_ids() -> None:
    from papershelf.site.grouping import tag_id, tag_slug

    assert tag_slug("2D detection") == "2d-detection" and tag_slug("3D detection") == "3d-detection"
    assert tag_id("2D detection") != tag_id("3D detection")
    assert tag_slug("Instruction tuning") == "instruction-tuning"  # ids of other topics are unchanged
