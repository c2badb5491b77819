"""Select stage: what the hand-written pages of issue 16 showed (``fixtures/``).

A sidebar of cards beside the article's column, the cards of a "You may also like" loop
inside the post, a gallery's counters, the standfirst inside the article's header. Each
rule has its look-alike that must not fire.
"""

from __future__ import annotations

from tests.selecting import selected_text as _text

PROSE = (
    "Harbour Road will close to traffic for six weeks while the sea wall is repaired. "
    "Inspections found that waves had washed out the infill behind the wall. "
)


def _card(title: str, body: str) -> str:
    return f"<div class='card'><div class='card-header'>{title}</div><p>{body}</p></div>"


def _row(side: str) -> str:
    article = "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(6))
    return (
        f"<div class='container'><div class='row'><div class='col-8'>{article}</div>"
        f"<div class='col-4'>{side}</div></div></div>"
    )


def test_a_column_of_titled_cards_beside_the_article_is_left_out() -> None:
    cards = _card(
        "Media enquiries",
        "Out of office hours, journalists can reach the duty press officer on 07700 900 412. "
        "This number is for media enquiries only.",
    ) + _card(
        "Report a problem",
        "To report a pothole or a blocked drain on a council road, use the online form.",
    )
    text = _text(_row(cards))
    assert "Part 0." in text and "Part 5." in text
    assert "duty press officer" not in text and "pothole" not in text


def test_a_side_column_of_long_sections_is_no_column_of_boxes() -> None:
    sections = "".join(
        f"<div class='section'><h3>Section {n}</h3><p>{PROSE * 4} End {n}.</p></div>"
        for n in range(2)
    )
    text = _text(_row(sections))
    assert "Part 0." in text and "End 0." in text and "End 1." in text


def _loop(excerpt: str) -> str:
    cards = "".join(
        f"<li class='wp-block-post'><h3><a href='/2024/0{n}/post-{n}/'>Another post number {n}"
        f"</a></h3><p>{excerpt} Card {n}.</p><p><a href='/2024/0{n}/post-{n}/'>Read more</a></p>"
        "</li>"
        for n in range(3)
    )
    return f"<div class='group'><h2>You may also like</h2><ul>{cards}</ul></div>"


def test_long_excerpts_of_cards_under_a_teaser_heading_are_dropped() -> None:
    excerpt = PROSE * 5  # longer than a teaser item may be
    body = "".join(f"<p>{PROSE} Post {n}.</p>" for n in range(3))
    text = _text(f"<div class='entry-content'>{body}{_loop(excerpt)}</div>")
    assert "Post 0." in text and "Post 2." in text
    assert "Card 0." not in text and "Card 2." not in text


def test_the_articles_paragraphs_after_a_box_of_linked_headings_stay() -> None:
    links = "".join(
        f"<h3><a href='/p/{n}'>Another post number {n}</a></h3><p>{PROSE} Section {n}.</p>"
        for n in range(2)
    )
    text = _text(f"<div class='entry-content'><h2>Related stories</h2>{links}</div>")
    assert "Section 0." in text and "Section 1." in text  # one element holds every heading


def test_a_slide_counter_goes_but_a_page_reference_in_a_table_stays() -> None:
    body = "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(3))
    table = "<table><tr><td>Batteries and chargers</td><td>99 / 106</td></tr></table>"
    text = _text(f"<div class='body'>{body}<ul><li>3 / 8</li></ul>{table}</div>")
    assert "3 / 8" not in text
    assert "99 / 106" in text


def test_the_standfirst_in_the_articles_header_joins_the_body() -> None:
    header = (
        "<div class='article-header'><ol class='breadcrumbs'><li><a href='/'>Home</a></li>"
        "<li><a href='/news'>News</a></li></ol><h1>Harbour Road to close</h1>"
        "<p class='summary'>Forty homes and shops were flooded when the River Skell rose more "
        "than two metres overnight</p>"
        "<div class='meta'>By Hannah Pryce, Local Democracy Reporter"
        "<div class='share-bar'><a href='#'>Share on Facebook</a> <a href='#'>Share on X</a>"
        " <a href='#'>Share by email</a></div></div></div>"
    )
    body = "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(4))
    text = _text(f"<div class='main'>{header}<div class='article-body'>{body}</div></div>")
    assert "Forty homes and shops" in text
    assert "Share on Facebook" not in text and "Hannah Pryce" not in text
