# ruff: noqa: RUF001  (letters of many scripts are the subject here)
"""Parity: the compiled sum behind the bigram model's language guess
(``_front.letter_costs``) gives the very doubles of its reference
(``bigrams._letter_costs``), on the text of the corpora, on mojibake and on generated
strings: the languages chosen, and so every repair, cannot differ between the paths."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.corpora import available, load_corpus
from boilerkit.encoding import bigrams
from boilerkit.encoding.decode import decode_html
from boilerkit.selection import page_table
from tests.parity import EXAMPLES, compiled_only


def _assert_same_costs(text: str) -> None:
    kernel = page_table.compiled("letter_costs")
    assert kernel is not None, "_front is missing: rebuild"
    folded = bigrams._known(bigrams.fold(text))
    costs = kernel(folded, bigrams._rows(), len(bigrams.tables()))
    assert costs == bigrams._letter_costs(folded), text[:80]


@compiled_only
@pytest.mark.parametrize(
    "text",
    [
        "",
        "1234 -- !!",
        "Kasým Þubat",
        "nedìle lunedм",
        "Die Steiermark spürt ihr hier auf Schritt und Tritt",
        "Avrupa İnsan Hakları Mahkemesi",
        "мама мыла раму, 鶹传媒 한국어",
        "cœur ÿ ħ",
    ],
)
def test_letter_costs_equal_reference(text: str) -> None:
    _assert_same_costs(text)


@compiled_only
def test_letter_costs_are_sums_of_the_letters() -> None:
    """Not only the same as the reference: a letter no language uses adds nothing, and
    each letter adds its count times its bits."""
    kernel = page_table.compiled("letter_costs")
    assert kernel is not None
    rows, width = bigrams._rows(), len(bigrams.tables())
    assert kernel("", rows, width) == [0.0] * width
    assert kernel("\U0001f600 12", rows, width) == [0.0] * width
    once, twice = kernel("é", rows, width), kernel("éé", rows, width)
    assert twice == [2 * c for c in once]
    assert any(c != 0.0 for c in once)


@compiled_only
@settings(max_examples=EXAMPLES, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from("aeinrstéüößçñłšžčěřıİğşаеорсткмλαωאباのの한中 .,-0'"),
        max_size=200,
    )
)
def test_letter_costs_equal_reference_on_generated_text(text: str) -> None:
    _assert_same_costs(text)


@compiled_only
@pytest.mark.corpus
def test_letter_costs_equal_reference_on_corpus() -> None:
    if not available("trafilatura-eval"):
        pytest.skip("corpus trafilatura-eval not found")
    for page in load_corpus("trafilatura-eval").pages[:150]:
        text = decode_html(page.html).text
        for start in range(0, min(len(text), 60_000), 3_000):
            _assert_same_costs(text[start : start + 400])


def _assert_same_bits(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    folded = bigrams._known(bigrams.fold(text))
    for table in list(bigrams.tables().values())[::5]:
        assert table.compiled is not None, "_front is missing: rebuild"
        for limit in (float("inf"), 40.0, 0.0, float("-inf")):
            fast = table.bits(folded, limit)
            with monkeypatch.context() as patch:
                patch.setenv("BOILERKIT_PURE", "1")
                assert table.bits(folded, limit) == fast, (text[:80], limit)
        mean = table.foreign_bits(folded)
        with monkeypatch.context() as patch:
            patch.setenv("BOILERKIT_PURE", "1")
            assert table.foreign_bits(folded) == mean, text[:80]


@compiled_only
@pytest.mark.parametrize(
    "text",
    ["", "Kasým Þubat", "Die Steiermark spürt ihr", "мама мыла раму 鶹传媒", "cœur ÿ #\x00"],
)
def test_bigram_costs_equal_reference(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _assert_same_bits(text, monkeypatch)


@compiled_only
def test_bigram_costs_read_the_tables() -> None:
    """A bigram the table has costs what it says; one it lacks costs the unigram and the
    back-off; a limit stops the reading once passed."""
    table = next(iter(bigrams.tables().values()))
    pair = next(p for p in table.pairs if len(p) == 2 and p[0] != " ")
    first = table.bits(pair[0], float("inf"))
    assert table.bits(pair, float("inf")) == first + table.pairs[pair]
    assert table.bits("\U0001f600", float("inf")) == bigrams.UNSEEN + table.backoff.get(" ", 0.0)
    assert table.bits(pair * 50, 1.0) < table.bits(pair * 50, float("inf"))
    assert table.foreign_bits("abc") == 0.0
    assert table.foreign_bits("a#") == table.bits("a#", float("inf")) - table.bits("a", 9e9)


@compiled_only
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    text=st.text(
        alphabet=st.sampled_from("aeinrstéüößçñłšžčěřıİğşаеорсткмλαωאباのの한中 .,-0'#\x00\x01"),
        max_size=120,
    )
)
def test_bigram_costs_equal_reference_on_generated_text(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _assert_same_bits(text, monkeypatch)


def _assert_same_readers(text: str) -> None:
    kernel = page_table.compiled("reader_costs")
    assert kernel is not None, "_front is missing: rebuild"
    users = bigrams._users()
    folded = bigrams._known(bigrams.fold(text))
    for used in (
        sorted({c for c in folded if c >= "\x80" and c in users}),
        sorted({c for c in folded if c.isalpha() and c in users}),
    ):
        costs = kernel(used, bigrams._rows(), len(bigrams.tables()))
        assert costs == bigrams._reader_costs(used), text[:80]


@compiled_only
@pytest.mark.parametrize("text", ["", "Kasým Þubat", "spürt ihr", "мама 鶹传媒", "abc"])
def test_reader_costs_equal_reference(text: str) -> None:
    _assert_same_readers(text)


@compiled_only
@settings(max_examples=EXAMPLES, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from("aeinrstéüößçñłšžčěřıİğşаеорсткмλαωאباのの한中 .,-0'"),
        max_size=120,
    )
)
def test_reader_costs_equal_reference_on_generated_text(text: str) -> None:
    _assert_same_readers(text)
