"""Fetching a page the command line was given by URL (the library itself never fetches).

A plain ``urllib`` client that behaves: it says who it is in the User-Agent, follows at most
``MAX_REDIRECTS`` redirects and only to http(s), stops reading at ``max_bytes`` (also after
gzip), and accepts only HTML.

``timeout`` is one deadline for the whole fetch (connect, status line, headers, body, and
every redirect), not a limit per socket read: a server that sends one byte a second never
lets a per-read timeout fire. A watchdog timer shuts the fetch's sockets down when the
deadline passes, which ends whatever read is blocked, wherever it is; the fetch then fails
as timed out. The DNS lookup, which no socket can interrupt, runs in a thread that is
given only what is left of the deadline.
Every way the server can misbehave (a bad status line, too many or too long headers, a
broken chunked body) becomes a ``FetchError`` that says so.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import io
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from http.client import HTTPMessage
from types import TracebackType
from typing import IO, Any, Final, TypeVar

from .. import __version__
from ..errors import BoilerkitError
from .gzipped import GzipError, gunzip

USER_AGENT: Final = f"boilerkit/{__version__} (text extraction command line; Python urllib)"
MAX_REDIRECTS: Final = 5
HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})
_CHUNK: Final = 64 * 1024
_T = TypeVar("_T")


class FetchError(BoilerkitError):
    """The page could not be fetched, or what came back is not an HTML page."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched page: its final URL (after redirects), body and ``Content-Type`` header."""

    url: str
    data: bytes
    content_type: str | None


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http(s) only, at most ``MAX_REDIRECTS`` of them."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not newurl.lower().startswith(("http://", "https://")):
            raise FetchError(f"redirect to a non-HTTP URL: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, timeout: float = 30.0, max_bytes: int = 64 * 1024 * 1024) -> Fetched:
    """Fetch ``url`` within ``timeout`` seconds in all; raise ``FetchError`` saying why not."""
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "gzip",
        },
    )
    with _Deadline(timeout) as deadline:
        opener = urllib.request.build_opener(_Redirects(), _Http(deadline), _Https(deadline))
        try:
            fetched = _get(opener, request, max_bytes)
        except (OSError, ValueError, http.client.HTTPException) as error:
            if deadline.expired or _timed_out(error):  # socket timeouts: the deadline's too
                raise FetchError(f"timed out after {timeout:g} s") from None
            raise _fetch_error(error) from None
        if deadline.expired:  # the watchdog's shutdown can look like the end of the body
            raise FetchError(f"timed out after {timeout:g} s")
        return fetched


def _get(
    opener: urllib.request.OpenerDirector, request: urllib.request.Request, max_bytes: int
) -> Fetched:
    with opener.open(request) as response:
        content_type = response.headers.get("Content-Type")
        _check_type(content_type)
        length = response.headers.get("Content-Length")
        if length and length.strip().isdigit() and int(length) > max_bytes:
            raise FetchError(f"body of {int(length)} bytes is over the {max_bytes}-byte cap")
        data = _read(response, max_bytes)
        if (response.headers.get("Content-Encoding") or "").strip().lower() == "gzip":
            data = _gunzip(data, max_bytes)
        return Fetched(response.geturl(), data, content_type)


def _fetch_error(error: Exception) -> FetchError:
    """What went wrong, said as a ``FetchError``."""
    if isinstance(error, FetchError):
        return error
    if isinstance(error, urllib.error.HTTPError):
        return FetchError(f"HTTP {error.code} {error.reason}")
    if isinstance(error, urllib.error.URLError):
        return FetchError(f"cannot fetch: {error.reason}")
    if isinstance(error, http.client.IncompleteRead):
        return FetchError(f"bad HTTP response: the body breaks off ({error!r})")
    if isinstance(error, http.client.HTTPException):  # bad status line, too many headers...
        return FetchError(f"bad HTTP response: {type(error).__name__}: {error}")
    return FetchError(f"cannot fetch: {error}")  # connection reset, malformed URL


def _timed_out(error: Exception) -> bool:
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    return isinstance(reason, TimeoutError)


class _Deadline:
    """One fetch's total time: when it passes, every socket the fetch opened is shut down.

    Shutting a socket down (unlike closing it) is safe while another thread reads from it:
    the read returns at once, with an error or as an end of stream. ``expired`` tells the
    two apart from a server that really closed the connection.
    """

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self._timer.cancel()
        self._timer.join()

    def remaining(self) -> float:
        return max(0.001, self.end - time.monotonic())

    def call(self, function: Callable[..., _T], *args: Any) -> _T:
        """``function(*args)`` in a thread, given what is left of the deadline: for calls
        that no socket can interrupt (a DNS lookup). The thread is left to finish alone."""
        outcome: list[_T] = []
        failure: list[Exception] = []

        def run() -> None:
            try:
                outcome.append(function(*args))
            except (OSError, ValueError) as error:  # handed to the caller's thread
                failure.append(error)

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        thread.join(self.remaining())
        if failure:
            raise failure[0]
        if not outcome:
            self.expired = True
            raise TimeoutError
        return outcome[0]

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        socket.socket.shutdown(sock, socket.SHUT_RDWR)  # the raw socket's, even under TLS


class _DeadlineConnection(http.client.HTTPConnection):
    """An HTTP connection whose socket is opened within, and watched by, a ``_Deadline``."""

    def __init__(self, *args: Any, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.deadline = deadline
        self._create_connection = self._open_socket  # http.client's hook for the socket

    def _open_socket(
        self, address: tuple[str, int], timeout: object = None, source: Any = None
    ) -> socket.socket:
        """``socket.create_connection`` within the deadline, the DNS lookup included."""
        host, port = address
        found = self.deadline.call(socket.getaddrinfo, host, port, 0, socket.SOCK_STREAM)
        error: OSError = OSError(f"no address for {host}")
        for family, kind, protocol, _, where in found:
            sock = socket.socket(family, kind, protocol)
            self.deadline.watch(sock)
            try:
                sock.settimeout(self.deadline.remaining())
                if source:
                    sock.bind(source)
                sock.connect(where)
            except OSError as failure:
                sock.close()
                error = failure
                continue
            return sock
        raise error


class _DeadlineTLSConnection(_DeadlineConnection, http.client.HTTPSConnection):
    """The same for https (the TLS handshake runs on the watched socket)."""


class _Http(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        factory = functools.partial(_DeadlineConnection, deadline=self.deadline)
        return self.do_open(factory, req)


class _Https(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        self.tls = ssl.create_default_context()
        super().__init__(context=self.tls)
        self.deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        factory = functools.partial(_DeadlineTLSConnection, deadline=self.deadline)
        return self.do_open(factory, req, context=self.tls)


def _check_type(content_type: str | None) -> None:
    if content_type is None:
        return  # no header: let the decoder and parser judge the bytes
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime not in HTML_TYPES:
        raise FetchError(f"not an HTML page (Content-Type: {mime or 'empty'})")


def _read(response: IO[bytes], max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"body is over the {max_bytes}-byte cap")
        chunks.append(chunk)
    return b"".join(chunks)


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    try:
        out = gunzip(io.BytesIO(data), max_bytes)
    except GzipError as error:
        raise FetchError(f"corrupt gzip body: {error}") from None
    if len(out) > max_bytes:
        raise FetchError(f"body is over the {max_bytes}-byte cap once decompressed")
    return out
