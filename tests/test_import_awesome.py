"""`papershelf import` of awesome lists: a table row or a bullet per paper.

The lists under tests/data/awesome/ are written in the shapes of the large
public lists: star badges, `<br>`, `<details>`, extra columns, `(YYYY-MM)`
dates, `[[paper](...)]` links, `>` notes, `### 2023` year headings, tools that
are not papers, a table of contents.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from papershelf.cli import main
from papershelf.commands.init import InitOptions, init_shelf
from papershelf.formats.frontmatter import parse_front_matter
from papershelf.formats.lists import awesome
from papershelf.shelf import baseline
from papershelf.shelf.check import check_shelf
from papershelf.shelf.load import load_shelf
from papershelf.shelf.paths import locate

DATA = Path(__file__).parent / "data" / "awesome"
TABLE = DATA / "table-list.md"
BULLETS = DATA / "bullet-list.md"


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    root = tmp_path / "shelf"
    init_shelf(root, InitOptions(title="Imported", author="Test"))
    return root


def page(root: Path, slug: str) -> tuple[dict[str, object], str]:
    text = (root / "docs" / "papers" / f"{slug}.md").read_text(encoding="utf-8")
    parsed = parse_front_matter(text)
    assert parsed is not None and not parsed.error
    return dict(parsed.data), text.split("\n---\n", 1)[1]


def test_table_rows_become_papers(shelf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--root", str(shelf), str(TABLE)]) == 0
    out, err = capsys.readouterr()
    # "sometime 2021" is no date (a located finding), yet it says the year: the paper is dated 2021
    assert "table-list.md: 6 entries, created 6, merged 0, lines mapped 29, kept as body 7, as notes 1, problems 2" in out
    assert "table-list.md: imported 6, already present 0, with problems 2" in out
    assert "table-list.md: resources 1 (docs/resources.md), table-of-contents links 2" in out
    # the notes and resources pages are orphans: the landing page links them, once
    landing = (shelf / "docs" / "index.md").read_text(encoding="utf-8")
    assert landing.count("{doc}`resources`") == landing.count("{doc}`notes/table-list`") == 1
    assert main(["import", "--root", str(shelf), str(TABLE)]) == 0
    assert (shelf / "docs" / "index.md").read_text(encoding="utf-8") == landing
    llava, body = page(shelf, "visual-instruction-tuning")
    # a star badge before the title, <br>; the same paper again in another section is merged
    assert llava["title"] == "Visual Instruction Tuning"
    assert llava["date"] == "2023-04-17"
    assert llava["links"] == {"paper": "https://arxiv.org/pdf/2304.08485.pdf", "code": "https://github.com/haotian-liu/LLaVA", "demo": "https://llava.hliu.cc/"}
    assert llava["tags"] == ["Multimodal Instruction Tuning", "Visual Instruction Tuning (again, by task)"]
    assert body.strip() == "- **Venue:** NeurIPS"
    assert f"{TABLE}:13: duplicate-link the paper of line 37 again" in err
    # no code column value: the star badge gives the code link; a demo cell without a link is a fact
    blip, body = page(shelf, "instructblip")
    assert blip["links"] == {"paper": "https://arxiv.org/abs/2305.06500", "code": "https://github.com/salesforce/LAVIS"}
    assert "- **Demo:** Local Demo" in body
    # the table folded in <details>: keywords become tags, other columns facts
    flamingo, body = page(shelf, "flamingo")
    assert flamingo["tags"] == ["Multimodal Instruction Tuning", "few-shot", "interleaved"]
    assert flamingo["date"] == "2022-04-29"
    assert "- **Institute:** DeepMind" in body
    # "2023/08" is a month; a cell that is no date is a located warning and a fact
    assert page(shelf, "qwen-vl")[0]["date"] == "2023-08"
    _, body = page(shelf, "frozen")
    assert "- **Date:** sometime 2021" in body
    assert f"{TABLE}:22: bad-date the 'Date' cell 'sometime 2021' is not a date" in err
    # a row without a paper link is a resource of its section
    resources = (shelf / "docs" / "resources.md").read_text(encoding="utf-8")
    assert "## Evaluation\n\n- [OpenCompass Leaderboard](<https://rank.opencompass.org.cn/leaderboard-multimodal>)" in resources
    assert not (shelf / "docs" / "papers" / "opencompass-leaderboard.md").exists()
    # the list's own prose is kept on its notes page, relative links and images as text
    notes = (shelf / "docs" / "notes" / "table-list.md").read_text(encoding="utf-8")
    assert "A curated list of multimodal large language models." in notes
    # titled by the list's heading without its badge; headings with nothing kept under them are left out
    assert "# Notes: Awesome Multimodal Models\n" in notes and "Models Awesome" not in notes
    assert "**Evaluation**" not in notes and "**Table of Contents**" not in notes


def test_generated_bibtex(shelf: Path) -> None:
    assert main(["import", "--root", str(shelf), str(TABLE)]) == 0
    bib = (shelf / "references.bib").read_text(encoding="utf-8")
    assert "@misc{qwenvl2023qwenvl,\n  title = {{Qwen-VL}: A Versatile Vision-Language Model},\n  year = {2023},\n  url = {https://arxiv.org/abs/2308.12966},\n  eprint = {2308.12966},\n  archivePrefix = {arXiv},\n  howpublished = {arXiv},\n  generated = {papershelf import},\n}" in bib
    # not on arXiv: no eprint
    frozen = bib[bib.index("@misc{frozen"):]
    assert "eprint" not in frozen[: frozen.index("\n}")]
    assert bib.count("generated = {papershelf import}") == 6


def test_key_style_follows_the_file(shelf: Path) -> None:
    (shelf / "references.bib").write_text("@misc{liu2023visual,\n  title = {Visual Instruction Tuning},\n  author = {Liu, Haotian},\n  year = {2023},\n}\n", encoding="utf-8")
    (shelf / "docs" / "papers" / "llava.md").write_text("---\nkey: liu2023visual\ntitle: Visual Instruction Tuning\nshort_name: LLaVA\nstatus: read\nlinks:\n  paper: https://arxiv.org/abs/2304.08485\n---\n", encoding="utf-8")
    assert main(["import", "--root", str(shelf), str(TABLE)]) == 0
    bib = (shelf / "references.bib").read_text(encoding="utf-8")
    assert "@misc{qwenvl2023qwenvl," in bib  # Google Scholar style: name, year, first word
    assert bib.count("@misc{liu2023visual") == 1  # LLaVA was already on the shelf
    assert not (shelf / "docs" / "papers" / "visual-instruction-tuning.md").exists()


def test_bullets_become_papers(shelf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--root", str(shelf), str(BULLETS)]) == 0
    out, err = capsys.readouterr()
    assert "bullet-list.md: imported 4, already present 0, with problems 0" in out
    assert "bullet-list.md: resources 2 (docs/resources.md), table-of-contents links 2" in out
    assert err == ""
    blip, body = page(shelf, "instructblip")
    assert blip["date"] == "2023-05"  # (2023-05)
    assert blip["links"] == {"paper": "https://arxiv.org/abs/2305.06500", "code": "https://github.com/salesforce/LAVIS/tree/main/projects/instructblip"}
    assert blip["tags"] == ["Papers"]  # the year heading is a date, not a topic
    assert body.strip() == "> Instruction-aware Q-Former; a note kept on the page."
    blip2, body = page(shelf, "blip-2")
    assert blip2["date"] == "2023-01"  # under "### 2023": the arXiv id's month is more precise
    assert blip2["links"] == {"paper": "https://arxiv.org/abs/2301.12597", "code": "https://github.com/salesforce/LAVIS", "demo": "https://huggingface.co/spaces/Salesforce/BLIP2"}
    assert body.strip() == "- **Venue:** ICML 2023\n- Trains only a lightweight querying transformer.\n- Zero-shot VQA beats Flamingo-80B."
    kosmos, body = page(shelf, "kosmos-1")  # a linked title
    assert kosmos["title"] == "Kosmos-1: Language Is Not All You Need"
    assert kosmos["links"] == {"paper": "https://arxiv.org/abs/2302.14045", "blog": "https://www.microsoft.com/en-us/research/blog/", "slides": "https://example.org/kosmos-slides.pdf#page=2"}
    assert "- **Note:** Microsoft" in body and "slides" not in body  # a known label is a link of its kind
    clip, _ = page(shelf, "clip")
    assert clip["date"] == "2021-02" and clip["tags"] == ["Papers"]
    resources = (shelf / "docs" / "resources.md").read_text(encoding="utf-8")
    assert "## Tools\n\n- [LAVIS](<https://github.com/salesforce/LAVIS>): A one-stop library for language-vision intelligence." in resources
    assert "  > Updated weekly." in resources


def test_importing_twice_adds_nothing(shelf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--root", str(shelf), str(BULLETS)]) == 0
    before = {p: p.read_bytes() for p in shelf.rglob("*") if p.is_file()}
    capsys.readouterr()
    assert main(["import", "--root", str(shelf), str(BULLETS)]) == 0
    assert "imported 0, already present 4" in capsys.readouterr().out
    assert before == {p: p.read_bytes() for p in shelf.rglob("*") if p.is_file()}


def test_both_lists_build_strictly_with_only_the_lists_defects(shelf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--root", str(shelf), str(TABLE)]) == 0
    assert main(["import", "--root", str(shelf), str(BULLETS)]) == 0
    # a paper the list gives no year for, anywhere (its text, its heading, its link): the list's defect
    undated = shelf / "undated.md"
    undated.write_text("## Misc\n\n- [Pruning Without Years](https://dl.acm.org/doi/10.1145/1234567.7654321)\n", encoding="utf-8")
    assert main(["import", "--root", str(shelf), str(undated)]) == 0
    capsys.readouterr()
    problems = check_shelf(load_shelf(locate(shelf)))
    assert sorted((p.path, p.code.slug) for p in problems) == [("docs/papers/pruning-without-years.md", "no-date"), ("references.bib", "bib-no-year")]
    build = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-c", str(shelf), str(shelf / "docs"), str(shelf / "_build")],
        capture_output=True, text=True, check=False,
    )
    # the import recorded them as known: the strict build passes, and fails on nothing else
    assert sorted((e.path, e.code) for e in baseline.read(shelf / baseline.FILE_NAME)) == [(p.path, p.code.slug) for p in sorted(problems, key=lambda p: p.path)]
    assert build.returncode == 0 and build.stderr == "", build.stderr


def test_cells_and_dates() -> None:
    assert awesome.normal_date("2024-03-05") == "2024-03-05"
    assert awesome.normal_date("(2023-05)") == "2023-05"
    assert awesome.normal_date("2023.7") == "2023-07"
    assert awesome.normal_date("2023-13") == ""
    assert [awesome.normal_date(text) for text in ("Mar 2024", "06/2023", "June 5, 2023", "5 Jun. 2023", "2023 Sept", "Mayday 2020")] == [
        "2024-03", "2023-06", "2023-06-05", "2023-06-05", "2023-09", ""]
    parsed = awesome.parse_awesome("| Paper | Year |\n|---|---|\n| [X: y](https://arxiv.org/abs/2401.00001) | 2024 | extra |\n", "l.md")
    item = parsed.items[0]
    assert (item.title, item.date, item.facts) == ("X: y", "2024", [("Column 3", "extra")])
    assert [w.format() for w in item.warnings] == ["l.md:3: unknown-key a cell beyond the header's 2 columns: 'extra'; kept as a fact"]


def test_seed_format_is_still_the_seeds(shelf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "### Topic\n#### A Paper\npaper link: [here](https://arxiv.org/abs/2401.00001)\n"
    path = shelf / "seed.md"
    path.write_text(text, encoding="utf-8")
    assert main(["import", "--root", str(shelf), str(path), "--dry-run"]) == 0
    assert "would import 1" in capsys.readouterr().out
    # forced to the awesome shape: the heading whose section holds a paper link is the entry all the same
    assert main(["import", "--root", str(shelf), str(path), "--shape", "awesome", "--dry-run"]) == 0
    assert "would import 1" in capsys.readouterr().out


def test_badge_links_and_any_host_in_a_dated_table() -> None:
    text = (
        "## Models\n\n| Title | Venue | Date | Code | Supplement |\n|---|---|---|---|---|\n"
        "| [Vitron: A Unified Pixel-level Vision LLM](https://is.gd/abc) (Vitron) | - | 2024-04-25 "
        "| [![Star](https://img.shields.io/github/stars/org/vitron.svg?style=social&label=Star)](https://github.com/org/vitron) "
        "| [![Project Page](https://img.shields.io/badge/Project-Page-green.svg)](https://vitron.example.org/)<br>"
        "[![Dataset](https://img.shields.io/badge/HF-Dataset-blue)](https://huggingface.co/datasets/org/v)<br>"
        "[![YouTube](https://badges.example.org/youtube.svg)](https://youtu.be/xyz) |\n"
        "| [Some Tool](https://github.com/org/tool) | - | - | - | - |\n"
    )
    parsed = awesome.parse_awesome(text, "l.md")
    [item] = parsed.items
    assert [(link.kind, link.url) for link in item.links] == [
        ("paper", "https://is.gd/abc"),  # a dated row: its title link is the paper, whatever the host
        ("code", "https://github.com/org/vitron"),
        ("homepage", "https://vitron.example.org/"),
        ("dataset", "https://huggingface.co/datasets/org/v"),
        ("video", "https://youtu.be/xyz"),  # the badge's label names the kind
    ]
    assert item.facts == [("Note", "(Vitron)")]
    assert item.body == []  # every badge named its kind
    assert [resource.title for resource in parsed.resources] == ["Some Tool"]


def test_a_title_without_colon_takes_its_parenthesised_name(shelf: Path) -> None:
    path = shelf / "list.md"
    path.write_text(
        "## Data\n\n| Title | Venue | Date |\n|---|---|---|\n"
        "| [Visual Instruction Tuning](https://arxiv.org/abs/2304.08485) (LLaVA) | NeurIPS 2023 | 2023-04-17 |\n"
        "| [ImageInWords: Hyper-Detailed Image Descriptions](https://arxiv.org/abs/2405.02793) (Google) | arXiv | 2024-05-05 |\n",
        encoding="utf-8",
    )
    assert main(["import", "--root", str(shelf), str(path)]) == 0
    llava, body = page(shelf, "llava")
    assert llava["short_name"] == "LLaVA" and "aliases" not in llava  # the name is no other name of it
    assert "- **Note:** (LLaVA)" in body
    words, body = page(shelf, "imageinwords")
    assert words["short_name"] == "ImageInWords" and "aliases" not in words
    assert "- **Note:** (Google)" in body


def test_bullet_with_a_bold_venue_and_a_plain_title() -> None:
    text = "## Video\n\n- **[CVPR 2024]** Video-LLaVA: Learning United Visual Representation [[Paper](https://arxiv.org/abs/2311.10122)] [[Code](https://github.com/PKU-YuanGroup/Video-LLaVA)]\n"
    [item] = awesome.parse_awesome(text, "l.md").items
    assert item.title == "Video-LLaVA: Learning United Visual Representation"
    assert (item.venue, item.facts) == ("CVPR 2024", [("Venue", "CVPR 2024")])
    assert [(link.kind, link.url) for link in item.links] == [("paper", "https://arxiv.org/abs/2311.10122"), ("code", "https://github.com/PKU-YuanGroup/Video-LLaVA")]


def test_a_venue_with_its_month_is_the_venue_not_a_note() -> None:
    text = (
        "## Manipulation\n\n"
        '* **ATLA**: "Leveraging Language for Accelerated Learning of Tool Manipulation", *CoRL, Jun 2022*. [[Paper](https://arxiv.org/abs/2206.13074)]\n'
        '* **Other**: "Some Words About Robots and Their Tools", *Some Thoughts on Robots*. [[Paper](https://arxiv.org/abs/2206.13075)]\n'
    )
    atla, other = awesome.parse_awesome(text, "l.md").items
    assert (atla.title, atla.venue, atla.date) == ("Leveraging Language for Accelerated Learning of Tool Manipulation", "CoRL 2022", "2022-06")
    assert not [said for label, said in atla.facts if label == "Note"]
    assert ("Note", "Some Thoughts on Robots") in other.facts  # words that name no year stay a note


def test_a_bullets_trailing_venue_is_its_venue_and_a_demo_link_is_a_demo() -> None:
    text = (
        "## Contrastive\n"
        "- **Learning Transferable Visual Models From Natural Language Supervision** [[paper]](https://arxiv.org/abs/2103.00020)"
        " [[demo]](https://example.org/clip-demo) - ICML 2021\n"
        "* [Sigmoid Loss for Language Image Pre-Training](https://arxiv.org/abs/2303.15343), (ICCV'23). [code](https://github.com/google-research/big_vision)\n"
        "- [Some Paper](https://arxiv.org/abs/2401.00001) - Oral at CVPR 2023\n"
    )
    clip, siglip, other = awesome.parse_awesome(text, "l.md").items
    assert (clip.venue, ("Venue", "ICML 2021") in clip.facts) == ("ICML 2021", True)
    assert [(link.kind, link.url) for link in clip.links] == [("paper", "https://arxiv.org/abs/2103.00020"), ("demo", "https://example.org/clip-demo")]
    assert siglip.venue == "ICCV 2023"
    assert other.venue == "CVPR 2023" and ("Note", "Oral at CVPR 2023") in other.facts  # the venue it names; the sentence stays a note


def test_a_list_of_other_hands_model_and_paper_columns_html_links_and_bold_names(shelf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """tests/data/awesome/video-llms.md: the shapes of a video-LLM list (emoji headings, venue
    prefixes, a bold name before its title, a plain-text title, a Model | Paper table with <a> links)."""
    assert main(["import", "--root", str(shelf), str(TABLE.parent / "video-llms.md")]) == 0
    assert "video-llms.md: 7 entries, created 7, merged 0" in capsys.readouterr().out
    assert not (shelf / "docs" / "resources.md").exists()  # every row of the Model | Paper table is a paper
    chat, _ = page(shelf, "video-chatgpt")  # <a href> links in the cells
    assert (chat["title"], chat["short_name"], chat["date"]) == ("Video-ChatGPT: Towards Detailed Video Understanding via Large Vision and Language Models", "Video-ChatGPT", "2023-06")
    assert chat["links"] == {"paper": "https://arxiv.org/abs/2306.05424", "code": "https://github.com/mbzuai-oryx/Video-ChatGPT"}
    assert chat["tags"] == ["Models"]  # "## 🤖 Models", without its emoji
    assert page(shelf, "video-llama")[0]["date"] == "2023-06"  # "Jun 2023"
    llama_vid, body = page(shelf, "llama-vid")  # **LLaMA-VID**: An Image is Worth 2 Tokens ...
    assert llama_vid["title"] == "LLaMA-VID: An Image is Worth 2 Tokens in Large Language Models"
    assert llama_vid["links"] == {  # [🤗 Model](...) is a model link
        "paper": "https://arxiv.org/abs/2311.17043", "homepage": "https://llama-vid.github.io/", "model_zoo": "https://huggingface.co/YanweiLi/llama-vid-7b-full-336"}
    assert llama_vid["date"] == "2023-11" and not body.strip()  # under "### 2024", first public in 2023-11 (its arXiv id)
    video_llava, body = page(shelf, "video-llava")  # a plain-text title, its links after it, a venue last
    assert video_llava["title"] == "Video-LLaVA: Learning United Visual Representation by Alignment Before Projection"
    assert body.strip() == "- **Venue:** EMNLP 2024"
