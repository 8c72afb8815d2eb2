"""`papershelf import` on several lists: every line lands somewhere, the same paper merges, nothing is invented."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from papershelf.cli import main
from papershelf.commands import init as scaffold
from papershelf.commands.importer import _link_value, merge_entries
from papershelf.formats.lists.readinglist import keyword_names, model_name, parse_reading_list
from papershelf.shelf import baseline
from papershelf.shelf.load import load_shelf
from papershelf.shelf.paths import locate

LISTS = Path(__file__).parent / "data" / "lists"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def findings(err: str) -> set[tuple[str, int, str]]:
    return {(Path(m.group(1)).name, int(m.group(2)), m.group(3)) for m in re.finditer(r"^(\S+?):(\d+): (\S+) ", err, re.MULTILINE)}


@pytest.fixture
def imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str, str]:
    root = tmp_path / "shelf"
    scaffold.init_shelf(root, scaffold.InitOptions(title="Lists", author="Test"))
    code, out, err = run(capsys, "--root", str(root), "import", str(LISTS))
    assert code == 0
    return root, out, err


def test_summary_counts_per_file_and_dry_run_prints_the_same(tmp_path: Path, capsys: pytest.CaptureFixture[str], imported: tuple[Path, str, str]) -> None:
    _, out, _ = imported
    dry_root = tmp_path / "dry"
    scaffold.init_shelf(dry_root, scaffold.InitOptions(title="Lists", author="Test"))
    before = sorted(p.name for p in dry_root.rglob("*"))
    code, dry, _ = run(capsys, "--root", str(dry_root), "import", "--dry-run", str(LISTS))
    assert code == 0 and sorted(p.name for p in dry_root.rglob("*")) == before
    recorded = "4 lists: 2 known problems recorded in known-problems.json"  # a dry run writes no files, and records nothing
    assert dry.replace("would create", "created").replace("would import", "imported") == "".join(line for line in out.splitlines(keepends=True) if recorded not in line)
    lines = {Path(line.split(":", 1)[0]).name: line for line in out.splitlines()[:-1]}
    assert lines["01-reasoning.md"].endswith("3 entries, created 3, merged 0, lines mapped 48, kept as body 5, as notes 8, problems 3")
    assert lines["02-multimodal.md"].endswith("2 entries, created 2, merged 0, lines mapped 27, kept as body 0, as notes 0, problems 2")
    assert lines["03-benchmarks.md"].endswith("2 entries, created 1, merged 1, lines mapped 28, kept as body 2, as notes 0, problems 1")
    assert "04-empty.md: notice: no entries" in lines["04-empty.md"]
    assert out.splitlines()[-1].endswith("imported 6, already present 0, with problems 5")


def test_each_finding_is_a_real_defect_of_the_lists(imported: tuple[Path, str, str]) -> None:
    _, _, err = imported
    assert findings(err) == {
        ("01-reasoning.md", 15, "label-typo"),  # homempage
        ("01-reasoning.md", 54, "label-typo"),  # gituhub
        ("01-reasoning.md", 86, "heading-level"),  # an entry written with ###
        ("02-multimodal.md", 26, "duplicate-link"),  # ShareGPT4V links LLaVA's paper
        ("02-multimodal.md", 26, "arxiv-mismatch"),
        ("03-benchmarks.md", 5, "merge-conflict"),  # LLaVA listed again under another title
    }


def test_the_same_paper_in_two_files_merges_and_a_wrong_link_hides_nothing(imported: tuple[Path, str, str]) -> None:
    root, _, _ = imported
    papers = {page.paper.key: page.paper for page in load_shelf(locate(root)).pages}
    assert sorted(papers) == ["chen2023sharegpt4v", "li2025limr", "liu2023improvedllava", "liu2023llava", "shao2024deepseekmath", "ye2025limo"]
    llava = papers["liu2023llava"]
    assert llava.short_name == "LLaVA" and "LLaVA-Bench" in llava.aliases  # the first file's name, the second's kept
    assert {(link.kind, link.url) for link in llava.links} == {
        ("paper", "https://arxiv.org/pdf/2304.08485"),  # the second file's /abs/ form is the same link
        ("code", "https://github.com/haotian-liu/LLaVA"), ("model_zoo", "https://github.com/haotian-liu/LLaVA/blob/main/docs/MODEL_ZOO.md"),
        ("slides", "https://example.org/llava/slides.pdf"),
    }
    assert [(r.kind, r.target) for r in llava.relations] == [("updated_version", "liu2023improvedllava")]
    assert llava.tags == ("Multimodal Models", "Instruction tuning", "Benchmarks", "Multimodal evaluation", "LLaVA-Bench", "evaluation")
    assert "- GPT-4 as the judge" in (root / "docs" / "papers" / "llava.md").read_text(encoding="utf-8")
    sharegpt = papers["chen2023sharegpt4v"]  # its link is LLaVA's, yet it is its own paper
    assert sharegpt.title == "ShareGPT4V: Improving Large Multi-Modal Models with Better Captions"  # BibTeX title: the heading lacks the colon
    assert sharegpt.short_name == "ShareGPT4V"
    assert [(link.kind, link.url) for link in sharegpt.links] == [("paper", "https://arxiv.org/pdf/2304.08485"), ("docs", "https://sharegpt4v.github.io/docs")]


def test_every_line_form_lands_somewhere(imported: tuple[Path, str, str]) -> None:
    root, _, _ = imported
    papers = {page.paper.key: page.paper for page in load_shelf(locate(root)).pages}
    limo = papers["ye2025limo"]
    assert limo.short_name == "LIMO" and limo.tags == ("Reasoning Models", "Data-efficient reasoning", "LIMA", "GAIR")
    assert [(link.kind, link.url, link.label) for link in limo.links] == [
        ("paper", "https://arxiv.org/abs/2502.03387", ""), ("code", "https://github.com/GAIR-NLP/LIMO", ""),
        ("homepage", "https://gair-nlp.github.io/limo", ""), ("leaderboard", "https://example.org/limo/leaderboard", ""),
        ("other", "https://example.org/limo/bench", "benchmark"),
    ]
    assert [(model.name, model.url) for model in limo.models] == [("LIMO", "https://huggingface.co/GAIR/LIMO")]  # not "here"
    assert [(r.kind, r.target) for r in limo.relations] == [("follow_up", "li2025limr")]
    page = (root / "docs" / "papers" / "limo.md").read_text(encoding="utf-8")
    assert "$$\n\\mathcal{L} = -\\sum_{t}" in page and "> 817 curated samples are enough." in page
    assert [(link.kind, link.url) for link in papers["li2025limr"].links][1] == ("code", "https://github.com/GAIR-NLP/LIMR")  # gituhub
    deepseek = papers["shao2024deepseekmath"]
    assert deepseek.short_name == "DeepSeekMath" and deepseek.tags == ("Reasoning Models", "Reinforcement learning")
    notes = (root / "docs" / "notes" / "01-reasoning.md").read_text(encoding="utf-8")
    for text in ("This note holds no paper", "\\nabla_\\theta J(\\theta)", "**Step one: the log-derivative trick**", "small, curated data sets"):
        assert text in notes
    # the list's title names the page; a section's heading stays above its introduction
    assert notes.split("\n")[4] == "# Notes: Reasoning Models"
    assert "**Data-efficient reasoning**\n\nA short introduction to the section" in notes
    assert "Only a paragraph" in (root / "docs" / "notes" / "04-empty.md").read_text(encoding="utf-8")
    for page_path in (root / "docs" / "papers").glob("*.md"):
        assert len(page_path.stem) < 60


def test_the_build_and_check_report_the_same_findings_and_nothing_else(tmp_path: Path, capsys: pytest.CaptureFixture[str], imported: tuple[Path, str, str]) -> None:
    root, _, _ = imported
    known = {entry.code for entry in baseline.read(root / baseline.FILE_NAME)}
    assert known == {"duplicate-link", "arxiv-mismatch"}  # recorded by the import
    (root / baseline.FILE_NAME).unlink()  # none known: check and the strict build both report (and fail on) them all
    code, out, _ = run(capsys, "--root", str(root), "check")
    assert code == 1
    checked = {(m.group(1), int(m.group(2)), m.group(3)) for m in re.finditer(r"^(\S+):(\d+): (\S+) ", out, re.MULTILINE)}
    assert {finding[2] for finding in checked} == {"duplicate-link", "arxiv-mismatch"}  # the lists' own defects, nothing of the importer's
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-c", str(root), str(root / "docs"), str(tmp_path / "html")],
        capture_output=True, text=True, check=False,
    )
    built = {(Path(m.group(1)).relative_to(root).as_posix(), int(m.group(2)), m.group(3)) for m in re.finditer(r"^(\S+):(\d+): WARNING: (\S+):", result.stderr, re.MULTILINE)}
    assert result.returncode == 1 and built == checked, result.stderr
    limo = (tmp_path / "html" / "papers" / "limo.html").read_text(encoding="utf-8")
    assert 'class="math notranslate nohighlight"' in limo and "Follow-up work" in limo and ">Benchmark<" in limo
    assert "Follows up on" in (tmp_path / "html" / "papers" / "limr.html").read_text(encoding="utf-8")


def test_importing_the_lists_twice_adds_nothing(imported: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    root, _, _ = imported
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    code, out, _ = run(capsys, "--root", str(root), "import", str(LISTS))
    assert code == 0 and out.splitlines()[-1].endswith("imported 0, already present 6, with problems 0")
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_line_helpers() -> None:
    assert keyword_names("`LIMO` | `LIMA` | `GAIR`") == ["LIMO", "LIMA", "GAIR"]
    assert keyword_names("reasoning, math") == ["reasoning", "math"]
    assert model_name("https://huggingface.co/GAIR/LIMO") == "LIMO"
    assert model_name("https://huggingface.co/org/name/tree/main") == "name"
    # a page's `blog: URL` gaining a labelled blog link becomes a list of {label, url}, as the schema takes it
    assert _link_value(["https://a.org", {"label": "v2", "url": "https://b.org"}]) == [{"url": "https://a.org"}, {"label": "v2", "url": "https://b.org"}]
    assert _link_value(["https://a.org"]) == "https://a.org"
    parsed = parse_reading_list("# T\n\n#### Followup\n\nfollowup work: [x](https://example.org/x)\n\nfree text\n", "l.md")
    assert parsed.entries[0].relations[0].kind == "follow_up" and parsed.entries[0].body == ["free text"]


def test_the_cli_reads_the_papers_folder_conf_py_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "shelf"
    scaffold.init_shelf(root, scaffold.InitOptions(title="Lists", author="Test"))
    conf = root / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + '\npapershelf_papers_dir = "entries"\n', encoding="utf-8")
    assert locate(root).papers == root / "docs" / "entries"
    assert run(capsys, "--root", str(root), "import", str(LISTS / "02-multimodal.md"))[0] == 0
    assert sorted(p.name for p in (root / "docs" / "entries").glob("*.md")) == ["llava.md", "sharegpt4v.md"]
    assert len(load_shelf(locate(root)).pages) == 2


def _entry(title: str, link: str, bibtex: str = "") -> str:
    citation = f"\ncitation:\n```bibtex\n{bibtex}\n```\n" if bibtex else ""
    return f"#### {title}\n\npaper link: [here]({link})\n{citation}\n"


def test_identity_is_key_then_eprint_then_title_never_the_link() -> None:
    text = "# L\n\n" + "".join([
        _entry("Alpha: One", "https://arxiv.org/abs/2301.00001", "@misc{alpha1,\n  title={Alpha: One},\n  year={2023},\n  eprint={2301.00001}\n}"),
        _entry("Alpha, the first", "https://example.org/alpha", "@misc{alphaOther,\n  title={Alpha, the first},\n  year={2023},\n  eprint={2301.00001}\n}"),  # same eprint
        _entry("Beta: Two", "https://example.org/beta"),
        _entry("beta - two", "https://example.org/beta-copy"),  # same title up to case and punctuation
        _entry("Gamma: Three", "https://arxiv.org/abs/2301.00001", "@misc{gamma3,\n  title={Gamma: Three},\n  year={2023},\n  eprint={2301.00003}\n}"),  # Alpha's link
    ])
    papers = merge_entries(parse_reading_list(text, "l.md").entries)
    assert [paper.title for paper in papers] == ["Alpha: One", "Beta: Two", "Gamma: Three"]
    alpha, beta, gamma = papers
    assert [link.url for link in alpha.links] == ["https://arxiv.org/abs/2301.00001", "https://example.org/alpha"]
    assert {problem.code.slug for problem in alpha.warnings} == {"merge-conflict"}  # another title, another BibTeX entry
    assert [link.url for link in beta.links] == ["https://example.org/beta", "https://example.org/beta-copy"]
    assert gamma.merged == [] and gamma.key == "gamma3"


def test_a_later_import_adds_its_facts_to_the_page_already_on_the_shelf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "shelf"
    scaffold.init_shelf(root, scaffold.InitOptions(title="Lists", author="Test"))
    assert run(capsys, "--root", str(root), "import", str(LISTS / "02-multimodal.md"))[0] == 0
    code, out, _ = run(capsys, "--root", str(root), "import", str(LISTS / "03-benchmarks.md"))
    assert code == 0 and "added new facts to 1 page(s) already on the shelf: liu2023llava" in out
    llava = next(page.paper for page in load_shelf(locate(root)).pages if page.paper.key == "liu2023llava")
    assert llava.short_name == "LLaVA" and "LLaVA-Bench" in llava.aliases
    assert {link.kind for link in llava.links} == {"paper", "code", "model_zoo", "slides"}
    assert llava.tags == ("Multimodal Models", "Instruction tuning", "Benchmarks", "Multimodal evaluation", "evaluation")  # its own name became an alias
    assert "- GPT-4 as the judge" in (root / "docs" / "papers" / "llava.md").read_text(encoding="utf-8")
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    code, out, _ = run(capsys, "--root", str(root), "import", str(LISTS / "03-benchmarks.md"))
    assert code == 0 and "added new facts" not in out
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_blocks_come_from_the_markdown_grammar() -> None:
    """Label lines count only in an entry's own paragraphs; math, quotes, lists, HTML and code stay body."""
    text = "\n".join([
        "# T",  # 1
        "",
        "#### Alpha: One",  # 3
        "paper link: [here][alpha]",  # 4: a reference-style link
        "",
        "$$",  # 6
        "x: [not a link line](https://example.org/math)",
        "$$",
        "",
        "> code link: [quoted](https://example.org/quote)",  # 10
        "",
        "- blog link: [listed](https://example.org/list)",  # 12
        "",
        "<details>",  # 14
        "demo link: [folded](https://example.org/html)",
        "</details>",
        "",
        "```python",  # 18
        "#### not a heading",
        "```",
        "",
        "[alpha]: https://arxiv.org/abs/2301.00001",  # 22
        "",
        "slides link: [deck](<https://example.org/a (1).pdf>) | <https://example.org/b.pdf>",  # 24
        "",
        "citation:",
        "```bibtex",
        "@misc{alpha1,",  # 28
        "  title={Alpha: One}",
        "}",
        "```",
    ])
    parsed = parse_reading_list(text, "l.md")
    [entry] = parsed.entries
    assert [(link.kind, link.url, link.label, link.line) for link in entry.links] == [
        ("paper", "https://arxiv.org/abs/2301.00001", "", 4),
        ("slides", "https://example.org/a (1).pdf", "deck", 24), ("slides", "https://example.org/b.pdf", "", 24),
    ]
    body = "\n".join(entry.body)
    for kept in ("x: [not a link line]", "> code link:", "- blog link:", "demo link: [folded]", "#### not a heading", "[alpha]: https://arxiv.org"):
        assert kept in body, kept
    assert entry.key == "alpha1" and entry.bibtex_line == 28
    assert entry.mapped == 1 + 1 + 1 + 5  # paper, slides, citation: and the fenced entry


