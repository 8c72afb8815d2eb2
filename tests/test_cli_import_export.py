"""`papershelf import` / `export`: Markdown reading lists <-> the shelf."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import bibtexparser
import pytest
from helpers import REPO
from papershelf.cli import main
from papershelf.commands import init as scaffold
from papershelf.commands.importer import load_fixes
from papershelf.formats.conffile import literal_settings
from papershelf.formats.lists.readinglist import parse_list, split_heading
from papershelf.shelf import paths as shelf_paths
from papershelf.shelf.load import load_shelf
from papershelf.shelf.naming import derive_names
from papershelf.shelf.paths import ShelfError, locate

DATA = Path(__file__).parent / "data"
SEED_DIR = REPO.parent / "shared" / "seed"
SEED = SEED_DIR / "000_f15b3cb6897cac21.txt"
FIXES = DATA / "seed-fixes.yaml"
needs_seed = pytest.mark.skipif(not SEED.exists(), reason=f"the seed reading list is not at {SEED} (CI keeps a copy in ../shared/seed/)")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


#: the facets of our own shelf's conf.py, so that its export imports back without findings
VLM_FACETS = tuple((facet["name"], facet["heading"]) for facet in literal_settings(REPO / "conf.py")["papershelf_facets"])


def empty_shelf(tmp_path: Path, name: str = "shelf") -> Path:
    root = tmp_path / name
    scaffold.init_shelf(root, scaffold.InitOptions(title="Test shelf", author="Tess Ter", year=2026, facets=VLM_FACETS))
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def records(root: Path, fields: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """key -> the page's validated fields (lines and docnames left out)."""
    result = {}
    for page in load_shelf(locate(root)).pages:
        paper = page.paper
        values = {
            "file": page.path.name,
            "title": paper.title,
            "short_name": paper.short_name,
            "aliases": paper.aliases,
            "status": paper.status,
            "links": [(link.kind, link.url, link.label) for link in paper.links],
            "models": [(model.name, model.url) for model in paper.models],
            "relations": sorted((r.kind, r.target) for r in paper.relations),
            "tags": paper.tags,
            "date": paper.date.iso() if paper.date else "",
            "added": paper.added,
            "architecture": paper.architecture,
        }
        result[paper.key] = {name: values[name] for name in fields}
    return result


SEED_FIELDS = ("file", "title", "short_name", "aliases", "status", "links", "models", "relations")


# --- the seed ------------------------------------------------------------------


@needs_seed
def test_seed_with_fixes_reproduces_the_hand_made_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = empty_shelf(tmp_path)
    code, out, err = run(capsys, "--root", str(root), "import", str(SEED), "--fixes", str(FIXES))
    assert code == 0 and err == ""
    assert out.strip().endswith("imported 19, already present 0, with problems 0")
    imported, published = records(root, SEED_FIELDS), records(REPO, SEED_FIELDS)
    assert imported.keys() == published.keys()
    differences = {key: {f: (imported[key][f], published[key][f]) for f in SEED_FIELDS if imported[key][f] != published[key][f]} for key in published}
    assert {key: diff for key, diff in differences.items() if diff} == {}
    # the corrected BibTeX: the same fields as the published file, up to the braces
    # that protect acronyms in titles (a formatting-only change, see data-notes.md)
    def fields(path: Path) -> dict[str, dict[str, str]]:
        library = bibtexparser.parse_string(path.read_text(encoding="utf-8"))
        return {e.key: {f.key.lower(): re.sub(r"[{}]", "", str(f.value)) for f in e.fields} | {"@": e.entry_type.lower()} for e in library.entries}

    assert fields(root / "references.bib") == fields(REPO / "references.bib")
    assert run(capsys, "--root", str(root), "check")[:2] == (0, "")


