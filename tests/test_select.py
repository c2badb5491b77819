"""Score and select stages: which boxes inside and around an article are dropped, and why.

Each test is a tiny page built around one signal, with prose long enough to be an article
and one piece of furniture that the signal must drop (or a look-alike it must keep).
"""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from boilerkit.page.clean import clean_tree
from boilerkit.render.text import render_text
from boilerkit.selection.choose import select_content
from boilerkit.selection.score import (
    block_reasons,
    block_value,
    block_values,
    boilerplate_value,
    score,
)
from boilerkit.selection.segment import segment
from boilerkit.weights import BOILERPLATE_LINE, TEASER_HEADING, Weights
from tests.selecting import selected_text as _text

PROSE = (
    "The council voted on Tuesday to extend the tram line to the northern districts. "
    "Construction is expected to begin next spring and to last about three years. "
    "Residents along the route will be consulted on the position of the new stops. "
)


def _paragraphs(count: int) -> str:
    return "".join(f"<p>{PROSE} Paragraph {n}.</p>" for n in range(count))


def test_weak_article_word_does_not_vouch_for_a_small_furniture_box() -> None:
    text = _text(
        f"<article><div class='article-body'>{_paragraphs(6)}"
        "<aside class='newsletter-box'><div class='text'><p>Daily news about the politics "
        "and business of the region, delivered to your inbox every morning.</p></div></aside>"
        "</div></article>"
    )
    assert "Paragraph 5" in text
    assert "delivered to your inbox" not in text


def test_weak_article_word_still_waives_a_misnamed_wrapper() -> None:
    text = _text(
        "<div class='sidebar-content'><div class='post'>"
        f"{_paragraphs(6)}</div></div><div class='about'>{_paragraphs(2)}</div>"
    )
    assert "Paragraph 0" in text and "Paragraph 5" in text


def test_heading_whose_section_was_dropped_goes_with_it() -> None:
    links = "".join(f"<li><a href='/p{n}'>Partner site number {n}</a></li>" for n in range(5))
    text = _text(
        f"<article><h2>Background</h2>{_paragraphs(3)}"
        f"<h2>Our partners</h2><ul>{links}</ul>"
        f"<h2>What comes next</h2>{_paragraphs(2)}</article>"
    )
    assert "Background" in text and "What comes next" in text
    assert "Our partners" not in text and "Partner site" not in text


def test_heading_over_its_parents_own_text_stays() -> None:
    # The text after the heading belongs to the enclosing div's block, which comes first.
    links = "".join(f"<li><a href='/p{n}'>Partner site number {n}</a></li>" for n in range(5))
    text = _text(
        f"<article>{_paragraphs(4)}<div>Intro line of the post.<h2>So what is next?</h2>"
        f"<br>{PROSE}<br>{PROSE}<ul>{links}</ul></div><h2>Later</h2>{_paragraphs(2)}</article>"
    )
    assert "So what is next?" in text


def test_closing_calls_to_action_are_dropped() -> None:
    text = _text(
        f"<article>{_paragraphs(4)}"
        "<p>Enjoyed this story? Sign up for our weekly newsletter and never miss one.</p>"
        "<div class='box'><p>Follow us on Telegram and Instagram for live updates.</p>"
        "<a href='/join'>Join now</a></div></article>"
    )
    assert "Paragraph 3" in text
    assert "newsletter" not in text and "Telegram" not in text and "Join now" not in text


def test_call_to_action_words_inside_the_article_stay() -> None:
    closing = "The mayor said she would follow up with residents, and the vote is final."
    text = _text(
        f"<article><p>Readers can sign up for the consultation online. {PROSE}</p>"
        f"{_paragraphs(3)}<p>{closing} {PROSE}</p></article>"
    )
    assert "sign up for the consultation" in text and closing in text


def test_citation_box_closes_the_article_but_citing_in_it_stays() -> None:
    """A "Suggested citation" box after the article is a closing box (with the appeal
    above it); the same words inside the article decide nothing."""
    cited = "The court explained how to cite its rulings in the new format, at length."
    text = _text(
        f"<article>{_paragraphs(2)}<p>{cited} {PROSE}</p>{_paragraphs(2)}"
        "<div class='support-box'><p>If you enjoyed this post, please support our work.</p></div>"
        "<div class='cite-as'><p>Suggested citation: A. Writer, The tram goes north, Notes,"
        " 2023.</p></div>"
        "</article>"
    )
    assert cited in text and "Paragraph 1" in text
    assert "Suggested citation" not in text and "If you enjoyed" not in text


def test_kicker_above_the_headline_is_dropped() -> None:
    text = _text(
        "<article><header><div class='topic'>Trams and buses</div>"
        "<h1>The tram goes north</h1><p class='standfirst'>A short standfirst. It stays.</p>"
        f"</header>{_paragraphs(4)}</article>"
    )
    assert "Trams and buses" not in text
    assert "A short standfirst. It stays." in text and "Paragraph 3" in text


