"""Issue 15: sphinxcontrib-bibtex's own test suite, with papershelf loaded.

papershelf replaces sphinxcontrib-bibtex's ``cite`` domain; upstream's tests
know what that domain promises better than ours do. The pinned version's
sdist is fetched from the package registry once (kept in a cache folder),
its ``test/`` folder is run twice in subprocesses, plainly and with
papershelf appended to every test project's extensions
(``peer/papershelf_peer_plugin.py``), and the outcome of every test must be
the same. The upstream tests are not modified.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
from importlib.metadata import version
from pathlib import Path

import pytest
from helpers import REPO

pytestmark = pytest.mark.peer

PACKAGE = "sphinxcontrib-bibtex"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "papershelf" / "peer"
PLUGIN_DIR = Path(__file__).parent / "peer"


def _upstream_tests() -> Path:
    """The unpacked sdist of the installed sphinxcontrib-bibtex (downloaded once)."""
    pinned = version(PACKAGE)
    unpacked = CACHE / f"sphinxcontrib_bibtex-{pinned}"
    if not (unpacked / "test").is_dir():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
             "--dest", str(CACHE), f"{PACKAGE}=={pinned}"],
            check=True,
        )
        archive = next(CACHE.glob(f"sphinxcontrib_bibtex-{pinned}.tar.gz"))
        with tarfile.open(archive) as tar:
            tar.extractall(CACHE, filter="data")
    return unpacked


def _outcomes(project: Path, junit: Path, *plugin: str) -> dict[str, str]:
    """Run upstream's suite; test id -> passed / failed / error / skipped."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PLUGIN_DIR), str(REPO / "_ext")])}
    subprocess.run(
        [sys.executable, "-m", "pytest", "test", "-q", "-p", "no:cacheprovider", f"--junitxml={junit}", *plugin],
        cwd=project, env=env, check=False, capture_output=True,
    )
    outcomes: dict[str, str] = {}
    for case in ET.parse(junit).iter("testcase"):
        kinds = [child.tag for child in case if child.tag in ("failure", "error", "skipped")]
        outcomes[f"{case.get('classname')}::{case.get('name')}"] = kinds[0] if kinds else "passed"
    return outcomes


def test_upstream_suite_gives_the_same_results_with_papershelf(tmp_path: Path) -> None:
    project = _upstream_tests()
    plain = _outcomes(project, tmp_path / "plain.xml")
    with_papershelf = _outcomes(project, tmp_path / "papershelf.xml", "-p", "papershelf_peer_plugin")
    assert sum(outcome == "passed" for outcome in plain.values()) >= 100, plain  # the suite really ran
    changed = {test: (plain.get(test), with_papershelf.get(test)) for test in plain.keys() | with_papershelf.keys()
               if plain.get(test) != with_papershelf.get(test)}
    assert changed == {}, "outcome without papershelf -> with it"
