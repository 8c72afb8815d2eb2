"""Lists generated from the entry shapes real lists use, with titles drawn from a grammar of real titles' parts
(issue 22): whatever words, names, colons, question marks, brackets, ampersands or dashes a title holds, import
gives every entry its own page with its title exactly, the month its arXiv id says (or the list writes) and its
paper link; importing the list again changes no file.

The shapes are the written lists' (``tests/data/wild*``); here the titles vary, which is where a reader of a
stranger's list sees most mistakes: a title cut at its own full stop, authors taken as the title, a title's
"Show, Attend and Tell" taken as authors.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from helpers import lists_and_shelf, paper_pages, snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from papershelf.commands.importer import import_lists
from papershelf.shelf.paths import locate

WORDS = ("Learning", "Language", "Models", "Vision", "Transformers", "Efficient", "Scaling", "Retrieval", "Graph", "Neural",
         "Networks", "Diffusion", "Reasoning", "Agents", "Planning", "Robust", "Sparse", "Attention", "Multimodal", "Video",
         "Benchmark", "Alignment", "Instruction", "Self-Supervised", "Contrastive", "Zero-Shot", "In-Context", "Memory",
         "Generation", "3D", "Open-Vocabulary", "Detection", "Segmentation", "Policies")
SMALL = ("for", "of", "with", "and", "in", "on", "via", "to", "a", "the", "from", "without")
NAMES = ("GPT-4", "LLaMA", "CLIP", "BLIP-2", "Q-Former", "T5", "ViT", "DINOv2", "SAM", "Mamba", "PaLM-E", "3D-LLM", "R2-D2",
         "mPLUG-Owl", "Qwen2.5-VL", "o1", "NeRF++", "X-VLM")
PEOPLE = ("Ada Lovelace", "Alan Turing", "Grace Hopper", "Yann LeCun", "Fei-Fei Li", "Kaiming He", "Jürgen Schmidhuber",
          "Rianne van den Berg", "Thomas N. Kipf")
VENUES = ("NeurIPS", "ICML", "ICLR", "CVPR", "ACL", "EMNLP", "AAAI", "arXiv", "TPAMI", "ECCV")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: the shapes, each a line (or lines) of a list; every one names the paper's arXiv link and its year or month
SHAPES = (
    "- [{title}]({url}) - {authors}. {venue} {year}.",
    "- **{title}** ({year}), {authors} [[pdf]]({url})",
    '1. "{title}" [{year}-{mm}] [{venue} {year}] [[paper]]({url})',
    "- [{venue} {year}] [{title}]({url})",
    '* **{name}**: "{title}", *{venue}, {mon} {year}*. [[Paper]]({url})',
    "- {title}. {authors}. {venue} {year}. [[paper]]({url}) [[code]](https://github.com/org/repo{n})",
    "- [{title}]({url}) ({venue} {year})",
    "- **[{venue} {year}]** [{title}]({url}) [[Code]](https://github.com/org/repo{n})",
    "- {title} [[arXiv]]({url})",
    "| {year} | [{title}]({url}) | {venue} | [Code](https://github.com/org/repo{n}) |",
    "- **{title}**. *{authors}*. {venue} {year}. [[pdf]]({url})",
    "- {authors}. **{title}**. In *{venue}*, {year}. [PDF]({url})",
    "- [{title}]({url}), {authors}, {venue} {year} | [github](https://github.com/org/repo{n})",
    "- {title} ({venue} {year}) [[Paper]]({url}) [[Code]](https://github.com/org/repo{n})",
    "- *{title}* [[pdf]]({url}) ({year})",
    "- [{title}]({url}) <br> {authors} <br> {venue} {year}",
    "- \U0001f4c4 [{title}]({url}) by {authors} \u2014 {venue} {year}",
    "- `{venue} {year}` [{title}]({url})",
    "- [{title}]({url}) [{venue} {year}] ![GitHub stars](https://img.shields.io/github/stars/org/repo{n})",
    '<table>\n<tr><td>{title}</td><td><a href="{url}">Paper</a></td><td>{venue} {year}</td></tr>\n</table>\n',
    "### {title}\n\n[![arXiv](https://img.shields.io/badge/arXiv-{arxiv}-b31b1b.svg)]({url}) [![GitHub](https://img.shields.io/github/stars/org/repo{n})](https://github.com/org/repo{n})\n",
    "- [x] [{title}]({url})",
    "{n}. [{title}]({url}) - {venue}'{yy}",
    "- **[{title}]({url})** - {venue} {year}",
    "- {title} - [{venue} {year}]({url})",
    "- {title}, {venue} {year}, [[Paper]]({url})",
    "- {title}, {authors}, {venue} {year}. [[Paper]]({url})",
    "- [{title}]({url}) - *{venue} {year}* - {authors}",
    "- [{title}]({url})\n  - {authors}\n  - {venue} {year}",
    "* {venue} {year} - {title} [[paper]]({url}) [[code]](https://github.com/org/repo{n})",
    "- [{title}]({url}). {authors}. [{venue} {year}]",
    "- {title} [[{venue} {year}]]({url})",
    "- [\U0001f4c4]({url}) **{title}** _{venue} {year}_",
    "- {title}\n  - Paper: {url}\n  - Code: https://github.com/org/repo{n}",
    "- **{title}**\n  - Paper: {url}\n  - \U0001f3db\ufe0f {venue} {year}",
)


@st.composite
def titles(draw: st.DrawFn) -> str:
    words = [draw(st.sampled_from(WORDS)), *draw(st.lists(st.sampled_from(WORDS + SMALL), min_size=2, max_size=8)), draw(st.sampled_from(WORDS))]
    body = " ".join(words)
    form = draw(st.sampled_from(("{b}", "{n}: {b}", "{b}?", "{b} with {n}", "{b} ({n})", "{b}: A Survey", "{b} in {d} Steps",
                                 "What {b} Can't Do", "{b} & {w}", "{b}, {w} and {w2}", "{b} \u2014 {w} {w2}", "{n}: {b}?", "{b} for {n}",
                                 "\u201cWhy Should I Trust {w}?\u201d: {b}", "{b} at 1,000 {w}", "{b} for Vision/Language", "\u00c9lan: {b} f\u00fcr Menschen",
                                 "{b}: 100x Faster", "One Model's {b}", "{b} (Extended Abstract)", "{b} 2.0")))
    return form.format(b=body, n=draw(st.sampled_from(NAMES)), d=draw(st.integers(2, 9)), w=draw(st.sampled_from(WORDS)), w2=draw(st.sampled_from(WORDS)))


#: hosts of papers without an arXiv id: the date is the year the list writes
HOSTS = ("https://openreview.net/forum?id=Gen{k}q", "https://dl.acm.org/doi/10.1145/3{k}.3{k}", "https://ieeexplore.ieee.org/document/10{k}",
         "https://www.semanticscholar.org/paper/{k}abcdef{k}")
#: shapes that say no year of their own (the arXiv id gives it)
YEARLESS = {shape for shape in SHAPES if "{year}" not in shape}


@st.composite
def entries(draw: st.DrawFn) -> tuple[str, str, str, str]:
    """(line, title, date, the paper link's id: arXiv's or the whole URL) of one paper."""
    title = draw(titles())
    year, month = draw(st.integers(2016, 2025)), draw(st.integers(1, 12))
    arxiv = f"{year % 100:02d}{month:02d}.{draw(st.integers(10000, 19999))}"
    on_arxiv = draw(st.booleans())
    shape = draw(st.sampled_from(SHAPES if on_arxiv else tuple(shape for shape in SHAPES if shape not in YEARLESS and "arXiv-{arxiv}" not in shape)))
    if on_arxiv:
        url = draw(st.sampled_from((f"https://arxiv.org/abs/{arxiv}", f"https://arxiv.org/pdf/{arxiv}", f"https://arxiv.org/pdf/{arxiv}.pdf", f"http://arxiv.org/abs/{arxiv}v2")))
    else:
        url = draw(st.sampled_from(HOSTS)).format(k=draw(st.integers(10000, 99999)))
    authors = ", ".join(draw(st.lists(st.sampled_from(PEOPLE), min_size=2, max_size=4, unique=True)))
    line = shape.format(title=title, url=url, arxiv=arxiv, yy=f"{year % 100:02d}", year=year, mm=f"{month:02d}", mon=MONTHS[month - 1], venue=draw(st.sampled_from(VENUES)),
                        authors=authors, name=draw(st.sampled_from(NAMES)).replace("-", "") + "X", n=draw(st.integers(0, 999)))
    monthly = on_arxiv or "{mm}" in shape or "{mon}" in shape
    return line, title, f"{year}-{month:02d}" if monthly else str(year), arxiv if on_arxiv else url


def as_list(items: list[tuple[str, str, str, str]]) -> str:
    lines, in_table = ["# Generated list", "", "## Papers", ""], False
    for line, *_ in items:
        if line.startswith("|") and not in_table:
            lines += ["", "| Year | Paper | Venue | Code |", "|---|---|---|---|"]
        elif not line.startswith("|") and in_table:
            lines.append("")
        in_table = line.startswith("|")
        lines.append(line)
    return "\n".join(lines) + "\n"


def _unique(items: list[tuple[str, str, str, str]]) -> bool:
    return len({title.casefold() for _, title, _, _ in items}) == len(items) and len({arxiv for *_, arxiv in items}) == len(items)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(entries(), min_size=1, max_size=8).filter(_unique))
def test_every_generated_entry_keeps_its_title_date_and_link(items: list[tuple[str, str, str, str]]) -> None:
    text = as_list(items)
    with tempfile.TemporaryDirectory() as tmp:
        folder, root = lists_and_shelf(Path(tmp), {"generated.md": text}, "Generated")
        import_lists(locate(root), [folder / "generated.md"])
        first = snapshot(root)
        pages = paper_pages(root)
        found = {}
        for page in pages.values():
            match = re.search(r"arxiv\.org/\w+/(\d{4}\.\d{5})", str(page.get("links"))) or re.search(r"(https://[^'\"]+)", str(page.get("links")))
            found[match.group(1) if match else ""] = (str(page["title"]), str(page.get("date")))
        assert found == {paper: (title, date) for _, title, date, paper in items}, text
        import_lists(locate(root), [folder / "generated.md"])
        assert snapshot(root) == first, "importing the list again changed a file"


def test_the_cases_generation_found(tmp_path: Path) -> None:
    """What the generated lists broke before the fixes, each written out once: an arXiv id read as a year, a
    title's "(Name)." or "GPT-4." end, a one-entry list under a heading read as that heading's fields, titles
    and authors parted by commas, a title whose words read as names, a title ending "3D.", and a bold title with its
    author bullet indented too little to be nested."""
    text = (
        "## Papers\n\n"
        "- LLaMA: Open Efficient Foundation Language Models. Hugo Touvron, Thibaut Lavril. arXiv 2023. [[paper]](https://arxiv.org/abs/2302.13971)\n\n"
        "### Learning Transferable Visual Models From Natural Language Supervision\n\n"
        "[![arXiv](https://img.shields.io/badge/arXiv-2103.00020-b31b1b.svg)](https://arxiv.org/abs/2103.00020)\n\n"
        "## More\n\n"
        "- Sparks of Artificial General Intelligence: Early experiments with GPT-4. Sébastien Bubeck, Varun Chandrasekaran. arXiv 2023. [[paper]](https://arxiv.org/abs/2303.12712)\n"
        "- Show, Attend and Tell, Kelvin Xu, Jimmy Ba, Ryan Kiros, ICML 2015. [[Paper]](https://arxiv.org/abs/1502.03044)\n"
        "- Show, Attend and Tell: Neural Image Caption Generation with Visual Attention. Kelvin Xu, Jimmy Ba. ICML 2015. [[v2]](https://arxiv.org/abs/1502.03044v3)\n"
        "- Deep Residual Learning for Image Recognition, K. He et al., CVPR 2016 [[pdf]](https://arxiv.org/abs/1512.03385)\n"
        "- Shape Priors for Owls in 3D. Ada Lovelace, Alan Turing. NeurIPS 2016. [[paper]](https://openreview.net/forum?id=Gen10000q)\n"
        '1. "\u201cWhy Should I Trust You?\u201d: Explaining the Predictions of Any Classifier" [2016-02] [KDD 2016] [[paper]](https://arxiv.org/abs/1602.04938)\n'
        "- Learning a Deep Convolutional Network for Image Super-Resolution (2014, C. Dong et al. [[pdf]](https://link.springer.com/chapter/10.1007/978-3-319-10593-2_13)\n\n"
        "## Inference\n\n"
        "10. **Active example selection for in-context learning.**\n"
        "   *\tYiming Zhang, Shi Feng, Chenhao Tan.* [[pdf](https://aclanthology.org/2022.emnlp-main.622.pdf)], ![](https://img.shields.io/badge/EMNLP2022-FAEFCA)\n"
    )
    folder, root = lists_and_shelf(tmp_path, {"found.md": text}, "Found")
    import_lists(locate(root), [folder / "found.md"])
    pages = {str(page["title"]): (str(page.get("date")), page.get("links")) for page in paper_pages(root).values()}
    assert {title: date for title, (date, _) in pages.items()} == {
        "LLaMA: Open Efficient Foundation Language Models": "2023-02",
        "Learning Transferable Visual Models From Natural Language Supervision": "2021-03",
        "Sparks of Artificial General Intelligence: Early experiments with GPT-4": "2023-03",
        "Show, Attend and Tell": "2015-02",
        "Deep Residual Learning for Image Recognition": "2015-12",
        "Shape Priors for Owls in 3D": "2016",
        "\u201cWhy Should I Trust You?\u201d: Explaining the Predictions of Any Classifier": "2016-02",
        "Learning a Deep Convolutional Network for Image Super-Resolution": "2014",
        "Active example selection for in-context learning": "2022",
    }
    bib = (root / "references.bib").read_text(encoding="utf-8")
    assert "author = {Kelvin Xu and Jimmy Ba and Ryan Kiros}" in bib and "author = {Ada Lovelace and Alan Turing}" in bib and bib.count("author = {K. He and others}") == 1 and "author = {C. Dong and others}" in bib


def test_two_rows_of_one_paper_give_no_alias_cut_from_a_title(tmp_path: Path) -> None:
    """dqxiu's list links "Active example selection for in-context learning" twice (arXiv, then ACL Anthology) and
    writes its title in two cases: one page, both links, and no alias made of the title's first words."""
    text = (
        "## Prompt tuning\n\n"
        "1. **Active Example Selection for In-Context Learning.** *Yiming Zhang, Shi Feng, Chenhao Tan.* [[pdf](https://arxiv.org/abs/2211.04486)], 2022.11\n\n"
        "## Inference\n\n"
        "1. **Active example selection for in-context learning.** *Yiming Zhang, Shi Feng, Chenhao Tan.* [[pdf](https://aclanthology.org/2022.emnlp-main.622.pdf)]\n"
    )
    folder, root = lists_and_shelf(tmp_path, {"twice.md": text}, "Twice")
    import_lists(locate(root), [folder / "twice.md"])
    [page] = paper_pages(root).values()
    assert page["title"] == "Active Example Selection for In-Context Learning" and "aliases" not in page
    assert page["links"] == {"paper": ["https://arxiv.org/abs/2211.04486", "https://aclanthology.org/2022.emnlp-main.622.pdf"]}


def test_a_venue_with_two_full_stops_is_the_venue(tmp_path: Path) -> None:
    """GT-RIPL writes "*NeurIPS, Sep 2025*.." once: the venue and month, not a note "NeurIPS, Sep 2025 .."; the page's
    date is the month the paper first came out (its arXiv id's, May 2025), the entry's year the venue's"""
    text = ('* **RL4VLA**: "RL4VLA: What Can RL Bring to VLA Generalization? An Empirical Study", *NeurIPS, Sep 2025*.. '
            "[[Paper](https://arxiv.org/abs/2505.19788)] [[Code](https://github.com/gen-robot/RL4VLA)]\n")
    folder, root = lists_and_shelf(tmp_path, {"dots.md": text}, "Dots")
    import_lists(locate(root), [folder / "dots.md"])
    [page] = (root / "docs" / "papers").glob("*.md")
    body = page.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert body.strip() == "- **Venue:** NeurIPS 2025" and 'date: "2025-05"' in page.read_text(encoding="utf-8")
    assert "howpublished = {NeurIPS 2025}" in (root / "references.bib").read_text(encoding="utf-8") and "year = {2025}" in (root / "references.bib").read_text(encoding="utf-8")
