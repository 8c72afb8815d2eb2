"""`papershelf init` writes the weekly refresh workflow and documents it (issue 24)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from papershelf.commands.init import InitOptions, init_shelf


def test_init_writes_a_weekly_refresh_workflow(tmp_path: Path) -> None:
    root = tmp_path / "shelf"
    init_shelf(root, InitOptions(title="Robots: a list", author="Test"))
    text = (root / ".github" / "workflows" / "refresh.yml").read_text(encoding="utf-8")
    assert "Robots: a list" in text and "{{title}}" not in text
    workflow = yaml.safe_load(text)
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert set(triggers) == {"schedule", "workflow_dispatch"}  # never runs code from a pull request
    assert re.fullmatch(r"\d+ \d+ \* \* \d", triggers["schedule"][0]["cron"])
    assert workflow["permissions"] == {"contents": "write", "pull-requests": "write"}
    steps = workflow["jobs"]["refresh"]["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "papershelf enrich --refresh-older-than 7d" in runs and "papershelf check --links" in runs
    uses = [step["uses"] for step in steps if "uses" in step]
    assert any(u.startswith("peter-evans/create-pull-request@") for u in uses)
    assert any(u.startswith("actions/cache@") for u in uses)
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    # untrusted report text only reaches the pull request body as indented code, never a run script
    assert "${{ steps." not in runs
    secrets = set(re.findall(r"secrets\.([A-Z_]+)", text))
    assert secrets == {"SEMANTIC_SCHOLAR_API_KEY", "GITHUB_TOKEN", "PAPERSHELF_PR_TOKEN"}
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "## Staying current" in readme
    for secret in secrets:
        assert f"`{secret}`" in readme
    assert (root / "docs" / "authors.md").is_file() and (root / "docs" / "venues.md").is_file()