@pytest.mark.parametrize(
    ("line", "kicker"),
    [
        ("Pressemitteilung Aktuell 02. November 2021", True),  # a day's ordinal dot
        ("Am 2. November tagt der Rat.", False),  # a sentence that says a date
        ("Version 2.1. Jetzt neu.", False),  # a dot after a number that ends a sentence
    ],
    ids=["ordinal-date", "dated-sentence", "numbered-sentence"],
)
def test_a_dated_kicker_is_no_sentence(line: str, kicker: bool) -> None:
    """Above the headline a short line with a sentence stays; the dot of a day written
    before its month ("02. November") ends no sentence, so a dated kicker goes."""
    text = _text(
        f"<article><header><div class='info'>{line}</div>"
        f"<h1>The tram goes north</h1></header>{_paragraphs(4)}</article>"
    )
    assert (line not in text) is kicker
    assert "Paragraph 3" in text


@pytest.mark.parametrize(
    "name", ["ad-disclosure", "cta-box", "postmetadata", "home-teasers", "nextstory", "news-letter"]
)
def test_furniture_class_names(name: str) -> None:
    text = _text(
        f"<article class='post'>{_paragraphs(3)}<div class='{name}'><p>We may earn a small "
        "fee from links on this page, which keeps the lights on here.</p></div>"
        f"{_paragraphs(2)}</article>"
    )
    assert "keeps the lights on" not in text and "Paragraph 1" in text


def test_layout_table_cell_holding_the_article_is_the_container() -> None:
    nav = "".join(f"<a href='/s{n}'>Section {n}</a><br>" for n in range(6))
    text = _text(
        "<table><tr><td colspan='2'>Preserving the history of the valley since 1971.</td></tr>"
        f"<tr><td>{nav}<p>Next meeting: Tuesday, 7.30pm. All welcome.</p></td>"
        f"<td><font>{PROSE * 6}</font></td></tr>"
        "<tr><td colspan='2'>Site maintained by the webmaster. Comments are welcome.</td></tr>"
        "</table>"
    )
    assert "northern districts" in text
    assert "Next meeting" not in text and "webmaster" not in text and "since 1971" not in text


def test_short_cjk_headlines_make_a_teaser_block() -> None:
    items = "".join(
        f"<li><span>{n}</span><a href='/news/{n}.html'>{title}</a></li>"
        for n, title in enumerate(["西湖景区春季赏花指南发布", "杭州地铁三号线北延段开通运营"])
    )
    root = lxml_html.document_fromstring(
        f"<html><body><article>{_paragraphs(4)}</article>"
        f"<div class='box'><h3>热门推荐</h3><ul>{items}</ul></div></body></html>"
    )
    clean_tree(root)
    related = select_content(root).related
    assert [link.section for link in related] == ["热门推荐", "热门推荐"]


def test_two_stories_under_linked_headings_are_a_teaser_block() -> None:
    rows = "".join(
        f"<div class='row'><h3><a href='/business/{n}'>{title}</a></h3>"
        f"<div class='summary'>A one-line summary of the story, number {n}.</div></div>"
        for n, title in enumerate(
            ["Co-op plans grain elevator expansion", "Downtown bakery opens a second shop"]
        )
    )
    root = lxml_html.document_fromstring(
        f"<html><body><article>{_paragraphs(4)}</article>"
        f"<div class='section'><h2>Business</h2><div class='view'>{rows}</div></div>"
        "</body></html>"
    )
    clean_tree(root)
    related = select_content(root).related
    assert [link.url for link in related] == ["/business/0", "/business/1"]


@pytest.mark.parametrize("name", ["sect sect_commentlinks", "commentsection", "commentaires"])
def test_comment_section_under_a_compound_name_is_not_the_article(name: str) -> None:
    comments = "".join(
        f"<div class='entry'><p>Reader {n} writes: I have lived by the tram route for "
        "twenty years and the noise at night has never been worse than this spring. "
        "Somebody at the council should come and listen for themselves.</p></div>"
        for n in range(12)
    )
    root = lxml_html.document_fromstring(
        f"<html><body><div class='story'>{_paragraphs(3)}</div>"
        f"<div class='{name}'>{comments}</div></body></html>"
    )
    clean_tree(root)
    selection = select_content(root, include_comments=False)
    assert selection.content is not None
    text = render_text(selection.content)
    assert "Paragraph 2" in text and "Reader" not in text


