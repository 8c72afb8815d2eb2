"""Measure papershelf builds on synthetic shelves against their plain-MyST floor.

For each size N: a clean build of the floor and of the shelf (wall time, peak
memory), the floor's no-op rebuild and one floor page edited (what Sphinx,
MyST and furo cost per rebuild without papershelf: the least an edit can
cost), the largest HTML pages, a no-op rebuild, one paper page edited
(its ``status``, then its ``date``, then its ``tags``) and one BibTeX entry
edited (its ``title``), each with the pages Sphinx wrote, and
``python -m papershelf check``. At the target size (N=2000; 200 with
``--quick``) clean builds with ``-j 1``, ``-j 3`` and ``-j auto`` too.
Each size of the page-size bound (N=1000 and 5000) not among the sizes gets
one clean build of the shelf alone, for its largest pages (and, at 5000, the
peak memory); ``--no-page-sizes`` skips it.

What a reader transfers (``--no-reader`` skips it): at N=1000 and 5000, a
clean build with Pagefind (the default search) and one with Sphinx's search
(``-D papershelf_search=sphinx``), Pagefind's own indexing time, the largest
page, and in Chromium (:mod:`bench.browser`) the bytes of a first search
from the landing page's box and of one filter action on the chronology, as
served plain and gzip-compressed (as static hosts serve text).

The edit loop (``--no-edit-loop`` skips it): at N=1000 (``--edit-loop-sizes``),
one paper page edited and built again, alternately with Pagefind's index made
before the build returns (``PAPERSHELF_PAGEFIND=wait``, what every edit cost
before) and refreshed in the background (the default for a local build
with an index), twice each: the build's time and the time until the index
holds the edit.

The living shelf (issue 24; ``--no-living`` skips it): at N=2000, the same
shelf built clean without and with :func:`synth.write_living`'s data
(metrics, 20,000 ``cites`` edges, the Authors and Venues pages), twice
each, interleaved, the fastest of each counting: their ratio against 1.3x,
and the living shelf's largest page against 400 kB.

Import (``--no-import`` skips it): at N=2000 and 8000 (``--import-sizes``),
``python -m papershelf import`` of a generated awesome list
(:func:`synth.awesome_list`, a bullet per paper) into a fresh shelf: wall
time and peak memory of the import process, and the papers it created.

``--only`` runs some of these parts alone (e.g. ``--only reader,living``).

Every build runs ``sphinx-build -c . -b html -W --keep-going -j J docs
_build/html`` in a child process, as ``make html`` does. The child is a small
launcher that runs Sphinx in-process and then reads its own peak RSS
(``RUSAGE_SELF``: the main process) and that of its reaped workers
(``RUSAGE_CHILDREN``: the largest worker); workers' memory is not summed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from importlib import metadata
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench import DEFAULT_OUT, synth

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

SIZES = (500, 1000, 2000)
FULL_SIZES = (500, 1000, 2000, 5000)
QUICK_SIZES = (50, 200)
TARGET_N = 2000
PARALLEL_JOBS = ("1", "3", "auto")
DEFAULT_WORKDIR = Path("_build/bench")

#: limits of the targets (see docs/performance.md)
FLOOR_RATIO = 1.3
SCALING_PER_4X = 4.5  #: time(4N)/time(N); other size ratios scale it linearly
NOOP_SECONDS = 2.0
EDIT_FRACTION = 0.05
NOOP_FRACTION = 0.03
#: N -> largest HTML page allowed (bytes): pages must not grow with the shelf
PAGE_BYTES = {1000: 400_000, 5000: 400_000}
READER_SIZES = (1000, 5000)
#: N -> bytes one filter action may transfer (issue 23)
FILTER_BYTES = {5000: 300_000}
EDIT_LOOP_SIZES = (1000,)
EDIT_LOOP_ROUNDS = 2
LIVING_N = 2000
LIVING_EDGES = 20_000
LIVING_RATIO = 1.3  #: the living shelf's clean build / the same shelf's without its data (issue 24)
LIVING_PAGE_BYTES = 400_000
IMPORT_SIZES = (2000, 8000)
PARTS = ("sizes", "parallel", "page-sizes", "reader", "edit-loop", "living", "import")
PARALLEL_SPEEDUP = 1.5
MEMORY_BYTES = 1 << 30
MEMORY_N = 5000
CHECK_SECONDS = 2.0

#: runs ``main`` of a module in-process (Sphinx's build, the papershelf CLI), then reports the peak RSS of the
#: process and of its children
_LAUNCH = r"""
import json, resource, sys
from {module} import main
report, args = sys.argv[1], sys.argv[2:]
code = 1
try:
    code = main(args)
finally:
    with open(report, "w") as handle:
        json.dump({{"self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                   "children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}}, handle)
