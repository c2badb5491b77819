"""Date parsing: the written forms pages use, to ISO 8601."""

from __future__ import annotations

import pytest

from boilerkit.metadata.dates import _written_date, parse_date, prefer_local, url_date


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
        ("12 марта 2021, 14:05", "2021-03-12"),
        ("2024年3月18日 10:30", "2024-03-18"),
        ("2024년 6월 3일", "2024-06-03"),
        ("१२ मार्च २०२४, ०२:०५ अपराह्न", "2024-03-12"),  # Devanagari digits
        ("3 मई 2023", "2023-05-03"),  # a two-letter month: म, ई
        ("১২ মার্চ ২০২৪", "2024-03-12"),
        ("ngày 12 tháng 3 năm 2024", "2024-03-12"),
        ("12 Maret 2024", "2024-03-12"),
        ("5 Desember 2023", "2023-12-05"),
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


@pytest.mark.parametrize(
    "nukta",
    ["\u095e", "\u092b\u093c"],  # फ़ precomposed, and फ + combining nukta
)
def test_month_names_match_either_form_of_a_nukta_letter(nukta: str) -> None:
    assert parse_date(f"12 {nukta}रवरी 2024") == "2024-02-12"


def test_written_dates_are_found_in_running_text_in_other_scripts() -> None:
    assert _written_date("प्रकाशित: १२ मार्च २०२४, ०२:०५ अपराह्न") == "2024-03-12"
    assert _written_date("投稿日\uff1a2024年3月18日 更新") == "2024-03-18"
    assert _written_date("입력 2024. 6. 3 | 수정 2024년 6월 3일") == "2024-06-03"
