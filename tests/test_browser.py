"""The built site in a real browser: Debian's Chromium driven by playwright.

Locally these tests skip when Chromium is missing; in CI (CI=true) a missing
browser is a failure. Screenshots land in test-artifacts/ for the reader of
the test run.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from helpers import REPO

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = REPO / "test-artifacts"


def _require_browser() -> None:
    if Path(CHROMIUM).exists():
        return
    message = "Debian's chromium is not installed (apt-get install chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(message + "; CI must install it (see .ci/run)")
    pytest.skip(message)


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once."""
    _require_browser()
    out = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-W", "-j", "2", "-c", str(REPO), "-b", "html", str(REPO / "docs"), str(out)],
        check=True,
    )
    return out


@pytest.fixture(scope="module")
def site(site_dir: Path) -> Iterator[str]:
    """The real site, served on 127.0.0.1."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser(site: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser: Any, site: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.console_errors = errors
    page.site = site
    try:
        yield page
    finally:
        context.close()


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _pagefind_results(page: Any, query: str) -> list[str]:
    """The search page's result links (Pagefind's UI), once they are in."""
    page.goto(f"{page.site}/search.html?q={query}")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    page.wait_for_load_state("networkidle")
    links = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => new URL(e.href).pathname)")
    return [link.lstrip("/") for link in links]


def test_search_finds_both_llava_papers(page: Any, site: str) -> None:
    """The search page runs on Pagefind: no searchindex.js, Sphinx's search is not built."""
    hrefs = _pagefind_results(page, "LLaVA")
    assert {"papers/llava.html", "papers/llava-1.5.html"} <= set(hrefs)
    assert page.request.get(f"{site}/searchindex.js").status == 404
    assert page.console_errors == []


RANKED = [
    ("Flamingo", "papers/flamingo.html"),
    ("CogVLM", "papers/cogvlm.html"),
    ("LLaVA", "papers/llava.html"),  # not LLaVA-1.5, whose name holds it
    ("CLIP", "papers/clip.html"),  # not DALL-E 2, whose title holds it
    ("LLaVA-v1.5", "papers/llava-1.5.html"),  # an alias
    ("2304.08485", "papers/llava.html"),  # an arXiv id that is not shown on the page (NeurIPS)
    ("arXiv:2304.08485", "papers/llava.html"),
    ("Visual instruction tuning", "papers/llava.html"),  # a title
]


