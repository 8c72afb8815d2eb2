"""Property: for any list of the format family, export -> import -> export is stable and loses nothing."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from papershelf import scaffold
from papershelf.exporter import export_shelf
from papershelf.importer import import_lists
from papershelf.scaffold import locate

WORD = st.sampled_from(["Vision", "Language", "Model", "Scaling", "Sparse", "Tokens", "Reasoning", "Alignment", "Diffusion", "Agents", "Retrieval", "Memory"])
NAME = st.from_regex(r"[A-Z][a-z]{2,5}[A-Z]{1,3}(-[0-9])?", fullmatch=True)
LABEL = st.sampled_from(["benchmark", "paper list", "survey page", "playground"])


@st.composite
def entries(draw: st.DrawFn, number: int) -> tuple[str, str]:
    """One entry: (its Markdown, its title)."""
    name = draw(NAME)
    words = draw(st.lists(WORD, min_size=2, max_size=6))
    title = f"{name}: {' '.join(words)}" if draw(st.booleans()) else " ".join([*words, name])
    alias = draw(st.one_of(st.just(""), NAME))
    status = draw(st.sampled_from(["READ", "UNREAD", "READING"]))
    arxiv = f"{2300 + number // 28:04d}.{10000 + number:05d}"
    lines = [f"#### {title}" + (f" ({alias})" if alias else "") + f" [`{status}`]"]
    keywords = draw(st.lists(st.sampled_from(["LIMA", "GAIR", "RLHF", "MoE"]), max_size=2, unique=True))
    if keywords:
        lines.append("tag: " + " | ".join(f"`{k}`" for k in keywords))
    lines += ["", f"paper link: [here](https://arxiv.org/abs/{arxiv})", ""]
    if draw(st.booleans()):
        lines += [f"github link: [here](https://github.com/example/{name.lower()})", ""]
    for label in draw(st.lists(LABEL, max_size=2, unique=True)):
        lines += [f"{label} link: [here](https://example.org/{number}/{label.replace(' ', '-')})", ""]
    if draw(st.booleans()):
        lines += [f"Some notes on {name}, with math:", "", "$$", "a^2 + b^2 = c^2", "$$", ""]
    lines += [
        "citation:", "```bibtex", f"@misc{{key{number},", f"  title={{{title}}},", "  author={Doe, Jane and Roe, Rick},",
        f"  year={{{2023 + number % 3}}},", f"  eprint={{{arxiv}}},", "  archivePrefix={arXiv}", "}", "```", "",
    ]
    return "\n".join(lines), title


@st.composite
def reading_lists(draw: st.DrawFn) -> tuple[str, list[str]]:
    sections = draw(st.lists(st.sampled_from(["Pre-training", "Instruction tuning", "Evaluation", "Efficiency"]), min_size=1, max_size=3, unique=True))
    out = ["# Generated list", ""]
    titles: list[str] = []
    number = 0
    for section in sections:
        out += [f"## {section}", ""]
        for _ in range(draw(st.integers(1, 2))):
            text, title = draw(entries(number))
            number += 1
            out.append(text)
            titles.append(title)
    return "\n".join(out), titles


def _import_export(text: str, work: Path, name: str) -> str:
    root = work / name
    scaffold.init_shelf(root, scaffold.InitOptions(title="Round trip", author="Test"))
    listing = work / f"{name}.md"
    listing.write_text(text, encoding="utf-8")
    import_lists(locate(root), [listing])
    return export_shelf(locate(root), title="Round trip")


def test_a_shelf_without_reading_status_exports_no_status_tags(tmp_path: Path) -> None:
    text = "# L\n\n#### Alpha: One\n\npaper link: [here](https://arxiv.org/abs/2301.00001)\n\n#### Beta: Two\n\npaper link: [here](https://arxiv.org/abs/2301.00002)\n"
    first = _import_export(text, tmp_path, "a")
    assert "#### Alpha: One\n" in first and "UNREAD" not in first
    assert _import_export(first, tmp_path, "b") == first


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reading_lists())
def test_export_import_export_is_stable(generated: tuple[str, list[str]]) -> None:
    text, titles = generated
    with tempfile.TemporaryDirectory() as work:
        first = _import_export(text, Path(work), "a")
        second = _import_export(first, Path(work), "b")
    assert second == first
    for title in titles:
        assert title in first
    for line in text.splitlines():  # every link, keyword and note line of the list reaches the export
        if line.startswith("tag:"):
            for name in line[4:].split("|"):
                assert name.strip().strip("`") in first, line
        elif line.startswith(("paper link", "github link", "Some notes", "a^2")) or " link: [here](https://example.org/" in line:
            assert line.split(": ", 1)[-1] in first, line
