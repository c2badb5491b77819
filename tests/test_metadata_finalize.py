"""``finalize_metadata``: language detection, lead-paragraph description, page type."""

from __future__ import annotations

import dataclasses

import pytest

import boilerkit
from boilerkit.metadata import Metadata, finalize_metadata
from boilerkit.metadata.language import detect_language, normalize_language
from boilerkit.metadata.page_type import decide, markup_votes
from boilerkit.weights import Weights

ENGLISH = (
    "The council has approved the plan to replace the ferries with an electric fleet, "
    "and the first boats are expected to be in service by the end of the year. "
) * 3
GERMAN = (
    "Die neue Brücke über den Rhein soll nach Angaben der Stadt im Jahr 2027 fertig sein. "
    "Sie wird nur für Radfahrer und Fußgänger gebaut und ist mit der Bahn verbunden. "
) * 3
FRENCH = (
    "Le conseil a approuvé le projet de remplacer les bateaux par une flotte électrique, "
    "et les premiers sont attendus dans le port avant la fin de l'année. "
) * 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ENGLISH, "en"),
        (GERMAN, "de"),
        (FRENCH, "fr"),
        ("杭州一社区开设银发课堂三百余位老人学会用智能手机。" * 3, "zh"),
        ("東京の図書館は、子どもたちのために新しい本を用意しました。" * 3, "ja"),
        ("مكتبة متنقلة تجوب قرى الصعيد لتشجيع الأطفال على القراءة" * 2, "ar"),
        ("Московский метрополитен открыл три новые станции в этом году." * 2, "ru"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_detect_language_declines_when_unsure() -> None:
    assert detect_language("OK 123") is None
    assert detect_language("Lorem ipsum dolor sit amet consectetur adipiscing elit") is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("en_us", "en-US"),
        ("EN", "en"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("x-default", None),
        ("", None),
        ("und", None),
    ],
)
def test_normalize_language(raw: str, expected: str | None) -> None:
    assert normalize_language(raw) == expected


def test_declared_language_is_kept() -> None:
    assert finalize_metadata(Metadata(language="fr"), ENGLISH).language == "fr"
    assert finalize_metadata(Metadata(), GERMAN).language == "de"


def test_lead_paragraph_stands_in_for_a_missing_description() -> None:
    text = "Ferry plan\nShort.\n" + ENGLISH.strip()
    done = finalize_metadata(Metadata(title="Ferry plan"), text)
    assert done.description == ENGLISH.strip()
    kept = finalize_metadata(Metadata(description="Declared."), text)
    assert kept.description == "Declared."


def test_page_type_article_from_markup_and_text() -> None:
    declared = Metadata(
        page_type="article",
        page_type_confidence=1.0,
        date="2024-01-02",
        authors=("A B",),
        url="https://n.example/2024/01/02/story-slug",
    )
    done = finalize_metadata(declared, ENGLISH * 5)
    assert done.page_type == "article"
    assert 0.5 < done.page_type_confidence <= 1.0


def test_page_type_listing_from_home_url_and_teasers() -> None:
    done = finalize_metadata(Metadata(url="https://n.example/"), "Top stories", teaser_links=20)
    assert done.page_type == "listing"


def test_page_type_other_without_evidence() -> None:
    done = finalize_metadata(Metadata(url="https://n.example/about/contact-us.html"), "Hi.")
    assert done.page_type == "other"


def test_page_type_dated_story_of_medium_length_is_an_article() -> None:
    # A short news story or post (a few paragraphs, under the long-text mark) with a date
    # and nothing declared: an article, not "other".
    dated = Metadata(date="2002-11-05", url="http://news.example/uk/2401893.stm")
    assert finalize_metadata(dated, ENGLISH * 2).page_type == "article"
    undated = Metadata(url="http://news.example/uk/2401893.stm")
    assert finalize_metadata(undated, ENGLISH * 2).page_type == "other"


def test_votes_add_up() -> None:
    article, listing = markup_votes("article", True, True, "https://a.example/x/y-z")
    assert article > listing == 0
    kind, confidence = decide(0.0, 0.0, None, 0)
    assert (kind, confidence) == ("other", 1.0)


def test_page_type_votes_come_from_the_options_weights() -> None:
    """``Options.weights.page_type`` reaches the vote: a user tunes it like any weight."""
    html = (
        "<html><head><meta property='og:type' content='article'></head><body><article>"
        f"<p>{ENGLISH}</p><p>{ENGLISH}</p></article></body></html>"
    )
    assert boilerkit.extract(html, url="https://n.example/2024/a-story").page_type == "article"
    silent = dataclasses.replace(
        Weights().page_type, structured_article=0.0, long_text=0.0, min_votes=10.0
    )
    tuned = dataclasses.replace(Weights(), page_type=silent)
    document = boilerkit.extract(html, url="https://n.example/2024/a-story", weights=tuned)
    assert document.page_type == "other"
