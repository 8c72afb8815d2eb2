"""Lists in shapes written blind (issue 22): ``tests/data/wild2/*.md`` were written from memory of public
awesome lists before the importer was changed for them, in shapes neither ``tests/data/wild`` nor the shared
lists hold: a ``Date | Title | Paper | Code`` table with ``2023/05`` and ``May 2023`` dates, fire-and-venue
bullets, ``<ul><li>`` entries broken by ``<br>``, HTML badge blocks under ``<details>`` years, aggregator
links (Hugging Face papers, Papers with Code, Semantic Scholar) with ``(Venue Year)`` after the title,
dblp-style reference lines, a ``Model | Paper | Date | Params`` table and an Obsidian export with wikilinks.

Each is imported as a maintainer would (imported again, built with ``-W``, exported and imported again);
the tests say what a reader needs: every paper its own page, its title exactly, its date, links, authors.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import (
    assert_clean_import,
    assert_every_paper_its_own_dated_page,
    assert_round_trip_keeps_links,
    assert_titles_dates_and_links,
    bib_entry,
    by_title,
    import_as_a_maintainer,
    paper_pages,
)
from papershelf.formats.lists import awesome
from papershelf.formats.lists.fields import clean_title, is_label, reference_line

WILD = Path(__file__).parent / "data" / "wild2"
LISTS = sorted(path for path in WILD.glob("*.md") if path.name != "README.md")


@pytest.fixture(scope="module")
def shelves(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    return import_as_a_maintainer(LISTS, tmp_path_factory)


#: list -> number of papers it lists (each its own page)
COUNTS = {"aggregator-links": 18, "badge-blocks": 17, "date-table": 16, "dblp-refs": 17, "fire-venue-bullets": 15, "html-ul-br": 15,
          "model-table": 22, "obsidian-notes": 17}
# title -> (date, the paper link, other links {kind: url})
EXPECTED: dict[str, dict[str, tuple[str, str, dict[str, str]]]] = {
    "aggregator-links": {
        # "(arXiv 2023)" after the title is its venue; a Hugging Face papers page names the arXiv id, so its month
        "CogAgent: A Visual Language Model for GUI Agents": ("2023-12", "https://huggingface.co/papers/2312.08914", {"code": "https://github.com/THUDM/CogVLM"}),
        "Mobile-Agent: Autonomous Multi-Modal Mobile Device Agent with Visual Perception": ("2024-01", "https://www.semanticscholar.org/arxiv/2401.16158", {}),
        "SeeClick: Harnessing GUI Grounding for Advanced Visual GUI Agents": ("2024", "https://paperswithcode.com/paper/seeclick-harnessing-gui-grounding-for", {}),
        "WebArena: A Realistic Web Environment for Building Autonomous Agents": ("2024", "https://openreview.net/forum?id=oKn9c6ytLx", {"homepage": "https://webarena.dev/"}),
        "Steve-Eye: Equipping LLM-based Embodied Agents with Visual Perception in Open Worlds": ("2024", "https://www.semanticscholar.org/paper/0a5d3c56b4d3e8c2d4b1f0e9a8b7c6d5e4f3a2b1", {}),
        "AgentBench: Evaluating LLMs as Agents": ("2023-08", "https://huggingface.co/papers/2308.03688", {"code": "https://github.com/THUDM/AgentBench"}),
    },
    "badge-blocks": {
        "VideoCrafter2: Overcoming Data Limitations for High-Quality Video Diffusion Models": ("2024-01", "https://arxiv.org/abs/2401.09047", {"code": "https://github.com/AILab-CVC/VideoCrafter"}),
        "Phenaki: Variable Length Video Generation from Open Domain Textual Descriptions": ("2023", "https://openreview.net/forum?id=vOEXS39nOF", {}),
        "Video Diffusion Models": ("2022-04", "https://arxiv.org/abs/2204.03458", {}),
    },
    "date-table": {
        "Chain-of-Thought Prompting Elicits Reasoning in Large Language Models": ("2022-01", "https://arxiv.org/abs/2201.11903", {}),
        "PAL: Program-aided Language Models": ("2022-11", "https://proceedings.mlr.press/v202/gao23f.html", {"code": "https://github.com/reasoning-machines/pal"}),
        "Least-to-Most Prompting Enables Complex Reasoning in Large Language Models": ("2022-05", "https://openreview.net/forum?id=WZH7099tgfM", {}),
        "Tree of Thoughts: Deliberate Problem Solving with Large Language Models": ("2023-05", "https://arxiv.org/abs/2305.10601", {"code": "https://github.com/princeton-nlp/tree-of-thought-llm"}),
    },
    "dblp-refs": {
        "LightGCL: Simple Yet Effective Graph Contrastive Learning for Recommendation": ("2023", "https://openreview.net/pdf?id=FKXVK9dyMM", {"code": "https://github.com/HKUDS/LightGCL"}),
        "Knowledge Graph Self-Supervised Rationalization for Recommendation": ("2023", "https://dl.acm.org/doi/10.1145/3580305.3599400", {}),
        "Are Graph Augmentations Necessary? Simple Graph Contrastive Learning for Recommendation": ("2021-12", "https://arxiv.org/abs/2112.08679", {}),
        "Graph Convolutional Matrix Completion": ("2017-06", "https://arxiv.org/abs/1706.02263", {}),
        "Session-based Recommendation with Graph Neural Networks": ("2019", "https://ojs.aaai.org/index.php/AAAI/article/view/3804", {}),
    },
    "fire-venue-bullets": {
        "Prompt-to-Prompt Image Editing with Cross Attention Control": ("2023", "https://openreview.net/forum?id=_CDixzkzeyb", {"code": "https://github.com/google/prompt-to-prompt"}),
        "InstructPix2Pix: Learning to Follow Image Editing Instructions": ("2022-11", "https://arxiv.org/abs/2211.09800", {"homepage": "https://www.timothybrooks.com/instruct-pix2pix"}),
        "Zero-shot Image-to-Image Translation": ("2023-02", "https://arxiv.org/abs/2302.03027", {}),
    },
    "html-ul-br": {
        "3D Gaussian Splatting for Real-Time Radiance Field Rendering": ("2023-08", "https://arxiv.org/abs/2308.04079", {"code": "https://github.com/graphdeco-inria/gaussian-splatting", "homepage": "https://repo-sam.inria.fr/fungraph/3d-gaussian-splatting/"}),
        "Mip-Splatting: Alias-free 3D Gaussian Splatting": ("2023-11", "https://arxiv.org/abs/2311.16493", {"code": "https://github.com/autonomousvision/mip-splatting"}),
        "Real-time Photorealistic Dynamic Scene Representation and Rendering with 4D Gaussian Splatting": ("2024", "https://openreview.net/forum?id=WhgB5sispV", {}),
        "HUGS: Human Gaussian Splats": ("2023-11", "https://arxiv.org/abs/2311.17910", {"code": "https://github.com/apple/ml-hugs"}),
    },
    "model-table": {
        "Qwen Technical Report": ("2023-09", "https://arxiv.org/abs/2309.16609", {"code": "https://github.com/QwenLM/Qwen"}),
        "PanGu-\u03b1: Large-scale Autoregressive Pretrained Chinese Language Models with Auto-parallel Computation": ("2021-04", "https://arxiv.org/abs/2104.12369", {}),
        "Efficient and Effective Text Encoding for Chinese LLaMA and Alpaca 中文LLaMA与Alpaca": ("2023-04", "https://arxiv.org/abs/2304.08177", {}),
        "Emu: Generative Pretraining in Multimodality 多模态生成式预训练": ("2023-07", "https://owl-lab.github.io/emu/emu-paper.pdf", {"code": "https://github.com/baaivision/Emu"}),
    },
    "obsidian-notes": {
        "Training language models to follow instructions with human feedback": ("2022-03", "https://arxiv.org/abs/2203.02155", {}),
        "KTO: Model Alignment as Prospect Theoretic Optimization": ("2024-02", "https://arxiv.org/abs/2402.01306", {}),
        "Scaling Laws for Reward Model Overoptimization": ("2023", "https://proceedings.mlr.press/v202/gao23h.html", {}),  # linked "[PMLR](…)"
        "ORPO: Monolithic Preference Optimization without Reference Model": ("2024", "https://aclanthology.org/2024.emnlp-main.626/", {}),  # "[ACL Anthology](…)"
        "Proximal Policy Optimization Algorithms": ("2017-07", "https://arxiv.org/abs/1707.06347", {}),
    },
}
#: list -> title -> the short name the list gives
NAMES = {
    "obsidian-notes": {"Training language models to follow instructions with human feedback": "InstructGPT", "Proximal Policy Optimization Algorithms": "PPO",
                       "Scaling Laws for Reward Model Overoptimization": "Reward overoptimization"},
    "model-table": {"Towards Better Instruction Following Language Models for Chinese": "BELLE"},
}
#: list -> title -> (BibTeX author field, venue field as generated)
AUTHORS = {
    "dblp-refs": {
        "LightGCL: Simple Yet Effective Graph Contrastive Learning for Recommendation": ("Xuheng Cai and Chao Huang and Lianghao Xia and Xubin Ren", "booktitle = {ICLR 2023}"),
        "Graph Convolutional Matrix Completion": ("Rianne van den Berg and Thomas N. Kipf and Max Welling", "howpublished = {arXiv preprint 2017}"),
    },
    "html-ul-br": {"HUGS: Human Gaussian Splats": ("Muhammed Kocabas and Jen-Hao Rick Chang and James Gabriel and Oncel Tuzel and Anurag Ranjan", "booktitle = {CVPR 2024}")},
    "fire-venue-bullets": {"Imagic: Text-Based Real Image Editing with Diffusion Models": (
        "Bahjat Kawar and Shiran Zada and Oran Lang and Omer Tov and Huiwen Chang and Tali Dekel and Inbar Mosseri and Michal Irani", "booktitle = {CVPR 2023}")},
}


def test_eight_blind_lists() -> None:
    assert {path.stem for path in LISTS} == set(COUNTS) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_every_paper_its_own_dated_page(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_every_paper_its_own_dated_page(shelves[name], COUNTS[name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_titles_dates_and_links(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_titles_dates_and_links(shelves[name], EXPECTED[name])


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_titles_a_reader_accepts(shelves: dict[str, dict[str, object]], name: str) -> None:
    for title, page in by_title(shelves[name]).items():
        assert not re.search(r"\((?:[A-Za-z]+\s*)?(?:19|20)\d{2}\)$|\[\[|\]\]|\u2014|\. In [A-Z]|^[A-Z][a-z]+ [A-Z][a-z]+, ", title), title
        assert not is_label(title) and clean_title(title).text == title, title
        assert not re.search(r"\((?:\d{4}(?:\s+\d+)?|\d+)\)\s*$", str(page["short_name"])), page["short_name"]
    for title, short in NAMES.get(name, {}).items():
        assert by_title(shelves[name])[title]["short_name"] == short


@pytest.mark.parametrize("name", sorted(AUTHORS))
def test_authors_and_venue_reach_the_generated_entry(shelves: dict[str, dict[str, object]], name: str) -> None:
    for title, (authors, venue) in AUTHORS[name].items():
        entry = bib_entry(shelves[name], title)
        assert f"author = {{{authors}}}" in entry and venue in entry, entry


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_no_importer_warning_a_clean_build_idempotent_and_round_trip(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_clean_import(shelves[name])
    assert_round_trip_keeps_links(shelves[name])


def test_html_list_items_are_entries_and_prose_lists_are_not() -> None:
    text = (
        "## Splats\n\n<ul>\n<li>**Owl Splatting: Feathers in Real Time** <br> *A. Owl, B. Heron* <br> [[Paper]](https://arxiv.org/abs/2308.04079)</li>\n"
        "<li>**Second Owl Paper on Splats** <br> [[Paper]](https://openreview.net/forum?id=abc123)</li>\n</ul>\n\n"
        "## Thanks\n\n<ul>\n<li>Thanks to <a href=\"https://example.org\">the owls</a></li>\n</ul>\n"
    )
    parsed = awesome.parse_awesome(text, "x.md")
    got = {item.title: (item.paper_url, item.section, item.authors, item.line) for item in parsed.items}
    assert got == {
        "Owl Splatting: Feathers in Real Time": ("https://arxiv.org/abs/2308.04079", "Splats", "A. Owl and B. Heron", 4),
        "Second Owl Paper on Splats": ("https://openreview.net/forum?id=abc123", "Splats", "", 5),
    }


def test_trailing_venue_in_parentheses_wikilinks_and_reference_lines() -> None:
    assert clean_title("CogAgent: A Visual Language Model for GUI Agents (arXiv 2023)") == clean_title("CogAgent: A Visual Language Model for GUI Agents").__class__(
        "CogAgent: A Visual Language Model for GUI Agents", "arXiv 2023")
    said = clean_title("Proximal Policy Optimization Algorithms (2017)")
    assert (said.text, said.venue, said.year) == ("Proximal Policy Optimization Algorithms", "", "2017")
    assert clean_title("Learning (Deep) Representations of Owls").text == "Learning (Deep) Representations of Owls"  # no venue, no year: kept
    [item] = awesome.parse_awesome("- [[DPO]] — Direct Preference Optimization: Owls (NeurIPS 2023) — [arXiv](https://arxiv.org/abs/2305.18290) #must-read\n", "x.md").items
    assert (item.title, item.name, item.venue) == ("Direct Preference Optimization: Owls", "DPO", "NeurIPS 2023")
    reference = reference_line("Rianne van den Berg, Thomas N. Kipf, Max Welling. Graph Convolutional Matrix Completion. arXiv preprint, 2017.")
    assert reference is not None
    assert (reference.authors, reference.title, reference.venue, reference.year) == (
        "Rianne van den Berg and Thomas N. Kipf and Max Welling", "Graph Convolutional Matrix Completion", "arXiv preprint", "2017")
    assert reference_line("Owls can fly. They hunt at night.") is None  # no venue and year at its end
    assert reference_line("A Survey of Owls. Nocturnal Birds. In Nature, 2020.") is None  # no author list in front
    assert [is_label(text) for text in ("ACL Anthology", "PMLR", "Semantic Scholar", "Owl Anthology of Night Calls")] == [True, True, True, False]


def test_arxiv_ids_of_pages_that_show_an_arxiv_paper() -> None:
    said = {
        "https://huggingface.co/papers/2401.12345": "2401.12345", "https://www.semanticscholar.org/arxiv/2305.18290": "2305.18290",
        "https://www.alphaxiv.org/abs/2406.09246": "2406.09246", "https://papers.cool/arxiv/2310.06825": "2310.06825",
        "https://huggingface.co/papers": "", "https://huggingface.co/datasets/2401.12345": "", "https://paperswithcode.com/paper/palm-e": "",
    }
    assert {url: (found.identifier if (found := awesome.arxiv_in(url)) else "") for url in said} == said


def test_shapes_probed_after_the_blind_round() -> None:
    """Variants tried on snippets once the eight lists passed: an arXiv page's "[2311.16493] Title", a venue in
    inline code before the title, a table's "HF" link to the paper's Hugging Face page, APA references."""
    text = (
        "## Splats\n\n* [[2311.16493] Second Owl Paper on Splats](https://arxiv.org/abs/2311.16493)\n"
        "- `CVPR 2024` Owl Splatting: Feathers in Real Time [[paper]](https://arxiv.org/abs/2308.04079)\n"
        "- Owl, A., & Heron, B. (2023). Third owl paper on splats. *Nature*, 12, 1-10. [link](https://doi.org/10.1038/s41586-023-01234-5)\n"
        "- Owl, A. (2021). A lone owl: paper on splats? Journal of Owls, 3(2). [pdf](https://arxiv.org/abs/2101.00001)\n\n"
        "## Table\n\n| Title | Venue | Year | Paper | Code |\n|---|---|---|---|---|\n"
        "| Owls in a Table of Their Own | ICML | 2024 | [HF](https://huggingface.co/papers/2402.00002) | [code](https://github.com/owl/table) |\n"
    )
    got = {item.title: (item.date, item.venue, item.authors, item.paper_url) for item in awesome.parse_awesome(text, "x.md").items}
    assert got == {
        "Second Owl Paper on Splats": ("", "", "", "https://arxiv.org/abs/2311.16493"),  # the importer dates it by the id
        "Owl Splatting: Feathers in Real Time": ("2024", "CVPR 2024", "", "https://arxiv.org/abs/2308.04079"),
        "Third owl paper on splats": ("2023", "Nature 2023", "Owl, A. and Heron, B.", "https://doi.org/10.1038/s41586-023-01234-5"),
        "A lone owl: paper on splats?": ("2021", "Journal of Owls 2021", "Owl, A.", "https://arxiv.org/abs/2101.00001"),
        # a Venue cell beside a Year cell is that venue of that year (round 8)
        "Owls in a Table of Their Own": ("2024", "ICML 2024", "", "https://huggingface.co/papers/2402.00002"),
    }
    assert clean_title("ICLR 2024 Workshop on Owls").text == "ICLR 2024 Workshop on Owls"  # a venue the title names stays


def test_authors_after_a_title_link_a_numbered_reference_and_italic_author_sub_bullets() -> None:
    text = (
        "## Owls\n\n- [Second Owl Paper on Splats](https://openreview.net/forum?id=abc), Alice Owl and Bob Heron, *ICLR*, 2023\n"
        "- [1] Third Owl Paper on Splats. Alice Owl, Bob Heron. ICLR 2023. [[pdf](https://openreview.net/pdf?id=abd)]\n"
        "- Owl Splatting: Feathers in Real Time. [[paper](https://arxiv.org/abs/2308.04079)]\n  - *Carol Owl, Dan Heron*\n"
    )
    got = {item.title: (item.date, item.venue, item.authors) for item in awesome.parse_awesome(text, "x.md").items}
    assert got == {
        "Second Owl Paper on Splats": ("2023", "ICLR 2023", "Alice Owl and Bob Heron"),
        "Third Owl Paper on Splats": ("2023", "ICLR 2023", "Alice Owl and Bob Heron"),
        "Owl Splatting: Feathers in Real Time": ("", "", "Carol Owl and Dan Heron"),
    }


def test_a_paper_without_a_name_of_its_own_is_listed_by_its_title(shelves: dict[str, dict[str, object]]) -> None:
    """date-table's titles have no colon and no name: the cut name ("Faithful Reasoning Using Large Language")
    is never shown; the link is the whole title, spanning the Title column, while a named paper keeps both cells."""
    from bs4 import BeautifulSoup

    root = shelves["date-table"]["root"]
    assert isinstance(root, Path)
    for page in ("papers", "queue"):
        soup = BeautifulSoup((root.parent / "html" / f"{page}.html").read_text(encoding="utf-8"), "html.parser")
        rows = {" ".join(row.find_all("td")[0].get_text().split()): row for row in soup.select("tbody tr")}
        faithful = rows["Faithful Reasoning Using Large Language Models"]
        first = faithful.find_all("td")[0]
        assert first.get("colspan") == "2" and [a.get_text() for a in first.find_all("a")] == ["Faithful Reasoning Using Large Language Models"]
        named = rows["Graph of Thoughts"]
        assert [" ".join(cell.get_text().split()) for cell in named.find_all("td")][:2] == ["Graph of Thoughts", "Graph of Thoughts: Solving Elaborate Problems with Large Language Models"]
        assert not any(cell.get("colspan") for cell in named.find_all("td"))
        assert "Faithful Reasoning Using Large Language" not in rows


def test_a_cut_title_is_never_shown_as_a_name(shelves: dict[str, dict[str, object]]) -> None:
    """Where a place is too small for the title (the timeline's labels, the year list's first papers), a paper
    without a name of its own shows its title's first words and an ellipsis; a named paper shows its name."""
    from bs4 import BeautifulSoup

    root = shelves["date-table"]["root"]
    assert isinstance(root, Path)
    html = root.parent / "html"
    labels = {text.get_text() for page in html.glob("**/*.html") for text in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("text.tl-label")}
    assert "Faithful Reasoning Using Large Language\u2026" in labels and "Graph of Thoughts" in labels
    assert "Faithful Reasoning Using Large Language" not in labels
    years = BeautifulSoup((html / "chronology.html").read_text(encoding="utf-8"), "html.parser").select("table tbody tr")
    first = {row.find_all("td")[0].get_text(strip=True): row.find_all("td")[-1].get_text(" ", strip=True) for row in years}
    assert first["2024"] == "The Impact of Reasoning Step Length\u2026"
    assert first["2022"] == "PAL, Program of Thoughts Prompting, Automatic Chain of Thought Prompting\u2026, \u2026"


