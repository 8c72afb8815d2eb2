"""`papershelf enrich` against a local arXiv API that replays recorded answers.

The server answers a batch query with one feed holding the recorded entry of
each id it knows (tests/data/arxiv/ID.xml); other new-style ids get an entry
made from a template, so batches of hundreds can be tested. It records each
request's arrival time and client port: the pause between requests and the
single connection are measured, not assumed.
"""

from __future__ import annotations

import gzip
import itertools
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest
from papershelf.cli import main
from papershelf.commands import enrich
from papershelf.commands.init import InitOptions, init_shelf
from papershelf.formats.frontmatter import parse_front_matter
from papershelf.shelf.check import check_shelf
from papershelf.shelf.load import load_shelf
from papershelf.shelf.paths import ShelfError, locate

if TYPE_CHECKING:
    from collections.abc import Iterator

RECORDED = Path(__file__).parent / "data" / "arxiv"
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n  <title type="html">ArXiv Query</title>\n'
TEMPLATE = """  <entry>
    <id>http://arxiv.org/abs/{id}v1</id>
    <published>20{yy}-{mm}-0{day}T10:00:00Z</published>
    <title>Synthetic paper {id}</title>
    <summary>  An abstract of paper {id}
 over two lines.</summary>
    <author><name>Ada Lovelace</name></author>
    <author><name>Alan Turing</name></author>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.CV" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
"""
ERROR = """  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_{id}</id>
    <title>Error</title>
    <summary>incorrect id format for {id}</summary>
    <author><name>arXiv api core</name></author>
  </entry>
"""
#: ids the server leaves out of its answer (a partial response)
LEFT_OUT = {"2311.00404"}
#: ids the server answers with arXiv's error entry
REFUSED = {"2311.00405"}


@dataclass
class Seen:
    time: float
    port: int
    ids: list[str]


class FakeArxiv(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the real API
    seen: ClassVar[list[Seen]] = []
    fail_next: ClassVar[int] = 0  #: answer the next N requests with HTTP 503
    fail_from: ClassVar[int] = 0  #: answer every request from the Nth on with 503 (0: never)
    left_out: ClassVar[set[str]] = set()

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        ids = [i for i in parse_qs(parts.query).get("id_list", [""])[0].split(",") if i]
        FakeArxiv.seen.append(Seen(time.monotonic(), self.client_address[1], ids))
        if FakeArxiv.fail_next or (FakeArxiv.fail_from and len(FakeArxiv.seen) >= FakeArxiv.fail_from):
            FakeArxiv.fail_next = max(0, FakeArxiv.fail_next - 1)
            self._send(503, b"busy")
            return
        body = HEAD
        for identifier in ids:
            if identifier in FakeArxiv.left_out:
                continue
            recorded = RECORDED / f"{identifier}.xml"
            if recorded.exists():
                match = re.search(r"  <entry>.*</entry>\n", recorded.read_text(encoding="utf-8"), re.DOTALL)
                assert match is not None
                body += match.group(0)
            elif identifier in REFUSED:
                body += ERROR.format(id=identifier)
            else:
                body += TEMPLATE.format(id=identifier, yy=identifier[:2], mm=identifier[2:4], day=int(identifier[-1]) + 1)
        self._send(200, (body + "</feed>\n").encode())

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/atom+xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@pytest.fixture
def api() -> Iterator[str]:
    FakeArxiv.seen, FakeArxiv.fail_next, FakeArxiv.fail_from, FakeArxiv.left_out = [], 0, 0, set()
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeArxiv)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api"
    server.shutdown()
    server.server_close()


@dataclass
class Spec:
    slug: str
    key: str
    arxiv: str
    front_extra: str = ""
    bibtex: str = ""
    extra_ids: list[str] = field(default_factory=list)