def test_php_error_messages_are_never_the_article() -> None:
    warning = (
        "<b>Warning</b>: Use of undefined constant comments - assumed 'comments' (this will "
        "throw an Error in a future version of PHP) in <b>/htdocs/wp-content/plugins/"
        "get-recent-comments/get-recent-comments.php</b> on line <b>928</b><br>"
    )
    root = lxml_html.document_fromstring(
        f"<html><body>{warning * 2}<div class='post'><p>{PROSE}</p></div>"
        f"<ul><li><h2>Latest comments</h2><ul><li>{warning * 8}</li></ul></li></ul>"
        "</body></html>"
    )
    clean_tree(root)
    selection = select_content(root)
    assert selection.content is not None
    text = render_text(selection.content)
    assert "The council voted" in text and "Warning" not in text


def test_commentary_is_an_article_not_comments() -> None:
    text = _text(f"<div class='commentary-body'>{_paragraphs(3)}</div><nav>Home</nav>")
    assert "Paragraph 2" in text


def test_section_id_made_from_its_heading_is_no_furniture_hint() -> None:
    section = (
        "<div class='section' id='sharing-with-a-single-developer'>"
        f"<h2>Sharing with a single developer</h2>{_paragraphs(2)}</div>"
    )
    share_box = (
        "<div id='share-this'><h3>Share this</h3><p>Send this story to a friend who lives "
        "along the route and wants to know more about it.</p></div>"
    )
    text = _text(f"<article>{_paragraphs(2)}{section}{share_box}</article>")
    assert "Sharing with a single developer" in text.splitlines()
    assert text.count("Paragraph 1") == 2
    assert "Send this story" not in text


@pytest.mark.parametrize(
    "heading", ["More than a game", "Popular science in the 1950s", "Latest findings"]
)
def test_subheadings_that_start_like_teaser_headings_stay(heading: str) -> None:
    text = _text(f"<article>{_paragraphs(2)}<h2>{heading}</h2>{_paragraphs(2)}</article>")
    assert heading in text.splitlines()


@pytest.mark.parametrize(
    "heading", ["Читайте также", "Lees ook", "İlgili Haberler", "Baca juga", "관련기사"]
)
def test_teaser_headings_in_more_languages(heading: str) -> None:
    items = "".join(
        f"<li><a href='/news/{n}'>Another story on the regional news site, number {n}</a></li>"
        for n in range(4)
    )
    root = lxml_html.document_fromstring(
        f"<html><body><article>{_paragraphs(4)}<h2>{heading}</h2><ul>{items}</ul></article>"
        "</body></html>"
    )
    clean_tree(root)
    selection = select_content(root)
    assert {link.section for link in selection.related} == {heading}
    assert selection.content is not None
    assert heading not in render_text(selection.content)


@pytest.mark.parametrize(
    "line",
    [
        "Marco Odermatt, ski star from Switzerland. © AFP / MARCO BERTORELLO",
        "The mill pond in winter. Photo: Getty Images",
        "Presse- und Informationsamt der Bundesregierung | picture alliance",
    ],
)
def test_photo_credit_lines_are_dropped(line: str) -> None:
    text = _text(f"<article>{_paragraphs(2)}<div><p>{line}</p></div>{_paragraphs(2)}</article>")
    assert line not in text and "Paragraph 1" in text


@pytest.mark.parametrize(
    "line", ["Aktualisiert: 11.04.2020, 10:27", "opublikowano: 7 kwietnia 2021", "7. Oktober 2020"]
)
def test_labelled_date_lines_are_dropped(line: str) -> None:
    text = _text(
        f"<article><p>{line}</p>{_paragraphs(2)}<p>Price: 12.50 euros.</p>{_paragraphs(2)}"
        "</article>"
    )
    assert line not in text and "Price: 12.50 euros." in text


def test_dates_in_a_table_are_data_not_date_lines() -> None:
    table = (
        "<table><tr><th>Opened</th><td>14 August 1881</td></tr>"
        "<tr><th>Closed</th><td>5 March 1966</td></tr></table>"
    )
    text = _text(
        f"<article><p>7. Oktober 2020</p>{_paragraphs(2)}{table}{_paragraphs(2)}</article>"
    )
    assert "14 August 1881" in text and "5 March 1966" in text
    assert "7. Oktober 2020" not in text


@pytest.mark.parametrize(
    "chrome",
    [
        '<span class="mw-editsection">[<a href="/w/index.php?action=edit">edit</a>]</span>',
        '<a class="post-edit-link" href="/wp-admin/post.php?post=9">Edit</a>',
    ],
)
def test_edit_links_beside_headings_go(chrome: str) -> None:
    text = _text(f"<article><h2>History{chrome}</h2>{_paragraphs(3)}</article>")
    assert "History" in text.splitlines() and "dit" not in text


