"""Synthetic shelves for the benchmark, and the plain-MyST "floor" twin of each.

:func:`generate` draws a shelf from a seed (``random.Random(seed)``, no
network, no clock): N papers with realistic front matter, one BibTeX entry
each, ~N/10 prose pages citing them, and the site pages.
:func:`write_shelf` writes it as a papershelf project (``conf.py``, ``docs/``,
``references.bib``, laid out like the real site); :func:`write_floor` writes
the same visible content as plain MyST pages, built with the same theme but
without papershelf or sphinxcontrib-bibtex: what any Sphinx site holding that
much text costs.

Prose pages are orphans listed on a ``notes`` page rather than toctree
entries: a toctree holding hundreds of pages puts them all into every page's
sidebar (see STYLE.md), and both twins are laid out the same way.
"""

from __future__ import annotations

import functools
import json
import os
import random
import re
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

#: index kinds each get a page of this name (when papershelf renders the kind)
OPTIONAL_INDEX_PAGES = {
    "topics": "Topics",
    "queue": "Reading queue",
    "models": "Released models",
    "code": "Code",
    "architecture": "Architectures",
}

TAGS = (
    "instruction tuning", "contrastive learning", "multimodal pre-training",
    "few-shot learning", "text-to-image generation", "efficient inference",
    "mixture of experts", "grounding", "OCR and documents", "video understanding",
    "captions and data", "evaluation", "hallucination", "embodied agents", "tool use",
)
FIRST_NAMES = (
    "Alice", "Bo", "Chen", "Daniel", "Elena", "Fei", "Gabriel", "Hao", "Ines", "Jun",
    "Kai", "Laura", "Ming", "Nadia", "Omar", "Priya", "Qiang", "Rosa", "Sanjay", "Tao",
    "Uma", "Victor", "Wei", "Xin", "Yuki", "Zhen", "Anna", "Boris", "Carla", "Dmitri",
    "Emma", "Felix", "Hana", "Ivan", "Jia", "Lukas", "Mei", "Nikhil", "Olga", "Pablo",
)
LAST_NAMES = (
    "Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
    "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Gao",
    "Smith", "Johnson", "Brown", "Garcia", "Miller", "Davis", "Martinez", "Lopez",
    "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee",
    "Kim", "Park", "Nguyen", "Singh", "Kumar", "Patel", "Tanaka", "Suzuki", "Sato",
    "Muller", "Schmidt", "Rossi", "Bianchi", "Dubois", "Laurent", "Novak", "Ivanov",
    "Petrov", "Silva", "Santos", "Costa", "Khan", "Ali", "Hassan",
)
NAME_PREFIXES = (
    "Vi", "Pix", "Lum", "Ocu", "Spec", "Iris", "Pan", "Mira", "Opti", "Retin",
    "Lens", "Glim", "Vis", "Imag", "Cogi", "Sight", "Chroma", "Photo", "Aur", "Kalei",
)
NAME_CORES = (
    "Former", "LM", "Chat", "GPT", "Net", "Tron", "Mind", "Bridge", "Fuse", "Align",
    "Lingo", "Vox", "Scope", "Sage", "Mix", "Verse", "Flow", "Link", "Mamba", "Star",
)
ADJECTIVES = (
    "Scalable", "Efficient", "Unified", "Simple", "Robust", "Generalist", "Open",
    "Fine-Grained", "Lightweight", "Interleaved", "Compositional", "Grounded",
)
NOUNS = (
    "Vision-Language Models", "Multimodal Assistants", "Image-Text Pre-training",
    "Visual Instruction Tuning", "Multimodal Transformers", "Visual Tokenizers",
    "Cross-Modal Retrieval", "Vision Encoders", "Multimodal Reasoning",
)
TASKS = (
    "Visual Question Answering", "Document Understanding", "Image Captioning",
    "Open-World Detection", "Video Dialogue", "Chart Reading", "Robot Manipulation",
    "Zero-Shot Classification", "Referring Expressions", "Text-to-Image Synthesis",
)
VISION_ENCODERS = ("CLIP ViT-L/14", "CLIP ViT-L/14 (336px)", "EVA-CLIP ViT-g/14", "SigLIP SO400M", "ConvNeXt-L", "NFNet-F6 (frozen)")
LANGUAGE_MODELS = ("Vicuna", "Vicuna v1.5", "LLaMA-2", "Qwen", "Mistral", "Phi-2", "Chinchilla (frozen)", "MobileLLaMA")
CONNECTORS = ("linear projection", "two-layer MLP projection", "Q-Former", "Perceiver Resampler", "gated cross-attention", "lightweight downsample projector")
PARAMETERS = ("1.4B", "3B", "7B", "7B and 13B", "13B", "34B", "80B")
DATASETS = ("CC3M", "LAION-400M", "COYO-700M", "ShareGPT4V", "VQAv2", "GQA", "TextVQA", "LLaVA-Instruct-158K")
ORGS = ("vlm-lab", "open-mm", "visual-ai", "mm-research", "deep-vision", "lmm-group", "pixel-ai", "sight-labs")
VENUES = ("CVPR", "ICCV", "ECCV", "NeurIPS", "ICML", "ICLR", "ACL", "EMNLP")
FILLER = (
    "The comparison is easiest when the training data are held fixed.",
    "Most of the gain comes from better data rather than a larger model.",
    "The ablations isolate the effect of the connector.",
    "Evaluation covers both academic benchmarks and open-ended chat.",
    "The released checkpoints make the results easy to reproduce.",
    "Resolution matters more than the size of the vision encoder here.",
    "Freezing the language model keeps its text abilities intact.",
    "The approach trades a little accuracy for a large speed-up.",
)
STATUSES = ("read", "reading", "unread")
STATUS_WEIGHTS = (0.4, 0.15, 0.45)
LAST_MONTH = (2025, 12)


