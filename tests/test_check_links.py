"""`papershelf check --links` against a local server: verdicts, pacing, cache, no network."""

from __future__ import annotations

import itertools
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import pytest
from papershelf.cli import main
from papershelf.commands import links
from papershelf.commands.init import InitOptions, init_shelf
from papershelf.shelf import linkreport
from papershelf.shelf.paths import locate
from papershelf.sources.linkcheck import LinkChecker, paper_id, private_host

if TYPE_CHECKING:
    from collections.abc import Iterator


class Site(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: ClassVar[list[tuple[str, str]]] = []
    active: ClassVar[int] = 0
    most: ClassVar[int] = 0
    lock = threading.Lock()

    def _answer(self, method: str) -> None:
        with Site.lock:
            Site.seen.append((method, self.path))
            Site.active += 1
            Site.most = max(Site.most, Site.active)
        try:
            time.sleep(0.05)
            path = self.path
            if path == "/slow":
                time.sleep(1.5)
                self._send(200)
            elif path.startswith("/gone"):
                self._send(404)
            elif path == "/forbidden":
                self._send(403)
            elif path == "/busy":
                self._send(429, {"Retry-After": "60"})
            elif path == "/arxiv/abs/2301.00001":
                self._send(301, {"Location": "/arxiv/abs/2301.99999"})
            elif path == "/arxiv/abs/2301.00002":
                self._send(301, {"Location": "/arxiv/abs/2301.00002v3"})
            elif path == "/elsewhere":
                self._send(302, {"Location": "javascript:alert(1)"})
            elif path == "/head-refused" and method == "HEAD":
                self._send(405)
            else:
                self._send(200)
        finally:
            with Site.lock:
                Site.active -= 1

    def do_HEAD(self) -> None:
        self._answer("HEAD")

    def do_GET(self) -> None:
        self._answer("GET")

    def _send(self, status: int, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    Site.seen, Site.active, Site.most = [], 0, 0
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


PATHS = ["/ok", "/gone", "/forbidden", "/busy", "/slow", "/arxiv/abs/2301.00001", "/arxiv/abs/2301.00002", "/elsewhere", "/head-refused", "/gone2"]


def make_shelf(root: Path, base: str) -> Path:
    init_shelf(root, InitOptions(title="Links", author="Test"))
    bib = []
    for index, path in enumerate(PATHS):
        (root / "docs" / "papers" / f"p{index}.md").write_text(
            f"---\nkey: k{index}\ntitle: P{index}\nshort_name: P{index}\nstatus: unread\ndate: '2020'\nlinks:\n  paper: {base}{path}\n---\n", encoding="utf-8")
        bib.append(f"@misc{{k{index},\n  title = {{P{index}}},\n  year = {{2020}},\n}}")
    (root / "references.bib").write_text("\n\n".join(bib) + "\n", encoding="utf-8")
    return root


def test_verdicts_at_file_and_line(tmp_path: Path, site: str) -> None:
    root = make_shelf(tmp_path / "shelf", site)
    report = links.check_links(locate(root), LinkChecker(connections=3, pause=0.0, timeout=0.5, allow_private=True))
    states = {url.removeprefix(site): v.state for url, v in report.verdicts.items()}
    assert states == {
        "/ok": "ok", "/gone": "dead", "/gone2": "dead", "/forbidden": "unknown", "/busy": "unknown", "/slow": "unknown",
        "/arxiv/abs/2301.00001": "moved", "/arxiv/abs/2301.00002": "ok",  # a new version is the same paper
        "/elsewhere": "unknown", "/head-refused": "ok",
    }
    findings = report.findings()
    assert findings[0] == f"docs/papers/p1.md:8: dead-link {site}/gone: HTTP 404"
    assert f"docs/papers/p5.md:8: link-moved {site}/arxiv/abs/2301.00001: redirects to {site}/arxiv/abs/2301.99999 (another paper)" in findings
    assert len(findings) == 3
    assert "10 checked: 3 ok, 2 dead, 1 moved to another paper, 4 unknown" in report.summary()
    assert ("GET", "/head-refused") in Site.seen
    assert not [path for _, path in Site.seen if "javascript" in path]


def test_bounded_connections_pause_per_host_and_cache(tmp_path: Path, site: str) -> None:
    root = make_shelf(tmp_path / "shelf", site)
    checker = LinkChecker(connections=2, pause=0.2, timeout=0.5, allow_private=True)
    links.check_links(locate(root), checker)
    assert Site.most <= 2
    starts = sorted(at for _, at in checker.hosts_started)
    assert all(b - a >= 0.2 - 1e-3 for a, b in itertools.pairwise(starts))
    # a second run asks only the unknown ones again
    Site.seen = []
    again = links.check_links(locate(root), LinkChecker(connections=2, pause=0.0, timeout=0.5, allow_private=True))
    asked = {path for _, path in Site.seen}
    assert asked == {"/forbidden", "/busy", "/slow", "/elsewhere"}
    assert again.verdicts[f"{site}/gone"].state == "dead"
    assert (root / ".papershelf-cache" / "links").is_dir()


def test_private_addresses_are_not_asked_unless_allowed(tmp_path: Path, site: str) -> None:
    root = make_shelf(tmp_path / "shelf", site)
    report = links.check_links(locate(root), LinkChecker(pause=0.0))
    assert Site.seen == [] and {v.state for v in report.verdicts.values()} == {"unknown"}
    assert private_host("169.254.169.254") and private_host("localhost") and private_host("[::1]") and not private_host("arxiv.org")


def test_no_network_says_so_in_one_line_with_its_own_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_shelf(tmp_path / "shelf", "http://127.0.0.1:9")
    monkeypatch.setenv("PAPERSHELF_LINKS_ALLOW_PRIVATE", "1")
    assert main(["check", "--root", str(root), "--links", "--pause", "0"]) == links.NO_NETWORK
    captured = capsys.readouterr()
    assert captured.err.strip().splitlines() == ["check --links: no network (no host could be reached); nothing was checked"]
    assert captured.out == ""
    assert not (root / ".papershelf-cache" / "links").exists()


def test_the_cli_reports_dead_links_and_exits_1(tmp_path: Path, site: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_shelf(tmp_path / "shelf", site)
    monkeypatch.setenv("PAPERSHELF_LINKS_ALLOW_PRIVATE", "1")
    assert main(["check", "--root", str(root), "--links", "--pause", "0"]) == 1
    out = capsys.readouterr().out
    assert f"docs/papers/p1.md:8: dead-link {site}/gone: HTTP 404" in out


def test_paper_ids() -> None:
    assert paper_id("https://arxiv.org/abs/2304.08485v2") == paper_id("https://arxiv.org/pdf/2304.08485") == "arxiv:2304.08485"
    assert paper_id("https://doi.org/10.1145/3065386") == "doi:10.1145/3065386"
    assert paper_id("https://github.com/a/b") == ""


def test_the_report_is_written_sorted_one_link_a_line_and_only_when_it_changes(tmp_path: Path, site: str) -> None:
    import datetime as dt
    import json

    root = make_shelf(tmp_path / "shelf", site)
    day = dt.date(2026, 3, 2)
    links.check_links(locate(root), LinkChecker(connections=3, pause=0.0, timeout=0.5, allow_private=True), today=day)
    target = root / linkreport.FILE_NAME
    text = target.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert len(lines) == 2 + len(PATHS)  # the head, one link a line, the closing bracket
    entries = [json.loads(line.rstrip(",")) for line in lines[1:-1]]
    assert [e["url"] for e in entries] == sorted(f"{site}{path}" for path in PATHS)
    gone = next(e for e in entries if e["url"] == f"{site}/gone")
    assert gone == {"url": f"{site}/gone", "state": "dead", "detail": "HTTP 404", "checked": "2026-03-02", "used": [["docs/papers/p1.md", 8]]}
    # the site's reader takes every entry, each at its line
    report = linkreport.parse(text)
    assert report.bad == () and report.checked == day and len(report.links) == len(PATHS)
    # a day later: cached verdicts keep their day, only the re-asked unknown ones move
    before = target.stat().st_mtime_ns
    links.check_links(locate(root), LinkChecker(connections=3, pause=0.0, timeout=0.5, allow_private=True), today=day + dt.timedelta(days=1))
    again = {e["url"]: e for e in (json.loads(line.rstrip(",")) for line in target.read_text(encoding="utf-8").splitlines()[1:-1])}
    assert again[f"{site}/gone"]["checked"] == "2026-03-02" and again[f"{site}/busy"]["checked"] == "2026-03-03"
    # the same answers on the same day: the file is left alone
    text = target.read_text(encoding="utf-8")
    mtime = target.stat().st_mtime_ns
    links.check_links(locate(root), LinkChecker(connections=3, pause=0.0, timeout=0.5, allow_private=True), today=day + dt.timedelta(days=1))
    assert target.read_text(encoding="utf-8") == text and target.stat().st_mtime_ns == mtime and mtime >= before


def test_no_report_without_a_network_and_none_through_a_symlink(tmp_path: Path, site: str) -> None:
    from papershelf.shelf.paths import ShelfError

    root = make_shelf(tmp_path / "shelf", "http://127.0.0.1:9")
    links.check_links(locate(root), LinkChecker(pause=0.0, timeout=0.5, allow_private=True))
    assert not (root / linkreport.FILE_NAME).exists()
    root = make_shelf(tmp_path / "other", site)
    outside = tmp_path / "outside.json"
    outside.write_text("keep\n", encoding="utf-8")
    (root / linkreport.FILE_NAME).symlink_to(outside)
    with pytest.raises(ShelfError):
        links.check_links(locate(root), LinkChecker(pause=0.0, timeout=0.5, allow_private=True))
    assert outside.read_text(encoding="utf-8") == "keep\n"


def test_the_maintainers_page_of_a_new_shelf_lists_the_dead_link_at_file_and_line(tmp_path: Path, site: str) -> None:
    import subprocess
    import sys

    from bs4 import BeautifulSoup

    root = make_shelf(tmp_path / "shelf", site)
    assert not links.check_links(locate(root), LinkChecker(connections=3, pause=0.0, timeout=0.5, allow_private=True)).no_network
    out = tmp_path / "html"
    result = subprocess.run([sys.executable, "-m", "sphinx", "-c", ".", "-q", "-b", "html", "docs", str(out)],
                            cwd=root, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "link-report" not in result.stderr
    page = BeautifulSoup((out / "maintainers" / "data-notes.html").read_text(encoding="utf-8"), "html.parser")
    found = [(" ".join(link.get_text() for link in item.select("a.paper-link-url")), " ".join(" ".join(p.get_text() for p in item.select(".paper-link-places")).split()))
             for item in page.select(".paper-link-report .paper-link-list > li")]
    assert found == [
        (f"{site}/gone", "Used at docs/papers/p1.md:8"), (f"{site}/gone2", "Used at docs/papers/p9.md:8"),
        (f"{site}/arxiv/abs/2301.00001", "Used at docs/papers/p5.md:8"),
    ]
    assert [a["href"] for a in page.select(".paper-link-places a")] == ["../papers/p1.html", "../papers/p9.html", "../papers/p5.html"]
    assert "4 unknown" in str(page.select_one(".paper-link-counts"))
