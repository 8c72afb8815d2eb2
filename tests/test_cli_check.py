"""`papershelf check`: lint a shelf without Sphinx (issue: authoring tools)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO
from papershelf.cli import main
from papershelf.formats.bibfile import BibScan
from papershelf.formats.frontmatter import FrontMatter
from papershelf.model.problems import Code
from papershelf.shelf import load as check_module

GOOD_BIB = """\
@misc{alpha2020,
  title={Alpha},
  author={Smith, Ann and Jones, Bob},
  year={2020},
  eprint={2003.00001},
  archivePrefix={arXiv}
}
"""


def make_shelf(root: Path, pages: dict[str, str], bib: str) -> Path:
    (root / "docs" / "papers").mkdir(parents=True)
    (root / "conf.py").write_text('extensions = ["papershelf"]\nbibtex_bibfiles = ["references.bib"]\n', encoding="utf-8")
    (root / "references.bib").write_text(bib, encoding="utf-8")
    for name, text in pages.items():
        (root / "docs" / "papers" / f"{name}.md").write_text(text, encoding="utf-8")
    return root


def page(key: str, short: str, paper: str = "", extra: str = "") -> str:
    links = f"links:\n  paper: {paper}\n" if paper else ""
    return f"---\nkey: {key}\ntitle: {short} paper\nshort_name: {short}\nstatus: read\ndate: \"2020-03\"\n{links}{extra}---\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def findings(out: str) -> set[tuple[str, int, str]]:
    result = set()
    for line in out.splitlines():
        path, line_no, rest = line.split(":", 2)
        result.add((path, int(line_no), rest.split()[0]))
    return result


def test_real_content_has_no_findings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--root", str(REPO), "check")
    assert (code, out) == (0, "")
    assert "19 papers" in err and "no findings" in err


def test_module_entry_point_finds_the_shelf_from_the_current_directory() -> None:
    result = subprocess.run([sys.executable, "-m", "papershelf", "check"], cwd=REPO / "docs" / "papers", capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_every_kind_of_problem_is_reported_at_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bib = GOOD_BIB + """
@misc{beta2021,
  title={Beta},
  author={Ann Smith, Bob Jones, Carl Brown},
  year={2021},
  eprint={2104.00002}
}

@misc{broken2021,
  title={Broken},
  year={2021}
  author={Smith, Ann}
}

@misc{noyear,
  title={No year},
  author={Smith, Ann}
}

@misc{alpha2020,
  title={Alpha again},
  year={2020}
}

