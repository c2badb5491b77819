"""Select stage: boxes whose name or tag misleads, and the article's last line.

A cookie consent dialog with its own ``main-content`` is still furniture; a shop's product
form around the description is not; a closing sentence after the list an article ends
with is article text. Each rule has its look-alike that must not fire.
"""

from __future__ import annotations

from tests.selecting import selected_text as _text

PROSE = (
    "The club's summer regatta drew forty boats to the lake on Saturday. "
    "Light winds in the morning gave way to a steady breeze after lunch. "
)
POLICY = (
    "This website uses cookies so that we can provide you with the best user experience "
    "possible. Cookie information is stored in your browser and performs functions such as "
    "recognising you when you return to our website and helping our team to understand "
    "which sections of the website you find most interesting and useful. "
)


def _consent_modal(inner_class: str) -> str:
    policy = "".join(f"<p>{POLICY} Section {n}.</p>" for n in range(3))
    return (
        "<div id='gdpr_cookie_modal'><div class='gdpr-modal-content'><div class='gdpr-tab-main'>"
        f"<span class='tab-title'>Privacy overview</span><div class='{inner_class}'>{policy}"
        "</div></div></div></div>"
    )


def test_a_consent_dialogs_main_content_does_not_waive_it() -> None:
    text = _text(
        f"<div class='hentry'><h1>Regatta</h1><p>{PROSE}</p><p>{PROSE} Second.</p></div>"
        + _consent_modal("gdpr-tab-main-content")
    )
    assert "forty boats" in text and "Second." in text
    assert "Cookie information" not in text


def test_a_misnamed_wrapper_with_a_non_consent_name_is_still_waived() -> None:
    paragraphs = "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(4))
    text = _text(f"<div class='modal-wrapper'><div class='main-content'>{paragraphs}</div></div>")
    assert "Part 0." in text and "Part 3." in text


def _form(description: str) -> str:
    return (
        "<form class='product-form' action='/cart/add' method='post'>"
        "<h1>Harbour blend coffee, 500 g</h1><div class='price'>EUR 14.90</div>"
        f"<label>Grind</label><select name='grind'><option>Whole beans</option></select>"
        f"<div class='description'>{description}</div>"
        "<button type='submit'>Add to cart</button></form>"
    )


def test_a_product_form_around_its_description_is_not_furniture() -> None:
    description = "".join(
        f"<p>{sentence} {PROSE}</p>"
        for sentence in ("Roasted weekly.", "Grown in the highlands.", "Sold in tins.")
    )
    about = f"<div class='roastery'><h3>Our roastery</h3><p>{PROSE}</p><p>{PROSE}</p></div>"
    text = _text(_form(description) + about)
    assert "Roasted weekly." in text and "Sold in tins." in text


def test_a_contact_form_with_one_consent_paragraph_stays_furniture() -> None:
    paragraphs = "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(4))
    consent = (
        "<form class='contact' action='/send'><p>Questions? Just write to us!</p>"
        "<label>Name</label><input name='name'><p>Yes, I have read the privacy policy and "
        "agree that the data I enter is stored electronically to answer my request. I can "
        "withdraw this consent at any time by writing to us.</p><button>Send</button></form>"
    )
    text = _text(f"<div class='entry'>{paragraphs}{consent}</div>")
    assert "Part 3." in text
    assert "privacy policy" not in text and "Questions?" not in text


def test_a_closing_sentence_after_the_list_the_article_ends_with_stays() -> None:
    items = "".join(f"<li>Boat number {n} and its crew of three</li>" for n in range(4))
    text = _text(
        f"<article><p>{PROSE}</p><p>{PROSE}</p><p>The results, in order:</p><ul>{items}</ul>"
        "<p>The next race is on 12 June.</p></article>"
        "<div class='share'><a href='/s'>Share</a></div>"
    )
    assert "The results, in order:" in text and "Boat number 3" in text
    assert "The next race is on 12 June." in text


def test_a_line_leading_into_links_is_still_a_tail() -> None:
    links = "".join(f"<li><a href='/p{n}'>Press release number {n}</a></li>" for n in range(4))
    text = _text(
        f"<article><p>{PROSE}</p><p>{PROSE}</p><p>Share this:</p><ul>{links}</ul></article>"
    )
    assert "forty boats" in text and "Share this:" not in text


def test_a_short_line_after_a_list_elsewhere_is_still_a_tail() -> None:
    items = "".join(f"<li>Boat number {n} and its crew of three</li>" for n in range(4))
    text = _text(
        f"<article><p>{PROSE}</p><p>{PROSE} Results below.</p><div><ul>{items}</ul></div>"
        "<p>Posted in Sailing.</p></article>"
    )
    assert "Boat number 3" in text and "Posted in Sailing." not in text


