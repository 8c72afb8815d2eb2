"""Lists in the wild (issue 22): every link to a paper host anchors an entry, whatever block holds it.

Small lists written here in the shapes maintainers keep (a heading per paper with badges, HTML tables,
paragraphs of links inside a bullet, bold titles with author lines, quoted titles with a venue, tables whose
title cell holds badges): each is imported into one shelf, imported again (nothing changes), built with
``-W`` (the importer's pages cause no warning), and exported and imported into a new shelf (same pages,
links and BibTeX entries).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import lists_and_shelf, paper_pages
from papershelf.commands import init as scaffold
from papershelf.formats.lists import awesome
from papershelf.formats.lists.fields import authors_of, clean_title, date_heading, find_date
from papershelf.shelf.naming import derive_names

LISTS = {
    # a `###` heading per paper: bold title, a description, badge links, a figure beside the list, a release line
    "a-headings.md": "# Awesome Owl Architectures\n\n## Architectures\n\n### **OwlVision: Seeing in the Dark**\n\n"
    "OwlVision sees at night.\n\n"
    "[![arXiv](https://img.shields.io/badge/arXiv-2405.01234-b31b1b.svg)](https://arxiv.org/abs/2405.01234) "
    "[![GitHub](https://badges.example.org/github.svg)](https://github.com/example/owlvision)\n\n"
    "Jane Doe et al., Owl Lab<br>\n**Released:** 2024-05-02\n\n"
    '<p align="center"><img src="assets/owlvision.png" alt="OwlVision architecture" width="600"></p>\n\n'
    "<details>\n<summary>More</summary>\n\nIt uses **night** tokens.\n\n</details>\n\n"
    "### **Heronet: Long Necks for Long Context**\n\n[![Paper](https://img.shields.io/badge/Paper-OpenReview-blue)](https://openreview.net/forum?id=Heron123)\n\n"
    "**Released:** 2023-11-20\n",
    # raw HTML tables: a header row of <td>s (one spanning two columns), "Paper" in every link cell
    "b-html-table.md": "# Agents Survey\n\nPaper link: [A Survey of Owl Agents](https://arxiv.org/abs/2308.05555)\n\n## Construction\n\n<table>\n    <tr>\n"
    "        <td rowspan='2'>Model</td>\n        <td colspan='2'>Memory</td>\n        <td rowspan='2'>Paper</td>\n        <td rowspan='2'>Code</td>\n    </tr>\n"
    "    <tr>\n        <td>Operation</td>\n        <td>Structure</td>\n    </tr>\n"
    "    <tr>\n        <td>NightCrawler</td>\n        <td>-</td>\n        <td>Unified</td>\n"
    '        <td><a href="https://arxiv.org/abs/2306.06666">Paper</a></td>\n        <td><a href="https://github.com/example/nightcrawler">Code</a></td>\n    </tr>\n'
    "    <tr>\n        <td>PerchPlan</td>\n        <td>Write</td>\n        <td>-</td>\n"
    '        <td><a href="https://arxiv.org/abs/2307.07777">Paper</a></td>\n        <td>-</td>\n    </tr>\n</table>\n',
    # a sub-topic bullet whose papers are paragraphs of one link each (one indented by mistake)
    "c-paragraphs.md": "# Retrieval Survey\n\n### Foundations\n\n  - Query-based retrieval\n\n"
    "    [Retrieving Owls: Dense Search at Night](https://arxiv.org/abs/2002.01111)\n\n"
    "    [Self-Owl: Learning to Retrieve and Critique](https://arxiv.org/abs/2310.02222)\n\n"
    "      [Owl Memory for Private Libraries](https://aclanthology.org/2023.acl-long.33)\n\n"
    "  - Latent retrieval\n\n    [Fusion of Owls in Decoders](https://proceedings.mlr.press/v202/owl23a.html)\n",
    # numbered bold titles ending in a period, a venue and year, an author line (BibTeX's order), folded in <details>
    "d-numbered.md": "# Owl Graph Papers\n\n## Models\n\n1. **Non-local Owl Networks.** CVPR 2018. [paper](http://openaccess.thecvf.com/content_cvpr_2018/papers/Owl_CVPR_2018_paper.pdf)\n\n"
    "    *Wang, Xiao and Girshick, Ross.*\n\n<details><summary>more</summary>\n\n"
    "1. **Graph Owls: A Review.** AI Open 2020. [paper](https://doi.org/10.1016/j.aiopen.2020.01.001)\n\n    *Jie Zhou, Ganqu Cui.*\n\n</details>\n\n"
    "1. **MEND: Owl Distillation for In-context Learning.** ![](https://img.shields.io/badge/MEND-DCE7F1)\n"
    "    *Yichuan Li, Xiyao Ma.* [[pdf](https://arxiv.org/pdf/2403.06914)], [[project](https://github.com/example/mend)], 2024.3, ![](https://img.shields.io/badge/ICLR2024-FAEFCA)\n\n"
    "1. **MetaOwl: Learning to Hoot in Context.**. ![](https://img.shields.io/badge/MetaOwl-DCE7F1)\n\n"
    "   *Sewon Min, Mike Lewis*.  [[pdf](https://doi.org/10.18653/v1/2022.naacl-main.201)], 2021.10, ![](https://img.shields.io/badge/NAACL2022-FAEFCA)\n",
    # bold titles with (year) and authors after them, a year written as a paragraph of its own
    "e-years.md": "# Owl Classics\n\n## Detection\n\n- **Fast Owl R-CNN** (2015), R. Girshick [[pdf]](http://www.cv-foundation.org/openaccess/content_iccv_2015/papers/Owl_paper.pdf)\n"
    "- **Distilling the Owl in a Network** (2015), G. Hinton et al. [[pdf]](http://arxiv.org/pdf/1503.02531)\n\n"
    "## Appendix\n\n*(2016)*\n- Deep owling (2015), Y. LeCun, Y. Bengio and G. Hinton [[pdf]](https://www.cs.example.edu/~owl/NatureOwlReview.pdf)\n"
    "- **Owls in the wild**, A. Owl [[pdf]](https://www.cs.example.edu/~owl/wild.pdf)\n",
    # quoted titles with the list's own name in bold and an italic venue and month
    "f-quoted.md": "# Owl Robotics\n\n## Planning\n\n"
    '* **RoboOwl**: "RoboOwl: Mastering Spatial Traces", *arXiv, Dec 2023*. [[Paper](https://arxiv.org/abs/2312.13660)] [[Code](https://github.com/example/roboowl)]\n'
    '* "A Survey of Owl Grounding: Symbols and Embeddings", *IJCAI, Aug 2024*, [[Paper]](https://ieeexplore.ieee.org/document/10001234)\n'
    '* **[LLaOwl]** "Large Owl Models as Generalizable Policies", *arXiv, Oct 2023*. [[Paper](https://arxiv.org/abs/2310.17722)] [[Paper List](https://github.com/example/list)]\n'
    '* **CoOwl**: "Multimodal Owl Explanations of Failures", IROS, 2024. [[Paper](https://dl.acm.org/doi/10.1145/3000001)]\n',
    # a table whose title cell holds badges, the title link (to code) and authors; a Links column; a comment cell
    "g-badge-table.md": "# Efficient Owls\n\n## Full List\n  - [Pruning](pruning.md)\n  - [Survey](#survey)\n\n## Pruning\n\n"
    "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
    "| [![Star](https://img.shields.io/github/stars/example/sparseowl.svg?style=social&label=Star)](https://github.com/example/sparseowl) "
    "[![Publish](https://img.shields.io/badge/Conference-ICML'23-blue)]() <br> :star: [SparseOwl: Owls Can Be Pruned in One Shot](https://github.com/example/sparseowl) "
    "<br> Elias Frantar, Dan Alistarh | <img width=\"522\" alt=\"image\" src=\"figures/sparseowl.png\"> | [Github](https://github.com/example/sparseowl) [paper](https://arxiv.org/abs/2301.00774) | [//]: #Recommend\n"
    "| [Lossless Owl Cache Compression to 2\\%](https://arxiv.org/abs/2412.01234) <br> A. Owl | | [paper](https://arxiv.org/abs/2412.01234) |\n",
    # week headings, venue tags and row numbers in front of titles, acronyms the titles merely use
    "h-weekly.md": "# Owl Weekly\n\n### (June 23 - June 29) - 2025\n\n- [NeurIPS 2024] [Scaling LLMs for Owl Calls](https://openreview.net/forum?id=Owl2025a)\n"
    "- 12) [Quantizing the KV Cache of Owl LLMs](https://openreview.net/forum?id=Owl2025b)\n"
    "- [Quantizing the KV Cache of Owl LLMs Again and Again](https://openreview.net/forum?id=Owl2025c)\n",
}


@pytest.fixture(scope="module")
def wild(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    base = tmp_path_factory.mktemp("wild")
    lists, root = lists_and_shelf(base, LISTS, "Wild")

    def run(*args: str, cwd: Path = root) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "papershelf", *args], capture_output=True, text=True, check=False, cwd=cwd)

    first = run("import", str(lists))
    assert first.returncode == 0, first.stderr
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    second = run("import", str(lists))
    assert second.returncode == 0, second.stderr
    after = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    build = subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-c", str(root), str(root / "docs"), str(base / "html")], capture_output=True, text=True, check=False)
    exported = base / "export.md"
    assert run("export", "-o", str(exported)).returncode == 0
    again = base / "again"
    scaffold.init_shelf(again, scaffold.InitOptions(title="Wild", author="Test"))
    reimport = run("import", str(exported), cwd=again)
    assert reimport.returncode == 0, reimport.stderr
    return {"root": root, "first": first, "before": before, "after": after, "build": build, "again": again, "reimport": reimport}


def by_title(root: Path) -> dict[str, dict[str, object]]:
    return {str(page["title"]): page for page in paper_pages(root).values()}


def paper_urls(page: dict[str, object]) -> list[str]:
    links = page.get("links") or {}
    assert isinstance(links, dict)
    value = links.get("paper")
    return [str(item["url"] if isinstance(item, dict) else item) for item in (value if isinstance(value, list) else [value] if value else [])]


def test_every_paper_link_becomes_a_paper(wild: dict[str, object]) -> None:
    root = wild["root"]
    assert isinstance(root, Path)
    urls = {url for page in paper_pages(root).values() for url in paper_urls(page)}
    written = set(re.findall(r"https?://(?:arxiv\.org|openreview\.net|aclanthology\.org|proceedings\.mlr\.press|openaccess\.thecvf\.com|doi\.org|ieeexplore\.ieee\.org|dl\.acm\.org)/[^\s)\]\"'<>|]+", "\n".join(LISTS.values())))
    written = {url for url in written if "img.shields.io" not in url}
    assert {url.replace("http://", "https://") for url in written} <= {url.replace("http://", "https://") for url in urls}


def test_titles_a_reader_accepts(wild: dict[str, object]) -> None:
    root = wild["root"]
    assert isinstance(root, Path)
    titles = set(by_title(root))
    for title in (
        "OwlVision: Seeing in the Dark", "Heronet: Long Necks for Long Context",  # headings, bold stripped
        "A Survey of Owl Agents", "NightCrawler", "PerchPlan",  # a "Paper link:" line; the Model column, not "Paper"
        "Retrieving Owls: Dense Search at Night", "Owl Memory for Private Libraries", "Fusion of Owls in Decoders",
        "Non-local Owl Networks", "Graph Owls: A Review", "MEND: Owl Distillation for In-context Learning", "MetaOwl: Learning to Hoot in Context",
        "Fast Owl R-CNN", "Deep owling", "Owls in the wild",  # no "(2015), Y. LeCun ..." tail
        "RoboOwl: Mastering Spatial Traces", "A Survey of Owl Grounding: Symbols and Embeddings", "Large Owl Models as Generalizable Policies",
        "Multimodal Owl Explanations of Failures", "SparseOwl: Owls Can Be Pruned in One Shot", "Lossless Owl Cache Compression to 2%",
        "Scaling LLMs for Owl Calls", "Quantizing the KV Cache of Owl LLMs",
    ):
        assert title in titles, sorted(titles)
    assert not any(title.endswith(".") or "\\" in title or title.lower() in ("paper", "paper list") or "http" in title for title in titles)


def test_dates_venues_and_authors_the_list_gives(wild: dict[str, object]) -> None:
    root = wild["root"]
    assert isinstance(root, Path)
    papers = by_title(root)
    expect = {
        "OwlVision: Seeing in the Dark": "2024-05-02",  # **Released:**
        "Heronet: Long Necks for Long Context": "2023-11-20",
        "NightCrawler": "2023-06",  # the arXiv id's month
        "Owl Memory for Private Libraries": "2023",  # aclanthology.org/2023.*
        "Fusion of Owls in Decoders": "2023",  # PMLR volume 202
        "Non-local Owl Networks": "2018", "Graph Owls: A Review": "2020",  # "CVPR 2018.", "AI Open 2020."
        "MEND: Owl Distillation for In-context Learning": "2024-03", "MetaOwl: Learning to Hoot in Context": "2021-10",  # "2024.3"
        "Fast Owl R-CNN": "2015", "Deep owling": "2015", "Owls in the wild": "2016",  # (2015); the *(2016)* paragraph
        "A Survey of Owl Grounding: Symbols and Embeddings": "2024-08", "Multimodal Owl Explanations of Failures": "2024",
        "SparseOwl: Owls Can Be Pruned in One Shot": "2023-01",
        "Scaling LLMs for Owl Calls": "2024",  # its venue tag says more of the paper than the week it was listed in
        "Quantizing the KV Cache of Owl LLMs": "2025-06",  # the week heading
    }
    for title, date in expect.items():
        assert str(papers[title].get("date")) == date, (title, papers[title].get("date"))
    assert all(page.get("date") for page in papers.values())
    bib = (root / "references.bib").read_text(encoding="utf-8")
    assert "author = {Wang, Xiao and Girshick, Ross}" in bib
    assert "author = {Y. LeCun and Y. Bengio and G. Hinton}" in bib
    assert "author = {Elias Frantar and Dan Alistarh}" in bib
    assert "author = {G. Hinton and others}" in bib
    assert "booktitle = {ICML 2023}" in bib and "@inproceedings{sparseowl" in bib  # the Conference-ICML'23 badge, with authors
    assert "howpublished = {NeurIPS 2024}" in bib  # "[NeurIPS 2024] Title"


def test_names_are_the_lists_or_none(wild: dict[str, object]) -> None:
    root = wild["root"]
    assert isinstance(root, Path)
    papers = by_title(root)
    assert papers["Large Owl Models as Generalizable Policies"]["short_name"] == "LLaOwl"  # **[LLaOwl]**
    assert papers["RoboOwl: Mastering Spatial Traces"]["short_name"] == "RoboOwl"
    names = [str(page["short_name"]) for page in papers.values()]
    assert not any(re.search(r"\((?:\d{4}(?:\s+\d+)?|\d+)\)$", name) for name in names), names  # no "(2023 2)"
    assert not {"LLMs", "KV", "https", "2015"} & set(names)
    assert len({name.casefold() for name in names}) == len(names)


def test_sub_topics_and_links(wild: dict[str, object]) -> None:
    root = wild["root"]
    assert isinstance(root, Path)
    papers = by_title(root)
    assert papers["Self-Owl: Learning to Retrieve and Critique"]["tags"] == ["Foundations", "Query-based retrieval"]
    assert papers["Fusion of Owls in Decoders"]["tags"] == ["Foundations", "Latent retrieval"]
    owl = papers["OwlVision: Seeing in the Dark"]["links"]
    assert owl == {"paper": "https://arxiv.org/abs/2405.01234", "code": "https://github.com/example/owlvision"}
    sparse = papers["SparseOwl: Owls Can Be Pruned in One Shot"]["links"]
    assert sparse == {"code": "https://github.com/example/sparseowl", "paper": "https://arxiv.org/abs/2301.00774"}
    assert papers["NightCrawler"]["links"] == {"paper": "https://arxiv.org/abs/2306.06666", "code": "https://github.com/example/nightcrawler"}


def test_import_causes_no_warning_and_the_strict_build_passes(wild: dict[str, object]) -> None:
    first, build, root = wild["first"], wild["build"], wild["root"]
    assert isinstance(first, subprocess.CompletedProcess) and isinstance(build, subprocess.CompletedProcess) and isinstance(root, Path)
    assert build.returncode == 0, build.stderr
    assert "WARNING" not in build.stderr, build.stderr
    resources = (root / "docs" / "resources.md").read_text(encoding="utf-8") if (root / "docs" / "resources.md").exists() else ""
    assert "](#" not in resources and "pruning.md" not in resources.split("](")[-1]
    for page in (root / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert "<details" not in text and "assets/owlvision.png" not in text, page
    assert all(len(str(path.relative_to(root)).encode()) < 100 for path in root.rglob("*") if "_build" not in path.parts)


def test_importing_twice_changes_nothing(wild: dict[str, object]) -> None:
    assert wild["before"] == wild["after"]


def test_export_and_import_give_the_same_shelf(wild: dict[str, object]) -> None:
    root, again = wild["root"], wild["again"]
    assert isinstance(root, Path) and isinstance(again, Path)
    one, two = paper_pages(root), paper_pages(again)
    assert set(one) == set(two)
    assert {k: sorted(paper_urls(v)) for k, v in one.items()} == {k: sorted(paper_urls(v)) for k, v in two.items()}
    count = lambda path: len(re.findall(r"^@\w+\{", (path / "references.bib").read_text(encoding="utf-8"), re.MULTILINE))  # noqa: E731
    assert count(root) == count(again)


def test_the_rules_one_by_one() -> None:
    assert clean_title("12) Deep Things.").text == "Deep Things"
    assert (clean_title("[NeurIPS 2024] Big Owls").text, clean_title("[NeurIPS 2024] Big Owls").venue) == ("Big Owls", "NeurIPS 2024")
    assert clean_title('"Owl: A Title", *arXiv, Dec 2025*').text == "Owl: A Title"
    assert clean_title("Owls at 2\\% cost").text == "Owls at 2% cost"
    assert clean_title("Wait...").text == "Wait..."
    assert find_date("NAACL 2019.") == "2019" and find_date("CVPR'24") == "2024" and find_date("*IJCAI, Aug 2024*") == "2024-08"
    assert find_date("[[pdf](x)], 2024.3, ICLR2024") == "2024-03" and find_date("LLaVA-1.5 and 3.5") == ""
    assert date_heading("(June 23 - June 29) - 2025") == "2025-06" and date_heading("*(2016)*") == "2016" and date_heading("Models of 2023 and beyond") == ""
    assert authors_of("A. Owl, B. Heron and C. Crow.") == "A. Owl and B. Heron and C. Crow"
    assert authors_of("Learning to Hoot in Context") == ""
    # a derived name names the paper: never an acronym the title merely uses
    assert derive_names("Scaling LLMs for Owl Calls")[0] == "Scaling LLMs for Owl Calls"
    assert derive_names("Sparse Attention for Very Long Owl Songs with KV Caching")[0] == "Sparse Attention for Very Long Owl Songs"
    # an author line indented too little for its numbered item (a paragraph of its own) is still that item's
    text = "## X\n\n19. **Owls Generalize via Instructions**. ![](https://img.shields.io/badge/New-EAD8D9)\n\n   *A. Owl, B. Heron*.  [[pdf](https://arxiv.org/abs/2104.08773)], 2022.03\n"
    [item] = awesome.parse_awesome(text, "x.md").items
    assert (item.title, item.date, item.authors, item.paper_url) == ("Owls Generalize via Instructions", "2022-03", "A. Owl and B. Heron", "https://arxiv.org/abs/2104.08773")
    # a second paper badge under a heading entry (a follow-up's) stays a link of it
    text = "## Models\n\n### Janus Owl\n\n[![Janus](https://img.shields.io/badge/arXiv-2410.13848-red)](https://arxiv.org/abs/2410.13848) [![Janus Pro](https://img.shields.io/badge/arXiv-2501.17811-red)](https://arxiv.org/abs/2501.17811)\n"
    [item] = awesome.parse_awesome(text, "x.md").items
    assert [(link.kind, link.url) for link in item.links] == [("paper", "https://arxiv.org/abs/2410.13848"), ("other", "https://arxiv.org/abs/2501.17811")]
    # the shape chosen is the one whose entries hold the paper links
    parsed = awesome.parse_awesome(LISTS["b-html-table.md"], "b.md")
    assert [item.title for item in parsed.items] == ["A Survey of Owl Agents", "NightCrawler", "PerchPlan"]


def test_a_leftover_that_only_repeats_the_date_or_venue_is_no_note() -> None:
    from papershelf.formats.lists import awesome

    text = (
        "## Robots\n\n"
        "- [Embodied Owls for Large Scale Orchestration](https://arxiv.org/abs/2401.12963), arXiv, Jan 2024 .\n"
        "- [Deep Owl Networks](https://arxiv.org/abs/1312.6114) (2013), .\n"
        "- [Owls That Plan](https://arxiv.org/abs/2305.00002), arXiv 2023, an open model with 7B parameters\n"
    )
    items = awesome.parse_awesome(text, "l.md").items
    notes = {item.title: [fact for label, fact in item.facts if label == "Note"] for item in items}
    assert notes["Embodied Owls for Large Scale Orchestration"] == []
    assert notes["Deep Owl Networks"] == []
    assert any("open model" in note for note in notes["Owls That Plan"])


def test_characters_copied_unseen_from_a_web_page_split_no_title_or_link() -> None:
    """A zero-width space, a soft hyphen or a BOM inside a title or a URL would make a second title or link that
    looks like the first (a duplicate page, a link that does not resolve): they are dropped as the list is read."""
    from papershelf.commands.importer import read_list
    from papershelf.model.settings import ShelfSettings

    text = ("## Reasoning\n\n"
            "- [Tree\u200b of Thoughts: Deliberate Problem Solving with Large Language Models](https://arxiv.org/abs/2305.\u200b10601)\n"
            "- [Chain-of-Thought Prom\u00adpting Elicits Reasoning in Large Language Models](https://arxiv.org/abs/2201.11903)\ufeff\n")
    reading = read_list(text, "x.md", ShelfSettings())
    assert [(item.title, item.paper_url) for item in reading.items] == [
        ("Tree of Thoughts: Deliberate Problem Solving with Large Language Models", "https://arxiv.org/abs/2305.10601"),
        ("Chain-of-Thought Prompting Elicits Reasoning in Large Language Models", "https://arxiv.org/abs/2201.11903")]


def test_a_name_or_tag_in_brackets_before_the_title_is_no_part_of_it() -> None:
    """An inference list's ``[**FlashAttention**] Fast and … (@Stanford)`` cell, a bullet's ``[Medusa] Medusa: …``:
    the bracket names the paper when the title uses the word or it is written like a name; a sorting word
    ("[Survey]") is a tag; "(@Group)" after the title is the group credited; a heading's link back up the page
    ("([©️back👆🏻](#top))") is no part of its topic."""
    from papershelf.formats.lists.fields import clean_title

    assert clean_title("[LLaVA] Visual Instruction Tuning").text == "Visual Instruction Tuning"
    assert (clean_title("[LLaVA] Visual Instruction Tuning").name, clean_title("[Survey] A Survey of Owls").tag) == ("LLaVA", "Survey")
    assert clean_title("(Un)likelihood Training for Owls").text == "(Un)likelihood Training for Owls"  # round brackets: part of the title
    assert clean_title("[NeurIPS 2024] Big Owls").venue == "NeurIPS 2024"
    text = ("## Attention ([©️back👆🏻](#top))\n\n"
            "|Date|Title|Paper|Code|\n|:---:|:---:|:---:|:---:|\n"
            "|2023.07|🔥[**FlashAttention-2**] Faster Attention with Better Parallelism and Work Partitioning(@Stanford University)|"
            "[[pdf]](https://arxiv.org/pdf/2307.08691.pdf)|[[flash-attention]](https://github.com/Dao-AILab/flash-attention)|\n"
            "|2022.11|[**Speculative Decoding**] Fast Inference from Transformers via Speculative Decoding(@Google)|[[pdf]](https://arxiv.org/pdf/2211.17192.pdf)| |\n\n"
            "## Decoding\n\n"
            "- [Medusa] Medusa: Simple LLM Inference Acceleration Framework with Multiple Decoding Heads [[pdf]](https://arxiv.org/abs/2401.10774)\n"
            "- [Survey] A Survey on Efficient Inference for Large Language Models [[pdf]](https://arxiv.org/abs/2404.14294)\n")
    items = awesome.parse_awesome(text, "x.md").items
    assert [(item.title, item.name, item.section) for item in items] == [
        ("Faster Attention with Better Parallelism and Work Partitioning", "FlashAttention-2", "Attention"),
        ("Fast Inference from Transformers via Speculative Decoding", "Speculative Decoding", "Attention"),
        ("Medusa: Simple LLM Inference Acceleration Framework with Multiple Decoding Heads", "Medusa", "Decoding"),
        ("A Survey on Efficient Inference for Large Language Models", "", "Decoding")]
    assert ("Institution", "Stanford University") in items[0].facts and "Survey" in items[3].tags


def test_a_bold_title_then_a_list_of_its_fields_is_one_paper() -> None:
    """A papers-with-code list: ``**Title**`` alone in a paragraph, then ``- Paper: https://…`` and ``- Code: …``
    as a list of their own: one paper with its code, not papers titled "Paper" and a stray code link; its sections
    are "#" headings like its title."""
    text = ("# CVPR 2024 Papers with Code\n\n# Backbone\n\n**Rewrite the Stars**\n\n- Paper: https://arxiv.org/abs/2403.19967\n- Code: https://github.com/ma-xu/Rewrite-the-Stars\n\n"
            "**Deformable One-shot Face Stylization via DINO Semantic Guidance**\n\n- Paper: https://arxiv.org/abs/2403.00459\n- Code: https://github.com/zichongc/DoesFS\n\n"
            "# Tools\n\n**Not a paper, a bold remark**\n\n- [Owl tools](https://github.com/owl/tools)\n- [Heron tools](https://github.com/heron/tools)\n")
    parsed = awesome.parse_awesome(text, "x.md")
    assert [(item.title, [(link.kind, link.url) for link in item.links]) for item in parsed.items] == [
        ("Rewrite the Stars", [("paper", "https://arxiv.org/abs/2403.19967"), ("code", "https://github.com/ma-xu/Rewrite-the-Stars")]),
        ("Deformable One-shot Face Stylization via DINO Semantic Guidance", [("paper", "https://arxiv.org/abs/2403.00459"), ("code", "https://github.com/zichongc/DoesFS")])]
    assert [item.title for item in parsed.resources] == ["Owl tools", "Heron tools"]
    # "#" headings under the list's "#" title are its sections, and its title names the venue
    assert {(item.section, item.venue) for item in parsed.items} == {("Backbone", "CVPR 2024")} and parsed.resources[0].section == "Tools"
    assert "Rewrite the Stars" not in "\n".join(parsed.notes) and "Not a paper, a bold remark" in "\n".join(parsed.notes)


def test_a_reference_with_an_arxiv_id_as_text_and_names_surname_first() -> None:
    """A distillation list's ``- Title. Hinton, Geoffrey, Oriol Vinyals, and Jeff Dean. arXiv:1503.02531``: the id
    written as arXiv asks to be cited is the paper's link; "Park, Wonpyo et al." after the title are its authors."""
    text = ("## Distillation\n\n"
            "- Distilling the Knowledge in a Neural Network. Hinton, Geoffrey, Oriol Vinyals, and Jeff Dean. arXiv:1503.02531\n"
            "- FitNets: Hints for Thin Deep Nets. Romero, Adriana, et al. arXiv:1412.6550\n"
            "- Relational Knowledge Distillation. Park, Wonpyo et al. CVPR 2019 [[paper]](https://openaccess.thecvf.com/content_CVPR_2019/papers/Park_Relational_Knowledge_Distillation_CVPR_2019_paper.pdf)\n"
            "- Owl notes, see our arXiv:2401.0001 draft (no paper: an id of four digits is none)\n")
    parsed = awesome.parse_awesome(text, "x.md")
    assert [(item.title, item.authors, item.paper_url) for item in parsed.items] == [
        ("Distilling the Knowledge in a Neural Network", "Hinton, Geoffrey and Oriol Vinyals and Jeff Dean", "https://arxiv.org/abs/1503.02531"),
        ("FitNets: Hints for Thin Deep Nets", "Romero, Adriana and others", "https://arxiv.org/abs/1412.6550"),
        ("Relational Knowledge Distillation", "Park, Wonpyo and others",
         "https://openaccess.thecvf.com/content_CVPR_2019/papers/Park_Relational_Knowledge_Distillation_CVPR_2019_paper.pdf")]
    assert len(parsed.resources) == 1


