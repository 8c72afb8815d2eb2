"""`make linkcheck`: Sphinx's linkcheck builder reports broken links of paper pages.

Runs against a local HTTP server only; no test touches the internet.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import copy_root


@pytest.fixture
def local_site(tmp_path: Path) -> Iterator[str]:
    served = tmp_path / "served"
    served.mkdir()
    (served / "ok.html").write_text("<html><body>fine</body></html>")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_linkcheck_reports_broken_paper_links(make_app, tmp_path: Path, local_site: str) -> None:
    srcdir = copy_root("basic", tmp_path)
    alpha = srcdir / "papers/alpha.md"
    alpha.write_text(
        alpha.read_text()
        .replace("https://arxiv.org/abs/2003.00001", f"{local_site}/ok.html")
        .replace("https://github.com/example/alpha", f"{local_site}/missing.html")
        .replace("https://huggingface.co/example/alpha-base", f"{local_site}/ok.html#")
    )
    (srcdir / "conf.py").write_text(
        (srcdir / "conf.py").read_text()
        + "linkcheck_ignore = [r'^(?!http://127\\.0\\.0\\.1)']\nlinkcheck_timeout = 5\nlinkcheck_retries = 1\n"
    )
    app = make_app("linkcheck", srcdir=srcdir)
    app.build()
    results = [json.loads(line) for line in (Path(app.outdir) / "output.json").read_text().splitlines()]
    by_uri = {r["uri"]: r for r in results if r["uri"].startswith(local_site)}
    assert by_uri[f"{local_site}/ok.html"]["status"] == "working"
    broken = by_uri[f"{local_site}/missing.html"]
    assert broken["status"] == "broken"
    assert broken["filename"].endswith("papers/alpha.md")
    assert "404" in broken["info"]
