"""``papershelf check``: lint the whole shelf without running Sphinx.

Each file is read and parsed once (front matter with libyaml when available);
the findings are the ones a Sphinx build reports, plus the cross-paper checks
a build cannot afford per page: one paper link on two papers, a paper link's
arXiv id that disagrees with the BibTeX ``eprint``, BibTeX entries without a
page (:func:`papershelf.shelf.check.check_shelf`). Findings recorded in the
shelf's baseline (``known-problems.json``, :mod:`papershelf.shelf.baseline`)
are printed apart as known and do not fail the check; entries whose problem
is gone are dropped from the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from papershelf.shelf import baseline
from papershelf.shelf.check import check_shelf
from papershelf.shelf.load import Shelf, load_shelf

if TYPE_CHECKING:
    from papershelf.model.problems import Problem
    from papershelf.shelf.paths import ShelfPaths



@dataclass
class CheckResult:
    """A check of a shelf: the findings the baseline does not know, and those it does."""

    shelf: Shelf
    problems: list[Problem] = field(default_factory=list)  #: not in the baseline: they fail the check
    known: list[Problem] = field(default_factory=list)  #: in the baseline
    dropped: int = 0  #: baseline entries whose problem is gone (removed from the file)

    @property
    def failed(self) -> bool:
        return bool(self.problems)

    def lines(self) -> list[str]:
        """What ``check`` prints: new findings, then the known ones under their heading."""
        result = [problem.format() for problem in self.problems]
        if self.known:
            result.append(f"known problems ({len(self.known)}, in {baseline.FILE_NAME}; fix them when you can):")
            result.extend(f"  {problem.format()}" for problem in self.known)
        return result


def run_check(paths: ShelfPaths) -> CheckResult:
    """Check the shelf against its baseline; drop the entries whose problem is fixed (and refresh their lines)."""
    shelf = load_shelf(paths)
    problems = check_shelf(shelf)
    path = baseline.path_of(paths.root)
    entries = baseline.read(path)
    new, known = baseline.split(problems, entries)
    if entries:
        baseline.write(path, [baseline.of_problem(problem) for problem in known])
    return CheckResult(shelf, new, known, len(entries) - len(known))

def format_json(problems: list[Problem], shelf: Shelf, known: list[Problem] | None = None) -> str:
    """Every finding, in file and line order; ``known``: whether the baseline has it."""
    flagged = [(p, False) for p in problems] + [(p, True) for p in known or ()]
    flagged.sort(key=lambda item: (item[0].path, item[0].line, item[0].code.slug, item[0].message))
    return json.dumps(
        {
            "root": str(shelf.paths.root),
            "papers": len(shelf.pages),
            "entries": len(shelf.entries),
            "findings": [{"path": p.path, "line": p.line, "code": p.code.slug, "message": p.message, "known": is_known} for p, is_known in flagged],
        },
        indent=2,
        ensure_ascii=False,
    )


def summary(problems: list[Problem], shelf: Shelf, known: int = 0, dropped: int = 0) -> str:
    papers = f"{len(shelf.pages)} paper{'s' * (len(shelf.pages) != 1)}"
    entries = f"{len(shelf.entries)} BibTeX entr{'ies' if len(shelf.entries) != 1 else 'y'}"
    found = f"{len(problems)} finding{'s' * (len(problems) != 1)}" if problems else "no findings"
    if problems and known:
        found = f"{len(problems)} new finding{'s' * (len(problems) != 1)}"
    elif known:
        found = "no new findings"
    if known:
        found += f", {known} known problem{'s' * (known != 1)} ({baseline.FILE_NAME})"
    if dropped:
        found += f"; {dropped} fixed problem{'s' * (dropped != 1)} removed from {baseline.FILE_NAME}"
    return f"checked {papers} and {entries}: {found}"
