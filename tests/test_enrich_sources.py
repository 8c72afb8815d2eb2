"""`papershelf enrich` with Semantic Scholar, GitHub and the Hugging Face Hub, against a local server.

One server answers in each API's documented format: the S2 batch endpoint
(a list in the order asked, ``null`` for unknown ids), GitHub's
``/repos/{owner}/{repo}`` (404 for none, 403 with ``X-RateLimit-Remaining: 0``
when the limit is spent) and the Hub's ``/api/models`` and ``/api/datasets``.
A script of failures (429 with Retry-After, 500, a slow answer, malformed
JSON, a short batch) is played per path. Pauses are measured through an
injected sleep and clock, not waited for; no test touches the network.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest
from helpers import Clock
from papershelf.cli import main
from papershelf.commands import enrich
from papershelf.commands.init import InitOptions, init_shelf
from papershelf.formats.frontmatter import parse_front_matter
from papershelf.shelf.check import check_shelf
from papershelf.shelf.load import load_shelf
from papershelf.shelf.paths import ShelfError, locate
from papershelf.sources import registry
from papershelf.sources.cache import SourceCache
from papershelf.sources.github import repo_of
from papershelf.sources.s2 import S2Source

if TYPE_CHECKING:
    from collections.abc import Iterator

TODAY = dt.date(2026, 3, 2)


@dataclass
class Seen:
    at: float
    method: str
    path: str
    ids: list[str]


class FakeApis(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: ClassVar[list[Seen]] = []
    #: path prefix -> list of (status, headers, body, delay) played before the normal answer
    script: ClassVar[dict[str, list[tuple[int, dict[str, str], bytes, float]]]] = {}
    papers: ClassVar[dict[str, dict[str, Any]]] = {}  #: S2 id -> paper
    repos: ClassVar[dict[str, dict[str, Any]]] = {}
    hub: ClassVar[dict[str, dict[str, list[str]]]] = {}  #: arXiv id -> {"models": [...], "datasets": [...]}
    short_batch: ClassVar[bool] = False
    best_match: ClassVar[dict[str, dict[str, Any]]] = {}  #: title asked -> S2's best match

    def _scripted(self, path: str) -> bool:
        for prefix, plays in FakeApis.script.items():
            if path.startswith(prefix) and plays:
                status, headers, body, delay = plays.pop(0)
                if delay:
                    time.sleep(delay)
                self._send(status, body, headers)
                return True
        return False

    def do_POST(self) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length", "0"))
        data = json.loads(self.rfile.read(length) or b"{}")
        ids = data.get("ids", [])
        FakeApis.seen.append(Seen(time.monotonic(), "POST", parts.path, ids))
        if self._scripted(parts.path):
            return
        assert parts.path == "/graph/v1/paper/batch"
        assert "references.externalIds" in parse_qs(parts.query)["fields"][0]
        if len(ids) > 500:
            self._send(400, b'{"error": "Cannot process more than 500 ids"}')
            return
        answer = [FakeApis.papers.get(identifier) for identifier in ids]
        if FakeApis.short_batch:
            answer = answer[:-1]
        self._send(200, json.dumps(answer).encode())

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        FakeApis.seen.append(Seen(time.monotonic(), "GET", parts.path, query.get("filter", [])))
        if self._scripted(parts.path):
            return
        if parts.path.startswith("/repos/"):
            repo = FakeApis.repos.get(parts.path[len("/repos/"):].lower())
            if repo is None:
                self._send(404, b'{"message": "Not Found"}')
            else:
                self._send(200, json.dumps(repo).encode(), {"X-RateLimit-Remaining": "59"})
            return
        if parts.path == "/graph/v1/paper/search/match":
            best = FakeApis.best_match.get(query["query"][0])
            assert "title" in query["fields"][0].split(",")
            self._send(200, json.dumps({"data": [{**best, "matchScore": 171.5}]}).encode()) if best else self._send(404, b'{"error": "Title match not found"}')
            return
        if parts.path in ("/api/models", "/api/datasets"):
            arxiv = query["filter"][0].removeprefix("arxiv:")
            kind = parts.path.rsplit("/", 1)[1]
            self._send(200, json.dumps([{"id": repo, "likes": 3} for repo in FakeApis.hub.get(arxiv, {}).get(kind, [])]).encode())
            return
        self._send(404, b"{}")

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    FakeApis.seen, FakeApis.script, FakeApis.short_batch, FakeApis.best_match = [], {}, False, {}
    FakeApis.papers = {
        "ARXIV:2304.08485": s2_paper("2304.08485", "Neural Information Processing Systems", "conference", 2023, refs=["2301.12597", "1706.03762"], citations=5120),
        "ARXIV:2301.12597": s2_paper("2301.12597", "International Conference on Machine Learning", "conference", 2023, refs=[], citations=3000),
        "ARXIV:2310.03744": s2_paper("2310.03744", "arXiv.org", None, 2023, refs=["2304.08485", "2301.12597"], citations=900),
    }
    FakeApis.repos = {"haotian-liu/llava": {"full_name": "haotian-liu/LLaVA", "stargazers_count": 19000, "pushed_at": "2026-02-01T10:00:00Z", "archived": False}}
    FakeApis.hub = {"2304.08485": {"models": ["liuhaotian/llava-v1-0719-336px-lora-vicuna-13b-v1.3"], "datasets": ["liuhaotian/LLaVA-Instruct-150K"]}}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeApis)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def s2_paper(arxiv: str, venue: str, venue_type: str | None, year: int, refs: list[str], citations: int) -> dict[str, Any]:
    return {
        "paperId": "f" * 40,
        "externalIds": {"ArXiv": arxiv, "DBLP": "conf/x/Y23", "CorpusId": 1},
        "venue": venue,
        "publicationVenue": {"id": "v", "name": venue, "type": venue_type} if venue_type else None,
        "year": year,
        "publicationDate": f"{year}-04-17",
        "citationCount": citations,
        "influentialCitationCount": citations // 10,
        "authors": [{"authorId": "2109283", "name": "Haotian Liu"}, {"authorId": None, "name": "Chunyuan  Li"}],
        "references": [{"paperId": "r", "externalIds": {"ArXiv": ref}} for ref in refs] + [{"paperId": None, "externalIds": None}],
    }


PAPERS = [("llava", "liu2023llava", "2304.08485", "code: https://github.com/haotian-liu/LLaVA\n"), ("blip2", "li2023blip2", "2301.12597", ""), ("llava15", "liu2023improved", "2310.03744", "")]


def make_shelf(root: Path, papers: list[tuple[str, str, str, str]] = PAPERS, extra: dict[str, str] | None = None) -> Path:
    init_shelf(root, InitOptions(title="Test shelf", author="Test"))
    bib = []
    for slug, key, identifier, links in papers:
        (root / "docs" / "papers" / f"{slug}.md").write_text(
            f"---\nkey: {key}\ntitle: Paper {slug}\nshort_name: {slug}\nstatus: unread\n{(extra or {}).get(slug, '')}links:\n  paper: https://arxiv.org/abs/{identifier}\n{'  ' + links if links else ''}---\n\nMy notes.\n",
            encoding="utf-8",
        )
        bib.append(f"@misc{{{key},\n  title = {{Paper {slug}}},\n  author = {{Liu, Haotian}},\n  year = {{20{identifier[:2]}}},\n  eprint = {{{identifier}}},\n  archivePrefix = {{arXiv}},\n}}")
    (root / "references.bib").write_text("\n\n".join(bib) + "\n", encoding="utf-8")
    return root


def sources(server: str, clock: Clock, **http: Any) -> dict[str, Any]:
    env = {"PAPERSHELF_S2_API": server, "PAPERSHELF_GITHUB_API": server, "PAPERSHELF_HF_API": server}
    http = {"sleep": clock.sleep, "clock": clock.now, "timeout": 2.0, "retries": 2, **http}
    return {name: registry.make(name, env, **http) for name in ("s2", "github", "hf")}


def run(root: Path, server: str, clock: Clock | None = None, made: dict[str, Any] | None = None, **kwargs: Any) -> enrich.EnrichReport:
    clock = clock or Clock()
    return enrich.enrich_shelf(locate(root), sources=("s2", "github", "hf"), made=made or sources(server, clock), today=TODAY, **kwargs)


def front(path: Path) -> dict[str, Any]:
    parsed = parse_front_matter(path.read_text(encoding="utf-8"))
    assert parsed is not None
    return json.loads(json.dumps(parsed.data))


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and ".papershelf-cache" not in p.parts}


def test_every_source_adds_what_is_missing_and_a_second_run_asks_nothing(tmp_path: Path, server: str) -> None:
    root = make_shelf(tmp_path / "shelf")
    report = run(root, server)
    llava = front(root / "docs/papers/llava.md")
    assert llava["metrics"] == {"citations": 5120, "influential_citations": 512, "stars": 19000, "as_of": "2026-03-02"}
    assert llava["cites"] == ["li2023blip2"]  # 1706.03762 is not on the shelf
    assert llava["people"] == [{"name": "Haotian Liu", "id": "s2:2109283"}, {"name": "Chunyuan Li"}]
    assert llava["models"] == [{"name": "liuhaotian/llava-v1-0719-336px-lora-vicuna-13b-v1.3", "url": "https://huggingface.co/liuhaotian/llava-v1-0719-336px-lora-vicuna-13b-v1.3"}]
    assert llava["links"]["dataset"] == "https://huggingface.co/datasets/liuhaotian/LLaVA-Instruct-150K"
    assert llava["links"]["code"] == "https://github.com/haotian-liu/LLaVA"  # kept
    assert front(root / "docs/papers/llava15.md")["cites"] == ["li2023blip2", "liu2023llava"]
    bib = (root / "references.bib").read_text(encoding="utf-8")
    assert "@inproceedings{liu2023llava," in bib and "booktitle = {Neural Information Processing Systems}" in bib
    assert "@inproceedings{li2023blip2," in bib
    assert "@misc{liu2023improved," in bib  # arXiv.org is no venue
    summary = report.summary(False)
    assert "upgraded liu2023llava: @misc -> @inproceedings (Neural Information Processing Systems)" in summary
    assert "s2: 3 ids, 0 from the cache, 3 fetched in 1 requests" in summary
    assert (root / "docs/papers/llava.md").read_text(encoding="utf-8").endswith("---\n\nMy notes.\n")
    assert not [p for p in check_shelf(load_shelf(locate(root))) if p.code.slug not in ("no-page",)]
    # the second run: everything from the cache, no request, no change
    before, count = snapshot(root), len(FakeApis.seen)
    again = run(root, server)
    assert len(FakeApis.seen) == count and snapshot(root) == before
    assert not again.additions and all(r.requests == 0 for r in again.sources.values())


def test_batches_of_at_most_500_and_the_pause_between_requests(tmp_path: Path, server: str) -> None:
    papers = [(f"p{i}", f"key{i}", f"2401.{i:05d}", "") for i in range(7)]
    root = make_shelf(tmp_path / "shelf", papers)
    clock = Clock()
    made = sources(server, clock, pause=1.5)
    made["s2"] = S2Source(made["s2"].http, batch=3)
    run(root, server, clock, made)
    batches = [s for s in FakeApis.seen if s.method == "POST"]
    assert [len(s.ids) for s in batches] == [3, 3, 1]
    hub = [s for s in FakeApis.seen if s.path.startswith("/api/")]
    assert len(hub) == 14  # models and datasets for each id
    assert clock.slept and all(0 < pause <= 1.5 for pause in clock.slept)
    # measured: no two requests of one source closer than its pause (on the injected clock)
    starts = [r.at for r in made["s2"].http.made]
    assert all(b - a >= 1.5 - 1e-6 for a, b in itertools.pairwise(starts))
    assert S2Source(made["s2"].http, batch=9999).batch == 500


def test_unknown_ids_are_null_and_change_nothing(tmp_path: Path, server: str) -> None:
    root = make_shelf(tmp_path / "shelf", [("x", "x2024", "2402.00001", "code: https://github.com/nobody/nothing\n")])
    report = run(root, server)
    assert report.sources["s2"].unknown == 1 and report.sources["github"].unknown == 1
    assert "metrics" not in front(root / "docs/papers/x.md")


def test_429_waits_as_retry_after_asks(tmp_path: Path, server: str) -> None:
    root = make_shelf(tmp_path / "shelf")
    FakeApis.script["/graph"] = [(429, {"Retry-After": "7"}, b'{"message": "Too Many Requests"}', 0)]
    clock = Clock()
    run(root, server, clock)
    assert 7.0 in clock.slept
    assert len([s for s in FakeApis.seen if s.method == "POST"]) == 2
    assert "metrics" in front(root / "docs/papers/llava.md")


@pytest.mark.parametrize(
    ("prefix", "plays", "expected"),
    [
        ("/graph", [(500, {}, b"oops", 0)] * 3, "s2: ARXIV:2301.12597 and 2 more: HTTP 500"),
        ("/graph", [(200, {}, b"[{not json", 0)], "s2: ARXIV:2301.12597 and 2 more: the answer is not JSON"),
        ("/graph", [(200, {}, b'{"error": "x"}', 0)], "s2: ARXIV:2301.12597 and 2 more: the answer is not a list"),
        ("/repos/", [(500, {}, b"", 0)] * 3, "github: haotian-liu/llava: HTTP 500"),
        ("/api/models", [(503, {}, b"", 0)] * 3, "hf: 2301.12597: HTTP 503"),
    ],
)
def test_a_bad_answer_leaves_the_shelf_as_it_was_and_says_where(tmp_path: Path, server: str, prefix: str, plays: list[Any], expected: str) -> None:
    root = make_shelf(tmp_path / "shelf")
    before = snapshot(root)
    FakeApis.script[prefix] = list(plays)
    with pytest.raises(ShelfError) as error:
        run(root, server)
    assert expected in str(error.value)
    assert snapshot(root) == before


def entry_text(root: Path, key: str) -> str:
    found = re.search(r"@\w+\{" + re.escape(key) + r",.*?\n\}", (root / "references.bib").read_text(encoding="utf-8"), re.DOTALL)
    assert found is not None
    return found.group(0)


def paper_of(arxiv: str) -> dict[str, Any]:
    return FakeApis.papers[f"ARXIV:{arxiv}"]


# the ids are asked sorted: ARXIV:2301.12597 (blip2), ARXIV:2304.08485 (llava), ARXIV:2310.03744 (llava15)
PARTIAL = {
    "short, the last left out": (lambda: [paper_of("2301.12597"), paper_of("2304.08485")], "llava15",
                                 "s2: ARXIV:2310.03744: the answer holds 2 entries for 3 ids and none of them is this paper"),
    "short, the first left out, reordered": (lambda: [paper_of("2310.03744"), paper_of("2304.08485")], "blip2",
                                             "s2: ARXIV:2301.12597: the answer holds 2 entries for 3 ids and none of them is this paper"),
    "one entry not a paper": (lambda: [42, paper_of("2304.08485"), paper_of("2310.03744")], "blip2",
                              "s2: ARXIV:2301.12597: its entry of the answer is int, not a paper"),
    "one entry without paperId": (lambda: [{"venue": "ICML", "citationCount": 7}, paper_of("2304.08485"), paper_of("2310.03744")], "blip2",
                                  "s2: ARXIV:2301.12597: its entry of the answer has no paperId"),
    "one entry about another paper": (lambda: [paper_of("2304.08485"), paper_of("2304.08485"), paper_of("2310.03744")], "blip2",
                                      "s2: ARXIV:2301.12597: the entry at its place is about arxiv:2304.08485, another paper"),
}


@pytest.mark.parametrize("case", list(PARTIAL))
def test_a_partial_batch_keeps_the_good_papers_and_names_each_bad_one(tmp_path: Path, server: str, case: str) -> None:
    answer, bad, expected = PARTIAL[case]
    root = make_shelf(tmp_path / "shelf")
    slugs = {"blip2": "li2023blip2", "llava": "liu2023llava", "llava15": "liu2023improved"}
    before = {slug: ((root / f"docs/papers/{slug}.md").read_bytes(), entry_text(root, key)) for slug, key in slugs.items()}
    FakeApis.script["/graph"] = [(200, {}, json.dumps(answer()).encode(), 0)]
    report = enrich.enrich_shelf(locate(root), sources=("s2",), made={"s2": sources(server, Clock())["s2"]}, today=TODAY)
    assert report.problems == [f"{expected}; nothing changed for it, asked again next run"]
    assert "s2: 3 ids, 0 from the cache, 2 fetched in 1 requests, 0 unknown, 1 bad answer (asked again next run)" in report.summary(False)
    # the bad paper's page and entry are as they were; the good ones gained their values
    assert ((root / f"docs/papers/{bad}.md").read_bytes(), entry_text(root, slugs[bad])) == before[bad]
    for slug in set(slugs) - {bad}:
        assert "metrics" in front(root / f"docs/papers/{slug}.md")
    # the bad one was not cached: the next run asks for it alone, and it arrives
    asked = len(FakeApis.seen)
    again = enrich.enrich_shelf(locate(root), sources=("s2",), made={"s2": sources(server, Clock())["s2"]}, today=TODAY)
    assert [s.ids for s in FakeApis.seen[asked:]] == [[{"blip2": "ARXIV:2301.12597", "llava15": "ARXIV:2310.03744"}[bad]]]
    assert not again.problems and "metrics" in front(root / f"docs/papers/{bad}.md")


def test_the_cli_names_each_bad_answer_on_stderr(tmp_path: Path, server: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_shelf(tmp_path / "shelf")
    FakeApis.short_batch = True
    monkeypatch.setenv("PAPERSHELF_S2_API", server)
    assert main(["enrich", "--root", str(root), "--sources", "s2"]) == 0
    captured = capsys.readouterr()
    assert "s2: ARXIV:2310.03744: the answer holds 2 entries for 3 ids and none of them is this paper; nothing changed for it, asked again next run" in captured.err.splitlines()
    assert "1 bad answer (asked again next run)" in captured.out


def test_github_gone_archived_blocked_and_malformed_repositories(tmp_path: Path, server: str) -> None:
    papers = [(f"p{i}", f"key{i}", f"2401.{i:05d}", f"code: https://github.com/org/repo{i}\n") for i in range(5)]
    FakeApis.repos.update({
        "org/repo0": {"stargazers_count": 10, "pushed_at": "2025-01-01T00:00:00Z", "archived": False},
        "org/repo2": {"stargazers_count": 12, "pushed_at": "2021-06-01T00:00:00Z", "archived": True},
    })  # repo1: 404
    FakeApis.script["/repos/org/repo3"] = [(200, {}, b'{"stargazers_count": "lots"}', 0)]
    FakeApis.script["/repos/org/repo4"] = [(403, {"X-RateLimit-Remaining": "42"}, b'{"message": "Repository access blocked"}', 0)]
    root = make_shelf(tmp_path / "shelf", papers)
    before = snapshot(root)
    report = enrich.enrich_shelf(locate(root), sources=("github",), made={"github": sources(server, Clock())["github"]}, today=TODAY)
    assert report.problems == [
        "github: org/repo3: the answer has no stargazers_count; nothing changed for it, asked again next run",
        f"github: org/repo4: HTTP 403 from {server}; nothing changed for it, asked again next run",
    ]
    assert report.sources["github"].unknown == 1
    assert front(root / "docs/papers/p0.md")["metrics"] == {"stars": 10, "as_of": "2026-03-02"}
    assert front(root / "docs/papers/p2.md")["metrics"]["stars"] == 12  # archived: its stars still count
    cached = SourceCache.of(root, "github").get("org/repo2")
    assert cached is not None and cached.data == {"stars": 12, "pushed_at": "2021-06-01", "archived": True}
    for index in (1, 3, 4):  # gone, malformed, blocked: the page is as it was
        name = f"docs/papers/p{index}.md"
        assert (root / name).read_bytes() == before[name]
    assert SourceCache.of(root, "github").get("org/repo3") is None and SourceCache.of(root, "github").get("org/repo1") is not None


def test_hub_unknown_and_malformed_ids(tmp_path: Path, server: str) -> None:
    papers = [(f"p{i}", f"key{i}", f"2401.{i:05d}", "") for i in range(3)]
    FakeApis.hub = {"2401.00000": {"models": ["org/model-a"], "datasets": []}, "2401.00002": {"models": ["org/model-c"], "datasets": ["org/data-c"]}}
    FakeApis.script["/api/datasets"] = [(200, {}, b"[]", 0), (200, {}, b'[{"id": "org/x"', 0)]  # 2401.00000 fine; 2401.00001: cut short
    root = make_shelf(tmp_path / "shelf", papers)
    before = snapshot(root)
    report = enrich.enrich_shelf(locate(root), sources=("hf",), made={"hf": sources(server, Clock())["hf"]}, today=TODAY)
    assert len(report.problems) == 1 and report.problems[0].startswith("hf: 2401.00001: the answer is not JSON")
    assert front(root / "docs/papers/p0.md")["models"] == [{"name": "org/model-a", "url": "https://huggingface.co/org/model-a"}]
    assert front(root / "docs/papers/p2.md")["links"]["dataset"] == "https://huggingface.co/datasets/org/data-c"
    assert (root / "docs/papers/p1.md").read_bytes() == before["docs/papers/p1.md"]
    # an id nobody cites is known and empty: cached, never asked again, nothing added
    FakeApis.hub = {}
    count = len(FakeApis.seen)
    again = enrich.enrich_shelf(locate(root), sources=("hf",), made={"hf": sources(server, Clock())["hf"]}, today=TODAY)
    assert [s.ids for s in FakeApis.seen[count:]] == [["arxiv:2401.00001"], ["arxiv:2401.00001"]]
    assert not again.problems and (root / "docs/papers/p1.md").read_bytes() == before["docs/papers/p1.md"]


def test_a_timeout_is_retried_then_named(tmp_path: Path, server: str) -> None:
    root = make_shelf(tmp_path / "shelf", PAPERS[:1])
    before = snapshot(root)
    FakeApis.script["/graph"] = [(200, {}, b"[]", 1.5)] * 2
    with pytest.raises(ShelfError, match=r"s2: ARXIV:2304.08485: .*(longer than 0.5 s|timed out).* after 2 tries"):
        run(root, server, made=sources(server, Clock(), timeout=0.5, retries=1))
    assert snapshot(root) == before


def test_github_rate_limit_stops_the_source_and_the_next_run_resumes(tmp_path: Path, server: str) -> None:
    papers = [(f"p{i}", f"key{i}", f"2401.{i:05d}", f"code: https://github.com/org/repo{i}\n") for i in range(4)]
    FakeApis.repos.update({f"org/repo{i}": {"stargazers_count": 10 + i, "pushed_at": "2025-01-01T00:00:00Z", "archived": i == 3} for i in range(4)})
    root = make_shelf(tmp_path / "shelf", papers)
    reset = int(dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC).timestamp())
    FakeApis.script["/repos/org/repo2"] = [(403, {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(reset)}, b'{"message": "API rate limit exceeded"}', 0)]
    before = snapshot(root)
    report = enrich.enrich_shelf(locate(root), sources=("github",), made={"github": sources(server, Clock())["github"]}, today=TODAY)
    assert report.sources["github"].stopped and report.sources["github"].left == 2
    assert "stopped with 2 left for the next run (the rate limit is spent; the rest is asked next run (set GITHUB_TOKEN for 5,000 requests an hour); GitHub frees it at 2026-03-02 10:00 UTC)" in report.summary(False)
    assert front(root / "docs/papers/p0.md")["metrics"]["stars"] == 10
    for name in ("docs/papers/p2.md", "docs/papers/p3.md"):  # not asked: as they were
        assert (root / name).read_bytes() == before[name]
    assert SourceCache.of(root, "github").get("org/repo2") is None
    asked = len([s for s in FakeApis.seen if s.path.startswith("/repos/")])
    run(root, server)
    repos = [s.path for s in FakeApis.seen if s.path.startswith("/repos/")][asked:]
    assert repos == ["/repos/org/repo2", "/repos/org/repo3"]  # only the rest
    assert front(root / "docs/papers/p3.md")["metrics"]["stars"] == 13


def test_hand_written_values_are_kept_and_old_answers_refreshed(tmp_path: Path, server: str) -> None:
    extra = {"llava": "metrics: {citations: 1}\npeople: [{name: H. Liu}]\ncites: [liu2023improved]\n"}
    root = make_shelf(tmp_path / "shelf", extra=extra)
    run(root, server)
    llava = front(root / "docs/papers/llava.md")
    assert llava["metrics"] == {"citations": 1}  # no as_of: written by hand
    assert llava["people"] == [{"name": "H. Liu"}]
    assert llava["cites"] == ["liu2023improved", "li2023blip2"]  # kept, the new one added
    # answers older than the limit are asked again; the counts follow
    FakeApis.papers["ARXIV:2301.12597"]["citationCount"] = 3500
    count = len(FakeApis.seen)
    run(root, server)
    assert len(FakeApis.seen) == count
    enrich.enrich_shelf(locate(root), sources=("s2",), made={"s2": sources(server, Clock())["s2"]}, today=TODAY + dt.timedelta(days=8), refresh_older_than=dt.timedelta(days=7))
    assert front(root / "docs/papers/blip2.md")["metrics"] == {"citations": 3500, "influential_citations": 300, "as_of": "2026-03-10"}


def test_an_interrupted_run_keeps_finished_batches(tmp_path: Path, server: str) -> None:
    papers = [(f"p{i}", f"key{i}", f"2401.{i:05d}", "") for i in range(4)]
    root = make_shelf(tmp_path / "shelf", papers)
    clock = Clock()
    made = sources(server, clock)
    made["s2"] = S2Source(made["s2"].http, batch=2)
    FakeApis.script["/graph"] = [(200, {}, json.dumps([None, None]).encode(), 0), (500, {}, b"", 0), (500, {}, b"", 0), (500, {}, b"", 0)]
    with pytest.raises(ShelfError, match="HTTP 500"):
        run(root, server, clock, made)
    count = len([s for s in FakeApis.seen if s.method == "POST"])
    run(root, server)
    posts = [s.ids for s in FakeApis.seen if s.method == "POST"][count:]
    assert posts == [["ARXIV:2401.00002", "ARXIV:2401.00003"]]


def test_dry_run_writes_nothing_and_cli_names_unknown_sources(tmp_path: Path, server: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_shelf(tmp_path / "shelf")
    before = snapshot(root)
    report = run(root, server, dry_run=True)
    assert report.additions and snapshot(root) == before
    lines = list(enrich.changed_lines(report, locate(root)))
    assert any(line.startswith("docs/papers/llava.md: + metrics: {") for line in lines)
    assert any("@misc -> @inproceedings" in line for line in lines)
    assert main(["enrich", "--root", str(root), "--sources", "arxiv,scholar"]) == 1
    assert "unknown source scholar" in capsys.readouterr().err
    assert main(["enrich", "--root", str(root), "--sources", "s2", "--refresh-older-than", "soon"]) == 1
    for name, value in (("PAPERSHELF_S2_API", server), ("PAPERSHELF_GITHUB_API", server), ("PAPERSHELF_HF_API", server)):
        monkeypatch.setenv(name, value)
    assert main(["enrich", "--root", str(root), "--sources", "github", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "github: 1 ids, 1 from the cache, 0 fetched in 0 requests" in out  # the dry run filled the cache
    assert 'docs/papers/llava.md: + metrics: {"stars": 19000' in out and "arXiv id" not in out


def test_only_a_repository_path_is_asked_of_github() -> None:
    assert repo_of("https://github.com/haotian-liu/LLaVA.git") == "haotian-liu/llava"
    # a dot segment would be normalised away and ask another endpoint of the API (/repos/../user -> /user)
    for url in ("https://github.com/../user", "https://github.com/./x", "https://github.com/org/..", "https://gitlab.com/a/b", "javascript://github.com/a/b"):
        assert repo_of(url) == "", url


#: a list's papers without an arXiv id or a year: journal and ACM papers linked by DOI, one by IEEE's page
UNDATED_LIST = """# Retrieval for code

