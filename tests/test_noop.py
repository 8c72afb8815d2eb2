"""Issue 13: a build after no change redoes nothing the shelf alone decides,
and a small update with ``-j`` is read and written in Sphinx's own process.

The shelf's generation (sync.py) changes whenever a build reads, removes or
rescans anything; index pages, feeds and link findings are made again only
when it changed. The tests check the outputs, not timings.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

from helpers import build, bump, copy_root
from papershelf.site import schedule
from papershelf.site.exports import catalog

SPLIT = {"papershelf_split_above": 0}


def _mtimes(outdir: Path) -> dict[str, int]:
    return {str(p.relative_to(outdir)): p.stat().st_mtime_ns for p in outdir.rglob("*") if p.suffix in (".html", ".xml", ".bib", ".json")}


def test_a_no_op_keeps_the_generation_and_rewrites_nothing_the_shelf_decides(make_app: Any, tmp_path: Path, monkeypatch: Any) -> None:
    srcdir = copy_root("indexes", tmp_path)
    first, _ = build(make_app, srcdir, confoverrides=SPLIT)
    outdir = Path(first.outdir)
    generation = first.env.get_domain("paper").data["generation"]
    assert generation
    before = _mtimes(outdir)
    group_pages = [name for name in before if name.startswith("topics/")]
    assert group_pages, "the Topics index is split into pages"

    made = []
    real_catalog = catalog.build_catalog

    def counted(*args: Any, **kwargs: Any) -> dict[str, Any]:
        made.append(1)
        return real_catalog(*args, **kwargs)

    monkeypatch.setattr(catalog, "build_catalog", counted)
    noop, _ = build(make_app, srcdir, confoverrides=SPLIT)
    assert not made, "an unchanged shelf makes no papers.json"
    domain = noop.env.get_domain("paper")
    assert domain.unchanged and domain.data["generation"] == generation
    after = _mtimes(outdir)
    # Sphinx writes genindex and search on every build; papershelf's pages, feeds and exports stay as they were
    rewritten = sorted(name for name in after if after[name] != before.get(name))
    assert rewritten == ["genindex.html", "search.html"], rewritten

    # a group page deleted by hand is written again by the next build, even if nothing changed
    (outdir / group_pages[0]).unlink()
    build(make_app, srcdir, confoverrides=SPLIT)
    assert (outdir / group_pages[0]).is_file()

    # an edit is a new generation, and the pages showing it are written again
    beta = srcdir / "papers/beta.md"
    bump(beta, beta.read_text().replace("status: unread", "status: read"))
    edited, _ = build(make_app, srcdir, confoverrides=SPLIT)
    domain = edited.env.get_domain("paper")
    assert not domain.unchanged and domain.data["generation"] != generation
    assert made and {p["key"]: p["status"] for p in json.loads((outdir / "papers.json").read_text())["papers"]}["beta2021"] == "read"


def test_link_findings_are_reported_by_every_build(make_app: Any, tmp_path: Path) -> None:
    """The link check is not run again on a no-op; its findings are still said (a strict build fails again)."""
    srcdir = copy_root("indexes", tmp_path)
    beta = srcdir / "papers/beta.md"
    bump(beta, beta.read_text().replace("links:\n", "links:\n  paper: https://arxiv.org/abs/2003.00001\n", 1))
    said = []
    for _ in range(2):
        app, warnings = build(make_app, srcdir)
        said.append([line for line in warnings.splitlines() if "duplicate-link" in line])
    assert said[0] and said[1] == said[0] and "2003.00001" in said[0][0]
    assert app.env.get_domain("paper").unchanged
    # another edit (not of a link) keeps the finding; fixing the link ends it
    bump(beta, beta.read_text().replace("status: unread", "status: read"))
    _, warnings = build(make_app, srcdir)
    assert [line for line in warnings.splitlines() if "duplicate-link" in line] == said[0]
    bump(beta, beta.read_text().replace("https://arxiv.org/abs/2003.00001", "https://arxiv.org/abs/2106.00002"))
    _, warnings = build(make_app, srcdir)
    assert "duplicate-link" not in warnings


class _App:
    """What schedule.py reads of a Sphinx application."""

    def __init__(self, parallel: int) -> None:
        self.parallel = parallel


def _app(parallel: int) -> Any:
    return _App(parallel)


def test_few_pages_to_read_run_serially_and_many_to_write_go_back_to_the_workers() -> None:
    app = _app(3)
    schedule.on_env_before_read_docs(cast("Any", app), cast("Any", None), ["a", "b"])
    assert app.parallel == 1
    schedule.writing(cast("Any", app), 2)  # a handful of rewrites: still serial
    assert app.parallel == 1
    schedule.writing(cast("Any", app), schedule.SERIAL_PAGES + 1)
    assert app.parallel == 3
    schedule.on_build_finished(cast("Any", app), None)
    assert app.parallel == 3

    many = _app(3)
    schedule.on_env_before_read_docs(cast("Any", many), cast("Any", None), [f"p{i}" for i in range(schedule.SERIAL_PAGES + 1)])
    assert many.parallel == 3
    serial = _app(1)
    schedule.on_env_before_read_docs(cast("Any", serial), cast("Any", None), ["a"])
    schedule.on_build_finished(cast("Any", serial), None)
    assert serial.parallel == 1

    # the next build of the same application chooses again
    again = _app(3)
    schedule.on_env_before_read_docs(cast("Any", again), cast("Any", None), ["a"])
    schedule.on_build_finished(cast("Any", again), None)
    assert again.parallel == 3


def test_a_small_edit_with_j3_equals_a_clean_build(make_app: Any, tmp_path: Path) -> None:
    srcdir = copy_root("indexes", tmp_path)
    incremental = tmp_path / "incremental"
    first, _ = build(make_app, srcdir, builddir=incremental, parallel=3, confoverrides=SPLIT)
    assert first.parallel == 3
    beta = srcdir / "papers/beta.md"
    bump(beta, beta.read_text().replace('date: "2021-06"', 'date: "2019-02"'))
    edited, _ = build(make_app, srcdir, builddir=incremental, parallel=3, confoverrides=SPLIT)
    assert edited.parallel == 3  # restored once the build finished
    clean, _ = build(make_app, srcdir, builddir=tmp_path / "clean", confoverrides=SPLIT)
    left, right = Path(edited.outdir), Path(clean.outdir)
    pages = sorted(str(p.relative_to(right)) for p in right.rglob("*.html"))
    assert pages and all((left / name).read_bytes() == (right / name).read_bytes() for name in pages)