def test_a_sidebar_box_named_by_a_block_theme_is_still_furniture() -> None:
    notice = (
        "Links to other sites were checked when they were set. What those pages say later is "
        "beyond the reach of this blog, and it takes no liability for their content. "
    )
    sidebar = (
        "<div class='widget block widget_text sidebar-box'><h3>External links</h3>"
        f"<div class='textwidget'>{''.join(f'<p>{notice}</p>' for _ in range(4))}</div></div>"
    )
    text = _text(
        f"<div class='content'><div class='post hentry'><p>{PROSE}</p><p>{PROSE} Two.</p>"
        f"</div></div><div id='sidebar'>{sidebar}</div>"
    )
    assert "forty boats" in text and "Two." in text and "checked when they were set" not in text


def test_a_page_builders_widgets_and_a_recipe_cards_meta_stay() -> None:
    widgets = "".join(
        "<div class='elementor-widget elementor-widget-text-editor'>"
        f"<div class='elementor-widget-container'><p>{PROSE} Part {n}.</p></div></div>"
        for n in range(3)
    )
    meta = (
        "<div class='wprm-recipe-meta-container wprm-recipe-block-container'>"
        "<p>Prep time: 20 minutes. Serves 12 sailors after the race.</p></div>"
    )
    text = _text(f"<div class='elementor-section'>{meta}{widgets}</div>")
    assert "Part 0." in text and "Part 2." in text and "Serves 12 sailors" in text


def test_a_subheading_whose_id_is_an_anchor_of_its_own_words_stays() -> None:
    text = _text(
        f"<article><p>{PROSE}</p><p>{PROSE}</p>"
        "<h3 class='subheading' id='nav_only_the_foil__1'>Only the foil is left over</h3>"
        f"<p>{PROSE} After.</p><p>{PROSE}</p></article>"
    )
    assert "Only the foil is left over" in text and "After." in text


def test_a_heading_id_that_is_a_chosen_name_keeps_its_hint() -> None:
    text = _text(
        f"<article><p>{PROSE}</p><p>{PROSE}</p><div id='share-this'><h3 id='share-this-post'>"
        "Share this post</h3><p>Tell your friends about the regatta today.</p></div>"
        f"<p>{PROSE} After.</p><p>{PROSE}</p></article>"
    )
    assert "After." in text and "Share this post" not in text


def _report(intro: str, beside: str) -> str:
    body = "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(4))
    return (
        f"<div class='node'><header><h1>Regatta</h1></header><div class='article-intro'>"
        f"<p>{intro}</p></div><div class='article-content'>"
        f"<div class='rtf-content-wrapper'>{body}</div>{beside}"
        "</div></div><div class='more'><a href='/a'>Sailing news</a></div>"
    )


def test_a_lead_beside_the_bodys_wrapper_joins_it() -> None:
    intro = "Forty boats, one steady breeze and a photo finish: the summer regatta in brief."
    tags = "<div class='m-tags'><a href='/t/sailing'>Sailing</a><a href='/t/lake'>Lake</a></div>"
    text = _text(_report(intro, tags))
    assert "a photo finish" in text and "Part 3." in text and "Lake" not in text


def test_a_wrapper_with_content_beside_the_body_keeps_it() -> None:
    intro = "Forty boats, one steady breeze and a photo finish: the summer regatta in brief."
    crews = "".join(f"<li>Crew {n}: two sailors and a dog</li>" for n in range(30))
    text = _text(_report(intro, f"<div class='crew-tab'><ul>{crews}</ul></div>"))
    assert "Part 3." in text and "Crew 29: two sailors" in text


def test_a_paragraph_whose_names_are_links_stays() -> None:
    linked = (
        "<p>Before that she sailed for <a href='/t/a'>Lakeside Yacht Club Northshore</a> and "
        "<a href='/t/b'>Harbour Rowing and Sailing Association</a> for four years, and she "
        "coached the youth team of the <a href='/t/c'>Western Lakes Federation</a>.</p>"
    )
    text = _text(f"<article><p>{PROSE}</p><p>{PROSE}</p>{linked}<p>{PROSE} End.</p></article>")
    assert "Before that she sailed for" in text and "End." in text


def test_a_teaser_paragraph_led_by_its_link_still_goes() -> None:
    teaser = (
        "<p><a href='/news/winter-series-opens-with-record-fleet'>Winter series opens with a "
        "record fleet of sixty boats on the lake</a> The first race was sailed in snow.</p>"
    )
    text = _text(f"<article><p>{PROSE}</p><p>{PROSE}</p>{teaser}<p>{PROSE} End.</p></article>")
    assert "End." in text and "Winter series opens" not in text


