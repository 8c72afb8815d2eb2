"""Is each external link alive? Bounded, paced per host, cached with the day checked.

A link is asked with ``HEAD`` (``GET``, its body never read, when a server
refuses ``HEAD``), redirects followed by hand up to :data:`MAX_REDIRECTS`, so
each hop is checked: only ``http``/``https`` are followed, and hosts that are
IP literals of this machine or a private network are not asked at all (a
page from a pull request must not make the build machine probe its own
network). At most ``connections`` requests run at once, and two requests to
one host start at least ``pause`` seconds apart.

Verdicts: ``ok``; ``dead`` (404, 410, a name that does not resolve); ``moved``
(a redirect to a different paper: another arXiv id or DOI); ``unknown`` (403,
429, 5xx, timeouts, refused connections: the site may only dislike robots).
When no host at all could be reached the network is taken to be missing.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import requests

from papershelf.formats import arxivid
from papershelf.sources.http import USER_AGENT

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from papershelf.sources.cache import SourceCache

MAX_REDIRECTS = 5
DEAD = (404, 410)
DOI = re.compile(r"(10\.\d{4,9}/[^\s?#]+)")
NEW_ARXIV = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])")


@dataclass(frozen=True)
class Verdict:
    url: str
    state: str  #: ok, dead, moved, unknown
    detail: str = ""  #: HTTP status or error, and where it went
    final: str = ""  #: the URL the redirects ended at
    reached: bool = True  #: a server answered (False: no connection at all)


def paper_id(url: str) -> str:
    """The paper a URL names: its arXiv id or DOI, or ""."""
    found = arxivid.of_link(url)
    if found:
        return f"arxiv:{found}"
    path = urlsplit(url).path
    doi = DOI.search(path)
    if doi:
        return f"doi:{doi.group(1).lower().rstrip('/')}"
    new = NEW_ARXIV.search(path)
    return f"arxiv:{new.group(1)}" if new and "arxiv" in url.lower() else ""


def private_host(host: str) -> bool:
    """An IP literal of this machine or a private network, or ``localhost``."""
    if host.lower().rstrip(".") in ("localhost", "localhost.localdomain") or host.lower().endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return address.is_private or address.is_loopback or address.is_link_local or address.is_reserved or address.is_unspecified


class LinkChecker:
    def __init__(self, connections: int = 4, pause: float = 1.0, timeout: float = 15.0, allow_private: bool = False,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic) -> None:
        self.connections = max(1, min(connections, 16))
        self.pause, self.timeout, self.allow_private = pause, timeout, allow_private
        self.sleep, self.clock = sleep, clock
        self._hosts: dict[str, float] = {}
        self._lock = threading.Lock()
        self._local = threading.local()
        self.requests_made = 0
        self.hosts_started: list[tuple[str, float]] = []  #: (host, start), for the tests
        self.asked: list[Verdict] = []  #: verdicts of this run's requests (not the cached ones)

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
            session.headers["User-Agent"] = USER_AGENT
        return session

    def _turn(self, host: str) -> None:
        while True:
            with self._lock:
                now = self.clock()
                wait = self._hosts.get(host, -1e9) + self.pause - now
                if wait <= 0:
                    self._hosts[host] = now
                    self.requests_made += 1
                    self.hosts_started.append((host, now))
                    return
            self.sleep(wait)

    def check(self, url: str) -> Verdict:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            parts = urlsplit(current)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                return Verdict(url, "unknown", f"redirects to a {parts.scheme or 'relative'} link, not followed", current)
            if private_host(parts.hostname) and not self.allow_private:
                return Verdict(url, "unknown", "a private or local address, not checked", current)
            self._turn(parts.hostname.lower())
            try:
                response = self._ask(current)
            except requests.Timeout:
                return Verdict(url, "unknown", f"no answer within {self.timeout:g} s", current)
            except requests.ConnectionError as error:
                reason = str(error)
                if isinstance(getattr(error, "__context__", None), socket.gaierror) or "Name or service not known" in reason or "nodename nor servname" in reason:
                    return Verdict(url, "dead", "the host name does not resolve", current, reached=False)
                return Verdict(url, "unknown", "the connection failed", current, reached=False)
            except requests.RequestException as error:
                return Verdict(url, "unknown", str(error)[:120], current)
            status = response.status_code
            if status in (301, 302, 303, 307, 308) and response.headers.get("Location"):
                current = urljoin(current, response.headers["Location"])
                continue
            if status in DEAD:
                return Verdict(url, "dead", f"HTTP {status}", current)
            if status >= 400:
                return Verdict(url, "unknown", f"HTTP {status}", current)
            before, after = paper_id(url), paper_id(current)
            if current != url and before and after and before != after:
                return Verdict(url, "moved", f"redirects to {current} (another paper)", current)
            return Verdict(url, "ok", f"HTTP {status}", current)
        return Verdict(url, "unknown", f"more than {MAX_REDIRECTS} redirects", current)

    def _ask(self, url: str) -> requests.Response:
        session = self._session()
        response = session.head(url, allow_redirects=False, timeout=self.timeout)
        response.close()
        if response.status_code in (405, 501, 400, 403):  # some servers refuse HEAD only
            response = session.get(url, allow_redirects=False, timeout=self.timeout, stream=True)
            response.close()  # the body is never read
        return response

    def check_all(self, urls: Iterable[str], cache: SourceCache | None = None, today: dt.date | None = None,
                  max_age: dt.timedelta | None = dt.timedelta(days=7), progress: Callable[[int], None] | None = None) -> dict[str, Verdict]:
        """Every URL's verdict; fresh cached ones are not asked again, new ones are cached as they arrive."""
        today = today or dt.date.today()
        result: dict[str, Verdict] = {}
        todo: list[str] = []
        for url in dict.fromkeys(urls):
            record = cache.fresh(url, today, max_age) if cache is not None else None
            data = record.data if record is not None else None
            if isinstance(data, dict) and data.get("state") in ("ok", "dead", "moved", "unknown") and data.get("state") != "unknown":
                result[url] = Verdict(url, str(data["state"]), str(data.get("detail", ""))[:300], str(data.get("final", ""))[:2000])
            else:
                todo.append(url)
        # one host's links spread out, so the pause per host rarely idles a connection
        with ThreadPoolExecutor(max_workers=self.connections) as pool:
            for done, verdict in enumerate(pool.map(self.check, _interleave(todo)), 1):
                result[verdict.url] = verdict
                self.asked.append(verdict)
                if cache is not None and verdict.state != "unknown" and verdict.reached:  # no network is no verdict
                    cache.put_many({verdict.url: {"state": verdict.state, "detail": verdict.detail, "final": verdict.final}}, today)
                if progress is not None:
                    progress(done)
        return result


def _interleave(urls: list[str]) -> list[str]:
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault((urlsplit(url).hostname or "").lower(), []).append(url)
    queues = list(by_host.values())
    result: list[str] = []
    while queues:
        result.extend(queue.pop(0) for queue in queues)
        queues = [queue for queue in queues if queue]
    return result
