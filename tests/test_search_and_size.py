"""Site search (Pagefind), the chronology's data split by year, and what a reader copies.

Issue 23: search and filters that do not download the whole shelf, pages
that stay small, and small things seen while reading. The browser side
(ranking, facets, the filter at 390 and 1280 px) is in test_browser.py and
test_indexes.py.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import re
import stat
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from helpers import build, copy_root, html
from papershelf.formats.bibfile import generated_entry, without_generated
from papershelf.site import search
from sphinx.testing.util import SphinxTestApp


def _strip_models(srcdir: Path) -> None:
    for page in (srcdir / "papers").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"^models:\n(?:  - .*\n)+", "", text, flags=re.MULTILINE), encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """test-indexes with no paper naming a model, built once with Pagefind."""
    srcdir = copy_root("indexes", tmp_path_factory.mktemp("site"))
    _strip_models(srcdir)
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


def test_pagefind_index_is_built_and_sphinx_search_is_not(site: Any) -> None:
    if not search.installed():
        pytest.skip("pagefind is not installed")
    outdir = Path(site.outdir)
    assert (outdir / "pagefind" / "pagefind-entry.json").is_file()
    # written whole (Pagefind's Python API stopped the binary before its last write: a cut file)
    ui = (outdir / "pagefind" / "pagefind-ui.js").read_text(encoding="utf-8").rstrip()
    assert ui.endswith("})();") and "window.PagefindUI=" in ui[-200:]
    assert not (outdir / "searchindex.js").exists()
    page = html(site, "search")
    assert 'id="papershelf-search"' in page and "pagefind/pagefind-ui.js" in page
    assert "searchindex.js" not in page


def test_paper_page_marks_what_search_reads(site: Any) -> None:
    page = html(site, "papers/alpha")
    assert page.count("data-pagefind-body") == 1  # the top section
    assert '<span data-pagefind-meta="title">' in page
    assert '<span data-pagefind-meta="name">Alpha</span>' in page
    assert '<span data-pagefind-filter="topic">testing</span>' in page
    assert '<span data-pagefind-filter="year">2020</span>' in page
    assert 'data-pagefind-filter="status">read<' in page
    weighted = re.search(r'data-pagefind-weight="10"[^>]*>\s*<p>([^<]*)</p>', page)
    assert weighted and "Alpha" in weighted.group(1) and "2003.00001" in weighted.group(1)  # its arXiv link
    bibtex = re.search(r'<div class="paper-bibtex[^"]*"([^>]*)>', page)
    assert bibtex and "data-pagefind-ignore" in bibtex.group(1)
    assert '<span data-pagefind-meta="keys">Alpha · 2003.00001 · arXiv:2003.00001</span>' in page
    assert re.search(r"<h1 data-pagefind-ignore=\"\">", page)  # the title is metadata, not the snippet's first words
    # the weighted names come last in the text, after the paper's reference
    assert page.index('data-pagefind-weight="10"') > page.index('class="paper-reference"')


def _fragments(outdir: Path) -> dict[str, dict[str, Any]]:
    """Pagefind's record of each indexed page (its fragment: gzip of "pagefind_dcd" + JSON), by URL."""
    found = {}
    for path in (outdir / "pagefind" / "fragment").glob("*.pf_fragment"):
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[fragment["url"].lstrip("/")] = fragment
    return found