def test_sub_bullets_that_say_the_venue_or_the_keywords() -> None:
    """An RLHF list's sub-bullets under a paper: its authors, ``- Keyword: …`` (its keywords, as a table's Keywords
    column gives them) and ``- Conference: NeurIPS 2022`` (its venue), beside the "#" section it is in."""
    text = ("# Awesome RLHF\n\n# Papers\n\n"
            "- [Training language models to follow instructions with human feedback](https://arxiv.org/abs/2203.02155)\n"
            "  - Long Ouyang, Jeff Wu, Xu Jiang\n  - Keyword: InstructGPT, Human Feedback\n  - Conference: NeurIPS 2022\n")
    [item] = awesome.parse_awesome(text, "x.md").items
    assert (item.authors, item.venue, item.section, item.tags) == ("Long Ouyang and Jeff Wu and Xu Jiang", "NeurIPS 2022", "Papers", ["InstructGPT", "Human Feedback"])


def test_a_page_is_dated_by_the_month_the_paper_first_came_out(tmp_path: Path) -> None:
    """A daily arXiv digest's "Publish Date" is its latest version's day, a venue list's date the conference's: the
    arXiv id says the paper was out earlier, so the page takes the id's month; the entry keeps the list's year."""
    from papershelf.commands.importer import import_lists
    from papershelf.shelf.paths import locate

    text = ("## SLAM\n\n|Publish Date|Title|Authors|PDF|Code|\n|---|---|---|---|---|\n"
            "|**2024-01-10**|**DROID-SLAM: Deep Visual SLAM for Monocular, Stereo, and RGB-D Cameras**|Zachary Teed et.al.|[2108.10869](http://arxiv.org/abs/2108.10869)|null|\n"
            "|**2024-01-11**|**Gaussian Splatting SLAM**|Hidenobu Matsuki et.al.|[2312.06741](http://arxiv.org/abs/2312.06741)|null|\n\n"
            "## Benchmarks\n\n- ALFRED: A Benchmark for Interpreting Grounded Instructions for Everyday Tasks, CVPR 2020 [[paper]](https://arxiv.org/abs/1912.01734)\n")
    folder, root = lists_and_shelf(tmp_path, {"daily.md": text}, "Daily")
    import_lists(locate(root), [folder / "daily.md"])
    dates = {page["title"]: page["date"] for page in paper_pages(root).values()}
    assert dates == {"DROID-SLAM: Deep Visual SLAM for Monocular, Stereo, and RGB-D Cameras": "2021-08", "Gaussian Splatting SLAM": "2023-12",
                     "ALFRED: A Benchmark for Interpreting Grounded Instructions for Everyday Tasks": "2019-12"}
    bib = (root / "references.bib").read_text(encoding="utf-8")
    assert re.search(r"@\w+\{alfred2020\w*,[^@]*year = \{2020\}", bib) and re.search(r"@\w+\{droidslam2024\w*,[^@]*year = \{2024\}", bib)