sys.exit(code)
"""
LAUNCHER = _LAUNCH.format(module="sphinx.cmd.build")
CLI_LAUNCHER = _LAUNCH.format(module="papershelf.cli")
HREF = re.compile(r'href="([^"]*)"')


class BenchError(RuntimeError):
    """A build failed: the numbers would mean nothing."""


@dataclass
class Build:
    """One sphinx-build run."""

    seconds: float  #: wall time of the child process
    main_rss_mib: float  #: peak RSS of the main Sphinx process
    worker_rss_mib: float  #: peak RSS of the largest worker process (0 when serial)
    jobs: str


@dataclass
class Edit:
    """An incremental build after one edit."""

    what: str
    target: str  #: docname of the edited paper
    build: Build
    written: list[str]  #: docnames whose HTML file was rewritten
    unexpected: list[str] = field(default_factory=list)  #: written, but neither the page, a page linking to it, nor an index page
    fraction: float = 0.0  #: of the full build's time


@dataclass
class SizeResult:
    n: int
    pages: int  #: HTML pages of the full build
    generate_seconds: float
    floor: Build
    full: Build
    full_runs: list[float]  #: every clean build's seconds (the best is ``full``)
    ratio: float  #: full / floor
    noop: Build
    noop_fraction: float  #: of the full build's time
    edit_paper: Edit  #: status
    edit_date: Edit
    edit_tags: Edit
    edit_bib: Edit
    largest_pages: list[tuple[str, int]]  #: the five largest HTML pages (docname, bytes)
    check: dict[str, Any] | None  #: seconds and returncode, or None without papershelf.cli
    #: the floor's no-op rebuild and one floor page edited: what Sphinx, MyST and furo
    #: alone cost per build at this size, the least any edit of the shelf can cost
    floor_noop: Build | None = None
    floor_edit: Build | None = None


@dataclass
class PageSizes:
    """One clean build of a shelf, measured for its largest pages only."""

    n: int
    pages: int  #: HTML pages of the build
    full: Build
    largest_pages: list[tuple[str, int]]  #: the five largest HTML pages (docname, bytes)


# ---------------------------------------------------------------- running builds


def _env() -> dict[str, str]:
    """The child imports this very papershelf, installed or not."""
    import papershelf

    env = dict(os.environ)
    package_parent = str(Path(papershelf.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH", "")) if p)
    return env


def _mib(maxrss: int) -> float:
    """ru_maxrss is KiB on Linux, bytes on macOS."""
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


def sphinx_build(project: Path, jobs: str = "3", clean: bool = False, extra: Sequence[str] = (), out: str = "_build",
                 env: dict[str, str] | None = None) -> Build:
    """Build ``project`` like ``make html`` does (into ``out``/html), with ``env`` added to the
    environment; raise BenchError on failure or warnings."""
    if clean and (project / out).exists():
        shutil.rmtree(project / out)
    args = ["-c", ".", "-b", "html", "-W", "--keep-going", "-q", "-j", jobs, *extra, "docs", f"{out}/html"]
    proc, seconds, usage = _launched(LAUNCHER, args, project, {**_env(), **(env or {})})
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).splitlines()[-20:])
        raise BenchError(f"sphinx-build -j {jobs} in {project} exited with {proc.returncode}:\n{tail}")
    return Build(round(seconds, 3), round(_mib(usage.get("self", 0)), 1), round(_mib(usage.get("children", 0)), 1), jobs)


def _launched(launcher: str, args: list[str], cwd: Path, env: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], float, dict[str, int]]:
    """Run ``launcher`` with ``args`` in ``cwd``: the finished process, its wall seconds and its peak RSS report."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        report = Path(handle.name)
    try:
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", launcher, str(report), *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
        usage = json.loads(report.read_text() or "{}")
    finally:
        report.unlink(missing_ok=True)
    return proc, seconds, usage


def largest_pages(outdir: Path, count: int = 5) -> list[tuple[str, int]]:
    """The ``count`` largest HTML pages of a build, largest first."""
    sizes = [(doc, (outdir / f"{doc}.html").stat().st_size) for doc in html_mtimes(outdir)]
    return sorted(sizes, key=lambda item: (-item[1], item[0]))[:count]


def html_mtimes(outdir: Path) -> dict[str, int]:
    """docname -> mtime_ns of every HTML page (static files left out)."""
    result = {}
    for path in outdir.rglob("*.html"):
        rel = path.relative_to(outdir).as_posix()
        if not rel.startswith("_"):
            result[rel[: -len(".html")]] = path.stat().st_mtime_ns
    return result


def written_since(before: dict[str, int], outdir: Path) -> list[str]:
    after = html_mtimes(outdir)
    return sorted(doc for doc, mtime in after.items() if before.get(doc) != mtime)


def pages_linking_to(outdir: Path, docname: str) -> set[str]:
    """Pages whose HTML holds a link to ``docname``'s page (read before an edit)."""
    target = f"{docname}.html"
    found = set()
    for page in html_mtimes(outdir):
        text = (outdir / f"{page}.html").read_text(encoding="utf-8")
        base = posixpath.dirname(page)
        for href in HREF.findall(text):
            href = href.split("#", 1)[0].split("?", 1)[0]
            if not href or "://" in href or href.startswith(("/", "mailto:")):
                continue
            if posixpath.normpath(posixpath.join(base, href)) == target:
                found.add(page)
                break
    found.discard(docname)
    return found


def run_check(project: Path) -> dict[str, Any] | None:
    """Time ``python -m papershelf check`` on the shelf, when the CLI exists."""
    if find_spec("papershelf.cli") is None:
        return None
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "papershelf", "check", "--root", str(project.resolve())], cwd=project, env=_env(), capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    result: dict[str, Any] = {"seconds": round(seconds, 3), "returncode": proc.returncode}
    if proc.returncode:
        result["output"] = "\n".join((proc.stdout + proc.stderr).splitlines()[-10:])
    return result


def _best(project: Path, jobs: str, repeat: int) -> tuple[Build, list[float]]:
    runs = [sphinx_build(project, jobs, clean=True) for _ in range(max(1, repeat))]
    return min(runs, key=lambda b: b.seconds), [b.seconds for b in runs]


