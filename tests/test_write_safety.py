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
    # Python's HTML parser looks for the end of every unclosed `<!--` to the end of the text: read as text, at once
    assert bounded(lambda: readinglist.html_as_markdown("<b>x</b><!-- c -->" + "<!--" * 200_000), 10) == ["**x**" + "<!--" * 200_000]
    assert readinglist.html_as_markdown("a <!-- b --> c <!-- d <i>e</i>") == ["a  c <!-- d *e*"]


def test_deeply_nested_html_is_read_as_its_text() -> None:
    assert bounded(lambda: readinglist.html_as_markdown("<b>x" * 5_000)) == ["x" * 5_000]


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
    + [f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]" for previous, name in zip("abcdefgh", "bcdefghi", strict=True)]
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
        if self.mode == "drip-head":  # the status line and headers a byte at a time, each well within a read timeout
            try:
                for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/atom+xml\r\nX-Padding: " + b"x" * 100:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.5)
            except OSError:
                pass
            return
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
    with pytest.raises(ShelfError, match=r"did not answer within 2\.5 s"):
        arxiv.fetch("2301.00001", url, timeout=2.5)
    assert time.monotonic() - started < 4.5


@pytest.mark.parametrize("retries", [0, 2])
def test_headers_dripping_in_do_not_outlive_the_timeout(hostile_server: Callable[[str], str], retries: int) -> None:
    url = hostile_server("drip-head")
    started = time.monotonic()
    with pytest.raises(ShelfError, match=r"did not answer within 2\.5 s"):
        arxiv.fetch("2301.00001", url, timeout=2.5)
    assert time.monotonic() - started < 4.5
    client = arxiv.ArxivClient(url, pause=0.0, timeout=1.5, retries=retries, sleep=lambda seconds: None)
    started = time.monotonic()
    try:
        with pytest.raises(ShelfError, match=r"took longer than 1\.5 s"):
            client.query(["2301.00001"])
    finally:
        client.close()
    assert time.monotonic() - started < 1.5 * (retries + 1) + 2


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


# --- 2. every write is safe -------------------------------------------------------------------

LIST = "# L\n\n#### Alpha: One\n\npaper link: [here](https://arxiv.org/abs/2301.00001)\n\n#### Beta: Two\n\npaper link: [here](https://arxiv.org/abs/2301.00002)\n"


def test_temporary_files_have_unpredictable_names_in_the_target_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, str]] = []
    real = os.replace

    def spy(source: Any, target: Any) -> None:
        seen.append((str(source), str(target)))
        real(source, target)

    monkeypatch.setattr(os, "replace", spy)
    commit({tmp_path / "a" / "page.md": "one", tmp_path / "page.md": "two"})
    monkeypatch.undo()
    commit({tmp_path / "page.md": "three"})
    temps = [Path(source) for source, _ in seen]
    assert [temp.parent for temp in temps] == [tmp_path / "a", tmp_path]
    assert all(temp.name.startswith(".page.md.") and temp.name != ".page.md.papershelf-tmp" for temp in temps)
    assert (tmp_path / "page.md").read_text() == "three"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a", "page.md", "page.md"]  # no temporary left


def test_a_planted_link_at_the_old_temporary_name_is_never_written_through(tmp_path: Path) -> None:
    secret = tmp_path / "outside.txt"
    secret.write_text("keep", encoding="utf-8")
    folder = tmp_path / "shelf"
    folder.mkdir()
    (folder / ".page.md.papershelf-tmp").symlink_to(secret)
    commit({folder / "page.md": "new"}, within=folder)
    assert secret.read_text(encoding="utf-8") == "keep"
    assert (folder / "page.md").read_text(encoding="utf-8") == "new" and not (folder / "page.md").is_symlink()


def test_a_target_that_is_a_link_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    secret = tmp_path / "outside.txt"
    secret.write_text("keep", encoding="utf-8")
    folder = tmp_path / "shelf"
    folder.mkdir()
    (folder / "page.md").symlink_to(secret)
    with pytest.raises(ShelfError, match=r"page.md: it is a symbolic link .*nothing was changed"):
        commit({folder / "other.md": "x", folder / "page.md": "overwritten"}, within=folder)
    assert secret.read_text(encoding="utf-8") == "keep"
    assert not (folder / "other.md").exists()