def test_footnotes_keep_their_markers_and_notes_but_not_their_backlinks() -> None:
    text = _text(
        f"<article>{_paragraphs(2)}<p>{PROSE}The line opened in 1881.<sup class='reference'>"
        "<a href='#cite-1'>[1]</a></sup></p><h2>References</h2><ol class='references'>"
        "<li id='cite-1'><span class='mw-cite-backlink'><a href='#ref-1'>^</a></span> "
        "Hollins, Peter (1998). Stone Across the Valleys.</li></ol>"
        "<div class='footnotes'><ol><li>A second note. <a href='#fnref1' "
        "class='footnote-backref'>↩</a></li></ol></div></article>"
    )
    assert "The line opened in 1881.[1]" in text and "References" in text.splitlines()
    assert "Hollins, Peter (1998). Stone Across the Valleys." in text
    assert "A second note." in text
    assert "^" not in text and "↩" not in text


def test_read_more_line_is_a_one_item_teaser() -> None:
    root = lxml_html.document_fromstring(
        f"<html><body><article>{_paragraphs(2)}<p><strong>Read more:</strong> "
        "<a href='/science/otters-return'>Otters return to the burns after a century</a></p>"
        f"{_paragraphs(2)}</article></body></html>"
    )
    clean_tree(root)
    selection = select_content(root)
    assert [(link.url, link.section) for link in selection.related] == [
        ("/science/otters-return", "")
    ]
    assert selection.content is not None
    assert "Otters return" not in render_text(selection.content)


def _old_page(body: str, title: str | None = None) -> str:
    """The text of a structureless page: ``body`` straight in ``<body>``."""
    root = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    clean_tree(root)
    selection = select_content(root, title=title)
    assert selection.content is not None
    return render_text(selection.content)


_OLD_PROSE = "<br><br>".join(f"{PROSE} Paragraph {n}." for n in range(4))


def test_short_stanzas_after_the_last_paragraph_stay() -> None:
    text = _old_page(
        f"{_OLD_PROSE}<br><br>Repeat chorus<br><br>The river runs,<br>the mill wheel turns"
    )
    assert "Repeat chorus" in text and "the mill wheel turns" in text


def test_breadcrumb_line_is_dropped() -> None:
    text = _old_page(
        "<a href='/'>Home</a> &gt; <a href='/articles'>Articles</a> &gt; The Old Mill"
        f"<br><br>{_OLD_PROSE}"
    )
    assert "Articles" not in text and "Paragraph 3" in text


@pytest.mark.parametrize(
    "line",
    [
        "Tuesday 8 April | 7.30pm | Village Hall",  # no links: a line of facts
        "See <a href='/r'>the report</a> | it says the northern route was cheaper to build"
        " than the one along the river, by a third",  # long items: prose
    ],
)
def test_nav_line_look_alikes_stay(line: str) -> None:
    text = _old_page(f"{_OLD_PROSE}<br><br>{line}<br><br>{_OLD_PROSE}")
    assert lxml_html.fromstring(f"<p>{line}</p>").text_content() in text


def test_old_page_footer_lines_are_dropped() -> None:
    text = _old_page(
        f"{_OLD_PROSE}<hr><a href='/'>Back to Home</a><br>"
        "This page has been visited <img src='/cgi-bin/count'> times since 1997.<br>"
        "Last updated 12 April 1999 by the <a href='mailto:w@example.org'>Webmaster</a>."
    )
    assert "Paragraph 3" in text
    assert "visited" not in text and "Last updated" not in text


def test_furniture_line_above_the_article_is_dropped() -> None:
    text = _old_page(f"<i>Last updated 12 April 1999.</i><br><br>{_OLD_PROSE}")
    assert "Last updated" not in text and "Paragraph 0" in text


def test_furniture_words_without_a_paragraph_after_them_stay() -> None:
    text = _old_page("<p>Contact us at the club house.</p><p>Last updated 12 April 1999.</p>")
    assert "Contact us" in text


def test_caption_under_an_image_is_dropped_and_an_icon_line_stays() -> None:
    text = _old_page(
        f"<center><img src='mill.jpg' width='400'><br><i>The mill in about 1910</i></center>"
        f"{_OLD_PROSE}<p><img src='icon.gif'> Pumpkin, 400 grams</p>{_OLD_PROSE}"
    )
    assert "The mill in about 1910" not in text
    assert "Pumpkin, 400 grams" in text


def test_headline_set_in_a_font_repeats_the_title() -> None:
    text = _old_page(
        "<font size='1'>Local history</font><br><br>"
        "<font size='5'><b>The Old Mill at Hatherley</b></font><br><br>"
        f"{_OLD_PROSE}",
        title="The Old Mill at Hatherley",
    )
    assert "Old Mill" not in text and "Local history" not in text and "Paragraph 0" in text