def measure_size(n: int, seed: int, workdir: Path, jobs: str, repeat: int, log: Any) -> SizeResult:
    start = time.perf_counter()
    shelf = synth.generate(n, seed)
    project = synth.write_shelf(shelf, workdir / f"shelf-{n}")
    floor_project = synth.write_floor(shelf, workdir / f"floor-{n}")
    generate_seconds = time.perf_counter() - start
    outdir = project / "_build" / "html"

    log(f"N={n}: floor build")
    floor, _ = _best(floor_project, jobs, repeat)
    log(f"N={n}: the floor's no-op rebuild and one floor page edited")
    floor_noop = sphinx_build(floor_project, jobs)
    target = shelf.pick_edit_target()
    floor_page = floor_project / "docs" / "papers" / f"{target.slug}.md"
    floor_page.write_text(floor_page.read_text(encoding="utf-8") + "\nEdited by the benchmark.\n", encoding="utf-8")
    floor_edit = sphinx_build(floor_project, jobs)
    log(f"N={n}: full build ({floor.seconds:.1f} s for the floor)")
    full, full_runs = _best(project, jobs, repeat)
    pages = len(html_mtimes(outdir))
    log(f"N={n}: no-op rebuild ({full.seconds:.1f} s full)")
    noop = sphinx_build(project, jobs)

    largest = largest_pages(outdir)
    docname = f"papers/{target.slug}"
    page = project / "docs" / f"{docname}.md"
    allowed = pages_linking_to(outdir, docname) | {docname, *shelf.site_pages, "genindex", "search", "py-modindex"}

    def edit(what: str, change: Callable[[], None]) -> Edit:
        log(f"N={n}: edit the {what} of {docname}")
        before = html_mtimes(outdir)
        change()
        build = sphinx_build(project, jobs)
        written = written_since(before, outdir)
        # Pages linking to the paper after the edit (new neighbours in time) are
        # expected too, as are the generated pages of an index (topics/x).
        expected = allowed | pages_linking_to(outdir, docname)
        unexpected = [page for page in written if page not in expected and not _group_page(page, shelf.site_pages)]
        return Edit(what, docname, build, written, sorted(unexpected), round(build.seconds / full.seconds, 4))

    new_status = "reading" if target.status != "reading" else "read"
    edit_paper = edit("status", lambda: synth.set_status(page, new_status))
    edit_date = edit("date", lambda: synth.set_date(page, _next_month(target.date)))
    edit_tags = edit("tags", lambda: synth.add_tag(page, "bench edit"))
    edit_bib = edit("bibtex title", lambda: synth.retitle_bib_entry(project / "references.bib", target.key))

    log(f"N={n}: papershelf check")
    check = run_check(project)
    return SizeResult(
        n=n,
        pages=pages,
        generate_seconds=round(generate_seconds, 3),
        floor=floor,
        full=full,
        full_runs=full_runs,
        ratio=round(full.seconds / floor.seconds, 3),
        noop=noop,
        noop_fraction=round(noop.seconds / full.seconds, 4),
        edit_paper=edit_paper,
        edit_date=edit_date,
        edit_tags=edit_tags,
        edit_bib=edit_bib,
        largest_pages=largest,
        check=check,
        floor_noop=floor_noop,
        floor_edit=floor_edit,
    )


def measure_page_sizes(n: int, seed: int, workdir: Path, jobs: str, log: Any) -> PageSizes:
    """A clean build of the shelf of size ``n`` (no floor, no edits): its largest pages."""
    project = synth.write_shelf(synth.generate(n, seed), workdir / f"shelf-{n}")
    log(f"N={n}: full build, for the page sizes")
    full = sphinx_build(project, jobs, clean=True)
    outdir = project / "_build" / "html"
    return PageSizes(n, len(html_mtimes(outdir)), full, largest_pages(outdir))


