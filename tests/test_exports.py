# mypy: disable-error-code="union-attr,index,attr-defined,arg-type,type-var,return-value,misc"
# (BeautifulSoup lookups are Optional; a None fails the test anyway.)
"""Issue 14: per-topic and per-year .bib files, the selection data, Atom
feeds, Scholar/OpenGraph meta tags and the sitemap.

One build of a copy of tests/roots/test-indexes, given ``added`` dates, an
abstract and hostile author names; a second build with ``html_baseurl``
for the absolute links and the sitemap.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import xml.etree.ElementTree as ET
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import bibtexparser
import pytest
from bs4 import BeautifulSoup
from helpers import build_warnings, copy_root, html
from papershelf.model.records import Paper, PaperDate
from papershelf.site.exports import feeds
from sphinx.testing.util import SphinxTestApp

if TYPE_CHECKING:
    from collections.abc import Iterator

ATOM = "{http://www.w3.org/2005/Atom}"
XSS_TITLE = '<script>alert("pwn")</script> & <b>Bold</b>'
BASE = "https://example.org/shelf/"
ABSTRACT = "Alpha reads pictures. It also writes about them & more."
HOSTILE_AUTHOR = 'Tables, Bobby and {<script>"O\'Neil"</script>}, Q'


def _prepare(srcdir: Path) -> None:
    """Additions dates, an abstract, a hostile author, an illegal XML character."""
    bib = srcdir / "refs.bib"
    text = bib.read_text(encoding="utf-8")
    text = text.replace("  eprint = {2003.00001},", f"  abstract = {{{ABSTRACT}}},\n  eprint = {{2003.00001}},")
    text = text.replace("author = {Tables, Bobby}", f"author = {{{HOSTILE_AUTHOR}}}")
    bib.write_text(text, encoding="utf-8")
    for name, added in (("gamma", "2024-03-01"), ("alpha", "2024-05-02")):
        page = srcdir / "papers" / f"{name}.md"
        page.write_text(page.read_text(encoding="utf-8").replace("status:", f"added: \"{added}\"\nstatus:", 1), encoding="utf-8")


def _build(srcdir: Path, **confoverrides: Any) -> SphinxTestApp:
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO(), confoverrides=confoverrides)
    app.build()
    return app


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    srcdir = copy_root("indexes", tmp_path_factory.mktemp("exports"))
    _prepare(srcdir)
    app = _build(srcdir)
    try:
        yield app
    finally:
        app.cleanup()


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    srcdir = copy_root("indexes", tmp_path_factory.mktemp("hosted"))
    _prepare(srcdir)
    app = _build(srcdir, html_baseurl=BASE)
    try:
        yield app
    finally:
        app.cleanup()


def soup(app: Any, docname: str) -> BeautifulSoup:
    return BeautifulSoup(html(app, docname), "html.parser")


def catalog(app: Any) -> dict[str, dict[str, Any]]:
    """papers.json by page URL."""
    data = json.loads((Path(app.outdir) / "papers.json").read_text(encoding="utf-8"))
    return {paper["url"]: paper for paper in data["papers"]}


def bib_keys(text: str) -> list[str]:
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    return [entry.key for entry in library.entries]


def section_exports(app: Any, docname: str, section_class: str) -> list[tuple[str, list[str], str, str | None]]:
    """[(section id, keys of the papers listed, .bib href, feed href)] of an index page."""
    by_url = catalog(app)
    result = []
    for section in soup(app, docname).select(f"section.{section_class}"):
        links = section.select_one("p.paper-section-exports")
        if links is None:
            continue
        keys = [by_url[urljoin(f"{docname}.html", a["href"])]["key"] for a in section.select("a.reference.internal") if a.select_one(".paper-ref")]
        feed = links.select_one("a.paper-feed-link")
        result.append((section["id"], keys, links.select_one("a.paper-bib-download")["href"], feed["href"] if feed else None))
    return result


def test_build_warns_only_about_the_undated_paper(site: Any, hosted: Any) -> None:
    for app in (site, hosted):
        lines = build_warnings(app).splitlines()
        assert len(lines) == 2
        assert all("bib-no-year" in line or "no-date" in line for line in lines)


# -- .bib per topic and per year -------------------------------------------------


def test_every_topic_section_links_a_bib_with_exactly_its_papers(site: Any) -> None:
    sections = section_exports(site, "topics", "paper-topic")
    topics = {ident for ident, *_ in sections}
    assert {"topic-testing", "topic-vision-language"} <= topics
    assert len(sections) == len(soup(site, "topics").select("section.paper-topic")) - 1  # all but "Untagged"
    source = (Path(site.srcdir) / "refs.bib").read_text(encoding="utf-8")
    for ident, keys, href, _ in sections:
        assert href == f"bib/{ident}.bib"
        text = (Path(site.outdir) / href).read_text(encoding="utf-8")
        assert bib_keys(text) == keys, ident
        for chunk in text.strip().split("\n\n"):
            assert chunk in source  # the exact text of the .bib


def test_every_year_section_links_a_bib_with_exactly_its_papers(site: Any) -> None:
    """The chronology is an overview; each year's page carries that year's .bib."""
    outdir = Path(site.outdir)
    sections = [(page.stem, *found) for page in sorted(outdir.glob("chronology/*.html"))
                for found in section_exports(site, f"chronology/{page.stem}", "paper-year")]
    assert sorted(ident for _, ident, *_ in sections) == sorted(["year-2022", "year-2021", "year-2020", "year-2019", "year-undated"])
    for page, ident, keys, href, feed in sections:
        assert feed is None and ident == f"year-{page}"
        assert bib_keys((outdir / "chronology" / href).resolve().read_text(encoding="utf-8")) == keys, ident


def test_selection_data_maps_every_row_to_its_entry(site: Any) -> None:
    data: dict[str, dict[str, str]] = {"pages": {}, "entries": {}}
    for script in sorted((Path(site.outdir) / "_static" / "papershelf-bibtex").glob("*.js")):  # one a year
        prefix = f"(window.papershelfBibtex = window.papershelfBibtex || {{}})[{json.dumps(script.stem)}] = "
        part = json.loads(script.read_text(encoding="utf-8").removeprefix(prefix).removesuffix(";\n"))
        assert set(part["entries"]) <= set(part["pages"].values())
        data["pages"].update(part["pages"])
        data["entries"].update(part["entries"])
    by_url = catalog(site)
    assert data["pages"] == {url: paper["key"] for url, paper in by_url.items()}
    assert set(data["entries"]) == {paper["key"] for paper in by_url.values()}
    assert data["entries"]["alpha2020"].startswith("@misc{alpha2020,")
    page = html(site, "chronology")
    assert "papershelf-selection.js" in page
    assert page.index("papershelf-filter.js") < page.index("papershelf-selection.js")
    tag = soup(site, "chronology").select_one('script[src*="papershelf-selection.js"]')
    assert re.fullmatch(r"[0-9a-f]{12}", tag["data-version"])  # the data's version, against stale caches
    assert "papershelf-selection.js" not in html(site, "papers/alpha")


def test_a_topic_that_is_gone_loses_its_files(tmp_path: Path) -> None:
    srcdir = copy_root("indexes", tmp_path)
    app = _build(srcdir)
    assert (Path(app.outdir) / "bib" / "topic-testing.bib").is_file()
    for name in ("alpha", "beta", "undated"):
        page = srcdir / "papers" / f"{name}.md"
        page.write_text(re.sub(r"tags: \[.*\]\n", "", page.read_text(encoding="utf-8")), encoding="utf-8")
    again = _build(srcdir)
    assert (Path(again.outdir) / "bib" / "topic-vision-language.bib").is_file()
    assert not (Path(again.outdir) / "bib" / "topic-testing.bib").exists()
    assert not (Path(again.outdir) / "feeds" / "topic-testing.xml").exists()


# -- Atom feeds ------------------------------------------------------------------


RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def assert_valid_atom(root: ET.Element) -> None:
    """The rules of RFC 4287 a feed reader relies on."""
    assert root.tag == f"{ATOM}feed"

    def one(parent: ET.Element, name: str) -> ET.Element:
        found = parent.findall(f"{ATOM}{name}")
        assert len(found) == 1, f"{parent.tag} needs exactly one {name}"
        return found[0]

    def iri(text: str | None) -> None:
        assert text and urlsplit(text).scheme, f"{text!r} is not an absolute IRI"

    iri(one(root, "id").text)
    assert (one(root, "title").text or "").strip()
    assert RFC3339.match(one(root, "updated").text or "")
    feed_has_author = bool(root.findall(f"{ATOM}author"))
    ids = set()
    for entry in root.findall(f"{ATOM}entry"):
        ident = one(entry, "id").text
        iri(ident)
        assert ident not in ids
        ids.add(ident)
        assert (one(entry, "title").text or "").strip()
        assert RFC3339.match(one(entry, "updated").text or "")
        for published in entry.findall(f"{ATOM}published"):
            assert RFC3339.match(published.text or "")
        authors = entry.findall(f"{ATOM}author")
        assert authors or feed_has_author
        for author in authors:
            assert (one(author, "name").text or "").strip()
        alternates = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        assert alternates or entry.findall(f"{ATOM}content")
        assert len({(link.get("type"), link.get("hreflang")) for link in alternates}) == len(alternates)
        for link in entry.findall(f"{ATOM}link"):
            assert link.get("href")
        assert len(entry.findall(f"{ATOM}summary")) <= 1


def read_feed(app: Any, path: str) -> ET.Element:
    return ET.fromstring((Path(app.outdir) / path).read_bytes())


def test_shelf_feed_is_valid_atom_and_holds_every_paper_newest_added_first(site: Any) -> None:
    root = read_feed(site, "feeds/atom.xml")
    assert_valid_atom(root)
    titles = [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
    assert len(titles) == len(catalog(site)) == 6
    # added first (alpha 2024-05, gamma 2024-03), then by first-public date, newest first
    assert [t.split(":")[0] for t in titles[:2]] == ["Alpha", "Gamma"]
    assert titles[2].startswith('X<S>S & "Q": ' + XSS_TITLE)
    assert titles[-1].startswith("Nodate")
    assert root.findtext(f"{ATOM}updated").startswith("2024-05-02T00:00:00")


def test_feed_entry_has_authors_date_links_and_abstract(site: Any) -> None:
    root = read_feed(site, "feeds/atom.xml")
    alpha = next(e for e in root.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}title").startswith("Alpha"))
    assert [a.findtext(f"{ATOM}name") for a in alpha.findall(f"{ATOM}author")] == ["Ann Smith", "Bob Jones"]
    assert alpha.findtext(f"{ATOM}updated").startswith("2024-05-02")
    assert alpha.findtext(f"{ATOM}summary") == ABSTRACT
    links = {(link.get("rel"), link.get("href")) for link in alpha.findall(f"{ATOM}link")}
    assert ("alternate", "../papers/alpha.html") in links
    assert ("related", "https://arxiv.org/abs/2003.00001") in links
    assert [c.get("term") for c in alpha.findall(f"{ATOM}category")] == ["testing"]
    # Without an abstract the summary names the authors, venue and year.
    beta = next(e for e in root.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}title").startswith("Beta"))
    assert beta.findtext(f"{ATOM}summary") == "Cy Lee. Proceedings of Testing, 2021."
    xss = next(e for e in root.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}title").startswith("X<S>S"))
    assert [a.findtext(f"{ATOM}name") for a in xss.findall(f"{ATOM}author")] == ["Bobby Tables", "Q <script>\"O'Neil\"</script>"]


def test_topic_feeds_hold_exactly_their_papers(site: Any) -> None:
    by_url = catalog(site)
    for ident, keys, _, feed in section_exports(site, "topics", "paper-topic"):
        assert feed == f"feeds/{ident}.xml"
        root = read_feed(site, feed)
        assert_valid_atom(root)
        hrefs = [next(link.get("href") for link in e.findall(f"{ATOM}link") if link.get("rel") == "alternate") for e in root.findall(f"{ATOM}entry")]
        assert sorted(by_url[urljoin(feed, href)]["key"] for href in hrefs) == sorted(keys)


def test_landing_page_links_the_feed_in_its_head(site: Any) -> None:
    link = soup(site, "index").head.select_one('link[rel=alternate][type="application/atom+xml"]')
    assert link["href"] == "feeds/atom.xml"
    assert (Path(site.outdir) / link["href"]).is_file()
    assert soup(site, "chronology").head.select_one('link[type="application/atom+xml"]') is None


def test_hosted_feed_links_are_absolute(hosted: Any) -> None:
    root = read_feed(hosted, "feeds/atom.xml")
    assert_valid_atom(root)
    self_link = next(link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self")
    assert self_link.get("href") == BASE + "feeds/atom.xml"
    for entry in root.findall(f"{ATOM}entry"):
        alternate = next(link for link in entry.findall(f"{ATOM}link") if link.get("rel") == "alternate")
        assert alternate.get("href").startswith(BASE + "papers/")


def test_feed_order_and_illegal_characters() -> None:
    def paper(key: str, date: tuple[int, int] | None, added: str = "") -> Paper:
        return Paper(key=key, docname=f"papers/{key}", title=f"T\x0b{key}", short_name=key, status="read", date=PaperDate(*date) if date else None, added=added)

    papers = [paper("old", (2019, 1)), paper("new", (2023, 5)), paper("none", None), paper("added", (2018, 1), "2024-01-02")]
    assert [p.key for p in feeds.additions_order(papers)] == ["added", "new", "old", "none"]
    data = feeds.build_feed("Shelf", "feeds/atom.xml", papers, project="P", author="", base_url="", page_uri=lambda p: p.docname + ".html", bib_entry=lambda key: None)
    root = ET.fromstring(data)
    assert_valid_atom(root)
    assert root.find(f"{ATOM}entry").findtext(f"{ATOM}title") == "added: Tadded"
    assert root.find(f"{ATOM}author").findtext(f"{ATOM}name") == "P"


# -- meta tags -------------------------------------------------------------------


def metas(app: Any, docname: str) -> list[tuple[str, str]]:
    head = soup(app, docname).head
    return [(tag.get("name") or tag.get("property"), tag.get("content")) for tag in head.select("meta[content]")]


def test_paper_page_has_scholar_tags(site: Any) -> None:
    tags = metas(site, "papers/alpha")
    assert ("citation_title", "Alpha: A First Model") in tags
    assert [value for name, value in tags if name == "citation_author"] == ["Ann Smith", "Bob Jones"]
    assert ("citation_publication_date", "2020") in tags
    assert ("citation_arxiv_id", "2003.00001") in tags
    assert ("citation_pdf_url", "https://arxiv.org/pdf/2003.00001") in tags
    beta = dict(metas(site, "papers/beta"))
    assert beta["citation_conference_title"] == "Proceedings of Testing"
    assert "citation_arxiv_id" not in beta and "citation_pdf_url" not in beta


def test_paper_page_has_opengraph_and_twitter_tags(site: Any) -> None:
    tags = dict(metas(site, "papers/alpha"))
    assert tags["og:title"] == "Alpha: A First Model"  # the title already starts with the short name
    assert tags["og:description"] == "Alpha reads pictures."
    assert tags["description"] == "Alpha reads pictures."
    assert tags["og:type"] == "article"
    assert tags["twitter:card"] == "summary"
    assert [name for name, _ in metas(site, "papers/alpha")].count("description") == 1
    # No abstract: the authors, venue and year.
    assert dict(metas(site, "papers/beta"))["og:description"] == "Cy Lee. Proceedings of Testing, 2021."
    assert dict(metas(site, "papers/beta"))["og:title"] == "Beta: A Better Model"


def test_meta_tags_escape_hostile_titles_and_names(site: Any) -> None:
    page = html(site, "papers/xss")
    head = page[: page.index("</head>")]
    assert "<script>" not in head
    tags = metas(site, "papers/xss")
    assert ("citation_title", XSS_TITLE) in tags
    assert ("og:title", 'X<S>S & "Q": ' + XSS_TITLE) in tags
    assert [value for name, value in tags if name == "citation_author"] == ["Bobby Tables", "Q <script>\"O'Neil\"</script>"]


def test_hosted_site_has_a_sitemap_and_absolute_og_urls(site: Any, hosted: Any) -> None:
    assert not (Path(site.outdir) / "sitemap.xml").exists()
    root = ET.fromstring((Path(hosted.outdir) / "sitemap.xml").read_bytes())
    locs = {loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert {BASE + "papers/alpha.html", BASE + "index.html"} <= locs
    assert dict(metas(hosted, "papers/alpha"))["og:url"] == BASE + "papers/alpha.html"


def test_feed_dates_are_utc_days() -> None:
    assert feeds.updated(Paper(key="k", docname="d", title="t", short_name="s", status="read", added="2024-02-30")) == feeds.EPOCH
    assert feeds.published(Paper(key="k", docname="d", title="t", short_name="s", status="read", date=PaperDate(2023, 4))) == dt.datetime(2023, 4, 1, tzinfo=dt.UTC)


def test_author_names_convert_latex_and_drop_others() -> None:
    from pybtex.database import Entry, Person

    people = [Person("Liu, Haotian"), Person(r"M{\"u}ller, J{\'e}r{\^o}me"), Person("Jean-Baptiste Alayrac"), Person("others")]
    assert feeds.author_names(Entry("misc", persons={"author": people})) == ["Haotian Liu", "Jérôme Müller", "Jean-Baptiste Alayrac"]
    assert feeds.author_names(None) == []


def test_byline_stands_in_for_a_missing_abstract() -> None:
    from pybtex.database import Entry, Person

    entry = Entry("inproceedings", fields={"booktitle": "{NeurIPS}", "year": "2023"}, persons={"author": [Person(f"Last{i}, First{i}") for i in range(5)]})
    names = feeds.author_names(entry)
    assert feeds.byline(entry, names) == "First0 Last0, First1 Last1, First2 Last2, First3 Last3, First4 Last4. NeurIPS, 2023."
    assert feeds.byline(entry, names, most=3) == "First0 Last0, First1 Last1, First2 Last2 et al. NeurIPS, 2023."
    assert feeds.byline(None, []) == ""


def test_an_edited_entry_reaches_the_bib_files_on_rebuild(tmp_path: Path) -> None:
    from helpers import bump

    srcdir = copy_root("indexes", tmp_path)
    first = _build(srcdir)
    outdir = Path(first.outdir)
    untouched = (outdir / "bib" / "year-2022.bib").stat().st_mtime_ns
    bib = srcdir / "refs.bib"
    bump(bib, bib.read_text(encoding="utf-8").replace("title = {Alpha: A First Model}", "title = {Alpha: A Renamed Model}"))
    again = _build(srcdir)
    assert "A Renamed Model" in (outdir / "bib" / "topic-testing.bib").read_text(encoding="utf-8")
    assert "A Renamed Model" in (outdir / "bib" / "year-2020.bib").read_text(encoding="utf-8")
    assert "A Renamed Model" in (outdir / "_static" / "papershelf-bibtex" / "2020.js").read_text(encoding="utf-8")
    assert (outdir / "bib" / "year-2022.bib").stat().st_mtime_ns == untouched  # unchanged files are not rewritten
    assert again.outdir == first.outdir


def test_feeds_are_rewritten_only_for_what_they_show_and_match_a_clean_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from helpers import bump

    srcdir = copy_root("indexes", tmp_path / "shelf")
    outdir = Path(_build(srcdir).outdir)
    atom = outdir / "feeds" / "atom.xml"
    written = atom.stat().st_mtime_ns
    calls: list[int] = []
    original = feeds.entry_id

    def counted(project: str, key: str) -> str:
        calls.append(1)
        return original(project, key)

    monkeypatch.setattr(feeds, "entry_id", counted)
    alpha = srcdir / "papers" / "alpha.md"
    bump(alpha, re.sub(r"status: \w+", "status: reading", alpha.read_text(encoding="utf-8"), count=1))
    _build(srcdir)
    assert calls == [] and atom.stat().st_mtime_ns == written  # a status is in no feed: no feed is made again
    beta = srcdir / "papers" / "beta.md"
    bump(beta, re.sub(r"tags: \[", "tags: [fresh, ", beta.read_text(encoding="utf-8"), count=1))
    _build(srcdir)
    monkeypatch.undo()
    # one <entry> made again (beta's, for the feeds it is in), the others reused from the previous build
    feed_count = len(list((outdir / "feeds").glob("*.xml")))
    assert len(calls) - feed_count == 1
    clean = copy_root("indexes", tmp_path / "clean")
    shutil.copytree(srcdir, clean, dirs_exist_ok=True)
    shutil.rmtree(clean / "_build", ignore_errors=True)
    clean_out = Path(_build(clean).outdir)
    for feed in sorted((outdir / "feeds").glob("*.xml")):
        assert feed.read_bytes() == (clean_out / "feeds" / feed.name).read_bytes(), feed.name
    assert 'term="fresh"' in atom.read_text(encoding="utf-8")


def test_feeds_after_edits_equal_a_clean_builds(tmp_path: Path) -> None:
    """Feed entries are kept between builds (in the doctree cache); what an edit changed is made again."""
    from helpers import bump

    srcdir = copy_root("indexes", tmp_path / "src")
    _build(srcdir)
    bib = srcdir / "refs.bib"
    bump(bib, bib.read_text(encoding="utf-8").replace("author = {Lee, Cy}", "author = {Leigh, Cy}"))
    page = srcdir / "papers" / "alpha.md"
    bump(page, page.read_text(encoding="utf-8").replace("tags: [testing]", "tags: [testing, retrieval]"))
    incremental = Path(_build(srcdir).outdir) / "feeds"
    app = SphinxTestApp("html", srcdir=srcdir, builddir=tmp_path / "clean", status=StringIO(), warning=StringIO(), freshenv=True)
    app.build()
    clean = Path(app.outdir) / "feeds"
    names = sorted(p.name for p in clean.glob("*.xml"))
    assert "topic-retrieval.xml" in names and names == sorted(p.name for p in incremental.glob("*.xml"))
    for name in names:
        assert (incremental / name).read_bytes() == (clean / name).read_bytes(), name
    assert "Cy Leigh" in (incremental / "atom.xml").read_text(encoding="utf-8")