def test_table_of_contents_heading_goes_with_its_links() -> None:
    toc = "".join(f"<li><a href='#s{n}'>Section number {n}</a></li>" for n in range(4))
    text = _text(
        f"<h1>The tram</h1><h2>Contents</h2><ol>{toc}</ol>"
        f"<h3>Background</h3>{_paragraphs(3)}<h3>Contents of the report</h3>{_paragraphs(2)}"
    )
    assert "Section number" not in text and "\nContents\n" not in f"\n{text}\n"
    assert "Background" in text and "Contents of the report" in text


def test_contents_heading_over_prose_stays() -> None:
    text = _text(f"<h2>Contents</h2>{_paragraphs(3)}")
    assert text.startswith("Contents\n")


def test_heading_with_furniture_words_above_the_article_stays() -> None:
    text = _text(f"<h2>Netflix raises its subscription prices again</h2>{_paragraphs(3)}")
    assert text.startswith("Netflix raises its subscription prices again")


# --- pages in other languages and scripts ----------------------------------------------


def _related(body: str) -> list[tuple[str, str]]:
    root = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    clean_tree(root)
    return [(link.title, link.section) for link in select_content(root).related]


def test_teaser_section_titled_by_a_plain_div() -> None:
    items = "".join(
        f"<li><a href='/news/{n}/'>{title}</a></li>"
        for n, title in enumerate(
            [
                "Региональный оператор объяснил рост тарифа",
                "\u0412 городе установят новые контейнеры",
            ]
        )
    )
    related = _related(
        f"<article>{_paragraphs(4)}<div class='read-also'>"
        f"<div class='read-also__title'>Читайте также</div><ul>{items}</ul></div></article>"
    )
    assert [section for _, section in related] == ["Читайте также", "Читайте также"]


def test_hindi_read_also_line_is_a_teaser() -> None:
    related = _related(
        f"<article>{_paragraphs(2)}<div><strong>यह भी पढ़ें:</strong> "
        "<a href='/a/1.html'>भड़ला सोलर पार्क ने बनाया बिजली उत्पादन का नया रिकॉर्ड</a></div>"
        f"{_paragraphs(2)}</article>"
    )
    assert related == [("भड़ला सोलर पार्क ने बनाया बिजली उत्पादन का नया रिकॉर्ड", "")]


def test_rank_numbers_are_not_part_of_teaser_titles() -> None:
    items = "".join(
        f"<li><a href='/n/{n}'><em class='number'>{n}</em><span>{title}</span></a></li>"
        for n, title in enumerate(
            ["부산 지하철 요금 다음 달부터 인상", "기장군 해안가에 대형 리조트 들어선다"], start=1
        )
    )
    related = _related(f"<article>{_paragraphs(4)}</article><h2>많이 본 뉴스</h2><ul>{items}</ul>")
    assert [title for title, _ in related] == [
        "부산 지하철 요금 다음 달부터 인상",
        "기장군 해안가에 대형 리조트 들어선다",
    ]


def test_heading_over_a_closing_plain_list_stays_but_a_tag_list_heading_goes() -> None:
    text = _text(
        f"<article>{_paragraphs(4)}<h3>お店の情報</h3><ul><li>営業時間\uff1a10時〜17時</li>"
        "<li>定休日\uff1a水曜日</li></ul><h3>Schlagworte</h3><ul><li>Tram</li><li>Bonn</li></ul>"
        "</article>"
    )
    assert "お店の情報" in text and "定休日" in text
    assert "Schlagworte" not in text


@pytest.mark.parametrize(
    "furniture",
    [
        "<div class='ad-slot'><p>विज्ञापन</p><div id='gpt-ad-2'></div></div>",
        "<div class='ad-area'><p>スポンサーリンク</p><ins class='adsbygoogle'></ins></div>",
        "<p>12 марта 2021, 14:05 Просмотров: 2 418</p>",
        "<p>2024年3月18日</p>",
        "<p>Новая линия сортировки на заводе. Фото: Сергей Иванов</p>",
        "<p>해수욕장을 찾은 피서객들. &lt;부산시 제공&gt;</p>",
    ],
)
def test_furniture_lines_of_other_languages_are_dropped(furniture: str) -> None:
    marker = furniture.split("<p>")[1][:10]
    text = _text(f"<article>{_paragraphs(2)}{furniture}{_paragraphs(2)}</article>")
    assert "Paragraph 1" in text and marker not in text


