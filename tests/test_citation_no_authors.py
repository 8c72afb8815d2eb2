"""A reference without authors starts with its title, not a bare year (issue 24 review, item 3)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from helpers import build, copy_root, html
from papershelf.formats.citation import format_reference
from pybtex.database import Entry, Person

ENTRIES = """
@misc{delta2024,
  title = {Delta: Learning Without Names},
  year = {2024},
  howpublished = {Workshop on Nothing}
}

@misc{eps2023,
  title = {Does Anyone Sign {Epsilon}?},
  eprint = {2301.00042},
  archivePrefix = {arXiv}
}
"""
PAGES = {
    "delta": "---\nkey: delta2024\ntitle: 'Delta: Learning Without Names'\nshort_name: Delta\nstatus: unread\n---\n",
    "eps": "---\nkey: eps2023\ntitle: Does Anyone Sign Epsilon?\nshort_name: Epsilon\nstatus: unread\ndate: '2023-01'\n---\n",
}


def entry(fields: dict[str, str], authors: tuple[str, ...] = ()) -> Entry:
    made = Entry("misc", fields=fields)
    for name in authors:
        made.add_person(Person(name), "author")
    return made


@pytest.mark.parametrize(("fields", "authors", "text"), [
    ({"title": "Delta: Learning Without Names", "year": "2024", "howpublished": "Workshop on Nothing"}, [],
     "Delta: Learning Without Names. (2024). Workshop on Nothing."),
    ({"title": "Does Anyone Sign Epsilon?"}, (), "Does Anyone Sign Epsilon? (n.d.)."),
    ({"title": "Zeta", "year": "2020", "eprint": "2001.00001", "archiveprefix": "arXiv"}, (), "Zeta. (2020). arXiv:2001.00001."),
    ({"year": "2021"}, (), "(2021)."),
    # with authors nothing changes, but a title ending in its own mark gets no second one
    ({"title": "Alpha", "year": "2020"}, ("Smith, Ann", "Jones, Bob"), "Smith, A., & Jones, B. (2020). Alpha."),
    ({"title": "Why Not?", "journal": "J. Tests Inc."}, ("Lee, Cy",), "Lee, C. (n.d.). Why Not? J. Tests Inc."),
])
def test_reference_text(fields: dict[str, str], authors: tuple[str, ...], text: str) -> None:
    assert format_reference(entry(fields, authors)).text() == text


def shelf(tmp_path: Path) -> Path:
    root = copy_root("basic", tmp_path)
    with (root / "refs.bib").open("a", encoding="utf-8") as bib:
        bib.write(ENTRIES)
    for name, text in PAGES.items():
        (root / "papers" / f"{name}.md").write_text(text, encoding="utf-8")
    with (root / "prose.md").open("a", encoding="utf-8") as prose:
        prose.write("\nUnsigned work {cite:p}`delta2024`, as {cite:t}`eps2023` asks.\n")
    (root / "references.md").write_text("# Bibliography\n\n```{paper-index} references\n```\n", encoding="utf-8")
    index = root / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("refs\n", "refs\nreferences\n"), encoding="utf-8")
    return root


def text_of(app: Any, docname: str, selector: str, separator: str = "") -> list[str]:
    page = BeautifulSoup(html(app, docname), "html.parser")
    return [" ".join(node.get_text(separator).split()) for node in page.select(selector)]


def test_pages_index_and_in_text_citations_without_authors(make_app, tmp_path: Path) -> None:
    app, warnings = build(make_app, shelf(tmp_path))
    assert "bib-no-year" in warnings and warnings.count("WARNING") == 1, warnings  # eps2023 has no year: said, and shown as n.d.
    assert text_of(app, "papers/delta", ".paper-reference") == ["Delta: Learning Without Names. (2024). Workshop on Nothing."]
    assert text_of(app, "papers/eps", ".paper-reference") == ["Does Anyone Sign Epsilon? (n.d.). arXiv:2301.00042."]
    # the header: no empty authors line; the venue and year as for any paper
    assert text_of(app, "papers/delta", ".paper-authors") == []
    assert text_of(app, "papers/delta", ".paper-venue") == ["Workshop on Nothing, 2024"]
    # the References index says it the same way, and the signed entries are unchanged
    listed = text_of(app, "references", ".paper-reference-entry")
    assert "Delta — Delta: Learning Without Names. (2024). Workshop on Nothing." in listed
    assert "Epsilon — Does Anyone Sign Epsilon? (n.d.). arXiv:2301.00042." in listed
    assert "Alpha — Smith, A., & Jones, B. (2020). Alpha: A First Model. arXiv:2003.00001." in listed
    # sphinxcontrib-bibtex's author-year style still labels the in-text citations (by title, as it does)
    prose = " ".join(text_of(app, "prose", "p", " "))
    assert "[ Delta: Learning Without Names , 2024 ]" in prose
    assert "Does Anyone Sign Epsilon? [ n.d. ]" in prose
    assert "[ Smith and Jones, 2020 ]" in prose