@dataclass(frozen=True)
class SynthPaper:
    """One synthetic paper: everything its page and BibTeX entry say."""

    key: str
    slug: str  #: page name under docs/papers/
    title: str
    short_name: str
    status: str
    date: str  #: YYYY-MM or YYYY-MM-DD ("" when the page leaves it to the arXiv id)
    year: int
    month: int
    arxiv: str  #: 2304.08485
    authors: tuple[tuple[str, str], ...]  #: (first, last)
    truncated: bool  #: the author list ends with "and others"
    entry_type: str  #: misc, article or inproceedings
    venue: str  #: booktitle of an inproceedings entry
    links: tuple[tuple[str, str], ...]  #: (kind, url)
    models: tuple[tuple[str, str], ...]  #: (name, url)
    relations: tuple[tuple[str, tuple[str, ...]], ...]  #: (kind, target keys)
    tags: tuple[str, ...]
    architecture: tuple[tuple[str, str], ...]
    aliases: tuple[str, ...]
    added: str
    notes: str  #: a plain paragraph under the header, or ""

    @property
    def bib_title(self) -> str:
        rest = self.title[len(self.short_name) :]
        return "{" + self.short_name + "}" + rest if self.title.startswith(self.short_name) else self.title


@dataclass(frozen=True)
class SynthNote:
    """A prose page: three ``{cite:p}`` and two ``{paper}`` roles."""

    slug: str  #: page name under docs/notes/
    title: str
    cites: tuple[str, ...]
    mentions: tuple[str, ...]
    sentences: tuple[str, ...]


@dataclass
class _Draft:
    """A paper while the shelf is drawn (relations are added afterwards)."""

    key: str
    slug: str
    short_name: str
    year: int
    month: int
    authors: tuple[tuple[str, str], ...]
    arxiv: str
    updated_from: str = ""
    updated_version: str = ""
    variants: list[str] = field(default_factory=list)
    builds_on: list[str] = field(default_factory=list)


@dataclass
class Shelf:
    """A generated shelf, before it is written anywhere."""

    n: int
    seed: int
    papers: list[SynthPaper]
    notes: list[SynthNote]
    index_kinds: tuple[str, ...]  #: optional index kinds that get a page
    by_key: dict[str, SynthPaper] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.by_key = {p.key: p for p in self.papers}

    @property
    def site_pages(self) -> list[str]:
        """Docnames of the pages that are neither papers nor notes."""
        return ["index", "papers", "chronology", *self.index_kinds, "notes", "references"]

    def pick_edit_target(self) -> SynthPaper:
        """A well-connected paper (most inbound links), for the incremental edits."""
        inbound: dict[str, int] = {p.key: 0 for p in self.papers}
        for paper in self.papers:
            for _, targets in paper.relations:
                for target in targets:
                    inbound[target] += 1
        for note in self.notes:
            for key in (*note.cites, *note.mentions):
                inbound[key] += 1
        return max(self.papers, key=lambda p: (inbound[p.key] + len(p.relations), p.key))


def available_index_kinds() -> tuple[str, ...]:
    """The optional index kinds papershelf renders now (another change adds them)."""
    try:
        from papershelf.site.indexes.kinds import RENDERERS
    except ImportError:  # pragma: no cover - papershelf is this package's parent
        return ()
    return tuple(kind for kind in OPTIONAL_INDEX_PAGES if kind in RENDERERS)


# ---------------------------------------------------------------- generation


