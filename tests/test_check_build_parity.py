"""Issue 10 (deliverables 5 and 6): `papershelf check` and the strict build report the same findings.

Every bad-input case (those of test_bad_input.py and test_cli_check.py, and
the ones issue 10 names) becomes a small shelf. It is built twice with
``python -m sphinx -W --keep-going`` (the second build is a no-op: nothing is
read again) and checked with ``papershelf check``; the (file, line, code)
sets of the three must be equal, and equal to what the case expects, so an
empty set on both sides cannot pass. A build warning that is not
papershelf's own (sphinxcontrib-bibtex's ``[bibtex.missing_field]``, say)
keeps its ``type.subtype`` as its code, so it breaks the parity unless check
reports the same thing under the same code at the same line.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from helpers import ENTRY, ROOTS, bump, page, paper

Finding = tuple[str, int, str]  #: (file relative to the shelf root, line, code)



@dataclass
class Case:
    name: str
    files: dict[str, str | bytes] = field(default_factory=dict)  #: relative to the source folder (the root of test-basic)
    bib: str = ""  #: appended to refs.bib (which ends at line 20)
    bib_insert: str = ""  #: inserted before the beta2021 entry (line 9)
    conf: str = ""  #: appended to conf.py
    expected: set[Finding] = field(default_factory=set)
    moves: dict[str, str] = field(default_factory=dict)  #: folders renamed before the case's files are written


CASES = [
    # --- tests/test_bad_input.py -------------------------------------------
    Case("malformed-yaml", {"papers/bad.md": "---\nkey: bad2020\ntitle: [unclosed\nstatus: read\n---\n"},
         expected={("papers/bad.md", 4, "front-matter-syntax")}),
    Case("tab-indentation", {"papers/tab.md": "---\nkey: tab2020\nlinks:\n\tpaper: https://example.org\n---\n"},
         expected={("papers/tab.md", 4, "front-matter-syntax")}),
    Case("typo-key", {"papers/typo.md": paper("typo2020", "Typo", "tgas: [x]\n")}, ENTRY.format(key="typo2020", title="Typo"),
         expected={("papers/typo.md", 7, "unknown-key")}),
    Case("wrong-types", {"papers/types.md": paper("types2020", "Types", "tags: 7\nmodels: just text\nrelations: [a, b]\n")},
         ENTRY.format(key="types2020", title="Types"),
         expected={("papers/types.md", 7, "wrong-type"), ("papers/types.md", 8, "wrong-type"), ("papers/types.md", 9, "wrong-type")}),
    Case("impossible-date", {"papers/month.md": paper("month2020", "Month", date="2023-13")}, ENTRY.format(key="month2020", title="Month"),
         expected={("papers/month.md", 6, "bad-date")}),
    Case("future-date", {"papers/future.md": paper("future2020", "Future", date="2999-01")}, ENTRY.format(key="future2020", title="Future"),
         expected={("papers/future.md", 6, "bad-date")}),
    Case("missing-key", {"papers/nokey.md": page("title: No key\nshort_name: NoKey\nstatus: read\n")},
         expected={("papers/nokey.md", 2, "missing-key"), ("papers/nokey.md", 2, "no-bib-entry"), ("papers/nokey.md", 2, "no-date")}),
    Case("key-without-entry", {"papers/nobib.md": paper("nobib2020", "NoBib")},
         expected={("papers/nobib.md", 2, "no-bib-entry")}),
    Case("entry-without-page", bib=ENTRY.format(key="lonely2020", title="Lonely"),
         expected={("refs.bib", 22, "no-page")}),
    Case("duplicate-bib-key", bib=ENTRY.format(key="alpha2020", title="Alpha again"),
         expected={("refs.bib", 22, "bib-duplicate")}),
    Case("bib-syntax-in-the-middle", bib_insert="@misc{broken2020,\n  title = {Broken}\n  author = {Doe, Jane},\n  year = {2020}\n}\n\n",
         expected={("refs.bib", 10, "bib-syntax")}),
    Case("not-utf8", {"papers/latin1.md": paper("latin2020", "Latin", "aliases: [Caf\xe9]\n").encode("latin-1")},
         ENTRY.format(key="latin2020", title="Latin"),
         expected={("papers/latin1.md", 7, "not-utf8"), ("refs.bib", 22, "no-page")}),
    Case("empty-page", {"papers/empty.md": ""},
         expected={("papers/empty.md", 1, "not-a-paper")}),
    Case("javascript-url", {"papers/js.md": paper("js2020", "Js", "links:\n  code: javascript:alert(1)\n")}, ENTRY.format(key="js2020", title="Js"),
         expected={("papers/js.md", 8, "bad-url")}),
    Case("data-url", {"papers/data.md": paper("data2020", "Data", "links:\n  paper: \"data:text/html,<b>x</b>\"\n")}, ENTRY.format(key="data2020", title="Data"),
         expected={("papers/data.md", 8, "bad-url"), ("papers/data.md", 8, "html-in-text")}),
    Case("html-in-title", {"papers/html.md": page("key: html2020\ntitle: \"<script>alert('t')</script>\"\nshort_name: Html\nstatus: read\n")},
         ENTRY.format(key="html2020", title="Html"),
         expected={("papers/html.md", 3, "html-in-text")}),
    # raw HTML in a paper page: a block, inline HTML (at its paragraph's first line), a comment (MyST makes it raw HTML too)
    Case("raw-html", {"papers/raw.md": paper("raw2020", "Raw", notes="\nSome text.\n\n<div>\nx\n</div>\n\nA paragraph\nwith <br> inline.\n\n<!-- a comment -->\n")},
         ENTRY.format(key="raw2020", title="Raw"),
         expected={("papers/raw.md", 11, "raw-html"), ("papers/raw.md", 15, "raw-html"), ("papers/raw.md", 18, "raw-html")}),
    Case("unknown-relation", {"papers/rel.md": paper("rel2020", "Rel", "relations:\n  builds_on: [nosuch2019]\n")}, ENTRY.format(key="rel2020", title="Rel"),
         expected={("papers/rel.md", 8, "unknown-relation")}),
    Case("self-relation", {"papers/self.md": paper("self2020", "Self", "relations:\n  updated_version: self2020\n")}, ENTRY.format(key="self2020", title="Self"),
         expected={("papers/self.md", 8, "self-relation")}),
    Case("version-cycle",
         {"papers/c1.md": paper("c1", "C1", "relations:\n  updated_version: c2\n"), "papers/c2.md": paper("c2", "C2", "relations:\n  updated_version: c1\n")},
         ENTRY.format(key="c1", title="C1") + ENTRY.format(key="c2", title="C2"),
         expected={("papers/c1.md", 8, "relation-cycle")}),
    Case("two-pages-one-key", {"papers/zeta.md": paper("alpha2020", "Zeta")},
         expected={("papers/zeta.md", 2, "duplicate-paper")}),
    Case("same-short-name", {"papers/twin.md": paper("twin2020", "Alpha")}, ENTRY.format(key="twin2020", title="Twin"),
         expected={("papers/twin.md", 2, "duplicate-short-name")}),
    Case("very-long-unicode-title",
         {"papers/long.md": page("key: long2020\ntitle: \"" + ("視覚言語モデル — Модель зрения 🦙 نموذج " * 12) + "\"\nshort_name: Long\nstatus: read\n")},
         ENTRY.format(key="long2020", title="Long"),
         expected={("papers/long.md", 3, "long-text")}),
    Case("front-matter-not-a-mapping", {"papers/list.md": "---\n- key: list2020\n---\n"},
         expected={("papers/list.md", 2, "front-matter-syntax")}),
    Case("model-without-name", {"papers/model.md": paper("model2020", "Model", "models:\n  - {url: \"https://example.org/m\"}\n")},
         ENTRY.format(key="model2020", title="Model"),
         expected={("papers/model.md", 8, "missing-key")}),
    # --- tests/test_cli_check.py -------------------------------------------
    Case("authors-with-commas", {"papers/commas.md": paper("commas2020", "Commas")},
         "\n@misc{commas2020,\n  title = {Commas},\n  author = {Ann Smith, Bob Jones, Carl Brown},\n  year = {2020}\n}\n",
         expected={("refs.bib", 24, "bib-authors")}),
    Case("bib-no-year", {"papers/noyear.md": paper("noyear2020", "NoYear")},
         "\n@misc{noyear2020,\n  title = {No year},\n  author = {Doe, Jane}\n}\n",
         expected={("refs.bib", 22, "bib-no-year")}),
    Case("duplicate-paper-link", {"papers/copy.md": paper("copy2020", "Copy", "links:\n  paper: https://arxiv.org/pdf/2003.00001v2\n")},
         ENTRY.format(key="copy2020", title="Copy"),
         expected={("papers/copy.md", 8, "duplicate-link")}),
    Case("arxiv-mismatch", {"papers/mis.md": paper("mis2020", "Mis", "links:\n  paper: https://arxiv.org/abs/2101.00009\n")},
         "\n@misc{mis2020,\n  title = {Mis},\n  author = {Doe, Jane},\n  year = {2020},\n  eprint = {2104.00002},\n  archivePrefix = {arXiv}\n}\n",
         expected={("papers/mis.md", 8, "arxiv-mismatch")}),
    Case("scheme-typo", {"papers/typo.md": paper("typo2020", "Typo", "links:\n  paper: ttps://example.org/typo.pdf\n")},
         ENTRY.format(key="typo2020", title="Typo"),
         expected={("papers/typo.md", 8, "bad-url")}),
    Case("notes-without-front-matter", {"papers/notes.md": "Just some notes, no front matter.\n"},
         expected={("papers/notes.md", 1, "not-a-paper")}),
    # --- named by issue 10 ---------------------------------------------------
    Case("front-matter-without-paper-keys", {"papers/plain.md": page("title: Only a title\n")},
         expected={("papers/plain.md", 1, "not-a-paper")}),
    Case("article-without-journal-and-year", {"papers/art.md": paper("art2020", "Art")},
         "\n@article{art2020,\n  title = {An article},\n  author = {Doe, Jane}\n}\n",
         expected={("refs.bib", 22, "bib-no-year"), ("refs.bib", 22, "bib-missing-field")}),
    Case("inproceedings-without-booktitle", {"papers/proc.md": paper("proc2020", "Proc")},
         "\n@inproceedings{proc2020,\n  title = {A talk},\n  author = {Doe, Jane},\n  year = {2020}\n}\n",
         expected={("refs.bib", 22, "bib-missing-field")}),
    Case("keys-differing-in-case", {"papers/upper.md": paper("Alpha2020", "Upper")},
         ENTRY.format(key="Alpha2020", title="Upper"),
         expected={("refs.bib", 22, "bib-duplicate")}),
    Case("keys-making-one-citation-id", {"papers/under.md": paper("alpha_2020", "Under"), "papers/dash.md": paper("alpha-2020", "Dash")},
         ENTRY.format(key="alpha_2020", title="Under") + ENTRY.format(key="alpha-2020", title="Dash"),
         conf='bibtex_cite_id = "cite-{key}"\n',
         expected={("refs.bib", 28, "bib-duplicate")}),
    Case("missing-comma-cited-by-a-page", {"papers/comma.md": paper("comma2020", "Comma", notes="\nSee {cite:p}`comma2020`.\n")},
         "\n@misc{comma2020,\n  title = {Comma}\n  author = {Doe, Jane},\n  year = {2020}\n}\n",
         expected={("refs.bib", 23, "bib-syntax")}),
    Case("entry-that-does-not-parse-cited-by-a-page", {"papers/open.md": paper("open2020", "Open")},
         "\n@misc{open2020,\n  title = {Open,\n  author = {Doe, Jane},\n  year = {2020}\n}\n",
         expected={("refs.bib", 22, "bib-syntax")}),
    Case("unknown-keys-in-roles",
         {"prose.md": "# Prose\n\nFirst line\nsecond {cite:p}`nosuch2020`\n\n- item {paper}`nopaper2020`\n\n| a | b |\n|---|---|\n"
                      "| x | {cite:t}`{see}nosuch2021{p. 2}, alpha2020` |\n\n```text\n{paper}`incode` {cite:p}`incode`\n```\n",
          "papers/cites.md": paper("cites2020", "Cites", notes="\nBuilds on {paper}`beta2021` and {paper}`Beta2021`.\n")},
         ENTRY.format(key="cites2020", title="Cites"),
         expected={("prose.md", 3, "unknown-citation"), ("prose.md", 6, "unknown-paper"), ("prose.md", 10, "unknown-citation"),
                   ("papers/cites.md", 9, "unknown-paper")}),
    Case("roles-in-directives",
         {"prose.md": "# Prose\n\n```{note}\nIn a note {paper}`nokey1`.\n\nSecond para\nline two {cite:p}`nokey2`.\n```\n\n"
                      "```{tip}\n:class: x\nAfter an option {paper}`nokey3`\n```\n\n```{code-block} md\n{paper}`notarole`\n```\n\n"
                      "````{note}\n```{warning}\nNested {paper}`nokey4`\n```\n````\n"},
         expected={("prose.md", 4, "unknown-paper"), ("prose.md", 6, "unknown-citation"), ("prose.md", 12, "unknown-paper"),
                   ("prose.md", 21, "unknown-paper")}),
    Case("roles-with-the-shelfs-myst-extensions",
         {"prose.md": "# Prose\n\n:::{note}\nColon {paper}`nokey1`\n:::\n\n:::{admonition} Title\n:class: tip\n\nAdmon {paper}`nokey2`\n:::\n\n"
                      "Term {paper}`nokey3`\n: Definition {cite:p}`nokey4`\n\n$$\n{paper}`inmath`\n$$\n"},
         conf='myst_enable_extensions = ["colon_fence", "deflist", "dollarmath"]\n',
         expected={("prose.md", 4, "unknown-paper"), ("prose.md", 10, "unknown-paper"), ("prose.md", 13, "unknown-paper"),
                   ("prose.md", 14, "unknown-citation")}),
    # directives and roles that read files: refused on pages nobody named trusted; on a trusted page, only files outside the source folder
    Case("file-access",
         {"reads.md": "# Reads\n\n```{literalinclude} conf.py\n```\n\nGet {download}`it <refs.bib>`.\n\n```{eval-rst}\nText.\n\n.. csv-table:: T\n   :file: refs.bib\n```\n\n"
                      ":::{note}\n```{include} prose.md\n```\n:::\n",
          "mine/trusted.md": "# Trusted\n\n```{literalinclude} ../conf.py\n```\n\n```{literalinclude} /../../outside.txt\n```\n\n"
                             "```{csv-table} T\n:url: https://example.org/t.csv\n```\n\nA {download}`file <../../outside.txt>`.\n"},
         conf='myst_enable_extensions = ["colon_fence"]\npapershelf_trusted_pages = ["**/trust*"]\n',
         expected={("reads.md", 3, "file-access"), ("reads.md", 6, "file-access"), ("reads.md", 11, "file-access"), ("reads.md", 16, "file-access"),
                   ("mine/trusted.md", 6, "file-access"), ("mine/trusted.md", 9, "file-access"), ("mine/trusted.md", 13, "file-access")}),
    Case("bib-checks-off", {"papers/art.md": paper("art2020", "Art")},
         ENTRY.format(key="lonely2020", title="Lonely").replace("  year = {2020}\n", "")
         + "\n@article{art2020,\n  title = {An article},\n  author = {Doe, Jane},\n  year = {2020}\n}\n",
         conf="papershelf_bib_checks = False\n",
         expected={("refs.bib", 27, "bib-missing-field")}),  # lonely2020: no page, no year, nobody's business
    Case("papers-dir-from-conf", {"research/empty.md": "", "research/typo.md": paper("typo2020", "Typo", "tgas: [x]\n")},
         ENTRY.format(key="typo2020", title="Typo"), conf='papershelf_papers_dir = "research"\n', moves={"papers": "research"},
         expected={("research/empty.md", 1, "not-a-paper"), ("research/typo.md", 7, "unknown-key")}),
]

WARNING = re.compile(r"^(?:(?P<path>.*?):(?P<line>\d+)?: )?(?P<level>WARNING|ERROR|CRITICAL): (?P<message>.*)$")
TYPE_SUFFIX = re.compile(r" \[(?P<type>[\w.-]+)\]$")


def make_shelf(tmp_path: Path, case: Case) -> Path:
    """A copy of tests/roots/test-basic (papers Alpha, Beta, Gamma) with the case's changes."""
    root = tmp_path / "shelf"
    shutil.copytree(ROOTS / "test-basic", root)
    for old, new in case.moves.items():
        (root / old).rename(root / new)
    for name, content in case.files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    bib = root / "refs.bib"
    text = bib.read_text(encoding="utf-8")
    if case.bib_insert:
        text = text.replace("@inproceedings{beta2021", case.bib_insert + "@inproceedings{beta2021")
    bib.write_text(text + case.bib, encoding="utf-8")
    if case.conf:
        with (root / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write(case.conf)
    return root


def strict_build(root: Path, *options: str) -> tuple[int, set[Finding], str]:
    """A ``-W --keep-going`` HTML build (output outside the shelf); its findings."""
    out = root.parent / "out"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", *options, "-b", "html", str(root), str(out)],
        capture_output=True, text=True, check=False,
    )
    found: set[Finding] = set()
    for text in result.stderr.splitlines():
        match = WARNING.match(text)
        if match is None:
            continue
        message = match["message"]
        typed = TYPE_SUFFIX.search(message)
        kind = typed["type"] if typed else match["level"].lower()
        # papershelf's warnings start with their code; any other warning keeps its type.subtype
        code = message.split(":", 1)[0] if kind.startswith("papershelf.") else kind
        path = match["path"] or ""
        if path and Path(path).is_absolute() and Path(path).is_relative_to(root):
            path = Path(path).relative_to(root).as_posix()
        found.add((path, int(match["line"] or 0), code))
    return result.returncode, found, result.stderr


