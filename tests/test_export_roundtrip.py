"""Property: for any list of the format family, export -> import -> export is stable and loses nothing."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from papershelf.commands import init as scaffold
from papershelf.commands.exporter import export_shelf
from papershelf.commands.importer import import_lists
from papershelf.shelf.load import load_shelf
from papershelf.shelf.paths import locate

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
    if draw(st.booleans()):  # a fact line: a date other than the arXiv id's
        lines.append(f"date: {2010 + number % 9}-0{1 + number % 9}")
    lines += ["", f"paper link: [here](https://arxiv.org/abs/{arxiv})", ""]
    if draw(st.booleans()):
        lines += [f"github link: [here](https://github.com/example/{name.lower()})", ""]
    for label in draw(st.lists(LABEL, max_size=2, unique=True)):
        lines += [f"{label} link: [here](https://example.org/{number}/{label.replace(' ', '-')})", ""]
    if draw(st.booleans()):
        lines += [f"Some notes on {name}, with math:", "", "$$", "a^2 + b^2 = c^2", "$$", ""]
    if draw(st.booleans()):  # a quote and a list whose lines look like labelled links: body, not links
        lines += [f"> Quoted: {name} link: [here](https://example.org/quote/{number})", "", f"- listed link: [here](https://example.org/list/{number})", ""]
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
        if draw(st.booleans()):
            out += [f"### {section} in depth", ""]
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
    assert "<!--" not in first and "papershelf:" not in first
    for title in titles:
        assert title in first
    for line in text.splitlines():  # every link, keyword and note line of the list reaches the export
        if line.startswith("tag:"):
            for name in line[4:].split("|"):
                assert name.strip().strip("`") in first, line
        elif line.startswith(("paper link", "github link", "Some notes", "a^2", "> Quoted", "- listed", "date:")) or " link: [here](https://example.org/" in line:
            assert line.split(": ", 1)[-1] in first, line


HARD_PAGES = {
    # a title ending in parentheses, two aliases, a short name neither the title nor an alias gives, a date and `added`
    "odd.md": """---
key: odd2023
title: Learning to See (Again)
short_name: SeeNet
aliases: [Again, SeeNet-v0]
status: read
date: "2023-05"
added: "2024-02-01"
links:
  paper: https://arxiv.org/abs/2301.00042
  poster: https://example.org/odd-poster.pdf
relations:
  extends: plain2022
architecture:
  vision_encoder: "ViT-B/16: frozen"
tags: [vision, self-supervision, SeeNet-v0 ablations]
---

## Why it matters

It sees again.
""",
    # no BibTeX entry and no link: only its key and a `citation:` line keep it an entry
    "plain.md": """---
key: plain2022
title: A plain paper (with no links)
short_name: Plain
status: unread
date: "2022"
tags: [vision]
---
""",
}


def test_a_hand_made_shelf_exports_without_comments_and_imports_back_the_same(tmp_path: Path) -> None:
    """Every fact of a page reaches the list in its own format: title, names, date, added, key, facets, kinds, body."""
    extra = '\npapershelf_link_kinds = {"poster": "Poster"}\npapershelf_relation_kinds = {"extends": ["Extends", "Extended by"]}\n'
    roots = []
    for name in ("source", "target"):
        root = tmp_path / name
        scaffold.init_shelf(root, scaffold.InitOptions(title="Hard cases", author="Test", facets=(("vision_encoder", "Vision encoder"),)))
        conf = root / "conf.py"
        conf.write_text(conf.read_text(encoding="utf-8") + extra, encoding="utf-8")
        roots.append(root)
    source, target = roots
    for file, text in HARD_PAGES.items():
        (source / "docs" / "papers" / file).write_text(text, encoding="utf-8")
    (source / "references.bib").write_text("@misc{odd2023,\n  title={Learning to See (Again)},\n  author={Doe, Jane},\n  year={2023},\n  eprint={2301.00042}\n}\n", encoding="utf-8")
    listing = tmp_path / "list.md"
    listing.write_text(export_shelf(locate(source)), encoding="utf-8")
    text = listing.read_text(encoding="utf-8")
    assert "<!--" not in text
    for line in ("#### Learning to See (Again) (SeeNet) [`READ`]", "#### A plain paper (with no links) (Plain) [`UNREAD`]\n", "aliases: `Again` | `SeeNet-v0`", "date: 2023-05", "added: 2024-02-01",
                 "key: plain2022", "file: odd\n", "poster link: [here](https://example.org/odd-poster.pdf)", "extends: [Plain](#a-plain-paper-with-no-links-plain-unread)",
                 "Vision encoder: ViT-B/16: frozen", "**Why it matters**", "key: plain2022\n\ncitation:\n"):
        assert line in text, line
    report = import_lists(locate(target), [listing])
    assert sorted(report.imported) == ["odd2023", "plain2022"]
    assert report.warnings == []  # plain2022 has no citation but a `date:`: it gets a generated @misc, enrich's to complete
    assert "@misc{plain2022," in (target / "references.bib").read_text(encoding="utf-8")
    fields = ("title", "short_name", "aliases", "status", "links", "relations", "tags", "date", "added", "architecture")
    assert _records(target, fields) == _records(source, fields)
    assert "It sees again." in (target / "docs" / "papers" / "odd.md").read_text(encoding="utf-8")  # `file: odd`: its URL stays
    assert export_shelf(locate(target)) == text


def _records(root: Path, fields: tuple[str, ...]) -> dict[str, dict[str, object]]:
    result = {}
    for page in load_shelf(locate(root)).pages:
        paper = page.paper
        values: dict[str, object] = {
            "title": paper.title, "short_name": paper.short_name, "aliases": paper.aliases, "status": paper.status,
            "links": [(link.kind, link.url, link.label) for link in paper.links], "relations": sorted((r.kind, r.target) for r in paper.relations),
            "tags": paper.tags, "date": paper.date.iso() if paper.date else "", "added": paper.added, "architecture": paper.architecture,
        }
        result[paper.key] = {name: values[name] for name in fields}
    return result


def test_a_shelf_without_reading_status_never_writes_status_tags(tmp_path: Path) -> None:
    root = tmp_path / "awesome"
    scaffold.init_shelf(root, scaffold.InitOptions(title="Awesome", author="Test", reading_status=False))
    listing = tmp_path / "l.md"
    listing.write_text("# Awesome\n\n#### Alpha: One [`READ`]\n\npaper link: [here](https://arxiv.org/abs/2301.00001)\n\n"
                       "#### Beta: Two\n\npaper link: [here](https://arxiv.org/abs/2301.00002)\n", encoding="utf-8")
    import_lists(locate(root), [listing])
    text = export_shelf(locate(root))
    assert "#### Alpha: One\n" in text and "READ" not in text and "UNREAD" not in text
    # a page imported without a status tag says none (the default "unread" means nothing here); a written one is kept
    pages = {path.stem: path.read_text(encoding="utf-8") for path in (root / "docs" / "papers").glob("*.md")}
    assert "status:" not in pages["beta"] and "status: read" in pages["alpha"]
