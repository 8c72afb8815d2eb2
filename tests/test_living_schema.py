"""The front matter enrich writes: metrics, cites, people (issue 24, data contract)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bs4 import BeautifulSoup
from helpers import build, copy_root, html
from papershelf.formats.frontmatter import parse_front_matter
from papershelf.model.records import Metrics, Person
from papershelf.shelf.schema import FIELD_NAMES, read_paper

TODAY = dt.date(2026, 1, 1)


def _read(body: str):
    front = parse_front_matter(f"---\nkey: k\ntitle: T\nshort_name: T\nstatus: read\ndate: '2020'\n{body}---\n")
    assert front is not None
    return read_paper(front.data, "papers/k", today=TODAY)


def test_new_keys_are_in_the_schema() -> None:
    assert {"metrics", "cites", "people"} <= set(FIELD_NAMES)
    assert "authors" not in FIELD_NAMES  # MyST reads `authors` as docinfo


def test_good_values_are_read() -> None:
    paper, problems = _read(
        "metrics: {citations: 12, influential_citations: 3, stars: 400, as_of: '2025-12-01'}\n"
        "cites: [a2019, b2020, a2019, k]\n"
        "people:\n- {name: Ann  Smith, id: 's2:123'}\n- {name: Bob Jones}\n- Carl Moe\n"
    )
    assert problems == []
    assert paper.metrics == Metrics(12, 3, 400, "2025-12-01")
    assert paper.cites == ("a2019", "b2020")  # duplicates and the paper itself dropped
    assert paper.people == (Person("Ann Smith", "s2:123"), Person("Bob Jones"), Person("Carl Moe"))


def test_bad_values_warn_at_their_line_and_are_dropped() -> None:
    paper, problems = _read(
        "metrics:\n  citations: many\n  stars: -1\n  forks: 3\n  as_of: '2025-12'\n"
        "cites: 3\n"
        "people:\n- {name: '<b>x</b>', id: 'javascript:alert(1)'}\n- {id: 's2:1'}\n- 7\n"
    )
    messages = {(p.line, p.code.slug, p.message.split(";")[0]) for p in problems}
    assert (8, "wrong-type", "`metrics.citations` must be a whole number, not text") in messages
    assert (9, "bad-value", "`metrics.stars` is -1") in messages
    assert any(line == 10 and slug == "unknown-key" for line, slug, _ in messages)
    assert any(line == 11 and "as_of" in text for line, _, text in messages)
    assert any(line == 12 and "`cites` must be a list" in text for line, _, text in messages)
    assert any(slug == "html-in-text" for _, slug, _ in messages)
    assert any("`people[0].id`" in text for _, _, text in messages)
    assert any("`people[1]` has no `name`" in text for _, _, text in messages)
    assert any("`people[2]` must be a mapping" in text for _, _, text in messages)
    assert paper.metrics is None and paper.cites == ()
    assert paper.people == (Person("<b>x</b>", ""),)  # shown as text, the bad id dropped


def test_booleans_are_not_counts() -> None:
    paper, problems = _read("metrics: {citations: true, stars: 5}\n")
    assert paper.metrics == Metrics(None, None, 5, "")
    assert [p.code.slug for p in problems] == ["wrong-type"]


def test_the_guide_lists_the_new_keys_and_a_page_with_them_builds_clean(make_app, tmp_path: Path) -> None:
    root = copy_root("basic", tmp_path)
    page = root / "papers" / "alpha.md"
    text = page.read_text(encoding="utf-8")
    extra = "metrics: {citations: 7, stars: 9, as_of: '2025-01-02'}\ncites: [beta2021]\npeople:\n- {name: Ann Smith, id: 's2:1'}\n"
    page.write_text(text.replace("\n---", "\n" + extra + "---", 1), encoding="utf-8")  # before the closing fence
    (root / "schema.md").write_text("# Guide\n\n```{paper-schema}\n```\n", encoding="utf-8")
    app, warnings = build(make_app, root)
    assert "alpha" not in warnings and "docinfo" not in warnings, warnings
    guide = BeautifulSoup(html(app, "schema"), "html.parser").get_text()
    for name in ("metrics", "cites", "people"):
        assert name in guide
    from papershelf.site.domain import paper_domain

    view = paper_domain(app.env).view
    assert view is not None
    paper = view.papers["alpha2020"]
    assert paper.people == (Person("Ann Smith", "s2:1"),) and paper.metrics == Metrics(7, None, 9, "2025-01-02")
