"""Counts, the citation graph, authors and venues on the site (issue 24)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from helpers import build, bump, copy_root, html
from papershelf.model.records import Metrics, Paper, Person
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


def test_a_venue_that_names_its_year_is_that_years_row(make_app, tmp_path: Path) -> None:
    """Imported lists write the year into the venue ("AAAI 2018", "CVPR'23"): the row is the venue's, of that year,
    though the paper was first public a year before (its preprint)."""
    root = living_root(tmp_path)
    bib = root / "refs.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("@misc{gamma2022,\n", "@inproceedings{gamma2022,\n  booktitle = {AAAI 2020},\n")
                   .replace("booktitle = {Proceedings of Testing}", "booktitle = {CVPR'22}"), encoding="utf-8")
    app, _ = build(make_app, root)
    rows = [[td.get_text() for td in tr.select("td")] for tr in soup(app, "venues").select("table.paper-venues-index tbody tr")]
    assert rows == [["AAAI", "2020", "1", "Gamma"], ["CVPR", "2022", "1", "Beta"], ["arXiv (preprint)", "2020", "1", "Alpha"]]


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


def test_papers_json_and_the_year_files_hold_the_living_data(make_app, tmp_path: Path) -> None:
    import json

    import jsonschema
    from papershelf.model.settings import DEFAULT
    from papershelf.site.exports import catalog

    app, warnings = build(make_app, living_root(tmp_path))
    assert warnings == "", warnings
    out = Path(app.outdir)
    data = json.loads((out / "papers.json").read_text(encoding="utf-8"))
    assert data["version"] == 2
    jsonschema.Draft202012Validator(json.loads((out / catalog.SCHEMA_FILENAME).read_text(encoding="utf-8"))).validate(data)
    jsonschema.Draft202012Validator(catalog.json_schema(DEFAULT)).validate(data)
    papers = {p["key"]: p for p in data["papers"]}
    alpha, beta, gamma = papers["alpha2020"], papers["beta2021"], papers["gamma2022"]
    assert alpha["metrics"] == {"citations": 1234, "influential_citations": 5, "stars": 77, "as_of": "2025-01-02"}
    assert beta["metrics"] == {"citations": 9, "influential_citations": None, "stars": None, "as_of": "2025-01-03"}
    assert gamma["metrics"] is None
    assert (alpha["cites"], alpha["cites_count"]) == (["beta2021"], 1)  # a key not on the shelf is left out
    assert (beta["cited_by"], beta["cited_by_count"]) == (["alpha2020", "gamma2022"], 2)
    assert (gamma["cites"], gamma["cited_by"]) == (["beta2021"], [])
    assert alpha["authors"] == [{"name": "Ann Smith", "id": "s2:1"}, {"name": "Bob Jones", "id": None}]
    assert gamma["authors"][1] == {"name": "Zoë Müller", "id": None} and gamma["authors_count"] == 2
    # the year rows: the first seven columns as before, then citations, stars and cited-by count
    index = json.loads((out / "papers-by-year" / "index.json").read_text(encoding="utf-8"))
    assert index["fields"] == ["key", "short_name", "title", "date", "status", "tags", "url", "citations", "stars", "cited_by"]
    rows = {}
    for year in index["years"]:
        rows.update({row[0]: row for row in json.loads((out / "papers-by-year" / year["file"]).read_text(encoding="utf-8"))["papers"]})
    assert rows["alpha2020"][6] == "papers/alpha.html" and rows["alpha2020"][7:] == [1234, 77, 0]
    assert rows["beta2021"][7:] == [9, None, 2] and rows["gamma2022"][7:] == [None, None, 0]


def test_the_catalog_lists_are_bounded() -> None:
    from papershelf.site.exports import catalog

    keys = [f"p{i}" for i in range(400)]
    people = tuple(Person(f"Person {i}", f"s2:{i}") for i in range(300))
    papers = {key: Paper(key, f"papers/{key}", key, key, "unread", cites=("p0",) if key != "p0" else tuple(keys[1:]), people=people if key == "p0" else ())
              for key in keys}
    graph = build_graph(papers)
    record = catalog.paper_record(papers["p0"], "papers/p0.html", graph=graph)
    assert len(record["cites"]) == len(record["cited_by"]) == len(record["authors"]) == catalog.LIST_LIMIT
    assert (record["cites_count"], record["cited_by_count"], record["authors_count"]) == (399, 399, 300)
    assert record["cites"] == sorted(record["cites"]) and record["authors"][0] == {"name": "Person 0", "id": "s2:0"}
    # 2,000 papers, 20,000 edges, four authors each: the living fields add about 0.5 kB a paper (measured: 486 bytes)
    import json
    import random

    rng = random.Random(7)
    many = [f"k{i:04d}" for i in range(2000)]
    shelf = {key: Paper(key, f"papers/{key}", key, key, "unread", cites=tuple(rng.sample(many[:index], min(index, 10))),
                        people=tuple(Person(f"Author {rng.randrange(5000)}", f"s2:{rng.randrange(5000)}") for _ in range(4)),
                        metrics=Metrics(123, 4, 567, "2026-01-01"))
             for index, key in enumerate(many)}
    big = build_graph(shelf)
    assert big.edges > 19_000
    living = ("metrics", "cites", "cites_count", "cited_by", "cited_by_count", "authors", "authors_count")
    records = [catalog.paper_record(p, "papers/x.html", graph=big) for p in shelf.values()]
    added = sum(len(json.dumps({k: v for k, v in r.items() if k in living}, separators=(",", ":"))) for r in records)
    assert added / len(shelf) < 700, added / len(shelf)