def messages(root: Path, build_stderr: str = "", check_stdout: str = "") -> set[tuple[str, int, str, str]]:
    """(file, line, code, message) of papershelf's findings in a build's warnings or in ``check``'s lines.

    ``known-problems.json`` matches a build's warning to a ``check`` finding by
    code, file and message, so both must say the same words.
    """
    found: set[tuple[str, int, str, str]] = set()
    for text in build_stderr.splitlines():
        match = WARNING.match(text)
        typed = TYPE_SUFFIX.search(match["message"]) if match else None
        if match is None or typed is None or not typed["type"].startswith("papershelf."):
            continue
        code, _, message = match["message"][: typed.start()].partition(": ")
        path = match["path"] or ""
        if path and Path(path).is_absolute() and Path(path).is_relative_to(root):
            path = Path(path).relative_to(root).as_posix()
        found.add((path, int(match["line"] or 0), code, message))
    for text in check_stdout.splitlines():
        path, line, rest = text.split(":", 2)
        code, _, message = rest.strip().partition(" ")
        found.add((path, int(line), code, message))
    return found


def check(root: Path) -> tuple[int, set[Finding], str]:
    result = subprocess.run([sys.executable, "-m", "papershelf", "--root", str(root), "check"], capture_output=True, text=True, check=False)
    found: set[Finding] = set()
    for text in result.stdout.splitlines():
        path, line, rest = text.split(":", 2)
        found.add((path, int(line), rest.split()[0]))
    return result.returncode, found, result.stdout


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_check_and_every_strict_build_report_the_same_findings(tmp_path: Path, case: Case) -> None:
    root = make_shelf(tmp_path, case)
    checked_code, checked, check_out = check(root)
    assert checked_code == 1
    assert checked == case.expected, check_out
    first_code, first, first_err = strict_build(root)
    assert first_code != 0
    assert first == case.expected, first_err
    assert messages(root, build_stderr=first_err) == messages(root, check_stdout=check_out)
    # a no-op build reads nothing again; it still reports (and fails on) every finding
    second_code, second, second_err = strict_build(root)
    assert second_code != 0
    assert second == case.expected, second_err


