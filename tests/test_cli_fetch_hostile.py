"""Hostile HTTP servers: slow, malformed or abusive answers fail as typed fetch errors, in time.

The server is a raw socket on 127.0.0.1 that writes exactly the bytes each test scripts,
at the pace it scripts, so status lines and headers can be as broken as a real one's.
"""

from __future__ import annotations

import io
import json
import re
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Iterator

import pytest

from boilerkit.cli import main
from boilerkit.cli.fetch import FetchError, fetch

pytestmark = pytest.mark.usefixtures("no_proxy")  # the test servers are on loopback

PAGE = (
    b"<html><head><title>Good</title></head><body><article><h1>Good</h1><p>A page long enough"
    b" to be the article, with words enough that it reads as prose and nothing else.</p>"
    b"<p>A second paragraph of the same good page, so the content is clearly prose.</p>"
    b"</article></body></html>"
)
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n"
GOOD = HEAD % len(PAGE) + PAGE

# path -> (bytes before the slow part, the part sent one byte a second, bytes after it)
RESPONSES: dict[str, tuple[bytes, bytes, bytes]] = {
    "/good": (GOOD, b"", b""),
    "/slow-status": (b"", b"HTTP/1.1 200 OK\r\n" * 4, b""),
    "/slow-headers": (b"HTTP/1.1 200 OK\r\n", b"X-Slow: " + b"y" * 60 + b"\r\n", b""),
    "/slow-body": (HEAD % 200, b"<p>" + b"z" * 197, b""),
    "/bad-status": (b"SPAM SPAM SPAM\r\n\r\n", b"", b""),
    "/many-headers": (b"HTTP/1.1 200 OK\r\n" + b"X-A: b\r\n" * 150 + b"\r\n", b"", b""),
    "/long-header": (b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n", b"", b""),
    "/broken-chunked": (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"5\r\n<p>hi\r\nzz-not-a-size\r\n",
        b"",
        b"",
    ),
    "/escape-reason": (
        b"HTTP/1.1 404 \x1b]0;pwned\x07\x1b[31mRed\r\nContent-Length: 0\r\n\r\n",
        b"",
        b"",
    ),
}
SLOW_PATHS = ["/slow-status", "/slow-headers", "/slow-body"]
TIMEOUT = 1.0


class _Handler(socketserver.BaseRequestHandler):
    stop = threading.Event()

    def handle(self) -> None:
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = self.request.recv(4096)
            if not chunk:
                return
            request += chunk
        path = request.split(b" ", 2)[1].decode()
        before, slow, after = RESPONSES.get(path, RESPONSES["/good"])
        try:
            self.request.sendall(before)
            for byte in slow:
                if self.stop.wait(1.0):  # one byte a second, until the tests end
                    return
                self.request.sendall(bytes([byte]))
            self.request.sendall(after)
        except OSError:
            return  # the client gave up: what the tests expect of it


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    _Handler.stop.clear()
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    _Handler.stop.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.mark.parametrize("path", SLOW_PATHS)
def test_a_one_byte_a_second_server_fails_within_the_timeout(server: str, path: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out after 1 s"):
        fetch(server + path, timeout=TIMEOUT)
    assert time.monotonic() - started < TIMEOUT + 1.0


def test_a_slow_dns_lookup_is_within_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    stop = threading.Event()
    real = socket.getaddrinfo

    def slow_lookup(host: str, *args: object) -> object:
        if host == "slow-dns.test":
            stop.wait(10)  # a resolver that does not answer
        return real(host, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", slow_lookup)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out after 1 s"):
        fetch("http://slow-dns.test/", timeout=TIMEOUT)
    stop.set()
    assert time.monotonic() - started < TIMEOUT + 1.0


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/bad-status", "bad HTTP response: BadStatusLine"),
        ("/many-headers", "bad HTTP response: HTTPException: got more than 100 headers"),
        ("/long-header", "bad HTTP response: LineTooLong"),
        ("/broken-chunked", "bad HTTP response: the body breaks off"),
    ],
)
def test_malformed_responses_are_typed_fetch_failures(server: str, path: str, reason: str) -> None:
    with pytest.raises(FetchError, match=re.escape(reason)):
        fetch(server + path, timeout=10)


def test_a_slow_url_does_not_fail_the_good_ones_beside_it(
    server: str, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    urls = [f"{server}/good?{n}" for n in range(3)] + [f"{server}/slow-body"]
    urls += [f"{server}/good?{n}" for n in range(3, 6)]
    started = time.monotonic()
    status = main([*urls, "--jsonl", "-j", "2", "--timeout", str(TIMEOUT)])
    elapsed = time.monotonic() - started
    captured = capsysbinary.readouterr()
    assert status == 1
    sources = [json.loads(line)["source"] for line in captured.out.decode().splitlines()]
    assert sources == [url for url in urls if "slow" not in url]
    assert f"{server}/slow-body: timed out after 1 s" in captured.err.decode()
    assert elapsed < 60  # generous: the slow page must not hold the batch for minutes


def test_a_servers_reason_phrase_never_reaches_the_terminal_raw(
    server: str, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    status = main([f"{server}/escape-reason", "-j", "1"])
    err = capsysbinary.readouterr().err.decode()
    assert status == 1
    assert "HTTP 404" in err and "Red" in err
    assert "\x1b" not in err and "\x07" not in err
