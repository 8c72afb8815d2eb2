"""Issue 13: pybtex's reading of the .bib lives beside the environment and is loaded only when read."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from helpers import build, bump, copy_root, html
from papershelf.formats.bibfile import BibIndex, scan_bibfile
from papershelf.site.domain import cite_domain
from papershelf.site.entrystore import READ_ALONE, EntryReader, StoredEntries
from pybtex.database import Entry, parse_file

BIB = (
    "@article{alpha2020,\n  title = {Alpha: A First Model},\n  author = {Smith, Ann and Lee, Bo},\n"
    "  journal = {Journal of Tests},\n  year = {2020}\n}\n\n"
    "@misc{beta2021,\n  title = {Beta},\n  author = {Day, Dee},\n  year = {2021}\n}\n"
)


def test_stored_entries_pickle_small_and_load_on_first_read(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB)
    data = parse_file(str(bib))
    stored = StoredEntries(data, tmp_path / "store.pickle", [bib], "utf-8")
    state = pickle.dumps(stored)
    assert len(state) < 500  # the path and a token, not the entries
    again = pickle.loads(state)
    assert not again.loaded
    assert list(again.entries) == ["alpha2020", "beta2021"] and again.loaded
    assert again.entries["alpha2020"].fields["title"] == "Alpha: A First Model"


def test_a_stale_or_missing_store_parses_the_bib_again(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB)
    path = tmp_path / "store.pickle"
    older = pickle.dumps(StoredEntries(parse_file(str(bib)), path, [bib], "utf-8"))
    StoredEntries(parse_file(str(bib)), path, [bib], "utf-8")  # a later build wrote another reading
    assert list(pickle.loads(older).entries) == ["alpha2020", "beta2021"]
    path.unlink()
    assert list(pickle.loads(older).entries) == ["alpha2020", "beta2021"]


def test_an_entry_read_alone_equals_the_full_reading(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB + "@misc{child, title = {Child}, crossref = {beta2021}, year = {2022}}\n")
    index = BibIndex.of(scan_bibfile(bib), (str(bib),), "utf-8")
    full = parse_file(str(bib)).entries
    reader = EntryReader()
    for key in ("alpha2020", "beta2021"):
        alone = reader.read(index, key)
        assert isinstance(alone, Entry)
        assert (alone.type, dict(alone.fields), {r: [str(p) for p in ps] for r, ps in alone.persons.items()}) == (
            full[key].type, dict(full[key].fields), {r: [str(p) for p in ps] for r, ps in full[key].persons.items()})
    assert reader.read(index, "child") is False  # its crossref parent: read everything
    assert reader.read(index, "nobody") is None


def test_entries_under_macros_are_not_read_alone(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text("@string{jt = {Journal of Tests}}\n\n" + BIB.replace("{Journal of Tests}", "jt"))
    index = BibIndex.of(scan_bibfile(bib), (str(bib),), "utf-8")
    assert EntryReader().read(index, "alpha2020") is False


def test_reading_many_entries_alone_gives_way_to_loading_them_all(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text("\n".join(f"@misc{{k{i}, title = {{T{i}}}, year = {{2020}}}}" for i in range(READ_ALONE + 2)))
    index = BibIndex.of(scan_bibfile(bib), (str(bib),), "utf-8")
    reader = EntryReader()
    assert all(reader.read(index, f"k{i}") not in (None, False) for i in range(READ_ALONE))
    assert reader.read(index, f"k{READ_ALONE}") is False


def test_a_no_op_build_loads_no_entry_and_an_edit_shows_the_new_text(make_app: Any, tmp_path: Path) -> None:
    srcdir = copy_root("indexes", tmp_path)
    (srcdir / "shelfrefs.md").write_text("# Shelf references\n\n```{paper-index} references\n```\n")
    index = srcdir / "index.md"
    index.write_text(index.read_text().replace("architecture\n```", "architecture\nshelfrefs\n```"))
    build(make_app, srcdir)
    noop, _ = build(make_app, srcdir)
    cite = cite_domain(noop.env)
    assert cite is not None
    data = cite.bibdata.data
    assert isinstance(data, StoredEntries) and not data.loaded
    # the References list was kept with this reading by the first build, which made it
    assert cite.data["papershelf_reference_items"][0] == data.token
    bib = srcdir / "refs.bib"
    bump(bib, bib.read_text().replace("Alpha: A First Model", "Alpha: The First Model"))
    edited, _ = build(make_app, srcdir)
    assert "Alpha: The First Model" in html(edited, "papers/alpha")
    paper = srcdir / "papers/beta.md"
    bump(paper, paper.read_text().replace("status: unread", "status: read"))
    again, _ = build(make_app, srcdir)
    assert "Alpha: The First Model" in html(again, "papers/alpha")
