"""Issue 21: content written by strangers. Writes are safe, writers escape, nothing merges by accident, work is bounded.

Each test builds the hostile input named in the issue and asserts what happens to the shelf.
"""

from __future__ import annotations

import errno
import http.server
import os
import signal
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from papershelf import cli
from papershelf.commands import init as scaffold
from papershelf.commands.importer import import_lists, load_fixes
from papershelf.formats import frontmatter
from papershelf.formats.bibfile import BibScan, scan_text
from papershelf.formats.lists import SHAPES, awesome, readinglist
from papershelf.model.settings import DEFAULT
from papershelf.shelf import naming, paths
from papershelf.shelf.paths import Interrupted, ShelfError, commit, locate
from papershelf.sources import arxiv

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

#: generous: each input below finishes in well under a second when the work is linear
LIMIT = 20


def bounded(function: Callable[[], Any], seconds: int = LIMIT) -> Any:
    """Run ``function``; fail if it takes longer than ``seconds`` (a super-linear regex regressed)."""

    def expire(number: int, frame: Any) -> None:
        raise TimeoutError(f"still busy after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        return function()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    root = tmp_path / "shelf"
    scaffold.init_shelf(root, scaffold.InitOptions(title="Safety", author="Test", year=2024))
    return root


def _files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file() and not path.is_symlink()}


# --- 5. bounded work ------------------------------------------------------------------------

N = 100_000
ENTRY = "#### Alpha: One\n\npaper link: [here](https://arxiv.org/abs/2301.00001)\n\n"
HOSTILE_LISTS = {
    "details and 30 summaries (698 bytes)": "- x\n\n<details>" + "<summary>a</summary>" * 30 + " x\n",
    "details, summaries, no end": "<details>" + "<summary>a</summary>" * 3000 + "x",
    "runs of <!--": ENTRY + "<!--" * 20_000 + "\n",
    "runs of <!-- in a bullet": "- [A](https://arxiv.org/abs/2301.00001) " + "<!--" * 20_000 + "\n",
    "runs of <a": ENTRY + "<a" * 50_000 + "\n",
    "runs of <a in a bullet": "- [A](https://arxiv.org/abs/2301.00001) " + "<a " * 50_000 + "\n",
    "a label line of spaces": ENTRY + "paper" + " " * N + "x\n",
    "a label value of spaces": ENTRY + "paper:" + " " * N + "x\n",
    "a heading of spaces": "#### a" + " " * N + "x\n\npaper link: [here](https://arxiv.org/abs/2301.00001)\n",
    "a status tag of spaces": "#### a [" + " " * N + "x\n\npaper link: [here](https://arxiv.org/abs/2301.00001)\n",
    "a heading of parentheses": "#### a" + " (" * N + "\n\npaper link: [here](https://arxiv.org/abs/2301.00001)\n",
    "a 200 kB coined-word heading": "#### " + "a." * N + "\n\npaper link: [here](https://arxiv.org/abs/2301.00001)\n",
    "a 200 kB coined-word bullet": "- [" + "a." * N + "](https://arxiv.org/abs/2301.00001)\n",
    "a heading of dangling words": "#### X" + " of" * 30_000 + "\n\npaper link: [here](https://arxiv.org/abs/2301.00001)\n",
    "a table row of dots": "|Title|Paper|\n|-|-|\n|" + "a." * N + "|[x](https://arxiv.org/abs/2301.00001)|\n",
}


@pytest.mark.parametrize("name", list(HOSTILE_LISTS))
@pytest.mark.parametrize("shape", list(SHAPES))
def test_every_list_reader_finishes_on_hostile_text(shape: str, name: str) -> None:
    reading = bounded(lambda: SHAPES[shape].read(HOSTILE_LISTS[name], "hostile.md", DEFAULT))
    assert reading.path == "hostile.md"


def test_the_698_byte_folding_list_is_read_as_folding() -> None:
    text = "<details>" + "<summary>a</summary>" * 30
    assert len(text) == 609
    assert awesome.FOLDING.match(text)
    assert bounded(lambda: awesome.FOLDING.match(text + "x")) is None  # not folding, and said so at once


def test_html_comments_are_kept_and_unclosed_runs_are_linear() -> None:
    assert readinglist.comment_lines("a <!-- one --> b <!--two\nlines--> c <!-- open") == ["% one", "% two", "% lines"]
    assert bounded(lambda: readinglist.comment_lines("<!--" * 200_000)) == []


NAMES = {
    "a 200 kB heading of coined words": "a." * N,
    "one 200 kB word": "aB" * N,
    "hyphens": "A-" * N,
    "dangling words": "X" + " of" * N,
    "spaces": "x" + " " * N + "y",
}