def test_a_resource_line_does_not_say_its_title_twice() -> None:
    """An agents survey's "Update Records": ``- 🔥 [25/3/2024] Our survey paper has been accepted …`` has no link; its
    line on the Resources page says it once, not the title then the same words again as a note."""
    from papershelf.formats.lists.awesome import resources_page

    text = ("## Update Records\n\n- 🔥 [25/3/2024] Our survey paper has been accepted by Frontiers of Computer Science.\n"
            "- [Owl tools](https://github.com/owl/tools): tools for owls\n")
    page = resources_page(awesome.parse_awesome(text, "x.md").resources, "")
    assert page.count("Our survey paper has been accepted") == 1 and "- [Owl tools](<https://github.com/owl/tools>): tools for owls" in page


def test_a_day_of_eight_digits_and_a_venue_with_a_hyphened_year() -> None:
    """A transfer-learning list's ``- 20230302 ICLR-23 [Title](openreview)``: the day and the venue it names."""
    text = ("## Papers\n\n- 20230302 ICLR-23 [Towards Robust Owls under Distribution Shift](https://openreview.net/forum?id=abcdEFGh12)\n"
            "- 20221103 arXiv [Domain Adaptation for Owls](https://arxiv.org/abs/2211.01234)\n")
    items = awesome.parse_awesome(text, "x.md").items
    assert [(item.title, item.date, item.venue) for item in items] == [
        ("Towards Robust Owls under Distribution Shift", "2023-03-02", "ICLR 2023"), ("Domain Adaptation for Owls", "2022-11-03", "")]
