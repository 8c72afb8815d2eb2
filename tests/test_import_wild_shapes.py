"""Lists in shapes the importer was not written for (issue 22): each of ``tests/data/wild/*.md`` is
modelled on a public awesome list that no other test holds (a venue-and-date table with star badges, a
milestone table with citation badges, a numbered reading roadmap, weekly tables, NeRF-style bullets, title
lines with link lines and an author sub-bullet, backslash-broken entries, HTML tables under ``<h3>``
topics, a heading per paper with ``Paper link:`` fields, named bullets, a Chinese-language table).

Each list is imported into a shelf of its own, as a maintainer would: imported again (nothing changes),
built with ``-W``, exported and imported into a new shelf (same pages, links and BibTeX entries). The
tests then say what a reader needs of each paper: its title exactly, its date, its links, its authors,
names never suffixed, and no warning of the importer's own making.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from helpers import (
    assert_clean_import,
    assert_titles_dates_and_links,
    by_title,
    import_as_a_maintainer,
    links_of,
    paper_pages,
)
from papershelf.cli import main
from papershelf.commands import init as scaffold
from papershelf.formats.lists import awesome
from papershelf.formats.lists.fields import clean_title, heading_date, url_year, venue_year

WILD = Path(__file__).parent / "data" / "wild"
LISTS = sorted(path for path in WILD.glob("*.md") if path.name != "README.md")
#: what ``listscore.py`` counts as a paper link
PAPER_HOST = re.compile(
    r"^https?://(?:www\.)?(?:arxiv\.org/(?:abs|pdf)/|openreview\.net/(?:forum|pdf)|aclanthology\.org/|(?:papers\.nips\.cc|proceedings\.neurips\.cc)/"
    r"|proceedings\.mlr\.press/|openaccess\.thecvf\.com/|dl\.acm\.org/doi/|ieeexplore\.ieee\.org/(?:document|abstract)|ojs\.aaai\.org/"
    r"|(?:www\.)?ijcai\.org/proceedings|doi\.org/|link\.springer\.com/|(?:www\.)?nature\.com/articles/)",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def shelves(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    return import_as_a_maintainer(LISTS, tmp_path_factory)


def bib(shelf: dict[str, object]) -> str:
    root = shelf["root"]
    assert isinstance(root, Path)
    return (root / "references.bib").read_text(encoding="utf-8")


# what a reader expects of each list: title -> (date, the paper link, other links {kind: url})
EXPECTED: dict[str, dict[str, tuple[str, str, dict[str, str]]]] = {
    "mllm-venue-table": {
        "A Survey on Multimodal Large Language Models": ("2023-06", "https://arxiv.org/pdf/2306.13549", {}),
        "Visual Instruction Tuning": ("2023-04-17", "https://arxiv.org/pdf/2304.08485.pdf", {"code": "https://github.com/haotian-liu/LLaVA", "demo": "https://llava.hliu.cc/"}),
        "Generative Multimodal Models are In-Context Learners": ("2023-12-20", "https://openaccess.thecvf.com/content/CVPR2024/papers/Sun_Generative_Multimodal_Models_are_In-Context_Learners_CVPR_2024_paper.pdf", {"code": "https://github.com/baaivision/Emu"}),
        "LLaMA-Adapter: Efficient Fine-tuning of Language Models with Zero-init Attention": ("2023-03-28", "https://openreview.net/forum?id=d4UiXAHN2W", {"code": "https://github.com/OpenGVLab/LLaMA-Adapter"}),
        "Flamingo: a Visual Language Model for Few-Shot Learning": ("2022", "https://proceedings.neurips.cc/paper_files/paper/2022/hash/960a172bc7fbf0177ccccbb411a7d800-Abstract-Conference.html", {}),
        "BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models": ("2023", "https://proceedings.mlr.press/v202/li23q/li23q.pdf", {}),
        "ShareGPT4V: Improving Large Multi-Modal Models with Better Captions": ("2023-11", "https://arxiv.org/pdf/2311.12793.pdf", {}),
    },
    "llm-milestones": {
        "Attention Is All You Need": ("2017-06", "https://arxiv.org/pdf/1706.03762.pdf", {}),
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding": ("2018-10", "https://aclanthology.org/N19-1423.pdf", {}),
        "Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer": ("2019-10", "https://jmlr.org/papers/v21/20-074.html", {}),
        "Language models are few-shot learners": ("2020-05", "https://papers.nips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf", {}),
        "LoRA: Low-Rank Adaptation of Large Language Models": ("2022", "https://openreview.net/forum?id=nZeVKeeFYf9", {}),
        "QLoRA: Efficient Finetuning of Quantized LLMs": ("2023", "https://proceedings.neurips.cc/paper_files/paper/2023/hash/1feb87871436031bdc0f2beaa62a049b-Abstract-Conference.html", {}),
    },
    "reading-roadmap": {
        "Deep learning": ("2015", "https://www.nature.com/articles/nature14539", {}),
        "A fast learning algorithm for deep belief nets": ("2006", "http://www.cs.toronto.edu/~hinton/absps/ncfast.pdf", {}),
        "Imagenet classification with deep convolutional neural networks": ("2012", "https://papers.nips.cc/paper/4824-imagenet-classification-with-deep-convolutional-neural-networks.pdf", {}),
        "Dropout: a simple way to prevent neural networks from overfitting": ("2014", "https://www.jmlr.org/papers/volume15/srivastava14a/srivastava14a.pdf", {}),
        "Generative adversarial nets": ("2014", "http://papers.nips.cc/paper/5423-generative-adversarial-nets.pdf", {}),
        "Deep neural networks for acoustic modeling in speech recognition: The shared views of four research groups": ("2012", "https://ieeexplore.ieee.org/document/6296526", {}),
    },
    "papers-of-the-week": {
        "Ultra-Fast Owl Diffusion for Language": ("2025-06", "https://arxiv.org/abs/2506.21234", {}),
        "Thought Anchors: Which LLM Reasoning Steps Matter?": ("2025-06", "https://arxiv.org/abs/2506.19143", {}),
        "Owl Agents That Learn From Their Own Mistakes": ("2025-06", "https://openreview.net/forum?id=OwlAg2025x", {}),  # the week heading
        "Magistral": ("2025-06", "https://arxiv.org/abs/2506.10910", {}),
        "Agents Are Not Enough": ("2024-12", "https://arxiv.org/abs/2412.16241", {}),  # the id's month, before its week
        "Machine-Assisted Proof Search in Owl Calculus": ("2025-01", "https://dl.acm.org/doi/10.1145/3700001.3700002", {}),  # the week ends in January
    },
    "nerf-bullets": {
        "NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis": ("2020-03", "https://arxiv.org/abs/2003.08934", {"code": "https://github.com/bmild/nerf"}),
        "Neural Sparse Voxel Fields": ("2020", "https://proceedings.neurips.cc/paper/2020/hash/b4b758962f17808746e9bb832a6fa4b8-Abstract.html", {"code": "https://github.com/facebookresearch/NSVF"}),
        "D-NeRF: Neural Radiance Fields for Dynamic Scenes": ("2021", "https://openaccess.thecvf.com/content/CVPR2021/html/Pumarola_D-NeRF_Neural_Radiance_Fields_for_Dynamic_Scenes_CVPR_2021_paper.html", {}),
        "Stochastic Owl Fields for Sparse Views": ("2022", "https://link.springer.com/chapter/10.1007/978-3-031-19824-3_12", {}),  # "ECCV 2022"
    },
    "self-supervised-lines": {
        "A Theoretical Analysis of Contrastive Unsupervised Representation Learning": ("2019-02", "https://arxiv.org/pdf/1902.09229.pdf", {}),
        "Unsupervised Learning of Visual Representations using Videos": ("2015", "http://www.cv-foundation.org/openaccess/content_iccv_2015/papers/Wang_Unsupervised_Learning_of_ICCV_2015_paper.pdf", {"code": "http://www.cs.cmu.edu/~xiaolonw/unsupervise.html"}),
        "Unsupervised Representation Learning by Predicting Image Rotations": ("2018", "https://openreview.net/forum?id=S1v4N2l0-", {"code": "https://github.com/gidariss/FeatureLearningRotNet"}),
        "A Simple Framework for Contrastive Learning of Visual Representations": ("2020", "http://proceedings.mlr.press/v119/chen20j/chen20j.pdf", {}),
        "Bootstrap your own latent: A new approach to self-supervised Learning": ("2020-06", "https://arxiv.org/abs/2006.07733", {"code": "https://github.com/deepmind/deepmind-research/tree/master/byol"}),
    },
    "diffusion-backslash": {
        "Denoising Diffusion Probabilistic Models": ("2020-06-19", "https://arxiv.org/abs/2006.11239", {"code": "https://github.com/hojonathanho/diffusion"}),
        "Denoising Diffusion Implicit Models": ("2020-10-06", "https://openreview.net/forum?id=St1giarCHLP", {}),
        "Improved Denoising Diffusion Probabilistic Models": ("2021", "https://proceedings.mlr.press/v139/nichol21a.html", {}),
        "Diffusion Models: A Comprehensive Survey of Methods and Applications": ("2022-09-09", "https://arxiv.org/abs/2209.00796", {}),
        "Owl-Diff: Diffusion for Owl Calls": ("2023", "https://ieeexplore.ieee.org/document/10095001", {}),  # "ICASSP 2023."
        "DiffWave: A Versatile Diffusion Model for Audio Synthesis": ("2020-09-21", "https://arxiv.org/abs/2009.09761", {"homepage": "https://diffwave-demo.github.io/"}),
    },
    "html-table-topics": {
        "Semi-Supervised Classification with Graph Convolutional Networks": ("2017", "https://openreview.net/forum?id=SJU4ayYgl", {"code": "https://github.com/tkipf/gcn"}),
        "Heterogeneous Owl Attention Network": ("2019", "https://dl.acm.org/doi/10.1145/3308558.3313562", {}),
        "Owl Link Forecasting in Temporal Graphs": ("2021", "https://ojs.aaai.org/index.php/AAAI/article/view/16543", {}),
        "Neural Owl Link Prediction with Walk Pooling": ("2022", "https://www.ijcai.org/proceedings/2022/0312.pdf", {}),
    },
    "heading-per-paper": {
        "ReAct: Synergizing Reasoning and Acting in Language Models": ("2022-10", "https://arxiv.org/abs/2210.03629", {"code": "https://github.com/ysymyth/ReAct"}),
        "Reflexion: Language Agents with Verbal Reinforcement Learning": ("2023-03", "https://arxiv.org/abs/2303.11366", {"code": "https://github.com/noahshinn/reflexion"}),
        "Tree of Thoughts: Deliberate Problem Solving with Large Language Models": ("2023", "https://proceedings.neurips.cc/paper_files/paper/2023/hash/271db9922b8d1f4dd7aaef84ed5ac703-Abstract-Conference.html", {"code": "https://github.com/princeton-nlp/tree-of-thought-llm"}),
        "Gorilla: Large Language Model Connected with Massive APIs": ("2023-05", "https://arxiv.org/abs/2305.15334", {"code": "https://github.com/ShishirPatil/gorilla", "homepage": "https://gorilla.cs.berkeley.edu/"}),
        "ToolOwl: Teaching Owls to Call Tools in Dialogue": ("2024", "https://aclanthology.org/2024.findings-acl.512/", {}),
        "A Survey of Owl Agents: Reasoning, Tools and Memory": ("2024-04", "https://arxiv.org/abs/2404.01234", {}),  # the citation block only
    },
    "named-bullets": {
        "Word2Vec: Efficient Estimation of Word Representations in Vector Space": ("2013-01", "https://arxiv.org/abs/1301.3781", {}),
        "GloVe: Global Vectors for Word Representation": ("2014", "https://aclanthology.org/D14-1162.pdf", {"code": "https://nlp.stanford.edu/projects/glove/"}),
        "Deep contextualized word representations": ("2018", "https://aclanthology.org/N18-1202.pdf", {"homepage": "https://allenai.org/allennlp/software/elmo"}),
        "RoBERTa: A Robustly Optimized BERT Pretraining Approach": ("2019-07", "https://arxiv.org/abs/1907.11692", {"code": "https://github.com/facebookresearch/fairseq"}),
        "SpanBERT: Improving Pre-training by Representing and Predicting Spans": ("2020", "https://doi.org/10.1162/tacl_a_00300", {}),  # TACL'20
        "Language Models are Unsupervised Multitask Learners": ("2019", "https://cdn.openai.com/better-language-models/language_models_are_unsupervised_multitask_learners.pdf", {}),
        "PaLM: Scaling Language Modeling with Pathways": ("2023", "https://jmlr.org/papers/v24/22-1144.html", {}),
        "Mistral 7B": ("2023-10", "https://arxiv.org/abs/2310.06825", {"blog": "https://mistral.ai/news/announcing-mistral-7b/"}),
    },
    "zh-table": {
        "GPT\uff0cGPT-2\uff0cGPT-3": ("2020-05", "https://arxiv.org/abs/2005.14165", {}),
        "AlexNet": ("2012", "https://papers.nips.cc/paper/2012/hash/c399862d3b9d6b76c8436e924a68c45b-Abstract.html", {}),
        "GoogleNet": ("2014", "https://openaccess.thecvf.com/content_cvpr_2015/html/Szegedy_Going_Deeper_With_2015_CVPR_paper.html", {}),  # the 年份 column
        "EfficientNet": ("2019", "http://proceedings.mlr.press/v97/tan19a/tan19a.pdf", {}),
    },
}
#: list -> short names the list itself gives
NAMES = {
    "named-bullets": {"Deep contextualized word representations": "ELMo", "Language Models are Unsupervised Multitask Learners": "GPT-2", "GloVe: Global Vectors for Word Representation": "GloVe"},
    "heading-per-paper": {"ReAct: Synergizing Reasoning and Acting in Language Models": "ReAct"},
}
#: list -> (title, BibTeX author field as generated)
AUTHORS = {
    "reading-roadmap": ("Deep learning", "LeCun, Yann and Yoshua Bengio and Geoffrey Hinton"),
    "self-supervised-lines": ("Unsupervised Learning of Visual Representations using Videos", "Wang, Xiaolong and Gupta, Abhinav"),
    "nerf-bullets": ("NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis", "Mildenhall and others"),
    "diffusion-backslash": ("High-Resolution Image Synthesis with Latent Diffusion Models", "Robin Rombach and Andreas Blattmann and Dominik Lorenz and Patrick Esser and Björn Ommer"),
    "heading-per-paper": ("Toolformer: Language Models Can Teach Themselves to Use Tools", "Timo Schick and Jane Dwivedi-Yu and Roberto Dessì and Roberta Raileanu and Maria Lomeli and Luke Zettlemoyer and Nicola Cancedda and Thomas Scialom"),
}


def test_there_are_lists_of_nine_shapes_or_more() -> None:
    assert len(LISTS) >= 9 and set(EXPECTED) == {path.stem for path in LISTS}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_titles_dates_and_links(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_titles_dates_and_links(shelves[name], EXPECTED[name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_paper_link_is_a_paper_and_every_paper_dated(shelves: dict[str, dict[str, object]], name: str) -> None:
    text = (WILD / f"{name}.md").read_text(encoding="utf-8")
    written = {url.rstrip(".,;:") for url in re.findall(r"https?://[^\s)\]>'\"|`<]+", text) if PAPER_HOST.match(url)}
    kept = {url for page in by_title(shelves[name]).values() for kind in ("paper", "other") for url in links_of(page, kind)}
    assert written <= kept, sorted(written - kept)
    assert all(page.get("date") for page in by_title(shelves[name]).values())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_titles_a_reader_accepts_and_names_never_suffixed(shelves: dict[str, dict[str, object]], name: str) -> None:
    papers = by_title(shelves[name])
    for title, page in papers.items():
        assert not re.match(r"^\s*\d+\s*[).]\s|^\[", title) and not (title.endswith(".") and not title.endswith("...")), title
        assert not re.search(r"\\[&%_$#]|\]\(|https?://|</?[a-z]+[ >]|\*\*", title), title
        assert clean_title(title).text == title, title
        assert not re.search(r"\((?:\d{4}(?:\s+\d+)?|\d+)\)\s*$", str(page["short_name"])), page["short_name"]
    names = [str(page["short_name"]).casefold() for page in papers.values()]
    assert len(set(names)) == len(names)
    for title, short in NAMES.get(name, {}).items():
        assert papers[title]["short_name"] == short, (title, papers[title])


@pytest.mark.parametrize("name", sorted(AUTHORS))
def test_authors_reach_the_generated_entry(shelves: dict[str, dict[str, object]], name: str) -> None:
    title, authors = AUTHORS[name]
    entry = next(block for block in re.split(r"\n(?=@)", bib(shelves[name])) if f"title = {title}," in re.sub(r"[{}]", "", block))  # "{NeRF}: ..." keeps its case
    assert f"author = {{{authors}}}" in entry, entry


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_importer_warning_a_clean_build_and_a_second_import_changes_nothing(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_clean_import(shelves[name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_export_and_import_give_the_same_shelf(shelves: dict[str, dict[str, object]], name: str) -> None:
    root, again = shelves[name]["root"], shelves[name]["again"]
    assert isinstance(root, Path) and isinstance(again, Path)
    one, two = paper_pages(root), paper_pages(again)
    assert set(one) == set(two)
    assert {stem: sorted(links_of(page)) for stem, page in one.items()} == {stem: sorted(links_of(page)) for stem, page in two.items()}
    count = lambda path: len(re.findall(r"^@\w+\{", (path / "references.bib").read_text(encoding="utf-8"), re.MULTILINE))  # noqa: E731
    assert count(root) == count(again)


def test_topics_are_the_lists_headings(shelves: dict[str, dict[str, object]]) -> None:
    html = by_title(shelves["html-table-topics"])  # <h3 id="node">Node Classification</h3>
    assert html["Graph Attention Networks"]["tags"] == ["Node Classification"]
    assert html["Owl Link Forecasting in Temporal Graphs"]["tags"] == ["Link Prediction"]
    lines = by_title(shelves["self-supervised-lines"])  # "#### 2015" ends "#### Benchmark code": it is no topic of the papers below
    assert lines["Colorful Image Colorization"]["tags"] == ["Image Representation Learning"]


def test_the_list_own_survey_and_its_citation_block() -> None:
    text = (
        "# Owl Retrieval: A Survey\n"
        "This repo collects papers of our survey paper: [*Retrieval for Owls: A Survey of Night Search*](https://arxiv.org/abs/2402.19473). "
        "We will update both [paper](https://arxiv.org/abs/2402.19473) and this repo.\n\n"
        "We thank [the owls](https://example.org/owls) and follow [this paper](https://arxiv.org/abs/2301.00001) in spirit.\n\n"
        "## Methods\n\n- [Dense Owl Search](https://arxiv.org/abs/2309.01431)\n\n"
        "## Citation\nplease cite:\n```\n@article{owl2024,\n  title={Retrieval for {Owls}: A Survey of Night Search},\n"
        "  author={Owl, Alice and Heron, Bob},\n  journal={arXiv preprint arXiv:2402.19473},\n  year={2024}\n}\n```\n"
    )
    parsed = awesome.parse_awesome(text, "x.md")
    titles = {item.title: item for item in parsed.items}
    assert set(titles) == {"Retrieval for Owls: A Survey of Night Search", "Dense Owl Search"}  # "this paper" names no paper
    survey = titles["Retrieval for Owls: A Survey of Night Search"]
    assert (survey.paper_url, survey.authors) == ("https://arxiv.org/abs/2402.19473", "Owl, Alice and Heron, Bob")
    assert any("@article{owl2024," in line for line in parsed.notes)  # the block stays on the notes page
    # a BibTeX block alone names the paper its link labelled "paper" points at
    text = "# Owls\nSee our [paper](https://arxiv.org/abs/2402.19473).\n\n```bibtex\n@misc{o, title={Owls at Night}, eprint={2402.19473}, year={2024}}\n```\n"
    [item] = awesome.parse_awesome(text, "y.md").items
    assert (item.title, item.paper_url) == ("Owls at Night", "https://arxiv.org/abs/2402.19473")


def test_a_heading_keeps_its_paper_beside_a_follow_up_in_its_notes() -> None:
    text = (
        "## Models\n\n### **OwlOCR: Reading by Moonlight**\n\nOwlOCR reads pages at night.\n\n"
        "[![arXiv](https://img.shields.io/badge/arXiv-2510.18234-b31b1b.svg)](https://arxiv.org/abs/2510.18234) [![GitHub](https://badges.example.org/github.svg)](https://github.com/example/owlocr)\n\n"
        "<details>\n<summary>More</summary>\n\n**OwlOCR 2**, released January 27, 2026, reads in colour. [Paper](https://arxiv.org/abs/2601.20552) · [Repository](https://github.com/example/owlocr-2)\n\n</details>\n\n"
        "### Plain Topic\n\n- [Owls All the Way Down](https://arxiv.org/abs/2401.00002)\n"
    )
    items = {item.title: item for item in awesome.parse_awesome(text, "x.md").items}
    assert set(items) == {"OwlOCR: Reading by Moonlight", "OwlOCR 2", "Owls All the Way Down"}
    head, follow = items["OwlOCR: Reading by Moonlight"], items["OwlOCR 2"]
    assert head.paper_url == "https://arxiv.org/abs/2510.18234" and head.section == "Models"
    assert follow.paper_url == "https://arxiv.org/abs/2601.20552" and follow.section == "Models" and "OwlOCR: Reading by Moonlight" not in follow.tags
    assert items["Owls All the Way Down"].section == "Plain Topic"  # a topic heading stays a topic


def test_years_the_links_give_and_those_they_do_not() -> None:
    said = {
        "https://proceedings.mlr.press/v133/min21a.html": "2021",  # PMLR: the paper id's two digits when the volume is unknown
        "http://proceedings.mlr.press/v9/glorot10a/glorot10a.pdf": "2010",
        "https://proceedings.mlr.press/v202/smith23b.html": "2023",
        "https://doi.org/10.1109/ICSE48619.2023.00205": "2023",
        "https://aclanthology.org/2023.acl-long.1/": "2023", "https://aclanthology.org/P19-1001/": "2019",
        "https://www.aclweb.org/anthology/P19-1001.pdf": "2019", "https://www.aclweb.org/anthology/P/P16/P16-1001.pdf": "2016",
        "https://www.ijcai.org/proceedings/2023/0123.pdf": "2023", "https://www.ijcai.org/Proceedings/16/Papers/123.pdf": "2016",
        "https://openaccess.thecvf.com/content/CVPR2023/html/x.html": "2023", "https://proceedings.neurips.cc/paper/2022/hash/abc-Abstract.html": "2022",
        "https://www.nature.com/articles/s41586-021-03819-2": "2021", "https://doi.org/10.1007/s11263-019-01228-7": "2019",
        "http://jmlr.org/papers/v24/23-0037.html": "2023", "https://www.jmlr.org/papers/volume15/srivastava14a/srivastava14a.pdf": "2014",
        # none: the id says no year
        "https://openreview.net/forum?id=7wCBOfJ8hJM": "", "https://dl.acm.org/doi/10.1145/3584371.3612956": "",
        "https://ieeexplore.ieee.org/document/10611663": "", "https://ojs.aaai.org/index.php/AAAI/article/view/16220": "",
        "https://www.nature.com/articles/nature14539": "", "https://link.springer.com/chapter/10.1007/978-3-031-19815-1_3": "",
        "https://papers.nips.cc/paper/5423-generative-adversarial-nets.pdf": "",
    }
    assert {url: url_year(url) for url in said} == said
    assert heading_date("Top ML Papers of the Week (December 30 - January 5) - 2025") == "2025-01"
    assert heading_date("News (May 2024)") == "2024-05" and heading_date("ICLR 2024") == "" and heading_date("Mayhem 2023") == ""


@pytest.mark.parametrize(("text", "expected"), [
    # label-only link bullets under a paper's heading
    ("## Topic\n\n### Owl Planning with Language Models\n- [Paper](https://arxiv.org/abs/2301.00001)\n- [Code](https://github.com/x/y)\n\n"
     "### Heron Vision: Seeing Fish\n- [Paper](https://arxiv.org/abs/2301.00002)\n",
     [("Owl Planning with Language Models", "https://arxiv.org/abs/2301.00001", "Topic"), ("Heron Vision: Seeing Fish", "https://arxiv.org/abs/2301.00002", "Topic")]),
    # bold labels with a link each
    ("## Topic\n\n### Owl Planning with Language Models\n**Paper**: [link](https://arxiv.org/abs/2301.00001)  \n**Code**: [link](https://github.com/x/y)\n",
     [("Owl Planning with Language Models", "https://arxiv.org/abs/2301.00001", "Topic")]),
    # the heading is the paper's link
    ("## Topic\n\n### [Owl Planning with Language Models](https://arxiv.org/abs/2301.00001)\nSome text about it.\n\n### [Heron Vision](https://openreview.net/forum?id=abc)\n",
     [("Owl Planning with Language Models", "https://arxiv.org/abs/2301.00001", "Topic"), ("Heron Vision", "https://openreview.net/forum?id=abc", "Topic")]),
    # link lines indented into code blocks under each heading
    ("## Owl Planning with Language Models\n\n    [arXiv](https://arxiv.org/abs/2301.00001) [GitHub](https://github.com/x/y)\n\n## Heron Vision\n\n    [arXiv](https://arxiv.org/abs/2301.00002)\n",
     [("Owl Planning with Language Models", "https://arxiv.org/abs/2301.00001", ""), ("Heron Vision", "https://arxiv.org/abs/2301.00002", "")]),
    # a label link first, the title after it; a venue and year as a link's text
    ("## Topic\n\n- [[Paper]](https://arxiv.org/abs/2301.00001) Owl Planning with Language Models, CVPR 2023\n- Heron Vision: Seeing Fish [[arXiv 2023](https://arxiv.org/abs/2301.00002)]\n",
     [("Owl Planning with Language Models", "https://arxiv.org/abs/2301.00001", "Topic"), ("Heron Vision: Seeing Fish", "https://arxiv.org/abs/2301.00002", "Topic")]),
    # a Model column names the paper whose Paper cell is only a label
    ("| Model | Paper | Code |\n|---|---|---|\n| OwlNet | [Owl Planning with Language Models](https://arxiv.org/abs/2301.00001) | [code](https://github.com/x/y) |\n| Heron | [📄 Paper](https://arxiv.org/abs/2301.00002) | - |\n",
     [("Owl Planning with Language Models", "https://arxiv.org/abs/2301.00001", ""), ("Heron", "https://arxiv.org/abs/2301.00002", "")]),
])
def test_a_paper_whatever_block_holds_its_links(text: str, expected: list[tuple[str, str, str]]) -> None:
    parsed = awesome.parse_awesome(text, "x.md")
    assert sorted((item.title, item.paper_url, item.section) for item in parsed.items) == sorted(expected)
    assert not parsed.resources


@pytest.mark.parametrize(("text", "title", "date", "authors"), [
    ("## T\n\n* [Owl Planning with Language Models](https://arxiv.org/abs/2301.00001) by Alice Owl, Bob Heron (ICML 2023)\n", "Owl Planning with Language Models", "2023", "Alice Owl and Bob Heron"),
    ("## T\n\n- **[ICLR'24]** Owl Planning with Language Models. [[paper](https://openreview.net/forum?id=x1)]\n", "Owl Planning with Language Models", "2024", ""),
    ("## T\n\n<details><summary><b>Owl Planning with Language Models</b></summary>\n\n[Paper](https://arxiv.org/abs/2301.00001) | [Code](https://github.com/x/y)\n\nA planner for owls.\n</details>\n",
     "Owl Planning with Language Models", "", ""),  # a fold per paper: its summary is the title, not the section "T"
    ("## T\n\n> **Owl Planning with Language Models**<br>\n> Alice Owl, Bob Heron<br>\n> ICML 2023<br>\n> [[Paper](https://arxiv.org/abs/2301.00001)]\n",
     "Owl Planning with Language Models", "2023", "Alice Owl and Bob Heron"),  # an entry in a quote
    ("## T\n\n[![arXiv](https://img.shields.io/badge/arXiv-Blog-red)](https://owl.example.org/blog/)\n\n"
     '<p><sub>Figure 1. <a href="https://arxiv.org/abs/2502.13923">Source paper</a>.</sub></p>\n',
     "T", "", ""),  # a badge saying "arXiv" on a blog: the figure's paper link is the paper
])
def test_entries_in_folds_quotes_and_tags(text: str, title: str, date: str, authors: str) -> None:
    [item] = awesome.parse_awesome(text, "x.md").items
    assert (item.title, item.date, item.authors) == (title, date, authors)
    assert awesome.is_paper_url(item.paper_url) and "blog" not in item.paper_url


def test_a_title_run_holding_its_venue_and_a_description() -> None:
    said = clean_title("Learning To Retrieve Prompts for In-Context Learning NAACL 2022 Learn an example retriever via contrastive learning")
    assert (said.text, said.venue, said.rest) == ("Learning To Retrieve Prompts for In-Context Learning", "NAACL 2022", "Learn an example retriever via contrastive learning")
    for title in ("NeurIPS 2020 EfficientQA Competition: Systems, Analyses and Lessons Learned", "A Detailed Study of CVPR 2020 Reviews and What They Tell Us"):
        assert clean_title(title).text == title  # a venue that is part of the title stays


def test_a_bold_venue_and_a_title_between_bars_are_no_title_of_their_own() -> None:
    [starred] = awesome.parse_awesome("## T\n\n* :star: [Owl Planning with Language Models](https://arxiv.org/abs/2301.00001) - Alice Owl, Bob Heron. **ICML 2023**.\n", "x.md").items
    assert (starred.title, starred.venue, starred.date, starred.authors) == ("Owl Planning with Language Models", "ICML 2023", "2023", "Alice Owl and Bob Heron")
    [barred] = awesome.parse_awesome("## T\n\n- [pdf](https://arxiv.org/pdf/2301.00001) | Owl Planning with Language Models | ICML 2023\n", "x.md").items
    assert (barred.title, barred.venue) == ("Owl Planning with Language Models", "ICML 2023")
    assert not [text for label, text in barred.facts if label == "Note"]  # the title is no note of itself


def test_a_year_column_is_the_venue_columns_year() -> None:
    text = ("## Graphs\n\n| Title | Venue | Year |\n|---|---|---|\n| [Strategies for Pre-training Graph Neural Networks](https://arxiv.org/abs/1905.12265) | ICLR | 2020 |\n"
            "| [Inductive Representation Learning on Large Graphs](https://proceedings.neurips.cc/paper/2017/hash/5d-Abstract.html) | NeurIPS | 2017 |\n"
            "| [Graph Attention Networks](https://arxiv.org/abs/1710.10903) | arXiv | 2017 |\n| [GraphOwl: Owls on Graphs](https://arxiv.org/abs/2301.00001) | ICML'23 | 2023 |\n")
    items = {item.title.split(":")[0]: item for item in awesome.parse_awesome(text, "x.md").items}
    assert items["Strategies for Pre-training Graph Neural Networks"].venue == "ICLR 2020"  # the entry's year; the page keeps the arXiv month
    assert ("Venue", "ICLR 2020") in items["Strategies for Pre-training Graph Neural Networks"].facts
    assert items["Inductive Representation Learning on Large Graphs"].venue == "NeurIPS 2017"
    assert items["Graph Attention Networks"].venue == "arXiv"  # a preprint server's year is no venue's
    assert items["GraphOwl"].venue == "ICML 2023"  # a venue with its year keeps it


def test_a_journal_whose_name_ends_in_another_journals_name() -> None:
    assert venue_year("Owls. A. Owl. Chemical Science 2018") == ("Chemical Science", "2018")
    assert venue_year("Owls. LeCun et al., Nature 2015") == ("Nature", "2015")
    assert venue_year("published in Science 2018") == ("Science", "2018")
    [item] = awesome.parse_awesome("## T\n\n- [Owl reaction networks](https://doi.org/10.1039/C8SC04228D), Chemical Science 2018\n", "x.md").items
    assert (item.venue, item.date) == ("Chemical Science 2018", "2018")


@pytest.mark.parametrize(("line", "title", "authors", "venue"), [
    # a reference whose title is in italics, its authors after it
    ("- *Tern Planning with Language Models*, T. Tern, B. Heron. In NeurIPS 2022. [PDF](https://proceedings.neurips.cc/paper_files/paper/2022/file/abc-Paper-Conference.pdf)",
     "Tern Planning with Language Models", "T. Tern and B. Heron", "NeurIPS 2022"),
    # the authors in italics, then the title
    ("- *A. Owl, B. Heron*. Owl Planning with Language Models. ICML 2023. [pdf](https://arxiv.org/abs/2301.00001)",
     "Owl Planning with Language Models", "A. Owl and B. Heron", "ICML 2023"),
    # a two-word title before two authors with initials: the initials say which are people
    ("- Owl Nets. A. Owl, B. Heron. *Nature*, 2023. [link](https://www.nature.com/articles/s41586-023-06004-9)", "Owl Nets", "A. Owl and B. Heron", "Nature 2023"),
    # an italic note before a titled link is no title
    ("- *Accepted at ICLR 2024*. [Owl Planning with Language Models](https://arxiv.org/abs/2301.00001)", "Owl Planning with Language Models", "", "ICLR 2024"),
    # a subscript is part of its word: "CO<sub>2</sub>", "Owl<sub>2</sub>"
    ("- Deep Owl<sub>2</sub> Nets for CO<sub>2</sub> capture [paper](https://arxiv.org/abs/2301.00011)", "Deep Owl2 Nets for CO2 capture", "", ""),
])
def test_references_in_italics_and_subscripts(line: str, title: str, authors: str, venue: str) -> None:
    [item] = awesome.parse_awesome("## T\n\n" + line + "\n", "x.md").items
    assert (item.title, item.authors, item.venue) == (title, authors, venue)
    assert not [text for label, text in item.facts if label == "Note" and (authors and authors.split(" and ")[0] in text)]  # the authors are no note


def test_who_wrote_a_resource_stays_on_the_resources_page() -> None:
    """A talk, a book or a paper without a link is no paper page; its authors or speaker are still said."""
    text = ("## Talks\n\n- [Understanding and Extending Neural Radiance Fields](https://www.youtube.com/watch?v=HfJpQCBTqZs), Jon Barron\n"
            "- Deep learning (Book, 2016), Goodfellow et al. [[html]](http://www.deeplearningbook.org/)\n"
            "- Hypergraph Owl Propagation Network. Alice Owl, Bob Heron. AAAI 2020\n")
    parsed = awesome.parse_awesome(text, "x.md")
    page = awesome.resources_page(parsed.resources, "")
    assert "Radiance Fields](<https://www.youtube.com/watch?v=HfJpQCBTqZs>): Jon Barron" in page
    assert "Goodfellow et al." in page and "Venue: AAAI 2020; Alice Owl, Bob Heron" in page, page
    assert awesome.resources_page(parsed.resources, page) == page  # a second import adds nothing


@pytest.mark.parametrize(("line", "title", "authors", "venue"), [
    # a bold venue with the paper's standing after a titled link is where, not what
    ("- [Owl Planning with Language Models](https://arxiv.org/abs/2301.00008), Owl et al., **ICLR'24 (Spotlight)**",
     "Owl Planning with Language Models", "Owl and others", "ICLR 2024 (Spotlight)"),
    ("- [Owl Planning with Language Models](https://arxiv.org/abs/2301.00008) **CVPR 2023 Highlight**", "Owl Planning with Language Models", "", "CVPR 2023 Highlight"),
    # a bracketed tag before the bold title; the authors after it
    ("* (arXiv preprint 2023) **Owl Planning with Language Models**, Alice Owl, Bob Heron [[Paper](https://arxiv.org/abs/2306.00005)] [[Code](https://github.com/owl/owl)]",
     "Owl Planning with Language Models", "Alice Owl and Bob Heron", ""),
    # one line each: title, authors, venue, links
    ("- Owl Planning with Language Models <br> Alice Owl, Bob Heron <br> ICML 2022 <br> [paper](https://proceedings.mlr.press/v162/owl22a.html)",
     "Owl Planning with Language Models", "Alice Owl and Bob Heron", "ICML 2022"),
    # an APA reference "In *Book* (pp. …)": the book, not its pages
    ("1. Owl, A., & Heron, B. (2022). Owl planning with language models. In *Proceedings of ICML* (pp. 1-10). [link](https://proceedings.mlr.press/v162/owl22a.html)",
     "Owl planning with language models", "Owl, A. and Heron, B.", "Proceedings of ICML 2022"),
])
def test_venues_authors_and_lines_around_a_title(line: str, title: str, authors: str, venue: str) -> None:
    [item] = awesome.parse_awesome("## T\n\n" + line + "\n", "x.md").items
    assert (item.title, item.authors, item.venue) == (title, authors, venue)


def test_the_rules_of_this_round_stay_linear_on_hostile_lines() -> None:
    n = 100_000
    hostile = ["- " + "<br>" * n + "x [p](https://arxiv.org/abs/2301.00001)", "- x" + " <br> y" * (n // 2) + " [p](https://arxiv.org/abs/2301.00001)",
               "- [T](https://arxiv.org/abs/2301.00001) **ICLR'24 " + "(" * n + "**", "- (arXiv " + "2023 " * (n // 5) + ") **T**, A B",
               "1. Owl, A. (2022). Owl planning. In " + "(" * n, "- *" + "Owl " * (n // 4) + "*, A. Owl. [pdf](https://arxiv.org/abs/2301.00001)",
               "- Owl" + "<sub>2</sub>" * (n // 10) + " [p](https://arxiv.org/abs/2301.00001)"]
    started = time.perf_counter()
    for line in hostile:
        awesome.parse_awesome("## T\n\n" + line + "\n", "x.md")
    assert venue_year("Chemical " * n + "Science 2018")[0] == "Chemical Chemical Chemical Science"
    assert time.perf_counter() - started < 30  # about 8 s here, linear; a quadratic rule takes hours on these


def test_a_link_to_a_script_keeps_its_words_and_is_reported() -> None:
    text = "## T\n\n6. [Gull](javascript:alert(1)) [[paper](https://arxiv.org/abs/2301.00026)]\n- [Owl Nets](data:text/html;base64,PHNjcmlwdD4=) [pdf](https://arxiv.org/abs/2301.00027)\n" \
           "- ![figure](data:image/png;base64,iVBORw0KGgo=) [Heron Nets](https://arxiv.org/abs/2301.00028)\n"
    parsed = awesome.parse_awesome(text, "x.md")
    assert [(item.title, item.paper_url) for item in parsed.items] == [
        ("Gull", "https://arxiv.org/abs/2301.00026"), ("Owl Nets", "https://arxiv.org/abs/2301.00027"), ("Heron Nets", "https://arxiv.org/abs/2301.00028")]
    assert not [item for item in parsed.items if "javascript" in repr(item) or "base64,PHN" in repr(item)]
    assert [(problem.code.slug, problem.line) for problem in parsed.problems] == [("bad-url", 3), ("bad-url", 4)]  # an image is no link


def test_a_paper_the_list_gives_no_title_is_named_by_its_link(tmp_path: Path) -> None:
    root, listed = tmp_path / "shelf", tmp_path / "list.md"
    scaffold.init_shelf(root, scaffold.InitOptions(title="T", author="T"))
    listed.write_text('## T\n\n<table>\n<tr><td><a href="https://arxiv.org/abs/2301.00033"><img src="x.png"></a></td><td>ICCV 2023</td></tr>\n'
                      '<tr><td><a href="https://openreview.net/forum?id=owl1"><img src="y.png"></a></td><td>ICLR 2023</td></tr>\n</table>\n\n'
                      "- [Puffin Planning ..](https://arxiv.org/abs/2301.00028)\n", encoding="utf-8")
    assert main(["import", "--root", str(root), str(listed)]) == 0
    titles = sorted(str(page["title"]) for page in paper_pages(root).values())
    assert titles == ["Puffin Planning", "arXiv:2301.00033", "openreview.net/forum?id=owl1"]


def test_a_fold_per_year_dates_what_it_holds() -> None:
    text = ("## Methods\n\n<details>\n<summary>2020</summary>\n\n- [Stork Planning with Language Models](https://openreview.net/forum?id=storkC)\n\n</details>\n\n"
            "<details><summary><b>2019</b></summary>\n\n- [Swan Planning with Language Models](https://openreview.net/forum?id=swanD)\n\n</details>\n\n"
            "<details><summary>Retrieval</summary>\n\n- [Tern Planning with Language Models](https://openreview.net/forum?id=ternF)\n</details>\n\n"
            "## Data\n\n<details><summary>Click to expand</summary>\n\n- [Gull Planning with Language Models](https://openreview.net/forum?id=gullE)\n</details>\n")
    got = {item.title.split()[0]: (item.section, item.date) for item in awesome.parse_awesome(text, "x.md").items}
    assert got == {"Stork": ("Methods", "2020"), "Swan": ("Methods", "2019"), "Tern": ("Retrieval", ""), "Gull": ("Data", "")}


def test_a_headings_outline_number_is_no_part_of_its_topic() -> None:
    from papershelf.formats.lists.awesome.bullets import topic_name

    for heading, topic in (("1. Survey Papers", "Survey Papers"), ("2.1 Planning", "Planning"), ("3.2.1. Owls", "Owls"), ("4) Herons", "Herons"),
                           ("3. 评测基准 Benchmarks", "评测基准 Benchmarks"), ("🤖 1. Models", "Models"),
                           ("3D Vision", "3D Vision"), ("2 Stage Detectors", "2 Stage Detectors"), ("2023 Papers", "2023 Papers"), ("1.5B Models", "1.5B Models")):
        assert topic_name(heading) == topic, heading


def test_dates_written_day_month_year_in_digits() -> None:
    from papershelf.formats.lists.awesome.inline import normal_date

    for said, iso in (("3/30/22", "2022-03-30"), ("30/3/2022", "2022-03-30"), ("12/31/2023", "2023-12-31"), ("30.03.2022", "2022-03-30"),
                      ("3/4/2022", "2022"),  # which is the month it does not say; the year it does
                      ("1.5.10", ""), ("13/13/2022", ""), ("2023/3/30", "2023-03-30"), ("10/2023", "2023-10")):
        assert normal_date(said) == iso, said
    text = "## T\n\n| Title | Date |\n|---|---|\n| [Owl Planning with Language Models](https://openreview.net/forum?id=owl1) | 3/30/2022 |\n"
    [item] = awesome.parse_awesome(text, "x.md").items
    assert item.date == "2022-03-30" and not item.warnings


@pytest.mark.parametrize(("line", "title", "name"), [
    ("- **Kite**: [Planning for Kites with Language Models](https://arxiv.org/abs/2301.00029)", "Planning for Kites with Language Models", "Kite"),
    ("- [Kite](https://arxiv.org/abs/2301.00029): Planning for Kites with Language Models", "Kite: Planning for Kites with Language Models", "Kite"),
    ("- [[Kite]](https://arxiv.org/abs/2301.00029) Kite: Planning for Kites", "Kite: Planning for Kites", "Kite"),
    # a sentence after the name describes the paper: the name stays the title, the sentence a note
    ("- [LLaVA](https://arxiv.org/abs/2304.08485): A large multimodal model that connects a vision encoder and LLM for general-purpose understanding.", "LLaVA", ""),
])
def test_a_name_link_and_the_title_it_stands_for(line: str, title: str, name: str) -> None:
    [item] = awesome.parse_awesome("## T\n\n" + line + "\n", "x.md").items
    assert (item.title, item.name) == (title, name)
    assert not [text for label, text in item.facts if label in ("Note", "Paper link") and text in title]  # the title is no note of itself


def test_an_html_tables_rowspan_holds_its_column_in_the_rows_below() -> None:
    text = ("## Papers\n\n<table>\n<thead><tr><th>Year</th><th>Venue</th><th>Title</th><th>Code</th></tr></thead>\n<tbody>\n"
            '<tr><td rowspan="2">2023</td><td>CVPR</td><td><a href="https://arxiv.org/abs/2301.00051">Owl Planning with Language Models</a></td>'
            '<td><a href="https://github.com/owl/owl">code</a></td></tr>\n'
            '<tr><td>ICCV</td><td><a href="https://arxiv.org/abs/2303.00052">Heron Planning with Language Models</a></td><td></td></tr>\n'
            '<tr><td>2022</td><td rowspan="2">NeurIPS</td><td><a href="https://openreview.net/forum?id=crane1">Crane Planning with Language Models</a></td><td></td></tr>\n'
            '<tr><td>2022</td><td><a href="https://openreview.net/forum?id=stork1">Stork Planning with Language Models</a></td><td></td></tr>\n</tbody>\n</table>\n')
    got = [(item.title.split()[0], item.venue, item.date) for item in awesome.parse_awesome(text, "x.md").items]
    assert got == [("Owl", "CVPR 2023", "2023"), ("Heron", "ICCV 2023", "2023"), ("Crane", "NeurIPS 2022", "2022"), ("Stork", "NeurIPS 2022", "2022")]


def test_a_two_row_header_whose_other_cells_span_both_rows() -> None:
    text = ("## Agents\n\n<table>\n<tr><td rowspan='2'>Model</td><td colspan='2'>Memory</td><td rowspan='2'>Paper</td></tr>\n"
            "<tr><td>Operation</td><td>Structure</td></tr>\n"
            '<tr><td>ChatDB</td><td>Read/Write</td><td>Hybrid</td><td><a href="https://arxiv.org/abs/2306.03901">Paper</a></td></tr>\n</table>\n')
    [item] = awesome.parse_awesome(text, "x.md").items
    assert item.title == "ChatDB" and ("Operation", "Read/Write") in item.facts and ("Structure", "Hybrid") in item.facts


def test_the_bibtex_in_a_papers_own_fold_is_its_entry_and_survives_export(tmp_path: Path) -> None:
    """``<details><summary>data2vec</summary>`` holding the paper's links and the BibTeX its authors publish: that
    entry (key, pages, publisher) is the paper's entry, not a copy in its notes beside a generated one; its PDF is a
    link of the page; export and import give the same page, links and entry."""
    listed = tmp_path / "list.md"
    listed.write_text("## Speech\n\n<details>\n<summary>data2vec</summary>\n\n[arXiv](https://arxiv.org/abs/2202.03555) · [code](https://github.com/facebookresearch/fairseq)\n\n"
                      "```bibtex\n@InProceedings{pmlr-v162-baevski22a,\n  title = \t {data2vec: A General Framework for Self-supervised Learning in Speech, Vision and Language},\n"
                      "  author = {Baevski, Alexei and Auli, Michael},\n  booktitle = {Proceedings of the 39th International Conference on Machine Learning},\n"
                      "  pages = {1298--1312},\n  year = {2022},\n  pdf = {https://proceedings.mlr.press/v162/baevski22a/baevski22a.pdf},\n}\n```\n</details>\n", encoding="utf-8")
    shelves = []
    for name in ("a", "b"):
        root = tmp_path / name
        scaffold.init_shelf(root, scaffold.InitOptions(title="T", author="T"))
        assert main(["import", "--root", str(root), str(listed if name == "a" else tmp_path / "export.md")]) == 0
        if name == "a":
            assert main(["export", "--root", str(root), "-o", str(tmp_path / "export.md")]) == 0
        shelves.append(root)
    for root in shelves:
        [(stem, page)] = paper_pages(root).items()
        assert stem == "data2vec" and page["key"] == "pmlr-v162-baevski22a" and page.get("date", "2022-02") == "2022-02"  # export leaves out the id's month
        assert "https://proceedings.mlr.press/v162/baevski22a/baevski22a.pdf" in links_of(page, "other")
        assert "@InProceedings" not in (root / "docs/papers/data2vec.md").read_text(encoding="utf-8")
        bib = (root / "references.bib").read_text(encoding="utf-8")
        assert bib.count("@") == 1 and "pages = {1298--1312}" in bib and "generated" not in bib


def test_a_second_bibtex_entry_in_a_papers_fold_says_nothing_of_it() -> None:
    """``note = {} } @misc{injected, title={x}}`` closes the paper's entry and opens another one in its block: the
    paper keeps its own entry's title and text; the second entry neither renames it nor joins its entry."""
    text = ("## Papers\n\n<details>\n<summary>Evil</summary>\n\n[arXiv](https://arxiv.org/abs/2301.00099)\n\n```bibtex\n"
            "@inproceedings{evil2023,\n  title = {Owl Planning with Language Models},\n  author = {Owl, Alice},\n  year = {2023},\n"
            "  note = {} } @misc{injected, title={x}}\n}\n```\n</details>\n")
    [item] = awesome.parse_awesome(text, "x.md").items
    assert item.title == "Owl Planning with Language Models" and item.citation.startswith("@inproceedings{evil2023,")
    assert "injected" not in item.citation