@pytest.mark.parametrize("width", [1280, 390])
def test_searching_a_paper_name_finds_its_page_first(browser: Any, site: str, width: int) -> None:
    """A paper's name, alias, title or arXiv id finds its own page first, on a desktop and on a phone;
    index pages (overviews and their generated pages) stay out of the search index."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.site = site
        for query, first in RANKED:
            hrefs = _pagefind_results(page, query)
            assert hrefs and hrefs[0] == first, (query, hrefs[:5])
            assert not any(href.startswith(("chronology", "topics", "models", "papers.html", "queue", "code")) for href in hrefs), query
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        _shot(page, f"search-ranking-{width}")
    finally:
        context.close()


def _excerpts(page: Any) -> dict[str, str]:
    """Result path -> its snippet as shown."""
    links = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => new URL(e.href).pathname.slice(1))")
    return dict(zip(links, page.locator(".pagefind-ui__result-excerpt").all_inner_texts(), strict=True))


def test_search_snippets_quote_the_paper_not_its_bibtex(page: Any, site: str) -> None:
    hrefs = _pagefind_results(page, "inproceedings")
    assert not any(href.startswith("papers/") for href in hrefs), hrefs
    _pagefind_results(page, "Vicuna")  # in LLaVA's architecture table: found, but the table is no snippet
    excerpts = _excerpts(page)
    assert "papers/llava.html" in excerpts
    assert not any("@" in text or "booktitle" in text for text in excerpts.values())
    assert "Language model" not in excerpts["papers/llava.html"]
    # A paper's name is in no sentence of its page: the snippet is its own text (here, without an
    # abstract or notes, its reference), not the hidden line of names and arXiv ids that ranks it,
    # nor its title, status and links.
    for query in ("LLaVA", "2304.08485"):
        _pagefind_results(page, query)
        excerpt = _excerpts(page)["papers/llava.html"]
        assert excerpt == "Liu, H., Li, C., Wu, Q., & Lee, Y. J. (2023). Visual Instruction Tuning. NeurIPS.", excerpt


#: facet, a value of it, a paper found for "language" that has it and one that has not (docs/papers)
FACETS = [
    ("topic", "instruction tuning", "papers/llava.html", "papers/clip.html"),
    ("year", "2023", "papers/llava.html", "papers/clip.html"),
    ("venue", "NeurIPS", "papers/llava.html", "papers/llava-1.5.html"),
    ("status", "unread", "papers/minigpt-4.html", "papers/llava.html"),
]


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(("facet", "value", "kept", "dropped"), FACETS)
def test_search_facets_narrow_the_results(browser: Any, site: str, width: int, facet: str, value: str, kept: str, dropped: str) -> None:
    """Topic, year, venue and status facets each leave the papers that have the value; at 390 px the page still fits the screen."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.site = site
    try:
        _pagefind_results(page, "language")
        before = _result_count(page)
        names = page.locator(".pagefind-ui__filter-name").all_inner_texts()
        assert {name.strip().lower() for name in names} >= {"topic", "year", "venue", "status"}
        page.locator("summary.pagefind-ui__filter-name", has_text=facet.capitalize()).click()
        page.check(f"input.pagefind-ui__filter-checkbox[name='{facet}'][value='{value}']")
        page.wait_for_function(f"() => (document.querySelector('.pagefind-ui__message') || {{}}).textContent?.match(/^\\d+ result/) && parseInt(document.querySelector('.pagefind-ui__message').textContent) < {before}", timeout=10000)
        count = _result_count(page)
        # Pagefind's UI shows results as their fragments arrive, ten at a time
        page.wait_for_function(f"() => document.querySelectorAll('.pagefind-ui__result-link').length >= {min(count, 10)}", timeout=10000)
        while page.locator(".pagefind-ui__button").count():
            page.click(".pagefind-ui__button")  # "Load more results"
            page.wait_for_load_state("networkidle")
        page.wait_for_function(f"() => document.querySelectorAll('.pagefind-ui__result-link').length === {count}", timeout=10000)
        after = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => new URL(e.href).pathname.slice(1))")
        assert 0 < count < before and len(after) == count
        assert kept in after and dropped not in after
        for href in after:  # every result has the value: its page declares it
            assert f'data-pagefind-filter="{facet}">{value}<' in page.request.get(f"{site}/{href}").text(), href
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        _shot(page, f"search-facet-{facet}-{width}")
    finally:
        page.close()


def _result_count(page: Any) -> int:
    """"12 results for visual": Pagefind's count of the results (it shows ten at a time)."""
    page.wait_for_function("() => /^\\d+ results? for/.test((document.querySelector('.pagefind-ui__message') || {}).textContent || '')")
    return int(page.inner_text(".pagefind-ui__message").split()[0])


def test_sidebar_search_box_sends_its_query_to_pagefind(page: Any, site: str) -> None:
    page.goto(f"{site}/index.html")
    box = page.locator("input.sidebar-search")
    box.fill("CogVLM")
    box.press("Enter")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    assert page.input_value(".pagefind-ui__search-input") == "CogVLM"
    assert new_path(page.eval_on_selector(".pagefind-ui__result-link", "e => e.href")) == "/papers/cogvlm.html"


def new_path(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).path


def test_copy_button_copies_the_bibtex_entry(page: Any, site: str) -> None:
    page.goto(f"{site}/papers/llava.html")
    block = page.locator(".paper-bibtex .highlight")
    block.hover()
    block.locator("button.copybtn").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("@inproceedings{liu2023llava,")
    assert "Visual Instruction Tuning" in copied
    _shot(page, "paper-page")


