"""One HTTP policy for every source: arXiv on the shared client, and the shared client's watchdog for all.

arXiv now waits out a 429's ``Retry-After`` like the other sources (and stops
on one longer than the client accepts), keeps its 3 s between request starts
on the injected clock, and the other sources gain the deadline over the
status line and headers that only arXiv's client had.
"""

from __future__ import annotations

import http.server
import itertools
import threading
import time
from typing import TYPE_CHECKING, ClassVar

import pytest
from helpers import Clock
from papershelf.shelf.paths import ShelfError
from papershelf.sources import arxiv
from papershelf.sources.http import HttpClient, SourceError, SourceStopped
from papershelf.sources.s2 import S2Source

if TYPE_CHECKING:
    from collections.abc import Iterator

FEED = b"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><entry>
<id>http://arxiv.org/abs/2301.00001v1</id><published>2023-01-02T00:00:00Z</published><title>A paper</title>
<summary>Text.</summary><author><name>Ada Lovelace</name></author></entry></feed>
"""


class Api(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    plays: ClassVar[list[tuple[int, dict[str, str]]]] = []  #: answers played before the feed
    seen: ClassVar[int] = 0

    def do_GET(self) -> None:
        Api.seen += 1
        status, headers = Api.plays.pop(0) if Api.plays else (200, {})
        body = FEED if status == 200 else b"slow down"
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:  # the header drip: a byte every 0.3 s, each well within a read timeout
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.close_connection = True
        try:
            for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Padding: " + b"x" * 100:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.3)
        except OSError:
            pass

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def api() -> Iterator[str]:
    Api.plays, Api.seen = [], 0
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Api)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_arxiv_waits_as_retry_after_asks_and_keeps_its_pause(api: str) -> None:
    Api.plays = [(429, {"Retry-After": "7"}), (503, {})]
    clock = Clock()
    client = arxiv.ArxivClient(api, sleep=clock.sleep, clock=clock.now)
    try:
        papers, refused = client.query(["2301.00001"])
        client.query(["2301.00001"])
    finally:
        client.close()
    assert list(papers) == ["2301.00001"] and not refused and Api.seen == 4
    assert clock.slept[0] == 7.0  # Retry-After, not the backoff
    starts = [request.at for request in client.http.made]
    assert all(b - a >= arxiv.MIN_PAUSE - 1e-6 for a, b in itertools.pairwise(starts))  # arXiv's terms, on every retry too


def test_arxiv_stops_on_a_retry_after_longer_than_accepted(api: str) -> None:
    Api.plays = [(429, {"Retry-After": "3600"})]
    client = arxiv.ArxivClient(api, pause=0.0, sleep=lambda seconds: None)
    try:
        with pytest.raises(SourceStopped, match=r"arxiv: 2301.00001: HTTP 429: the API asks to wait 3600 s"):
            client.query(["2301.00001"])
    finally:
        client.close()
    assert Api.seen == 1


def test_every_source_has_one_deadline_for_status_line_and_headers(api: str) -> None:
    source = S2Source(HttpClient("s2", api, pause=0.0, timeout=1.0, retries=1, sleep=lambda seconds: None))
    started = time.monotonic()
    try:
        with pytest.raises(SourceError, match=r"s2: ARXIV:2301.00001: the answer took longer than 1 s .* after 2 tries"):
            source.fetch(["ARXIV:2301.00001"])
    finally:
        source.http.close()
    assert time.monotonic() - started < 2 * 1.0 + 1.5  # without the watchdog: 100 bytes x 0.3 s, twice


LAUGHS = ('<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "aaaaaaaaaa">'
          + "".join(f'<!ENTITY a{i} "{("&a;" if i == 1 else f"&a{i - 1};") * 10}">' for i in range(1, 9))
          + ']><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2301.00001v1</id><title>&a8;</title></entry></feed>')
EXTERNAL = ('<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/passwd">]><feed xmlns="http://www.w3.org/2005/Atom">'
            '<entry><id>http://arxiv.org/abs/2301.00001v1</id><title>&x;</title></entry></feed>')


@pytest.mark.parametrize("document", [LAUGHS, EXTERNAL], ids=["entity-expansion", "external-entity"])
def test_an_answer_declaring_entities_is_refused_unparsed(document: str) -> None:
    started = time.monotonic()
    with pytest.raises(ShelfError, match=r"for 2301.00001 is not valid XML \(it declares a DTD or entities"):
        arxiv.parse_feed(document.encode(), "2301.00001")
    with pytest.raises(ShelfError, match=r"is not valid XML \(it declares a DTD or entities"):
        arxiv.feed_entries(document, "2301.00001")
    assert time.monotonic() - started < 0.1  # 10^8 characters, never expanded
