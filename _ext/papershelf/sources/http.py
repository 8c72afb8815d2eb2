"""The one safe way every metadata source (arXiv included) talks HTTP: paced, retried, bounded.

One ``requests.Session`` a source, a pause between two requests of the same
source, an overall deadline for each answer (status line, headers and body;
not per network read: a server dripping a byte at a time cannot hold a
command): each body read waits at most the deadline's rest, and a watchdog
shuts the request's sockets at the deadline whatever is being read. A size
cap on the decoded body; retries with a growing pause on 5xx and timeouts, and
``Retry-After`` honoured on 429 (bounded: a server asking for an hour stops
the source instead). Every answer is hostile input: callers decode it with
:meth:`Answer.json` and validate its shape before using a value.

The base URLs (``PAPERSHELF_*_API``) are the maintainer's own settings, read
from the environment, never from a shelf's files: they may name this machine
(a mirror, a test server), so the private-address refusal of the link checker
(:mod:`papershelf.sources.linkcheck`, whose URLs strangers write) does not
apply to them. What strangers control is only the id in the path, which each
source validates before asking.

Sleep and clock are injected, so tests measure pauses without waiting.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import requests
import requests.adapters
import urllib3
import urllib3.connection

from papershelf.shelf.paths import ShelfError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

#: the largest answer read (decoded bytes)
MAX_ANSWER = 20 * 1024 * 1024
#: bytes asked of the connection at a time
CHUNK = 64 * 1024
#: the longest Retry-After obeyed; a longer one stops the source for this run
MAX_RETRY_AFTER = 120.0
USER_AGENT = "papershelf (https://pypi.org/project/papershelf/)"


class SourceError(ShelfError):
    """A source failed for an id: says which source, which id and what went wrong."""

    def __init__(self, source: str, identifier: str, reason: str) -> None:
        self.source, self.identifier, self.reason = source, identifier, reason
        super().__init__(f"{source}: {identifier}: {reason}")


class BadAnswer(SourceError):
    """An answer arrived but cannot be used (not JSON, the wrong shape): it spoils only its ids."""


class SourceStopped(SourceError):
    """The source asks us to stop for now (rate limit spent); the rest waits for the next run."""


class TooLarge(requests.RequestException):
    """An answer larger than the client accepts."""


@dataclass
class Answer:
    """A finished answer: status, headers and the whole (bounded) body."""

    status: int
    content: bytes
    headers: Mapping[str, str] = field(default_factory=dict)

    def json(self, source: str, identifier: str) -> Any:
        """The body as JSON; SourceError naming the source and id when it is not."""
        try:
            return json.loads(self.content.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            raise BadAnswer(source, identifier, f"the answer is not JSON ({str(error)[:80]})") from error


@dataclass
class Request:
    """One request made, for the summary and the tests."""

    at: float
    method: str
    path: str
    size: int = 0  #: ids asked in it


class HttpClient:
    """Requests to one source's API, in turn."""

    def __init__(
        self,
        source: str,
        base_url: str,
        pause: float = 1.0,
        timeout: float = 30.0,
        retries: int = 3,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        max_size: int = MAX_ANSWER,
        headers: Mapping[str, str] | None = None,
        max_retry_after: float = MAX_RETRY_AFTER,
    ) -> None:
        self.source = source
        self.base_url = base_url.rstrip("/")
        self.pause, self.timeout, self.retries = pause, timeout, retries
        self.sleep, self.clock = sleep, clock
        self.max_size, self.max_retry_after = max_size, max_retry_after
        self.session = requests.Session()  # one connection, kept alive between requests
        for prefix in ("http://", "https://"):
            self.session.mount(prefix, WatchedAdapter())
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.headers.update(headers or {})
        self.made: list[Request] = []
        self._last_start: float | None = None

    @property
    def requests_made(self) -> int:
        return len(self.made)

    def close(self) -> None:
        self.session.close()

    def _wait_turn(self, extra: float = 0.0) -> None:
        """Sleep until this source may ask again (and ``extra`` more, a backoff)."""
        if self._last_start is not None:
            left = max(self.pause - (self.clock() - self._last_start), extra)
            if left > 0:
                self.sleep(left)
        elif extra > 0:
            self.sleep(extra)

    def request(self, method: str, path: str, identifier: str, *, params: Mapping[str, str] | None = None,
                body: Any = None, size: int = 1, ok: tuple[int, ...] = (200, 404)) -> Answer:
        """Ask until an answer with a status in ``ok`` arrives; SourceError after the retries.

        429 waits ``Retry-After`` (or the backoff) and asks again; 500-504,
        timeouts and broken connections back off (pause x 2^attempt). Any other
        status is returned to the caller (it knows what a 403 means for it).
        """
        failure, extra, tries = "", 0.0, 0
        for attempt in range(self.retries + 1):
            tries += 1
            try:
                answer = self.attempt(method, path, params=params, body=body, size=size, extra=extra)
            except (requests.RequestException, ShelfError) as error:
                failure = str(error.args[0] if error.args else error).splitlines()[0][:200]
                if isinstance(error, TooLarge):
                    break
                extra = self.pause * 2 ** attempt
                continue
            if answer.status in ok or answer.status not in (429, 500, 502, 503, 504):
                return answer
            failure = f"HTTP {answer.status}"
            extra = self.pause * 2 ** attempt
            if answer.status == 429:
                wait = retry_after(answer.headers.get("Retry-After", ""))
                if wait is not None and wait > self.max_retry_after:
                    raise SourceStopped(self.source, identifier, f"HTTP 429: the API asks to wait {wait:g} s; run enrich again later")
                extra = wait if wait is not None else extra
        raise SourceError(self.source, identifier, f"{failure} from {self.base_url}{path} after {tries} {'try' if tries == 1 else 'tries'}; what was fetched is cached, run enrich again to resume")

    def attempt(self, method: str, path: str, *, params: Mapping[str, str] | None = None, body: Any = None,
                size: int = 1, extra: float = 0.0) -> Answer:
        """One request in its turn, no retry: its answer, or requests' exception (:class:`TooLarge`,
        ``requests.Timeout`` for the deadline)."""
        self._wait_turn(extra)
        with watchdog(self.timeout) as fired:
            # the pause counts from here, the request's start (after the watchdog's)
            self._last_start = self.clock()
            self.made.append(Request(self._last_start, method, path, size))
            deadline = self._last_start + self.timeout
            response = self.session.request(method, self.base_url + path, params=params, json=body, timeout=self.timeout, stream=True)
            try:
                content = read_body(response, deadline, timeout=self.timeout, max_size=self.max_size, clock=self.clock, cut=fired)
            finally:
                response.close()
        return Answer(response.status_code, content, dict(response.headers))