def test_a_papers_indexed_text_is_its_own_not_its_header(make_app: Any, tmp_path: Path) -> None:
    """Snippets are cut from the paper's text (abstract, notes, reference): its title, name line, authors,
    links, relations and tables are metadata, and its names line comes last."""
    if not search.installed():
        pytest.skip("pagefind is not installed")
    srcdir = copy_root("indexes", tmp_path)
    page = srcdir / "papers" / "alpha.md"
    text = page.read_text(encoding="utf-8").replace("status: read\n", 'status: read\nabstract: "We align quokkas with text."\n', 1)
    page.write_text(text + "\nOur notes: the quokka encoder is small.\n", encoding="utf-8")
    app, _ = build(make_app, srcdir)
    alpha = _fragments(Path(app.outdir))["papers/alpha.html"]
    assert alpha["meta"]["name"] == "Alpha" and alpha["meta"]["keys"] == "Alpha · 2003.00001 · arXiv:2003.00001"
    assert alpha["meta"]["facts"] == "alpha-base · ViT-B/16 · GPT-2"  # found, but no snippet
    assert alpha["meta"]["authors"] == "Smith, A., & Jones, B."
    assert alpha["content"] == ("We align quokkas with text. Smith, A., & Jones, B. (2020). Alpha: A First Model. arXiv:2003.00001. "
                                "Our notes: the quokka encoder is small. Alpha · 2003.00001 · arXiv:2003.00001.")


def test_index_tables_and_group_pages_stay_out_of_the_search_index(site: Any) -> None:
    overview = html(site, "chronology")
    assert re.search(r'<div class="paper-index-body docutils container" data-pagefind-ignore', overview)
    year_page = html(site, "chronology/2021")
    assert "data-pagefind-body" not in year_page  # no body: Pagefind leaves the page out


def test_search_data_is_hidden_and_absent_from_other_builders(make_app: Any, tmp_path: Path) -> None:
    srcdir = copy_root("indexes", tmp_path)
    app = make_app("text", srcdir=srcdir)
    app.build()
    text = (Path(app.outdir) / "papers" / "alpha.txt").read_text(encoding="utf-8")
    assert "Alpha" in text and "Alpha · 2003.00001" not in text


def test_a_generated_entry_is_shown_without_its_marker(make_app: Any, tmp_path: Path) -> None:
    srcdir = copy_root("indexes", tmp_path)
    bib = srcdir / "refs.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("  year = {2021}\n}", "  year = {2021},\n  generated = {papershelf import},\n}", 1), encoding="utf-8")
    app, _ = build(make_app, srcdir)
    page = html(app, "papers/beta")
    assert "Beta: A Better Model" in page and "papershelf import" not in page
    data = (Path(app.outdir) / "_static" / "papershelf-bibtex" / "2021.js").read_text(encoding="utf-8")
    assert "beta2021" in data and "papershelf import" not in data


def test_sphinx_search_where_pagefind_is_turned_off(make_app: Any, tmp_path: Path) -> None:
    srcdir = copy_root("indexes", tmp_path)
    app, _ = build(make_app, srcdir, confoverrides={"papershelf_search": "sphinx"})
    outdir = Path(app.outdir)
    assert (outdir / "searchindex.js").is_file()
    assert not (outdir / "pagefind").exists()
    assert "searchtools" in html(app, "search")
    assert "data-pagefind-body" not in html(app, "papers/alpha")


def test_an_empty_index_page_leaves_the_navigation(site: Any) -> None:
    """No paper names a model: Models is built, but no page's navigation or next link names it."""
    assert (Path(site.outdir) / "models.html").is_file()
    for name in ("index", "chronology", "queue", "code", "architecture"):
        page = html(site, name)
        assert 'href="models.html"' not in page, name
    assert 'href="code.html"' in html(site, "index")  # the landing page's toctree keeps the others


def test_year_files_hold_each_year_and_an_index(site: Any) -> None:
    folder = Path(site.outdir) / "papers-by-year"
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    catalog = json.loads((Path(site.outdir) / "papers.json").read_text(encoding="utf-8"))["papers"]
    years = [year["year"] for year in index["years"]]
    assert years == sorted((y for y in years if y != "undated"), reverse=True) + (["undated"] if "undated" in years else [])
    keys = []
    for year in index["years"]:
        data = json.loads((folder / year["file"]).read_text(encoding="utf-8"))
        assert data["year"] == year["year"] and len(data["papers"]) == year["count"]
        assert year["bytes"] == len((folder / year["file"]).read_bytes())
        keys += [row[0] for row in data["papers"]]
        assert sum(year["tags"].values()) >= 0
    assert sorted(keys) == sorted(p["key"] for p in catalog)
    scripts = sorted(p.name for p in (Path(site.outdir) / "_static" / "papershelf-bibtex").glob("*.js"))
    assert scripts == sorted(f"{y}.js" for y in years)
    assert not (Path(site.outdir) / "_static" / "papershelf-bibtex-data.js").exists()