@needs_seed
def test_seed_without_fixes_keeps_everything_and_locates_each_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = empty_shelf(tmp_path)
    code, out, err = run(capsys, "--root", str(root), "import", str(SEED))
    assert code == 0
    assert out.strip().endswith("imported 19, already present 0, with problems 7")
    located = {(int(m.group(1)), m.group(2)) for m in re.finditer(r"^.*?\.txt:(\d+): (\S+) ", err, re.MULTILINE)}
    assert located == {
        (29, "bib-syntax"),  # DeepSeek-VL: no comma after primaryClass (the entry is still imported)
        (39, "bad-url"),  # MobileVLM V2: ttps://
        (79, "bad-url"),  # MobileVLM: ttps://
        (103, "arxiv-mismatch"),  # ShareGPT4V links CogVLM's paper
        (134, "duplicate-link"),  # ... so CogVLM's paper link is on two papers
        (180, "no-date"),  # DALL-E 3: no arXiv link and no year
        (189, "bib-no-year"),
        (191, "bib-authors"),  # † markers
        (245, "bib-authors"),  # IDEFICS: comma-separated authors
    }
    shelf = load_shelf(locate(root))
    assert len(shelf.pages) == 19 and len(shelf.declared) == 19  # nothing dropped
    bib = (root / "references.bib").read_text(encoding="utf-8")
    assert "primaryClass={cs.AI}\n      url={https://arxiv.org/abs/2403.05525}" in bib  # the raw text, kept
    code, out, _ = run(capsys, "--root", str(root), "check")  # the seed's own problems: recorded as known by the import
    assert code == 0 and "\n  references.bib:7: bib-syntax entry `lu2024deepseekvlrealworldvisionlanguageunderstanding`" in out
    (root / "known-problems.json").unlink()
    code, out, _ = run(capsys, "--root", str(root), "check")
    assert code == 1 and "references.bib:7: bib-syntax entry `lu2024deepseekvlrealworldvisionlanguageunderstanding`" in out


