"""Is each external link alive? Bounded, paced per host, cached with the day checked.

A link is asked with ``HEAD`` (``GET``, its body never read, when a server
refuses ``HEAD``), redirects followed by hand up to :data:`MAX_REDIRECTS`, so
each hop is checked: only ``http``/``https`` are followed, and no host of
this machine or a private network is asked (a page from a pull request must
not make the build machine probe its own network or a cloud's metadata
service). Every hop's host name is resolved first, within the deadline (a
resolver that hangs cannot hold the command), every address of the answer
must be public (not private, loopback, link-local, shared, reserved,
multicast or unspecified), and the request connects to the address checked:
no second lookup, so a name cannot answer a public address to the check and
a private one to the connection (DNS rebinding). TLS still verifies the
certificate against the host name (SNI and hostname check use the name, not
the address). ``allow_private`` (``PAPERSHELF_LINKS_ALLOW_PRIVATE``) lifts the
refusal, for tests against a local server. The metadata APIs' base URLs are
another matter: they are the maintainer's settings, not strangers' links
(:mod:`papershelf.sources.http`). At most ``connections`` requests run at
once, and two requests to one host start at least ``pause`` seconds apart;
each request has one deadline (the watchdog of
:func:`papershelf.sources.http.watchdog`).

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
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import requests

from papershelf.formats import arxivid
from papershelf.sources.http import USER_AGENT, WatchedAdapter, watchdog

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from papershelf.sources.cache import SourceCache

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

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
    """An IP literal of this machine or a private network, or ``localhost`` (known without a lookup)."""
    if host.lower().rstrip(".") in ("localhost", "localhost.localdomain") or host.lower().rstrip(".").endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return private_address(address)


def private_address(address: Address) -> bool:
    """Not an address of the public internet: private, loopback, link-local (169.254.169.254, a cloud's
    metadata), shared (100.64/10), reserved, multicast or unspecified; an IPv4 address inside IPv6 as itself."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not address.is_global or address.is_multicast or address.is_private or address.is_loopback or address.is_link_local


class NoAnswer(Exception):
    """The resolver gave no answer within the deadline."""


def resolve(host: str, port: int, timeout: float) -> list[Address]:
    """The addresses ``host`` resolves to, asked of the system resolver with a deadline.

    ``getaddrinfo`` has no timeout of its own (a stalled resolver holds it for
    as long as its configuration says), so it runs in a daemon thread that is
    abandoned at the deadline: :class:`NoAnswer`. ``socket.gaierror`` when the
    name does not resolve.
    """
    answer: dict[str, Any] = {}
    done = threading.Event()

    def ask() -> None:
        try:
            answer["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_ADDRCONFIG)
        except (OSError, ValueError) as error:  # ValueError: a name IDNA cannot encode (a label over 63 characters)
            answer["error"] = error
        finally:
            done.set()

    threading.Thread(target=ask, name="papershelf-resolve", daemon=True).start()
    if not done.wait(timeout):
        raise NoAnswer(host)
    if "infos" not in answer:
        raise answer.get("error") or socket.gaierror(socket.EAI_FAIL, "no answer")
    addresses: list[Address] = []
    for info in answer["infos"]:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])  # an IPv6 scope ("fe80::1%eth0") is no part of the address
        if address not in addresses:
            addresses.append(address)
    return addresses


class PinnedAdapter(WatchedAdapter):
    """Connects to the address the checker resolved and checked, never looking the name up again.

    ``pins`` maps (host, port) to that address. The connection pool is made
    for the address, while the ``Host`` header, TLS's SNI and the
    certificate's hostname check keep the name.
    """

    def __init__(self) -> None:
        super().__init__()
        self.pins: dict[tuple[str, int], str] = {}

    def build_connection_pool_key_attributes(self, request: requests.PreparedRequest, verify: Any, cert: Any = None) -> Any:
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(request, verify, cert)
        params: dict[str, Any] = dict(host_params)
        kwargs: dict[str, Any] = dict(pool_kwargs)
        host = str(params.get("host") or "").lower().strip("[]")
        port = port_of(params.get("scheme"), params.get("port"))
        pinned = self.pins.get((host, port))
        if pinned is None:
            raise ValueError(f"{host} was not checked before connecting")  # never a lookup that was not checked
        if pinned != host:
            params["host"] = pinned
            if params.get("scheme") == "https":
                kwargs.update(server_hostname=host, assert_hostname=host)  # SNI and the certificate check keep the name
        return params, kwargs

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        netloc = urlsplit(request.url or "").netloc.rpartition("@")[2]
        if netloc and "Host" not in request.headers:
            request.headers["Host"] = netloc  # the connection is to the address: the server is told the name
        return super().send(request, *args, **kwargs)


def port_of(scheme: object, port: object) -> int:
    """The port a request goes to: the one written, else the scheme's own (requests leaves it None)."""
    return int(str(port)) if port else 443 if scheme == "https" else 80


class LinkChecker:
    def __init__(self, connections: int = 4, pause: float = 1.0, timeout: float = 15.0, allow_private: bool = False,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
                 resolver: Callable[[str, int, float], list[Address]] = resolve) -> None:
        self.connections = max(1, min(connections, 16))
        self.pause, self.timeout, self.allow_private = pause, timeout, allow_private
        self.sleep, self.clock, self.resolver = sleep, clock, resolver
        self._hosts: dict[str, float] = {}
        self._lock = threading.Lock()
        self._local = threading.local()
        self.requests_made = 0
        self.hosts_started: list[tuple[str, float]] = []  #: (host, start), for the tests
        self.asked: list[Verdict] = []  #: verdicts of this run's requests (not the cached ones)

    def _session(self) -> tuple[requests.Session, PinnedAdapter]:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
            session.headers["User-Agent"] = USER_AGENT
            self._local.adapter = PinnedAdapter()
            for prefix in ("http://", "https://"):
                session.mount(prefix, self._local.adapter)
        return session, self._local.adapter

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
            try:
                # the host as requests will send it (an IDN in its ASCII form): the name resolved is the name pinned
                sent = urlsplit(requests.Request("HEAD", current).prepare().url or "")
                port, host = port_of(sent.scheme, sent.port), (sent.hostname or "").lower()
            except (requests.RequestException, ValueError):
                return Verdict(url, "unknown", "not a valid URL", current)
            try:
                addresses = self.resolver(host.strip("[]"), port, self.timeout)
            except NoAnswer:
                return Verdict(url, "unknown", f"the name did not resolve within {self.timeout:g} s", current, reached=False)
            except socket.gaierror as error:
                if error.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)):
                    return Verdict(url, "dead", "the host name does not resolve", current, reached=False)
                return Verdict(url, "unknown", "the name could not be resolved", current, reached=False)
            except (OSError, ValueError):
                return Verdict(url, "unknown", "the name could not be resolved", current, reached=False)
            if not addresses:
                return Verdict(url, "dead", "the host name does not resolve", current, reached=False)
            private = [str(address) for address in addresses if private_address(address)]
            if private and not self.allow_private:
                return Verdict(url, "unknown", f"{host} resolves to a private or local address ({private[0]}), not checked", current)
            self._turn(host)
            try:
                response = self._ask(current, (host.strip("[]"), port), str(addresses[0]))
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

    def _ask(self, url: str, where: tuple[str, int], address: str) -> requests.Response:
        session, adapter = self._session()
        adapter.pins = {where: address}  # this thread's adapter: one hop at a time
        with watchdog(self.timeout):
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
