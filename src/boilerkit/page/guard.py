"""Input guards: what ``extract`` refuses before any real work, and why.

Three checks decide whether an input can be read as a page at all (see ``errors``):

- **size**: more than ``Options.max_bytes`` raises ``InputTooLargeError``. Bytes are
  measured in bytes, a ``str`` in characters (a character is at least one byte once
  encoded, so the limit never lets a larger document through as ``str``).
- **file signatures**: input that starts with the magic bytes of a well-known binary
  format (PDF, images, archives, executables, compressed streams) raises
  ``ExtractionError`` naming the format. A compressed page is refused rather than
  guessed at: the caller forgot to decompress it and should be told so.
- **binary noise**: decoded text whose first ``NOISE_SAMPLE`` characters are more than
  ``NOISE_LIMIT`` control characters or undecodable bytes raises ``ExtractionError``.

Everything else is read as a page, best effort: JSON, plain text, truncated HTML, tag
soup, NUL-padded text. Empty or whitespace-only input gives an empty ``Document``.
"""

from __future__ import annotations

import os
import re
import resource
import sys

from ..errors import ExtractionError, InputTooLargeError

# Leading bytes of binary formats that are never an HTML page, with a name for the error.
# Each signature is long or distinctive enough that no text page starts with it.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office/EPUB file)"),
    (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data (decompress it first)"),
    (b"BZh91AY&SY", "bzip2-compressed data (decompress it first)"),
    (b"\xfd7zXZ\x00", "xz-compressed data (decompress it first)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE file (old Office format)"),
    (b"\x7fELF", "an ELF executable"),
    (b"MZ\x90\x00", "a Windows executable"),
    (b"\x00asm", "a WebAssembly module"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O file"),
    (b"OggS\x00", "an Ogg media file"),
    (b"\x1a\x45\xdf\xa3", "a Matroska/WebM media file"),
    (b"wOFF", "a WOFF font"),
    (b"wOF2", "a WOFF2 font"),
)

NOISE_SAMPLE = 65_536
"""Characters looked at by the noise check: enough to judge, cheap on a 50 MB page."""
NOISE_MIN = 256
"""Shorter samples are never judged binary: a few stray bytes are not a file format."""
NOISE_LIMIT = 0.06
"""Share of noise characters above which text is binary. Measured: the worst page of
both corpora has 0.034 %, pages with 1 % of their bytes overwritten stay under 3 %,
random bytes decode to 11-18 % (13 % on average)."""

# C0 controls other than tab, LF, FF, CR and ESC (ISO-2022 text uses ESC), DEL, and the
# replacement character that decoding leaves for bytes it could not map. NUL is not
# counted: text decoded with the wrong 16-bit layout is NUL-padded but still readable,
# and the parse stage drops NULs.
_NOISE = re.compile("[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f\ufffd]")
# The bytes of UTF-8 text that are not (one-byte) ``_NOISE`` characters.
_NOT_NOISE_BYTES = bytes(b for b in range(256) if not _NOISE.match(chr(b)))


def check_size(html: bytes | str, max_bytes: int) -> None:
    """Raise ``InputTooLargeError`` when ``html`` is longer than ``max_bytes``."""
    if len(html) > max_bytes:
        unit = "bytes" if isinstance(html, bytes) else "characters"
        raise InputTooLargeError(f"input is {len(html)} {unit}, over max_bytes={max_bytes}")


def check_signature(html: bytes | str) -> None:
    """Raise ``ExtractionError`` when ``html`` starts like a known binary file format."""
    head = html[:64]
    if isinstance(head, str):
        head = head.encode("latin-1", "replace")
    head = head.lstrip(b" \t\r\n")
    for magic, name in SIGNATURES:
        if head.startswith(magic):
            raise ExtractionError(f"input is {name}, not an HTML page")


def noise_share(text: str) -> float:
    """The share of control and undecodable characters among the first characters."""
    sample = text[:NOISE_SAMPLE]
    if len(sample) < NOISE_MIN:
        return 0.0
    return sum(1 for _ in _NOISE.finditer(sample)) / len(sample)


def noise_bound(text: str, utf8: bytes) -> float:
    """At least ``noise_share(text)``, given ``text``'s UTF-8: the control characters are
    counted on the bytes (the sample's bytes are within its first ``4 * NOISE_SAMPLE``),
    U+FFFD in the sample. Both counts run at C speed, where the regex took 0.15 ms a page."""
    sample = text[:NOISE_SAMPLE]
    if len(sample) < NOISE_MIN:
        return 0.0
    controls = len(utf8[: 4 * NOISE_SAMPLE].translate(None, _NOT_NOISE_BYTES))
    return (controls + sample.count("\ufffd")) / len(sample)


def check_text(text: str, utf8: bytes | None = None) -> None:
    """Raise ``ExtractionError`` when decoded ``text`` is binary noise, not a page.

    ``utf8``: ``text``'s UTF-8, when the caller has it (``Decoded.verbatim``); a bound
    counted on it clears most pages without the exact count.
    """
    if utf8 is not None and noise_bound(text, utf8) <= NOISE_LIMIT:
        return
    share = noise_share(text)
    if share > NOISE_LIMIT:
        raise ExtractionError(
            f"input is binary data, not an HTML page ({share:.0%} control or undecodable"
            f" characters in the first {min(len(text), NOISE_SAMPLE)})"
        )


MAX_TREE_BYTES = 640 * 1024 * 1024
"""What the parsed tree of one page may add to the process's resident memory. libxml2
spends 130 to 300 bytes per node: a page of ``max_bytes`` dense markup (21 million
``<p>``) would need 2.5 GB, and XPath node sets stop at 10 million nodes. 640 MB keeps a
worker under 1 GB and every node set under 6 million nodes; the largest corpus page
(10,106 elements) needs about 5 MB."""

MAX_TREE_TAGS = 2_000_000
"""Start tags (``<`` but ``</``) a page may hold: a tree of 2 million elements takes 300
to 600 MB, and with their text nodes stays under libxml2's XPath limit of 10 million nodes. The
largest corpus page has 10,106 elements; a page past ``LARGE_PAGE_ELEMENTS`` (100,000)
gets the coarse selection, and one past this an error."""

_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def resident_bytes() -> int:
    """The process's resident memory now (its peak where ``/proc`` is absent)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE_SIZE
    except (OSError, ValueError, IndexError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


class TreeGrowth:
    """Watches what a parse adds, between the pieces it is fed: the tags (each ``<`` but
    ``</`` may open an element) and the process's resident memory.

    Two measures because neither is enough alone: the tag count is exact for what it
    counts but not every node is a tag (attributes), and memory counts everything but a
    worker reuses the memory it freed before without growing. Memory is measured on the
    whole process, so another thread's allocations count too, which can only make the
    guard stricter.
    """

    __slots__ = ("_start", "_tags")

    def __init__(self) -> None:
        self._start = resident_bytes()
        self._tags = 0

    def check(self, piece: bytes = b"") -> None:
        """Count ``piece`` (the markup about to be fed) and raise ``InputTooLargeError``
        once the page is past ``MAX_TREE_TAGS`` or its tree past ``MAX_TREE_BYTES``."""
        self._tags += piece.count(b"<") - piece.count(b"</")  # end tags open nothing
        if self._tags > MAX_TREE_TAGS:
            raise InputTooLargeError(
                f"the page has more than {MAX_TREE_TAGS:,} tags (markup this dense is a"
                " dump, not a page)"
            )
        if resident_bytes() - self._start > MAX_TREE_BYTES:
            raise InputTooLargeError(
                f"the page's tree outgrew {MAX_TREE_BYTES >> 20} MB of memory while parsing"
                " (markup this dense is a dump, not a page)"
            )
