"""Fetching a page the command line was given by URL (the library itself never fetches).

A plain ``urllib`` client that behaves: it says who it is in the User-Agent, gives up after
``timeout`` seconds (per read and in total), follows at most ``MAX_REDIRECTS`` redirects and
only to http(s), stops reading at ``max_bytes`` (also after gzip), and accepts only HTML.
"""

from __future__ import annotations

import gzip
import io
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO, Final

from .. import __version__
from ..errors import BoilerkitError

USER_AGENT: Final = f"boilerkit/{__version__} (text extraction command line; Python urllib)"
MAX_REDIRECTS: Final = 5
HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})
_CHUNK: Final = 64 * 1024


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


def is_url(argument: str) -> bool:
    """Whether a command-line argument is a URL to fetch (rather than a file name)."""
    return argument.lower().startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float = 30.0, max_bytes: int = 64 * 1024 * 1024) -> Fetched:
    """Fetch ``url``; raise ``FetchError`` with a readable reason if anything goes wrong."""
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "gzip",
        },
    )
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            content_type = response.headers.get("Content-Type")
            _check_type(content_type)
            length = response.headers.get("Content-Length")
            if length and length.strip().isdigit() and int(length) > max_bytes:
                raise FetchError(f"body of {int(length)} bytes is over the {max_bytes}-byte cap")
            data = _read(response, max_bytes, deadline)
            if (response.headers.get("Content-Encoding") or "").strip().lower() == "gzip":
                data = _gunzip(data, max_bytes)
            return Fetched(response.geturl(), data, content_type)
    except FetchError:
        raise
    except urllib.error.HTTPError as error:
        raise FetchError(f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise FetchError(f"cannot fetch: {error.reason}") from None
    except TimeoutError:
        raise FetchError(f"timed out after {timeout:g} s") from None
    except (OSError, ValueError) as error:  # connection reset, malformed URL, bad status line
        raise FetchError(f"cannot fetch: {error}") from None


def _check_type(content_type: str | None) -> None:
    if content_type is None:
        return  # no header: let the decoder and parser judge the bytes
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime not in HTML_TYPES:
        raise FetchError(f"not an HTML page (Content-Type: {mime or 'empty'})")


def _read(response: IO[bytes], max_bytes: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"body is over the {max_bytes}-byte cap")
        if time.monotonic() > deadline:
            raise TimeoutError
        chunks.append(chunk)
    return b"".join(chunks)


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise FetchError(f"corrupt gzip body: {error}") from None
    if len(out) > max_bytes:
        raise FetchError(f"body is over the {max_bytes}-byte cap once decompressed")
    return out
