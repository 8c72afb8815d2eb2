"""`papershelf add`: a paper from the arXiv API (served locally) or a BibTeX file."""

from __future__ import annotations

import datetime as dt
import shutil
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from helpers import REPO
from papershelf.cli import main
from papershelf.commands import add as arxiv
from papershelf.formats.frontmatter import split_front_matter
from papershelf.model.records import BibEntry
from papershelf.shelf import naming
from papershelf.shelf.paths import ShelfError
from papershelf.sources import arxiv as arxiv_api

if TYPE_CHECKING:
    from collections.abc import Iterator

DATA = Path(__file__).parent / "data"
RECORDED = DATA / "arxiv"
#: identifiers the fake API answers specially
SPECIAL = {"2312.99999": "empty.xml", "2301.99999": "error.xml", "2312.99998": "malformed.xml", "hep-th/9711200": "hep-th-9711200.xml"}


class FakeArxiv(BaseHTTPRequestHandler):
    """Serves recorded Atom answers of the arXiv API under /api/query."""

    requests: list[str] = []

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        FakeArxiv.requests.append(self.path)
        identifier = parse_qs(parts.query).get("id_list", [""])[0]
        if parts.path != "/api/query" or identifier == "2312.99997":
            self.send_response(503)
            self.end_headers()
            return
        name = SPECIAL.get(identifier, f"{identifier}.xml")
        body = (RECORDED / name if (RECORDED / name).exists() else RECORDED / "empty.xml").read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/atom+xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@pytest.fixture(scope="module")
def api() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeArxiv)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api"
    server.shutdown()
    server.server_close()


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    """A copy of the real shelf."""
    root = tmp_path / "shelf"
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copy(REPO / "conf.py", root)
    shutil.copy(REPO / "references.bib", root)
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def front(path: Path) -> dict[str, object]:
    split = split_front_matter(path.read_text(encoding="utf-8"))
    assert split is not None
    return yaml.safe_load(split[0])


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("text", ["2305.06500", "2305.06500v2", "arXiv:2305.06500", "https://arxiv.org/abs/2305.06500v1", "http://arxiv.org/pdf/2305.06500.pdf", "arxiv.org/pdf/2305.06500v2"])
def test_identifier_forms(text: str) -> None:
    assert arxiv.parse_identifier(text) == "2305.06500"


def test_old_style_identifier_and_refusal_of_garbage() -> None:
    assert arxiv.parse_identifier("https://arxiv.org/abs/hep-th/9901001v3") == "hep-th/9901001"
    with pytest.raises(ShelfError, match="not an arXiv identifier"):
        arxiv.parse_identifier("https://example.org/paper.pdf")