@pytest.mark.parametrize("scale", [0.6, 1.0, 1.5, 1 / 3])
def test_block_values_are_block_value_to_the_last_bit(scale: float) -> None:
    """The page-at-once values (the weights read once) are ``block_value``'s, bit for bit,
    server errors included; so is the boilerplate value the scoring folds in."""
    error = "Warning: include(x.php): failed to open stream in /var/www/a.php on line 12"
    root = lxml_html.document_fromstring(
        f"<html><body><p>{PROSE}</p><p>Read <a href='/x'>the full report on trams</a>.</p>"
        f"<div>Share</div><p>{error}</p><p>It happened on line 12. {PROSE}</p></body></html>"
    )
    weights = Weights(link_penalty=1.1, block_cost=7.3, sentence_bonus=2.9)
    blocks = segment(root).blocks
    assert block_values(blocks, weights, scale) == [
        block_value(block, weights, scale) for block in blocks
    ]
    assert block_values(blocks, weights, scale)[3] < 0  # the PHP errors
    scores = score(segment(root), (), weights, scale)
    assert scores.value == block_values(blocks, weights, scale)  # no hint, no teaser
    nav = f"<nav><p>Home and news. About us.</p></nav><article><p>{PROSE}</p></article>"
    segmentation = segment(lxml_html.document_fromstring(f"<html><body>{nav}</body></html>"))
    menu = segmentation.blocks[0]
    value = score(segmentation, (), weights, scale).value[0]
    assert value == boilerplate_value(menu, weights) < 0


@pytest.mark.parametrize(
    "closing",
    [
        "<p>저작권자 © 남도일보, 무단전재 및 재배포 금지. 기사 제보와 보도자료는 "
        "news@namdonews.co.kr 로 보내 주시기 바랍니다</p>",
        "<p>इस वेबसाइट की सामग्री का बिना अनुमति उपयोग वर्जित है, राजस्थान समाचार, सर्वाधिकार सुरक्षित</p>",
        "<p>Нашли ошибку? Выделите текст и нажмите Ctrl+Enter. Сообщите нам \u043e ней.</p>",
    ],
)
def test_closing_rights_lines_of_other_languages_are_dropped(closing: str) -> None:
    text = _text(f"<article>{_paragraphs(4)}{closing}</article>")
    assert "Paragraph 3" in text and closing[3:12] not in text


@pytest.mark.parametrize(
    "heading",
    [
        "Đọc nhiều nhất",
        "Tin liên quan",
        "यह भी पढ़ें:",
        "ये भी पढ़ें",
        "\u092f\u0939 \u092d\u0940 \u092a\u0922\u093c\u0947\u0902",  # ढ़ as ढ + nukta
        "संबंधित खबरें",
        "আরও পড়ুন",
        "あわせて読みたい",
        "함께 보면 좋은 기사",
        "EN \u00c7OK OKUNANLAR",  # Turkish capitals, the plural suffix after the phrase
        "\u0130LG\u0130L\u0130 HABERLER",  # dotted capital I
        "Berita Lainnya",
        "\u041d\u043e\u0432\u043e\u0441\u0442\u0438 \u043f\u043e \u0442\u0435\u043c\u0435",
        "ランキング",
        "인기 기사",
    ],
)
def test_teaser_headings_of_other_languages(heading: str) -> None:
    assert TEASER_HEADING.match(heading)


@pytest.mark.parametrize(
    "line",
    ["Iklan", "Yorumlar", "Комментарии (5)", "コメント", "댓글 0", "Bình luận (12)", "विज्ञापन"],
)
def test_furniture_words_of_other_languages(line: str) -> None:
    assert BOILERPLATE_LINE.match(line)


def test_info_line_with_published_and_updated_stamps_is_dropped() -> None:
    info = (
        "Ay\u015fe Y\u0131lmaz Yay\u0131nlanma: 12 Mart 2024 Sal\u0131 14:05 "
        "G\u00fcncelleme: 12 Mart 2024 Sal\u0131 16:40"
    )
    text = _text(f"<article><div class='news-info'>{info}</div>{_paragraphs(3)}</article>")
    assert "Paragraph 2" in text and "Yay\u0131nlanma" not in text
    one_stamp = "CNNMoney (New York) First published February 1, 2016: 1:28 AM ET"
    assert one_stamp in _text(f"<article><p>{one_stamp}</p>{_paragraphs(3)}</article>")


@pytest.mark.parametrize("scale", [0.6, 1.0, 1.5])
def test_block_reasons_itemise_block_value(scale: float) -> None:
    """The explain view's terms add up to the value the scoring uses: one formula, shown
    two ways, that cannot drift apart."""
    root = lxml_html.document_fromstring(
        f"<html><body><p>{PROSE}</p><p>Read <a href='/x'>the full report on trams</a>.</p>"
        "<div>Share</div></body></html>"
    )
    weights = Weights()
    blocks = segment(root).blocks
    assert len(blocks) == 3
    for block in blocks:
        total = sum(reason.delta for reason in block_reasons(block, weights, scale))
        assert total == pytest.approx(block_value(block, weights, scale))