- [InferFix: End-to-End Program Repair with LLMs](https://doi.org/10.1145/3611643.3613892)
- [How Can We Know When Language Models Know? On the Calibration of Language Models for Question Answering](https://doi.org/10.1162/tacl\\_a\\_00407)
- [UniLog: Automatic Logging via LLM and In-Context Learning](https://dl.acm.org/doi/abs/10.1145/3597503.3623326)
- [Generation-Augmented Query Expansion for Code Retrieval](https://dl.acm.org/doi/10.1145/3539618.3592052), SIGIR 2023
- [READSUM: Retrieval-Augmented Adaptive Transformer for Source Code Summarization](https://ieeexplore.ieee.org/abstract/document/10113620)
- [Memorizing Transformers](https://openreview.net/forum?id=TrjbxzRcnf-)
- [Synchromesh](https://openreview.net/forum?id=KmtVD97J43e)
"""


def s2_by_doi(doi: str, year: int | None, day: str | None, venue: str = "", arxiv: str = "", authors: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"paperId": "d" * 40, "externalIds": {"DOI": doi.upper(), **({"ArXiv": arxiv} if arxiv else {})}, "venue": venue,
            "publicationVenue": {"id": "v", "name": venue, "type": "conference"} if venue else None, "year": year,
            "publicationDate": day, "citationCount": 7, "influentialCitationCount": 0,
            "authors": [{"authorId": None, "name": name} for name in authors], "references": []}


def test_an_undated_paper_is_found_by_its_doi_or_title_and_dated_by_semantic_scholar(tmp_path: Path, server: str) -> None:
    """The list gives no year and no arXiv id: the DOI of its link finds the paper, else its title does when S2's
    best match has that very title; the publication day (or the preprint's month, the first public one) dates
    the page and the year goes into the entry; the known problems leave the baseline; a date the list gave
    stays; a best match with another title, and a one-word title, change nothing."""
    root = tmp_path / "shelf"
    init_shelf(root, InitOptions(title="Test shelf", author="Test"))
    listed = tmp_path / "list.md"
    listed.write_text(UNDATED_LIST, encoding="utf-8")
    assert main(["import", "--root", str(root), str(listed)]) == 0
    pages = {front(path)["title"].split(":")[0]: path for path in (root / "docs/papers").glob("*.md")}
    how_can_we_know = "How Can We Know When Language Models Know? On the Calibration of Language Models for Question Answering"
    undated = ["InferFix", how_can_we_know, "UniLog", "READSUM", "Memorizing Transformers", "Synchromesh"]
    assert sorted(name for name, path in pages.items() if "date" not in front(path)) == sorted(undated)
    known = json.loads((root / "known-problems.json").read_text(encoding="utf-8"))
    assert sum(1 for item in known["problems"] if item["code"] == "no-date") == 6
    FakeApis.papers.update({
        "DOI:10.1145/3611643.3613892": s2_by_doi("10.1145/3611643.3613892", 2023, "2023-11-30", "ESEC/SIGSOFT FSE", authors=("Matthew Jin", "Syed Shahriar")),
        "DOI:10.1162/tacl_a_00407": s2_by_doi("10.1162/tacl_a_00407", 2021, "2021-09-01", arxiv="2012.00955"),
        "DOI:10.1145/3597503.3623326": s2_by_doi("10.1145/3597503.3623326", 2024, None),
        "DOI:10.1145/3539618.3592052": s2_by_doi("10.1145/3539618.3592052", 2023, "2023-07-18", "SIGIR"),
    })
    readsum = {**s2_by_doi("10.1109/ACCESS.2023.3271992", 2023, "2023-04-28"), "title": "ReadSUM: Retrieval-augmented adaptive transformer for source code summarization."}
    FakeApis.best_match = {
        "READSUM: Retrieval-Augmented Adaptive Transformer for Source Code Summarization": readsum,
        "Memorizing Transformers": {**s2_by_doi("10.1/x", 2023, "2023-01-01"), "title": "Memorizing Transformers for Long Documents"},
    }
    report = enrich.enrich_shelf(locate(root), sources=("s2",), made={"s2": sources(server, Clock())["s2"]}, today=TODAY)
    asked = sorted(identifier for seen in FakeApis.seen if seen.method == "POST" for identifier in seen.ids)
    assert asked == ["DOI:10.1145/3539618.3592052", "DOI:10.1145/3597503.3623326", "DOI:10.1145/3611643.3613892", "DOI:10.1162/tacl_a_00407"]
    dates = {name: front(path).get("date") for name, path in pages.items()}
    assert dates["InferFix"] == "2023-11-30"  # the publication day
    assert dates[how_can_we_know] == "2020-12"  # its preprint came first
    assert dates["UniLog"] == "2024"  # only a year is known
    assert dates["Generation-Augmented Query Expansion for Code Retrieval"] == "2023"  # the list's own year stays
    assert dates["READSUM"] == "2023-04-28"  # an IEEE page carries no DOI: found by its title
    assert dates["Memorizing Transformers"] is None  # S2's best match is another paper
    assert dates["Synchromesh"] is None  # one word names too many papers: not asked
    titles = [seen.ids for seen in FakeApis.seen if seen.path.endswith("/match")]
    assert len(titles) == 2 and report.sources["s2"].ids == 6 and report.sources["s2"].unknown == 1
    shelf = load_shelf(locate(root))
    years = {page.paper.title.split(":")[0]: shelf.entries[page.paper.key].get("year") for page in shelf.pages}
    assert years["UniLog"] == "2024" and years["InferFix"] == "2023" and years["READSUM"] == "2023" and years["Synchromesh"] == ""
    lines = "\n".join(enrich.changed_lines(report, locate(root)))
    assert "+ date: \"2023-11-30\"" in lines and "year 2024 added" in lines
    # a venue makes a generated entry @inproceedings only with the authors every style needs
    inferfix = shelf.entries[next(page.paper.key for page in shelf.pages if page.paper.title.startswith("InferFix"))]
    assert inferfix.entry_type == "inproceedings" and inferfix.get("author") == "Matthew Jin and Syed Shahriar"
    sigir = shelf.entries[next(page.paper.key for page in shelf.pages if page.paper.title.startswith("Generation-Augmented"))]
    assert sigir.entry_type == "misc" and sigir.get("year") == "2023"
    # the fixed problems leave the baseline when check runs; the two undated ones stay, known
    assert main(["check", "--root", str(root)]) == 0
    known = json.loads((root / "known-problems.json").read_text(encoding="utf-8"))
    assert sorted(item["path"] for item in known["problems"] if item["code"] == "no-date") == sorted(pages[name].relative_to(root).as_posix() for name in ("Memorizing Transformers", "Synchromesh"))
    assert len([item for item in known["problems"] if item["code"] == "bib-no-year"]) == 2


def test_the_doi_a_paper_link_carries() -> None:
    from papershelf.sources.s2 import doi_in

    assert doi_in("https://doi.org/10.1162/tacl_a_00407") == "10.1162/tacl_a_00407"
    assert doi_in("http://dx.doi.org/10.1145%2F3539618.3592052") == "10.1145/3539618.3592052"
    assert doi_in("https://dl.acm.org/doi/pdf/10.1145/3597503.3623326?download=true") == "10.1145/3597503.3623326"
    assert doi_in("https://www.science.org/doi/abs/10.1126/science.aar6404#con1") == "10.1126/science.aar6404"
    for url in ("https://ieeexplore.ieee.org/abstract/document/10113620", "https://arxiv.org/abs/2304.08485", "https://doi.org/11.1/x",
                "javascript:doi.org/10.1145/1", "https://example.org/notdoi/10.1145/1"):
        assert doi_in(url) == "", url
    hostile = "https://" + "a." * 100_000 + "org/doi/"
    started = time.perf_counter()
    assert doi_in(hostile) == ""
    assert time.perf_counter() - started < 5  # linear: a quadratic pattern takes minutes on this line


def test_a_bad_title_match_answer_is_named_and_changes_nothing(tmp_path: Path, server: str) -> None:
    root = tmp_path / "shelf"
    init_shelf(root, InitOptions(title="Test shelf", author="Test"))
    (root / "docs/papers/memo.md").write_text("---\nkey: memo\ntitle: Memorizing Transformers\nstatus: unread\nlinks:\n  paper: https://openreview.net/forum?id=TrjbxzRcnf-\n---\n", encoding="utf-8")
    before = snapshot(root)
    for body in (b"<html>not json</html>", b'{"data": "none"}'):
        FakeApis.script["/graph/v1/paper/search/match"] = [(200, {}, body, 0)]
        report = enrich.enrich_shelf(locate(root), sources=("s2",), made={"s2": sources(server, Clock())["s2"]}, today=TODAY)
        [problem] = report.problems
        assert problem.startswith("s2: TITLE:Memorizing Transformers: ") and "asked again next run" in problem, problem
        assert snapshot(root) == before and SourceCache.of(root, "s2").get("TITLE:Memorizing Transformers") is None