def test_the_generated_marker_is_not_in_what_a_reader_copies() -> None:
    entry = generated_entry("k2024x", "A Title", "2024", eprint="2401.00001")
    shown = without_generated(entry)
    assert "generated" not in shown and "papershelf import" not in shown
    assert shown.startswith("@misc{k2024x,") and shown.rstrip().endswith("}")
    assert "eprint = {2401.00001}" in shown
    plain = "@article{a,\n  title = {Generated = {papershelf import}},\n}"
    assert without_generated(plain) == plain


def test_a_new_shelf_pins_pagefind_and_its_binary(monkeypatch: pytest.MonkeyPatch) -> None:
    """init's requirements.txt follows papershelf's dependencies, extras included: pagefind[bin] brings pagefind-bin."""
    if not search.installed():
        pytest.skip("pagefind is not installed")
    from papershelf.shelf import provenance

    monkeypatch.setattr(provenance, "_requires", lambda name: provenance._pyproject_dependencies())
    pins = {pin.split("==")[0].lower().replace("_", "-"): pin for pin in provenance.pinned_dependencies()}
    assert "pagefind" in pins and "pagefind-bin" in pins
    assert pins["pagefind"].split("==")[1] == pins["pagefind-bin"].split("==")[1]


def test_search_data_is_escaped(site: Any) -> None:
    """User text reaches the search marks through docutils (escaped), never as markup."""
    page = html(site, "papers/xss")
    data = "".join(re.findall(r'<div class="paper-search-data".*?</div>', page, re.DOTALL))
    assert '<span data-pagefind-filter="topic">&lt;i&gt;tag&lt;/i&gt;</span>' in data
    assert "&lt;script&gt;" in data and "<script" not in data and "<b>" not in data


# -- the index in the edit loop ---------------------------------------------------------


