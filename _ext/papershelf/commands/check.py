"""``papershelf check``: lint the whole shelf without running Sphinx.

Each file is read and parsed once (front matter with libyaml when available);
the findings are the ones a Sphinx build reports, plus the cross-paper checks
a build cannot afford per page: one paper link on two papers, a paper link's
arXiv id that disagrees with the BibTeX ``eprint``, BibTeX entries without a
page (:func:`papershelf.shelf.check.check_shelf`, in the shelf layer so that
``import`` runs it too).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from papershelf.shelf.check import check_shelf, reference_problems

if TYPE_CHECKING:
    from papershelf.model.problems import Problem
    from papershelf.shelf.load import Shelf

__all__ = ["check_shelf", "format_json", "reference_problems", "summary"]



def format_json(problems: list[Problem], shelf: Shelf) -> str:
    return json.dumps(
        {
            "root": str(shelf.paths.root),
            "papers": len(shelf.pages),
            "entries": len(shelf.entries),
            "findings": [{"path": p.path, "line": p.line, "code": p.code.slug, "message": p.message} for p in problems],
        },
        indent=2,
        ensure_ascii=False,
    )


def summary(problems: list[Problem], shelf: Shelf) -> str:
    papers = f"{len(shelf.pages)} paper{'s' * (len(shelf.pages) != 1)}"
    entries = f"{len(shelf.entries)} BibTeX entr{'ies' if len(shelf.entries) != 1 else 'y'}"
    found = f"{len(problems)} finding{'s' * (len(problems) != 1)}" if problems else "no findings"
    return f"checked {papers} and {entries}: {found}"