def measure_reader(n: int, seed: int, workdir: Path, jobs: str, log: Any) -> dict[str, Any]:
    """Clean builds with and without Pagefind, and what a reader's browser transfers (bench.browser)."""
    from papershelf.site.search import build_index

    from bench import browser

    shelf = synth.generate(n, seed)
    project = synth.write_shelf(shelf, workdir / f"reader-{n}")
    log(f"N={n}: clean build with Pagefind")
    with_pagefind = sphinx_build(project, jobs, clean=True)
    outdir = project / "_build" / "html"
    start = time.perf_counter()
    indexed = build_index(outdir)  # the same work as the build's own step, timed alone
    pagefind_seconds = round(time.perf_counter() - start, 3)
    log(f"N={n}: clean build with Sphinx's search")
    without = sphinx_build(project, jobs, clean=True, extra=["-D", "papershelf_search=sphinx"], out="_build_sphinx")
    result: dict[str, Any] = {
        "n": n,
        "pages": len(html_mtimes(outdir)),
        "full": asdict(with_pagefind),
        "build_with_pagefind": with_pagefind.seconds,
        "build_with_sphinx_search": without.seconds,
        "pagefind_seconds": pagefind_seconds,
        "pagefind_pages": indexed,
        "largest_pages": largest_pages(outdir),
        "browser": None,
    }
    if not browser.available():
        log("no Chromium/playwright: bytes per action not measured")
        return result
    paper = shelf.papers[len(shelf.papers) // 2]
    measured: dict[str, Any] = {"query": paper.short_name, "expected": f"papers/{paper.slug}.html"}
    for compress in (False, True):
        label = "gzip" if compress else "plain"
        log(f"N={n}: Chromium, a first search and a filter action ({label})")
        with browser.serve(outdir, compress) as base, browser.chromium() as chrome:
            measured[f"search_{label}"] = browser.first_search(chrome, base, paper.short_name)
            measured[f"filter_{label}"] = browser.filter_action(chrome, base)
    log(f"N={n}: Chromium, a first search on Sphinx's search page (for comparison)")
    with browser.serve(project / "_build_sphinx" / "html") as base, browser.chromium() as chrome:
        measured["search_sphinx_plain"] = browser.first_search(chrome, base, paper.short_name)
    result["browser"] = measured
    return result


def measure_edit_loop(n: int, seed: int, workdir: Path, jobs: str, log: Any, rounds: int = EDIT_LOOP_ROUNDS) -> dict[str, Any]:
    """One paper page edited and built again, Pagefind waited for or refreshed in the background, alternately."""
    from papershelf.site import search

    shelf = synth.generate(n, seed)
    project = synth.write_shelf(shelf, workdir / f"edit-loop-{n}")
    outdir = project / "_build" / "html"
    state = outdir / ".doctrees"  # sphinx-build's default: no -d
    log(f"N={n}: edit loop, clean build")
    full = sphinx_build(project, jobs, clean=True)
    page = project / "docs" / "papers" / f"{shelf.pick_edit_target().slug}.md"
    runs: dict[str, list[dict[str, float]]] = {"wait": [], "background": []}
    for turn in range(max(1, rounds)):
        for mode in ("wait", "background"):
            log(f"N={n}: edit loop, one page edited, Pagefind: {mode} ({turn + 1}/{rounds})")
            page.write_text(page.read_text(encoding="utf-8") + f"\nEdited by the benchmark ({mode} {turn}).\n", encoding="utf-8")
            start = time.perf_counter()
            build = sphinx_build(project, jobs, env={search.REFRESH_ENV: mode})
            try:
                search.wait_until_fresh(outdir, state, timeout=600)
            except (RuntimeError, TimeoutError) as error:
                raise BenchError(f"edit loop at N={n}: {error}") from error
            runs[mode].append({"build": build.seconds, "fresh": round(time.perf_counter() - start, 3)})
    best = {mode: min(found, key=lambda run: run["build"]) for mode, found in runs.items()}
    return {"n": n, "full": asdict(full), "runs": runs, "wait": best["wait"], "background": best["background"]}


def measure_living(n: int, seed: int, workdir: Path, jobs: str, log: Any, rounds: int = 2, edges: int = LIVING_EDGES) -> dict[str, Any]:
    """The same shelf built clean without and with the living data (issue 24), interleaved; the fastest of each counts."""
    shelf = synth.generate(n, seed)
    plain = synth.write_shelf(shelf, workdir / f"plain-{n}")
    living = synth.write_shelf(shelf, workdir / f"living-{n}")
    written = synth.write_living(shelf, living, edges)
    runs: dict[str, list[Build]] = {"plain": [], "living": []}
    for turn in range(max(1, rounds)):
        for name, project in (("plain", plain), ("living", living)):
            log(f"N={n}: {name} shelf, clean build ({turn + 1}/{rounds})")
            runs[name].append(sphinx_build(project, jobs, clean=True))
    best = {name: min(found, key=lambda build: build.seconds) for name, found in runs.items()}
    outdir = living / "_build" / "html"
    return {
        "n": n,
        "edges": written,
        "pages": len(html_mtimes(outdir)),
        "plain": asdict(best["plain"]),
        "living": asdict(best["living"]),
        "runs": {name: [build.seconds for build in found] for name, found in runs.items()},
        "ratio": round(best["living"].seconds / best["plain"].seconds, 3),
        #: each round's living / plain: builds back to back share the load of their moment
        "round_ratios": [round(living.seconds / plain.seconds, 3) for plain, living in zip(runs["plain"], runs["living"], strict=True)],
        "largest_pages": largest_pages(outdir),
    }


def measure_import(n: int, seed: int, workdir: Path, log: Any) -> dict[str, Any]:
    """``papershelf import`` of a generated list of ``n`` bullets into a fresh shelf (``papershelf init``)."""
    listing = synth.write_list(synth.generate(n, seed), workdir / f"list-{n}.md")
    project = workdir / f"import-{n}"
    if project.exists():
        shutil.rmtree(project)
    init = subprocess.run([sys.executable, "-m", "papershelf", "init", str(project)], env=_env(), capture_output=True, text=True, check=False)
    if init.returncode != 0:
        raise BenchError(f"papershelf init {project} exited with {init.returncode}:\n{init.stderr or init.stdout}")
    log(f"N={n}: papershelf import of a generated list")
    proc, seconds, usage = _launched(CLI_LAUNCHER, ["import", str(listing)], project, _env())
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).splitlines()[-20:])
        raise BenchError(f"papershelf import {listing} in {project} exited with {proc.returncode}:\n{tail}")
    return {"n": n, "seconds": round(seconds, 3), "rss_mib": round(_mib(usage.get("self", 0)), 1),
            "pages": len(list((project / "docs" / "papers").glob("*.md")))}


def _group_page(page: str, site_pages: Sequence[str]) -> bool:
    """A generated page of an index (``topics/x``, ``papers/letter-a``), not a paper page."""
    parent, _, name = page.partition("/")
    return parent in site_pages and (parent != "papers" or name.startswith("letter-"))


def _next_month(iso: str | None) -> str:
    """Another month of the same year (``2023-04`` -> ``2023-05``; December -> November)."""
    if not iso:
        return "2020-06"
    year, month = int(iso[:4]), int(iso[5:7]) if len(iso) >= 7 else 6
    return f"{year}-{month + 1 if month < 12 else 11:02d}"


