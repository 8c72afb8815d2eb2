# mypy: disable-error-code="union-attr,index"
# (BeautifulSoup lookups are Optional; a None fails the test anyway.)
"""Issue 2: paper pages from front matter, schema warnings, links, -j 2, the real site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from helpers import REPO, build, copy_root, html


def test_paper_header_from_front_matter_and_bibtex(make_app, tmp_path: Path) -> None:
    app, warnings = build(make_app, copy_root("basic", tmp_path))
    assert warnings == ""
    page = BeautifulSoup(html(app, "papers/alpha"), "html.parser")
    header = page.select_one("div.paper-header")
    assert header is not None
    assert page.select_one("h1").get_text().startswith("Alpha: A First Model")
    assert header.select_one(".paper-short-name").get_text() == "Alpha"
    assert header.select_one(".paper-status-read").get_text() == "read"
    assert header.select_one(".paper-date").get_text() == "March 2020"  # from the arXiv id
    assert header.select_one(".paper-authors").get_text() == "Smith, A., & Jones, B."
    venue = header.select_one(".paper-venue")
    assert venue.get_text() == "arXiv 2003.00001, 2020"  # the id is a link, not the venue
    assert venue.a["href"] == "https://arxiv.org/abs/2003.00001"
    links = {a.get_text(): a["href"] for a in header.select(".paper-links a")}
    assert links == {"Paper": "https://arxiv.org/abs/2003.00001", "Code": "https://github.com/example/alpha"}
    models = header.select(".paper-models-table tbody tr")
    assert [row.td.get_text() for row in models] == ["alpha-base"]  # the name is the link text
    assert models[0].td.a.get_text() == "alpha-base"
    assert models[0].a["href"] == "https://huggingface.co/example/alpha-base"
    bibtex = header.select_one(".paper-bibtex pre").get_text()
    assert bibtex.startswith("@misc{alpha2020,") and "Smith, Ann and Jones, Bob" in bibtex
    reference = header.select_one(".paper-reference").get_text()
    assert reference == "Smith, A., & Jones, B. (2020). Alpha: A First Model. arXiv:2003.00001."


def test_paper_pages_are_orphans_listed_by_the_index(make_app, tmp_path: Path) -> None:
    app, warnings = build(make_app, copy_root("basic", tmp_path))
    assert "toctree" not in warnings
    index = BeautifulSoup(html(app, "index"), "html.parser")
    # the global navigation does not list papers; the summary counts them
    assert "3 papers on the shelf: 1 read, 2 not read yet." in index.get_text()
    assert not index.select('.toctree-wrapper a[href^="papers/"]')


def test_schema_problems_warn_with_file_line_and_fix(make_app, tmp_path: Path) -> None:
    app, warnings = build(make_app, copy_root("badinput", tmp_path))
    typo = "papers/typo.md"
    expected = [
        (f"{typo}:4", "unknown front matter key `shortname`; did you mean `short_name`?"),
        (f"{typo}:2", "required key `short_name` is missing"),
        (f"{typo}:5", "`status` is 'finished'; use one of: read, reading, unread"),
        (f"{typo}:6", "'2021-13' has month 13"),
        (f"{typo}:10", "`tags` must be a list of text, not a number"),
        ("papers/good.md:8", "`relations.builds_on` names 'missing2019'"),
        ("index.md:3", "unknown paper key 'nosuchkey'"),
    ]
    for location, message in expected:
        line = next((w for w in warnings.splitlines() if location in w and message in w), None)
        assert line is not None, f"no warning {location}: {message} in\n{warnings}"
    # the page with problems is still built and still listed
    assert (Path(app.outdir) / "papers/typo.html").exists()
    listing = BeautifulSoup(html(app, "papers-index"), "html.parser").get_text()
    for name in ("Good", "Typo", "Late"):
        assert name in listing


def test_non_web_links_are_refused(make_app, tmp_path: Path) -> None:
    app, warnings = build(make_app, copy_root("badinput", tmp_path))
    assert "papers/typo.md:8: WARNING: bad-url: `links.code` is 'ttps://github.com/example/typo'" in warnings
    assert "papers/typo.md:9: WARNING: bad-url: `links.homepage` is 'javascript:alert(1)'" in warnings
    page = html(app, "papers/typo")
    assert "javascript:" not in page and "ttps://github.com/example/typo" not in page


def test_warnings_fail_a_strict_build(tmp_path: Path) -> None:
    srcdir = copy_root("badinput", tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(srcdir), str(tmp_path / "out")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode != 0
    assert "bib-duplicate" in result.stderr or "unknown-key" in result.stderr


def _pages(outdir: Path) -> dict[str, str]:
    return {
        str(p.relative_to(outdir)): p.read_text(encoding="utf-8")
        for p in sorted(outdir.rglob("*.html"))
    }


def test_parallel_build_equals_serial(make_app, tmp_path: Path) -> None:
    serial_src = copy_root("basic", tmp_path / "serial")
    parallel_src = copy_root("basic", tmp_path / "parallel")
    serial, _ = build(make_app, serial_src)
    parallel, warnings = build(make_app, parallel_src, parallel=2)
    assert warnings == ""
    left, right = _pages(Path(serial.outdir)), _pages(Path(parallel.outdir))
    assert left.keys() == right.keys()
    for name in left:
        assert left[name] == right[name], name


def test_real_site_builds_without_warnings(tmp_path: Path) -> None:
    out = tmp_path / "html"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-j", "2", "-c", str(REPO), "-b", "html",
         str(REPO / "docs"), str(out)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == ""
    assert result.stdout.strip() == ""  # -q: not even sphinxext-opengraph's notice about matplotlib
    pages = sorted(p.stem for p in (out / "papers").glob("*.html"))
    assert len(pages) == 19
    assert (out / "index.html").exists()
    assert not (out / "README.html").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "19 papers on the shelf" in index


def test_readthedocs_config_is_valid_and_pinned() -> None:
    schema_path = REPO.parent / "shared" / "reference" / "readthedocs-config-v2.schema.json"
    if not schema_path.exists():
        pytest.skip(f"Read the Docs schema not found at {schema_path}")
    config = yaml.safe_load((REPO / ".readthedocs.yaml").read_text())
    jsonschema.validate(config, __import__("json").loads(schema_path.read_text()))
    assert config["sphinx"]["fail_on_warning"] is True
    assert {"requirements": "requirements/docs.txt"} in config["python"]["install"]
    command = " ".join(config["build"]["jobs"]["build"]["html"])
    assert " -W " in command and "-c . " in command and " docs " in command
    pins = [line for line in (REPO / "requirements/docs.txt").read_text().splitlines() if line and not line.startswith("#")]
    assert pins and all("==" in line for line in pins)


def test_every_pin_installs_on_the_oldest_python_the_package_declares() -> None:
    """Each pinned distribution (as installed from the pins) admits requires-python's floor, e.g. 3.11.0,
    so Debian 12's Python 3.11.2 installs the same set (soupsieve 3.0.2 and later need 3.11.5)."""
    import tomllib
    from importlib import metadata

    from packaging.specifiers import SpecifierSet

    floor = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["requires-python"].removeprefix(">=")
    checked = 0
    for name in ("docs.txt", "test.txt"):
        for line in (REPO / "requirements" / name).read_text().splitlines():
            if "==" not in line or line.startswith("#"):
                continue
            dist_name, version = line.split("==")
            try:
                dist = metadata.distribution(dist_name)
            except metadata.PackageNotFoundError:
                continue
            if dist.version != version.strip():
                continue  # not what this venv installed: nothing to read
            declared = str(dist.metadata.json.get("requires_python") or "")
            assert not declared or SpecifierSet(declared).contains(floor + ".0" if floor.count(".") == 1 else floor), (line, declared)
            checked += 1
    assert checked > 30