HAND_LLAVA = """@inproceedings{liu2023llava,
  title = {Visual Instruction Tuning},
  author = {Liu, Haotian and Li, Chunyuan and Wu, Qingyang and Lee, Yong Jae},
  booktitle = {NeurIPS},
  year = {2023},
}"""
GENERATED = """@misc{dai2023instructblip,
  title = {InstructBLIP},
  year = {2023},
  url = {https://arxiv.org/abs/2305.06500},
  eprint = {2305.06500},
  archivePrefix = {arXiv},
  generated = {papershelf import},
}"""


def make_shelf(root: Path, papers: list[tuple[str, str, str, str, str]]) -> Path:
    """papers: (slug, key, arXiv id, extra front matter lines, BibTeX or "" for a minimal one)."""
    init_shelf(root, InitOptions(title="Test shelf", author="Test"))
    bib = []
    for slug, key, identifier, extra, bibtex in papers:
        (root / "docs" / "papers" / f"{slug}.md").write_text(
            f"---\nkey: {key}\ntitle: Paper {slug}\nshort_name: {slug}\nstatus: unread\n{extra}links:\n  paper: https://arxiv.org/abs/{identifier}\n---\n\nMy notes.\n",
            encoding="utf-8",
        )
        bib.append(bibtex or f"@misc{{{key},\n  title = {{Paper {slug}}},\n  year = {{20{identifier[:2]}}},\n}}")
    (root / "references.bib").write_text("\n\n".join(bib) + "\n", encoding="utf-8")
    return root


def run(root: Path, api: str, *args: str) -> int:
    return main(["enrich", "--root", str(root), "--api-url", api, "--pause", "0.2", "--cache", str(root / "cache"), "--sources", "arxiv", *args])


def front(path: Path) -> dict[str, object]:
    parsed = parse_front_matter(path.read_text(encoding="utf-8"))
    assert parsed is not None and not parsed.error
    return dict(parsed.data)