def test_closing_sentences_in_twin_wrappers_stay() -> None:
    def wrapped(text: str, css: str = "anchor") -> str:
        return f"<div class='{css}'><p>{text}</p></div>"

    text = _text(
        "<article>"
        + wrapped(PROSE)
        + wrapped(PROSE + " Results.")
        + wrapped("Twelve boats retired.")
        + wrapped("Posted in Sailing.", css="post-footer")
        + "</article>"
    )
    assert "Results." in text and "Twelve boats retired." in text
    assert "Posted in Sailing." not in text


def test_a_posts_sign_off_stays_and_a_short_prompt_goes() -> None:
    text = _text(
        f"<article><div class='entry'><p>{PROSE}</p><p>{PROSE} End.</p><p>x Franzi</p>"
        "<p>Rezept drucken</p></div></article>"
    )
    assert "End." in text and "x Franzi" in text and "Rezept drucken" not in text


def test_closing_sentences_in_div_paragraphs_stay() -> None:
    """A CSS-in-JS page sets paragraphs in ``div``s of one class: its short last one is
    text, and a short line of another class after them is still a tail."""

    def para(text: str, css: str = "css-x8m2h0") -> str:
        return f"<div class='{css}'>{text}</div>"

    text = _text(
        "<div class='css-a1z0c3'>"
        + para(PROSE)
        + para(PROSE + " Results.")
        + para("Tickets go on sale Friday.")
        + "</div>"
        + "<div class='css-a1z0c3'>"
        + para("Photos by the club.", css="css-7yj1lm")
        + "</div>"
    )
    assert "Results." in text and "Tickets go on sale Friday." in text
    assert "Photos by the club." not in text


def test_a_consent_overlay_with_a_styled_notice_stays_furniture() -> None:
    """A weak article word on one ``p`` (``message-text``) does not vouch for its overlay
    as a misnamed wrapper; a ``div.text`` around several paragraphs still would."""
    notice = (
        "We and our partners use cookies and similar technologies to show you personalised "
        "content and advertising and to analyse how our site is used. By clicking Accept "
        "you consent to this processing; you can withdraw your consent at any time. "
    )
    overlay = (
        "<div class='message-overlay'><div class='message' role='dialog'>"
        "<p class='message-title'>We need your consent</p>"
        f"<p class='message-text'>{notice}</p></div></div>"
    )
    article = "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(3))
    text = _text(overlay + f"<article><h1>Regatta</h1>{article}</article>")
    assert "Part 0." in text and "Part 2." in text
    assert "partners use cookies" not in text and "We need your consent" not in text
    wrapped = _text(f"<div class='modal-overlay'><div class='text'>{article}</div></div>")
    assert "Part 0." in wrapped and "Part 2." in wrapped


def test_a_subheading_styled_below_a_sticky_navbar_stays() -> None:
    """A furniture fragment in a heading's compound class ("anchorWithStickyNavbar") says
    how it is styled; a whole furniture word ("sidebar-title") still counts."""
    body = "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(2))
    text = _text(
        f"<article><h1>Regatta</h1>{body}"
        "<h2 class='anchor anchorWithStickyNavbar_LWe7'>Results by class</h2>"
        f"<p>{PROSE} Results.</p><h3 class='sidebar-title'>Elsewhere</h3>"
        f"<p>{PROSE} End.</p></article>"
    )
    assert "Results by class" in text and "Results." in text
    assert "Elsewhere" not in text


def test_stamp_rating_and_count_lines_go_and_a_dated_sentence_stays() -> None:
    """Under the headline: a publication stamp whose month is abbreviated, a reading time
    with the date glued on, a bare count; at the end a recipe card's rating line and its
    "Tried this recipe?" prompt. A sentence that names a date is text."""
    text = _text(
        "<article><h1>Regatta</h1>"
        "<div class='dates'>Published: Feb. 27, 2024 at 5:15 PM ESTUpdated: 2 hours ago</div>"
        "<div>7 min readJun 8, 2023</div><div><span>1.2K</span></div>"
        "<div>Sept. 21, 2023 6:30 a.m.</div>"
        f"<p>{PROSE}</p><p>The next regatta is on Sept. 21, 2024 at 10:00 am.</p>"
        f"<p>{PROSE} End.</p><div>4.8 from 23 votes</div>"
        "<div>Tried this recipe? Mention @sailingclub or tag #regatta!</div></article>"
    )
    assert "forty boats" in text and "End." in text
    assert "The next regatta is on Sept. 21, 2024 at 10:00 am." in text
    for furniture in ("Published", "min read", "1.2K", "Sept. 21, 2023", "votes", "Tried"):
        assert furniture not in text, furniture