def test_landing_page_and_no_console_errors_anywhere(page: Any, site: str) -> None:
    out_pages = ["index.html", "papers.html", "chronology.html", "history.html", "references.html",
                 "schema.html", "data-notes.html", "papers/llava.html", "papers/flamingo.html"]
    for name in out_pages:
        page.goto(f"{site}/{name}")
        page.wait_for_load_state("load")
        if name == "index.html":
            assert "19 papers on the shelf" in page.inner_text("article")
            _shot(page, "landing-page")
        if name == "chronology.html":
            _shot(page, "chronology")
    assert page.console_errors == []


@pytest.mark.parametrize("width", [1280, 390])
def test_chronology_filter_narrows_the_rows(browser: Any, site: str, width: int) -> None:
    """The overview lists years; its filter searches all 19 papers, on a desktop and on a phone."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(f"{site}/chronology.html")
        page.wait_for_selector("form.paper-filter")
        visible = "els => els.filter(e => e.offsetParent !== null).length"
        assert page.eval_on_selector_all("tr.paper-row", visible) == 0  # no filter: the year table only
        assert page.inner_text(".paper-filter-count") == "All 19 papers"
        page.select_option("select[name=status]", "unread")
        page.wait_for_function("() => /^Showing \\d+ of/.test(document.querySelector('.paper-filter-count').textContent)")
        unread = page.eval_on_selector_all("tr.paper-row", visible)
        assert 0 < unread < 19
        assert page.eval_on_selector_all("tr.paper-row.status-read", visible) == 0
        page.select_option("select[name=status]", "")
        page.select_option("select[name=tag]", "efficient-models")
        page.wait_for_function("() => /^Showing \\d+ of/.test(document.querySelector('.paper-filter-count').textContent)")
        rows = page.eval_on_selector_all("tr.paper-row", "rs => rs.filter(r => r.offsetParent !== null).map(r => r.className)")
        assert 0 < len(rows) < 19 and all("tag-efficient-models" in row.split() for row in rows)
        page.select_option("select[name=tag]", "")
        page.fill("input[type=search]", "LLaVA")
        names = page.eval_on_selector_all(
            "tr.paper-row", "els => els.filter(e => e.offsetParent !== null).map(e => e.cells[1].innerText.trim())"
        )
        assert set(names) == {"LLaVA", "LLaVA-1.5", "MoE-LLaVA"}
        assert page.evaluate(PHONE_CHECK) == []
        _shot(page, f"chronology-filter-{width}")
        # a year page filters its own rows
        page.goto(f"{site}/chronology/2023.html")
        page.wait_for_selector("form.paper-filter")
        assert page.eval_on_selector_all("tr.paper-row", visible) == 11
        page.fill("input[type=search]", "LLaVA")
        assert page.eval_on_selector_all("tr.paper-row", visible) == 2
        assert page.evaluate(PHONE_CHECK) == []
        assert errors == []
    finally:
        context.close()


PHONE_CHECK = """() => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    if (document.documentElement.scrollWidth > width) problems.push("page " + document.documentElement.scrollWidth);
    // a cell is never cut off: its table fits, or scrolls inside a wrapper
    for (const table of document.querySelectorAll("article table")) {
        const box = table.parentElement;
        const scrolls = ["auto", "scroll"].includes(getComputedStyle(box).overflowX);
        if (table.offsetWidth > box.clientWidth + 1 && !scrolls) problems.push("table " + table.className);
        if (box.getBoundingClientRect().right > width + 1) problems.push("wrapper " + table.className);
    }
    for (const element of document.querySelectorAll(".paper-status, .tl-legend .tl-key, .paper-timeline, form.paper-filter, form.paper-filter select, form.paper-filter input")) {
        const r = element.getBoundingClientRect();
        if (r.width && (r.right > width + 1 || r.left < -1) && !element.closest(".table-wrapper")) problems.push(element.className);
    }
    return problems;
}"""


def test_a_long_topic_keeps_the_filter_on_one_row(browser: Any, site: str) -> None:
    """A list's long section name as a topic (the eight shared lists have some of 100 characters) widened the
    Topic select and its label to the form's width, stacking the fields at 1280 px; the fields stay on one row."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{site}/chronology.html")
        page.wait_for_selector("form.paper-filter select[name=tag]")
        page.evaluate("""() => { const option = document.createElement('option');
            option.textContent = 'Retrieval-augmented generation for knowledge-intensive multimodal question answering in the wild';
            document.querySelector('select[name=tag]').append(option); }""")
        tops = page.evaluate("""() => ['input[type=search]', 'select[name=tag]', 'select[name=year]']
            .map(s => Math.round(document.querySelector('form.paper-filter ' + s).getBoundingClientRect().top))""")
        assert max(tops) - min(tops) < 20, tops
    finally:
        page.close()


