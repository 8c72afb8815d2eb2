"""The ``link-report`` index: link-report.json on a maintainers page (issue 24, item 3)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from helpers import build, bump, copy_root, html
from papershelf.shelf import linkreport
from papershelf.site.indexes.linkreport import HOW_TO_MAKE

PAGE = "# For maintainers\n\n## Link health\n\n```{paper-index} link-report\n```\n"


def report_text(links: list[dict[str, object]], checked: str = "2026-03-02") -> str:
    """A report in the layout ``check --links`` writes: the head, then one link a line."""
    head = json.dumps({"version": 1, "checked": checked, "about": "test"})
    return head[:-1] + ', "links": [\n' + ",\n".join(json.dumps(link) for link in links) + "\n]}\n"


def link(url: str, state: str, used: list[list[object]], detail: str = "", checked: str = "2026-03-01") -> dict[str, object]:
    return {"url": url, "state": state, "detail": detail, "checked": checked, "used": used}


def maintained_root(tmp_path: Path, report: str | None) -> Path:
    root = copy_root("basic", tmp_path)
    (root / "maintainers.md").write_text(PAGE, encoding="utf-8")
    index = root / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("refs\n", "refs\nmaintainers\n"), encoding="utf-8")
    if report is not None:
        (root / linkreport.FILE_NAME).write_text(report, encoding="utf-8")
    return root


def one(page: Any, selector: str) -> Any:
    """The one element ``selector`` finds (fails the test when there is none)."""
    found = page.select_one(selector)
    assert found is not None, selector
    return found


def rows(page: BeautifulSoup) -> list[list[str]]:
    """[state, url, detail and day, places] of each listed link, in order."""
    found = []
    for group in page.select(".paper-link-report ul.paper-link-list"):
        state = next(str(c) for c in group["class"] if c.startswith("paper-link-") and c != "paper-link-list").removeprefix("paper-link-")
        for item in group.select(":scope > li"):
            found.append([state, one(item, "a.paper-link-url").get_text(), one(item, ".paper-link-result").get_text(),
                          " ".join(one(item, ".paper-link-places").get_text().split())])
    return found


GOOD = [
    link("https://example.org/alive", "ok", [["papers/alpha.md", 9]], "HTTP 200"),
    link("https://example.org/gone", "dead", [["papers/alpha.md", 7], ["refs.bib", 1]], "HTTP 404"),
    link("https://arxiv.org/abs/2003.00001", "moved", [["papers/beta.md", 8]], "redirects to https://arxiv.org/abs/2003.99999 (another paper)"),
    link("https://example.org/robots", "unknown", [["papers/gamma.md", 6]], "HTTP 403"),
    link("https://example.org/slow", "unknown", [["papers/gamma.md", 7]], "no answer within 15 s"),
]


def test_the_page_lists_dead_and_moved_links_at_file_and_line(make_app, tmp_path: Path) -> None:
    app, warnings = build(make_app, maintained_root(tmp_path, report_text(GOOD)))
    assert warnings == "", warnings
    page = BeautifulSoup(html(app, "maintainers"), "html.parser")
    counts = one(page, ".paper-link-counts").get_text(" ", strip=True)
    assert counts.startswith("5 links checked on 2 March 2026")
    assert "1 dead, 1 moved to another paper, 1 alive, 2 unknown" in counts
    found = rows(page)
    assert [row[0] for row in found] == ["dead", "moved"]  # dead first; ok and unknown only counted
    assert found[0][1] == "https://example.org/gone" and found[0][2] == "https://example.org/gone — HTTP 404 (checked 2026-03-01)"
    assert found[0][3] == "Used at papers/alpha.md:7, refs.bib:1"
    assert found[1][3] == "Used at papers/beta.md:8"
    groups = [p.get_text() for p in page.select(".paper-link-group")]
    assert groups[0].startswith("Dead links (1): ") and "replace each" in groups[0]
    assert groups[1].startswith("Links that lead to another paper (1): ")
    # a file that is a page of the site links to it; the link itself is a link
    place = page.select(".paper-link-list > li")[0].select(".paper-link-places a")
    assert [a["href"] for a in place] == ["papers/alpha.html"]
    assert one(page, "a.paper-link-url")["href"] == "https://example.org/gone"
    assert "example.org/alive" not in str(one(page, ".paper-link-report"))


def test_no_report_says_how_to_make_one_and_an_edit_rebuilds_the_page(make_app, tmp_path: Path) -> None:
    root = maintained_root(tmp_path, None)
    app, warnings = build(make_app, root)
    assert warnings == "", warnings
    page = BeautifulSoup(html(app, "maintainers"), "html.parser")
    assert " ".join(one(page, ".paper-link-report").get_text().split()) == HOW_TO_MAKE
    assert one(page, ".paper-link-report code").get_text() == "papershelf check --links"
    assert not page.select(".paper-link-list")
    # the report appears: the page (and only it among the index pages) is written again
    bump(root / linkreport.FILE_NAME, report_text(GOOD))
    app, warnings = build(make_app, root, freshenv=False)
    assert warnings == "", warnings
    assert "https://example.org/gone" in html(app, "maintainers")
    # and goes away again
    (root / linkreport.FILE_NAME).unlink()
    app, _ = build(make_app, root, freshenv=False)
    assert "https://example.org/gone" not in html(app, "maintainers")
    assert HOW_TO_MAKE in one(BeautifulSoup(html(app, "maintainers"), "html.parser"), "body").get_text()


def test_a_malformed_report_is_one_warning_with_file_and_fix(make_app, tmp_path: Path) -> None:
    app, warnings = build(make_app, maintained_root(tmp_path, '{"version": 1, "checked": "2026-03-02", "links": [\n{"url": "https://a.org"\n]}\n'))
    lines = warnings.strip().splitlines()
    assert len(lines) == 1, warnings
    assert "link-report.json" in lines[0] and "line 3: not JSON" in lines[0] and "papershelf check --links" in lines[0]
    assert "[papershelf.link-report]" in lines[0] or "link-report" in lines[0]
    page = BeautifulSoup(html(app, "maintainers"), "html.parser")
    assert "could not be read" in one(page, ".paper-link-report").get_text()


def test_bad_entries_are_left_out_with_one_located_warning(make_app, tmp_path: Path) -> None:
    bad = [
        GOOD[1],
        link("javascript:alert(1)", "dead", [["papers/alpha.md", 7]], "HTTP 404"),
        link("https://example.org/x", "dead", [["../../etc/passwd", 1]], "HTTP 404"),
        link("https://example.org/y", "broken", [], "?"),
    ]
    app, warnings = build(make_app, maintained_root(tmp_path, report_text(bad)))
    lines = warnings.strip().splitlines()
    assert len(lines) == 1, warnings
    assert "link-report.json:3:" in lines[0]  # the first bad entry's line
    assert "is not an http(s) link" in lines[0] and "3 entries are left out" in lines[0]
    text = html(app, "maintainers")
    assert "javascript:" not in text and "passwd" not in text and "example.org/y" not in text
    assert [row[1] for row in rows(BeautifulSoup(text, "html.parser"))] == ["https://example.org/gone"]


def test_hostile_urls_and_details_are_escaped(make_app, tmp_path: Path) -> None:
    hostile = [
        link('https://evil.example/"><script>alert(1)</script>', "dead", [["papers/alpha.md", 7]], '<img src=x onerror="alert(2)">'),
        link("https://evil.example/ok", "moved", [["papers/<b>x</b>.md", 1]], "redirects to javascript:alert(3)"),
    ]
    app, warnings = build(make_app, maintained_root(tmp_path, report_text(hostile)))
    assert warnings == "", warnings
    text = html(app, "maintainers")
    page = BeautifulSoup(text, "html.parser")
    report = one(page, ".paper-link-report")
    assert not report.select("script, img, b")  # the markup arrived as text
    shown = report.get_text()
    assert '<img src=x onerror="alert(2)">' in shown and 'https://evil.example/"><script>alert(1)</script>' in shown
    assert "papers/<b>x</b>.md:1" in shown and "redirects to javascript:alert(3)" in shown
    assert "&lt;img src=x onerror=" in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    hrefs = [str(a["href"]) for a in page.select(".paper-link-report a")]
    assert all(href.startswith("https://evil.example/") or href.endswith(".html") for href in hrefs), hrefs
    assert not [a for a in page.select(".paper-link-report a") if "javascript" in a["href"]]


@pytest.mark.parametrize(("text", "why"), [
    ("[]", "no list of `links`"),
    ('{"version": 2, "checked": "2026-01-01", "links": []}', "version 2"),
    ('{"version": 1, "checked": "soon", "links": []}', "is not a date"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
])
def test_what_is_not_a_report(text: str, why: str) -> None:
    with pytest.raises(linkreport.ReportError, match=why):
        linkreport.parse(text)


def test_entries_validated() -> None:
    report = linkreport.parse(report_text([
        link("https://a.org/1", "dead", [["docs/p.md", 3]], "x" * 1000),
        link("https://a.org/2", "ok", [["/etc/passwd", 1]]),
        link("https://a.org/3", "ok", [["docs/p.md", "3"]]),
        link("https://a.org/\u2028", "ok", []),
        {"url": "https://a.org/4", "state": "ok", "checked": "2026-13-01"},
    ]))
    assert [entry.url for entry in report.links] == ["https://a.org/1"]
    assert len(report.links[0].detail) == linkreport.DETAIL_LIMIT + 1
    assert [line for line, _ in report.bad] == [3, 4, 5, 6]
    assert "not a file of the shelf" in report.bad[0][1] and "not [file, line]" in report.bad[1][1]
