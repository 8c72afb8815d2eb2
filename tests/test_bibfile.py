"""The .bib scan: located problems, and single entries read without a full scan."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import REPO, build, copy_root, html
from papershelf.cli import main
from papershelf.formats.bibfile import BibIndex, BibScan, scan_bibfile
from papershelf.site.domain import cite_domain


def test_real_references_scan_clean() -> None:
    scan = scan_bibfile(REPO / "references.bib")
    assert scan.problems == []
    assert len(scan.entries) == 19


def test_reading_one_entry_matches_the_full_scan() -> None:
    path = REPO / "references.bib"
    scan = scan_bibfile(path)
    index = BibIndex.of(scan, (str(path),))
    for key, entry in scan.entries.items():
        assert index.read_entry(key) == entry, key
    assert index.read_entry("no-such-key") is None


def test_reading_one_entry_next_to_broken_ones(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@misc{a, title={A}, year={2020}}\n"
        "@misc{broken title={B}}\n"
        "@misc{c,\n  title={C},\n  year={2021}\n}\n"
    )
    scan = scan_bibfile(bib)
    assert [p.code.slug for p in scan.problems] == ["bib-syntax"]
    assert scan.problems[0].line == 2
    index = BibIndex.of(scan, (str(bib),))
    entry = index.read_entry("c")
    assert entry is not None and entry.line == 3 and entry.raw.startswith("@misc{c,")


# --- one grammar: an entry is valid for the scan, pybtex, check and the build alike ---

BROKEN = {
    "missing comma": "@misc{bad,\n  title = {Bad}\n  year = {2022}\n}\n",
    "unbalanced brace": "@misc{bad,\n  title = {B{ad},\n  year = {2022}\n}\n",
    "undefined macro": "@misc{bad,\n  title = {Bad},\n  month = sept,\n  year = 2022\n}\n",
    "space in a field name": "@misc{bad,\n  ti tle = {Bad},\n  year = {2022}\n}\n",
    "unclosed quote": '@misc{bad,\n  title = "Bad {x",\n  year = {2022}\n}\n',
    "field twice": "@misc{bad,\n  title = {Bad},\n  title = {Bad again},\n  year = {2022}\n}\n",
    "key differing only in case": "@misc{Good,\n  title = {Good twin},\n  year = {2020}\n}\n",
}
AFTER = "\n@misc{good,\n  title = {Good},\n  year = {2021}\n}\n"


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_broken_entry_is_reported_once_and_absent_everywhere(tmp_path: Path, case: str) -> None:
    bib = tmp_path / "refs.bib"
    text = BROKEN[case] + AFTER if case != "key differing only in case" else AFTER.lstrip("\n") + "\n" + BROKEN[case]
    bib.write_text(text, encoding="utf-8")
    scan = scan_bibfile(bib)
    assert len(scan.problems) == 1, scan.problems
    assert scan.problems[0].code.slug in ("bib-syntax", "bib-duplicate")
    assert list(scan.entries) == ["good"]  # the rest of the file is read
    assert list(scan.data.entries.keys()) == ["good"]  # pybtex's data agrees: nothing half-read
    assert set(scan.declared) == {"good", "bad" if case != "key differing only in case" else "Good"}


def test_valid_entries_pybtex_reads_differently_are_still_valid(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text('@string{venue = "Proc. of Tests"}\n@misc(paren, title = {P}, year = 2020)\n@misc{macro, title = {M}, howpublished = venue # { 2021}, year = 2021}\n', encoding="utf-8")
    scan = scan_bibfile(bib)
    assert scan.problems == []
    assert list(scan.entries) == list(scan.data.entries.keys()) == ["paren", "macro"]
    assert scan.data.entries["macro"].fields["howpublished"] == "Proc. of Tests 2021"


def _gamma_broken(make_app: Any, tmp_path: Path) -> tuple[Path, Any, str]:
    srcdir = copy_root("basic", tmp_path)
    bib = srcdir / "refs.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("  title = {Gamma},\n", "  title = {Gamma}\n"), encoding="utf-8")
    app, warnings = build(make_app, srcdir)
    return srcdir, app, warnings


def test_build_and_check_agree_on_a_broken_entry(make_app: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    srcdir, app, warnings = _gamma_broken(make_app, tmp_path)
    about_gamma = [line for line in warnings.splitlines() if "gamma2022" in line]
    assert len(about_gamma) == 1, warnings  # once, at its line, with a fix; no "no entry" for the page
    assert "refs.bib:17" in about_gamma[0] and "bib-syntax" in about_gamma[0] and "add `,`" in about_gamma[0]
    page = html(app, "papers/gamma")
    assert "(n.d.)" not in page and "paper-reference" not in page  # pybtex's half of the entry is not formatted
    assert "No BibTeX entry with key gamma2022 yet." in page
    assert cite_domain(app.env).entry("gamma2022") is None  # type: ignore[union-attr]
    assert cite_domain(app.env).entry("beta2021") is not None  # type: ignore[union-attr]
    # papershelf check says the same, and only that, about gamma
    assert main(["--root", str(srcdir), "check", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    found = [f for f in report["findings"] if "gamma2022" in f["message"]]
    assert [(f["path"], f["line"], f["code"]) for f in found] == [("refs.bib", 17, "bib-syntax")]
    assert report["entries"] == 2  # not counted as present


def test_entries_after_a_repeated_key_are_kept(make_app: Any, tmp_path: Path) -> None:
    """pybtex drops every entry after a repeated key; the build formats the scan's entries instead."""
    srcdir = copy_root("basic", tmp_path)
    bib = srcdir / "refs.bib"
    text = bib.read_text(encoding="utf-8")
    bib.write_text(text.replace("@inproceedings{beta2021", "@misc{alpha2020,\n  title = {Alpha again},\n  year = {2020}\n}\n\n@inproceedings{beta2021"), encoding="utf-8")
    app, warnings = build(make_app, srcdir)
    assert "key `alpha2020` is defined again here" in warnings
    assert "Doe, J. (2022). Gamma." in html(app, "papers/gamma")
    assert "Lee, C. (2021). Beta: A Better Model." in html(app, "papers/beta")