def test_the_lists_own_name_comes_before_a_name_from_the_title(shelves: dict[str, dict[str, object]]) -> None:
    """"[[DPO]] — Direct Preference Optimization: ..." and a Model column's "ChatGLM3" beside "ChatGLM: ...":
    the list's name is the short name; the title's words before its colon are not."""
    dpo = by_title(shelves["obsidian-notes"])["Direct Preference Optimization: Your Language Model is Secretly a Reward Model"]
    glm = by_title(shelves["model-table"])["ChatGLM: A Family of Large Language Models from GLM-130B to GLM-4 All Tools"]
    assert (dpo["short_name"], glm["short_name"]) == ("DPO", "ChatGLM3")


def test_a_name_the_list_gives_two_papers_names_only_the_first(tmp_path: Path) -> None:
    from helpers import lists_and_shelf
    from papershelf.commands.importer import import_lists
    from papershelf.shelf.paths import locate

    folder, root = lists_and_shelf(tmp_path, {"robots.md": (
        "## Planning\n\n"
        '* **LLM-BRAIn**: "LLM-BRAIn: AI-driven Fast Generation of Robot Behaviour Trees", *arXiv, May 2023*. [[Paper](https://arxiv.org/abs/2305.19352)]\n'
        '* **LLM-Brain**: "LLM as A Robotic Brain: Unifying Egocentric Memory and Control", arXiv, Apr 2023. [[Paper](https://arxiv.org/abs/2304.09349)]\n'
    )}, "Robots")
    import_lists(locate(root), [folder / "robots.md"])
    names = {str(page["title"]): (page["short_name"], page.get("aliases")) for page in paper_pages(root).values()}
    assert names == {"LLM-BRAIn: AI-driven Fast Generation of Robot Behaviour Trees": ("LLM-BRAIn", None),
                     "LLM as A Robotic Brain: Unifying Egocentric Memory and Control": ("LLM as A Robotic Brain", ["LLM-Brain"])}