@pytest.mark.parametrize("name", ["index", "papers/llava", "chronology", "chronology/2023", "papers", "architecture", "models"])
def test_phone_layout_fits_the_screen(browser: Any, site: str, name: str) -> None:
    """At 390 px no page is wider than the screen and no cell is clipped."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    try:
        page = context.new_page()
        page.goto(f"{site}/{name}.html")
        page.wait_for_load_state("load")
        if name.startswith("chronology"):
            page.wait_for_selector("form.paper-filter")
            # a shelf's longest topic sizes the Topic select: it must not run past the screen
            page.evaluate("""() => document.querySelector("select[name=tag]").add(new Option("a topic with a name long enough to run past a phone's screen", "long"))""")
        assert page.evaluate(PHONE_CHECK) == []
        # the first column stays in view while a wide table scrolls
        sticky = page.evaluate("() => [...document.querySelectorAll('.paper-table-wrapper td:first-child')].slice(0, 1).map(td => getComputedStyle(td).position)")
        assert sticky in ([], ["sticky"])
        if name in ("index", "papers/llava", "chronology"):
            _shot(page, f"phone-{name.replace('/', '-')}")
    finally:
        context.close()


TIMELINE_BOXES = """() => {
    const svg = document.querySelector(".paper-timeline svg");
    const labels = [...svg.querySelectorAll("text.tl-label")].map(t => {
        const b = t.getBBox();
        return {text: t.textContent, key: t.closest("a") && t.closest("a").dataset.key, x: b.x, y: b.y, r: b.x + b.width, b: b.y + b.height};
    });
    const arrows = [...svg.querySelectorAll("g.tl-arrows path")].map(p => {
        const total = p.getTotalLength();
        const end = p.getPointAtLength(total);
        const points = [];
        for (let at = 0; at <= total; at += 2) { const q = p.getPointAtLength(at); points.push([q.x, q.y]); }
        return {from: p.dataset.from, to: p.dataset.to, points: points, end: [end.x, end.y]};
    });
    return {labels: labels, arrows: arrows, width: svg.getBBox().width};
}"""


def test_timeline_labels_are_whole_and_arrows_avoid_them(page: Any, site: str) -> None:
    """Measured in the browser at 19 papers: no label cut or overlapping, no arrow through a name."""
    page.goto(f"{site}/chronology.html")
    found = page.evaluate(TIMELINE_BOXES)
    labels = found["labels"]
    assert len(labels) == 19 and not any("…" in label["text"] for label in labels)
    assert "Flamingo" in {label["text"] for label in labels}
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            assert a["r"] <= b["x"] or b["r"] <= a["x"] or a["b"] <= b["y"] or b["b"] <= a["y"], (a["text"], b["text"])
    # the month axis: every label whole inside the picture ("no month" was drawn as "o month")
    axis = page.evaluate("() => [...document.querySelectorAll('.paper-timeline text.tl-axis-label')].map(t => [t.textContent, t.getBBox().x])")
    assert axis and all(x >= 0 for _, x in axis), axis
    for arrow in found["arrows"]:
        end_y = arrow["end"][1]
        for x, y in arrow["points"]:
            if abs(y - end_y) < 0.5:
                continue  # the last leg, level with its target, runs into it
            for label in labels:
                inside = label["x"] + 1 < x < label["r"] - 1 and label["y"] + 1 < y < label["b"] - 1
                assert not inside, (arrow["from"], arrow["to"], label["text"])


#: what the reader would see wrong in a drawn timeline: labels cut, overlapping, arrows through names
TIMELINE_PROBLEMS = """() => {
    const svg = document.querySelector(".paper-timeline svg");
    const boxes = [...svg.querySelectorAll("text.tl-label")].map(t => {
        const b = t.getBBox();
        return {text: t.textContent, x: b.x, y: b.y, r: b.x + b.width, b: b.y + b.height};
    });
    const problems = [];
    boxes.forEach((a, i) => {
        if (a.text.includes("…")) problems.push("cut: " + a.text);
        for (const b of boxes.slice(i + 1)) {
            if (!(a.r <= b.x || b.r <= a.x || a.b <= b.y || b.b <= a.y)) problems.push("overlap: " + a.text + " / " + b.text);
        }
    });
    for (const axis of svg.querySelectorAll("text.tl-axis-label")) {
        if (axis.getBBox().x < 0) problems.push("axis label cut: " + axis.textContent);  // "no month" drawn as "o month"
    }
    for (const path of svg.querySelectorAll("g.tl-arrows path")) {
        const total = path.getTotalLength();
        const endY = path.getPointAtLength(total).y;
        for (let at = 0; at <= total; at += 2) {
            const q = path.getPointAtLength(at);
            if (Math.abs(q.y - endY) < 0.5) continue;  // the last leg, level with its target, runs into it
            const hit = boxes.find(l => l.x + 1 < q.x && q.x < l.r - 1 && l.y + 1 < q.y && q.y < l.b - 1);
            if (hit) { problems.push("arrow " + path.dataset.from + "->" + path.dataset.to + " through " + hit.text); break; }
        }
    }
    return {labels: boxes.length, problems: problems, years: [...svg.querySelectorAll(".tl-year-label")].map(t => t.textContent)};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_timeline_of_two_thousand_papers_reads_in_the_browser(browser: Any, site: str, site_dir: Path, scheme: str) -> None:
    """The layout's bounds, measured on the text as Chromium draws it with the site's fonts and styles."""
    from helpers import timeline_papers
    from papershelf.model.records import Paper, PaperDate
    from papershelf.shelf.view import build_view
    from papershelf.site.indexes import timeline

    papers = timeline_papers(2000, name="Model {} with a longer name")
    # dated by year alone: the "no month" band, whose axis label must be drawn whole
    papers["papers/yearonly"] = Paper(key="yearonly", docname="papers/yearonly", title="Y", short_name="Year only", status="read", date=PaperDate(2020))
    view = build_view(papers, {}, {})
    svg = timeline.build_svg(timeline.layout(view.papers.values()), view, lambda p: f"{p.docname}.html", lambda year: f"#year-{year}")
    (site_dir / "timeline-2000.html").write_text(
        '<!doctype html><html><head><meta charset="utf-8">'
        '<link rel="stylesheet" href="_static/styles/furo.css"><link rel="stylesheet" href="_static/papershelf-indexes.css">'
        f'</head><body data-theme="{scheme}"><article><div class="paper-timeline">{ET.tostring(svg, encoding="unicode")}</div></article></body></html>',
        encoding="utf-8",
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(f"{site}/timeline-2000.html")
        found = page.evaluate(TIMELINE_PROBLEMS)
        assert found["labels"] > 300 and found["problems"] == []
        assert [year[:4] for year in found["years"][:2]] == ["2024", "2023"]  # newest first
        _shot(page, f"timeline-2000-{scheme}")
    finally:
        context.close()


def test_timeline_marks_are_working_links(page: Any, site: str) -> None:
    page.goto(f"{site}/chronology.html")
    marks = page.eval_on_selector_all(".paper-timeline a.paper-mark", "els => els.map(e => e.getAttribute('href'))")
    assert len(marks) == 19
    page.click('.paper-timeline a.paper-mark[href="papers/flamingo.html"]')
    page.wait_for_url("**/papers/flamingo.html")
    assert page.inner_text("h1").startswith("Flamingo")


def _contrast(page: Any, selector: str) -> float:
    """WCAG contrast between an SVG text's fill and the page background."""
    return float(page.evaluate(
        """selector => {
            const parse = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
            const lum = rgb => {
                const [r, g, b] = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const text = getComputedStyle(document.querySelector(selector)).fill;
            const back = getComputedStyle(document.body).backgroundColor;
            const [a, b] = [lum(parse(text)), lum(parse(back))].sort((x, y) => y - x);
            return (a + 0.05) / (b + 0.05);
        }""",
        selector,
    ))


def test_dark_mode_keeps_the_timeline_readable(page: Any, site: str) -> None:
    page.goto(f"{site}/chronology.html")
    label = ".paper-timeline a.paper-mark text"
    light = _contrast(page, label)
    page.evaluate("document.body.dataset.theme = 'dark'")
    page.wait_for_timeout(100)
    dark = _contrast(page, label)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)"  # dark mode really applied
    assert light >= 4.5 and dark >= 4.5, (light, dark)
    _shot(page, "chronology-dark")


# -- issue 14: BibTeX of the selection, .bib per topic, the feed ----------------

BIB_KEY = re.compile(r"^@\w+\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)


def _keys_by_url(page: Any, site: str) -> dict[str, str]:
    papers = page.request.get(f"{site}/papers.json").json()["papers"]
    return {f"{site}/{paper['url']}": paper["key"] for paper in papers}


def _shown_keys(page: Any, site: str, selector: str) -> list[str]:
    """Keys of the papers whose links the visible elements matching ``selector`` hold."""
    by_url = _keys_by_url(page, site)
    hrefs = page.eval_on_selector_all(
        selector,
        # a row of a year page links its paper through a .paper-ref; a row the overview's filter built from papers.json, plainly
        "els => els.filter(e => e.offsetParent !== null).map(e => (e.querySelector('a .paper-ref') || e.querySelector('a')).closest('a').href.split('#')[0])",
    )
    return [by_url[href] for href in hrefs]


def test_bibtex_of_the_filtered_selection(page: Any, site: str) -> None:
    page.goto(f"{site}/chronology.html")
    toggle = page.locator("button.paper-bib-toggle")
    assert toggle.inner_text().endswith("BibTeX (19)")
    page.fill("input[type=search]", "LLaVA")
    page.wait_for_function("() => document.querySelector('button.paper-bib-toggle').textContent === 'BibTeX (3)'")
    shown = _shown_keys(page, site, "tr.paper-row")
    assert sorted(shown) == ["lin2024moellava", "liu2023improvedllava", "liu2023llava"]
    toggle.click()
    text = page.locator(".paper-bib-panel textarea")
    page.wait_for_function("() => document.querySelector('.paper-bib-panel textarea').value.length > 0")
    assert BIB_KEY.findall(text.input_value()) == shown
    with page.expect_download() as info:
        page.click("a.paper-bib-file")
    download = info.value
    assert download.suggested_filename == "llava.bib"
    assert BIB_KEY.findall(Path(download.path()).read_text(encoding="utf-8")) == shown
    page.click(".paper-bib-actions button")
    assert page.evaluate("navigator.clipboard.readText()") == text.input_value()
    # Every entry is the exact text of references.bib.
    source = (REPO / "references.bib").read_text(encoding="utf-8")
    assert all(chunk in source for chunk in text.input_value().strip().split("\n\n"))
    _shot(page, "chronology-bibtex-selection")

    # Another filter: the count, the text and the file name follow it.
    page.fill("input[type=search]", "")
    page.select_option("select[name=tag]", "efficient-models")
    page.wait_for_function("() => !document.querySelector('.paper-bib-panel textarea').value.includes('liu2023llava')")
    shown = _shown_keys(page, site, "tr.paper-row")
    assert 0 < len(shown) < 19
    assert toggle.inner_text() == f"BibTeX ({len(shown)})"
    assert BIB_KEY.findall(text.input_value()) == shown
    assert page.get_attribute("a.paper-bib-file", "download") == "topic-efficient-models.bib"
    assert page.console_errors == []


def test_bibtex_of_a_year_pages_selection(page: Any, site: str) -> None:
    """A year page of the chronology offers "BibTeX (N)" of the rows its filter leaves, as the overview does."""
    page.goto(f"{site}/chronology/2023.html")
    count = page.locator("tr.paper-row").count()
    toggle = page.locator("button.paper-bib-toggle")
    assert count > 2 and toggle.inner_text().endswith(f"BibTeX ({count})")
    page.fill("input[type=search]", "LLaVA")
    page.wait_for_function(f"() => document.querySelector('button.paper-bib-toggle').textContent !== 'BibTeX ({count})'")
    shown = _shown_keys(page, site, "tr.paper-row")
    assert sorted(shown) == ["liu2023improvedllava", "liu2023llava"]
    toggle.click()
    page.wait_for_function("() => document.querySelector('.paper-bib-panel textarea').value.length > 0")
    assert BIB_KEY.findall(page.locator(".paper-bib-panel textarea").input_value()) == shown
    assert page.console_errors == []


def test_every_topic_bib_holds_exactly_its_papers(page: Any, site: str) -> None:
    page.goto(f"{site}/topics.html")
    sections = page.eval_on_selector_all(
        "section.paper-topic",
        "els => els.map(s => [s.id, (s.querySelector('a.paper-bib-download') || {}).href || null])",
    )
    by_url = _keys_by_url(page, site)
    checked = 0
    for ident, href in sections:
        if ident == "untagged-papers":
            continue
        assert href, f"{ident} has no .bib link"
        hrefs = page.eval_on_selector_all(f"section#{ident} li a .paper-ref", "els => els.map(e => e.closest('a').href.split('#')[0])")
        response = page.request.get(href)
        assert response.ok
        assert BIB_KEY.findall(response.text()) == [by_url[h] for h in hrefs], ident
        checked += 1
    assert checked >= 5


def test_landing_page_links_a_valid_feed_of_every_paper(page: Any, site: str) -> None:
    page.goto(f"{site}/index.html")
    href = page.eval_on_selector('link[rel=alternate][type="application/atom+xml"]', "e => e.href")
    root = ET.fromstring(page.request.get(href).body())
    atom = "{http://www.w3.org/2005/Atom}"
    entries = root.findall(f"{atom}entry")
    assert len(entries) == 19
    pages = {urljoin(href, next(link.get("href") for link in e.findall(f"{atom}link") if link.get("rel") == "alternate")) for e in entries}
    assert pages == set(_keys_by_url(page, site))


# -- a synthetic shelf too big to load whole: the filter loads years on demand ------------


SYNTH_N = 300


@pytest.fixture(scope="module")
def synth_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    """bench/synth.py's shelf of 300 papers (its year files pass the filter's up-front size), served."""
    _require_browser()
    from bench import browser as bench_browser
    from bench import synth

    shelf = synth.generate(SYNTH_N, seed=1)
    project = synth.write_shelf(shelf, tmp_path_factory.mktemp("synth") / "shelf")
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-W", "-j", "2", "-c", ".", "-b", "html", "docs", "_build/html"], cwd=project, check=True)
    with bench_browser.serve(project / "_build" / "html") as base:
        yield base.rstrip("/"), shelf


@pytest.mark.parametrize("width", [1280, 390])
def test_filter_loads_only_the_years_it_needs(browser: Any, synth_site: tuple[str, Any], width: int) -> None:
    base, shelf = synth_site
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        fetched: list[str] = []
        page.on("request", lambda request: fetched.append(request.url))
        page.goto(f"{base}/chronology.html", wait_until="networkidle")
        page.wait_for_selector("form.paper-filter")
        assert page.inner_text(".paper-filter-count") == f"All {SYNTH_N} papers"
        years = [url for url in fetched if "/papers-by-year/" in url]
        assert [url.rsplit("/", 1)[1] for url in years] == ["index.json"]  # no paper loaded before a filter
        assert not any("papers.json" in url for url in fetched)
        index = page.request.get(f"{base}/papers-by-year/index.json").json()
        tag, label = index["tags"][0]
        holding = {year["year"] for year in index["years"] if year["tags"].get(tag)}
        page.select_option("select[name=tag]", tag)
        page.wait_for_function("() => /^Showing \\d+ of/.test(document.querySelector('.paper-filter-count').textContent)")
        loaded = {url.rsplit("/", 1)[1].split(".json")[0] for url in fetched if "/papers-by-year/" in url} - {"index"}
        assert loaded == holding  # the years holding the topic, no other
        rows = page.eval_on_selector_all("tr.paper-row", "rs => rs.filter(r => r.offsetParent !== null).map(r => r.className)")
        tagged = sum(1 for p in shelf.papers if label in p.tags)
        assert len(rows) == tagged and all(f"tag-{tag}" in row.split() for row in rows)
        assert page.inner_text(".paper-filter-count") == f"Showing {tagged} of {SYNTH_N} papers"
        toggle = page.locator("button.paper-bib-toggle")
        page.wait_for_function(f"() => document.querySelector('button.paper-bib-toggle').textContent === 'BibTeX ({tagged})'")
        toggle.click()
        page.wait_for_function("() => document.querySelector('.paper-bib-panel textarea').value.length > 0")
        assert len(BIB_KEY.findall(page.locator(".paper-bib-panel textarea").input_value())) == tagged
        scripts = {url.rsplit("/", 1)[1].split(".js")[0] for url in fetched if "/papershelf-bibtex/" in url}
        assert scripts == holding  # the BibTeX of those years only
        assert page.evaluate(PHONE_CHECK) == []
        _shot(page, f"synth-chronology-filter-{width}")
    finally:
        context.close()


def test_search_ranks_a_synthetic_papers_page_first(browser: Any, synth_site: tuple[str, Any]) -> None:
    base, shelf = synth_site
    page = browser.new_page()
    page.site = base
    try:
        for paper in (shelf.papers[7], shelf.papers[150], next(p for p in shelf.papers if p.short_name.endswith("V2"))):
            hrefs = _pagefind_results(page, paper.short_name)
            assert hrefs[0] == f"papers/{paper.slug}.html", (paper.short_name, hrefs[:3])
        # A paper with notes: its snippet for its name is cut from its own text, after its reference.
        noted = next(p for p in shelf.papers if p.notes and p.short_name.isalnum())
        hrefs = _pagefind_results(page, noted.short_name)
        assert hrefs[0] == f"papers/{noted.slug}.html"
        excerpt = page.locator(".pagefind-ui__result-excerpt").first.inner_text()
        page.goto(f"{base}/papers/{noted.slug}.html")
        own = f"{page.inner_text('.paper-reference')} {noted.notes}".split()
        # its reference, then its notes, around the name in the reference's title: no name line, status or links
        start = max(0, next(i for i, word in enumerate(own) if word.lower().startswith(noted.short_name.lower())) - 10)
        assert excerpt.split() == own[start:start + 30], excerpt
        assert noted.notes.split()[0] in excerpt.split()
    finally:
        page.close()