def test_findings_keep_their_lines_and_anchors_are_githubs() -> None:
    text = "# T\n\n#### *Alpha*: `One` [here](https://x.org)\n\ngituhub link: [here](https://github.com/a/b)\n\n```bibtex\n@misc{a1,\n"
    [entry] = parse_reading_list(text, "l.md").entries
    assert entry.anchor == "alpha-one-here"  # the text GitHub shows, not the Markdown source
    assert [(problem.code.slug, problem.line) for problem in entry.warnings] == [("label-typo", 5), ("bib-syntax", 7)]
    assert entry.body == ["```bibtex", "@misc{a1,", "```"]  # the unclosed block is kept, closed
    twice = parse_reading_list("#### A\n\npaper link: [p](https://a.org)\n\n#### A\n\npaper link: [p](https://b.org)\n", "l.md")
    assert [e.anchor for e in twice.entries] == ["a", "a-1"]


def test_fact_lines_say_what_the_heading_cannot(tmp_path: Path) -> None:
    """`name:`, `aliases:`, `title:`, `date:`, `added:`, facets; a value of another form stays prose; the shelf's title is no topic."""
    root = tmp_path / "shelf"
    scaffold.init_shelf(root, scaffold.InitOptions(title="My Shelf", author="Test", facets=(("vision_encoder", "Vision encoder"),)))
    text = "\n".join([
        "# My shelf",  # names the shelf: no topic
        "## Vision",
        "#### A Study (Of Things)",  # 3
        "tag: `seeing`",
        "title: A Study (Of Things)",
        "name: StudyNet",
        "aliases: `SN` | `Study-1`",
        "date: 2023-05",
        "added: 2024-02-01",
        "date: soon",  # 10: not a date: prose
        "Vision encoder: ViT-B/16",
        "",
        "paper link: [here](https://arxiv.org/abs/2305.00001)",
        "",
    ])
    parsed = parse_reading_list(text, "l.md", locate(root).settings)
    [entry] = parsed.entries
    assert entry.title == "A Study (Of Things)" and entry.body == ["date: soon"]
    assert entry.extras == {"short_name": "StudyNet", "aliases": ["SN", "Study-1"], "date": "2023-05", "added": "2024-02-01", "architecture": {"vision_encoder": "ViT-B/16"}}
    assert entry.mapped == 8  # tag, title, name, aliases, date, added, facet, paper link
    listing = tmp_path / "l.md"
    listing.write_text(text, encoding="utf-8")
    from papershelf.commands.importer import import_lists

    import_lists(locate(root), [listing])
    [paper] = [page.paper for page in load_shelf(locate(root)).pages]
    assert (paper.title, paper.short_name, paper.aliases, paper.tags) == ("A Study (Of Things)", "StudyNet", ("SN", "Study-1"), ("Vision", "seeing"))
    assert (paper.date.iso() if paper.date else "", paper.added, paper.architecture) == ("2023-05", "2024-02-01", (("vision_encoder", "ViT-B/16"),))
    # without the shelf's facets, the facet line is prose
    assert parse_reading_list(text, "l.md").entries[0].body == ["date: soon", "Vision encoder: ViT-B/16"]