def test_macros_of_an_earlier_file_serve_a_later_one(tmp_path: Path) -> None:
    """pybtex reads all .bib files with one parser; the scan does the same."""
    first, second = tmp_path / "a.bib", tmp_path / "b.bib"
    first.write_text('@string{venue = "Proc. of Tests"}\n', encoding="utf-8")
    second.write_text("@misc{uses, title = {U}, howpublished = venue, year = 2020}\n", encoding="utf-8")
    alone = scan_bibfile(second)
    assert [p.code.slug for p in alone.problems] == ["bib-syntax"] and "undefined string" in alone.problems[0].message
    merged = BibScan("both")
    merged.add_file(scan_bibfile(first))
    merged.add_file(scan_bibfile(second, macros=merged.macros))
    assert merged.problems == [] and list(merged.data.entries.keys()) == ["uses"]
    assert merged.file_keys == {str(first): [], str(second): ["uses"]}


def test_a_macro_pybtex_cannot_read_is_reported(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text('@string{venue = "Proc" # undefinedmacro}\n@misc{ok, title = {OK}, year = 2020}\n', encoding="utf-8")
    scan = scan_bibfile(bib)
    assert [(p.code.slug, p.line) for p in scan.problems] == [("bib-syntax", 1)]
    assert "this @string does not parse: undefined string (line 1): undefinedmacro" in scan.problems[0].message
    assert list(scan.entries) == ["ok"]


def test_a_macro_defined_twice_is_located_at_both_lines(tmp_path: Path) -> None:
    """Two lists merged into one .bib, each with its own ``@string{conf = ...}``."""
    bib = tmp_path / "refs.bib"
    bib.write_text('@string{conf = "NeurIPS"}\n@misc{a1, title = {A}, journal = conf, year = 2020}\n'
                   '@string{conf = "ICML"}\n@misc{b1, title = {B}, journal = conf, year = 2021}\n', encoding="utf-8")
    scan = scan_bibfile(bib)
    assert [(p.code.slug, p.line) for p in scan.problems] == [("bib-duplicate", 3)]
    assert scan.problems[0].message.startswith("the @string `conf` is defined again here (first on line 1)")
    assert list(scan.entries) == ["a1", "b1"]


def _readings(scan: BibScan) -> dict[str, Any]:
    return {scan.digest(key): scan.data.entries[key] for key in scan.entries}


def test_an_edit_parses_only_the_entries_whose_text_changed(tmp_path: Path) -> None:
    """Unchanged entries keep pybtex's earlier reading (the same objects); the result equals a fresh scan."""
    bib = tmp_path / "refs.bib"
    bib.write_text("@misc{a, title={A}, author={Ann Smith}, year={2020}}\n\n@misc{b, title={B}, year={2021}}\n\n@misc{c, title={C}, year={2022}}\n")
    first = scan_bibfile(bib)
    bib.write_text(bib.read_text().replace("title={B}", "title={B, revised}") + "\n@misc{A, title={Again}, year={2023}}\n")
    again = scan_bibfile(bib, readings=_readings(first))
    fresh = scan_bibfile(bib)
    assert again.data.entries["a"] is first.data.entries["a"] and again.data.entries["c"] is first.data.entries["c"]
    assert again.data.entries["b"] is not first.data.entries["b"] and again.data.entries["b"].fields["title"] == "B, revised"
    assert list(again.data.entries) == list(fresh.data.entries) == ["a", "b", "c"]
    assert again.entries == fresh.entries
    # a key repeated without regard to case is reported as a fresh parse reports it
    assert [(p.code.slug, p.line, p.message) for p in again.problems] == [(p.code.slug, p.line, p.message) for p in fresh.problems]
    assert [p.code.slug for p in fresh.problems] == ["bib-duplicate"]


def test_entries_are_parsed_again_where_macros_could_change_them(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text("@string{venue = {Old Venue}}\n\n@misc{a, title={A}, howpublished=venue, year={2020}}\n")
    first = scan_bibfile(bib)
    assert first.defines_macros and BibIndex.of(first).defines_macros
    bib.write_text(bib.read_text().replace("Old Venue", "New Venue"))
    again = scan_bibfile(bib, readings=_readings(first))
    assert again.data.entries["a"].fields["howpublished"] == "New Venue"
