"""Front matter is written by one YAML dumper (frontmatter.FrontMatterDumper) in the house style."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import REPO
from hypothesis import example, given, settings
from hypothesis import strategies as st
from papershelf.formats.frontmatter import dump_fields, dump_front_matter, parse_front_matter
from papershelf.shelf.paths import render_front_matter

PAGES = sorted((REPO / "docs" / "papers").glob("*.md"))


def plain(value: Any) -> Any:
    """LineDict/LineList as plain dicts and lists, to compare values."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def test_house_style() -> None:
    text = render_front_matter({
        "tags": ["instruction tuning", "captions and data"],
        "links": {"paper": "https://arxiv.org/pdf/2304.08485", "code": [{"label": "Official", "url": "https://github.com/x/y"}]},
        "title": "LLaVA: Visual instruction tuning",
        "key": "liu2023llava",
        "short_name": "2023",
        "status": "unread",
        "date": "2023-04",
        "added": "2024-01-05",
        "models": [{"name": "llava-v1-13b", "url": "https://huggingface.co/liuhaotian/llava"}],
        "abstract": "",
        "aliases": [],
    })
    assert text == (
        "---\n"
        "key: liu2023llava\n"
        'title: "LLaVA: Visual instruction tuning"\n'  # ": " would start a mapping
        'short_name: "2023"\n'  # would read back as a number
        "status: unread\n"
        'date: "2023-04"\n'  # dates always quoted (myst-parser < 5.2 crashes on nested unquoted dates)
        'added: "2024-01-05"\n'
        "links:\n"
        "  paper: https://arxiv.org/pdf/2304.08485\n"
        "  code:\n"
        '    - {label: Official, url: "https://github.com/x/y"}\n'
        "models:\n"
        '  - {name: llava-v1-13b, url: "https://huggingface.co/liuhaotian/llava"}\n'
        "tags: [instruction tuning, captions and data]\n"
        "---\n"
    )  # keys in schema order, empty values left out, no line folding


def test_long_and_multiline_values() -> None:
    long_items = ["x" * 70, "y"]
    abstract = "First paragraph.\n\nSecond: with a colon, and 'quotes' \"too\"."
    text = dump_front_matter({"tags": long_items, "abstract": abstract, "title": "t " * 200})
    assert "tags:\n  - " in text  # long items: one per line
    assert "abstract: |" in text
    assert len(text.splitlines()) == 2 + 3 + 4 + 1  # fences, tags, the abstract block (3 lines), the title on one line
    front = parse_front_matter(text)
    assert front is not None and plain(front.data) == {"tags": long_items, "abstract": abstract, "title": "t " * 200}


def test_enrich_lines() -> None:
    assert dump_fields({"date": "2023-04-17", "abstract": "We present: a model."}) == 'date: "2023-04-17"\nabstract: "We present: a model."\n'
    assert dump_fields({"abstract": ""}) == ""


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_shelf_pages_dump_again_with_only_redundant_quotes_dropped(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    front = parse_front_matter(text)
    assert front is not None and not front.error
    written = "\n".join(text.split("\n")[: front.end_line]) + "\n"
    again = dump_front_matter(front.data)
    assert len(again.splitlines()) == len(written.splitlines())
    for before, after in zip(written.splitlines(), again.splitlines(), strict=True):
        assert before == after or before.replace('"', "") == after.replace('"', ""), (before, after)
    again_front = parse_front_matter(again)
    assert again_front is not None and plain(again_front.data) == plain(front.data)


# Text of any kind but surrogates (not encodable) and the BOM (stripped as an encoding mark by readers).
TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\ufeff"), max_size=80)
KEYS = st.from_regex(r"\A[a-z][a-z_]{0,12}\Z")
SCALARS = st.one_of(TEXT, st.booleans())
VALUES = st.one_of(
    SCALARS,
    st.lists(TEXT, max_size=5),
    st.dictionaries(KEYS, st.one_of(TEXT, st.lists(TEXT, max_size=3)), max_size=4),
    st.lists(st.dictionaries(KEYS, TEXT, min_size=1, max_size=3), max_size=3),
    st.dictionaries(KEYS, st.lists(st.dictionaries(KEYS, TEXT, min_size=1, max_size=2), min_size=1, max_size=2), max_size=2),
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, VALUES, max_size=8))
@example({"abstract": "a\n---\nb", "notes": "  indented\n---"})  # a fence inside a value is indented, not a fence
@example({"a": "0\n", "b": "x\n\n"})  # final line breaks survive the closing fence
@example({"date": "2023-04", "year": "2023", "flag": "true", "none": "null", "dash": "- x", "hash": "a #b", "tilde": "~"})
def test_dump_then_load_is_the_identity(fields: dict[str, Any]) -> None:
    text = dump_front_matter(fields)
    front = parse_front_matter(text)
    assert front is not None and not front.error, (text, front and front.error)
    kept = {key: value for key, value in fields.items() if value not in ("", [], {})}
    assert plain(front.data) == kept
