"""A strict build fails for as long as a problem exists, not only when the page is read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import bump
from papershelf.commands import init as scaffold

PAGE = """---
key: alpha2020
title: "Alpha: A First Model"
{name_line}
status: unread
date: "2020-03"
---
"""
BIB = "@misc{alpha2020,\n  title={Alpha: A First Model},\n  author={Smith, Ann},\n  year={2020}\n}\n"


def strict_build(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-c", str(root), str(root / "docs"), str(root / "_build" / "html")],
        capture_output=True, text=True, check=False,
    )


def test_a_typo_fails_every_build_until_it_is_fixed(tmp_path: Path) -> None:
    root = tmp_path / "shelf"
    scaffold.init_shelf(root, scaffold.InitOptions(title="Persist", author="Test"))
    (root / "references.bib").write_text(BIB, encoding="utf-8")
    page = root / "docs" / "papers" / "alpha.md"
    page.write_text(PAGE.format(name_line="shortname: Alpha"), encoding="utf-8")
    first = strict_build(root)
    assert first.returncode != 0 and "alpha.md:4: WARNING: unknown-key: unknown front matter key `shortname`" in first.stderr
    second = strict_build(root)  # nothing changed: the page is not read again, the finding is still reported
    assert second.returncode != 0 and "alpha.md:4: WARNING: unknown-key: unknown front matter key `shortname`" in second.stderr
    bump(page, PAGE.format(name_line="short_name: Alpha"))
    third = strict_build(root)
    assert third.returncode == 0, third.stderr
    assert strict_build(root).returncode == 0  # and the fixed finding is not re-emitted
