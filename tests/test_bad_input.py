"""Issue 7: bad input gets a located warning with a fix, and loses nothing.

Each case adds or edits files in a copy of tests/roots/test-basic (papers
Alpha, Beta, Gamma). For each: the expected warning names file and line; the
build completes (every page written); Alpha, Beta and Gamma still appear in
every index and in papers.json; and with warnings as errors the build fails.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import ENTRY, build_warnings, copy_root, page, paper

GOOD = {"alpha2020": "Alpha", "beta2021": "Beta", "gamma2022": "Gamma"}



@dataclass
class Case:
    name: str
    files: dict[str, str | bytes] = field(default_factory=dict)
    bib: str = ""  #: appended to refs.bib
    bib_insert: str = ""  #: inserted before the beta2021 entry
    expected: list[tuple[str, str]] = field(default_factory=list)  #: (location, message part)


CASES = [
    Case("malformed-yaml", {"papers/bad.md": "---\nkey: bad2020\ntitle: [unclosed\nstatus: read\n---\n"},
         expected=[("papers/bad.md:4", "front-matter-syntax")]),
    Case("tab-indentation", {"papers/tab.md": "---\nkey: tab2020\nlinks:\n\tpaper: https://example.org\n---\n"},
         expected=[("papers/tab.md:4", "front-matter-syntax: found character '\\t'")]),
    Case("typo-key", {"papers/typo.md": paper("typo2020", "Typo", "tgas: [x]\n")}, ENTRY.format(key="typo2020", title="Typo"),
         expected=[("papers/typo.md:7", "unknown front matter key `tgas`; did you mean `tags`?")]),
    Case("wrong-types", {"papers/types.md": paper("types2020", "Types", "tags: 7\nmodels: just text\nrelations: [a, b]\n")},
         ENTRY.format(key="types2020", title="Types"),
         expected=[("papers/types.md:7", "`tags` must be a list of text, not a number"),
                   ("papers/types.md:8", "`models` must be a list of {name, url}, not text"),
                   ("papers/types.md:9", "`relations` must be a mapping")]),
    Case("impossible-date", {"papers/month.md": paper("month2020", "Month", date="2023-13")}, ENTRY.format(key="month2020", title="Month"),
         expected=[("papers/month.md:6", "'2023-13' has month 13; months run from 01 to 12")]),
    Case("future-date", {"papers/future.md": paper("future2020", "Future", date="2999-01")}, ENTRY.format(key="future2020", title="Future"),
         expected=[("papers/future.md:6", "'2999-01' lies in the future")]),
    Case("missing-key", {"papers/nokey.md": page("title: No key\nshort_name: NoKey\nstatus: read\n")},
         expected=[("papers/nokey.md:2", "required key `key` is missing")]),
    Case("key-without-entry", {"papers/nobib.md": paper("nobib2020", "NoBib")},
         expected=[("papers/nobib.md:2", "key 'nobib2020' has no entry in")]),
    Case("entry-without-page", bib=ENTRY.format(key="lonely2020", title="Lonely"),
         expected=[("refs.bib:22", "no-page: BibTeX entry 'lonely2020' has no paper page")]),
    Case("duplicate-bib-key", bib=ENTRY.format(key="alpha2020", title="Alpha again"),
         expected=[("refs.bib:22", "key `alpha2020` is defined again here; its first entry is on line 1")]),
    Case("bib-syntax-in-the-middle", bib_insert="@misc{broken2020,\n  title = {Broken}\n  author = {Doe, Jane},\n  year = {2020}\n}\n\n",
         expected=[("refs.bib:10", "entry `broken2020`: a comma is missing after field `title`")]),
    Case("not-utf8", {"papers/latin1.md": paper("latin2020", "Latin", "aliases: [Caf\xe9]\n").encode("latin-1")},
         ENTRY.format(key="latin2020", title="Latin"),
         expected=[("papers/latin1.md:7", "not-utf8: byte 0xe9 is not UTF-8, so the page is left out of this build")]),
    Case("empty-page", {"papers/empty.md": ""},
         expected=[("papers/empty.md:1", "not-a-paper: this page has no paper front matter")]),
    Case("javascript-url", {"papers/js.md": paper("js2020", "Js", "links:\n  code: javascript:alert(1)\n")}, ENTRY.format(key="js2020", title="Js"),
         expected=[("papers/js.md:8", "`links.code` is 'javascript:alert(1)', not an http(s) URL")]),
    Case("data-url", {"papers/data.md": paper("data2020", "Data", "links:\n  paper: \"data:text/html,<b>x</b>\"\n")}, ENTRY.format(key="data2020", title="Data"),
         expected=[("papers/data.md:8", "`links.paper` is 'data:text/html,<b>x</b>', not an http(s) URL")]),
    Case("html-in-title", {"papers/html.md": page("key: html2020\ntitle: \"<script>alert('t')</script>\"\nshort_name: Html\nstatus: read\n")},
         ENTRY.format(key="html2020", title="Html"),
         expected=[("papers/html.md:3", "`title` contains HTML markup")]),
    Case("html-in-body", {"papers/body.md": paper("body2020", "Body", notes="\n<script>alert('b')</script>\n")},
         ENTRY.format(key="body2020", title="Body"),
         expected=[("papers/body.md", "raw-html: raw HTML in a paper page is not published")]),
    Case("unknown-relation", {"papers/rel.md": paper("rel2020", "Rel", "relations:\n  builds_on: [nosuch2019]\n")}, ENTRY.format(key="rel2020", title="Rel"),
         expected=[("papers/rel.md:8", "`relations.builds_on` names 'nosuch2019', which no paper page has")]),
    Case("self-relation", {"papers/self.md": paper("self2020", "Self", "relations:\n  updated_version: self2020\n")}, ENTRY.format(key="self2020", title="Self"),
         expected=[("papers/self.md:8", "names the paper itself")]),
    Case("version-cycle",
         {"papers/c1.md": paper("c1", "C1", "relations:\n  updated_version: c2\n"), "papers/c2.md": paper("c2", "C2", "relations:\n  updated_version: c1\n")},
         ENTRY.format(key="c1", title="C1") + ENTRY.format(key="c2", title="C2"),
         expected=[("papers/c1.md:8", "updated versions form a cycle: c1 -> c2 -> c1")]),
    Case("two-pages-one-key", {"papers/zeta.md": paper("alpha2020", "Zeta")},
         expected=[("papers/zeta.md:2", "pages 'papers/alpha' and 'papers/zeta' both claim key 'alpha2020'")]),
    Case("same-short-name", {"papers/twin.md": paper("twin2020", "Alpha")}, ENTRY.format(key="twin2020", title="Twin"),
         expected=[("papers/twin.md:2", "short name 'Alpha' is also used by 'papers/alpha'")]),
    Case("very-long-unicode-title",
         {"papers/long.md": page("key: long2020\ntitle: \"" + ("視覚言語モデル — Модель зрения 🦙 نموذج " * 12) + "\"\nshort_name: Long\nstatus: read\n")},
         ENTRY.format(key="long2020", title="Long"),
         expected=[("papers/long.md:3", "`title` has")]),
    Case("front-matter-not-a-mapping", {"papers/list.md": "---\n- key: list2020\n---\n"},
         expected=[("papers/list.md:2", "front matter is not a mapping")]),
    Case("model-without-name", {"papers/model.md": paper("model2020", "Model", "models:\n  - {url: \"https://example.org/m\"}\n")},
         ENTRY.format(key="model2020", title="Model"),
         expected=[("papers/model.md:8", "`models[0]` has no `name`")]),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_warns_builds_and_loses_nothing(make_app, tmp_path: Path, case: Case) -> None:
    srcdir = copy_root("basic", tmp_path)
    for name, content in case.files.items():
        target = srcdir / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    bib = srcdir / "refs.bib"
    text = bib.read_text()
    if case.bib_insert:
        text = text.replace("@inproceedings{beta2021", case.bib_insert + "@inproceedings{beta2021")
    bib.write_text(text + case.bib)

    app = make_app("html", srcdir=srcdir, warningiserror=True)
    app.build()
    warnings = build_warnings(app)
    for location, message in case.expected:
        assert any(location in line and message in line for line in warnings.splitlines()), (
            f"expected {location}: {message!r} in:\n{warnings}"
        )
    # warnings as errors: the build still completes, and fails
    assert app.statuscode == 1
    outdir = Path(app.outdir)
    for docname in ("index", "chronology", "prose", "papers/alpha", "papers/beta", "papers/gamma"):
        assert (outdir / f"{docname}.html").exists(), docname
    for name in case.files:
        if case.name != "not-utf8":  # Sphinx cannot read it at all
            assert (outdir / name).with_suffix(".html").exists(), f"{name} was not built"
    # nothing else disappears from any index
    linked = set()  # the chronology's rows are on its year pages
    for year_page in (outdir / "chronology").glob("*.html"):
        linked |= {a.get_text() for a in BeautifulSoup(year_page.read_text(encoding="utf-8"), "html.parser").select("a.reference.internal")}
    assert set(GOOD.values()) <= linked
    catalog = json.loads((outdir / "papers.json").read_text())
    keys = {entry["key"] for entry in (catalog["papers"] if isinstance(catalog, dict) else catalog)}
    assert set(GOOD) <= keys
