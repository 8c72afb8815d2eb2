"""The package's floors (issue 20): import-linter's contracts in pyproject.toml hold, and they catch a new cycle."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(ext: Path, config: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ext)}
    return subprocess.run([str(LINT_IMPORTS), "--config", str(config), "--no-cache"], cwd=config.parent, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not LINT_IMPORTS.exists():
        pytest.fail(f"{LINT_IMPORTS} is missing: import-linter is pinned in requirements/test.txt")
    root = tmp_path_factory.mktemp("layers")
    shutil.copytree(REPO / "_ext" / "papershelf", root / "_ext" / "papershelf", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    return root


def test_the_contracts_hold() -> None:
    result = lint_imports(REPO / "_ext", REPO / "pyproject.toml")
    assert result.returncode == 0, result.stdout
    assert "BROKEN" not in result.stdout and result.stdout.count("KEPT") >= 4


@pytest.mark.parametrize(("module", "line", "contract"), [
    # a cycle inside one floor
    ("site/indexes/tables.py", "from papershelf.site import extension as _cycle  # noqa", "No import cycles, at any depth"),
    # a floor reaching up
    ("formats/arxivid.py", "from papershelf.shelf import view as _up  # noqa", "Layers:"),
    # one command importing another
    ("commands/exporter.py", "from papershelf.commands import importer as _sibling  # noqa", "Commands never import each other"),
    # Sphinx under the command line
    ("shelf/naming.py", "import sphinx.util as _sphinx  # noqa", "never import Sphinx"),
])
def test_a_broken_floor_fails_the_check(copy: Path, module: str, line: str, contract: str) -> None:
    path = copy / "_ext" / "papershelf" / module
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(original + "\n" + line + "\n", encoding="utf-8")
        result = lint_imports(copy / "_ext", copy / "pyproject.toml")
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    broken = [row for row in result.stdout.splitlines() if " BROKEN" in row]
    assert any(contract in row for row in broken), result.stdout
