"""The cache is a recording: a shelf whose `.papershelf-cache/` holds the answers enriches with no network.

A maintainer runs `enrich` once with a network and commits the cache; CI (or
anyone) then enriches the same pages from it. Here the recording run asks the
local servers of the other enrich tests; the replay runs in a fresh copy of
the shelf as it was before, with the cache copied in, every API pointed at an
address nothing answers, and every socket connection and name lookup refused:
it must make no request and write exactly what the recording run wrote,
metrics dated by the day their answers were fetched, not the day of the replay.
"""

from __future__ import annotations

import datetime as dt
import shutil
import socket
from pathlib import Path
from typing import Any

import pytest
from papershelf.cli import main
from papershelf.commands import enrich
from papershelf.shelf.paths import locate
from test_enrich import FakeArxiv, api  # noqa: F401 (fixture)
from test_enrich_sources import TODAY, Clock, FakeApis, front, make_shelf, server, snapshot, sources  # noqa: F401 (fixture)

NOWHERE = "http://192.0.2.1:9"  # TEST-NET-1: never answers


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every connection and name lookup is refused and noted."""
    tried: list[str] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        tried.append(repr(args[:2]))
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return tried


def test_a_committed_cache_replays_every_source_with_no_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest) -> None:
    arxiv_api, apis = request.getfixturevalue("api"), request.getfixturevalue("server")  # the local arXiv and the other APIs
    recorded = make_shelf(tmp_path / "recorded")
    shutil.copytree(recorded, tmp_path / "replay")
    # the maintainer's run, with a network
    client = enrich.ArxivClient(arxiv_api, pause=0.0)
    try:
        report = enrich.enrich_shelf(locate(recorded), client, sources=("arxiv", "s2", "github", "hf"), made=sources(apis, Clock()), today=TODAY)
    finally:
        client.close()
    assert report.fetched == 3 and report.additions and len(FakeArxiv.seen) == 1
    asked = len(FakeApis.seen)
    assert (recorded / ".papershelf-cache" / "arxiv").is_dir() and (recorded / ".papershelf-cache" / "s2").is_dir()
    # the clone CI makes: the pages as they were, the committed cache
    replay = tmp_path / "replay"
    shutil.copytree(recorded / ".papershelf-cache", replay / ".papershelf-cache")
    for name in ("PAPERSHELF_ARXIV_API", "PAPERSHELF_S2_API", "PAPERSHELF_GITHUB_API", "PAPERSHELF_HF_API"):
        monkeypatch.setenv(name, NOWHERE)
    tried = request.getfixturevalue("no_network")
    assert main(["enrich", "--root", str(replay)]) == 0  # today's date: a later day than the recording
    out = capsys.readouterr().out
    assert tried == [] and len(FakeApis.seen) == asked and len(FakeArxiv.seen) == 1
    assert "3 papers with an arXiv id, 3 from the cache, 0 fetched in 0 requests" in out
    for name in ("s2: 3 ids, 3 from the cache, 0 fetched in 0 requests", "github: 1 ids, 1 from the cache", "hf: 3 ids, 3 from the cache"):
        assert name in out
    assert snapshot(replay) == snapshot(recorded)  # byte for byte what the recording run wrote
    assert front(replay / "docs/papers/llava.md")["metrics"]["as_of"] == TODAY.isoformat() != dt.date.today().isoformat()