def generate(n: int, seed: int = 0, index_kinds: Iterable[str] | None = None) -> Shelf:
    """Draw a shelf of ``n`` papers; the same ``(n, seed)`` always gives the same shelf."""
    rng = random.Random(seed)
    kinds = tuple(index_kinds) if index_kinds is not None else available_index_kinds()
    used_names: set[str] = set()
    used_keys: set[str] = set()
    used_slugs: set[str] = set()
    used_arxiv: set[str] = set()
    drafts: list[_Draft] = []
    while len(drafts) < n:
        family = min(n - len(drafts), rng.choices((1, 2, 3, 4), weights=(80, 12, 6, 2))[0])
        base = _unique_name(rng, used_names)
        year, month = rng.randint(2015, 2025), rng.randint(1, 12)
        if (year, month) > (2025, 6):
            year, month = 2025, rng.randint(1, 6)
        previous_key = ""
        for version in range(family):
            short_name = base if version == 0 else _unique_version(base, version, used_names)
            draft = _draft(rng, short_name, year, month, used_keys, used_slugs, used_arxiv)
            draft.updated_from = previous_key
            previous_key = draft.key
            drafts.append(draft)
            year, month = _add_months(year, month, rng.randint(3, 12))
    _add_relations(rng, drafts)
    papers = [_finish(rng, d) for d in drafts]
    papers.sort(key=lambda p: p.slug)
    notes = _notes(rng, papers, max(1, n // 10))
    return Shelf(n=n, seed=seed, papers=papers, notes=notes, index_kinds=kinds)


def _unique_name(rng: random.Random, used: set[str]) -> str:
    for attempt in range(1000):
        name = rng.choice(NAME_PREFIXES) + rng.choice(NAME_CORES)
        if attempt > 20 or rng.random() < 0.3:
            name += f"-{rng.randint(1, 99)}"
        if name.casefold() not in used:
            used.add(name.casefold())
            return name
    raise RuntimeError("ran out of short names")  # pragma: no cover


def _unique_version(base: str, version: int, used: set[str]) -> str:
    name = f"{base} V{version + 1}"
    while name.casefold() in used:
        name += "+"
    used.add(name.casefold())
    return name


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + count
    year, month = divmod(total, 12)
    return min((year, month + 1), LAST_MONTH)


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _draft(
    rng: random.Random,
    short_name: str,
    year: int,
    month: int,
    used_keys: set[str],
    used_slugs: set[str],
    used_arxiv: set[str],
) -> _Draft:
    authors = tuple((rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)) for _ in range(rng.randint(1, 12)))
    word = _slugify(short_name).replace("-", "")[:12] or "paper"
    key = f"{authors[0][1].lower()}{year}{word}"
    suffix = 0
    while key in used_keys:
        suffix += 1
        key = f"{authors[0][1].lower()}{year}{word}{chr(ord('a') + suffix % 26)}{suffix // 26 or ''}"
    used_keys.add(key)
    slug = _slugify(short_name)
    while slug in used_slugs:
        slug += "-x"
    used_slugs.add(slug)
    arxiv = f"{year % 100:02d}{month:02d}.{rng.randint(1, 24999):05d}"
    while arxiv in used_arxiv:
        arxiv = f"{year % 100:02d}{month:02d}.{rng.randint(1, 24999):05d}"
    used_arxiv.add(arxiv)
    return _Draft(key, slug, short_name, year, month, authors, arxiv)


def _add_relations(rng: random.Random, drafts: list[_Draft]) -> None:
    """Variants point at later papers, builds_on at earlier ones: never at a missing key."""
    order = sorted(drafts, key=lambda d: (d.year, d.month, d.key))
    for position, draft in enumerate(order):
        later = order[position + 1 :]
        earlier = order[:position]
        if later and rng.random() < 0.06:
            picks = {later[rng.randrange(len(later))].key for _ in range(rng.randint(1, 3))}
            draft.variants = sorted(picks)
        if earlier and rng.random() < 0.05:
            draft.builds_on = [earlier[rng.randrange(len(earlier))].key]
    # updated_version is stated on the older page, as the real shelf does.
    by_key = {d.key: d for d in drafts}
    for draft in drafts:
        if draft.updated_from:
            by_key[draft.updated_from].updated_version = draft.key


def _finish(rng: random.Random, draft: _Draft) -> SynthPaper:
    short_name, slug, year, month, arxiv = draft.short_name, draft.slug, draft.year, draft.month, draft.arxiv
    org = rng.choice(ORGS)
    title = f"{short_name}: {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} for {rng.choice(TASKS)}"
    links = [("paper", f"https://arxiv.org/{rng.choice(('abs', 'pdf'))}/{arxiv}")]
    if rng.random() < 0.7:
        links.append(("code", f"https://github.com/{org}/{slug}"))
    if rng.random() < 0.3:
        links.append(("homepage", f"https://{org}.github.io/{slug}/"))
    models = tuple(
        (f"{slug}-{size.lower()}", f"https://huggingface.co/{org}/{slug}-{size.lower()}")
        for size in rng.sample(("1B", "3B", "7B", "13B", "34B", "70B"), rng.choice((0, 0, 0, 1, 2, 3, 4, 5, 6)))
    )
    relations = tuple(
        (kind, targets)
        for kind, targets in (
            ("updated_version", (draft.updated_version,) if draft.updated_version else ()),
            ("variants", tuple(draft.variants)),
            ("builds_on", tuple(draft.builds_on)),
        )
        if targets
    )
    tags = tuple(rng.sample(TAGS, rng.randint(1, 3)))
    architecture: tuple[tuple[str, str], ...] = ()
    if rng.random() < 0.4:
        facts = {
            "vision_encoder": rng.choice(VISION_ENCODERS),
            "language_model": rng.choice(LANGUAGE_MODELS),
            "connector": rng.choice(CONNECTORS),
            "parameters": rng.choice(PARAMETERS),
            "training_data": f"{rng.randint(100, 900)}K pairs from {rng.choice(DATASETS)}, then {rng.randint(50, 700)}K instructions from {rng.choice(DATASETS)}",
        }
        chosen = set(rng.sample(sorted(facts), rng.randint(2, len(facts))))
        architecture = tuple((k, v) for k, v in facts.items() if k in chosen)
    day = rng.randint(1, 28)
    date_style = rng.random()
    date = "" if date_style < 0.1 else f"{year}-{month:02d}-{day:02d}" if date_style < 0.25 else f"{year}-{month:02d}"
    entry_type = rng.choices(("misc", "article", "inproceedings"), weights=(5, 3, 2))[0]
    return SynthPaper(
        key=draft.key,
        slug=slug,
        title=title,
        short_name=short_name,
        status=rng.choices(STATUSES, weights=STATUS_WEIGHTS)[0],
        date=date,
        year=year,
        month=month,
        arxiv=arxiv,
        authors=draft.authors,
        truncated=rng.random() < 0.15,
        entry_type=entry_type,
        venue=f"Proceedings of {rng.choice(VENUES)} {year}" if entry_type == "inproceedings" else "",
        links=tuple(links),
        models=models,
        relations=relations,
        tags=tags,
        architecture=architecture,
        aliases=(f"{short_name}-Chat",) if rng.random() < 0.15 else (),
        added=f"{rng.randint(2024, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() < 0.5 else "",
        notes=" ".join(rng.sample(FILLER, 3)) if rng.random() < 0.3 else "",
    )


def _notes(rng: random.Random, papers: list[SynthPaper], count: int) -> list[SynthNote]:
    keys = [p.key for p in papers]
    notes = []
    for index in range(1, count + 1):
        chosen = rng.sample(keys, min(5, len(keys)))
        while len(chosen) < 5:
            chosen.append(rng.choice(keys))
        notes.append(SynthNote(
            slug=f"note-{index:04d}",
            title=f"Notes {index}: {rng.choice(TAGS)}",
            cites=tuple(chosen[:3]),
            mentions=tuple(chosen[3:5]),
            sentences=tuple(rng.sample(FILLER, 5)),
        ))
    return notes


# ---------------------------------------------------------------- the papershelf project


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def front_matter(paper: SynthPaper) -> str:
    lines = ["---", f"key: {paper.key}", f"title: {_q(paper.title)}", f"short_name: {_q(paper.short_name)}"]
    if paper.aliases:
        lines.append("aliases: [" + ", ".join(_q(a) for a in paper.aliases) + "]")
    lines.append(f"status: {paper.status}")
    if paper.date:
        lines.append(f"date: {_q(paper.date)}")
    if paper.added:
        lines.append(f"added: {_q(paper.added)}")
    lines.append("links:")
    lines.extend(f"  {kind}: {url}" for kind, url in paper.links)
    if paper.models:
        lines.append("models:")
        lines.extend(f"  - {{name: {_q(name)}, url: {_q(url)}}}" for name, url in paper.models)
    if paper.relations:
        lines.append("relations:")
        for kind, targets in paper.relations:
            lines.append(f"  {kind}: " + (targets[0] if len(targets) == 1 else "[" + ", ".join(targets) + "]"))
    lines.append("tags: [" + ", ".join(_q(t) for t in paper.tags) + "]")
    if paper.architecture:
        lines.append("architecture:")
        lines.extend(f"  {name}: {_q(value)}" for name, value in paper.architecture)
    lines.append("---")
    return "\n".join(lines) + "\n"


def paper_page(paper: SynthPaper) -> str:
    return front_matter(paper) + (f"\n{paper.notes}\n" if paper.notes else "")


def bib_entry(paper: SynthPaper) -> str:
    if paper.entry_type == "article" or _comma_style(paper):
        author = " and ".join(f"{last}, {first}" for first, last in paper.authors)
    else:
        author = " and ".join(f"{first} {last}" for first, last in paper.authors)
    if paper.truncated:
        author += " and others"
    fields = [("title", "{" + paper.bib_title + "}"), ("author", "{" + author + "}")]
    if paper.entry_type == "article":
        fields.append(("journal", "{arXiv preprint arXiv:" + paper.arxiv + "}"))
    elif paper.entry_type == "inproceedings":
        fields.append(("booktitle", "{" + paper.venue + "}"))
    fields += [("year", "{" + str(paper.year) + "}"), ("eprint", "{" + paper.arxiv + "}"), ("archivePrefix", "{arXiv}")]
    if paper.entry_type == "misc":
        fields += [("primaryClass", "{cs.CV}"), ("url", "{https://arxiv.org/abs/" + paper.arxiv + "}")]
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{paper.entry_type}{{{paper.key},\n{body},\n}}\n"


def _comma_style(paper: SynthPaper) -> bool:
    """Half of the non-article entries write "Last, First" (decided by the key, not the RNG)."""
    return sum(map(ord, paper.key)) % 2 == 0


def bibliography(shelf: Shelf) -> str:
    return "\n".join(bib_entry(p) for p in shelf.papers)


def note_page(note: SynthNote, cites: list[str] | None = None, mentions: list[str] | None = None) -> str:
    """A prose page; ``cites`` and ``mentions`` replace the roles (for the floor)."""
    s = note.sentences
    c = cites if cites is not None else [f"{{cite:p}}`{key}`" for key in note.cites]
    m = mentions if mentions is not None else [f"{{paper}}`{key}`" for key in note.mentions]
    return (
        "---\norphan: true\n---\n"
        f"# {note.title}\n\n"
        f"{m[0]} is the starting point {c[0]}. {s[0]} {s[1]}\n\n"
        f"A later line of work {c[1]} compares directly with {m[1]}. {s[2]}\n\n"
        f"## Open questions\n\n{s[3]} See also {c[2]}. {s[4]}\n"
    )


def _index_page(shelf: Shelf, summary: str) -> str:
    toctree = "\n".join(shelf.site_pages[1:])
    return (
        f"# Synthetic shelf of {shelf.n} papers\n\n"
        f"A generated reading list (seed {shelf.seed}) for the papershelf benchmark.\n\n"
        f"{summary}\n\n"
        "## Where to go next\n\n"
        + "".join(f"- {{doc}}`{page}`\n" for page in shelf.site_pages[1:])
        + f"\n```{{toctree}}\n:hidden:\n:maxdepth: 1\n\n{toctree}\n```\n"
    )


def _notes_index(shelf: Shelf) -> str:
    return "# Notes\n\nProse pages about the papers.\n\n" + "".join(f"- {{doc}}`notes/{n.slug}`\n" for n in shelf.notes)


CONF = '''"""Generated by bench.synth: a synthetic {what} of {n} papers (seed {seed})."""

from __future__ import annotations

project = "Synthetic shelf ({n} papers)"
author = "papershelf benchmark"
copyright = "2026, papershelf benchmark"

extensions = {extensions!r}
root_doc = "index"
exclude_patterns = ["_build"]

myst_enable_extensions = ["colon_fence", "deflist"]
{bibtex}
html_theme = "furo"
html_title = "Synthetic shelf"
html_static_path: list[str] = []
html_extra_path = ["references.bib"]
html_copy_source = False
html_show_sourcelink = False
'''
#: the synthetic shelf's field: the facets its pages state (as the real shelf's conf.py configures them)
FACETS = {
    "vision_encoder": "Vision encoder",
    "language_model": "Language model",
    "connector": "Connector",
    "parameters": "Parameters",
    "training_data": "Training data",
}
BIBTEX_CONF = '''
papershelf_facets = ''' + repr([{"name": name, "heading": heading} for name, heading in FACETS.items()]) + '''
bibtex_bibfiles = ["references.bib"]
bibtex_reference_style = "author_year"
bibtex_default_style = "plain"
bibtex_cite_id = "cite-{key}"
# Tooltips would format every entry twice; citations of shelf papers carry the paper title instead.
bibtex_tooltips = False
'''


def _fresh(dest: Path) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "docs" / "papers").mkdir(parents=True)
    (dest / "docs" / "notes").mkdir()


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def write_shelf(shelf: Shelf, dest: Path) -> Path:
    """Write the papershelf project; an existing ``dest`` is replaced."""
    _fresh(dest)
    docs = dest / "docs"
    _write(dest / "conf.py", CONF.format(what="shelf", n=shelf.n, seed=shelf.seed, extensions=["papershelf"], bibtex=BIBTEX_CONF))
    _write(dest / "references.bib", bibliography(shelf))
    for paper in shelf.papers:
        _write(docs / "papers" / f"{paper.slug}.md", paper_page(paper))
    for note in shelf.notes:
        _write(docs / "notes" / f"{note.slug}.md", note_page(note))
    _write(docs / "index.md", _index_page(shelf, "```{paper-index} summary\n```"))
    _write(docs / "papers.md", "# Papers\n\nEvery paper on the shelf, by short name.\n\n```{paper-index} papers\n```\n")
    # As on the real site: the timeline picture above the table.
    _write(docs / "chronology.md", "# Chronology\n\nEvery paper, newest first.\n\n```{paper-index} timeline\n```\n\n```{paper-index} chronology\n```\n")
    for kind in shelf.index_kinds:
        _write(docs / f"{kind}.md", f"# {OPTIONAL_INDEX_PAGES[kind]}\n\n```{{paper-index}} {kind}\n```\n")
    _write(docs / "notes.md", _notes_index(shelf))
    _write(docs / "references.md", "# References\n\nEvery entry of the bibliography.\n\n```{paper-index} references\n```\n")
    return dest


