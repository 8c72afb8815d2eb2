"""Issue 22, deliverable 6: the first build succeeds, and problems are never hidden.

A list with defects of its own (a code link with a scheme typo, a paper with
no year anywhere, two papers sharing one paper link) is imported into a new
shelf: the problems left are recorded in ``known-problems.json``, the import
says how many, the strict build passes and logs them, the Data notes page
lists them, ``check`` prints them apart. A problem added by hand fails the
strict build and ``check``; a fixed one leaves the baseline when ``check``
runs, and the page with it.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import bump, strip_colors
from papershelf.cli import main
from papershelf.model.problems import Code, Problem
from papershelf.shelf import baseline

LIST = """\
# A list with defects

### vision

#### Alpha: A First Model (AlphaNet) [`READ`]

paper link: [here](https://arxiv.org/pdf/2003.00001)

github link: [here](ttps://github.com/example/alpha)

citation:
```bibtex
@misc{alpha2020,
  title={Alpha: A First Model},
  author={Smith, Ann and Jones, Bob},
  year={2020},
  eprint={2003.00001},
  archivePrefix={arXiv}
}
```

#### Nodate: A Paper Without a Year (NoDate) [`UNREAD`]

paper link: [here](https://example.org/papers/nodate.pdf)

citation:
```bibtex
@misc{nodate,
  title={Nodate: A Paper Without a Year},
  author={Doe, Jane}
}
```

#### Gamma: Shared Link (GammaNet) [`UNREAD`]

paper link: [here](https://example.org/papers/shared.pdf)

citation:
```bibtex
@misc{gamma2021,
  title={Gamma: Shared Link},
  author={Roe, Rita},
  year={2021}
}
```

#### Delta: Same Link Again (DeltaNet) [`UNREAD`]

paper link: [here](https://example.org/papers/shared.pdf)

citation:
```bibtex
@misc{delta2022,
  title={Delta: Same Link Again},
  author={Poe, Paul},
  year={2022}
}
```
"""

#: (path, code) of the list's own defects, as the import records them
DEFECTS = {
    ("docs/papers/alpha.md", "bad-url"),  # the code link's scheme typo
    ("docs/papers/nodate.md", "no-date"),  # no year anywhere in the list
    ("references.bib", "bib-no-year"),
    ("docs/papers/gamma.md", "duplicate-link"),  # one paper link on two papers
}
WARNING = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+): (?:WARNING|ERROR): (?P<code>[\w-]+):", re.M)
KNOWN = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+): known problem (?P<code>[\w-]+):", re.M)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    """A new shelf with the list imported; the import's summary."""
    root = tmp_path / "shelf"
    assert cli(capsys, "init", str(root), "--title", "Defects")[0] == 0
    source = tmp_path / "list.md"
    source.write_text(LIST, encoding="utf-8")
    code, out, _ = cli(capsys, "--root", str(root), "import", str(source))
    assert code == 0
    return root, out


def strict_build(root: Path, out: Path, *options: str) -> tuple[int, str, str]:
    """The shelf's ``make html`` without its venv: ``-W --keep-going`` from the shelf's root."""
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-c", ".", "-W", "--keep-going", *options, "-b", "html", "docs", str(out)],
        cwd=root, capture_output=True, text=True, check=False,
    )
    return result.returncode, strip_colors(result.stdout), strip_colors(result.stderr)


def found(pattern: re.Pattern[str], text: str, root: Path) -> set[tuple[str, str]]:
    return {(Path(m["path"]).relative_to(root).as_posix() if Path(m["path"]).is_absolute() else m["path"], m["code"]) for m in pattern.finditer(text)}


def recorded(root: Path) -> list[baseline.KnownProblem]:
    return list(baseline.read(root / "known-problems.json"))


def notes_table(out: Path) -> set[tuple[str, str, str, str]]:
    """(file, line, code, message) of each row of the Data notes page's known-problems table."""
    text = (out / "maintainers" / "data-notes.html").read_text(encoding="utf-8")
    table = text.split("paper-known-table", 1)[1].split("</table>", 1)[0] if "paper-known-table" in text else ""
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)
    result = set()
    for row in rows[1:]:
        cells = [html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        result.add((cells[0], cells[1], cells[2], cells[3]))
    return result


def notes_rows(out: Path) -> set[tuple[str, str]]:
    """(file, code) of each row of the Data notes page's known-problems table."""
    return {(path, code) for path, _, code, _ in notes_table(out)}


def test_import_records_the_lists_defects_and_the_strict_build_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, summary = imported(tmp_path, capsys)
    entries = recorded(root)
    assert {(e.path, e.code) for e in entries} == DEFECTS
    assert "4 known problems recorded in known-problems.json" in summary
    text = (root / "known-problems.json").read_text(encoding="utf-8")
    assert text == baseline.render(entries)  # sorted and stable: rendering it again changes nothing
    # every entry has its line and a message saying what to do
    assert all(e.line > 0 and e.message for e in entries)

    out = tmp_path / "html"
    for _ in range(2):  # the first build, then a no-op one: both pass and both say so
        code, stdout, stderr = strict_build(root, out)
        assert code == 0, stderr
        assert "WARNING" not in stderr and "ERROR" not in stderr
        assert found(KNOWN, stdout, root) == DEFECTS
        assert "4 known problems (known-problems.json), listed on maintainers/data-notes.html" in stdout
    assert notes_rows(out) == DEFECTS
    # file, line, code and the message (which says how to fix it), as check prints them
    assert notes_table(out) == {(e.path, str(e.line), e.code, e.message) for e in entries}

    code, stdout, stderr = cli(capsys, "--root", str(root), "check")
    assert code == 0
    assert stdout.startswith("known problems (4, in known-problems.json")
    assert "no new findings, 4 known problems (known-problems.json)" in stderr
    # a second import of the same list records the same problems, and rewrites nothing
    before = (root / "known-problems.json").stat().st_mtime_ns
    code, again, _ = cli(capsys, "--root", str(root), "import", str(tmp_path / "list.md"))
    assert code == 0 and "4 known problems recorded" in again
    assert (root / "known-problems.json").stat().st_mtime_ns == before


def test_a_new_problem_fails_the_strict_build_and_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, _ = imported(tmp_path, capsys)
    out = tmp_path / "html"
    assert strict_build(root, out)[0] == 0
    page = root / "docs" / "papers" / "gamma.md"
    bump(page, page.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel: x\ntitle:", 1))
    for _ in range(2):  # the page read, then a no-op build: it fails both times, on the new problem only
        code, stdout, stderr = strict_build(root, out)
        assert code != 0
        assert found(WARNING, stderr, root) == {("docs/papers/gamma.md", "unknown-key")}, stderr
        assert found(KNOWN, stdout, root) == DEFECTS  # still known, though gamma's link moved down a line
    code, stdout, stderr = cli(capsys, "--root", str(root), "check")
    assert code == 1
    new, _, known = stdout.partition("known problems (4, in known-problems.json")
    assert re.fullmatch(r"docs/papers/gamma\.md:\d+: unknown-key .*\n", new)
    assert len(known.strip().splitlines()) == 5
    assert "1 new finding, 4 known problems" in stderr
    assert len(recorded(root)) == 4  # check records nothing new


def test_a_known_problem_in_another_file_is_new(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The file is part of a known problem's identity: the same defect on a new page fails the build."""
    root, _ = imported(tmp_path, capsys)
    bib = root / "references.bib"
    entry = "@misc{nodate2,\n  title={Nodate 2},\n  author={Doe, Jane}\n}\n"
    page = root / "docs" / "papers" / "nodate2.md"
    page.write_text("---\nkey: nodate2\ntitle: Nodate 2\nshort_name: NoDate2\nstatus: unread\n---\n", encoding="utf-8")
    bump(bib, bib.read_text(encoding="utf-8") + "\n" + entry)
    code, _, stderr = strict_build(root, tmp_path / "html")
    assert code != 0
    # the new page's no-date has the very message of nodate.md's, but another file; its bib-no-year another key
    assert found(WARNING, stderr, root) == {("docs/papers/nodate2.md", "no-date"), ("references.bib", "bib-no-year")}, stderr
    assert cli(capsys, "--root", str(root), "check")[0] == 1


def test_a_fixed_problem_leaves_the_baseline_and_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, _ = imported(tmp_path, capsys)
    out = tmp_path / "html"
    assert strict_build(root, out)[0] == 0
    # fix the undated paper (its page and its entry); move alpha's bad link down a line
    page = root / "docs" / "papers" / "nodate.md"
    bump(page, page.read_text(encoding="utf-8").replace("\nstatus:", "\ndate: '2021-05'\nstatus:", 1))
    bib = root / "references.bib"
    bump(bib, bib.read_text(encoding="utf-8").replace("author={Doe, Jane}\n}", "author={Doe, Jane},\n  year={2021}\n}"))
    alpha = root / "docs" / "papers" / "alpha.md"
    bump(alpha, alpha.read_text(encoding="utf-8").replace("\nstatus:", "\ndate: '2020-03'\nstatus:", 1))
    line_before = next(e.line for e in recorded(root) if e.code == "bad-url")

    code, stdout, stderr = cli(capsys, "--root", str(root), "check")
    assert code == 0, stdout
    assert "2 fixed problems removed from known-problems.json" in stderr
    left = recorded(root)
    assert {(e.path, e.code) for e in left} == {("docs/papers/alpha.md", "bad-url"), ("docs/papers/gamma.md", "duplicate-link")}
    assert next(e.line for e in left if e.code == "bad-url") == line_before + 1  # the line follows the problem
    assert cli(capsys, "--root", str(root), "check")[2].endswith("no new findings, 2 known problems (known-problems.json)\n")  # nothing more to drop

    code, stdout, stderr = strict_build(root, out)
    assert code == 0, stderr
    assert notes_rows(out) == {("docs/papers/alpha.md", "bad-url"), ("docs/papers/gamma.md", "duplicate-link")}
    assert "2 known problems (known-problems.json)" in stdout

    # the last ones fixed: the baseline is empty, the page says so, the build passes without it
    bump(alpha, alpha.read_text(encoding="utf-8").replace("code: ttps://", "code: https://"))
    delta = root / "docs" / "papers" / "delta.md"
    bump(delta, delta.read_text(encoding="utf-8").replace("papers/shared.pdf", "papers/delta.pdf"))
    assert cli(capsys, "--root", str(root), "check")[0] == 0
    assert recorded(root) == []
    code, stdout, stderr = strict_build(root, out)
    assert code == 0, stderr
    assert notes_rows(out) == set()
    assert "No known problems" in (out / "maintainers" / "data-notes.html").read_text(encoding="utf-8")
    assert "known problem" not in stdout


def test_parallel_strict_builds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``make html`` builds with ``-j``: a worker's warnings reach the main process, where known ones are told apart."""
    root, _ = imported(tmp_path, capsys)
    out = tmp_path / "html"
    for _ in range(2):
        code, stdout, stderr = strict_build(root, out, "-E", "-j", "2")
        assert code == 0, stderr
        assert found(KNOWN, stdout, root) == DEFECTS
    page = root / "docs" / "papers" / "gamma.md"
    bump(page, page.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel: x\ntitle:", 1))
    code, stdout, stderr = strict_build(root, out, "-E", "-j", "2")
    assert code != 0
    assert found(WARNING, stderr, root) == {("docs/papers/gamma.md", "unknown-key")}, stderr
    assert found(KNOWN, stdout, root) == DEFECTS


def test_check_json_flags_known_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, _ = imported(tmp_path, capsys)
    page = root / "docs" / "papers" / "gamma.md"
    page.write_text(page.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel: x\ntitle:", 1), encoding="utf-8")
    code, stdout, _ = cli(capsys, "--root", str(root), "check", "--format", "json")
    assert code == 1
    report = json.loads(stdout)
    assert {key for item in report["findings"] for key in item} == {"path", "line", "code", "message", "known"}
    assert {(f["path"], f["code"]) for f in report["findings"] if f["known"]} == DEFECTS
    assert [(f["path"], f["code"]) for f in report["findings"] if not f["known"]] == [("docs/papers/gamma.md", "unknown-key")]
    assert [(f["path"], f["line"]) for f in report["findings"]] == sorted((f["path"], f["line"]) for f in report["findings"])


def test_a_baseline_that_does_not_parse_hides_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, _ = imported(tmp_path, capsys)
    (root / "known-problems.json").write_text("{not json", encoding="utf-8")
    code, _, err = cli(capsys, "--root", str(root), "check")
    assert code == 1 and "known-problems.json is not a list of known problems" in err
    code, _, stderr = strict_build(root, tmp_path / "html")
    assert code != 0
    assert found(WARNING, stderr, root) >= DEFECTS and "known-problems.json is not a list of known problems" in stderr


def test_matching_by_identity_not_line() -> None:
    """An entry matches a finding of its code, file and message wherever it moved; each entry excuses one finding."""
    entries = [baseline.KnownProblem("raw-html", "a.md", 10, "raw"), baseline.KnownProblem("raw-html", "a.md", 20, "raw")]
    problems = [Problem(Code.RAW_HTML, "raw", line, "a.md") for line in (5, 10, 20)]
    new, known = baseline.split(problems, entries)
    assert [p.line for p in new] == [5] and [p.line for p in known] == [10, 20]
    moved = [Problem(Code.RAW_HTML, "raw", line, "a.md") for line in (12, 22)]
    assert baseline.split(moved, entries) == ([], moved)
    assert baseline.split([Problem(Code.RAW_HTML, "other", 10, "a.md")], entries)[0]  # another message: new
    matcher = baseline.Matcher(entries)  # the build's, one warning at a time
    assert [matcher.known("raw-html", "a.md", line, "raw") for line in (10, 10, 12, 30)] == [True, True, True, False]


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_an_init_shelf_with_an_imported_list_builds_with_its_own_makefile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`make html` (-W --keep-going -j 3) and `make check` of the shelf itself, its venv standing in for ours."""
    root, _ = imported(tmp_path, capsys)
    tools = root / ".venv" / "bin"
    tools.mkdir(parents=True)
    for name, module in (("sphinx-build", "sphinx"), ("papershelf", "papershelf")):
        (tools / name).write_text(f"#!/bin/sh\nexec {sys.executable} -m {module} \"$@\"\n", encoding="utf-8")
        (tools / name).chmod(0o755)
    (tools / "python").symlink_to(sys.executable)
    (root / ".venv" / ".installed").touch()
    os.utime(root / "requirements.txt", (0, 0))  # older than .installed: nothing to install
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    html = subprocess.run(["make", "html"], cwd=root, env=env, capture_output=True, text=True, check=False)
    assert html.returncode == 0, html.stdout[-3000:] + html.stderr[-3000:]
    assert "WARNING" not in html.stderr and "4 known problems (known-problems.json)" in html.stdout
    assert notes_rows(root / "_build" / "html") == DEFECTS
    check = subprocess.run(["make", "check"], cwd=root, env=env, capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout[-3000:] + check.stderr[-3000:]
    assert "known problems (4" in check.stdout
