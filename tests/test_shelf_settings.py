"""Issue 12: each shelf describes its own field in conf.py, and a strict build fails until a problem is fixed."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup
from helpers import build, bump, copy_root, html
from papershelf.model.settings import from_values


def soup(app: object, docname: str) -> BeautifulSoup:
    return BeautifulSoup(html(app, docname), "html.parser")


def test_without_reading_status_no_badge_queue_counts_or_status_filter(make_app, tmp_path: Path) -> None:
    app, warnings = build(make_app, copy_root("indexes", tmp_path), confoverrides={"papershelf_reading_status": False})
    assert "`status`" not in warnings  # the root's own defects only
    for docname in ("papers/alpha", "chronology", "index"):
        assert soup(app, docname).select(".paper-status") == [], docname
    year_pages = sorted(Path(app.outdir, "chronology").glob("*.html"))
    assert year_pages  # the chronology is an overview with one page per year
    for year_page in year_pages:
        page = BeautifulSoup(year_page.read_text(encoding="utf-8"), "html.parser")
        headings = [th.get_text() for th in page.select("table.paper-chronology thead th")]
        assert "Status" not in headings and "Venue" in headings
        assert not any(c.startswith("status-") for row in page.select("tr.paper-row") for c in row["class"])
        assert page.select(".paper-status") == []
    assert "Read" not in [th.get_text() for th in soup(app, "chronology").select("table.paper-years thead th")]
    counts_node = soup(app, "index").select_one(".paper-counts")
    assert counts_node is not None
    counts = counts_node.get_text()
    assert re.fullmatch(r"\d+ papers on the shelf\.", counts), counts
    assert "no reading queue" in soup(app, "queue").get_text()
    catalog = json.loads((Path(app.outdir) / "papers.json").read_text(encoding="utf-8"))
    assert {paper["status"] for paper in catalog["papers"]} == {None}


def test_facets_link_kinds_and_relation_kinds_come_from_conf(make_app, tmp_path: Path) -> None:
    srcdir = copy_root("indexes", tmp_path)
    alpha = srcdir / "papers" / "alpha.md"
    text = alpha.read_text(encoding="utf-8")
    text = text.replace("  code: https://github.com/example/alpha\n", "  code: https://github.com/example/alpha\n  poster: https://example.org/alpha-poster\n")
    text = text.replace("relations:\n  updated_version: beta2021\n", "relations:\n  updated_version: beta2021\n  extends: [gamma2022]\n")
    text = text.replace("  language_model: GPT-2\n", "  language_model: GPT-2\n  backbone: ResNet\n")
    alpha.write_text(text, encoding="utf-8")
    app, warnings = build(make_app, srcdir)
    # a facet this shelf does not configure is a located finding naming the configured ones
    assert re.search(r"papers/alpha\.md:\d+: WARNING: unknown-key: `architecture\.backbone` is not a facet of this shelf; "
                     r"configured facets: vision_encoder, language_model, connector, parameters, training_data", warnings), warnings
    assert warnings.count("WARNING: unknown-key") == 1, warnings  # poster and extends are known: conf.py configures them
    page = soup(app, "papers/alpha")
    assert [a.get_text() for a in page.select("a.paper-link-poster")] == ["Poster"]
    assert "Extends" in page.get_text()
    assert "Extended by" in soup(app, "papers/gamma").get_text()


def test_the_writing_guide_follows_the_configuration(make_app, tmp_path: Path) -> None:
    srcdir = copy_root("indexes", tmp_path)
    (srcdir / "guide.md").write_text("---\norphan: true\n---\n# Guide\n\n```{paper-schema}\n```\n", encoding="utf-8")
    app, _ = build(make_app, srcdir, confoverrides={"papershelf_reading_status": False})
    rows = {row.select("td")[0].get_text(): row.get_text(" ") for row in soup(app, "guide").select("table.paper-schema tbody tr")}
    assert "Connector: What joins the two." in rows["architecture"]
    assert "poster" in rows["links"]
    assert "`extends` (Extends / Extended by)" in rows["relations"]
    assert "Not used on this shelf" in rows["status"] and "yes" not in rows["status"].split()


def test_a_malformed_setting_is_a_warning_and_is_left_out(make_app, tmp_path: Path) -> None:
    settings = from_values([{"name": "Bad Name"}, {"name": "ok"}], {"Slides": 3}, {"x": ["only one"]})
    assert [facet.name for facet in settings.facets] == ["ok"]
    assert "Slides" not in settings.links and "x" not in settings.relations
    assert len(settings.problems) == 3
    _, warnings = build(make_app, copy_root("basic", tmp_path), confoverrides={"papershelf_facets": [{"heading": "no name"}]})
    assert "conf.py:1: WARNING: papershelf_facets: {'heading': 'no name'} is not" in warnings  # set by -D, so no line of its own


def test_a_strict_build_fails_for_as_long_as_a_problem_exists(make_app, tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    alpha = srcdir / "papers" / "alpha.md"
    good = alpha.read_text(encoding="utf-8")
    bump(alpha, good.replace("short_name:", "short_nam:", 1))
    outdir = tmp_path / "out"
    for attempt in range(2):  # the second build reads nothing again, and still reports the typo
        _, warnings = build(make_app, srcdir, builddir=outdir)
        assert re.search(r"papers/alpha\.md:\d+: WARNING: unknown-key: unknown front matter key `short_nam`", warnings), (attempt, warnings)
    bump(alpha, good)
    _, warnings = build(make_app, srcdir, builddir=outdir)
    assert "short_nam" not in warnings
    _, warnings = build(make_app, srcdir, builddir=outdir)
    assert "short_nam" not in warnings
