"""`papershelf init`: a new, empty shelf that builds, and builds with the seed imported."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from helpers import REPO
from papershelf.cli import main
from sphinx.cmd.build import build_main

SEED = REPO.parent / "shared" / "seed" / "000_f15b3cb6897cac21.txt"
FIXES = Path(__file__).parent / "data" / "seed-fixes.yaml"
FILES = {
    "conf.py", "docs/index.md", "docs/papers.md", "docs/chronology.md", "docs/references.md",
    "references.bib", "Makefile", "README.md", ".readthedocs.yaml", ".gitignore", "requirements.txt",
}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def build(root: Path, out: Path) -> int:
    return build_main(["-W", "--keep-going", "-q", "-c", str(root), str(root / "docs"), str(out)])


def test_init_creates_a_shelf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "new"
    code, out, err = run(capsys, "init", str(root), "--title", "My papers")
    assert code == 0 and err == "" and "created a new shelf" in out
    assert {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()} == FILES
    assert (root / "docs" / "papers").is_dir()
    conf = (root / "conf.py").read_text(encoding="utf-8")
    values = {
        node.targets[0].id: ast.literal_eval(node.value)
        for node in ast.parse(conf).body
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
    }
    assert values["extensions"] == ["papershelf"] and values["project"] == "My papers"
    assert values["bibtex_bibfiles"] == ["references.bib"] and values["bibtex_reference_style"] == "author_year"
    assert "sys.path" not in conf  # the installed package, not a copy
    index = (root / "docs" / "index.md").read_text(encoding="utf-8")
    assert index.startswith("# My papers") and ":hidden:" in index
    assert [line for line in index.split(":maxdepth: 1")[1].splitlines() if line.strip() and line != "```"] == ["papers", "chronology", "references"]
    assert "```{paper-index} papers" in (root / "docs" / "papers.md").read_text(encoding="utf-8")
    assert ":all:" in (root / "docs" / "references.md").read_text(encoding="utf-8")
    assert "$(PYTHON) -m sphinx -W --keep-going -c . docs _build/html" in (root / "Makefile").read_text(encoding="utf-8")
    assert (root / "references.bib").read_text(encoding="utf-8") == ""
    assert run(capsys, "--root", str(root), "check")[:2] == (0, "")


def test_init_refuses_a_non_empty_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    code, out, err = run(capsys, "init", str(tmp_path))
    assert code == 1 and out == ""
    assert "is not empty" in err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_an_empty_shelf_builds_with_warnings_as_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "empty"
    assert run(capsys, "init", str(root))[0] == 0
    assert build(root, tmp_path / "html") == 0
    assert (tmp_path / "html" / "index.html").exists()


@pytest.mark.skipif(not SEED.exists(), reason=f"the seed reading list is not at {SEED} (CI keeps a copy in ../shared/seed/)")
def test_init_then_import_the_seed_builds_with_warnings_as_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "vlm"
    assert run(capsys, "init", str(root), "--title", "VLM reading list")[0] == 0
    code, out, err = run(capsys, "--root", str(root), "import", str(SEED), "--fixes", str(FIXES))
    assert code == 0 and err == "" and "imported 19" in out
    assert run(capsys, "--root", str(root), "check")[:2] == (0, "")
    html = tmp_path / "html"
    assert build(root, html) == 0
    capsys.readouterr()
    for name in ("llava", "blip-2", "dall-e-3", "visprog"):
        assert (html / "papers" / f"{name}.html").exists()
    assert "LLaVA-1.5" in (html / "papers" / "llava.html").read_text(encoding="utf-8")  # the resolved relation
