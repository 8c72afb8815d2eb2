"""Shapes found in lists written by other hands (issue 10's acceptance corpus): each reaches the site,
and the importer's own output passes the strict build with no warning.

One small list per case, imported together into a new shelf, built once with ``-W``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import lists_and_shelf
from papershelf.cli import main
from papershelf.commands import init as scaffold
from papershelf.shelf import baseline
from papershelf.shelf.load import load_shelf
from papershelf.shelf.paths import locate


def citation(key: str, title: str, extra: str = "", year: str = "2024") -> str:
    return f"citation:\n```bibtex\n@misc{{{key},\n  title={{{title}}},\n  author={{Doe, Jane}},\n  year={{{year}}}{extra}\n}}\n```\n"


LISTS = {
    # an entry written with ### by mistake, without a citation: an entry, not a section
    "a-heading.md": "# Agents\n\n## Web agents\n\n### WebSeer: Browsing with Reflection\n\npaper link: [here](https://arxiv.org/abs/2403.01111)\n\n"
    "github link: [here](https://github.com/example/webseer)\n\n#### ToolMind: Function Calling at Scale\n\npaper link: [here](https://arxiv.org/abs/2403.02222)\n\n"
    + citation("doe2024toolmind", "ToolMind: Function Calling at Scale"),
    # a table of scores after the model table, and one after a one-line `model link:`: notes, not models
    "b-tables.md": "# Reasoning\n\n#### MathOwl: Small Verifiers for Math\n\npaper link: [here](https://arxiv.org/abs/2404.03333)\n\nmodel links:\n\n"
    "|model name|link|\n|-|-|\n|mathowl-7b|[here](https://huggingface.co/example/mathowl-7b)|\n\n|benchmark|score|\n|-|-|\n|GSM8K|91.2|\n\n"
    + citation("doe2024mathowl", "MathOwl: Small Verifiers for Math")
    + "\n#### CodeOwl: Repair with Tests\n\npaper link: [here](https://arxiv.org/abs/2404.04444)\n\nmodel link: [here](https://huggingface.co/example/codeowl)\n\n"
    "|suite|pass@1|\n|-|-|\n|HumanEval|77.4|\n\n" + citation("doe2024codeowl", "CodeOwl: Repair with Tests"),
    # no citation: a generated entry when the arXiv id gives the year; none (a real gap) without one
    "c-uncited.md": "# Speech\n\n#### VoxTide: Streaming Speech Tokens\n\npaper link: [here](https://arxiv.org/pdf/2405.05555v2)\n\n"
    "> Streams at 80 ms.\n\n#### A Talk Without a Paper\n\nslides link: [here](https://example.org/talk.pdf)\n",
    # derived short names that would collide, and a plain keyword the title uses is no name
    "d-names.md": "# Long context\n\n"
    "#### On the Role of Rotary Position Interpolation in Long Documents\n\npaper link: [here](https://arxiv.org/abs/2301.06666)\n\n"
    + citation("doe2023role", "On the Role of Rotary Position Interpolation in Long Documents", year="2023")
    + "\n#### On the Role of Rotary Position Interpolation in Streaming Inputs\n\npaper link: [here](https://arxiv.org/abs/2302.07777)\n\n"
    + citation("doe2023rolestream", "On the Role of Rotary Position Interpolation in Streaming Inputs", year="2023")
    + "\n#### A Survey of Sparse Attention for Book-Length Texts\ntag: `RingCat` | `survey`\n\npaper link: [here](https://arxiv.org/abs/2401.08888)\n\n"
    + citation("doe2024survey", "A Survey of Sparse Attention for Book-Length Texts"),
    # an updated version that is not on the shelf stays a labelled link
    "e-relations.md": "# Diffusion\n\n#### FlowPaint: Few-Step Samplers\n\npaper link: [here](https://arxiv.org/abs/2406.09999)\n\n"
    "updated version: [here](https://arxiv.org/pdf/2501.00042)\n\n" + citation("doe2024flowpaint", "FlowPaint: Few-Step Samplers"),
    # two lists citing one @string venue macro: defined once in the .bib
    "f-macros.md": "# Evaluation\n\n#### JudgeBench: Rubric Scoring\n\npaper link: [here](https://arxiv.org/abs/2407.01010)\n\n"
    'citation:\n```bibtex\n@string{acl = "Proceedings of ACL"}\n@inproceedings{doe2024judge,\n  title={JudgeBench: Rubric Scoring},\n  author={Doe, Jane},\n  booktitle=acl,\n  year={2024}\n}\n```\n',
    "g-macros.md": "# Evaluation again\n\n#### ArenaCat: Elo Ratings\n\npaper link: [here](https://arxiv.org/abs/2407.02020)\n\n"
    'citation:\n```bibtex\n@string{acl = "Proceedings of ACL"}\n@inproceedings{doe2024arena,\n  title={ArenaCat: Elo Ratings},\n  author={Doe, Jane},\n  booktitle=acl,\n  year={2024}\n}\n```\n',
    # HTML, rules and sub-headings inside an entry: Markdown notes of the paper, no raw HTML, no page starting with a rule
    "h-notes.md": "# Notes\n\n#### OwlNet: Notes in Every Shape\n\npaper link: [here](https://arxiv.org/abs/2408.01234)\n\n---\n\n"
    "<details><summary>Abstract</summary>\n\nWe present OwlNet, which is simple.\n\n</details>\n\n"
    '<p align="center"><img src="https://example.org/owlnet.png" alt="OwlNet overview" width="300"></p>\n\n'
    "<!-- TODO: check the ablation -->\n\nTrained on 8 GPUs<br>for 2 days. <!-- verify -->\n\n##### Takeaways\n\n- small models suffice\n\n"
    + citation("doe2024owlnet", "OwlNet: Notes in Every Shape") + "\n---\n\n"
    # a linked heading: its text is the title, its link the paper link
    "#### [LinkOwl: Titles That Link](https://arxiv.org/abs/2408.05678) (LinkOwl)\n\ngithub link: [here](https://github.com/example/linkowl)\n",
    # two uncited papers sharing a title: two pages, two keys
    "j-keys.md": "# Keys\n\n#### What Makes Sparse Attention Work\n\npaper link: [here](https://arxiv.org/abs/2409.01111)\n\n"
    "#### What Makes Sparse Attention Work\n\npaper link: [here](https://arxiv.org/abs/2501.02222)\n",
}


@pytest.fixture(scope="module")
def shelf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path, str]:
    """(shelf root, import findings, built site, strict build's stderr)."""
    base = tmp_path_factory.mktemp("shapes")
    lists, root = lists_and_shelf(base, LISTS, "Shapes")
    result = subprocess.run([sys.executable, "-m", "papershelf", "--root", str(root), "import", str(lists)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    site = base / "html"
    build = subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-c", str(root), str(root / "docs"), str(site)], capture_output=True, text=True, check=False)
    return root, result.stderr, site, build.stderr


def findings(err: str) -> set[tuple[str, int, str]]:
    return {(Path(m.group(1)).name, int(m.group(2)), m.group(3)) for m in re.finditer(r"^(\S+?):(\d+): (\S+) ", err, re.MULTILINE)}


def site_papers(site: Path) -> dict[str, dict]:
    return {p["key"]: p for p in json.loads((site / "papers.json").read_text(encoding="utf-8"))["papers"]}


def test_only_the_lists_real_defects_are_reported_and_the_strict_build_passes(shelf: tuple[Path, str, Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    root, err, _, build_err = shelf
    assert findings(err) == {
        ("a-heading.md", 5, "heading-level"),  # the ### entry
        ("c-uncited.md", 9, "no-bib-entry"), ("c-uncited.md", 9, "no-date"),  # no citation and nothing that dates one
    }
    assert "no arXiv link or `date:`" in err
    # the undated page without a BibTeX entry is all there is: the import recorded it as known, so the strict build passes
    known = {(Path(entry.path).name, entry.code) for entry in baseline.read(root / baseline.FILE_NAME)}
    assert known == {("a-talk-without-a-paper.md", "no-bib-entry"), ("a-talk-without-a-paper.md", "no-date")}
    assert "WARNING" not in build_err and "ERROR" not in build_err, build_err
    assert main(["--root", str(root), "check"]) == 0
    out = capsys.readouterr().out
    assert sorted(line.split()[1] for line in out.splitlines() if line.startswith("  ")) == ["no-bib-entry", "no-date"]


def test_an_entry_at_level_three_without_a_citation_is_a_paper_not_a_section(shelf: tuple[Path, str, Path, str]) -> None:
    _, _, site, _ = shelf
    papers = site_papers(site)
    webseer = next(p for p in papers.values() if p["title"] == "WebSeer: Browsing with Reflection")
    assert {link["url"] for link in webseer["links"]} == {"https://arxiv.org/abs/2403.01111", "https://github.com/example/webseer"}
    assert papers["doe2024toolmind"]["tags"] == ["Agents", "Web agents"]  # not under a "WebSeer" section


def test_a_table_of_scores_after_the_models_is_a_note(shelf: tuple[Path, str, Path, str]) -> None:
    _, _, site, _ = shelf
    papers = site_papers(site)
    assert [m["name"] for m in papers["doe2024mathowl"]["models"]] == ["mathowl-7b"]
    assert [m["name"] for m in papers["doe2024codeowl"]["models"]] == ["codeowl"]
    page = (site / papers["doe2024mathowl"]["url"]).read_text(encoding="utf-8")
    assert "<td><p>GSM8K</p></td>" in page and "<td><p>91.2</p></td>" in page
    assert "<td><p>HumanEval</p></td>" in (site / papers["doe2024codeowl"]["url"]).read_text(encoding="utf-8")


def test_an_uncited_paper_with_an_arxiv_id_gets_a_generated_entry(shelf: tuple[Path, str, Path, str]) -> None:
    root, _, site, _ = shelf
    bib = (root / "references.bib").read_text(encoding="utf-8")
    voxtide = next(p for p in site_papers(site).values() if p["short_name"] == "VoxTide")
    entry = re.search(rf"@misc\{{{voxtide['key']},\n(.*?)\n\}}", bib, re.DOTALL)
    assert entry is not None
    assert "year = {2024}" in entry.group(1) and "eprint = {2405.05555}" in entry.group(1) and "generated = {papershelf import}" in entry.group(1)
    assert "Streams at 80 ms." in (site / voxtide["url"]).read_text(encoding="utf-8")


def test_derived_short_names_are_distinct_and_a_plain_keyword_is_no_name(shelf: tuple[Path, str, Path, str]) -> None:
    root, _, site, _ = shelf
    papers = site_papers(site)
    first, second = papers["doe2023role"]["short_name"], papers["doe2023rolestream"]["short_name"]
    assert first.casefold() != second.casefold() and len(second) <= 40
    assert not first.endswith((" in", " of")) and first.startswith("On the Role of Rotary")
    survey = papers["doe2024survey"]
    assert survey["short_name"] != "survey" and "survey" in survey["tags"] and "RingCat" in survey["tags"]
    assert len({page.paper.short_name.casefold() for page in load_shelf(locate(root)).pages}) == len(papers)


def test_an_updated_version_not_on_the_shelf_stays_a_labelled_link(shelf: tuple[Path, str, Path, str]) -> None:
    _, _, site, _ = shelf
    flowpaint = site_papers(site)["doe2024flowpaint"]
    assert {"kind": "other", "label": "updated version", "url": "https://arxiv.org/pdf/2501.00042"} in flowpaint["links"]
    assert "https://arxiv.org/pdf/2501.00042" in (site / flowpaint["url"]).read_text(encoding="utf-8")


def test_one_venue_macro_from_two_lists_is_defined_once(shelf: tuple[Path, str, Path, str]) -> None:
    root, _, _, _ = shelf
    bib = (root / "references.bib").read_text(encoding="utf-8")
    assert bib.count('@string{acl = "Proceedings of ACL"}') == 1
    assert "@inproceedings{doe2024judge," in bib and "@inproceedings{doe2024arena," in bib


def test_one_paper_with_two_bibtex_texts_keeps_the_first_with_the_others_extra_fields() -> None:
    from papershelf.commands.importer import merge_entries
    from papershelf.formats.lists.readinglist import parse_reading_list

    def entries(bibtex: str, path: str) -> list:
        return parse_reading_list("#### Owl: A Bird\n\npaper link: [here](https://arxiv.org/abs/2401.00001)\n\n" + bibtex, path).entries

    scholar = "citation:\n```bibtex\n@article{owl2024,\n  title={Owl: A Bird},\n  author={Doe, Jane},\n  journal={arXiv preprint arXiv:2401.00001},\n  year={2024}\n}\n```\n"
    arxiv = "citation:\n```bibtex\n@misc{owl2024,\n      title={Owl: a bird},\n      author={Jane Doe},\n      year={2024},\n      eprint={2401.00001},\n      archivePrefix={arXiv}\n}\n```\n"
    # the same facts in another form: no conflict, and the arXiv copy's eprint is kept
    merged = merge_entries(entries(scholar, "one.md") + entries(arxiv, "two.md"))
    assert len(merged) == 1 and merged[0].warnings == []
    assert "eprint = {2401.00001}," in merged[0].bibtex and "journal={arXiv preprint arXiv:2401.00001}" in merged[0].bibtex
    # another year is a conflict, named field by field
    merged = merge_entries(entries(scholar, "one.md") + entries(arxiv.replace("year={2024}", "year={2025}"), "two.md"))
    assert [(w.code.slug, w.path, w.line) for w in merged[0].warnings] == [("merge-conflict", "two.md", 1)]
    assert "with another BibTeX entry `owl2024`: year '2025' (kept: '2024')" in merged[0].warnings[0].message


def test_two_papers_sharing_a_title_stay_two_when_their_arxiv_ids_differ() -> None:
    from papershelf.commands.importer import merge_entries
    from papershelf.formats.lists.readinglist import parse_reading_list

    title = "A Survey of Top-k Gating for Expert Routing"
    text = (
        f"#### {title}\n\npaper link: [here](https://arxiv.org/pdf/1806.19685.pdf)\n\n"
        + citation("andersson2018gating", title, "\n  eprint={1806.19685}", year="2018")
        + f"\n#### {title}\n\npaper link: [here](https://arxiv.org/pdf/1901.05918.pdf)\n\n"
        + "citation:\n```bibtex\n@article{okafor2019gating,\n  title={" + title + "},\n  journal={arXiv preprint arXiv:1901.05918},\n  year={2019}\n}\n```\n"
        + f"\n#### {title}\n\ngithub link: [here](https://github.com/example/gating)\n"  # no arXiv id of its own: the same paper as the first
    )
    merged = merge_entries(parse_reading_list(text, "l.md").entries)
    assert [entry.key for entry in merged] == ["andersson2018gating", "okafor2019gating"]
    assert [link.url for link in merged[0].links] == ["https://arxiv.org/pdf/1806.19685.pdf", "https://github.com/example/gating"]


def test_html_rules_and_sub_headings_in_an_entry_are_its_notes(shelf: tuple[Path, str, Path, str]) -> None:
    root, _, site, build_err = shelf
    assert "raw-html" not in build_err and "transition" not in build_err
    text = (root / "docs" / "papers" / "owlnet.md").read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2]
    assert "<" not in body and not body.strip().startswith("---") and not body.strip().endswith("---")
    for line in ("**Abstract**", "We present OwlNet, which is simple.", "![OwlNet overview](https://example.org/owlnet.png)", "Trained on 8 GPUs", "for 2 days.",
                 "**Takeaways**", "- small models suffice", "% TODO: check the ablation", "% verify"):
        assert line in body, line
    page = (site / site_papers(site)["doe2024owlnet"]["url"]).read_text(encoding="utf-8")
    assert 'src="https://example.org/owlnet.png"' in page and "small models suffice" in page


def test_a_linked_heading_gives_the_title_and_the_paper_link(shelf: tuple[Path, str, Path, str]) -> None:
    _, _, site, _ = shelf
    linkowl = next(p for p in site_papers(site).values() if p["short_name"] == "LinkOwl")
    assert linkowl["title"] == "LinkOwl: Titles That Link"
    assert [(link["kind"], link["url"]) for link in linkowl["links"]] == [("paper", "https://arxiv.org/abs/2408.05678"), ("code", "https://github.com/example/linkowl")]


def test_two_uncited_papers_sharing_a_title_get_two_keys(shelf: tuple[Path, str, Path, str]) -> None:
    _, _, site, build_err = shelf
    same = sorted(p["key"] for p in site_papers(site).values() if p["title"] == "What Makes Sparse Attention Work")
    assert len(same) == 2 and same[0] != same[1]
    assert "duplicate-paper" not in build_err


def test_check_reports_a_shared_link_on_the_page_the_build_does() -> None:
    from papershelf.model.records import Link, Paper
    from papershelf.shelf.rules import Located, link_problems

    def located(key: str, path: str) -> Located:
        return Located(Paper(key=key, docname=path[5:-3], title=key, short_name=key, status="unread", links=(Link("paper", "https://arxiv.org/abs/2103.10209", "", 7),)), path)

    # `x-2021.md` sorts before `x.md` as a file name but after it as a docname, the build's order
    for order in ([located("b", "docs/papers/x-2021.md"), located("a", "docs/papers/x.md")], [located("a", "docs/papers/x.md"), located("b", "docs/papers/x-2021.md")]):
        assert [(p.code.slug, p.path) for p in link_problems(order, {})] == [("duplicate-link", "docs/papers/x-2021.md")]


def test_export_writes_comments_back_as_html_comments_and_imports_the_same(shelf: tuple[Path, str, Path, str], tmp_path: Path) -> None:
    from papershelf.commands.exporter import export_shelf
    from papershelf.commands.importer import import_lists

    root, _, _, _ = shelf
    text = export_shelf(locate(root))
    assert "<!-- TODO: check the ablation -->" in text and "<!-- verify -->" in text and "\n% " not in text
    listing = tmp_path / "list.md"
    listing.write_text(text, encoding="utf-8")
    target = tmp_path / "again"
    scaffold.init_shelf(target, scaffold.InitOptions(title="Shapes", author="Test"))
    import_lists(locate(target), [listing])
    assert export_shelf(locate(target)) == text
