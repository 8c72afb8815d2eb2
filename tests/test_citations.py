# mypy: disable-error-code="union-attr,index"
# (BeautifulSoup lookups are Optional; a None fails the test anyway.)
"""Issue 3: citations, cross-references, backlinks, objects.inv, incremental rebuilds."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import REPO, build, bump, copy_root, html
from sphinx.util.inventory import InventoryFile


def soup(app, docname: str) -> BeautifulSoup:
    return BeautifulSoup(html(app, docname), "html.parser")


def crossrefs(app, docname: str) -> dict[str, list[str]]:
    """The relation / "Cited in" field list of a paper page: label -> link texts."""
    fields = soup(app, docname).select_one("dl.paper-crossrefs")
    if fields is None:
        return {}
    return {
        dt.get_text().rstrip(":"): [a.get_text() for a in dd.select("a")]
        for dt, dd in zip(fields.select("dt"), fields.select("dd"), strict=True)
    }


def test_cite_role_links_to_the_paper_page(make_app, tmp_path: Path) -> None:
    app, warnings = build(make_app, copy_root("basic", tmp_path))
    assert warnings == ""
    cite = soup(app, "prose").select_one("span.bibtex-citation a")
    assert cite["href"] == "papers/alpha.html"
    assert "Smith and Jones" in cite.get_text() or "Smith" in cite.get_text()
    # a paper page citing another paper links to it too
    assert soup(app, "papers/gamma").select_one("span.bibtex-citation a")["href"] == "alpha.html"


def test_paper_role_renders_short_name_linked(make_app, tmp_path: Path) -> None:
    app, _ = build(make_app, copy_root("basic", tmp_path))
    link = soup(app, "prose").select_one('a[href="papers/beta.html"]')
    assert link is not None and link.get_text() == "Beta"


def test_cited_in_lists_citing_pages(make_app, tmp_path: Path) -> None:
    app, _ = build(make_app, copy_root("basic", tmp_path))
    assert crossrefs(app, "papers/alpha")["Cited in"] == ["Gamma", "Prose"]
    assert crossrefs(app, "papers/beta")["Cited in"] == ["Prose"]  # through {paper}


def test_relations_render_on_both_pages(make_app, tmp_path: Path) -> None:
    app, _ = build(make_app, copy_root("basic", tmp_path))
    assert crossrefs(app, "papers/alpha")["Updated version"] == ["Beta"]
    assert crossrefs(app, "papers/beta")["Previous version"] == ["Alpha"]


def test_duplicate_bib_key_names_both_lines(make_app, tmp_path: Path) -> None:
    _, warnings = build(make_app, copy_root("badinput", tmp_path))
    assert re.search(r"refs\.bib:13: WARNING: bib-duplicate: key `good2020` is defined again here; its first entry is on line 1", warnings)


def test_objects_inv_lists_every_paper(make_app, tmp_path: Path) -> None:
    app, _ = build(make_app, copy_root("basic", tmp_path))
    with open(Path(app.outdir) / "objects.inv", "rb") as stream:
        inventory = InventoryFile.load(stream, "https://shelf.example.org", os.path.join)
    papers = inventory.data["paper:paper"] if hasattr(inventory, "data") else inventory["paper:paper"]
    entries = {name: (item.uri if hasattr(item, "uri") else item[2], item.display_name if hasattr(item, "display_name") else item[3]) for name, item in papers.items()}
    assert entries == {
        "alpha2020": ("https://shelf.example.org/papers/alpha.html", "Alpha"),
        "beta2021": ("https://shelf.example.org/papers/beta.html", "Beta"),
        "gamma2022": ("https://shelf.example.org/papers/gamma.html", "Gamma"),
    }


def test_another_project_links_through_intersphinx(make_app, tmp_path: Path) -> None:
    shelf, _ = build(make_app, copy_root("basic", tmp_path))
    other = tmp_path / "other"
    other.mkdir()
    (other / "conf.py").write_text(
        'extensions = ["sphinx.ext.intersphinx", "myst_parser"]\n'
        f'intersphinx_mapping = {{"shelf": ("https://shelf.example.org/", {str(Path(shelf.outdir) / "objects.inv")!r})}}\n'
    )
    (other / "index.md").write_text("# Other\n\nSee [the Alpha paper](inv:shelf:paper:paper#alpha2020) and <inv:shelf#beta2021>.\n")
    out = tmp_path / "other-out"
    result = subprocess.run([sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(other), str(out)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((out / "index.html").read_text(), "html.parser")
    hrefs = {a.get_text(): a["href"] for a in page.select("a.reference.external")}
    assert hrefs["the Alpha paper"] == "https://shelf.example.org/papers/alpha.html"
    assert hrefs["Beta"] == "https://shelf.example.org/papers/beta.html"


def test_previous_next_follow_chronology(make_app, tmp_path: Path) -> None:
    # file order is alpha, beta, gamma; time order is gamma (2019), alpha (2020), beta (2021)
    app, _ = build(make_app, copy_root("basic", tmp_path))
    page = html(app, "papers/alpha")
    assert re.search(r'<h4>Previous topic</h4>\s*<p class="topless"><a href="gamma.html"', page)
    assert re.search(r'<h4>Next topic</h4>\s*<p class="topless"><a href="beta.html"', page)
    assert "Next topic" not in html(app, "papers/beta")


def _mtimes(app) -> dict[str, int]:
    return {str(p.relative_to(app.outdir)): p.stat().st_mtime_ns for p in Path(app.outdir).rglob("*.html")}


def test_editing_a_bib_entry_refreshes_exactly_the_pages_showing_it(make_app, tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    first, _ = build(make_app, srcdir)
    before = _mtimes(first)
    bib = srcdir / "refs.bib"
    bump(bib, bib.read_text().replace("Smith, Ann and Jones, Bob", "Smithers, Ann and Jones, Bob"))
    second, warnings = build(make_app, srcdir)
    assert warnings == ""
    after = _mtimes(second)
    rewritten = {name for name in after if after[name] != before.get(name)}
    assert soup(second, "papers/alpha").select_one(".paper-authors").get_text() == "Smithers, A., & Jones, B."
    assert "Smithers" in soup(second, "prose").select_one("span.bibtex-citation").get_text()
    assert "Smithers" in soup(second, "papers/gamma").select_one("span.bibtex-citation").get_text()
    assert "Smithers" in html(second, "refs")
    assert {"papers/alpha.html", "prose.html", "papers/gamma.html", "refs.html"} <= rewritten
    assert "papers/beta.html" not in rewritten


def test_relation_edits_and_deletions_update_backlinks(make_app, tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    build(make_app, srcdir)
    beta = srcdir / "papers/beta.md"
    original = beta.read_text()
    # add a relation
    bump(beta, original.replace("---\n", "---\nrelations:\n  builds_on: [gamma2022]\n", 1).replace("---\nrelations", "---\nrelations", 1))
    text = beta.read_text()
    assert text.startswith("---\nrelations:")
    app, warnings = build(make_app, srcdir)
    assert warnings == ""
    assert crossrefs(app, "papers/gamma")["Built upon by"] == ["Beta"]
    assert crossrefs(app, "papers/beta")["Builds on"] == ["Gamma"]
    # change it
    bump(beta, text.replace("builds_on: [gamma2022]", "variants: [gamma2022]"))
    app, _ = build(make_app, srcdir)
    assert "Built upon by" not in crossrefs(app, "papers/gamma")
    assert crossrefs(app, "papers/gamma")["Variant of"] == ["Beta"]
    # remove it
    bump(beta, original)
    app, _ = build(make_app, srcdir)
    assert "Variant of" not in crossrefs(app, "papers/gamma")
    # delete a paper: its backlinks vanish everywhere
    (srcdir / "papers/gamma.md").unlink()
    app, warnings = build(make_app, srcdir)
    assert crossrefs(app, "papers/alpha")["Cited in"] == ["Prose"]
    assert "gamma.html" not in html(app, "papers/alpha")
    assert "Gamma" not in soup(app, "chronology").get_text()
    assert "no-page: BibTeX entry 'gamma2022' has no paper page" in warnings


def test_real_history_page_cites_through_roles(tmp_path: Path) -> None:
    source = (REPO / "docs/history.md").read_text()
    cited = set(re.findall(r"\{cite:[a-z]+\}`([^`]+)`", source))
    papers = {m.group(1) for p in (REPO / "docs/papers").glob("*.md") if (m := re.search(r"^key: (\S+)", p.read_text(), re.M))}
    assert len(cited & papers) >= 15


@pytest.mark.parametrize(
    ("fields", "venue"),
    [
        ({"journal": "arXiv preprint arXiv:2312.16886"}, "arXiv"),
        ({"journal": "CoRR", "volume": "abs/2103.00020"}, "arXiv"),
        ({"eprint": "2311.03079", "archiveprefix": "arXiv"}, "arXiv"),
        ({"howpublished": "https://cdn.openai.com/papers/dall-e-3.pdf"}, ""),
        ({"journal": "https://example.org/paper.pdf", "url": "https://arxiv.org/abs/2102.12092"}, "arXiv"),
        ({"booktitle": "Proceedings of {ICML}", "eprint": "2103.00020", "archiveprefix": "arXiv"}, "Proceedings of ICML"),
        ({"journal": "Transactions on Machine Learning Research"}, "Transactions on Machine Learning Research"),
    ],
)
def test_venue_is_never_an_arxiv_id_or_url(fields: dict[str, str], venue: str) -> None:
    from papershelf.formats.citation import venue_of
    from pybtex.database import Entry

    assert venue_of(Entry("article", fields=fields)) == venue
