"""GitHub's REST API for code links: stars, last push, archived.

``GET /repos/{owner}/{repo}`` for every code link on github.com. With
``GITHUB_TOKEN`` the limit is 5,000 requests an hour; without, 60. When GitHub
says the limit is spent (403 or 429 with ``X-RateLimit-Remaining: 0``, the
summary saying when ``X-RateLimit-Reset`` frees it; or a secondary limit's
``Retry-After``), the source stops for this run and the repositories left are
asked next run (the cache keeps every answer already in). A repository that
is gone (404, 451) is unknown; one that answers another 403 or a malformed
answer is reported by name and changes nothing, the others are kept.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from papershelf.sources import base
from papershelf.sources.http import Answer, BadAnswer, HttpClient, SourceStopped

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from papershelf.model.records import BibEntry, Paper

NAME = "github"
DEFAULT_API = "https://api.github.com"
ENV_API, ENV_KEY = "PAPERSHELF_GITHUB_API", "GITHUB_TOKEN"
PART = re.compile(r"^[A-Za-z0-9_.-]{1,100}$")


def repo_of(url: str) -> str:
    """``owner/repo`` of a github.com repository URL, or ""."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or parts.hostname not in ("github.com", "www.github.com"):
        return ""
    path = [part for part in parts.path.split("/") if part]
    if len(path) < 2:
        return ""
    owner, repo = path[0], path[1].removesuffix(".git")
    if not (PART.match(owner) and PART.match(repo)) or {owner, repo} & {".", ".."}:  # a dot segment would leave /repos/
        return ""
    return f"{owner}/{repo}".lower()


class GitHubSource:
    name = NAME
    batch = 1

    def __init__(self, http: HttpClient) -> None:
        self.http = http
        self.spent = False

    @classmethod
    def from_env(cls, env: Mapping[str, str], **http: Any) -> GitHubSource:
        token = env.get(ENV_KEY, "").strip()
        headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return cls(HttpClient(NAME, env.get(ENV_API) or DEFAULT_API, pause=http.pop("pause", 1.0), headers=headers, **http))

    def ids_of(self, paper: Paper, entry: BibEntry | None) -> list[str]:
        return list(dict.fromkeys(found for link in paper.links_of("code") if (found := repo_of(link.url))))[:1]

    def fetch(self, ids: Sequence[str]) -> base.Fetched:
        result = base.Fetched()
        for identifier in ids:
            if self.spent:
                raise SourceStopped(NAME, identifier, SPENT)
            answer = self.http.request("GET", f"/repos/{identifier}", identifier, ok=(200, 404, 403, 451))
            remaining = answer.headers.get("X-RateLimit-Remaining", answer.headers.get("x-ratelimit-remaining", "")).strip()
            if answer.status in (403, 429) and (remaining == "0" or answer.headers.get("Retry-After")):
                raise SourceStopped(NAME, identifier, SPENT + _reset(answer.headers))
            self.spent = remaining == "0"
            if answer.status in (404, 451):
                result.answers[identifier] = None
                continue
            try:
                result.answers[identifier] = self._repository(answer, identifier)
            except BadAnswer as error:
                result.spoiled(NAME, identifier, error.reason)
        return result

    def _repository(self, answer: Answer, identifier: str) -> dict[str, Any]:
        if answer.status != 200:  # a 403 of another kind (a repository blocked for us)
            raise BadAnswer(NAME, identifier, f"HTTP {answer.status} from {self.http.base_url}")
        data = answer.json(NAME, identifier)
        if not isinstance(data, dict):
            raise BadAnswer(NAME, identifier, "the answer is not a repository")
        stars = base.count(data.get("stargazers_count"))
        if stars is None:
            raise BadAnswer(NAME, identifier, "the answer has no stargazers_count")
        return {"stars": stars, "pushed_at": base.iso_day(data.get("pushed_at")), "archived": data.get("archived") is True}


SPENT = "the rate limit is spent; the rest is asked next run (set GITHUB_TOKEN for 5,000 requests an hour)"


def _reset(headers: Mapping[str, str]) -> str:
    """When GitHub frees the limit (``X-RateLimit-Reset``, seconds since 1970), as words; "" when unsaid."""
    value = headers.get("X-RateLimit-Reset", headers.get("x-ratelimit-reset", "")).strip()
    if not value.isdigit() or len(value) > 11:
        return ""
    at = dt.datetime.fromtimestamp(int(value), dt.UTC)
    return f"; GitHub frees it at {at:%Y-%m-%d %H:%M} UTC"