@needs_seed
def test_importing_twice_creates_nothing_new(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = empty_shelf(tmp_path)
    assert run(capsys, "--root", str(root), "import", str(SEED), "--fixes", str(FIXES))[0] == 0
    before = snapshot(root)
    code, out, err = run(capsys, "--root", str(root), "import", str(SEED), "--fixes", str(FIXES))
    assert code == 0 and err == ""
    assert out.strip().endswith("imported 0, already present 19, with problems 0")
    assert snapshot(root) == before


# --- every line form -----------------------------------------------------------


def test_every_line_form_of_the_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = empty_shelf(tmp_path)
    code, out, err = run(capsys, "--root", str(root), "import", str(DATA / "reading-list.md"))
    assert code == 0
    assert out.strip().endswith("imported 4, already present 0, with problems 2")
    fields = ("file", "title", "short_name", "aliases", "status", "links", "models", "relations", "tags")
    assert records(root, fields) == {
        "alpha2020": {
            "file": "alpha.md", "title": "Alpha: A First Model", "short_name": "Alpha", "aliases": ("AlphaNet",), "status": "read",
            "links": [("paper", "https://arxiv.org/pdf/2003.00001", ""), ("code", "https://github.com/example/alpha", ""), ("dataset", "https://huggingface.co/datasets/example/alpha", "")],
            "models": [("alpha-base", "https://huggingface.co/example/alpha-base"), ("alpha-large", "https://huggingface.co/example/alpha-large")],
            "relations": [("updated_version", "beta2021"), ("variants", "gamma2022")],  # by paper link (another URL form), by anchor
            "tags": ("A small reading list", "contrastive pre-training"),  # the section path
        },
        "beta2021": {
            "file": "beta.md", "title": "Beta: Better Than Alpha", "short_name": "Beta", "aliases": (), "status": "unread",
            "links": [
                ("paper", "https://arxiv.org/pdf/2104.00002.pdf", ""),
                ("blog", "https://example.org/beta-1", "v1"), ("blog", "https://example.org/beta-2", "v2"),
                ("model_zoo", "https://example.org/zoo#small", "small"), ("model_zoo", "https://example.org/zoo#big", "big"),
                ("dataset_zoo", "https://example.org/data", ""), ("homepage", "https://example.org/beta", ""),
            ],
            "models": [], "relations": [], "tags": ("A small reading list", "instruction tuning"),
        },
        "gamma2022": {
            "file": "gamma.md", "title": "The Gamma Reproduction", "short_name": "Gamma", "aliases": (), "status": "unread",
            "links": [("blog", "https://example.org/gamma", ""), ("video", "https://example.org/gamma.mp4", "")], "models": [], "relations": [], "tags": ("A small reading list", "instruction tuning"),
        },
        "deltawithoutatag": {
            "file": "delta-without-a-tag.md", "title": "Delta without a tag", "short_name": "Delta without a tag", "aliases": (), "status": "unread",
            # the bad URL stays in the page, unshown; an updated version not on the shelf stays a labelled link
            "links": [("other", "https://arxiv.org/pdf/2999.00001", "updated version")], "models": [], "relations": [], "tags": ("A small reading list", "instruction tuning"),
        },
    }
    located = {(int(m.group(1)), m.group(2)) for m in re.finditer(r"^.*?reading-list\.md:(\d+): (\S+) ", err, re.MULTILINE)}
    assert located == {
        (62, "no-date"), (72, "bib-syntax"),  # the broken entry is reported once, as broken (no bib-no-year beside it)
        (77, "no-bib-entry"), (77, "no-date"), (79, "bad-url"),
    }
    assert "ttps://github.com/example/delta" in (root / "docs" / "papers" / "delta-without-a-tag.md").read_text(encoding="utf-8")
    assert "@misc{gamma2022," in (root / "references.bib").read_text(encoding="utf-8")


def test_heading_parts_and_short_names() -> None:
    assert split_heading("Visual instruction tuning (LLaVA) [`READ`]") == ("Visual instruction tuning", "LLaVA", "read")
    assert split_heading("Flamingo: a Visual Language Model") == ("Flamingo: a Visual Language Model", "", "")
    assert derive_names("BLIP-2: Bootstrapping Language-Image Pre-training", "Q-Former") == ("BLIP-2", ["Q-Former"])
    assert derive_names("Introducing IDEFICS: An Open Reproduction", "IDEFICS") == ("IDEFICS", ["IDEFICS"])
    assert derive_names("Learning transferable visual models", "CLIP") == ("CLIP", ["CLIP"])
    # over the 40-character limit: cut at a word
    assert derive_names("A Survey on Multimodal Large Language Models") == ("A Survey on Multimodal Large Language", [])
    # the entry's own name from `tag:`, a coined word of a long title, a long prefix giving way to the alias
    assert derive_names("LIMO: Less is More for Reasoning", "", ["LIMO", "LIMA", "GAIR"]) == ("LIMO", [])
    assert derive_names("CogVLM Scales Instruction-Finetuned Vision Models Beyond Every Known Limit") == ("CogVLM", [])
    assert derive_names("Scaling Instruction-Finetuned Vision Models in CogVLM: Beyond Every Known Limit") == ("CogVLM", [])
    # a coined word the title merely uses, or a common acronym, names no paper: the title cut at a word
    assert derive_names("Scaling Instruction-Finetuned Vision Models Beyond Every Known Limit With CogVLM Ideas") == ("Scaling Instruction-Finetuned Vision", [])
    assert derive_names("A Study of Quantizing the KV Cache of Very Large LLMs") == ("A Study of Quantizing the KV Cache", [])
    assert derive_names("An Extremely Long Prefix That Keeps Going On And On: the rest", "ELP") == ("ELP", ["ELP"])
    # a long title without a name: a `tag:` made of its initials, never one that merely appears in it
    cot = "Chain-of-Thought Prompting Elicits Reasoning in Large Language Models"
    assert derive_names(cot, "", ["Google", "CoT"]) == ("CoT", [])
    assert derive_names(cot, "", ["Google", "PEL"]) == ("Chain-of-Thought Prompting Elicits", [])  # P, E, R: not consecutive initials
    assert derive_names("Self-Consistency Improves Chain of Thought Reasoning in Language Models", "", ["reasoning", "sc"]) == ("Self-Consistency Improves Chain", [])
    assert derive_names("DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning", "", ["RL"]) == ("DeepSeek-R1", [])


def test_citation_block_with_and_without_a_blank_line() -> None:
    text = "#### A [`READ`]\ncitation:\n```bibtex\n@misc{a1,\n title={A}\n}\n```\n#### B\ncitation:\n\n```bibtex\n@misc{b1,\n title={B}\n}\n```\n"
    entries = parse_list(text, "l.md")
    assert [(e.key, e.bibtex_line) for e in entries] == [("a1", 4), ("b1", 12)]


def test_bad_fixes_file_stops_before_writing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = empty_shelf(tmp_path)
    fixes = tmp_path / "fixes.yaml"
    fixes.write_text("alpha2020:\n  shortname: A\n", encoding="utf-8")
    before = snapshot(root)
    code, out, err = run(capsys, "--root", str(root), "import", str(DATA / "reading-list.md"), "--fixes", str(fixes))
    assert code == 1 and out == ""
    assert "unknown field(s) shortname" in err
    assert snapshot(root) == before


def test_fixes_replace_fields_and_bibtex(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = empty_shelf(tmp_path)
    fixes = tmp_path / "fixes.yaml"
    fixes.write_text(
        "gamma2022:\n  short_name: Gamma-R\n  bibtex: |\n    @misc{gamma2022,\n      title={The Gamma Reproduction},\n      author={Brown, Carl},\n      year={2022}\n    }\n"
        "deltawithoutatag:\n  links: {code: https://github.com/example/delta}\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--root", str(root), "import", str(DATA / "reading-list.md"), "--fixes", str(fixes))
    assert code == 0 and out.strip().endswith("imported 4, already present 0, with problems 1")  # delta lacks BibTeX
    gamma = records(root, ("short_name", "links"))["gamma2022"]
    assert gamma == {"short_name": "Gamma-R", "links": [("blog", "https://example.org/gamma", ""), ("video", "https://example.org/gamma.mp4", "")]}
    assert records(root, ("links",))["deltawithoutatag"]["links"] == [("code", "https://github.com/example/delta", ""), ("other", "https://arxiv.org/pdf/2999.00001", "updated version")]
    assert "bib-syntax" not in err and "bad-url" not in err
    assert "author={Brown, Carl},\n" in (root / "references.bib").read_text(encoding="utf-8")


def test_a_failed_write_leaves_the_shelf_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    root = empty_shelf(tmp_path)
    before = snapshot(root)
    calls = {"n": 0}
    real_replace = os.replace

    def flaky_replace(src: Any, dst: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(shelf_paths.os, "replace", flaky_replace)
    code, _, err = run(capsys, "--root", str(root), "import", str(DATA / "reading-list.md"))
    assert code == 1 and "No space left on device; nothing was changed" in err
    assert snapshot(root) == before
    assert not list(root.rglob("*.papershelf-tmp"))


def test_missing_list_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = empty_shelf(tmp_path)
    with pytest.raises(ShelfError, match="cannot read"):
        from papershelf.commands.importer import import_list

        import_list(locate(root), tmp_path / "nope.md")


# --- export ----------------------------------------------------------------------

ALL_FIELDS = (*SEED_FIELDS, "tags", "date", "added", "architecture")


def test_export_imports_back_to_the_same_shelf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = tmp_path / "list.md"
    code, out, err = run(capsys, "--root", str(REPO), "export", "-o", str(listing))
    assert (code, out, err) == (0, "", "")
    text = listing.read_text(encoding="utf-8")
    assert text.startswith("# Visual Language Models: a reading list\n")
    assert "#### Visual instruction tuning (LLaVA) [`READ`]" in text
    assert "updated version: [here](https://arxiv.org/pdf/2310.03744.pdf)" in text
    assert "open-source variants: [IDEFICS](#introducing-idefics-an-open-reproduction-of-state-of-the-art-visual-language-model-idefics-read) | [OpenFlamingo](#openflamingo-an-open-source-framework-for-training-large-autoregressive-vision-language-models-read)" in text
    assert "<!--" not in text and "papershelf:" not in text  # no machine comments
    assert "#### Improved Baselines with Visual Instruction Tuning (LLaVA-1.5) [`READ`]\n" in text and "(VisProg) [`READ`]\n" in text and "date: 2023-10\n" in text and "Vision encoder: CLIP ViT-L/14 (336px)\n" in text
    # the same shelf again: its title names it, so the list's title is no topic
    root = tmp_path / "again"
    scaffold.init_shelf(root, scaffold.InitOptions(title="Visual Language Models: a reading list", author="Tess Ter", year=2026, facets=VLM_FACETS))
    code, out, err = run(capsys, "--root", str(root), "import", str(listing))
    assert code == 0 and err == ""
    assert out.strip().endswith("imported 19, already present 0, with problems 0")
    assert records(root, ALL_FIELDS) == records(REPO, ALL_FIELDS)
    exported = {e.key: e.raw for e in bibtexparser.parse_string((root / "references.bib").read_text(encoding="utf-8")).entries}
    published = {e.key: e.raw for e in bibtexparser.parse_string((REPO / "references.bib").read_text(encoding="utf-8")).entries}
    assert exported == published
    assert run(capsys, "--root", str(root), "check")[:2] == (0, "")


def test_export_to_stdout_in_the_seed_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--root", str(REPO), "export")
    assert code == 0
    assert re.search(r"^## instruction tuning$", out, re.MULTILINE)
    assert "|model name|link|\n|-|-|\n|deepseek-vl-7b-chat|[here](https://huggingface.co/deepseek-ai/deepseek-vl-7b-chat)|" in out
    assert "model-zoo links: [v1.5](https://github.com/haotian-liu/LLaVA/blob/main/docs/MODEL_ZOO.md#llava-v15) | [v1.6]" in out
    assert "citation:\n```bibtex\n@misc{lin2024moellava," in out


def test_export_keeps_papers_without_bibtex_and_broken_entries(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = empty_shelf(tmp_path, "source")
    assert run(capsys, "--root", str(source), "import", str(DATA / "reading-list.md"))[0] == 0
    listing = tmp_path / "list.md"
    assert run(capsys, "--root", str(source), "export", "-o", str(listing))[0] == 0
    target = empty_shelf(tmp_path, "target")
    assert run(capsys, "--root", str(target), "import", str(listing))[0] == 0
    fields = ("title", "short_name", "aliases", "status", "links", "models", "relations", "tags")
    assert records(target, fields) == records(source, fields)
    assert set(load_shelf(locate(target)).declared) == {"alpha2020", "beta2021", "gamma2022"}
    # a link the page does not show (ttps://) stays in the list and the page: the defect is reported again, not lost
    assert "github link: [here](ttps://github.com/example/delta)" in listing.read_text(encoding="utf-8")
    assert "ttps://github.com/example/delta" in (target / "docs" / "papers" / "delta-without-a-tag.md").read_text(encoding="utf-8")


def test_seed_fixes_cover_every_paper_of_the_data_notes() -> None:
    fixes = load_fixes(FIXES)  # valid: known fields only
    notes = (REPO / "docs" / "data-notes.md").read_text(encoding="utf-8")
    named = {row.split("|")[1].strip() for row in notes.splitlines() if row.startswith("| ") and not row.startswith("| Paper")}
    key_of = {fields["short_name"]: key for key, fields in records(REPO, ("short_name",)).items()}
    assert {key_of[name] for name in named} == set(fixes)
