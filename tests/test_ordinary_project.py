"""Issue 15: papershelf added to an ordinary Sphinx project.

A project that only cites keeps sphinxcontrib-bibtex's behaviour: no shelf
checks on its .bib, its encoding, no catalog, its own links untouched, its
own ``cite`` domain when it has no .bib files. Upstream rules papershelf's
lookup keeps: a bibliography on the citing page wins, keys come out in
bibliography order, a key repeated across .bib files is reported.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import build, html
from sphinx.errors import ExtensionError

BIB = """@book{first,
  title = {First Book},
  author = {Zed, Zoe},
  publisher = {P}
}

@book{second,
  title = {Second Book},
  author = {Able, Al},
  year = {2001},
  publisher = {P}
}
"""


def _project(tmp_path: Path, conf: str, pages: dict[str, str], bib: str = BIB, encoding: str = "utf-8") -> Path:
    srcdir = tmp_path / "project"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(conf)
    (srcdir / "refs.bib").write_text(bib, encoding=encoding)
    for name, text in pages.items():
        (srcdir / name).write_text(text)
    return srcdir


CONF = 'extensions = ["papershelf"]\nbibtex_bibfiles = ["refs.bib"]\nhtml_theme = "basic"\n'
INDEX = "Index\n=====\n\n.. toctree::\n\n   other\n\nSee :cite:p:`first,second` and `a site <https://example.org/>`_.\n\n.. bibliography::\n"
OTHER = "Other\n=====\n\nAgain :cite:p:`first`.\n\n.. bibliography::\n   :filter: docname in docnames\n"


def test_a_project_that_only_cites_gets_no_shelf_checks_and_no_catalog(make_app, tmp_path: Path) -> None:
    srcdir = _project(tmp_path, CONF, {"index.rst": INDEX, "other.rst": OTHER})
    app, warnings = build(make_app, srcdir)
    # `first` has no year and no paper page: sphinxcontrib-bibtex says what it says, papershelf adds nothing
    assert "missing year in first [bibtex.missing_field]" in warnings
    assert "[papershelf" not in warnings
    outdir = Path(app.outdir)
    assert not (outdir / "papers.json").exists()
    assert not (outdir / "feeds").exists() and not (outdir / "bib").exists()  # no papers: no feeds, no .bib exports
    assert 'name="citation_title"' not in html(app, "index") and "application/atom+xml" not in html(app, "index")
    index = html(app, "index")
    assert '<a class="reference external" href="https://example.org/">' in index  # no rel added to the project's links
    # written first,second; upstream gives them in bibliography order: [Abl01, Zed]
    cite = re.search(r'<span class="bibtex-citation"[^>]*>(.*?)</span>', index, re.S)
    assert cite is not None
    assert re.findall(r">(\w+)</a>", cite.group(1)) == ["Abl01", "Zed"]


def test_the_citing_pages_own_bibliography_wins(make_app, tmp_path: Path) -> None:
    srcdir = _project(tmp_path, CONF, {"index.rst": INDEX, "other.rst": OTHER})
    app, _ = build(make_app, srcdir)
    other = html(app, "other")
    cite = re.search(r'<span class="bibtex-citation"[^>]*>.*?</span>', other, re.S)
    assert cite is not None
    assert 'href="#' in cite.group(0), "a citation on a page with its own bibliography links there"


def test_shelf_checks_can_be_asked_for(make_app, tmp_path: Path) -> None:
    srcdir = _project(tmp_path, CONF + "papershelf_bib_checks = True\n", {"index.rst": INDEX, "other.rst": OTHER})
    _, warnings = build(make_app, srcdir)
    assert "bib-no-year: entry `first` has no `year`" in warnings
    assert "no-page: BibTeX entry 'second' has no paper page" in warnings


def test_bibtex_encoding_is_respected(make_app, tmp_path: Path) -> None:
    bib = BIB.replace("Zed, Zoe}", "Zéd, Zoë},\n  year = {1999}")
    srcdir = _project(tmp_path, CONF + 'bibtex_encoding = "latin-1"\n', {"index.rst": INDEX, "other.rst": OTHER}, bib, "latin-1")
    app, warnings = build(make_app, srcdir)
    assert "cannot read" not in warnings and "[papershelf" not in warnings
    assert "Zéd" in html(app, "index")


def test_a_key_repeated_across_bib_files_names_both_places(make_app, tmp_path: Path) -> None:
    srcdir = _project(tmp_path, CONF.replace('["refs.bib"]', '["refs.bib", "more.bib"]'), {"index.rst": INDEX, "other.rst": OTHER})
    (srcdir / "more.bib").write_text("\n@book{second,\n  title = {Again},\n  author = {Other, Olga},\n  year = {2002}\n}\n")
    app, warnings = build(make_app, srcdir)
    assert re.search(r"more\.bib:2: WARNING: bib-duplicate: bibliography data error in \S*more\.bib: "
                     r"repeated bibliography entry: second \(first entry at \S*refs\.bib:7\)", warnings), warnings
    assert "Second Book" in html(app, "index") and "Again" not in html(app, "index")  # the first entry wins, as in pybtex


def test_without_bib_files_sphinxcontrib_bibtex_is_not_loaded(make_app, tmp_path: Path) -> None:
    srcdir = _project(tmp_path, 'extensions = ["papershelf"]\nhtml_theme = "basic"\n', {"index.rst": "Index\n=====\n\nText.\n"})
    app, warnings = build(make_app, srcdir)
    assert warnings == ""
    assert "sphinxcontrib.bibtex" not in app.extensions


OTHER_CITE = '''
from sphinx.domains import Domain


class OtherCiteDomain(Domain):
    name = "cite"
    label = "another citation domain"


def setup(app):
    app.add_domain(OtherCiteDomain)
    return {"parallel_read_safe": True}
'''


def test_another_cite_domain_is_kept_without_bib_files_and_named_with_them(make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    srcdir = _project(tmp_path, 'extensions = ["othercite", "papershelf"]\nhtml_theme = "basic"\n', {"index.rst": "Index\n=====\n\nText.\n"})
    (srcdir / "othercite.py").write_text(OTHER_CITE)
    monkeypatch.syspath_prepend(str(srcdir))
    app, warnings = build(make_app, srcdir)
    assert type(app.env.get_domain("cite")).__name__ == "OtherCiteDomain" and warnings == ""
    (srcdir / "conf.py").write_text('extensions = ["othercite", "papershelf"]\nbibtex_bibfiles = ["refs.bib"]\n')
    with pytest.raises(ExtensionError, match=r"othercite\.OtherCiteDomain already registers a 'cite' domain"):
        make_app("html", srcdir=srcdir, freshenv=True)
