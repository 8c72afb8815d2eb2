"""The .bib scan: located problems, and single entries read without a full scan."""

from __future__ import annotations

from pathlib import Path

from helpers import REPO
from papershelf.bibfile import BibIndex, scan_bibfile


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