def test_a_folder_that_leads_outside_the_shelf_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    folder = tmp_path / "shelf"
    folder.mkdir()
    (folder / "papers").symlink_to(outside, target_is_directory=True)
    with pytest.raises(ShelfError, match="outside the shelf"):
        commit({folder / "papers" / "page.md": "x"}, within=folder)
    assert list(outside.iterdir()) == []


def test_enrich_cache_never_writes_through_a_planted_link(tmp_path: Path) -> None:
    secret = tmp_path / "outside.json"
    secret.write_text("keep", encoding="utf-8")
    cache = arxiv.Cache(tmp_path / "cache")
    cache.directory.mkdir()
    (cache.directory / "2301.00001.tmp").symlink_to(secret)
    paper = arxiv.ArxivPaper("2301.00001", "T", ("A B",), "2023-01-01T00:00:00Z", "cs.CL")
    cache.put(paper)
    assert cache.get("2301.00001") == paper
    assert secret.read_text(encoding="utf-8") == "keep"
    (cache.directory / "2301.00002.json").symlink_to(secret)
    with pytest.raises(ShelfError, match="symbolic link"):
        cache.put(arxiv.ArxivPaper("2301.00002", "T", ("A B",), "2023-01-01T00:00:00Z", "cs.CL"))
    assert secret.read_text(encoding="utf-8") == "keep"


def _plan(shelf: Path, count: int = 30) -> dict[Path, str]:
    files = {shelf / "docs" / "papers" / f"p{number}.md": f"page {number}\n" for number in range(count)}
    files[shelf / "docs" / "new-folder" / "n.md"] = "new\n"
    files[shelf / "references.bib"] = "@misc{k, title={T}, year={2020}}\n"
    return files


@pytest.mark.parametrize("when", [1, 10, 31])
def test_ctrl_c_during_the_renames_rolls_back_and_says_so(shelf: Path, monkeypatch: pytest.MonkeyPatch, when: int) -> None:
    before = _files(shelf)
    real = os.replace
    calls = {"n": 0}

    def interrupting(source: Any, target: Any) -> None:
        real(source, target)
        calls["n"] += 1
        if calls["n"] == when:
            os.kill(os.getpid(), signal.SIGINT)  # a real Ctrl-C, delivered while commit runs

    monkeypatch.setattr(os, "replace", interrupting)
    with pytest.raises(Interrupted, match="put back as it was; nothing was changed"):
        commit(_plan(shelf), within=shelf)
    monkeypatch.undo()
    assert _files(shelf) == before
    assert not (shelf / "docs" / "new-folder").exists()