@misc{orphan2019,
  title={Nobody's page},
  author={Smith, Ann},
  year={2019}
}
"""
    root = make_shelf(tmp_path / "shelf", {
        "alpha": page("alpha2020", "Alpha", "https://arxiv.org/abs/2003.00001", "relations:\n  builds_on: missing2019\n"),
        "beta": page("beta2021", "Beta", "https://arxiv.org/pdf/2003.00001v2"),
        "gamma": page("gamma2022", "Gamma", "ttps://example.org/gamma.pdf"),
        "noyear": page("noyear", "NoYear"),
        "broken": page("broken2021", "Broken"),
        "syntax": "---\nkey: syntax2020\ntitle: [unclosed\n---\n",
        "notes": "Just some notes, no front matter.\n",
    }, bib)
    code, out, _ = run(capsys, "--root", str(root), "check")
    assert code == 1
    assert findings(out) == {
        ("docs/papers/alpha.md", 10, "unknown-relation"),
        ("docs/papers/beta.md", 8, "duplicate-link"),  # the same arXiv paper as alpha's link
        ("docs/papers/beta.md", 8, "arxiv-mismatch"),  # 2003.00001 vs eprint 2104.00002
        ("docs/papers/gamma.md", 8, "bad-url"),
        ("docs/papers/gamma.md", 2, "no-bib-entry"),
        ("docs/papers/notes.md", 1, "not-a-paper"),
        ("docs/papers/syntax.md", 3, "front-matter-syntax"),
        ("references.bib", 11, "bib-authors"),
        ("references.bib", 18, "bib-syntax"),  # the rest of the file is still checked:
        ("references.bib", 22, "bib-no-year"),
        ("references.bib", 27, "bib-duplicate"),
        ("references.bib", 32, "no-page"),
    }
    assert "its first entry is on line 1" in out
    assert "docs/papers/beta.md:8: duplicate-link paper link https://arxiv.org/pdf/2003.00001v2 is also the paper link of Alpha (docs/papers/alpha.md:8)" in out


def test_json_output_for_machines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_shelf(tmp_path / "shelf", {"alpha": page("alpha2020", "Alpha", "ttps://arxiv.org/abs/2003.00001")}, GOOD_BIB)
    code, out, _ = run(capsys, "check", "--root", str(root), "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert report["papers"] == 1 and report["entries"] == 1
    assert report["findings"] == [{"path": "docs/papers/alpha.md", "line": 8, "code": "bad-url", "message": report["findings"][0]["message"], "known": False}]
    assert "ttps://" in report["findings"][0]["message"]


def test_clean_shelf_exits_zero_and_json_is_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_shelf(tmp_path / "shelf", {"alpha": page("alpha2020", "Alpha", "https://arxiv.org/abs/2003.00001")}, GOOD_BIB)
    assert run(capsys, "--root", str(root), "check")[:2] == (0, "")
    code, out, _ = run(capsys, "--root", str(root), "check", "--format", "json")
    assert code == 0 and json.loads(out)["findings"] == []


def test_each_file_is_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    pages = {f"p{i}": page(f"p{i}", f"P{i}", f"https://example.org/p{i}.pdf") for i in range(30)}
    bib = "".join(f"@misc{{p{i},\n  title={{P{i}}},\n  author={{Smith, Ann}},\n  year={{2020}}\n}}\n\n" for i in range(30))
    root = make_shelf(tmp_path / "shelf", pages, bib)
    calls = {"front": 0, "bib": 0}
    real_front, real_bib = check_module.frontmatter.parse_front_matter, check_module.scan_text

    def count_front(text: str) -> FrontMatter | None:
        calls["front"] += 1
        return real_front(text)

    def count_bib(text: str, scan: BibScan) -> None:
        calls["bib"] += 1
        return real_bib(text, scan)

    monkeypatch.setattr(check_module.frontmatter, "parse_front_matter", count_front)
    monkeypatch.setattr(check_module, "scan_text", count_bib)
    assert run(capsys, "--root", str(root), "check")[:2] == (0, "")
    assert calls == {"front": 30, "bib": 1}


def test_fast_front_matter_loader_matches_the_pure_python_one() -> None:
    import yaml
    from papershelf.formats import frontmatter

    for path in sorted((REPO / "docs" / "papers").glob("*.md")):
        split = frontmatter.split_front_matter(path.read_text(encoding="utf-8"))
        assert split is not None
        fast = yaml.load(split[0], Loader=frontmatter._FastLineLoader)
        slow = yaml.load(split[0], Loader=frontmatter._LineLoader)
        assert fast == slow and fast.lines == slow.lines
    broken = frontmatter.parse_front_matter("---\nkey: x\ntitle: [unclosed\n---\n")
    assert broken is not None and broken.error and broken.error_line == 3


def test_missing_shelf_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--root", str(tmp_path), "check")
    assert code == 1 and out == ""
    assert "has no conf.py" in err and len(err.strip().splitlines()) == 1


def test_every_code_is_documented() -> None:
    for code in Code:
        assert code.slug and len(code.doc) > 20, code


def test_check_of_a_copy_of_the_real_shelf_sees_an_edit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "shelf"
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copy(REPO / "conf.py", root)
    bib = (REPO / "references.bib").read_text(encoding="utf-8")
    (root / "references.bib").write_text(bib.replace("primaryClass={cs.AI},", "primaryClass={cs.AI}", 1), encoding="utf-8")
    code, out, _ = run(capsys, "--root", str(root), "check")
    assert code == 1
    assert findings(out) == {("references.bib", 7, "bib-syntax")}
