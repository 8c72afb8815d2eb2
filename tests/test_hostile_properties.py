"""Property tests (issue 21): the front matter, BibTeX and list readers with generated hostile text."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from papershelf.formats import frontmatter
from papershelf.formats.bibfile import BibScan, escape, field_value, scan_text, write_entry
from papershelf.formats.lists import SHAPES
from papershelf.model.settings import DEFAULT

FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: text biased towards what breaks Markdown, YAML and BibTeX
PIECES = st.one_of(st.sampled_from([*"{}[]()<>!-#*_`|:&%\\@,=\"'\n\t ~$", "<!--", "-->", "<details>", "<summary>", "####", "---", "&a ", "*a", "\r\n", "\u2028", "\x00"]), st.characters(exclude_categories=["Cs"]))  # text read from UTF-8 holds no lone surrogate
HOSTILE = st.lists(PIECES, max_size=60).map("".join)


@FEW
@given(HOSTILE)
def test_front_matter_reading_never_raises(text: str) -> None:
    front = frontmatter.parse_front_matter(f"---\n{text}\n---\n")
    assert front is not None
    assert bool(front.error) or isinstance(front.data, dict)


@FEW
@given(st.dictionaries(st.sampled_from(["title", "short_name", "note", "tags"]), st.one_of(HOSTILE, st.lists(HOSTILE, max_size=3)), max_size=4))
def test_front_matter_written_is_read_back(fields: dict[str, object]) -> None:
    fields = {key: value for key, value in fields.items() if "\x00" not in str(value)}  # YAML cannot carry NUL
    text = frontmatter.dump_front_matter(fields)
    front = frontmatter.parse_front_matter(text)
    assert front is not None and not front.error, (text, front and front.error)
    for key, value in fields.items():
        if value not in ("", [], None):
            assert front.data[key] == value


@FEW
@given(st.lists(st.tuples(st.sampled_from(["title", "author", "doi", "journal", "note", "url", "abstract"]), HOSTILE), min_size=1, max_size=6, unique_by=lambda item: item[0]))
@example([("title", "\\\r\n")])  # a backslash before a line break: stripped, it escaped the closing brace
def test_a_written_entry_is_read_back_as_one_entry_with_the_same_fields(fields: list[tuple[str, str]]) -> None:
    written = write_entry("misc", "key2024", [("year", "2024"), *((name, escape(value)) for name, value in fields)])
    scan = BibScan("x.bib")
    scan_text(written, scan)
    assert list(scan.declared) == ["key2024"], written
    assert not [p for p in scan.problems if p.code.slug in ("bib-syntax", "bib-duplicate")], (written, scan.problems)
    expected = {"year", *(name for name, value in fields if escape(value))}
    assert {name for name, _ in scan.entries["key2024"].fields} == expected, written


@FEW
@given(HOSTILE)
def test_field_values_are_one_balanced_line(text: str) -> None:
    value = field_value(text)
    depth = 0
    for char in value:
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0
    assert not any(char in value for char in "\n\r\x00\u2028")
    assert field_value(value) == value


LIST_LINE = st.one_of(
    HOSTILE,
    st.sampled_from(["#### A: B", "paper link: [here](https://arxiv.org/abs/2301.00001)", "- [X](https://arxiv.org/abs/2301.00002) CVPR 2023", "| a | b |", "|-|-|", "```bibtex", "```", "citation:", "<details>", "</details>"]),
    st.text(alphabet=string.printable, max_size=80),
)


@FEW
@given(st.lists(LIST_LINE, max_size=30))
def test_list_readers_never_raise_on_arbitrary_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    for shape in SHAPES.values():
        reading = shape.read(text, "list.md", DEFAULT)
        assert reading.path == "list.md"
