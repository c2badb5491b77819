"""Options are checked when they are made: a bad value fails at once, naming the option."""

from __future__ import annotations

import dataclasses
import math

import pytest

import boilerkit
from boilerkit import OptionError, Options, OptionTypeError
from boilerkit.options import _CHECKS, FAVORS, OPTION_NAMES

PAGE = "<article><p>Some text of the article.</p></article>"


def test_every_option_has_a_check() -> None:
    assert [name for name, _, _ in _CHECKS] == list(OPTION_NAMES)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("favor", "bogus"),
        ("favor", "Precision"),
        ("favor", ""),
        ("max_bytes", -1),
        ("max_bytes", 0),
        ("time_budget", math.nan),
        ("time_budget", math.inf),
        ("time_budget", -1.0),
        ("time_budget", 0),
    ],
)
def test_bad_values_name_the_option_and_what_it_accepts(name: str, value: object) -> None:
    for make in (
        lambda: Options(**{name: value}),
        lambda: dataclasses.replace(Options(), **{name: value}),
        lambda: boilerkit.extract(PAGE, **{name: value}),
        lambda: boilerkit.explain(PAGE, **{name: value}),
        lambda: boilerkit.extract(PAGE).to_markdown(**{name: value}),
    ):
        with pytest.raises(OptionError, match=name) as info:
            make()
        assert isinstance(info.value, ValueError)
        assert "expected" in str(info.value)


def test_favor_error_lists_the_choices() -> None:
    with pytest.raises(ValueError, match="'balanced' or 'precision' or 'recall'"):
        Options(favor="Precision")  # type: ignore[arg-type]
    assert FAVORS == ("balanced", "precision", "recall")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("max_bytes", "1000"),
        ("max_bytes", 10.5),
        ("max_bytes", True),
        ("max_bytes", None),
        ("time_budget", "30"),
        ("time_budget", True),
        ("weights", {}),
        ("weights", None),
        ("include_links", "yes"),
        ("include_links", 1),
        ("fallback", None),
        ("favor", 1),
    ],
)
def test_wrong_types_are_value_and_type_errors(name: str, value: object) -> None:
    with pytest.raises(OptionTypeError, match=f"option {name}=") as info:
        boilerkit.extract(PAGE, **{name: value})
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, boilerkit.BoilerkitError)


def test_good_values_pass() -> None:
    options = Options(favor="precision", max_bytes=1, time_budget=None)
    assert options.time_budget is None
    assert Options(time_budget=5).time_budget == 5
    assert boilerkit.extract(PAGE, favor="recall", time_budget=2.5).text


def test_long_values_are_shortened_in_the_message() -> None:
    with pytest.raises(OptionError) as info:
        Options(favor="x" * 10_000)  # type: ignore[arg-type]
    assert len(str(info.value)) < 200


def test_unknown_keywords_are_type_errors_listing_the_valid_ones() -> None:
    with pytest.raises(TypeError, match="unknown option favour: valid options are ") as info:
        boilerkit.extract(PAGE, favour="precision")
    assert not isinstance(info.value, ValueError)
    for name in OPTION_NAMES:
        assert name in str(info.value)
    with pytest.raises(TypeError, match="unknown options a, b"):
        boilerkit.extract(PAGE).to_html(b=1, a=2)


def test_options_must_be_options() -> None:
    with pytest.raises(TypeError, match=r"options must be a boilerkit\.Options, not dict"):
        boilerkit.extract(PAGE, options={"favor": "precision"})  # type: ignore[arg-type]
