"""What a reader's browser transfers: one search, one filter action (Chromium via playwright).

Each measurement serves a built site on 127.0.0.1, opens a page, lets it
settle (its own files and the theme's are then in the browser's cache), and
counts the bytes of every response that one action causes (body and
headers, as Chromium reports them) until the network is idle and the result
is on screen:

``first_search``
    on the landing page, a query typed into furo's sidebar box and sent
    (Enter): the search page and whatever its search loads;
``filter``
    on the chronology's overview, one topic chosen in the filter: the rows
    it shows and the data behind them.

Debian's Chromium (``/usr/bin/chromium``) is used, with the flags of
tests/test_browser.py; without it (or without playwright) nothing is
measured.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import shutil
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


def available() -> bool:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return Path(CHROMIUM).exists()


#: served gzip-compressed when ``compress`` is on, as static hosts (Read the Docs, GitHub Pages) do
TEXT_TYPES = (".html", ".js", ".css", ".json", ".svg", ".txt", ".xml")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    compress = False

    def log_message(self, format: str, *args: Any) -> None:
        """No line per request."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")  # the theme's files stay cached across pages
        super().end_headers()

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if not (self.compress and path.suffix in TEXT_TYPES and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            super().do_GET()
            return
        data = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class _Compressing(_Quiet):
    compress = True


@contextlib.contextmanager
def serve(folder: Path, compress: bool = False) -> Iterator[str]:
    """``folder`` over HTTP on 127.0.0.1 (text gzip-compressed with ``compress``); yields its base URL."""
    handler = functools.partial(_Compressing if compress else _Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


class Counter:
    """Bytes of the responses a page receives while counting."""

    def __init__(self, page: Any) -> None:
        self.bytes = 0
        self.requests: list[tuple[str, int]] = []
        self.on = False
        page.on("requestfinished", self._finished)

    def _finished(self, request: Any) -> None:
        if not self.on:
            return
        try:
            sizes = request.sizes()
        except Exception:  # the page navigated away meanwhile
            return
        size = int(sizes.get("responseBodySize", 0)) + int(sizes.get("responseHeadersSize", 0))
        self.bytes += size
        self.requests.append((request.url, size))

    @contextlib.contextmanager
    def counting(self) -> Iterator[Counter]:
        self.bytes, self.requests, self.on = 0, [], True
        try:
            yield self
        finally:
            self.on = False


def first_search(browser: Any, base: str, query: str, width: int = 1280) -> dict[str, Any]:
    """Bytes of a first search from the landing page's sidebar box; the top results' titles."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    counter = Counter(page)
    page.goto(base + "index.html", wait_until="networkidle")
    with counter.counting():
        box = page.locator("input.sidebar-search").first
        if not box.is_visible():  # a phone: the box sits in the drawer
            page.locator("label[for='__navigation']").first.click()
        box.fill(query)
        box.press("Enter")
        page.wait_for_load_state("networkidle")
        titles = _result_titles(page)
        page.wait_for_load_state("networkidle")
        links = page.eval_on_selector_all(".pagefind-ui__result-link, #search-results ul.search li a", "els => els.map(e => new URL(e.href).pathname)")
    page.close()
    root = base.split("/", 3)[-1] if base.count("/") > 3 else ""
    first = links[0].lstrip("/").removeprefix(root) if links else ""
    return {"query": query, "bytes": counter.bytes, "requests": len(counter.requests), "titles": titles, "first": first}


def _result_titles(page: Any) -> list[str]:
    if page.locator("#papershelf-search").count():
        page.wait_for_selector(".pagefind-ui__result-title", timeout=15_000)
        return [t.strip() for t in page.locator(".pagefind-ui__result-title").all_inner_texts()][:5]
    page.wait_for_selector("#search-results ul.search li", timeout=60_000)  # Sphinx's search page
    return [t.strip() for t in page.locator("#search-results ul.search li a").all_inner_texts()][:5]


def filter_action(browser: Any, base: str, page_name: str = "chronology.html", width: int = 1280) -> dict[str, Any]:
    """Bytes of one filter action on the chronology overview: its biggest topic chosen."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    counter = Counter(page)
    page.goto(base + page_name, wait_until="networkidle")
    page.wait_for_selector("form.paper-filter select[name=tag]", timeout=30_000)
    options = page.eval_on_selector_all("form.paper-filter select[name=tag] option", "os => os.map(o => [o.value, o.textContent])")
    choice = options[1][0]
    with counter.counting():
        page.select_option("form.paper-filter select[name=tag]", choice)
        page.wait_for_load_state("networkidle")
        page.wait_for_function("() => !document.querySelector('.paper-filter-results[aria-busy=true]')", timeout=30_000)
        shown = page.locator("tr.paper-row:not([hidden])").count()
        summary = page.locator(".paper-filter-count").inner_text()
    page.close()
    return {"topic": choice, "bytes": counter.bytes, "requests": len(counter.requests), "rows": shown, "summary": summary}
