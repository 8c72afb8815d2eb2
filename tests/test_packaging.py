"""The package as a maintainer gets it: sdist -> wheel -> fresh venv -> init -> `make html`.

One test, because each step needs the previous one and a fresh venv is the
slow part (about a minute here, most of it pip installing from the index).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import papershelf
from helpers import REPO

LIST = Path(__file__).parent / "data" / "small-list.md"
VERSION = papershelf.__version__


def sh(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False)


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done.stdout + done.stderr


def warnings(output: str) -> list[str]:
    """Sphinx's and papershelf's warnings (pip's notes on this machine's missing index folders aside)."""
    return [line for line in output.splitlines() if "WARNING" in line and not line.startswith("WARNING: Location '")]


def test_wheel_installs_and_its_init_shelf_builds_with_make_alone(tmp_path: Path) -> None:
    base_python = Path(os.path.realpath(getattr(sys, "_base_executable", sys.executable)))  # not this venv's: a machine with only Python
    venv = tmp_path / "venv"
    ok(sh(base_python, "-m", "venv", venv))
    pip: list[str | Path] = [venv / "bin" / "python", "-m", "pip", "--quiet"]
    ok(sh(*pip, "install", "setuptools>=77"))

    # The sdist holds everything the wheel needs: build the wheel from the sdist, not the checkout.
    dist = tmp_path / "dist"
    ok(sh(venv / "bin" / "python", "-c", f"import setuptools.build_meta as b; print(b.build_sdist({str(dist)!r}))", cwd=REPO))
    sdist = dist / f"papershelf-{VERSION}.tar.gz"
    with tarfile.open(sdist) as archive:
        names = set(archive.getnames())
    top = f"papershelf-{VERSION}"
    assert {f"{top}/LICENSE", f"{top}/pyproject.toml", f"{top}/_ext/papershelf/commands/init_files/Makefile", f"{top}/_ext/papershelf/site/static/favicon.ico"} <= names
    ok(sh(*pip, "wheel", "--no-deps", "-w", dist, sdist))
    wheel = dist / f"papershelf-{VERSION}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(f"papershelf-{VERSION}.dist-info/METADATA").decode()
    assert {"papershelf/commands/init_files/conf.py.txt", "papershelf/commands/init_files/Makefile", "papershelf/site/static/papershelf.css",
            "papershelf/site/static/favicon.ico", "papershelf/site/exports/catalog.schema.json", "papershelf/py.typed",
            f"papershelf-{VERSION}.dist-info/licenses/LICENSE"} <= names
    assert not [name for name in names if name.startswith("bench/") or "/bench/" in name]  # the benchmarks stay in the checkout
    assert f"Version: {VERSION}" in metadata and "License-Expression: MIT" in metadata and "Classifier: Framework :: Sphinx :: Extension" in metadata

    # init from the installed wheel: the shelf's requirements.txt points at that wheel.
    ok(sh(*pip, "install", wheel))
    shelf = tmp_path / "my-shelf"
    ok(sh(venv / "bin" / "papershelf", "init", shelf, "--title", "Robot learning", "--author", "Ada Lovelace", "--year", "2026"))
    requirements = (shelf / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert f"papershelf @ {wheel.as_uri()}" in requirements and any(line.startswith("Sphinx==") for line in requirements)
    ok(sh(venv / "bin" / "papershelf", "--root", shelf, "import", LIST))

    # Nothing on PATH but Python and make; the Makefile bootstraps the shelf's own .venv.
    tools = tmp_path / "tools"
    tools.mkdir()
    (tools / "python3").symlink_to(base_python)
    (tools / "make").symlink_to(Path(os.path.realpath("/usr/bin/make")))
    env = {**os.environ, "PATH": str(tools)}
    env.pop("VIRTUAL_ENV", None)
    output = ok(sh(tools / "make", "html", cwd=shelf, env=env))
    assert warnings(output) == [] and "ERROR" not in output and "build succeeded" in output
    html = shelf / "_build" / "html"
    for name in ("index", "papers", "chronology", "topics", "queue", "models", "code", "references", "maintainers/guide", "maintainers/data-notes"):
        assert (html / f"{name}.html").is_file(), name
    assert 'class="paper-timeline-svg"' in (html / "chronology.html").read_text(encoding="utf-8")  # the timeline
    assert "instruction tuning" in (html / "topics.html").read_text(encoding="utf-8")
    index = (html / "index.html").read_text(encoding="utf-8")
    assert "2026, Ada Lovelace" in index and 'icon" href="_static/favicon.ico"' in index
    assert (html / "favicon.ico").read_bytes() == (Path(papershelf.__file__).parent / "site" / "static" / "favicon.ico").read_bytes()
    assert "maintainers/guide.html" not in index.split('class="sidebar-tree"')[1].split("</div>")[0]  # maintainer pages stay off the reader's nav

    # A typo fails `make html` on every run until it is fixed.
    page = next((shelf / "docs" / "papers").glob("*.md"))
    good = page.read_text(encoding="utf-8")
    page.write_text(good.replace("\ntitle:", "\ntitel:", 1), encoding="utf-8")
    for _ in range(2):
        failed = sh(tools / "make", "html", cwd=shelf, env=env)
        assert failed.returncode != 0 and "titel" in failed.stdout + failed.stderr
    page.write_text(good, encoding="utf-8")
    assert warnings(ok(sh(tools / "make", "html", cwd=shelf, env=env))) == []
    # `make check` runs papershelf check and the strict build.
    assert "no findings" in ok(sh(tools / "make", "check", cwd=shelf, env=env))