def measure_parallel(project: Path, reuse: Build, repeat: int, log: Any) -> dict[str, Any]:
    """Clean builds with -j 1, -j 3 and -j auto (the full build's own -j is reused)."""
    runs: dict[str, Build] = {reuse.jobs: reuse}
    for jobs in PARALLEL_JOBS:
        if jobs not in runs:
            log(f"parallel: -j {jobs}")
            runs[jobs], _ = _best(project, jobs, repeat)
    serial = runs["1"].seconds
    best_jobs = min((j for j in runs if j != "1"), key=lambda j: runs[j].seconds)
    return {
        "runs": {jobs: asdict(build) for jobs, build in runs.items()},
        "best_jobs": best_jobs,
        "speedup": round(serial / runs[best_jobs].seconds, 3),
    }


# ---------------------------------------------------------------- targets and report


def target_size(sizes: Sequence[int]) -> int:
    """The size the targets are judged at: 2000, else the largest size up to it."""
    return TARGET_N if TARGET_N in sizes else max((n for n in sizes if n <= TARGET_N), default=max(sizes))


def _target(name: str, value: float | None, limit: float, unit: str, ok: bool | None, detail: str = "") -> dict[str, Any]:
    status = "SKIP" if ok is None else "PASS" if ok else "FAIL"
    return {"name": name, "value": value, "limit": limit, "unit": unit, "status": status, "detail": detail}


