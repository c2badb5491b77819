"""URL inputs, against a local HTTP server on 127.0.0.1 only (nothing leaves the machine)."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import re
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

import boilerkit
from boilerkit.cli import main
from boilerkit.cli.fetch import USER_AGENT, FetchError, fetch

pytestmark = pytest.mark.usefixtures("no_proxy")  # the test servers are on loopback

ARTICLE = (
    "<html><head><title>Café</title></head><body><article><h1>Café crème</h1>"
    "<p>Une page assez longue pour être prise pour l'article, déjà mentionnée à côté.</p>"
    "<p>Un deuxième paragraphe, pour que la page soit clairement de la prose.</p>"
    "</article></body></html>"
)
LATIN = ARTICLE.encode("iso-8859-1")
SLOW_SECONDS = 2.0


class Handler(BaseHTTPRequestHandler):
    """The test server's pages; it remembers the User-Agent it was sent."""

    seen_agents: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen_agents.append(self.headers.get("User-Agent", ""))
        route = {
            "/latin": lambda: self.send(200, "text/html; charset=iso-8859-1", LATIN),
            "/redirect": lambda: self.redirect("/latin"),
            "/loop": lambda: self.redirect("/loop"),
            "/to-file": lambda: self.redirect("file:///etc/passwd"),
            "/pdf": lambda: self.send(200, "application/pdf", b"%PDF-1.4"),
            "/big": lambda: self.send(200, "text/html", b"<p>" + b"x" * 50_000),
            "/bomb": lambda: self.send(
                200, "text/html", gzip.compress(b"<p>" + b"x" * 500_000), encoding="gzip"
            ),
            "/gzip": lambda: self.send(
                200, "text/html; charset=iso-8859-1", gzip.compress(LATIN), encoding="gzip"
            ),
            "/slow": self.slow,
            "/missing": lambda: self.send(404, "text/html", b"<p>not here</p>"),
        }.get(self.path)
        if route is None:
            self.send(404, "text/html", b"")
        else:
            route()

    def send(self, status: int, content_type: str, body: bytes, encoding: str = "") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def slow(self) -> None:
        time.sleep(SLOW_SECONDS)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up
            self.send(200, "text/html", LATIN)

    def log_message(self, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_charset_comes_from_the_header(server: str) -> None:
    fetched = fetch(f"{server}/latin")
    assert fetched.data == LATIN and fetched.content_type == "text/html; charset=iso-8859-1"
    document = boilerkit.extract(fetched.data, url=fetched.url, content_type=fetched.content_type)
    assert "déjà mentionnée à côté" in document.text


def test_redirects_are_followed_to_the_final_url(server: str) -> None:
    fetched = fetch(f"{server}/redirect")
    assert fetched.url == f"{server}/latin" and fetched.data == LATIN


def test_gzip_bodies_are_decoded(server: str) -> None:
    assert fetch(f"{server}/gzip").data == LATIN


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/loop", "HTTP 302"),
        ("/to-file", "Redirection to url 'file:///etc/passwd' is not allowed"),
        ("/pdf", "not an HTML page (Content-Type: application/pdf)"),
        ("/missing", "HTTP 404"),
        ("/big", "over the 10000-byte cap"),
        ("/bomb", "over the 10000-byte cap once decompressed"),
    ],
)
def test_failures_say_why(server: str, path: str, reason: str) -> None:
    with pytest.raises(FetchError, match=re.escape(reason)):
        fetch(f"{server}{path}", max_bytes=10_000)


def test_timeout(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(f"{server}/slow", timeout=0.3)
    assert time.monotonic() - started < SLOW_SECONDS


def test_honest_user_agent(server: str) -> None:
    assert fetch(f"{server}/latin").data == LATIN
    assert Handler.seen_agents[-1] == USER_AGENT
    assert USER_AGENT.startswith(f"boilerkit/{boilerkit.__version__} ")


def test_command_line_fetches_urls(
    server: str, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    status = main([f"{server}/redirect", f"{server}/pdf", "--jsonl", "-j", "1"])
    captured = capsysbinary.readouterr()
    assert status == 1
    record = json.loads(captured.out.decode())
    assert record["url"] == f"{server}/latin" and record["source"] == f"{server}/redirect"
    assert "Une page assez longue" in record["text"]
    assert f"{server}/pdf: not an HTML page" in captured.err.decode()
