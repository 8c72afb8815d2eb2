"""`check --links` resolves each host first and refuses names that answer a private address.

No network: the system resolver is replaced by a table (`socket.getaddrinfo`
for the names below; IP literals go to the real one, so connections to the
local test server still work). The checker must look each name up once,
refuse every answer that is not a public address, connect to the address it
checked (never a second lookup: DNS rebinding), keep TLS's hostname check on
the name, and give up on a resolver that does not answer within the deadline.
"""

from __future__ import annotations

import http.server
import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import pytest
import requests
from papershelf.cli import main
from papershelf.commands.init import InitOptions, init_shelf
from papershelf.sources import linkcheck
from papershelf.sources.linkcheck import LinkChecker, PinnedAdapter, private_address

if TYPE_CHECKING:
    from collections.abc import Iterator

LOOPBACK = ipaddress.ip_address("127.0.0.1")


class Site(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: ClassVar[list[tuple[str, str, str]]] = []  #: (method, path, Host header)

    def do_HEAD(self) -> None:
        Site.seen.append(("HEAD", self.path, self.headers.get("Host", "")))
        port = self.server.server_port  # type: ignore[attr-defined]
        location = {"/to-internal": f"http://metadata.internal:{port}/latest", "/to-literal": "http://10.0.0.1/admin",
                    "/to-rebind": f"http://rebind.test:{port}/ok"}.get(self.path)
        self.send_response(302 if location else 200)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class Resolver:
    """The DNS of these tests: name -> the answers it gives, one per lookup (the last repeats)."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.table: dict[str, list[list[str]]] = {}
        self.asked: list[str] = []
        self.slow: set[str] = set()

    def __call__(self, host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name not in self.table and name not in self.slow:
            return self.real(host, port, *args, **kwargs)  # IP literals: the local server
        self.asked.append(name)
        if name in self.slow:
            time.sleep(5)
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        answers = self.table[name]
        addresses = answers.pop(0) if len(answers) > 1 else answers[0]
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, int(port or 0))) for a in addresses]


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> Resolver:
    resolver = Resolver(socket.getaddrinfo)
    resolver.table = {
        "metadata.internal": [["169.254.169.254"]],
        "intranet.test": [["10.1.2.3"]],
        "local.test": [["127.0.0.1"]],
        "cgnat.test": [["100.64.0.7"]],
        "mapped.test": [["::ffff:127.0.0.1"]],
        "mixed.test": [["93.184.216.34", "192.168.1.1"]],
        "paper.test": [["127.0.0.1"]],
        "wrong.test": [["127.0.0.1"]],
        "rebind.test": [["127.0.0.1"], ["10.255.255.1"]],
        "xn--bcher-kva.test": [["127.0.0.1"]],  # bücher.test  # the second answer would be a private address
    }
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    return resolver


@pytest.fixture
def loopback_is_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """127.0.0.1 stands for a public host (the test server); every other rule stays."""
    monkeypatch.setattr(linkcheck, "private_address", lambda address: address != LOOPBACK and private_address(address))


def serve(handler: type[http.server.BaseHTTPRequestHandler], context: ssl.SSLContext | None = None) -> tuple[http.server.ThreadingHTTPServer, int]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


@pytest.fixture
def site() -> Iterator[int]:
    Site.seen = []
    server, port = serve(Site)
    yield port
    server.shutdown()
    server.server_close()


def test_names_that_answer_a_private_address_are_never_asked(dns: Resolver, site: int) -> None:
    checker = LinkChecker(pause=0.0, timeout=2.0)
    for name, shown in (("metadata.internal", "169.254.169.254"), ("intranet.test", "10.1.2.3"), ("local.test", "127.0.0.1"),
                        ("cgnat.test", "100.64.0.7"), ("mapped.test", str(ipaddress.ip_address("::ffff:127.0.0.1"))), ("mixed.test", "192.168.1.1")):
        verdict = checker.check(f"http://{name}:{site}/ok")
        assert (verdict.state, verdict.detail) == ("unknown", f"{name} resolves to a private or local address ({shown}), not checked")
    assert Site.seen == []  # local.test and mapped.test are this machine: never asked
    assert dns.asked.count("local.test") == 1


def test_the_connection_goes_to_the_address_checked_with_the_name_kept(dns: Resolver, site: int, loopback_is_public: None) -> None:
    checker = LinkChecker(pause=0.0, timeout=2.0)
    assert checker.check(f"http://rebind.test:{site}/ok").state == "ok"
    # one lookup: the second answer (a private address) was never asked for, the server was told the name
    assert dns.asked == ["rebind.test"]
    assert Site.seen == [("HEAD", "/ok", f"rebind.test:{site}")]
    # a redirect is a new hop, resolved and checked again
    assert checker.check(f"http://paper.test:{site}/to-rebind").state == "unknown"
    assert dns.asked[-1] == "rebind.test" and Site.seen[-1][1] == "/to-rebind"


def test_a_name_in_another_script_is_resolved_and_pinned_as_it_is_sent(dns: Resolver, site: int, loopback_is_public: None) -> None:
    assert LinkChecker(pause=0.0, timeout=2.0).check(f"http://bücher.test:{site}/ok").state == "ok"
    assert dns.asked == ["xn--bcher-kva.test"] and Site.seen == [("HEAD", "/ok", f"xn--bcher-kva.test:{site}")]


@pytest.mark.parametrize(("url", "where", "tls"), [("https://paper.test/abs/1", ("paper.test", 443), True), ("http://paper.test/abs/1", ("paper.test", 80), False),
                                                   ("https://paper.test:8443/x", ("paper.test", 8443), True)])
def test_a_url_without_a_port_is_pinned_at_its_schemes_port(url: str, where: tuple[str, int], tls: bool) -> None:
    adapter = PinnedAdapter()
    adapter.pins = {where: "203.0.113.9"}
    prepared = requests.Request("HEAD", url).prepare()
    host, pool = adapter.build_connection_pool_key_attributes(prepared, True)
    assert host["host"] == "203.0.113.9"
    assert (pool.get("server_hostname"), pool.get("assert_hostname")) == (("paper.test", "paper.test") if tls else (None, None))
    adapter.pins = {("other.test", where[1]): "203.0.113.9"}
    with pytest.raises(ValueError, match=r"paper\.test was not checked before connecting"):
        adapter.build_connection_pool_key_attributes(prepared, True)


def test_redirects_to_a_private_address_are_refused(dns: Resolver, site: int, loopback_is_public: None) -> None:
    checker = LinkChecker(pause=0.0, timeout=2.0)
    verdict = checker.check(f"http://paper.test:{site}/to-internal")
    assert (verdict.state, verdict.final) == ("unknown", f"http://metadata.internal:{site}/latest")
    assert "metadata.internal resolves to a private or local address (169.254.169.254)" in verdict.detail
    verdict = checker.check(f"http://paper.test:{site}/to-literal")
    assert (verdict.state, verdict.detail) == ("unknown", "a private or local address, not checked")
    assert [path for _, path, _ in Site.seen] == ["/to-internal", "/to-literal"]


def test_a_resolver_that_hangs_does_not_hold_the_check(dns: Resolver) -> None:
    dns.slow.add("slow.test")
    started = time.monotonic()
    verdict = LinkChecker(pause=0.0, timeout=0.5).check("http://slow.test/paper")
    assert time.monotonic() - started < 1.5
    assert (verdict.state, verdict.detail, verdict.reached) == ("unknown", "the name did not resolve within 0.5 s", False)


def test_a_name_that_does_not_exist_is_dead(monkeypatch: pytest.MonkeyPatch) -> None:
    def nothing(*args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", nothing)
    verdict = LinkChecker(pause=0.0, timeout=1.0).check("https://no-such-host.test/paper")
    assert (verdict.state, verdict.detail, verdict.reached) == ("dead", "the host name does not resolve", False)


def _certificate(tmp_path: Path) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make the test server's certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=paper.test",
                    "-addext", "subjectAltName=DNS:paper.test", "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


def test_tls_checks_the_certificate_against_the_name_not_the_address(tmp_path: Path, dns: Resolver, loopback_is_public: None,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    cert, key = _certificate(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    names: list[str | None] = []

    def sni(sock: ssl.SSLObject, name: str | None, ctx: ssl.SSLContext) -> None:
        names.append(name)

    context.sni_callback = sni
    Site.seen = []
    server, port = serve(Site, context)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))
    try:
        checker = LinkChecker(pause=0.0, timeout=3.0)
        verdict = checker.check(f"https://paper.test:{port}/ok")
        assert (verdict.state, verdict.detail) == ("ok", "HTTP 200")
        assert names[0] == "paper.test" and Site.seen == [("HEAD", "/ok", f"paper.test:{port}")]
        # the same address under a name the certificate does not carry: refused by TLS
        verdict = checker.check(f"https://wrong.test:{port}/ok")
        assert verdict.state == "unknown" and len(Site.seen) == 1
    finally:
        server.shutdown()
        server.server_close()


def test_the_cli_refuses_them_and_the_escape_hatch_lets_tests_through(tmp_path: Path, dns: Resolver, site: int,
                                                                      capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "shelf"
    init_shelf(root, InitOptions(title="Links", author="Test"))
    for index, url in enumerate(("http://metadata.internal/latest/meta-data/", f"http://local.test:{site}/ok")):
        (root / "docs" / "papers" / f"p{index}.md").write_text(
            f"---\nkey: k{index}\ntitle: P{index}\nshort_name: P{index}\nstatus: unread\ndate: '2020'\nlinks:\n  paper: {url}\n---\n", encoding="utf-8")
    (root / "references.bib").write_text("@misc{k0,\n  title = {P0},\n  year = {2020},\n}\n\n@misc{k1,\n  title = {P1},\n  year = {2020},\n}\n", encoding="utf-8")
    monkeypatch.delenv("PAPERSHELF_LINKS_ALLOW_PRIVATE", raising=False)
    assert main(["check", "--root", str(root), "--links", "--pause", "0"]) == 0
    assert Site.seen == []
    assert "2 checked: 0 ok, 0 dead, 0 moved to another paper, 2 unknown" in capsys.readouterr().err
    monkeypatch.setenv("PAPERSHELF_LINKS_ALLOW_PRIVATE", "1")
    page = root / "docs" / "papers" / "p0.md"
    page.write_text(page.read_text(encoding="utf-8").replace("http://metadata.internal/latest/meta-data/", f"http://local.test:{site}/ok2"), encoding="utf-8")
    assert main(["check", "--root", str(root), "--links", "--pause", "0"]) == 0
    assert sorted(Site.seen) == [("HEAD", "/ok", f"local.test:{site}"), ("HEAD", "/ok2", f"local.test:{site}")]
