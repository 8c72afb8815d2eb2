"""papers.json: the machine-readable catalog, and its JSON Schema."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from helpers import build, copy_root
from papershelf.model.settings import LINK_KINDS, RELATION_KINDS, from_values
from papershelf.shelf.schema import STATUSES
from papershelf.site import events
from papershelf.site.exports import catalog


def load_schema() -> dict[str, Any]:
    return json.loads(catalog.SCHEMA.read_text(encoding="utf-8"))


def load_catalog(app: Any) -> dict[str, Any]:
    return json.loads((Path(app.outdir) / catalog.FILENAME).read_text(encoding="utf-8"))


@pytest.fixture
def built(make_app, tmp_path: Path) -> Any:
    app, _ = build(make_app, copy_root("indexes", tmp_path))
    return app


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(load_schema())


def test_built_catalog_validates_against_its_schema(built: Any) -> None:
    data = load_catalog(built)
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    assert data["version"] == catalog.VERSION


def test_catalog_lists_every_paper_in_time_order(built: Any) -> None:
    papers = load_catalog(built)["papers"]
    # oldest first; the June 2021 tie by short name (Aardvark, Beta); undated last
    assert [p["key"] for p in papers] == ["gamma2022", "alpha2020", "tie2021", "beta2021", "xss2022", "undated2000"]
    for paper in papers:
        assert (Path(built.outdir) / paper["url"]).is_file(), paper["url"]


def test_catalog_records_hold_the_front_matter_facts(built: Any) -> None:
    papers = {p["key"]: p for p in load_catalog(built)["papers"]}
    alpha = papers["alpha2020"]
    assert alpha == {
        "key": "alpha2020",
        "title": "Alpha: A First Model",
        "short_name": "Alpha",
        "aliases": [],
        "date": "2020-03",
        "date_source": "arXiv id",
        "status": "read",
        "tags": ["testing"],
        "links": [
            {"kind": "paper", "label": "", "url": "https://arxiv.org/abs/2003.00001"},
            {"kind": "code", "label": "", "url": "https://github.com/example/alpha"},
        ],
        "models": [{"name": "alpha-base", "url": "https://huggingface.co/example/alpha-base"}],
        "relations": [{"kind": "updated_version", "target": "beta2021"}],
        "architecture": {"vision_encoder": "ViT-B/16", "language_model": "GPT-2"},
        "url": "papers/alpha.html",
        # the living data (papershelf enrich); this page has none
        "metrics": None, "cites": [], "cites_count": 0, "cited_by": [], "cited_by_count": 0, "authors": [], "authors_count": 0,
    }
    assert papers["gamma2022"]["date"] == "2019-01-15"
    assert papers["gamma2022"]["date_source"] == "front matter"
    assert papers["undated2000"]["date"] is None and papers["undated2000"]["date_source"] is None
    assert papers["beta2021"]["models"][1] == {"name": "beta-small", "url": None}
    assert [link["label"] for link in papers["beta2021"]["links"]] == ["v1", "v2"]
    # user text is data here, kept verbatim (JSON needs no HTML escaping)
    assert papers["xss2022"]["title"] == '<script>alert("pwn")</script> & <b>Bold</b>'


def test_schema_rejects_a_broken_record(built: Any) -> None:
    data = load_catalog(built)
    validator = jsonschema.Draft202012Validator(load_schema())
    for field, value in (("status", "finished"), ("date", "2023-13"), ("url", ""), ("links", [{"kind": "code", "label": "", "url": "javascript:alert(1)"}])):
        broken = copy.deepcopy(data)
        broken["papers"][0][field] = value
        assert not validator.is_valid(broken), field
    missing = copy.deepcopy(data)
    del missing["papers"][0]["key"]
    assert not validator.is_valid(missing)


def test_schema_enums_match_the_front_matter_schema() -> None:
    paper = load_schema()["$defs"]["paper"]["properties"]
    assert paper["status"]["enum"] == [*STATUSES, None]
    assert paper["links"]["items"]["properties"]["kind"]["enum"] == list(LINK_KINDS)
    assert paper["relations"]["items"]["properties"]["kind"]["enum"] == list(RELATION_KINDS)
    assert paper["architecture"]["properties"] == {}


def test_the_sites_schema_follows_its_configuration(built: Any) -> None:
    """papers.schema.json beside papers.json holds the shelf's own kinds and facets."""
    schema = json.loads((Path(built.outdir) / catalog.SCHEMA_FILENAME).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(load_catalog(built))
    paper = schema["$defs"]["paper"]["properties"]
    assert list(paper["architecture"]["properties"]) == ["vision_encoder", "language_model", "connector", "parameters", "training_data"]
    assert paper["links"]["items"]["properties"]["kind"]["enum"][-1] == "poster"
    assert paper["relations"]["items"]["properties"]["kind"]["enum"][-1] == "extends"
    other = catalog.json_schema(from_values([{"name": "backbone"}]))
    assert list(other["$defs"]["paper"]["properties"]["architecture"]["properties"]) == ["backbone"]


def test_only_html_builds_write_the_catalog(make_app, tmp_path: Path) -> None:
    app, _ = build(make_app, copy_root("indexes", tmp_path / "html"))
    path = Path(app.outdir) / catalog.FILENAME
    assert path.is_file()
    # a failed build does not write (or refresh) it
    path.unlink()
    events.on_build_finished(app, RuntimeError("build failed"))
    assert not path.exists()
    events.on_build_finished(app, None)
    assert path.is_file()
    text = make_app("text", srcdir=copy_root("indexes", tmp_path / "text"))
    text.build()
    assert not (Path(text.outdir) / catalog.FILENAME).exists()


def test_unchanged_catalog_is_not_rewritten(make_app, tmp_path: Path) -> None:
    srcdir = copy_root("indexes", tmp_path)
    first, _ = build(make_app, srcdir)
    path = Path(first.outdir) / catalog.FILENAME
    stamp = path.stat().st_mtime_ns
    second, _ = build(make_app, srcdir)
    assert second.outdir == first.outdir
    assert path.stat().st_mtime_ns == stamp
    assert load_catalog(second) == load_catalog(first)


def test_the_sites_schema_refuses_what_the_shelf_does_not_configure(built: Any) -> None:
    """A facet, link kind or relation kind the shelf's conf.py does not name is invalid in its papers.json."""
    schema = json.loads((Path(built.outdir) / catalog.SCHEMA_FILENAME).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    data = load_catalog(built)
    assert validator.is_valid(data)
    for change in (
        lambda paper: paper["architecture"].update(unknown_facet="ViT"),
        lambda paper: paper["links"].append({"kind": "no-such-kind", "label": "", "url": "https://example.org"}),
        lambda paper: paper["relations"].append({"kind": "no-such-relation", "target": paper["key"]}),
    ):
        broken = copy.deepcopy(data)
        change(broken["papers"][0])
        assert not validator.is_valid(broken)
