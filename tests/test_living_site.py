"""Counts, the citation graph, authors and venues on the site (issue 24)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from helpers import build, bump, copy_root, html
from papershelf.model.records import Paper, Person
from papershelf.shelf.citegraph import build_graph
from papershelf.shelf.people import authors, normalise

EXTRA = {
    "alpha": "metrics: {citations: 1234, influential_citations: 5, stars: 77, as_of: '2025-01-02'}\ncites: [beta2021, nosuch]\npeople:\n- {name: Ann Smith, id: 's2:1'}\n- {name: Bob Jones}\n",
    "beta": "metrics: {citations: 9, as_of: '2025-01-03'}\npeople:\n- {name: A. Smith, id: 's2:1'}\n- {name: Cy Lee}\n",
    "gamma": "cites: [beta2021]\npeople:\n- {name: 'Bob  Jones'}\n- {name: Zoë Müller}\n",
}


def living_root(tmp_path: Path, split: bool = False) -> Path:
    root = copy_root("basic", tmp_path)
    for slug, extra in EXTRA.items():
        page = root / "papers" / f"{slug}.md"
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("\n---", "\n" + extra + "---", 1), encoding="utf-8")
    for kind in ("papers", "authors", "venues", "citegraph"):
        (root / f"{kind}.md").write_text(f"# {kind.title()}\n\n```{{paper-index}} {kind}\n```\n", encoding="utf-8")
    index = root / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("chronology\n", "chronology\npapers\nauthors\nvenues\ncitegraph\n"), encoding="utf-8")
    if split:
        with (root / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write("papershelf_split_above = 0\n")
    return root


def soup(app, docname: str) -> BeautifulSoup:
    return BeautifulSoup(html(app, docname), "html.parser")


def one(page: Any, selector: str) -> Any:
    """The one element ``selector`` finds (fails the test when there is none)."""
    found = page.select_one(selector)
    assert found is not None, selector
    return found


def fields(page: BeautifulSoup) -> dict[str, list[str]]:
    result = {}
    for name in page.select(".paper-crossrefs dt, .paper-crossrefs .field-name, .paper-crossrefs th"):
        body = name.find_next_sibling()
        result[name.get_text().rstrip(":")] = [a.get_text() for a in body.select("a")] if body else []
    return result


def test_counts_cites_cited_by_and_related_on_paper_pages(make_app, tmp_path: Path) -> None:
    app, warnings = build(make_app, living_root(tmp_path))
    assert warnings == "", warnings
    alpha = soup(app, "papers/alpha")
    assert one(alpha, ".paper-metrics").get_text() == "1,234 citations (5 influential) · 77 stars on GitHub · as of 2 January 2025"
    assert fields(alpha)["On this shelf: cites"] == ["Beta"]  # an unknown key is left out
    assert fields(alpha)["Related on this shelf"] == ["Gamma"]  # both cite Beta
    beta = soup(app, "papers/beta")
    assert fields(beta)["On this shelf: cited by"] == ["Alpha", "Gamma"]
    assert one(beta, ".paper-metrics").get_text() == "9 citations · as of 3 January 2025"


def test_papers_index_sorts_by_counts_missing_last(make_app, tmp_path: Path) -> None:
    app, _ = build(make_app, living_root(tmp_path))
    page = soup(app, "papers")
    table = one(page, "table.paper-list")
    assert "paper-sortable" in table["class"]
    assert [th.get_text() for th in table.select("thead th")][-2:] == ["Citations", "Stars"]
    rows = {tr.select("td")[0].get_text(): [td.get_text() for td in tr.select("td")[-2:]] for tr in table.select("tbody tr")}
    assert rows == {"Alpha": ["1,234", "77"], "Beta": ["9", "\u2014"], "Gamma": ["\u2014", "\u2014"]}
    assert "as of 2025-01-02 to 2025-01-03" in one(page, ".paper-counts-as-of").get_text()
    assert any("papershelf-sort.js" in (s.get("src") or "") for s in page.select("script"))
    script = (Path(app.outdir) / "_static" / "papershelf-sort.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "missing last" in script


def test_authors_joined_by_id_then_name_and_venues_counted(make_app, tmp_path: Path) -> None:
    app, _ = build(make_app, living_root(tmp_path))
    people = {one(li, ".paper-author-name").get_text(): [a.get_text() for a in li.select("a")] for li in soup(app, "authors").select(".paper-authors-list > li")}
    assert people["Ann Smith"] == ["Alpha", "Beta"]  # "A. Smith" joined by id
    assert people["Bob Jones"] == ["Gamma", "Alpha"]  # joined by normalised name; oldest first
    assert people["Zoë Müller"] == ["Gamma"] and people["Cy Lee"] == ["Beta"]
    assert list(people) == ["Bob Jones", "Cy Lee", "Zoë Müller", "Ann Smith"]  # by family name
    rows = [[td.get_text() for td in tr.select("td")] for tr in soup(app, "venues").select("table.paper-venues-index tbody tr")]
    assert rows == [["Proceedings of Testing", "2021", "1", "Beta"], ["arXiv (preprint)", "2020", "1", "Alpha"]]


def test_split_indexes_and_a_cites_edit_rewrites_the_cited_page(make_app, tmp_path: Path) -> None:
    root = living_root(tmp_path, split=True)
    app, warnings = build(make_app, root)
    assert warnings == "", warnings
    out = Path(app.outdir)
    assert (out / "authors" / "letter-s.html").is_file() and (out / "venues" / "letter-p.html").is_file()
    letter = BeautifulSoup((out / "authors" / "letter-s.html").read_text(encoding="utf-8"), "html.parser")
    assert "Ann Smith" in letter.get_text()
    # gamma stops citing beta: beta's page is written again without it
    gamma = root / "papers" / "gamma.md"
    bump(gamma, gamma.read_text(encoding="utf-8").replace("cites: [beta2021]\n", ""))
    app2, _ = build(make_app, root)
    assert fields(soup(app2, "papers/beta"))["On this shelf: cited by"] == ["Alpha"]


def test_graph_and_people_at_scale_are_once_per_build_and_bounded() -> None:
    import random

    rng = random.Random(4)
    keys = [f"p{i}" for i in range(2000)]
    papers = {}
    for index, key in enumerate(keys):
        cited = tuple(rng.sample(keys[:index], min(index, 10)))
        people = tuple(Person(f"Person {rng.randrange(3000)}", f"s2:{rng.randrange(3000)}") for _ in range(4))
        papers[key] = Paper(key, f"papers/{key}", key, key, "unread", cites=cited, people=people)
    graph = build_graph(papers)
    listed = authors(papers, keys)
    assert graph.edges > 19_000 and all(len(v) <= 5 for v in graph.related.values())
    assert sum(len(a.papers) for a in listed) >= 2000
    assert normalise("Zoë  Müller-Lee") == "zoe muller lee"


def test_citation_graph_page_layered_by_year(make_app, tmp_path: Path) -> None:
    app, warnings = build(make_app, living_root(tmp_path))
    assert warnings == "", warnings
    page = soup(app, "citegraph")
    svg = one(page, ".paper-citegraph svg")
    assert [t.get_text() for t in svg.select(".paper-citegraph-year")] == ["2021", "2020", "2019"]  # newest first
    marks = {one(a, "text").get_text(): a["href"] for a in svg.select("a.paper-citegraph-mark")}
    assert marks == {"Beta": "papers/beta.html", "Alpha": "papers/alpha.html", "Gamma": "papers/gamma.html"}
    assert len(svg.select("path.paper-citegraph-edge")) == 2
    assert "cited by 2 and citing 0 papers on this shelf" in svg.get_text()
    assert "2 citations between 3 papers" in one(page, ".paper-citegraph-note").get_text()
    assert [o.get_text() for o in page.select("select[data-filter=year] option")] == ["all", "2021", "2020", "2019"]
    assert any("papershelf-citegraph.js" in (s.get("src") or "") for s in page.select("script"))
