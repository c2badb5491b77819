"""An independent check of legacy CJK repair: CPython's own codec test texts, misread.

CPython ships, for its CJK codec tests, a few paragraphs of Chinese, Japanese and Korean
in each legacy encoding with a UTF-8 twin (``test/cjkencodings/*-utf8.txt``, PSF
licence). Neither the repair code nor the wild suite (``wild.py``) ever saw them. They
are read at run time from the running Python's standard library (nothing is copied into
the repository), cut into the shapes pages hold them in (a title of a few characters, a
sentence, a line, a paragraph, and a sentence set in ASCII: a date, a price, a URL), and
pushed through the misreadings of issue #15: each encoding read as windows-1252 and as
latin-1, the seed's form (UTF-8 sequences for characters above U+00FF, Latin-1 bytes
for the rest), and GBK and Big5 read as each other. A case whose misreading loses a byte
is left out, so the original is the one right answer. ``cases()`` is empty when the
directory is absent (a Python built without its test package).
"""

from __future__ import annotations

import re
import sysconfig
from dataclasses import dataclass
from pathlib import Path

from wild import _read, _read_mixed

__all__ = ["SOURCES", "CjkCase", "cases", "directory"]

# Test file -> the encoding its text is written in on the page (gb2312 pages are GBK
# bytes in practice; the file's own codec is what the text is encodable in).
SOURCES = {
    "gb2312": "gbk",
    "gbk": "gbk",
    "gb18030": "gb18030",
    "big5": "big5",
    "big5hkscs": "big5hkscs",
    "cp949": "cp949",
    "euc_kr": "euc_kr",
    "euc_jp": "euc_jp",
    "shift_jis": "shift_jis",
}
# The readings of one legacy CJK encoding as another (issue #15: GBK and Big5).
CROSS = {"gbk": ("big5",), "big5": ("gbk",), "gb18030": ("big5",)}
# ASCII settings a page puts a sentence in (dates, prices, links, bylines).
FRAMES = (
    "{} - 2019-03-14",
    "Posted 12/05/2021: {}",
    "{} (https://example.com/news/2020/03/item.html?id=42)",
    "ID 4471 | {} | 3,200 views",
    "{} Tel: +86 10 6552 0000",
)
# Sentence ends: ideographic and full-width stops, marks, semicolons, colons.
_ENDS = "\u3002\uff0e\uff01\uff1f!?\uff1b;\uff1a:"
_SENTENCE = re.compile(f"[^{_ENDS}\\n]+[{_ENDS}]?")
_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{6,}")


@dataclass(frozen=True, slots=True)
class CjkCase:
    """One misread text: the source file, its misreading (``written/read``), the shape it
    was cut to, the broken text and the original."""

    source: str
    pair: str
    shape: str
    broken: str
    expected: str


def directory() -> Path:
    """Where the running Python keeps its CJK codec test texts."""
    return Path(sysconfig.get_paths()["stdlib"]) / "test" / "cjkencodings"


def _pieces(text: str) -> list[tuple[str, str]]:
    """(shape, text) pieces of one test text, each distinct."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    sentences = [s.strip() for line in lines for s in _SENTENCE.findall(line) if s.strip()]
    out: list[tuple[str, str]] = []
    for match in _WIDE.finditer(text):
        out.append(("title", match.group()[:6]))
    out += [("sentence", s) for s in sentences if len(s) >= 4]
    out += [("line", line) for line in lines]
    out += [("paragraph", " ".join(lines[i : i + 3])) for i in range(0, len(lines), 3)]
    out += [
        ("framed", FRAMES[i % len(FRAMES)].format(s))
        for i, s in enumerate(s for s in sentences if len(s) >= 4)
    ]
    return [p for p in dict.fromkeys(out) if not p[1].isascii()]


def _encode(text: str, codec: str) -> bytes | None:
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        return None
    return None if data.isascii() else data


def cases() -> list[CjkCase]:
    """Every misread piece of every test text found (empty when none is)."""
    root = directory()
    out: list[CjkCase] = []
    for source, codec in SOURCES.items():
        path = root / f"{source}-utf8.txt"
        if not path.is_file():
            continue
        for shape, text in _pieces(path.read_text("utf-8")):
            data = _encode(text, codec)
            if data is None:
                continue
            for reader in ("cp1252", "iso8859_1"):
                broken = _read(data, reader)
                if broken is not None:
                    out.append(CjkCase(source, f"{codec}/{reader}", shape, broken, text))
            out.append(CjkCase(source, f"{codec}/mixed", shape, _read_mixed(data), text))
            for reader in CROSS.get(codec, ()):
                broken = _read(data, reader)
                if broken is not None and broken != text:
                    out.append(CjkCase(source, f"{codec}/{reader}", shape, broken, text))
    return out