def test_enrich_fills_only_what_is_missing(tmp_path: Path, api: str, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_shelf(tmp_path / "shelf", [
        ("llava", "liu2023llava", "2304.08485", "", HAND_LLAVA),
        ("instructblip", "dai2023instructblip", "2305.06500", 'abstract: "My own summary."\n', GENERATED),
        ("mplug", "ye2023mplug", "2306.13549", 'date: "2023-07"\n', ""),
    ])
    assert run(root, api) == 0
    llava = front(root / "docs/papers/llava.md")
    assert str(llava["abstract"]).startswith("Instruction tuning large language models (LLMs) using machine-generated instruction-following")
    assert "\n" not in str(llava["abstract"])
    assert llava["date"] == "2023-04-17"
    assert (root / "docs/papers/llava.md").read_text(encoding="utf-8").endswith("---\n\nMy notes.\n")  # the body is kept
    blip = front(root / "docs/papers/instructblip.md")
    assert blip["abstract"] == "My own summary."  # written by hand: kept
    assert front(root / "docs/papers/mplug.md")["date"] == "2023-07"  # written by hand: kept
    bib = (root / "references.bib").read_text(encoding="utf-8")
    # the hand-written entry keeps its author list and gains only what it lacked
    assert "author = {Liu, Haotian and Li, Chunyuan and Wu, Qingyang and Lee, Yong Jae}" in bib
    assert bib.count("Haotian") == 1
    assert re.search(r"year = \{2023\},\n  eprint = \{2304\.08485\},\n  archivePrefix = \{arXiv\},\n  primaryClass = \{cs\.CV\},\n\}", bib)
    # the generated entry is rewritten from arXiv, key kept, marker gone
    generated = bib[bib.index("@misc{dai2023instructblip"):]
    generated = generated[: generated.index("\n}") + 2]
    assert "generated" not in generated and "author={" in generated and "primaryClass={cs.CV}" in generated
    summary = capsys.readouterr().out
    assert "3 papers with an arXiv id, 0 from the cache, 3 fetched in 1 requests" in summary
    shelf = load_shelf(locate(root))
    assert check_shelf(shelf) == []
    assert [p.paper.abstract[:11] for p in shelf.pages if p.paper.key == "liu2023llava"] == ["Instruction"]

    # second run: everything comes from the cache, nothing changes
    before = {p: p.read_bytes() for p in (root / "docs/papers").glob("*.md")} | {root / "references.bib": (root / "references.bib").read_bytes()}
    requests_before = len(FakeArxiv.seen)
    assert run(root, api) == 0
    assert len(FakeArxiv.seen) == requests_before
    assert "3 from the cache, 0 fetched in 0 requests" in capsys.readouterr().out
    assert before == {p: p.read_bytes() for p in before}


def test_dry_run_prints_and_writes_nothing(tmp_path: Path, api: str, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_shelf(tmp_path / "shelf", [("llava", "liu2023llava", "2304.08485", "", HAND_LLAVA)])
    before = (root / "references.bib").read_text(encoding="utf-8"), (root / "docs/papers/llava.md").read_text(encoding="utf-8")
    assert run(root, api, "--dry-run") == 0
    out = capsys.readouterr().out
    assert "docs/papers/llava.md: + abstract: Instruction tuning" in out
    assert "docs/papers/llava.md: + date: 2023-04-17" in out
    assert "references.bib: liu2023llava: + primaryClass = {cs.CV}" in out
    assert "would change 1" in out
    assert before == ((root / "references.bib").read_text(encoding="utf-8"), (root / "docs/papers/llava.md").read_text(encoding="utf-8"))


def test_batches_pause_and_one_connection(tmp_path: Path, api: str) -> None:
    papers = [(f"p{i}", f"paper{i}", f"2401.{i:05d}", "", "") for i in range(1, 251)]
    root = make_shelf(tmp_path / "shelf", papers)
    client = enrich.ArxivClient(api, pause=0.3, batch=100)
    starts: list[float] = []
    send = client.session.request

    def timed_request(*args: Any, **kwargs: Any) -> Any:
        starts.append(time.monotonic())
        return send(*args, **kwargs)

    client.session.request = timed_request  # type: ignore[method-assign]
    try:
        report = enrich.enrich_shelf(locate(root), client, root / "cache")
    finally:
        client.close()
    assert [len(s.ids) for s in FakeArxiv.seen] == [100, 100, 50]
    # the pause is kept between the starts of requests (the server sees them later, by a varying delay)
    assert min(b - a for a, b in itertools.pairwise(starts)) >= 0.3
    assert len({s.port for s in FakeArxiv.seen}) == 1  # one kept-alive connection
    assert report.fetched == 250 and len(report.changes) == 250
    assert front(root / "docs/papers/p7.md")["date"] == "2024-01-08"
    assert check_shelf(load_shelf(locate(root))) == []


def test_errors_are_retried_and_an_interrupted_run_resumes(tmp_path: Path, api: str) -> None:
    papers = [(f"p{i}", f"paper{i}", f"2402.{i:05d}", "", "") for i in range(1, 6)]
    root = make_shelf(tmp_path / "shelf", papers)
    FakeArxiv.fail_next = 1  # one 503, then answers: retried
    FakeArxiv.fail_from = 4  # from the 4th request on, the API is down
    client = enrich.ArxivClient(api, pause=0.05, batch=2, retries=1)
    with pytest.raises(ShelfError, match=r"arxiv: 2402.00005: HTTP 503 from http://127.0.0.1:\d+/api/query after 2 tries; what was fetched is cached, run enrich again to resume"):
        enrich.enrich_shelf(locate(root), client, root / "cache")
    client.close()
    # requests: 503, then batch 1 answered, batch 2 answered, batch 3 503 twice
    assert [len(s.ids) for s in FakeArxiv.seen] == [2, 2, 2, 1, 1]
    assert len(list((root / "cache").glob("*.json"))) == 4
    assert "abstract" not in front(root / "docs/papers/p1.md")  # nothing written on failure

    FakeArxiv.fail_from, FakeArxiv.seen = 0, []
    client = enrich.ArxivClient(api, pause=0.05, batch=2)
    report = enrich.enrich_shelf(locate(root), client, root / "cache")
    client.close()
    assert [s.ids for s in FakeArxiv.seen] == [["2402.00005"]]  # only what the first run missed
    assert (report.cached, report.fetched, len(report.changes)) == (4, 1, 5)


def test_partial_answer_and_refused_ids(tmp_path: Path, api: str, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_shelf(tmp_path / "shelf", [
        ("a", "paperA", "2311.00403", "", ""),
        ("b", "paperB", "2311.00404", "", ""),
        ("c", "paperC", "2311.00405", "", ""),
    ])
    FakeArxiv.left_out = LEFT_OUT
    assert run(root, api) == 0
    captured = capsys.readouterr()
    assert "paperB: arXiv's answer left out 2311.00404; run enrich again" in captured.err
    assert "paperC: arXiv refused the identifier 2311.00405: incorrect id format for 2311.00405" in captured.err
    assert "changed 1; no answer for 2" in captured.out
    assert "abstract" in front(root / "docs/papers/a.md") and "abstract" not in front(root / "docs/papers/b.md")
    # the left-out id is asked again, alone, next time
    FakeArxiv.left_out, FakeArxiv.seen = set(), []
    assert run(root, api) == 0
    assert [s.ids for s in FakeArxiv.seen] == [["2311.00404", "2311.00405"]]
    assert "abstract" in front(root / "docs/papers/b.md")


def test_pause_below_arxiv_terms_needs_another_api(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_shelf(tmp_path / "shelf", [("a", "paperA", "2311.00403", "", "")])
    assert main(["enrich", "--root", str(root), "--pause", "1"]) == 1
    assert "at least 3 s between requests" in capsys.readouterr().err


def test_abstract_is_validated(tmp_path: Path) -> None:
    root = make_shelf(tmp_path / "shelf", [("a", "paperA", "2311.00403", "abstract: [not, text]\n", "")])
    problems = check_shelf(load_shelf(locate(root)))
    assert [(p.code.slug, p.line) for p in problems] == [("wrong-type", 6)]


def test_abstract_is_folded_on_the_page_and_searchable(make_app: Any, tmp_path: Path) -> None:
    from helpers import build, copy_root, html

    root = copy_root("basic", tmp_path)
    page = root / "papers" / "alpha.md"
    page.write_text(page.read_text(encoding="utf-8").replace("status: read\n", 'status: read\nabstract: "We study zygomorphic quokkas & <b>tags</b> stay text."\n', 1), encoding="utf-8")
    app, warnings = build(make_app, root)
    lines = [line for line in warnings.splitlines() if "alpha.md" in line]
    assert len(lines) == 1 and "alpha.md:6:" in lines[0] and "`abstract` contains HTML markup" in lines[0]
    body = html(app, "papers/alpha")
    assert '<details class="paper-abstract"><summary>Abstract</summary>' in body
    assert "zygomorphic quokkas &amp; &lt;b&gt;tags&lt;/b&gt; stay text." in body
    assert "<b>tags</b>" not in body
    from papershelf.site import search

    if not search.installed():  # Sphinx's search: its index holds the word
        index = (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
        assert re.search(r'"quokka"\s*:', index)
        return
    # Pagefind's: the page's indexed text (its fragment: gzip of "pagefind_dcd" + JSON) holds the abstract
    fragments = [json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
                 for path in (Path(app.outdir) / "pagefind" / "fragment").glob("*.pf_fragment")]
    alpha = next(f for f in fragments if f["url"].endswith("papers/alpha.html"))
    assert "zygomorphic quokkas & <b>tags</b> stay text." in alpha["content"]
