"""The two corpus metrics on hand-made inputs whose scores are worked out by hand."""

from __future__ import annotations

import pytest

from benchmarks.metrics import (
    SnippetCounts,
    match_shingles,
    match_snippets,
    normalize_space,
    shingle_scores,
    shingles,
    snippet_scores,
)


def test_normalize_space_collapses_every_whitespace_run() -> None:
    assert normalize_space(" a\n\tb\u00a0\u00a0c  ") == "a b c"


def test_snippets_count_each_side_and_match_across_line_breaks() -> None:
    output = "Intro line.\nThe main   text\ncontinues here. Share this"
    match = match_snippets(output, ["main text continues", "absent part"], ["Share this", "Menu"])
    assert match.counts == SnippetCounts(tp=1, fp=1, fn=1, tn=1)
    assert match.missed == ("absent part",)
    assert match.leaked == ("Share this",)


def test_snippet_matching_keeps_case() -> None:
    assert match_snippets("the text", ["The text"], []).counts == SnippetCounts(fn=1)


def test_no_output_misses_every_wanted_snippet_and_leaks_none() -> None:
    assert match_snippets(None, ["a", "b"], ["c"]).counts == SnippetCounts(fn=2, tn=1)


def test_snippet_scores_pool_pages_before_dividing() -> None:
    # Pooled: tp 6, fp 2, fn 3, tn 8 (not an average of per-page scores).
    pages = [SnippetCounts(tp=5, fp=0, fn=1, tn=4), SnippetCounts(tp=1, fp=2, fn=2, tn=4)]
    scores = snippet_scores(pages)
    assert scores.precision == pytest.approx(6 / 8)
    assert scores.recall == pytest.approx(6 / 9)
    assert scores.f1 == pytest.approx(12 / 17)
    assert scores.accuracy == pytest.approx(14 / 19)


def test_shingles_are_a_multiset_of_token_four_grams() -> None:
    grams = shingles("a b, c d! a b c d")
    assert grams[("a", "b", "c", "d")] == 2
    assert sum(grams.values()) == 5


def test_short_text_is_one_shorter_shingle() -> None:
    assert shingles("only two") == {("only", "two"): 1}
    assert shingles("  ... ") == {}


def test_page_shingle_counts() -> None:
    # expected: 6 tokens -> 3 shingles; output repeats one and adds one.
    match = match_shingles("w1 w2 w3 w4 w5 x", "w1 w2 w3 w4 w5 w6")
    assert (match.tp, match.fp, match.fn) == (2, 1, 1)
    assert match.precision == pytest.approx(2 / 3)
    assert match.recall == pytest.approx(2 / 3)


def test_empty_output_scores_zero_but_empty_against_empty_is_perfect() -> None:
    empty = match_shingles("", "some expected article text")
    assert (empty.precision, empty.recall) == (0.0, 0.0)
    both = match_shingles("", "")
    assert (both.precision, both.recall) == (1.0, 1.0)


def test_shingle_f1_is_harmonic_mean_of_averaged_precision_and_recall() -> None:
    perfect = match_shingles("a b c d e", "a b c d e")
    half = match_shingles("a b c d e", "a b c d x")  # tp 1, fp 1, fn 1
    scores = shingle_scores([perfect, half])
    assert scores.precision == pytest.approx(0.75)
    assert scores.recall == pytest.approx(0.75)
    assert scores.f1 == pytest.approx(0.75)
    assert scores.accuracy is None
