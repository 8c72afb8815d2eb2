"""Helpers shared by the build tests."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

ROOTS = Path(__file__).parent / "roots"
REPO = Path(__file__).resolve().parent.parent


def copy_root(name: str, dest: Path) -> Path:
    """A private, editable copy of tests/roots/test-<name>."""
    target = dest / name
    shutil.copytree(ROOTS / f"test-{name}", target)
    return target


def build(make_app: Callable[..., Any], srcdir: Path, **kwargs: Any) -> tuple[Any, str]:
    """Build once; return the app and its warnings text."""
    app = make_app("html", srcdir=srcdir, **kwargs)
    app.build()
    return app, build_warnings(app)


def build_warnings(app: Any) -> str:
    """Warnings of a build, less the re-registration notices that appear when
    a test process sets up the extension a second time."""
    lines = strip_colors(app.warning.getvalue()).splitlines(keepends=True)
    return "".join(line for line in lines if "is already registered" not in line)


def strip_colors(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def html(app: Any, docname: str) -> str:
    return (Path(app.outdir) / f"{docname}.html").read_text(encoding="utf-8")


def bump(path: Path, text: str) -> None:
    """Rewrite a file so that an incremental build sees it as changed."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    import os

    if path.stat().st_mtime_ns <= before:
        os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))


# -- bad-input shelves (test_bad_input, test_check_build_parity) ------------------

def page(body: str, notes: str = "") -> str:
    return f"---\n{body}---\n{notes}"


def paper(key: str, name: str, extra: str = "", *, date: str = "2020-01", notes: str = "") -> str:
    return page(f"key: {key}\ntitle: {name} paper\nshort_name: {name}\nstatus: unread\ndate: \"{date}\"\n{extra}", notes)


ENTRY = "\n@misc{{{key},\n  title = {{{title}}},\n  author = {{Doe, Jane}},\n  year = {{2020}}\n}}\n"


# -- a timeline at scale (test_indexes, test_browser) -------------------------------


def timeline_papers(count: int, name: str = "P{}") -> dict[str, Any]:
    """``count`` dated papers over ten years, every seventh updated by the next, and one undated;
    ``name``: their short names, ``{}`` standing for the number."""
    from papershelf.model.records import Paper, PaperDate, Relation

    papers: dict[str, Any] = {}
    for index in range(count):
        year, month = 2015 + index % 10, 1 + (index // 10) % 12
        key = f"p{index:04d}"
        relations = (Relation("updated_version", f"p{index + 1:04d}"),) if index % 7 == 0 and index < count - 1 else ()
        papers[f"papers/{key}"] = Paper(key=key, docname=f"papers/{key}", title=f"Paper {index}", short_name=name.format(index),
                                        status="read", date=PaperDate(year, month), relations=relations)
    papers["papers/undated"] = Paper(key="undated", docname="papers/undated", title="U", short_name="U", status="unread")
    return papers


def lists_and_shelf(base: Path, lists: dict[str, str], title: str) -> tuple[Path, Path]:
    """``lists`` written as files of a folder under ``base``, and a new shelf beside it: (lists folder, shelf root)."""
    from papershelf.commands import init as scaffold

    folder = base / "lists"
    folder.mkdir()
    for name, text in lists.items():
        (folder / name).write_text(text, encoding="utf-8")
    root = base / "shelf"
    scaffold.init_shelf(root, scaffold.InitOptions(title=title, author="Test"))
    return folder, root


def paper_pages(root: Path) -> dict[str, dict[str, object]]:
    """Each paper page's front matter under ``root``, by file stem (the page must parse)."""
    from papershelf.formats.frontmatter import parse_front_matter

    out = {}
    for path in sorted((root / "docs" / "papers").glob("*.md")):
        parsed = parse_front_matter(path.read_text(encoding="utf-8"))
        assert parsed is not None and not parsed.error
        out[path.stem] = dict(parsed.data)
    return out


def snapshot(root: Path) -> dict[Path, bytes]:
    """Every file of a shelf (its build left out), to compare before and after."""
    return {path: path.read_bytes() for path in root.rglob("*") if path.is_file() and "_build" not in path.parts}


def import_as_a_maintainer(lists: list[Path], factory: Any) -> dict[str, dict[str, object]]:
    """Each list imported into a new shelf as a maintainer would: imported again (``before``/``after``),
    built with ``-W`` (``build``), exported and imported into another shelf (``again``); by the list's stem."""
    import subprocess
    import sys

    from papershelf.commands import init as scaffold
    from papershelf.commands.exporter import export_shelf
    from papershelf.commands.importer import import_lists
    from papershelf.shelf.paths import locate

    out: dict[str, dict[str, object]] = {}
    for path in lists:
        base = factory.mktemp(path.stem)
        root, again = base / "shelf", base / "again"
        scaffold.init_shelf(root, scaffold.InitOptions(title="Wild", author="Test"))
        report = import_lists(locate(root), [path])
        before = snapshot(root)
        import_lists(locate(root), [path])
        after = snapshot(root)
        (base / "export.md").write_text(export_shelf(locate(root)), encoding="utf-8")
        scaffold.init_shelf(again, scaffold.InitOptions(title="Wild", author="Test"))
        import_lists(locate(again), [base / "export.md"])
        build = subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-c", str(root), str(root / "docs"), str(base / "html")],
                               capture_output=True, text=True, check=False)
        out[path.stem] = {"root": root, "again": again, "report": report, "before": before, "after": after, "build": build}
    return out


