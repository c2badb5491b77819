"""Date parsing: the written forms pages use, to ISO 8601."""

from __future__ import annotations

import pytest

from boilerkit.metadata.dates import parse_date, prefer_local, url_date


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2019-12-12", "2019-12-12"),
        ("2019-12-12T10:05:00Z", "2019-12-12T10:05:00+00:00"),
        ("2021-10-28T13:21:30+0100", "2021-10-28T13:21:30+01:00"),
        ("2022-1-26T14:32:06+02:00", "2022-01-26T14:32:06+02:00"),
        ("20191212", "2019-12-12"),
        ("Sat, 19 Oct 2019 00:04:00 +0200", "2019-10-19T00:04:00+02:00"),
        ("December 12, 2019", "2019-12-12"),
        ("12. Dezember 2019", "2019-12-12"),
        ("le 3 mai 2021", "2021-05-03"),
        ("3 de mayo de 2022", "2022-05-03"),
        ("21.01.2022 11:46", "2022-01-21"),
        ("12/25/2019", "2019-12-25"),
        ("1576108800", "2019-12-12"),
        ("24 декабря 2020 года", "2020-12-24"),
        ("3 травня 2020", "2020-05-03"),
        ("5 Ekim 2022", "2022-10-05"),
        ("12 maart 2021", "2021-03-12"),
    ],
)
def test_parse_date(raw: str, expected: str) -> None:
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["2999-01-01", "1850-03-04", "2019-13-45", "no date", "", None])
def test_implausible_or_missing_dates(raw: str | None) -> None:
    assert parse_date(raw) is None


def test_url_dates() -> None:
    assert url_date("https://a.example/2019/06/19/slug/") == "2019-06-19"
    assert url_date("https://a.example/news/2020-01-13-slug") == "2020-01-13"
    assert url_date("https://a.example/2020/01/slug") is None
    assert url_date(None) is None


def test_prefer_local_only_for_the_same_moment() -> None:
    same = ["2023-11-09T05:30:59+00:00", "2023-11-08T23:30:59"]
    assert prefer_local(same) == "2023-11-08T23:30:59"
    other = ["2023-11-08T22:43:30+00:00", "2023-11-09T04:09:24-06:00"]
    assert prefer_local(other) == "2023-11-08T22:43:30+00:00"
    assert prefer_local([]) is None
