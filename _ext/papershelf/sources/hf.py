"""The Hugging Face Hub: models and datasets that name a paper's arXiv id.

``GET /api/models?filter=arxiv:<id>`` and ``GET /api/datasets?filter=arxiv:<id>``
answer lists of repositories (``id``) whose card cites the paper (an empty
list for an id nobody cites). The first few of each become the page's model
and dataset links. An id whose answer is malformed is reported by name and
changes nothing; the other ids are kept.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from papershelf.sources import base
from papershelf.sources.http import BadAnswer, HttpClient, SourceError

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from papershelf.model.records import BibEntry, Paper

NAME = "hf"
DEFAULT_API = "https://huggingface.co"
HUB = "https://huggingface.co"
ENV_API = "PAPERSHELF_HF_API"
#: most repositories kept of each kind
LIMIT = 5
REPO_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,95}(/[A-Za-z0-9][A-Za-z0-9_.-]{0,95})?$")


def hub_url(kind: str, repo: str) -> str:
    return f"{HUB}/datasets/{repo}" if kind == "datasets" else f"{HUB}/{repo}"


class HubSource:
    name = NAME
    batch = 1

    def __init__(self, http: HttpClient) -> None:
        self.http = http

    @classmethod
    def from_env(cls, env: Mapping[str, str], **http: Any) -> HubSource:
        return cls(HttpClient(NAME, env.get(ENV_API) or DEFAULT_API, pause=http.pop("pause", 0.5), **http))

    def ids_of(self, paper: Paper, entry: BibEntry | None) -> list[str]:
        arxiv = base.arxiv_id(paper, entry)
        return [arxiv] if arxiv else []

    def fetch(self, ids: Sequence[str]) -> base.Fetched:
        result = base.Fetched()
        for identifier in ids:
            try:
                result.answers[identifier] = {kind: self._repositories(kind, identifier) for kind in ("models", "datasets")}
            except BadAnswer as error:  # one id's answer; a Hub that does not answer stops the run
                result.spoiled(NAME, identifier, error.reason)
        return result

    def _repositories(self, kind: str, identifier: str) -> list[str]:
        answer = self.http.request("GET", f"/api/{kind}", identifier, params={"filter": f"arxiv:{identifier}", "limit": str(LIMIT * 4)})
        if answer.status == 404:
            return []
        if answer.status != 200:
            raise SourceError(NAME, identifier, f"HTTP {answer.status} from {self.http.base_url}/api/{kind}")
        data = answer.json(NAME, identifier)
        if not isinstance(data, list):
            raise BadAnswer(NAME, identifier, f"the {kind} answer is not a list")
        repos = [repo for item in data if isinstance(item, dict) and REPO_ID.match(repo := base.text(item.get("id"), 200))]
        return repos[:LIMIT]