def test_the_lists_export_and_import_back_with_nothing_lost(tmp_path: Path, imported: tuple[Path, str, str]) -> None:
    """Several files, a merge, notes, math, a wrong link: the export holds it all, without comments, and is stable."""
    from papershelf.commands.exporter import export_shelf
    from papershelf.commands.importer import import_lists

    root, _, _ = imported
    text = export_shelf(locate(root))
    assert "<!--" not in text and "UNREAD" not in text
    assert "#### Visual Instruction Tuning (LLaVA)\ntag: `LLaVA` | `Instruction tuning` | `Benchmarks` | `Multimodal evaluation` | `LLaVA-Bench` | `evaluation`\n\naliases: `LLaVA-Bench`\n" in text
    again = tmp_path / "again"
    scaffold.init_shelf(again, scaffold.InitOptions(title="Lists", author="Test"))
    listing = tmp_path / "export.md"
    listing.write_text(text, encoding="utf-8")
    report = import_lists(locate(again), [listing])
    assert {problem.code.slug for problem in report.warnings} == {"arxiv-mismatch", "duplicate-link"}  # ShareGPT4V's wrong link, still there

    def pages(shelf: Path) -> dict[str, tuple[object, ...]]:
        return {
            page.paper.key: (page.paper.title, page.paper.short_name, page.paper.aliases, page.paper.tags, page.paper.links, page.paper.models,
                             page.paper.relations, page.path.read_text(encoding="utf-8").split("\n---\n", 1)[1])
            for page in load_shelf(locate(shelf)).pages
        }

    def without_lines(values: dict[str, tuple[object, ...]]) -> dict[str, str]:
        return {key: re.sub(r"line=\d+", "", repr(value)) for key, value in values.items()}

    assert without_lines(pages(again)) == without_lines(pages(root))
    assert export_shelf(locate(again)) == text


def test_line_numbers_follow_markdown_line_ends() -> None:
    """Only CR, LF and CRLF end a line (as for markdown-it and editors): a form feed or U+2028 inside a line moves nothing."""
    text = "# T\r\n\r\n#### A\r\nprose with a \x0c form feed and a \u2028 line separator\r\n\r\ngituhub link: [here](https://github.com/a/b)\r\n"
    [entry] = parse_reading_list(text, "l.md").entries
    assert [(problem.code.slug, problem.line) for problem in entry.warnings] == [("label-typo", 6)]
    assert entry.body == ["prose with a \x0c form feed and a \u2028 line separator"]