@pytest.fixture
def edit_loop(make_app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """test-indexes built once (its index made before the build returns), then edited and built again."""
    if not search.installed():
        pytest.skip("pagefind is not installed")
    for name in (*search.PUBLISHING_ENV, search.REFRESH_ENV, "PAGEFIND_BINARY_PATH"):
        monkeypatch.delenv(name, raising=False)
    srcdir = copy_root("indexes", tmp_path)
    first, warnings = build(make_app, srcdir)
    assert "Pagefind" not in warnings and "papershelf_search" not in warnings
    assert "indexed" in first.status.getvalue() and "(no index yet)" in first.status.getvalue()

    class Loop:
        outdir, state = Path(first.outdir), Path(first.doctreedir)

        @staticmethod
        def edit_and_build(word: str) -> tuple[Any, str]:
            page = srcdir / "papers" / "alpha.md"
            page.write_text(page.read_text(encoding="utf-8") + f"\nA note on {word}.\n", encoding="utf-8")
            return build(make_app, srcdir)

        @staticmethod
        def indexed(word: str) -> bool:
            return word in _fragments(Loop.outdir)["papers/alpha.html"]["content"]

    yield Loop
    with contextlib.suppress(RuntimeError, TimeoutError):  # no refresh outlives its test
        search.wait_until_fresh(Loop.outdir, Loop.state, timeout=60)


def test_an_edit_refreshes_the_index_in_the_background(edit_loop: Any) -> None:
    app, warnings = edit_loop.edit_and_build("zygomorphic")
    assert "Pagefind" not in warnings
    status = app.status.getvalue()
    assert "Pagefind index is being refreshed in the background" in status and "indexed" not in status
    search.wait_until_fresh(edit_loop.outdir, edit_loop.state, timeout=60)
    assert edit_loop.indexed("zygomorphic")
    assert sorted(p.name for p in edit_loop.outdir.iterdir() if "pagefind" in p.name) == ["pagefind"]  # swapped in, nothing left over
    log = (edit_loop.state / search.REFRESH_LOG).read_text(encoding="utf-8")
    assert re.search(r"indexed \d+ of \d+ pages", log)
    # Two edits in a row: the second refresh waits for the first, then indexes what it left stale.
    edit_loop.edit_and_build("quokka")
    edit_loop.edit_and_build("axolotl")
    search.wait_until_fresh(edit_loop.outdir, edit_loop.state, timeout=60)
    assert edit_loop.indexed("quokka") and edit_loop.indexed("axolotl")


@pytest.mark.parametrize(("name", "value"), [("CI", "true"), ("READTHEDOCS", "True"), (search.REFRESH_ENV, "wait")])
def test_publishing_builds_wait_for_the_index(edit_loop: Any, monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    """On Read the Docs, in CI, or when asked, the build returns with the index made (what is published is whole)."""
    monkeypatch.setenv(name, value)
    if name == "READTHEDOCS":  # Sphinx then asks for the URL Read the Docs gives
        monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", "https://shelf.example.org/en/latest/")
    app, warnings = edit_loop.edit_and_build("zygomorphic")
    assert "Pagefind" not in warnings
    assert edit_loop.indexed("zygomorphic")  # no waiting: it is there when the build returns
    assert "background" not in app.status.getvalue()
    assert f"({name} is set)" in app.status.getvalue() or f"({name}=wait)" in app.status.getvalue()


def _failing_pagefind(tmp_path: Path) -> Path:
    script = tmp_path / "pagefind-broken"
    script.write_text("#!/bin/sh\necho 'pagefind: out of quokkas' >&2\nexit 3\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_a_failed_background_refresh_is_reported_by_the_next_build(edit_loop: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(_failing_pagefind(tmp_path)))
    _, warnings = edit_loop.edit_and_build("zygomorphic")
    assert "Pagefind" not in warnings  # this build started the refresh and returned
    with pytest.raises(RuntimeError, match="out of quokkas"):
        search.wait_until_fresh(edit_loop.outdir, edit_loop.state, timeout=60)
    assert not edit_loop.indexed("zygomorphic")  # the old index still answers
    monkeypatch.delenv("PAGEFIND_BINARY_PATH")
    app, warnings = edit_loop.edit_and_build("quokka")
    assert "background Pagefind refresh after an earlier build failed" in warnings and "exited with 3: pagefind: out of quokkas" in warnings
    assert edit_loop.indexed("zygomorphic") and edit_loop.indexed("quokka")  # that build indexed before it returned
    assert "(the last background refresh failed)" in app.status.getvalue()
    _, warnings = build_again(edit_loop)
    assert "Pagefind" not in warnings  # reported once


def build_again(edit_loop: Any) -> tuple[Any, str]:
    return edit_loop.edit_and_build("axolotl")


def test_a_failed_index_is_a_warning_of_the_build(make_app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not search.installed():
        pytest.skip("pagefind is not installed")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(_failing_pagefind(tmp_path)))
    app, warnings = build(make_app, copy_root("indexes", tmp_path))
    assert "Pagefind could not index the site: pagefind-broken exited with 3: pagefind: out of quokkas" in warnings
    assert not (Path(app.outdir) / "pagefind").exists() and not (Path(app.outdir) / ".pagefind.new").exists()


def test_a_bad_refresh_setting_is_named(edit_loop: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(search.REFRESH_ENV, "sometimes")
    _, warnings = edit_loop.edit_and_build("zygomorphic")
    assert f"{search.REFRESH_ENV}='sometimes': expected 'wait' or 'background'" in warnings
    search.wait_until_fresh(edit_loop.outdir, edit_loop.state, timeout=60)  # the default: in the background
    assert edit_loop.indexed("zygomorphic")
