"""conf.py as the CLI reads it: its literal settings, without running it.

The one place outside Sphinx that knows conf.py; ``locate`` (papers folder,
.bib files) and ``export`` (the project name) both go through it, so the CLI
reads the shelf the way the build does.
"""

from __future__ import annotations

import ast
import contextlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path


def literal_settings(conf: Path) -> dict[str, Any]:
    """Top-level ``name = <literal>`` assignments of conf.py (others are left out)."""
    try:
        tree = ast.parse(conf.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return {}
    settings: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    with contextlib.suppress(ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                        settings[target.id] = ast.literal_eval(node.value)
    return settings


def text_list(settings: dict[str, Any], name: str) -> tuple[str, ...]:
    value = settings.get(name)
    return tuple(value) if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value) else ()


def text(settings: dict[str, Any], name: str, default: str) -> str:
    value = settings.get(name)
    return value if isinstance(value, str) and value else default