def test_add_writes_page_and_entry_in_the_shelf_style(api: str, shelf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bib_before = (shelf / "references.bib").read_text(encoding="utf-8")
    code, out, err = run(capsys, "--root", str(shelf), "add", "https://arxiv.org/abs/2305.06500v2", "--api-url", api)
    assert (code, err) == (0, ""), err
    assert "added InstructBLIP (dai2023instructblip): docs/papers/instructblip.md" in out
    page = shelf / "docs" / "papers" / "instructblip.md"
    assert front(page) == {
        "key": "dai2023instructblip",  # the shelf's dominant style: <lastname><year><firstword>
        "title": "InstructBLIP: Towards General-purpose Vision-Language Models with Instruction Tuning",
        "short_name": "InstructBLIP",
        "status": "unread",
        "date": "2023-05",
        "added": dt.date.today().isoformat(),
        "links": {"paper": "https://arxiv.org/abs/2305.06500"},
    }
    bib = (shelf / "references.bib").read_text(encoding="utf-8")
    assert bib.startswith(bib_before.rstrip("\n") + "\n\n@misc{dai2023instructblip,\n")
    added = bib[len(bib_before.rstrip("\n")) :]
    assert "title={{InstructBLIP}: Towards General-purpose Vision-Language Models with Instruction Tuning}" in added
    assert "author={Wenliang Dai and Junnan Li and Dongxu Li and Anthony Meng Huat Tiong and Junqi Zhao and Weisheng Wang and Boyang Li and Pascale Fung and Steven Hoi}" in added
    for field in ("year={2023}", "eprint={2305.06500}", "archivePrefix={arXiv}", "primaryClass={cs.CV}", "url={https://arxiv.org/abs/2305.06500}"):
        assert field in added
    # the new shelf is clean
    assert run(capsys, "--root", str(shelf), "check")[0] == 0


def test_title_without_colon_and_stopword_key(api: str, shelf: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAPERSHELF_ARXIV_API", api)  # the env var names the API
    monkeypatch.chdir(shelf / "docs")  # the shelf is found from the current directory
    FakeArxiv.requests.clear()
    assert run(capsys, "add", "2306.13549")[0] == 0
    assert FakeArxiv.requests and "id_list=2306.13549" in FakeArxiv.requests[0]
    data = front(shelf / "docs" / "papers" / "a-survey-on-multimodal-large-language.md")
    assert data["key"] == "yin2023survey"
    assert data["title"] == "A Survey on Multimodal Large Language Models"
    assert data["short_name"] == "A Survey on Multimodal Large Language"  # within the 40-character limit: no long-text warning


def test_refuses_a_paper_already_on_the_shelf(api: str, shelf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(shelf)
    FakeArxiv.requests.clear()
    code, out, err = run(capsys, "--root", str(shelf), "add", "arXiv:2304.08485v1", "--api-url", api)
    assert code == 1 and out == ""
    assert "already on the shelf as 'liu2023llava' (docs/papers/llava.md)" in err
    assert FakeArxiv.requests == []  # refused before asking arXiv
    assert snapshot(shelf) == before


def test_old_style_paper_is_added_once(api: str, shelf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An old-style id is known to the refusal check in every form: no second page."""
    code, out, err = run(capsys, "--root", str(shelf), "add", "arXiv:hep-th/9711200v2", "--api-url", api)
    assert (code, err) == (0, ""), err
    page = next(p for p in (shelf / "docs" / "papers").glob("*.md") if "maldacena" in p.read_text(encoding="utf-8"))
    data = front(page)
    assert data["links"] == {"paper": "https://arxiv.org/abs/hep-th/9711200"}
    assert data["date"] == "1997-11"  # from the API's v1 date; the id encodes the same month
    bib = (shelf / "references.bib").read_text(encoding="utf-8")
    assert "eprint={hep-th/9711200}" in bib
    assert run(capsys, "--root", str(shelf), "check")[0] == 0  # what add writes passes check
    after_first = snapshot(shelf)
    FakeArxiv.requests.clear()
    for again in ("hep-th/9711200", "https://arxiv.org/pdf/hep-th/9711200v3.pdf", "http://export.arxiv.org/abs/HEP-TH/9711200?context=hep-th"):
        code, out, err = run(capsys, "--root", str(shelf), "add", again, "--api-url", api)
        assert code == 1 and out == ""
        assert f"arXiv hep-th/9711200 is already on the shelf as {data['key']!r} ({page.relative_to(shelf).as_posix()})" in err
    assert FakeArxiv.requests == []
    assert snapshot(shelf) == after_first


def test_old_style_bibtex_entry_is_added_once(shelf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """add --bibtex reads an old-style ``eprint``: the page links it, dates it by the id, and a second add is refused."""
    entry = tmp_path / "old.bib"
    entry.write_text("@article{maldacena1999large,\n  title = {The Large N Limit of Superconformal Field Theories and Supergravity},\n  author = {Maldacena, Juan},\n  journal = {Int. J. Theor. Phys.},\n  year = {1999},\n  eprint = {hep-th/9711200},\n  archivePrefix = {arXiv},\n}\n", encoding="utf-8")
    assert run(capsys, "--root", str(shelf), "add", "--bibtex", str(entry))[0] == 0
    pages = [p for p in (shelf / "docs" / "papers").glob("*.md") if "maldacena1999large" in p.read_text(encoding="utf-8")]
    assert len(pages) == 1
    data = front(pages[0])
    assert (data["links"], data["date"]) == ({"paper": "https://arxiv.org/abs/hep-th/9711200"}, "1997-11")
    entry.write_text(entry.read_text(encoding="utf-8").replace("maldacena1999large", "other1999key").replace("{hep-th/9711200}", "{arXiv:hep-th/9711200v3}"), encoding="utf-8")
    code, _, err = run(capsys, "--root", str(shelf), "add", "--bibtex", str(entry))
    assert code == 1 and "arXiv hep-th/9711200 is already on the shelf as 'maldacena1999large'" in err
    assert not [p for p in (shelf / "docs" / "papers").glob("*.md") if "other1999key" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize(
    ("identifier", "message"),
    [
        ("2312.99999", "arXiv has no paper with the identifier 2312.99999"),
        ("2301.99999", "arXiv refused the identifier 2301.99999: incorrect id format for 2301.99999"),
        ("2312.99998", "is not valid XML"),
        ("2312.99997", "answered HTTP 503"),
    ],
)
def test_api_failures_change_nothing(api: str, shelf: Path, capsys: pytest.CaptureFixture[str], identifier: str, message: str) -> None:
    before = snapshot(shelf)
    code, out, err = run(capsys, "--root", str(shelf), "add", identifier, "--api-url", api)
    assert code == 1 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    assert snapshot(shelf) == before


def test_network_failure_changes_nothing(shelf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = snapshot(shelf)
    code, _, err = run(capsys, "--root", str(shelf), "add", "2305.06500", "--api-url", f"http://127.0.0.1:{port}/api", "--timeout", "5")
    assert code == 1
    assert err.startswith("papershelf add: error: cannot reach the arXiv API at http://127.0.0.1:") and len(err.strip().splitlines()) == 1
    assert snapshot(shelf) == before


def test_add_from_bibtex_offline(shelf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--root", str(shelf), "add", "--bibtex", str(DATA / "entry-instructblip.bib"), "--status", "read")
    assert (code, err) == (0, "")
    data = front(shelf / "docs" / "papers" / "instructblip.md")
    assert (data["key"], data["short_name"], data["status"], data["date"]) == ("dai2023instructblip", "InstructBLIP", "read", "2023-05")
    assert data["links"] == {"paper": "https://arxiv.org/abs/2305.06500"}
    assert (DATA / "entry-instructblip.bib").read_text(encoding="utf-8").strip() in (shelf / "references.bib").read_text(encoding="utf-8")
    assert run(capsys, "--root", str(shelf), "check")[0] == 0
    # the same entry again: refused (same eprint, same key)
    before = snapshot(shelf)
    code, _, err = run(capsys, "--root", str(shelf), "add", "--bibtex", str(DATA / "entry-instructblip.bib"))
    assert code == 1 and "already on the shelf" in err
    assert snapshot(shelf) == before


def test_add_from_broken_bibtex_is_refused(shelf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(shelf)
    code, _, err = run(capsys, "--root", str(shelf), "add", "--bibtex", str(DATA / "entry-broken.bib"))
    assert code == 1 and "bib-syntax" in err and "a comma is missing" in err
    assert snapshot(shelf) == before


def test_key_is_made_unique(api: str, shelf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bib = shelf / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + "\n@misc{dai2023instructblip,\n  title={Something else},\n  author={Dai, W.},\n  year={2023}\n}\n", encoding="utf-8")
    assert run(capsys, "--root", str(shelf), "add", "2305.06500", "--api-url", api)[0] == 0
    assert front(shelf / "docs" / "papers" / "instructblip.md")["key"] == "dai2023instructblipb"


def test_key_style_follows_the_dominant_pattern() -> None:
    def entry(key: str, author: str, year: str, title: str) -> BibEntry:
        return BibEntry(key, 1, "", "misc", (("author", author), ("year", year), ("title", title)))

    arxiv_style = [
        entry("lu2024deepseekvlrealworldvisionlanguageunderstanding", "Haoyu Lu and Wen Liu", "2024", "DeepSeek-VL: Towards Real-World Vision-Language Understanding"),
        entry("liu2023visualinstructiontuning", "Liu, Haotian", "2023", "Visual Instruction Tuning"),
        entry("li2023blip2", "Junnan Li", "2023", "BLIP-2: Bootstrapping"),
    ]
    assert naming.detect_style(arxiv_style) == "arxiv"
    assert naming.make_key("arxiv", "Wenliang Dai", "2023", "InstructBLIP: Towards General-purpose Vision-Language Models", set()) == "dai2023instructblipgeneralpurposevisionlanguagemodels"
    semantic = [entry("BetkerImprovingIG", "James Betker", "2023", "Improving Image Generation with Better Captions")]
    assert naming.detect_style(semantic) == "semantic"
    assert naming.detect_style([]) == "scholar"


def test_feed_parsing_handles_namespaces_and_whitespace() -> None:
    paper = arxiv_api.parse_feed((RECORDED / "2305.06500.xml").read_bytes(), "2305.06500")
    assert paper.title == "InstructBLIP: Towards General-purpose Vision-Language Models with Instruction Tuning"
    assert paper.authors[0] == "Wenliang Dai" and len(paper.authors) == 9
    assert (paper.month, paper.primary_class, paper.abs_url) == ("2023-05", "cs.CV", "https://arxiv.org/abs/2305.06500")
    with pytest.raises(ShelfError, match=r"instead of 2305\.06501"):
        arxiv_api.parse_feed((RECORDED / "2305.06500.xml").read_bytes(), "2305.06501")