PARALLEL = ["unknown-keys-in-roles", "missing-comma-cited-by-a-page", "article-without-journal-and-year", "keys-making-one-citation-id", "not-utf8", "typo-key"]


@pytest.mark.parametrize("name", PARALLEL)
def test_parallel_builds_report_the_same_findings(tmp_path: Path, name: str) -> None:
    """``make html`` builds with ``-j 3``: findings noted by parallel readers reach the main process."""
    case = next(c for c in CASES if c.name == name)
    root = make_shelf(tmp_path, case)
    for _ in range(2):
        code, found, err = strict_build(root, "-j", "3")
        assert code != 0
        assert found == case.expected, err


def test_a_fixed_bib_entry_passes_the_next_build_and_check(tmp_path: Path) -> None:
    """Deliverable 6 for .bib findings: fails twice, then the fix passes (and stays passing)."""
    case = next(c for c in CASES if c.name == "article-without-journal-and-year")
    root = make_shelf(tmp_path, case)
    assert strict_build(root)[0] != 0
    assert strict_build(root)[0] != 0
    bib = root / "refs.bib"
    bump(bib, bib.read_text(encoding="utf-8").replace("author = {Doe, Jane}\n}", "author = {Doe, Jane},\n  journal = {J},\n  year = {2020}\n}"))
    for _ in range(2):
        code, found, err = strict_build(root)
        assert (code, found) == (0, set()), err
    assert check(root)[:2] == (0, set())


def test_a_fixed_citation_passes_the_next_build_and_check(tmp_path: Path) -> None:
    """Deliverable 6 for what Sphinx and sphinxcontrib-bibtex warn about only while writing a page."""
    case = next(c for c in CASES if c.name == "unknown-keys-in-roles")
    root = make_shelf(tmp_path, case)
    assert strict_build(root)[0] != 0
    assert strict_build(root)[0] != 0
    prose, cites = root / "prose.md", root / "papers" / "cites.md"
    bump(prose, "# Prose\n\nNow {cite:p}`alpha2020` and {paper}`gamma2022`.\n")
    bump(cites, cites.read_text(encoding="utf-8").replace("{paper}`Beta2021`", "{paper}`alpha2020`"))
    for _ in range(2):
        code, found, err = strict_build(root)
        assert (code, found) == (0, set()), err
    assert check(root)[:2] == (0, set())