def evaluate_targets(sizes: list[dict[str, Any]], parallel: dict[str, Any] | None, page_sizes: list[dict[str, Any]] | None = None,
                     reader_results: list[dict[str, Any]] | None = None, living: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """PASS/FAIL (SKIP when not measured) for each target, from the JSON results."""
    by_n = {s["n"]: s for s in sizes}
    measured = {p["n"]: p for p in page_sizes or []} | by_n  #: every clean build: its largest pages and memory
    targets = _size_targets(by_n, parallel) if by_n else []
    targets += _page_targets(measured)
    targets += _reader_targets(reader_results or [])
    if living is not None:
        name, size = living["largest_pages"][0]
        targets.append(_target(f"living shelf / without its data (N={living['n']}, {living['edges']:,} cites)", living["ratio"], LIVING_RATIO, "x",
                               living["ratio"] <= LIVING_RATIO, f"{living['living']['seconds']:.1f} s against {living['plain']['seconds']:.1f} s"))
        targets.append(_target(f"largest HTML page, living shelf (N={living['n']})", round(size / 1000, 1), LIVING_PAGE_BYTES / 1000, " kB",
                               size <= LIVING_PAGE_BYTES, name))
    if by_n:
        targets += _machine_targets(by_n, parallel)
    if MEMORY_N in measured:
        rss = measured[MEMORY_N]["full"]["main_rss_mib"]
        targets.append(_target(f"peak RSS, main process (N={MEMORY_N})", rss, MEMORY_BYTES / (1 << 20), "MiB", rss * (1 << 20) < MEMORY_BYTES))
    else:
        targets.append(_target(f"peak RSS, main process (N={MEMORY_N})", None, MEMORY_BYTES / (1 << 20), "MiB", None, "not measured"))
    return targets


def _size_targets(by_n: dict[int, dict[str, Any]], parallel: dict[str, Any] | None) -> list[dict[str, Any]]:
    big_n = target_size(list(by_n))
    big = by_n[big_n]
    targets = [_target(f"full build / floor (N={big_n})", big["ratio"], FLOOR_RATIO, "x", big["ratio"] <= FLOOR_RATIO)]

    smaller = [n for n in by_n if n < big_n]
    if smaller:
        small_n = max(smaller)
        limit = round(SCALING_PER_4X * (big_n / small_n) / 4, 3)
        scaling = round(big["full"]["seconds"] / by_n[small_n]["full"]["seconds"], 3)
        targets.append(_target(f"time(N={big_n}) / time(N={small_n})", scaling, limit, "x", scaling <= limit))
    else:
        targets.append(_target("scaling", None, SCALING_PER_4X, "x", None, "needs two sizes"))

    noop = big["noop"]["seconds"]
    targets.append(_target(f"no-op rebuild (N={big_n})", noop, NOOP_SECONDS, "s", noop < NOOP_SECONDS))
    noop_fraction = big.get("noop_fraction", round(noop / big["full"]["seconds"], 4))
    targets.append(_target(f"no-op rebuild / full build (N={big_n})", noop_fraction, NOOP_FRACTION, "", noop_fraction < NOOP_FRACTION,
                           _floor_share(big, "floor_noop", "the floor's no-op")))

    for field_name, label in (("edit_paper", "status"), ("edit_date", "date"), ("edit_tags", "tags"), ("edit_bib", "BibTeX entry")):
        edit = big.get(field_name)
        if edit is None:
            continue
        fraction = edit["fraction"]
        detail = f"{len(edit['written'])} pages written" + (f"; unexpected: {', '.join(edit['unexpected'][:5])}" if edit["unexpected"] else "")
        detail += "; " + _floor_share(big, "floor_edit", "one floor page edited") if big.get("floor_edit") else ""
        targets.append(_target(f"edited {label} / full build (N={big_n})", fraction, EDIT_FRACTION, "", fraction < EDIT_FRACTION and not edit["unexpected"], detail))
    return targets


def _page_targets(measured: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    targets = []
    for size_n, limit in sorted(PAGE_BYTES.items()):
        pages = measured.get(size_n, {}).get("largest_pages")
        if not pages:
            targets.append(_target(f"largest HTML page (N={size_n})", None, limit / 1000, " kB", None, "not measured (skipped by --no-page-sizes or --quick)"))
            continue
        name, size = pages[0]
        targets.append(_target(f"largest HTML page (N={size_n})", round(size / 1000, 1), limit / 1000, " kB", size <= limit, name))
    return targets


def _reader_targets(reader_results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    targets = []
    for reader in reader_results:
        browser = reader.get("browser")
        limit = FILTER_BYTES.get(reader["n"])
        if not browser:
            targets.append(_target(f"what a reader transfers (N={reader['n']})", None, 0, "", None, "no Chromium"))
            continue
        if limit is not None:
            size = browser["filter_plain"]["bytes"]
            targets.append(_target(f"one filter action, uncompressed (N={reader['n']})", round(size / 1000, 1), limit / 1000, " kB", size <= limit,
                                   f"{browser['filter_plain']['rows']} rows"))
        first = browser["search_plain"]["first"]
        targets.append(_target(f"a paper's name finds its page first (N={reader['n']})", None, 0, "", first == browser["expected"],
                               f"{browser['query']!r} -> {first or 'nothing'}"))
    return targets


def _machine_targets(by_n: dict[int, dict[str, Any]], parallel: dict[str, Any] | None) -> list[dict[str, Any]]:
    big_n = target_size(list(by_n))
    big = by_n[big_n]
    targets = []
    if parallel is not None:
        speedup = parallel["speedup"]
        targets.append(_target(f"best parallel vs -j 1 (N={big_n}, -j {parallel['best_jobs']})", speedup, PARALLEL_SPEEDUP, "x", speedup >= PARALLEL_SPEEDUP))
    else:
        targets.append(_target("best parallel vs -j 1", None, PARALLEL_SPEEDUP, "x", None, "not measured"))

    check = big.get("check")
    if check is None:
        targets.append(_target(f"papershelf check (N={big_n})", None, CHECK_SECONDS, "s", None, "papershelf.cli not found"))
    else:
        ok = check["returncode"] == 0 and check["seconds"] < CHECK_SECONDS
        targets.append(_target(f"papershelf check (N={big_n})", check["seconds"], CHECK_SECONDS, "s", ok, "" if check["returncode"] == 0 else f"exit {check['returncode']}"))
    return targets


def _floor_share(size: dict[str, Any], field_name: str, label: str) -> str:
    """What Sphinx alone costs for the same rebuild, as a share of the shelf's clean build."""
    build = size.get(field_name)
    if not build:
        return ""
    return f"{label}: {build['seconds']:.2f} s, {build['seconds'] / size['full']['seconds']:.1%}"


def machine_facts() -> dict[str, Any]:
    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return ""

    return {
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "sphinx": version("sphinx"),
        "myst-parser": version("myst-parser"),
        "sphinxcontrib-bibtex": version("sphinxcontrib-bibtex"),
        "furo": version("furo"),
        "papershelf": version("papershelf"),
        "load": " ".join(f"{value:.2f}" for value in os.getloadavg()),
        "memory": "peak RSS via resource.getrusage in the build process: RUSAGE_SELF for the main process, RUSAGE_CHILDREN for the largest worker (not summed)",
    }


def format_report(results: dict[str, Any]) -> str:
    m = results["machine"]
    lines = [
        f"papershelf bench{' (QUICK run)' if results['quick'] else ''}: {m['nproc']} CPUs, Python {m['python']}, "
        f"Sphinx {m['sphinx']}, -j {results['jobs']}, seed {results['seed']}, "
        f"load average {m.get('load', '?')} at the start, {results.get('load_end', '?')} at the end",
    ]
    if results["sizes"]:
        lines += _size_rows(results)
    return "\n".join(lines + _other_rows(results))


def _size_rows(results: dict[str, Any]) -> list[str]:
    lines = [
        "",
        f"{'N':>6} {'pages':>6} {'floor s':>8} {'shelf s':>8} {'ratio':>6} {'RSS MiB':>13} {'no-op s':>8} "
        f"{'status s':>14} {'date s':>14} {'tags s':>14} {'bib s':>14} {'largest kB':>11} {'check s':>8}",
    ]
    for s in results["sizes"]:
        check = s["check"]
        check_text = "-" if check is None else f"{check['seconds']:.2f}" + ("!" if check["returncode"] else "")
        lines.append(
            f"{s['n']:>6} {s['pages']:>6} {s['floor']['seconds']:>8.2f} {s['full']['seconds']:>8.2f} {s['ratio']:>6.2f} "
            f"{s['full']['main_rss_mib']:>6.0f}/{s['full']['worker_rss_mib']:<6.0f} {s['noop']['seconds']:>8.2f} "
            + " ".join(f"{s[e]['build']['seconds']:>8.2f} ({len(s[e]['written']):>3})" for e in ("edit_paper", "edit_date", "edit_tags", "edit_bib") if e in s)
            + f" {s['largest_pages'][0][1] / 1000 if s.get('largest_pages') else 0:>11.1f} {check_text:>8}"
        )
    lines.append("RSS: main process / largest worker. edits: seconds (HTML pages written). largest: the biggest HTML page.")
    for s in results["sizes"]:
        if s.get("floor_noop") and s.get("floor_edit"):
            lines.append(f"the floor at N={s['n']} (Sphinx, MyST and furo alone): no-op {s['floor_noop']['seconds']:.2f} s, "
                         f"one page edited {s['floor_edit']['seconds']:.2f} s")
    for s in results["sizes"]:
        if s.get("largest_pages"):
            lines.append(f"largest pages at N={s['n']}: " + ", ".join(f"{name} {size / 1000:.0f} kB" for name, size in s["largest_pages"]))
    return lines


def _other_rows(results: dict[str, Any]) -> list[str]:
    lines = []
    for p in results.get("page_sizes") or []:
        lines.append(f"largest pages at N={p['n']} (one clean build, {p['pages']} pages, {p['full']['seconds']:.1f} s, "
                     f"RSS {p['full']['main_rss_mib']:.0f}/{p['full']['worker_rss_mib']:.0f} MiB): "
                     + ", ".join(f"{name} {size / 1000:.0f} kB" for name, size in p["largest_pages"]))
    readers = results.get("reader") or []
    if readers:
        lines += ["", "what a reader transfers (Chromium; plain / gzip as hosts serve text); build times, clean, -j " + str(results["jobs"]) + ":",
                  f"{'N':>6} {'first search kB':>16} {'filter action kB':>17} {'Sphinx search kB':>17} {'largest kB':>11} "
                  f"{'build s':>8} {'w/o Pagefind s':>15} {'Pagefind s':>11}"]
        for r in readers:
            b = r.get("browser") or {}

            def kb(key: str, b: dict[str, Any] = b) -> str:
                return f"{b[key]['bytes'] / 1000:.0f}" if key in b else "-"

            lines.append(f"{r['n']:>6} {kb('search_plain') + ' / ' + kb('search_gzip'):>16} {kb('filter_plain') + ' / ' + kb('filter_gzip'):>17} "
                         f"{kb('search_sphinx_plain'):>17} {r['largest_pages'][0][1] / 1000:>11.1f} {r['build_with_pagefind']:>8.1f} "
                         f"{r['build_with_sphinx_search']:>15.1f} {r['pagefind_seconds']:>11.1f}")
        lines.append("first search: a paper's short name typed in the landing page's box; filter action: the first topic chosen on the chronology overview;")
        lines.append("w/o Pagefind: papershelf_search = 'sphinx' (Sphinx's searchindex.js instead); Pagefind s: its indexing alone.")
    for loop in results.get("edit_loop") or []:
        wait, background = loop["wait"], loop["background"]
        lines += ["", f"edit loop at N={loop['n']} (one paper page edited; fastest of {len(loop['runs']['wait'])} each, -j {results['jobs']}): "
                  f"Pagefind waited for: build {wait['build']:.2f} s; refreshed in the background: build {background['build']:.2f} s, "
                  f"index fresh after {background['fresh']:.2f} s"]
    living = results.get("living")
    if living:
        lines += ["", f"living shelf at N={living['n']} ({living['edges']:,} cites edges, {living['pages']} pages), clean builds: "
                  f"without its data {', '.join(f'{s:.1f}' for s in living['runs']['plain'])} s, "
                  f"with it {', '.join(f'{s:.1f}' for s in living['runs']['living'])} s (interleaved): {living['ratio']:.2f}x "
                  f"(each round: {', '.join(f'{r:.2f}x' for r in living.get('round_ratios', []))}); largest pages: "
                  + ", ".join(f"{name} {size / 1000:.0f} kB" for name, size in living["largest_pages"])]
    imports = results.get("import") or []
    if imports:
        lines += ["", "papershelf import of a generated list (a bullet per paper) into a fresh shelf: "
                  + "; ".join(f"N={i['n']}: {i['seconds']:.2f} s, peak RSS {i['rss_mib']:.0f} MiB, {i['pages']} pages" for i in imports)]
    parallel = results.get("parallel")
    if parallel:
        runs = ", ".join(f"-j {jobs} {run['seconds']:.2f} s" for jobs, run in parallel["runs"].items())
        lines += ["", f"parallel at N={parallel['n']}: {runs}; best -j {parallel['best_jobs']} is {parallel['speedup']:.2f}x -j 1"]
    lines += ["", f"{'target':<52} {'value':>9} {'limit':>9}  result"]
    for t in results["targets"]:
        value = "-" if t["value"] is None else f"{t['value']:.4g}{t['unit']}"
        limit = f"{t['limit']:.4g}{t['unit']}"
        lines.append(f"{t['name']:<52} {value:>9} {limit:>9}  {t['status']}" + (f"  ({t['detail']})" if t["detail"] else ""))
    return lines


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description="Benchmark papershelf builds on synthetic shelves against plain MyST pages.")
    parser.add_argument("--full", action="store_true", help=f"sizes {', '.join(map(str, FULL_SIZES))}: every measurement at 5000 too, not only its page sizes")
    parser.add_argument("--quick", action="store_true", help=f"sizes {', '.join(map(str, QUICK_SIZES))} only, for development")
    parser.add_argument("--sizes", help="comma-separated sizes, e.g. 500,2000 (overrides --full/--quick)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"JSON results (default {DEFAULT_OUT})")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR, help=f"where shelves are generated and built (default {DEFAULT_WORKDIR})")
    parser.add_argument("--jobs", default="3", help="-j of the measured builds (default 3, as make html)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic shelves (default 0)")
    parser.add_argument("--repeat", type=int, default=1, help="clean builds per measurement; the fastest counts (default 1)")
    parser.add_argument("--no-parallel", action="store_true", help="skip the -j 1 / -j auto builds")
    parser.add_argument("--no-page-sizes", action="store_true",
                        help=f"skip the clean build at each N of the page-size bound ({', '.join(map(str, sorted(PAGE_BYTES)))}) not among the sizes")
    parser.add_argument("--no-reader", action="store_true",
                        help=f"skip what a reader transfers (builds with and without Pagefind, Chromium) at N={', '.join(map(str, READER_SIZES))}")
    parser.add_argument("--no-edit-loop", action="store_true", help="skip the edit loop (one page edited, Pagefind waited for or in the background)")
    parser.add_argument("--edit-loop-sizes", default=",".join(map(str, EDIT_LOOP_SIZES)),
                        help=f"comma-separated sizes of the edit loop (default {','.join(map(str, EDIT_LOOP_SIZES))})")
    parser.add_argument("--no-living", action="store_true", help=f"skip the living shelf (N={LIVING_N}, with and without its data, issue 24)")
    parser.add_argument("--living-size", type=int, default=LIVING_N, help=f"size of the living shelf (default {LIVING_N}, where issue 24 sets its targets)")
    parser.add_argument("--no-import", action="store_true", help=f"skip the import of generated lists (N={', '.join(map(str, IMPORT_SIZES))})")
    parser.add_argument("--import-sizes", default=",".join(map(str, IMPORT_SIZES)),
                        help=f"comma-separated sizes of the generated lists imported (default {','.join(map(str, IMPORT_SIZES))})")
    parser.add_argument("--only", help=f"comma-separated parts to run, no other: {', '.join(PARTS)} (e.g. reader,edit-loop,living)")
    parser.add_argument("--plot", action="store_true", help="draw docs/_static/bench-scaling.png afterwards (needs matplotlib)")
    args = parser.parse_args(argv)
    args.parts = set(PARTS)
    if args.only:
        args.parts = {part.strip() for part in args.only.split(",") if part.strip()}
        if unknown := args.parts - set(PARTS):
            parser.error(f"--only: unknown part(s) {', '.join(sorted(unknown))}; choose from {', '.join(PARTS)}")
    for flag, part in ((args.no_parallel, "parallel"), (args.no_page_sizes, "page-sizes"), (args.no_reader, "reader"),
                       (args.no_edit_loop, "edit-loop"), (args.no_living, "living"), (args.no_import, "import")):
        if flag:
            args.parts.discard(part)
    if args.quick and not args.sizes:  # development: the small sizes alone
        args.parts -= {"page-sizes", "reader", "edit-loop", "living", "import"}
    args.edit_loop_list = sorted({int(s) for s in args.edit_loop_sizes.split(",") if s.strip()})
    args.import_list = sorted({int(s) for s in args.import_sizes.split(",") if s.strip()})
    if args.sizes:
        args.size_list = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    else:
        args.size_list = list(QUICK_SIZES if args.quick else FULL_SIZES if args.full else SIZES)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)

    def log(message: str) -> None:
        print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    args.workdir = args.workdir.resolve()
    args.workdir.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "schema": 1,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "quick": bool(args.quick and not args.sizes),
        "full": bool(args.full),
        "jobs": args.jobs,
        "seed": args.seed,
        "repeat": args.repeat,
        "machine": machine_facts(),
        "index_kinds": list(synth.available_index_kinds()),
        "sizes": [],
        "parallel": None,
        "page_sizes": [],
        "reader": [],
        "edit_loop": [],
        "living": None,
        "import": [],
    }
    try:
        if "sizes" in args.parts:
            for n in args.size_list:
                results["sizes"].append(asdict(measure_size(n, args.seed, args.workdir, args.jobs, args.repeat, log)))
        if "parallel" in args.parts and results["sizes"]:
            big_n = target_size(args.size_list)
            big = next(s for s in results["sizes"] if s["n"] == big_n)
            # The incremental runs left that shelf edited; rebuild it from the seed.
            synth.write_shelf(synth.generate(big_n, args.seed), args.workdir / f"shelf-{big_n}")
            results["parallel"] = {"n": big_n, **measure_parallel(args.workdir / f"shelf-{big_n}", Build(**big["full"]), args.repeat, log)}
        if "reader" in args.parts:
            results["reader"] = [measure_reader(n, args.seed, args.workdir, args.jobs, log) for n in READER_SIZES]
        if "page-sizes" in args.parts:
            measured_sizes = {s["n"] for s in results["sizes"]}
            for n in sorted(set(PAGE_BYTES) - measured_sizes):
                reader = next((r for r in results.get("reader") or [] if r["n"] == n), None)
                if reader is not None:  # that clean build was measured already
                    results["page_sizes"].append({key: reader[key] for key in ("n", "pages", "full", "largest_pages")})
                    continue
                results["page_sizes"].append(asdict(measure_page_sizes(n, args.seed, args.workdir, args.jobs, log)))
        if "edit-loop" in args.parts:
            results["edit_loop"] = [measure_edit_loop(n, args.seed, args.workdir, args.jobs, log) for n in args.edit_loop_list]
        if "living" in args.parts:
            results["living"] = measure_living(args.living_size, args.seed, args.workdir, args.jobs, log, rounds=max(2, args.repeat))
        if "import" in args.parts:
            results["import"] = [measure_import(n, args.seed, args.workdir, log) for n in args.import_list]
    except BenchError as error:
        print(f"bench failed: {error}", file=sys.stderr)
        return 2
    results["load_end"] = " ".join(f"{value:.2f}" for value in os.getloadavg())
    results["targets"] = evaluate_targets(results["sizes"], results["parallel"], results["page_sizes"], results.get("reader"), results.get("living"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(format_report(results))
    print(f"\nresults: {args.out}")
    if args.plot:
        from bench.plot import draw

        print(f"plot: {draw(args.out)}")
    return 0
