"""`papershelf init` (issue 12): a new shelf that is the same kind of site as ours, for any field."""

from __future__ import annotations

import json
import os
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from helpers import REPO
from papershelf.cli import main
from papershelf.formats.conffile import literal_settings
from sphinx.cmd.build import build_main

SEED = REPO.parent / "shared" / "seed" / "000_f15b3cb6897cac21.txt"
FIXES = Path(__file__).parent / "data" / "seed-fixes.yaml"
COMMON = {
    "conf.py", "docs/index.md", "docs/papers.md", "docs/chronology.md", "docs/topics.md", "docs/models.md",
    "docs/code.md", "docs/references.md", "docs/maintainers/guide.md", "docs/maintainers/data-notes.md",
    "references.bib", "Makefile", "README.md", ".readthedocs.yaml", ".gitignore", "requirements.txt",
    "docs/authors.md", "docs/venues.md", ".github/workflows/refresh.yml",
}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def build(root: Path, out: Path) -> int:
    return build_main(["-W", "--keep-going", "-q", "-c", str(root), str(root / "docs"), str(out)])


def conf_values(root: Path) -> dict[str, Any]:
    return literal_settings(root / "conf.py")


def toctree(index: str) -> list[str]:
    return [line for line in index.split(":maxdepth: 1")[1].split("```")[0].splitlines() if line.strip()]


def test_init_creates_a_full_shelf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "new"
    code, out, err = run(capsys, "init", str(root), "--title", "My papers", "--author", "Ada Lovelace", "--year", "2025")
    assert code == 0 and err == "" and "created a new shelf" in out
    assert {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()} == COMMON | {"docs/queue.md"}
    values = conf_values(root)
    assert values["project"] == "My papers" and values["author"] == "Ada Lovelace" and values["copyright"] == "2025, Ada Lovelace"
    assert values["extensions"] == ["papershelf"] and values["papershelf_facets"] == [] and values["papershelf_reading_status"] is True
    assert "sys.path" not in (root / "conf.py").read_text(encoding="utf-8")  # the installed package, not a copy
    index = (root / "docs" / "index.md").read_text(encoding="utf-8")
    assert index.startswith("# My papers")
    assert toctree(index) == ["chronology", "queue", "topics", "models", "code", "papers", "authors", "venues", "references"]
    assert "maintainers/guide" in index.split("```")[-1]  # outside the reader's navigation
    assert "```{paper-index} timeline" in (root / "docs" / "chronology.md").read_text(encoding="utf-8")
    requirements = (root / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert f"papershelf @ {REPO.as_uri()}" in requirements  # made from this checkout, built against it
    assert f"Sphinx=={version('sphinx')}" in requirements and f"sphinxcontrib-bibtex=={version('sphinxcontrib-bibtex')}" in requirements
    makefile = (root / "Makefile").read_text(encoding="utf-8")
    assert "$(PYTHON) -m venv $(VENV)" in makefile and "pip install --quiet -r requirements.txt" in makefile
    assert (root / "references.bib").read_text(encoding="utf-8") == ""
    assert run(capsys, "--root", str(root), "check")[:2] == (0, "")


def test_init_for_an_awesome_list_with_facets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "robots"
    code, _, err = run(capsys, "init", str(root), "--no-reading-status", "--facet", "robot:Robot", "--facet", "sim_to_real",
                       "--papershelf-from", "", "--author", "R")
    assert code == 0 and err == ""
    files = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    assert files == COMMON | {"docs/comparison.md"}
    values = conf_values(root)
    assert values["papershelf_reading_status"] is False
    assert values["papershelf_facets"] == [{"name": "robot", "heading": "Robot", "help": ""}, {"name": "sim_to_real", "heading": "Sim to real", "help": ""}]
    assert "comparison" in toctree((root / "docs" / "index.md").read_text(encoding="utf-8"))
    assert f"papershelf=={version('papershelf')}" in (root / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert run(capsys, "init", str(tmp_path / "bad"), "--facet", "Bad Name")[0] == 1


def test_author_defaults_to_git_config(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    gitconfig = tmp_path / "gitconfig"
    gitconfig.write_text("[user]\n\tname = Grace Hopper\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(gitconfig))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    assert run(capsys, "init", str(tmp_path / "s"))[0] == 0
    assert str(conf_values(tmp_path / "s")["copyright"]).endswith(", Grace Hopper")


def test_init_refuses_a_non_empty_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    code, out, err = run(capsys, "init", str(tmp_path))
    assert code == 1 and out == ""
    assert "is not empty" in err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_an_empty_shelf_builds_the_whole_site_with_warnings_as_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "empty"
    assert run(capsys, "init", str(root), "--author", "Ada", "--year", "2025")[0] == 0
    html = tmp_path / "html"
    assert build(root, html) == 0
    for page in ("index", "chronology", "topics", "queue", "models", "code", "papers", "references", "maintainers/guide", "maintainers/data-notes"):
        assert (html / f"{page}.html").exists(), page
    landing = BeautifulSoup((html / "index.html").read_text(encoding="utf-8"), "html.parser")
    sidebar = " ".join(a.get_text() for a in landing.select(".sidebar-tree a"))
    assert "Chronology" in sidebar and "Writing a paper page" not in sidebar  # maintainer pages stay out of the reader's navigation
    assert "2025, Ada" in landing.get_text()  # a complete footer


@pytest.mark.skipif(not SEED.exists(), reason=f"the seed reading list is not at {SEED} (CI keeps a copy in ../shared/seed/)")
def test_init_then_import_the_seed_builds_with_warnings_as_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "vlm"
    assert run(capsys, "init", str(root), "--title", "VLM reading list", "--author", "A")[0] == 0
    code, out, err = run(capsys, "--root", str(root), "import", str(SEED), "--fixes", str(FIXES))
    assert code == 0 and err == "" and "imported 19" in out
    assert run(capsys, "--root", str(root), "check")[:2] == (0, "")
    html = tmp_path / "html"
    assert build(root, html) == 0
    capsys.readouterr()
    for name in ("llava", "blip-2", "dall-e-3", "visprog"):
        assert (html / "papers" / f"{name}.html").exists()
    assert "LLaVA-1.5" in (html / "papers" / "llava.html").read_text(encoding="utf-8")  # the resolved relation
    assert 'href="papers/llava.html"' in (html / "topics.html").read_text(encoding="utf-8")  # the list's ### headings are topics
    assert json.loads((html / "papers.json").read_text(encoding="utf-8"))["papers"]
    assert os.path.getsize(html / "chronology.html") > 0 and "<svg" in (html / "chronology.html").read_text(encoding="utf-8")


RTD_SCHEMA = REPO.parent / "shared" / "reference" / "readthedocs-config-v2.schema.json"


@pytest.mark.skipif(not RTD_SCHEMA.exists(), reason=f"the Read the Docs schema is not at {RTD_SCHEMA}")
def test_the_new_shelfs_readthedocs_config_is_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import jsonschema
    import yaml

    root = tmp_path / "rtd"
    assert run(capsys, "init", str(root), "--author", "A")[0] == 0
    config = yaml.safe_load((root / ".readthedocs.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(config, json.loads(RTD_SCHEMA.read_text(encoding="utf-8")))
    assert {"requirements": "requirements.txt"} in config["python"]["install"] and config["sphinx"]["fail_on_warning"] is True
