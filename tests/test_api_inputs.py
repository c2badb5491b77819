"""What ``extract`` and ``explain`` accept: ``str`` and every bytes-like, nothing else."""

from __future__ import annotations

import array
import mmap
from collections.abc import Callable

import pytest

import boilerkit

PAGE = "<html><body><article><p>Grüße aus Köln, einer schönen Stadt.</p></article></body></html>"
DATA = PAGE.encode("utf-8")
TEXT = "Grüße aus Köln, einer schönen Stadt."


def _mmap() -> mmap.mmap:
    mapped = mmap.mmap(-1, len(DATA))
    mapped.write(DATA)
    return mapped


BYTES_LIKES: dict[str, Callable[[], object]] = {
    "bytes": lambda: DATA,
    "bytearray": lambda: bytearray(DATA),
    "memoryview": lambda: memoryview(DATA),
    "memoryview slice": lambda: memoryview(b"xx" + DATA)[2:],
    "mmap": _mmap,
    "array": lambda: array.array("B", DATA),
    "str": lambda: PAGE,
}


@pytest.mark.parametrize("kind", BYTES_LIKES)
def test_every_bytes_like_and_str_gives_the_same_document(kind: str) -> None:
    page = BYTES_LIKES[kind]()
    doc = boilerkit.extract(page)  # type: ignore[arg-type]
    assert doc.text == TEXT
    explanation = boilerkit.explain(page)  # type: ignore[arg-type]
    assert explanation.document.text == TEXT


def test_bytes_likes_are_decoded_with_the_content_type() -> None:
    latin = "<p>Grüße aus Köln, einer schönen Stadt.</p>".encode("latin-1")
    doc = boilerkit.extract(bytearray(latin), content_type="text/html; charset=iso-8859-1")
    assert doc.text == TEXT
    assert doc.encoding != "unicode"


@pytest.mark.parametrize(
    ("value", "name"),
    [(None, "NoneType"), (42, "int"), (["<p>x</p>"], "list"), (3.5, "float"), (object(), "object")],
)
def test_other_types_are_type_errors_saying_what_is_accepted(value: object, name: str) -> None:
    for call in (boilerkit.extract, boilerkit.explain):
        with pytest.raises(TypeError) as info:
            call(value)  # type: ignore[arg-type]
        message = str(info.value)
        assert message.endswith(f"not {name}")
        assert "str or a bytes-like object (bytes, bytearray, memoryview" in message
        assert not isinstance(info.value, ValueError)


@pytest.mark.parametrize("name", ["url", "content_type"])
def test_url_and_content_type_must_be_text(name: str) -> None:
    with pytest.raises(TypeError, match=f"{name} must be a str or None, not int") as info:
        boilerkit.extract(PAGE, **{name: 42})  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)


def test_a_buffer_over_max_bytes_is_refused_before_it_is_copied() -> None:
    with pytest.raises(boilerkit.InputTooLargeError, match="input is 100 bytes, over max_bytes=50"):
        boilerkit.extract(bytearray(b"x" * 100), max_bytes=50)
    assert boilerkit.extract(bytearray(b"<p>Short text.</p>"), max_bytes=50).text == "Short text."