# ---------------------------------------------------------------- edits for the incremental runs


def set_status(page: Path, status: str) -> None:
    """Rewrite the ``status:`` line of a paper page."""
    text = page.read_text(encoding="utf-8")
    new, count = re.subn(r"^status: \w+$", f"status: {status}", text, count=1, flags=re.MULTILINE)
    if not count:
        raise ValueError(f"{page} has no status line")
    _write_bumped(page, new)


def set_date(page: Path, iso: str) -> None:
    """Rewrite (or add) the ``date:`` line of a paper page."""
    text = page.read_text(encoding="utf-8")
    new, count = re.subn(r"^date: .*$", f'date: "{iso}"', text, count=1, flags=re.MULTILINE)
    if not count:
        new = re.sub(r"^(status: \w+)$", f'\\1\ndate: "{iso}"', text, count=1, flags=re.MULTILINE)
    _write_bumped(page, new)


def add_tag(page: Path, tag: str) -> None:
    """Append a tag to the ``tags: [...]`` line of a paper page."""
    text = page.read_text(encoding="utf-8")
    new, count = re.subn(r"^tags: \[(.*)\]$", lambda m: f"tags: [{m.group(1) + ', ' if m.group(1) else ''}{_q(tag)}]", text, count=1, flags=re.MULTILINE)
    if not count:
        raise ValueError(f"{page} has no tags line")
    _write_bumped(page, new)