@pytest.mark.parametrize(
    "closing",
    [
        "A spokesperson for the developer declined to comment.",
        "Residents who want to speak at the hearing can sign up at the clerk's office.",
    ],
)
def test_a_reported_closing_sentence_is_article_text(closing: str) -> None:
    text = _text(f"<article>{_paragraphs(3)}<p>{closing}</p></article>")
    assert text.endswith(closing)


@pytest.mark.parametrize(
    "call",
    [
        "Subscribe to our newsletter for more stories like this.",
        "Copyright 2024 The Daily. All rights reserved.",
        "If you enjoyed this story, sign up for our weekly digest.",
    ],
)
def test_a_call_to_action_after_the_article_goes(call: str) -> None:
    text = _text(f"<article>{_paragraphs(3)}<p>{call}</p></article>")
    assert call not in text
    assert text.endswith("Paragraph 2.")


def _selection(body: str, *, signed: bool, url: str = "https://blog.example.org/2020/05/"):
    root = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    clean_tree(root)
    return select_content(root, base_url=url, signed=signed)


CARDS = "".join(
    f"<div class='card'><h3><a href='/story-{i}'>Story {i} about the harbour and the ferry"
    f"</a></h3><p>{PROSE}</p></div>"
    for i in range(6)
)
BRIEF = (
    "<article><h1>Walkers rescued</h1><p>Two walkers were brought ashore by the lifeboat"
    " after being cut off by the tide on Sunday.</p><p>The pair had called the coastguard"
    " from the rocks. Neither needed hospital treatment, the crew said.</p></article>"
)


def test_a_signed_brief_among_many_teasers_is_an_article() -> None:
    selection = _selection(f"{BRIEF}<div class='more'><h2>More news</h2>{CARDS}</div>", signed=True)
    assert selection.content is not None
    assert "Neither needed hospital treatment" in render_text(selection.content)


def test_the_same_brief_unsigned_is_still_a_listing() -> None:
    selection = _selection(
        f"{BRIEF}<div class='more'><h2>More news</h2>{CARDS}</div>", signed=False
    )
    assert selection.content is None
    assert len(selection.related) == 6


def test_a_run_of_bare_headline_links_is_a_listing() -> None:
    items = "".join(
        f"<li><a href='/2020/05/{i:02d}/post-{i}/'>A post title number {i} about the plot</a>"
        f" <span>{i} May 2020</span></li>"
        for i in range(1, 8)
    )
    selection = _selection(f"<main><h1>Month: May 2020</h1><ul>{items}</ul></main>", signed=False)
    assert selection.content is None
    assert [link.section for link in selection.related] == ["Month: May 2020"] * 7
    assert all(link.blurb == "" for link in selection.related)  # a date is not a blurb


def test_a_byline_line_goes_and_a_heading_starting_with_von_stays() -> None:
    text = _text(
        f"<div><p>By Sam Okafor 17:42, 21 JUN 2022</p>{_paragraphs(2)}"
        f"<h2>Von Risiken und Nebenwirkungen</h2>{_paragraphs(2)}</div>"
    )
    assert "Sam Okafor" not in text
    assert "Von Risiken und Nebenwirkungen" in text


@pytest.mark.parametrize(
    ("form", "dropped"),
    [
        ("<form action='/newsletter/subscribe'><input type='email'></form>", True),
        ("<form class='servings'><input type='number' name='servings'></form>", False),
    ],
)
def test_a_box_with_a_sign_up_form_goes(form: str, dropped: bool) -> None:
    pitch = "<h3>Get the daily newsletter</h3><p>The biggest stories, sent every evening.</p>"
    box = f"<div>{pitch}{form}</div>"
    text = _text(f"<div>{_paragraphs(2)}{box}{_paragraphs(2)}</div>")
    assert ("sent every evening" not in text) is dropped
    assert text.count("Paragraph") == 4


def test_a_table_between_two_parts_of_the_article_is_kept() -> None:
    rows = "".join(f"<tr><td>{i}.</td><td>Club {i}</td><td>14</td></tr>" for i in range(1, 7))
    links = "".join(
        f"<a href='/m/{i}'>Another report about league {i} this week</a><br>" for i in range(8)
    )
    text = _text(
        f"<div id='col'><div class='box'>{_paragraphs(2)}</div>"
        f"<div class='box'><table>{rows}</table></div><div class='box'>{_paragraphs(1)}</div>"
        f"<div class='box'>{links}</div></div>"
    )
    assert "3. Club 3 14" in text
    assert "Another report" not in text