@pytest.mark.parametrize("name", list(NAMES))
def test_naming_finishes_on_hostile_titles(name: str) -> None:
    short, _ = bounded(lambda: naming.derive_names(NAMES[name]))
    assert len(short) <= 200


def test_the_coined_word_rule_still_finds_names() -> None:
    assert naming._acronym("Visual Instruction Tuning with LLaVA-1.5.") == "LLaVA-1.5"
    assert naming._acronym("improved baselines for CogVLM and more") == "CogVLM"
    assert naming._acronym("all lower case") == ""


@pytest.mark.parametrize("author", [" " * N, "A" + " " * N + "B", "A" + " and" * N, "A" + " " * N + "and"])
def test_bibtex_reading_finishes_on_hostile_authors(author: str) -> None:
    text = f"@misc{{k,\n  author = {{{author}}},\n  title = {{T}},\n  year = {{2020}}\n}}\n"

    def read() -> BibScan:
        scan = BibScan("x.bib")
        scan_text(text, scan)
        naming.detect_style(scan.entries.values())
        return scan

    assert "k" in bounded(read).declared


BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]" for previous, name in zip("abcdefgh", "bcdefghi")]
)


def test_yaml_aliases_in_front_matter_are_a_located_finding_never_expanded() -> None:
    assert len(BILLION_LAUGHS) < 700
    front = bounded(lambda: frontmatter.parse_front_matter(f"---\nkey: k\n{BILLION_LAUGHS}\n---\n"), 5)
    assert front is not None and "anchors and aliases" in front.error
    assert front.error_line == 3  # the first anchor, as a file line
    assert not front.data


def test_yaml_aliases_in_a_check_are_reported_at_the_page(shelf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = shelf / "docs" / "papers" / "laughs.md"
    page.write_text(f"---\nkey: k\n{BILLION_LAUGHS}\n---\n", encoding="utf-8")
    assert bounded(lambda: cli.main(["check", "--root", str(shelf)]), 10) == 1
    assert "docs/papers/laughs.md:3: front-matter-syntax YAML anchors and aliases" in capsys.readouterr().out


def test_text_that_merely_holds_ampersands_and_stars_still_reads() -> None:
    front = frontmatter.parse_front_matter('---\ntitle: "R&D * 2"\nnote: a & b * c\n---\n')
    assert front is not None and not front.error
    assert front.data["title"] == "R&D * 2"


def test_yaml_aliases_in_a_fixes_file_are_refused(tmp_path: Path) -> None:
    fixes = tmp_path / "fixes.yaml"
    fixes.write_text(BILLION_LAUGHS.replace("a: &a", "k: &a"), encoding="utf-8")
    with pytest.raises(ShelfError, match=r"fixes.yaml, line 1: YAML anchors and aliases"):
        bounded(lambda: load_fixes(fixes), 5)


# --- 5. HTTP answers: a deadline and a size cap -------------------------------------------


class Hostile(http.server.BaseHTTPRequestHandler):
    mode = "drip"

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/atom+xml")
        if self.mode == "huge-declared":
            self.send_header("Content-Length", str(1 << 30))
        self.end_headers()
        try:
            if self.mode == "drip":
                for _ in range(100):
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    time.sleep(1.0)
            else:
                block = b"x" * 65536
                for _ in range((1 << 30) // len(block)):  # 1 GiB, never read whole
                    self.wfile.write(block)
        except OSError:
            pass


@pytest.fixture
def hostile_server() -> Iterator[Callable[[str], str]]:
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(mode: str) -> str:
        handler = type("Handler", (Hostile,), {"mode": mode})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_a_dripping_answer_does_not_outlive_the_timeout(hostile_server: Callable[[str], str]) -> None:
    url = hostile_server("drip")
    started = time.monotonic()
    with pytest.raises(ShelfError, match="did not answer within 2.5 s"):
        arxiv.fetch("2301.00001", url, timeout=2.5)
    assert time.monotonic() - started < 4.5


@pytest.mark.parametrize("mode", ["huge", "huge-declared"])
def test_a_huge_answer_is_refused_without_reading_it_whole(hostile_server: Callable[[str], str], mode: str) -> None:
    client = arxiv.ArxivClient(hostile_server(mode), pause=0.0, timeout=20.0, retries=0, max_size=1 << 20)
    started = time.monotonic()
    try:
        with pytest.raises(arxiv.AnswerRefused, match="1,048,576 bytes"):
            client.get({"id_list": "2301.00001"})
    finally:
        client.close()
    assert time.monotonic() - started < 10


def test_the_cap_is_20_mb_by_default() -> None:
    assert arxiv.ArxivClient().max_size == arxiv.MAX_ANSWER == 20 * 1024 * 1024