def retitle_bib_entry(bib: Path, key: str, suffix: str = " (revised)") -> None:
    """Append ``suffix`` to the title of one entry of a generated .bib."""
    text = bib.read_text(encoding="utf-8")
    start = text.index(f"{{{key},\n")
    match = re.compile(r"^  title = \{(.*)\},$", re.MULTILINE).search(text, start)
    if match is None:
        raise ValueError(f"entry {key} has no title line")
    new = text[: match.start(1)] + match.group(1) + suffix + text[match.end(1) :]
    _write_bumped(bib, new)


def _write_bumped(path: Path, text: str) -> None:
    """Write so that the mtime moves forward even on a coarse clock."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns <= before:
        os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))


# ---------------------------------------------------------------- the floor


def write_floor(shelf: Shelf, dest: Path) -> Path:
    """The same visible content as plain MyST pages: no papershelf, no bibtex."""
    from papershelf.formats import citation
    from papershelf.model.settings import LINK_KINDS, RELATION_KINDS
    from papershelf.site.header import human_date
    from pybtex.database import parse_string

    _fresh(dest)
    docs = dest / "docs"
    bib_text = bibliography(shelf)
    _write(dest / "conf.py", CONF.format(what="floor", n=shelf.n, seed=shelf.seed, extensions=["myst_parser", "sphinx_copybutton"], bibtex=""))
    _write(dest / "references.bib", bib_text)
    entries = parse_string(bib_text, "bibtex").entries
    with _plugins_looked_up_once():
        refs = {key: citation.format_reference(entries[key]) for key in shelf.by_key}

    def link(key: str, here: str) -> str:
        paper = shelf.by_key[key]
        prefix = {"papers": "", "notes": "../papers/"}.get(here, "papers/")
        return f"[{paper.short_name}]({prefix}{paper.slug}.md)"

    def author_year(key: str) -> str:
        paper = shelf.by_key[key]
        lasts = [last for _, last in paper.authors]
        names = lasts[0] if len(lasts) == 1 and not paper.truncated else f"{lasts[0]} and {lasts[1]}" if len(lasts) == 2 and not paper.truncated else f"{lasts[0]} et al."
        return f"[{names}, {paper.year}](../papers/{paper.slug}.md)"

    def iso(paper: SynthPaper) -> str:
        return paper.date or f"{paper.year}-{paper.month:02d}"

    inverse: dict[str, list[tuple[str, str]]] = {}
    for paper in shelf.papers:
        for kind, targets in paper.relations:
            for target in targets:
                inverse.setdefault(target, []).append((kind, paper.key))
    cited_in: dict[str, list[SynthNote]] = {}
    for note in shelf.notes:
        for key in dict.fromkeys((*note.cites, *note.mentions)):
            cited_in.setdefault(key, []).append(note)

    for paper in shelf.papers:
        ref = refs[paper.key]
        out = ["---\norphan: true\n---\n", f"# {paper.title}\n"]
        summary = f"**{paper.short_name}** {paper.status} · first public {human_date(iso(paper))}"
        if paper.aliases:
            summary += " · also known as *" + ", ".join(paper.aliases) + "*"
        out.append(summary + "\n")
        if ref.authors:
            out.append(ref.authors + "\n")
        out.append(", ".join(part for part in (ref.venue, ref.year) if part) + "\n")
        out.append(" ".join(f"[{LINK_KINDS[kind]}]({url})" for kind, url in paper.links) + "\n")
        fields: list[str] = []
        for kind, targets in paper.relations:
            fields.append(f"{RELATION_KINDS[kind][0]}\n: " + ", ".join(link(t, "papers") for t in targets) + "\n")
        for kind, source in sorted(inverse.get(paper.key, [])):
            fields.append(f"{RELATION_KINDS[kind][1]}\n: {link(source, 'papers')}\n")
        if shelf.index_kinds and "topics" in shelf.index_kinds:
            fields.append("Topics\n: " + ", ".join(f"{{ref}}`{tag} <{_tag_label(tag)}>`" for tag in paper.tags) + "\n")
        else:
            fields.append("Topics\n: " + ", ".join(paper.tags) + "\n")
        citing = cited_in.get(paper.key, [])
        if citing:
            fields.append("Cited in\n: " + ", ".join(f"[{n.title}](../notes/{n.slug}.md)" for n in citing) + "\n")
        out.extend(fields)
        if paper.models:
            out.append(":::{rubric} Models\n:::\n")
            out.append("| Model | Link |\n|---|---|\n" + "".join(f"| {name} | [{url.split('//')[1].split('/')[0]}]({url}) |\n" for name, url in paper.models))
        if paper.architecture:
            out.append(":::{rubric} Architecture\n:::\n")
            out.append("| Part | Value |\n|---|---|\n" + "".join(f"| {FACETS[k]} | {v} |\n" for k, v in paper.architecture))
        out.append(":::{rubric} Cite\n:::\n")
        out.append(ref.text() + "\n")
        out.append("```bibtex\n" + bib_entry(paper).strip() + "\n```\n")
        if paper.notes:
            out.append(paper.notes + "\n")
        _write(docs / "papers" / f"{paper.slug}.md", "\n".join(out))

    for note in shelf.notes:
        text = note_page(note, [f"\\[{author_year(k)}\\]" for k in note.cites], [link(k, "notes") for k in note.mentions])
        _write(docs / "notes" / f"{note.slug}.md", text)

    def row_link(p: SynthPaper) -> str:
        return f"[{p.short_name}](papers/{p.slug}.md)"

    read = sum(1 for p in shelf.papers if p.status == "read")
    recent = sorted(shelf.papers, key=lambda p: (p.added or iso(p), iso(p), p.short_name.lower()), reverse=True)[:5]
    summary = f"{shelf.n} papers on the shelf: {read} read, {shelf.n - read} not read yet.\n\n" + "".join(
        f"- {row_link(p)} — {p.title} ({human_date(iso(p))})\n" for p in recent
    )
    _write(docs / "index.md", _index_page(shelf, summary))
    by_name = sorted(shelf.papers, key=lambda p: (p.short_name.casefold(), p.key))
    _write(docs / "papers.md", "# Papers\n\nEvery paper on the shelf, by short name.\n\n| Paper | Title | Date | Status |\n|---|---|---|---|\n"
           + "".join(f"| {row_link(p)} | {p.title} | {iso(p)} | {p.status} |\n" for p in by_name))
    chrono = ["# Chronology\n\nEvery paper, newest first.\n"]
    newest = sorted(shelf.papers, key=lambda p: (iso(p), p.short_name.lower()), reverse=True)
    for year in sorted({p.year for p in newest}, reverse=True):
        chrono.append(f"## {year}\n\n| Month | Paper | Title | Venue | Status | Code |\n|---|---|---|---|---|---|")
        for p in (p for p in newest if p.year == year):
            code = next((url for kind, url in p.links if kind == "code"), "")
            chrono.append(f"| {human_date(iso(p)).rsplit(' ', 1)[0]} | {row_link(p)} | {p.title} | {refs[p.key].venue} | {p.status} | {f'[code]({code})' if code else ''} |")
        chrono.append("")
    _write(docs / "chronology.md", "\n".join(chrono))
    for kind in shelf.index_kinds:
        _write(docs / f"{kind}.md", f"# {OPTIONAL_INDEX_PAGES[kind]}\n\n" + _floor_index(kind, shelf, row_link))
    _write(docs / "notes.md", _notes_index(shelf))
    ordered = sorted(shelf.papers, key=lambda p: (refs[p.key].authors, p.year, p.title))
    _write(docs / "references.md", "# References\n\nEvery entry of the bibliography.\n\n"
           + "".join(f"- {refs[p.key].text()}\n" for p in ordered))
    return dest


@contextmanager
def _plugins_looked_up_once() -> Iterator[None]:
    """pybtex's ``find_plugin`` scans every entry point on each call (ms each,
    18 calls per reference here): cache it while the floor is generated. Only
    this process is patched; the measured builds run unpatched."""
    import pybtex.plugin

    original = pybtex.plugin.find_plugin
    pybtex.plugin.find_plugin = functools.lru_cache(maxsize=None)(original)
    try:
        yield
    finally:
        pybtex.plugin.find_plugin = original


def _tag_label(tag: str) -> str:
    return "topic-" + _slugify(tag)


def _floor_index(kind: str, shelf: Shelf, link: Callable[[SynthPaper], str]) -> str:
    papers = sorted(shelf.papers, key=lambda p: (p.short_name.casefold(), p.key))
    if kind == "topics":
        parts = []
        for tag in sorted(TAGS):
            members = [p for p in papers if tag in p.tags]
            if members:
                parts.append(f"({_tag_label(tag)})=\n## {tag}\n\n" + "".join(f"- {link(p)} — {p.title}\n" for p in members))
        return "\n".join(parts)
    if kind == "queue":
        rows = [p for p in papers if p.status != "read"]
        return "| Paper | Title | Status |\n|---|---|---|\n" + "".join(f"| {link(p)} | {p.title} | {p.status} |\n" for p in rows)
    if kind == "models":
        return "| Paper | Model | Link |\n|---|---|---|\n" + "".join(f"| {link(p)} | {name} | [{name}]({url}) |\n" for p in papers for name, url in p.models)
    if kind == "code":
        return "| Paper | Code |\n|---|---|\n" + "".join(f"| {link(p)} | [{url}]({url}) |\n" for p in papers for k, url in p.links if k == "code")
    if kind == "architecture":
        heads = list(FACETS.values())
        out = "| Paper | " + " | ".join(heads) + " |\n|---|" + "---|" * len(heads) + "\n"
        for p in papers:
            if p.architecture:
                facts = dict(p.architecture)
                out += f"| {link(p)} | " + " | ".join(facts.get(k, "") for k in FACETS) + " |\n"
        return out
    return ""


# ---------------------------------------------------------------- the living shelf (issue 24)


def living_fields(shelf: Shelf, edges: int = 20_000, seed: int = 0) -> dict[str, str]:
    """slug -> front matter lines ``papershelf enrich`` would add: metrics, cites, people.

    Each paper cites older papers only (about ``edges`` in all, a few papers
    citing many); authors keep one id a (first, last) name, so the Authors
    index joins them as it would real people.
    """
    rng = random.Random(seed + 24)
    ordered = sorted(shelf.papers, key=lambda p: (p.year, p.month, p.key))
    mean = edges / max(1, len(ordered))
    result: dict[str, str] = {}
    for index, paper in enumerate(ordered):
        count = min(index, int(rng.paretovariate(2.0) * mean * 0.56))
        cited = sorted(p.key for p in rng.sample(ordered[:index], count)) if count else []
        people = ", ".join("{name: " + _q(f"{first} {last}") + ", id: " + _q(f"s2:{(FIRST_NAMES.index(first) * 1000 + LAST_NAMES.index(last))}") + "}" for first, last in paper.authors)
        lines = [
            f"metrics: {{citations: {rng.randint(0, 20000)}, influential_citations: {rng.randint(0, 900)}, stars: {rng.randint(0, 30000)}, as_of: \"2025-12-01\"}}",
            f"people: [{people}]",
        ]
        if cited:
            lines.append("cites: [" + ", ".join(cited) + "]")
        result[paper.slug] = "\n".join(lines) + "\n"
    return result


def write_living(shelf: Shelf, dest: Path, edges: int = 20_000) -> int:
    """Add :func:`living_fields` to a shelf written by :func:`write_shelf`, and the Authors
    and Venues pages; the number of cites edges written."""
    fields = living_fields(shelf, edges, shelf.seed)
    docs = dest / "docs"
    written = 0
    for paper in shelf.papers:
        page = docs / "papers" / f"{paper.slug}.md"
        text = page.read_text(encoding="utf-8")
        head, fence, rest = text.partition("\n---\n")
        _write(page, head + "\n" + fields[paper.slug].rstrip("\n") + fence + rest)
        cites = re.search(r"^cites: \[(.*)\]$", fields[paper.slug], re.MULTILINE)
        written += len(cites.group(1).split(", ")) if cites else 0
    _write(docs / "authors.md", "# Authors\n\n```{paper-index} authors\n```\n")
    _write(docs / "venues.md", "# Venues\n\n```{paper-index} venues\n```\n")
    index = docs / "index.md"
    _write(index, index.read_text(encoding="utf-8").replace("\nreferences\n```", "\nreferences\nauthors\nvenues\n```"))
    return written


# ---------------------------------------------------------------- a reading list for `papershelf import`

#: bullet shapes of awesome lists (see tests/test_import_generated.py), each naming the paper's arXiv link
LIST_SHAPES = (
    "- [{title}]({url}) - {authors}. {venue} {year}.",
    "- **{title}** ({year}), {authors} [[pdf]]({url}) [[code]]({code})",
    "- [{venue} {year}] [{title}]({url})",
    "- {title}. {authors}. {venue} {year}. [[paper]]({url}) [[code]]({code})",
)


def awesome_list(shelf: Shelf) -> str:
    """The shelf's papers as an awesome-list Markdown page: one bullet a paper, in a section per tag.

    What ``papershelf import`` reads in the import benchmark (no page or .bib is written first).
    """
    by_tag: dict[str, list[SynthPaper]] = {}
    for paper in shelf.papers:
        by_tag.setdefault(paper.tags[0] if paper.tags else "Other", []).append(paper)
    lines = [f"# Awesome synthetic papers (N={shelf.n}, seed {shelf.seed})", ""]
    for tag, papers in by_tag.items():
        lines += [f"## {tag[:1].upper()}{tag[1:]}", ""]
        for index, paper in enumerate(papers):
            authors = ", ".join(f"{first} {last}" for first, last in paper.authors[:4]) + (" et al" if len(paper.authors) > 4 or paper.truncated else "")
            code = next((url for kind, url in paper.links if kind == "code"), f"https://github.com/synth/{paper.slug}")
            lines.append(LIST_SHAPES[index % len(LIST_SHAPES)].format(
                title=paper.title, url=f"https://arxiv.org/abs/{paper.arxiv}", authors=authors, code=code,
                venue=re.sub(r"^Proceedings of |\s*\d{4}$", "", paper.venue) or "arXiv", year=paper.year))
        lines.append("")
    return "\n".join(lines)


def write_list(shelf: Shelf, dest: Path) -> Path:
    """Write :func:`awesome_list` to ``dest`` (a file), replacing it."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    _write(dest, awesome_list(shelf))
    return dest