def test_ancestor_vote_picks_the_parent_of_split_paragraphs() -> None:
    from boilerkit.selection.score import score
    from boilerkit.selection.segment import segment
    from boilerkit.selection.teasers import find_teasers
    from boilerkit.selection.vote import vote
    from boilerkit.weights import Weights

    page = (
        f"<html><body><nav><a href='/'>Home</a></nav><div id='story'><div>{_paragraphs(3)}"
        f"</div><div>{_paragraphs(2)}</div></div></body></html>"
    )
    root = lxml_html.document_fromstring(page)
    clean_tree(root)
    segmentation, weights = segment(root), Weights()
    scores = score(segmentation, find_teasers(segmentation, weights, None), weights, 1.0, ())
    voted = vote(segmentation, scores, weights)
    assert voted is not None
    assert segmentation.elements[voted.container].get("id") == "story"
    assert voted.left_out == frozenset()


def _stories(dated: bool) -> str:
    topics = ("Ferry timetable changes from Monday", "Library reopens after repairs")
    topics += ("Charity run raises record sum", "School wins national choir award")
    date = "<div>9 February 2024</div>" if dated else ""
    return (
        "<div>" + "".join(f"<div><h2>{t}</h2>{date}<p>{PROSE}</p></div>" for t in topics) + "</div>"
    )


def _titled(body: str, title: str) -> str:
    root = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    clean_tree(root)
    selection = select_content(root, title=title)
    assert selection.content is not None
    return render_text(selection.content)


def test_the_title_names_one_story_of_a_stream() -> None:
    text = _titled(_stories(dated=True), "Ferry timetable changes from Monday")
    assert text.count("The council voted") == 1
    assert "Library reopens" not in text


@pytest.mark.parametrize(
    ("dated", "title"),
    [
        (False, "Ferry timetable changes from Monday"),  # sections of one page: no dates
        (True, "Ferry timetable changes from Monday and what they mean"),  # a part
        (True, "Town news"),  # names no story
    ],
    ids=["undated", "part-of-title", "no-story"],
)
def test_without_a_named_dated_story_the_container_stays(dated: bool, title: str) -> None:
    assert _titled(_stories(dated), title).count("The council voted") == 4


def test_teasers_in_a_sidebar_widget_do_not_make_a_listing() -> None:
    """Every post has a "Related" box in its sidebar: a short post beside one is a post."""
    items = "".join(
        f'<li><a href="/2020/story-{n}">The harbour festival returns with more music {n}</a>'
        " Organisers promise more music and a bigger market this year.</li>"
        for n in range(6)
    )
    body = (
        "<div class='content'><h1>Closed for the holidays</h1>"
        "<p>The shop is closed until the fourth of January.</p></div>"
        f"<div class='widget'><h3>Related stories</h3><ul>{items}</ul></div>"
    )
    root = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    clean_tree(root)
    selection = select_content(root, base_url="https://example.com/closed")
    assert selection.related  # the widget's stories are still related links
    assert selection.content is not None
    assert "closed until the fourth of January" in render_text(selection.content)


@pytest.mark.parametrize(
    ("forms", "dropped"),
    [
        ("<form class='newsletter-signup'></form>", True),
        ("<form class='servings'></form>", False),  # a recipe's field: no sign-up
        ("<form class='poll'></form><form action='/subscribe'></form>", True),  # the second
        ("", False),
    ],
)
def test_a_short_box_holding_a_signup_form_is_dropped(forms: str, dropped: bool) -> None:
    """The form box rule finds the forms below each element by bisection in the
    container's forms: a box with a sign-up form among them goes, whichever it is."""
    root = lxml_html.document_fromstring(
        f"<html><body><article>{_paragraphs(4)}<div class='box'><p>Get the daily briefing in "
        f"your inbox.</p>{forms}</div>{_paragraphs(2)}</article></body></html>"
    )
    clean_tree(root)
    verdicts = select_content(root, explain=True).verdicts
    (box,) = [v for v in verdicts if v.text.startswith("Get the daily briefing")]
    rules = [reason.rule for reason in box.reasons]
    assert ("form_box" in rules) is dropped
    assert box.kept is not dropped


def test_without_a_title_the_first_h1_with_text_is_the_headline() -> None:
    """With no title from the metadata, the text of the first ``h1`` block is the title
    (an ``h1`` without text is no block and is passed over): that heading is dropped as
    the headline, a later ``h1`` saying something else stays."""
    root = lxml_html.document_fromstring(
        "<html><body><article><h1><img src='logo.png'></h1><h1>The old mill reopens</h1>"
        f"{_paragraphs(3)}<h1>Opening hours</h1>{_paragraphs(2)}</article></body></html>"
    )
    clean_tree(root)
    verdicts = {v.text: v for v in select_content(root, explain=True).verdicts}
    assert not verdicts["The old mill reopens"].kept
    assert "headline" in [reason.rule for reason in verdicts["The old mill reopens"].reasons]
    assert verdicts["Opening hours"].kept