def retry_after(value: str) -> float | None:
    """Seconds of a ``Retry-After`` header in its seconds form; None when absent or a date."""
    value = value.strip()
    if value.isdigit() and len(value) < 10:
        return float(value)
    return None


def read_body(response: requests.Response, deadline: float, *, timeout: float, max_size: int,
              clock: Callable[[], float] = time.monotonic, cut: threading.Event | None = None) -> bytes:
    """A streamed answer's body, read in chunks against one deadline and a size cap: the one bounded
    reader of every source. ``cut`` is set by a watchdog that shut the socket (an empty read is then
    no end of the answer). The caller closes the response."""
    declared = response.headers.get("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > max_size:
        raise TooLarge(f"the answer is {int(declared):,} bytes, more than the {max_size:,} bytes accepted")
    body = bytearray()
    while True:
        left = deadline - clock()
        if left <= 0:
            raise requests.Timeout(f"the answer took longer than {timeout:g} s")
        _limit_wait(response, left)
        try:
            chunk = response.raw.read1(CHUNK, decode_content=True)
        except (OSError, urllib3.exceptions.HTTPError) as error:
            if clock() >= deadline or "timed out" in str(error):
                raise requests.Timeout(f"the answer took longer than {timeout:g} s") from error
            raise requests.ConnectionError(str(error)) from error
        if not chunk:
            if cut is not None and cut.is_set():
                raise requests.Timeout(f"the answer took longer than {timeout:g} s")
            return bytes(body)
        body += chunk
        if len(body) > max_size:
            raise TooLarge(f"the answer is more than the {max_size:,} bytes accepted")


def _limit_wait(response: requests.Response, seconds: float) -> None:
    """Make the next network read of ``response`` wait at most ``seconds`` (the deadline's rest)."""
    raw = response.raw
    # the connection's socket, or (a connection closed after the answer: HTTP/1.0) the one the answer is read from
    for sock in (getattr(getattr(raw, "_connection", None), "sock", None), getattr(getattr(getattr(getattr(raw, "_fp", None), "fp", None), "raw", None), "_sock", None)):
        if sock is not None and hasattr(sock, "settimeout"):
            sock.settimeout(max(seconds, 0.001))


# --- the watchdog: one deadline for the whole request ---------------------------------

#: the connections the current request sends on (per thread and context), for its watchdog
_WATCHED: contextvars.ContextVar[list[Any] | None] = contextvars.ContextVar("papershelf_watched", default=None)


class _Watched:
    """A connection that a request's watchdog can cut: it says so when a request is sent on it."""

    def request(self, *args: Any, **kwargs: Any) -> Any:
        watched = _WATCHED.get()
        if watched is not None:
            watched.append(self)
        return super().request(*args, **kwargs)  # type: ignore[misc]


class _WatchedHTTPConnection(_Watched, urllib3.connection.HTTPConnection):
    pass


class _WatchedHTTPSConnection(_Watched, urllib3.connection.HTTPSConnection):
    pass


class _WatchedHTTPPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_WATCHED_POOLS: dict[str, type[urllib3.HTTPConnectionPool]] = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class WatchedAdapter(requests.adapters.HTTPAdapter):
    """requests' adapter whose connections (direct or through an HTTP proxy) a :func:`watchdog` can cut."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _WATCHED_POOLS

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> urllib3.ProxyManager:
        manager: urllib3.ProxyManager = super().proxy_manager_for(proxy, **kwargs)
        if type(manager) is urllib3.ProxyManager:  # a SOCKS manager keeps its own pools
            manager.pool_classes_by_scheme = _WATCHED_POOLS
        return manager


def _cut(connections: list[Any], fired: threading.Event) -> None:
    """At the deadline, shut the request's sockets, so a blocked read returns at once."""
    fired.set()
    for connection in connections:
        sock = getattr(connection, "sock", None)
        if isinstance(sock, socket.socket):
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)  # the plain socket's: a TLS socket's own would drop its state


@contextlib.contextmanager
def watchdog(seconds: float) -> Iterator[threading.Event]:
    """Within the block, requests sent through a :class:`WatchedAdapter` are cut after ``seconds``;
    the event says whether the watchdog fired. A request error of the block once it fired is the
    deadline's, and leaves it as ``requests.Timeout``."""
    connections: list[Any] = []
    fired = threading.Event()
    timer = threading.Timer(seconds, _cut, (connections, fired))
    timer.daemon = True
    token = _WATCHED.set(connections)
    timer.start()
    try:
        yield fired
    except requests.RequestException as error:
        if fired.is_set() and not isinstance(error, (requests.Timeout, TooLarge)):
            raise requests.Timeout(f"the answer took longer than {seconds:g} s") from error
        raise
    finally:
        timer.cancel()
        _WATCHED.reset(token)
