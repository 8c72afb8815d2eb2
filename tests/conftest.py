"""Shared fixtures: tiny Sphinx projects under tests/roots/test-*."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "_ext"))

collect_ignore = ["roots"]

# CI runners set CI=true, and Sphinx then colours every warning, even into a pipe;
# the tests read warnings (theirs and their subprocesses') as plain text.
os.environ["NO_COLOR"] = "1"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).parent / "roots"
