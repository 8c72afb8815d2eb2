"""The baseline of known problems: ``known-problems.json`` at the shelf root.

``papershelf import`` records there every problem the shelf has after an
import (a list's own defects: a paper the list gives no year for, a broken
link), so the first strict build passes. The problems stay visible: ``check``
prints them as known, the build logs them and counts them in one line, and
the maintainers' page lists them (the ``known-problems`` index). A problem
not in the baseline still fails ``check`` and the strict build; ``check``
drops an entry once its problem is gone, as linters' baselines do.

An entry names a finding by its identity, ``(code, path, message)``: lines
move when a file above is edited, so the line is kept for display only (the
same line is preferred when two findings share an identity). Each entry
excuses one finding: a second finding of the same identity is new.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from papershelf.shelf.paths import ShelfError, commit

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from papershelf.model.problems import Problem

FILE_NAME = "known-problems.json"
ABOUT = (
    "Problems this shelf is known to have (most came with an imported list). The strict build and "
    "`papershelf check` list them without failing; any other problem fails them. `papershelf check` removes an "
    "entry once its problem is fixed; `papershelf import` records the problems left after an import."
)

Identity = tuple[str, str, str]  #: (code, path, message)


@dataclass(frozen=True)
class KnownProblem:
    """One entry of the baseline: a finding as ``check`` prints it."""

    code: str  #: the problem code's slug (``no-date``)
    path: str  #: the file, relative to the shelf root
    line: int  #: where it was when recorded (shown, not matched)
    message: str  #: the message, which says how to fix it

    @property
    def identity(self) -> Identity:
        return (self.code, self.path, self.message)

    def format(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}"


def of_problem(problem: Problem) -> KnownProblem:
    return KnownProblem(problem.code.slug, problem.path, problem.line, problem.message)


def path_of(root: Path) -> Path:
    """The baseline file of the shelf whose conf.py is in ``root``."""
    return root / FILE_NAME


def parse(text: str, shown: str = FILE_NAME) -> tuple[KnownProblem, ...]:
    """The entries of a baseline file's text; :class:`ShelfError` when it is not one."""
    try:
        data = json.loads(text)
        items = data["problems"] if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise TypeError("no list of problems")
        return tuple(
            KnownProblem(str(item["code"]), str(item["path"]), int(item.get("line", 0)), str(item["message"]))
            for item in items
        )
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise ShelfError(f"{shown} is not a list of known problems ({error}); fix it, or delete it and run `papershelf import` again") from error


def read(path: Path) -> tuple[KnownProblem, ...]:
    """The entries of the baseline at ``path``; none when there is no such file (a link is refused: nothing is read from outside the shelf)."""
    if path.is_symlink():
        raise ShelfError(f"{path.name} is a symbolic link; known problems are read from a file of the shelf itself (remove the link)")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    except (OSError, UnicodeDecodeError) as error:
        raise ShelfError(f"cannot read {path.name}: {getattr(error, 'strerror', None) or error}") from error
    return parse(text, path.name)


def render(entries: Iterable[KnownProblem]) -> str:
    """The file's text: entries sorted by file, line, code and message, so a rewrite changes only what changed."""
    ordered = sorted(set(entries), key=lambda e: (e.path, e.line, e.code, e.message))
    items = [{"path": e.path, "line": e.line, "code": e.code, "message": e.message} for e in ordered]
    return json.dumps({"about": ABOUT, "problems": items}, indent=2, ensure_ascii=False) + "\n"


def write(path: Path, entries: Iterable[KnownProblem]) -> bool:
    """Write the baseline (all or nothing) if its text changes; no file is created for no entries."""
    text = render(entries)
    try:
        old: str | None = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        old = None
    if old == text or (old is None and not json.loads(text)["problems"]):
        return False
    commit({path: text}, within=path.parent)
    return True


class Matcher:
    """Which findings the baseline knows, one finding at a time (as the build sees its warnings).

    A finding at a line an entry of its identity names is known; so is one at
    another line while entries of its identity are left. The same finding
    said again (same identity and line) gets the same answer.
    """

    def __init__(self, entries: Iterable[KnownProblem]) -> None:
        self._lines: dict[Identity, Counter[int]] = {}
        for entry in entries:
            self._lines.setdefault(entry.identity, Counter())[entry.line] += 1
        self._said: dict[tuple[Identity, int], bool] = {}

    def known(self, code: str, path: str, line: int, message: str) -> bool:
        identity = (code, path, message)
        said = self._said.get((identity, line))
        if said is not None:
            return said
        lines = self._lines.get(identity)
        if not lines:
            verdict = False
        else:
            taken = line if lines[line] > 0 else next(iter(lines))
            lines[taken] -= 1
            if lines[taken] <= 0:
                del lines[taken]
            verdict = True
        self._said[(identity, line)] = verdict
        return verdict


def split(problems: Iterable[Problem], entries: Iterable[KnownProblem]) -> tuple[list[Problem], list[Problem]]:
    """``(new, known)``: the findings the baseline does not excuse, and those it does.

    Findings at their entry's line are matched first, so a problem added
    beside a known one of the same identity is the new one.
    """
    problems = list(problems)
    left: dict[Identity, Counter[int]] = {}
    for entry in entries:
        left.setdefault(entry.identity, Counter())[entry.line] += 1
    known_at: set[int] = set()
    for number, problem in enumerate(problems):  # same identity, same line
        lines = left.get(of_problem(problem).identity)
        if lines and lines[problem.line] > 0:
            lines[problem.line] -= 1
            known_at.add(number)
    for number, problem in enumerate(problems):  # same identity, moved
        if number in known_at:
            continue
        lines = left.get(of_problem(problem).identity)
        if lines and lines.total() > 0:
            moved = next(line for line, count in lines.items() if count > 0)
            lines[moved] -= 1
            known_at.add(number)
    new = [p for number, p in enumerate(problems) if number not in known_at]
    known = [p for number, p in enumerate(problems) if number in known_at]
    return new, known