def by_title(shelf: dict[str, object]) -> dict[str, dict[str, object]]:
    """The shelf's paper pages by title."""
    root = shelf["root"]
    assert isinstance(root, Path)
    return {str(page["title"]): page for page in paper_pages(root).values()}


def bib_entry(shelf: dict[str, object], title: str) -> str:
    """The BibTeX entry of the shelf's paper with this title (generated, or the list's own as written), its fields
    written as the generator writes them ("title = {…}," whatever tabs or quotes the list used)."""
    root = shelf["root"]
    assert isinstance(root, Path)
    text = (root / "references.bib").read_text(encoding="utf-8")
    blocks = [re.sub(r"^[ \t]*(\w+)[ \t]*=[ \t]*", r"  \1 = ", block, flags=re.MULTILINE) for block in re.split(r"\n(?=@)", text)]
    blocks = [re.sub(r'^(  \w+ = )"(.*)"(,?)$', r"\1{\2}\3", block, flags=re.MULTILINE) for block in blocks]  # author = "…" as {…}
    return next(block for block in blocks if f"title = {title}," in re.sub(r"[{}]", "", block))


def assert_generated_entries(shelf: dict[str, object], expected: dict[str, tuple[str, str]]) -> None:
    """Each title's generated entry holds the authors (in BibTeX's form; ``""`` for none) and the venue the list gives."""
    for title, (authors, venue) in expected.items():
        entry = bib_entry(shelf, title.replace("&", "\\&"))  # BibTeX escapes "&"
        assert (not authors or f"author = {{{authors}}}" in entry) and venue in entry, entry


def assert_round_trip_keeps_links(shelf: dict[str, object]) -> None:
    """The shelf exported and imported into a new one has the same pages, each with the same paper links."""
    root, again = shelf["root"], shelf["again"]
    assert isinstance(root, Path) and isinstance(again, Path)
    one, two = paper_pages(root), paper_pages(again)
    assert {stem: sorted(links_of(page)) for stem, page in one.items()} == {stem: sorted(links_of(page)) for stem, page in two.items()}


def links_of(page: dict[str, object], kind: str = "paper") -> list[str]:
    """The URLs of a page's links of one kind."""
    links = page.get("links") or {}
    assert isinstance(links, dict)
    value = links.get(kind)
    return [str(item["url"] if isinstance(item, dict) else item) for item in (value if isinstance(value, list) else [value] if value else [])]


class Clock:
    """A clock that moves when the client sleeps: pauses are measured, never waited."""

    def __init__(self) -> None:
        self.slept: list[float] = []
        self.offset = 0.0

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.offset += seconds

    def now(self) -> float:
        return time.monotonic() + self.offset


#: findings that are a list's own doing (the same paper in two rows), never the importer's
LIST_FINDINGS = {"duplicate-link", "merge-conflict"}


def assert_every_paper_its_own_dated_page(shelf: dict[str, object], count: int) -> None:
    """The shelf holds ``count`` papers, each on a page of its own (no two share a title) and each dated."""
    papers = by_title(shelf)
    root = shelf["root"]
    assert isinstance(root, Path)
    assert len(papers) == len(paper_pages(root)) == count, sorted(papers)
    assert all(page.get("date") for page in papers.values()), [title for title, page in papers.items() if not page.get("date")]


def assert_titles_dates_and_links(shelf: dict[str, object], expected: dict[str, tuple[str, str, dict[str, str]]]) -> None:
    """Each expected title has its page, with its date, its paper link and its other links ({kind: url})."""
    papers = by_title(shelf)
    for title, (date, paper, others) in expected.items():
        assert title in papers, (title, sorted(papers))
        page = papers[title]
        assert str(page.get("date")) == date, (title, page.get("date"))
        assert paper in links_of(page), (title, page.get("links"))
        for kind, url in others.items():
            assert url in links_of(page, kind), (title, kind, page.get("links"))


def assert_clean_import(shelf: dict[str, object]) -> None:
    """No finding of the importer's own making, a clean ``-W`` build, and a second import that changed nothing."""
    import subprocess

    report, build = shelf["report"], shelf["build"]
    assert isinstance(build, subprocess.CompletedProcess)
    assert build.returncode == 0 and "WARNING" not in build.stderr, build.stderr
    assert {problem.code.slug for problem in report.warnings} <= LIST_FINDINGS, [problem.format() for problem in report.warnings]  # type: ignore[attr-defined]
    assert shelf["before"] == shelf["after"]