EVIL = '<script>alert("x")</script> & "q"'


def test_user_strings_are_escaped_and_external_links_noopener(make_app, tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    quoted = EVIL.replace('"', '\\"')
    (srcdir / "papers/alpha.md").write_text(
        "---\n"
        "key: alpha2020\n"
        f'title: "{quoted}"\n'
        f'short_name: "{quoted}"\n'
        f'aliases: ["{quoted}"]\n'
        "status: read\n"
        "links:\n"
        f'  blog: [{{label: "{quoted}", url: "https://example.org/?a=1&b=<x>"}}]\n'
        f'models: [{{name: "{quoted}", url: "https://example.org/m"}}]\n'
        f'tags: ["{quoted}"]\n'
        f'architecture: {{connector: "{quoted}"}}\n'
        "relations: {updated_version: beta2021}\n"
        "---\n",
        encoding="utf-8",
    )
    bib = srcdir / "refs.bib"
    bib.write_text(bib.read_text().replace("{Alpha: A First Model}", "{<script>alert(1)</script> Alpha}"))
    app, _ = build(make_app, srcdir)
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text, page
    alpha = html(app, "papers/alpha")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;q&quot;" in alpha or \
        "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; \"q\"" in alpha
    # the neighbour's previous-link title (a theme template) is escaped too
    assert "&lt;script&gt;" in html(app, "papers/beta")
    for anchor in BeautifulSoup(alpha, "html.parser").select("a.reference.external"):
        assert anchor["href"].startswith(("http://", "https://"))
        assert "noopener" in str(anchor.get("rel")), anchor


def test_short_name_equal_to_the_title_is_not_shown_twice() -> None:
    from papershelf.model.records import Paper
    from papershelf.site.header import build_header

    same = Paper(key="k", docname="papers/k", title="Flamingo", short_name="flamingo", status="read")
    assert not list(build_header(same, None, None).findall(lambda n: "paper-short-name" in getattr(n, "get", lambda *_: [])("classes", [])))
    other = Paper(key="k", docname="papers/k", title="Visual instruction tuning", short_name="LLaVA", status="read")
    assert build_header(other, None, None).astext().startswith("LLaVA read")