def test_a_keyboard_interrupt_raised_inside_a_rename_rolls_back(shelf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _files(shelf)
    real = os.replace
    calls = {"n": 0}

    def interrupting(source: Any, target: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 5:
            raise KeyboardInterrupt
        real(source, target)

    monkeypatch.setattr(os, "replace", interrupting)
    with pytest.raises(Interrupted):
        commit(_plan(shelf), within=shelf)
    monkeypatch.undo()
    assert _files(shelf) == before


@pytest.mark.parametrize("phase", ["write", "rename"])
def test_a_full_disk_leaves_the_shelf_as_it_was(shelf: Path, monkeypatch: pytest.MonkeyPatch, phase: str) -> None:
    before = _files(shelf)
    calls = {"n": 0}
    if phase == "write":
        real_write = paths._write_new

        def full(folder: Path, name: str, data: bytes, mode: int) -> Path:
            calls["n"] += 1
            if calls["n"] == 12:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real_write(folder, name, data, mode)

        monkeypatch.setattr(paths, "_write_new", full)
    else:
        real_replace = os.replace

        def full_rename(source: Any, target: Any) -> None:
            calls["n"] += 1
            if calls["n"] == 12:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
            real_replace(source, target)

        monkeypatch.setattr(os, "replace", full_rename)
    with pytest.raises(ShelfError, match="No space left on device; nothing was changed"):
        commit(_plan(shelf), within=shelf)
    monkeypatch.undo()
    assert _files(shelf) == before
    assert not any(".papershelf-" in path.name for path in shelf.rglob("*"))


def test_ctrl_c_during_an_import_is_reported_truthfully(shelf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    listing = tmp_path / "list.md"
    listing.write_text(LIST, encoding="utf-8")
    before = _files(shelf)
    real = os.replace
    calls = {"n": 0}

    def interrupting(source: Any, target: Any) -> None:
        real(source, target)
        calls["n"] += 1
        if calls["n"] == 1:
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(os, "replace", interrupting)
    assert cli.main(["import", "--root", str(shelf), str(listing)]) == 130
    monkeypatch.undo()
    assert "interrupted while writing" in capsys.readouterr().err
    assert _files(shelf) == before


def test_an_unreadable_bib_stops_import_add_and_enrich_before_planning(shelf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bib = shelf / "references.bib"
    bib.write_bytes("@misc{k,\n  title = {Caf\u00e9},\n  year = {2020}\n}\n".encode("latin-1"))
    before = _files(shelf)
    listing = tmp_path / "list.md"
    listing.write_text(LIST, encoding="utf-8")
    entry = tmp_path / "one.bib"
    entry.write_text("@misc{other,\n  title = {Other},\n  year = {2021}\n}\n", encoding="utf-8")
    for argv in (["import", str(listing)], ["add", "--bibtex", str(entry)], ["enrich", "--api-url", "http://127.0.0.1:9", "--pause", "0", "--sources", "arxiv"]):
        assert cli.main([argv[0], "--root", str(shelf), *argv[1:]]) == 1
        error = capsys.readouterr().err
        assert "references.bib: byte 0xe9 at line 2" in error and "nothing was changed" in error, error
    assert _files(shelf) == before


def test_check_refuses_pages_and_folders_that_lead_outside(shelf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\nkey: secret\ntitle: S\nshort_name: S\nstatus: read\n---\n", encoding="utf-8")
    (shelf / "docs" / "papers" / "leak.md").symlink_to(outside / "secret.md")
    (shelf / "docs" / "linked").symlink_to(outside, target_is_directory=True)
    assert cli.main(["check", "--root", str(shelf)]) == 1
    out = capsys.readouterr().out
    assert "docs/papers/leak.md:1: link-outside this file is a symbolic link to" in out
    assert "docs/linked:1: link-outside this folder is a symbolic link to" in out
    assert "secret" not in out.replace(str(outside / "secret.md"), "")  # the page itself was not read


# --- 3. every writer escapes what it writes ----------------------------------------------------

INJECTION = "}, url = {javascript:alert(1)}, note = {"


def _scan(text: str) -> BibScan:
    scan = BibScan("x.bib")
    scan_text(text, scan)
    return scan


def test_an_injected_doi_from_the_api_or_the_cache_adds_no_field() -> None:
    paper = arxiv.ArxivPaper(
        "2301.00001", "Title } with {LLaVA", ("Ann Lee", "B and C }, x = {y"), "2023-01-02T00:00:00Z", "cs.CL}",
        doi=INJECTION, journal_ref="J\n  publisher = {evil}",
    )
    scan = _scan(arxiv.bibtex_entry(paper, "lee2023title"))
    assert not [p for p in scan.problems if p.code.slug == "bib-syntax"]
    entry = scan.entries["lee2023title"]
    assert sorted(name for name, _ in entry.fields) == ["archiveprefix", "author", "doi", "eprint", "journal", "primaryclass", "title", "url", "year"]
    assert entry.get("url") == "https://arxiv.org/abs/2301.00001"
    assert "javascript" in entry.get("doi")  # kept as text inside its own field
    assert len(scan.data.entries["lee2023title"].persons["author"]) == 2  # "B and C" stays one person


def test_a_planted_cache_record_of_the_wrong_shape_is_asked_again(tmp_path: Path) -> None:
    cache = arxiv.Cache(tmp_path)
    (tmp_path / "2301.00001.json").write_text('{"version": 1, "identifier": "2301.00001", "title": {"x": 1}, "authors": ["A"], "published": "2023", "primary_class": "cs"}', encoding="utf-8")
    assert cache.get("2301.00001") is None


def test_enrich_with_fields_keeps_an_injected_value_in_its_field() -> None:
    from papershelf.formats.bibfile import with_fields

    raw = "@misc{k,\n  title = {T},\n  year = {2020}\n}"
    scan = _scan(with_fields(raw, {"doi": INJECTION, "abstract": "line one\n}\n@misc{evil, title={x}}"}))
    assert list(scan.entries) == ["k"]
    assert sorted(name for name, _ in scan.entries["k"].fields) == ["abstract", "doi", "title", "year"]
    with pytest.raises(ValueError, match="field name"):
        with_fields(raw, {"url = {x}, note": "y"})


def test_add_bibtex_writes_only_the_entry(shelf: Path, tmp_path: Path) -> None:
    entry = tmp_path / "one.bib"
    entry.write_text("% a comment\n@misc{one,\n  title = {One},\n  year = {2021}\n}\n\nstray text\n", encoding="utf-8")
    assert cli.main(["add", "--root", str(shelf), "--bibtex", str(entry)]) == 0
    written = (shelf / "references.bib").read_text(encoding="utf-8")
    assert "stray text" not in written and "a comment" not in written and "@misc{one," in written


def test_export_then_import_gives_the_same_papers_whatever_tags_titles_and_notes_hold(shelf: Path, tmp_path: Path) -> None:
    from papershelf.commands.exporter import export_shelf
    from papershelf.shelf.load import load_shelf

    hostile = {
        "p1": ({"title": "Evil](https://evil.example) [x", "tags": ["vision\n#### Injected: paper\n\npaper link: [here](https://arxiv.org/abs/2301.09999)"]}, ""),
        "p2": ({"title": "Plain title", "tags": ["a [b](c) `d` <e>", "x\n#### y"]}, "note line\n#### Fake: heading\n\npaper link: [here](https://arxiv.org/abs/2301.08888)\n"),
        "p3": ({"title": "Fenced ###", "tags": ["z"]}, "```\nunclosed fence\n"),
        "p4": ({"title": "Commented", "tags": ["z"]}, "<!-- never closed\n"),
    }
    for number, (key, (values, body)) in enumerate(hostile.items(), 1):
        fields = {"key": key, "short_name": key.upper(), "status": "unread", "links": {"paper": f"https://arxiv.org/abs/2301.0000{number}"}, **values}
        (shelf / "docs" / "papers" / f"{key}.md").write_text(paths.render_front_matter(fields) + (f"\n{body}" if body else ""), encoding="utf-8")
    listing = tmp_path / "export.md"
    listing.write_text(export_shelf(locate(shelf)), encoding="utf-8")
    other = tmp_path / "other"
    scaffold.init_shelf(other, scaffold.InitOptions(title="Other", author="Test", year=2024))
    import_lists(locate(other), [listing])
    papers = {page.paper.key: page.paper for page in load_shelf(locate(other)).pages}
    assert sorted(papers) == ["p1", "p2", "p3", "p4"]
    assert papers["p1"].title == "Evil](https://evil.example) [x"
    assert papers["p2"].title == "Plain title"
    # a trailing run of `#` is no closing sequence; a first tag (the `##` section) comes back with its markup as text
    assert papers["p3"].title == "Fenced ###"
    assert [[tag for tag in papers[key].tags if tag != "Safety"] for key in ("p1", "p2")] == [  # the list's title names another shelf
        ["vision #### Injected: paper paper link: [here](https://arxiv.org/abs/2301.09999)"], ["a [b](c) `d` <e>", "x #### y"]]


@pytest.mark.parametrize("title", ["Title ###", "###", "Title \\###", "C#", "Title # x", "Title ##\t"])
def test_an_entry_heading_reads_back_as_the_title_it_was_written_from(title: str) -> None:
    written = readinglist.heading_text(title)
    (block,) = readinglist.blocks_of(f"#### {written}", {})
    assert readinglist.split_heading(block.content)[0] == title.strip()


@pytest.mark.parametrize("tag", ["first line #### Evil [`READ`] paper link: [here](https://arxiv.org/abs/1)", "x ##", "a *b* <i>c</i> &amp; $d$", "C++ & C#"])
def test_a_section_heading_reads_back_as_its_tag(tag: str) -> None:
    (block,) = readinglist.blocks_of(f"## {readinglist.section_heading(tag)}", {})
    assert readinglist.plain(block.content) == tag


# --- 4. nothing merges or overwrites by accident ----------------------------------------------


def _notes_list(folder: Path, words: str) -> Path:
    folder.mkdir(parents=True)
    path = folder / "README.md"
    path.write_text(f"# {words}\n\nAn introduction about {words}.\n\n#### {words.title()}: A paper\n\npaper link: [here](https://arxiv.org/abs/2301.0{len(words):04d})\n", encoding="utf-8")
    return path


def test_two_lists_with_one_file_name_keep_both_notes_pages(shelf: Path, tmp_path: Path) -> None:
    first, second = _notes_list(tmp_path / "listA", "apples"), _notes_list(tmp_path / "listB", "oranges and pears")
    import_lists(locate(shelf), [first, second])
    notes = {path.name: path.read_text(encoding="utf-8") for path in (shelf / "docs" / "notes").glob("*.md")}
    assert len(notes) == 2
    assert sum("about apples" in text for text in notes.values()) == sum("about oranges" in text for text in notes.values()) == 1


def test_a_later_import_of_another_list_with_the_same_name_keeps_the_first_notes(shelf: Path, tmp_path: Path) -> None:
    first, second = _notes_list(tmp_path / "listA", "apples"), _notes_list(tmp_path / "listB", "oranges and pears")
    import_lists(locate(shelf), [first])
    assert [path.name for path in (shelf / "docs" / "notes").glob("*.md")] == ["readme.md"]  # a single list keeps its name
    import_lists(locate(shelf), [second])
    import_lists(locate(shelf), [first])  # the same list again: its own page, updated in place
    notes = sorted((shelf / "docs" / "notes").glob("*.md"))
    assert len(notes) == 2
    assert "about apples" in (shelf / "docs" / "notes" / "readme.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["con", "aux", "nul", "prn", "com1", "lpt9", "CON", "aux.1", "nul.tar"])
def test_windows_device_names_are_never_written(name: str) -> None:
    assert paths.reserved_name(name)
    written = paths.unique_name(name, set())
    assert not paths.reserved_name(written) and written.casefold() != name.casefold()


def test_names_are_compared_without_case() -> None:
    taken = {"LLaVA"}
    assert paths.unique_name("llava", taken) == "llava-2"
    assert paths.unique_name("other", taken) == "other"
    assert not paths.reserved_name("console") and not paths.reserved_name("com10")


def test_an_imported_llava_never_overwrites_a_hand_written_LLaVA(shelf: Path, tmp_path: Path) -> None:
    mine = shelf / "docs" / "papers" / "LLaVA.md"
    mine.write_text("---\nkey: mine\ntitle: Mine\nshort_name: Mine\nstatus: read\n---\n", encoding="utf-8")
    listing = tmp_path / "list.md"
    listing.write_text("# L\n\n#### LLaVA: Visual Instruction Tuning\n\npaper link: [here](https://arxiv.org/abs/2304.08485)\n", encoding="utf-8")
    import_lists(locate(shelf), [listing])
    names = sorted(path.name for path in (shelf / "docs" / "papers").glob("*.md"))
    assert "LLaVA.md" in names and "llava.md" not in names and "llava-2.md" in names
    assert "key: mine" in mine.read_text(encoding="utf-8")


@pytest.mark.parametrize("option", [["--title", "A\nall:\n\trm -rf /"], ["--author", "x\ny"], ["--title", "ends \\"], ["--facet", "size:Big\nSize"], ["--year", "99999"]])
def test_init_refuses_options_that_would_add_lines(tmp_path: Path, option: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "new"
    assert cli.main(["init", str(target), *option]) == 1
    assert "error:" in capsys.readouterr().err
    assert not target.exists() or not any(target.iterdir())


def test_init_quotes_what_it_accepts(tmp_path: Path) -> None:
    target = tmp_path / "new"
    title = "Quotes ' \" and $(make) {{title}}"
    assert cli.main(["init", str(target), "--title", title, "--author", "O'Neil"]) == 0
    assert (target / "Makefile").read_text(encoding="utf-8").splitlines()[0] == f"# {title}: `make html` builds the site, `make check` lints it."
    conf: dict[str, Any] = {}
    exec(compile((target / "conf.py").read_text(encoding="utf-8"), "conf.py", "exec"), conf)
    assert conf["project"] == title and conf["author"] == "O'Neil"
