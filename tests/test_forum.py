"""Forum threads: the posts are the content; profile boxes, signatures and quote headers are not.

Each test is a tiny thread built around one signal, with posts long enough to be prose, and
the forum furniture (or a look-alike in an article) that the signal must drop (or keep).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from lxml import html as lxml_html

from boilerkit.page.clean import clean_tree
from boilerkit.render.text import render_text
from boilerkit.selection import threads
from boilerkit.selection.choose import select_content
from boilerkit.selection.segment import segment
from boilerkit.selection.threads import find_thread
from boilerkit.weights import Weights
from tests.parity import EXAMPLES, tag_soup
from tests.selecting import selected_text as _text

PROSE = (
    "The creak only shows up on the first ride after it has rained, then fades away. "
    "I greased the pedal threads and the chainring bolts but it came back within a week. "
    "Next I will pull the seatpost and clean the seat tube before touching the cups. "
)


def _post(number: int, profile: str, body: str, extra: str = "") -> str:
    return (
        f"<div class='post'><div class='side'>{profile}</div>"
        f"<div class='body'><div class='text'>{body}</div>{extra}</div></div>"
    )


def _thread(posts: list[str]) -> str:
    return f"<div id='thread'>{''.join(posts)}</div>"


@pytest.mark.parametrize("name", ["postprofile", "message-userDetails", "user_info", "userinfo"])
def test_profile_box_class_names(name: str) -> None:
    profile = f"<dl class='{name}'><dt>Regular Contributor</dt><dd>Location: Sheffield</dd></dl>"
    text = _text(_thread([_post(n, profile, f"{PROSE} Post {n}.") for n in range(3)]))
    assert "Post 0." in text and "Post 2." in text
    assert "Regular Contributor" not in text and "Sheffield" not in text


@pytest.mark.parametrize(
    "name", ["signature", "message-signature", "post_signature", "signaturecontainer"]
)
def test_signature_below_a_post_is_dropped(name: str) -> None:
    signature = f"<div class='{name}'>My bikes: a 1987 Raleigh and a steel commuter.</div>"
    posts = [_post(n, "", f"{PROSE} Post {n}.", signature) for n in range(3)]
    text = _text(_thread(posts))
    assert "Post 2." in text and "1987 Raleigh" not in text


def test_who_is_online_box_is_dropped() -> None:
    text = _text(
        _thread([_post(n, "", f"{PROSE} Post {n}.") for n in range(3)])
        + "<div class='stat-block online-list'><h3>Who is online</h3>"
        "<p>Users browsing this forum: No registered users and 3 guests.</p></div>"
    )
    assert "Post 2." in text and "Who is online" not in text and "guests" not in text


def test_inline_quote_attribution_goes_and_the_quotation_stays() -> None:
    quote = (
        "<blockquote><div><cite><a href='/u/2'>tarmac_tom</a> wrote: <a href='#p1'>↑</a>"
        "<span>Sun Oct 13, 2024 6:41 pm</span></cite>Is there a sensible order to check "
        "things in?</div></blockquote>"
    )
    text = _text(_thread([_post(0, "", PROSE), _post(1, "", f"{quote}{PROSE}")]))
    assert "Is there a sensible order to check things in?" in text.splitlines()
    assert "wrote" not in text and "tarmac_tom" not in text and "2024" not in text


@pytest.mark.parametrize(
    "header",
    [
        "Originally Posted by <strong>spoke_wrench</strong>",
        "Quote from: spoke_wrench on October 13, 2024, 08:02:44 PM",
        "Zitat von spoke_wrench",
        "spoke_wrench said:",
    ],
)
def test_quote_header_block_goes_and_the_quotation_stays(header: str) -> None:
    quote = (
        f"<div class='bbcode_quote'><div class='bbcode_postedby'>{header}</div>"
        "<div class='message'>Grease the seatpost before you touch the cups.</div></div>"
    )
    text = _text(_thread([_post(0, "", PROSE), _post(1, "", f"{quote}{PROSE}")]))
    assert "Grease the seatpost before you touch the cups." in text
    assert "spoke_wrench" not in text


def test_said_line_outside_a_quote_stays() -> None:
    text = _text(
        f"<article><p>{PROSE}</p><p>The mayor said:</p><blockquote><p>We will build it."
        f"</p><cite>Mayor Anna Berg</cite></blockquote><p>{PROSE}</p></article>"
    )
    assert "The mayor said:" in text and "Mayor Anna Berg" in text


@pytest.mark.parametrize(
    "line", ["Click to expand...", "Last edited: Mar 2, 2024", "Last edited by tom; 03-02-2024"]
)
def test_quote_toggle_and_edit_notes_are_dropped(line: str) -> None:
    text = _text(
        _thread([_post(n, "", f"{PROSE} Post {n}.", f"<div>{line}</div>") for n in range(3)])
    )
    assert "Post 2." in text and line not in text


LONG = PROSE * 5


def _table_post(number: int, body: str, stats: str) -> str:
    """A post in the old table layout, with no class or id that says what anything is."""
    return (
        f"<table><tr><td><div><a href='/u/{number}'>rider{number}</a></div>"
        f"<div>Senior Member</div><div>{stats}</div></td>"
        f"<td><div>{body}</div></td></tr></table>"
    )


STATS = "<div>Join Date: Mar 2006</div><div>Location: Leeds</div><div>Posts: 1,234</div>"


def test_every_post_of_a_thread_is_kept_beside_a_long_first_post() -> None:
    posts = [
        _table_post(0, LONG, STATS),
        _table_post(1, "Check the seatpost first. It is nearly always the seatpost.", STATS),
        _table_post(2, "Thanks, that was it!", STATS),
    ]
    text = _text(f"<div>{''.join(posts)}</div>")
    assert "It is nearly always the seatpost." in text and "Thanks, that was it!" in text
    assert "Senior Member" not in text and "Join Date" not in text and "rider1" not in text


def test_profile_box_of_dt_dd_pairs_is_dropped() -> None:
    pairs = "".join(
        f"<dl><dt>{label}</dt><dd>{value}</dd></dl>"
        for label, value in [("Joined", "Jan 19, 2024"), ("Messages", "14"), ("Location", "Leeds")]
    )
    profile = f"<div><h4><a href='/m/1'>levain_lou</a></h4><h5>Well-known member</h5>{pairs}</div>"
    text = _text(_thread([_post(n, profile, f"{PROSE} Post {n}.") for n in range(3)]))
    assert "Post 0." in text and "Post 2." in text
    assert "Well-known member" not in text and "Messages" not in text and "Jan 19" not in text


def test_chrome_between_posts_is_left_out_and_a_guest_post_stays() -> None:
    profile = "<div>Posts: 57</div><div>Joined: Thu Feb 02, 2023</div>"
    posts = [_post(n, profile, f"{PROSE} Post {n}.") for n in range(3)]
    guest = _post(3, "<div>Guest</div>", "A guest can post here too, without any stats.")
    bar = "<div class='bar'><span>Display posts from previous</span> <b>All posts</b></div>"
    text = _text(_thread([*posts, bar, guest]))
    assert "Post 2." in text and "A guest can post here too" in text
    assert "Display posts from previous" not in text and "Posts: 57" not in text


def test_labelled_boxes_without_poster_stats_are_not_a_thread() -> None:
    events = "".join(
        f"<div class='event'><div>Speaker: Ann Berg {n}</div><div>Location: Town hall</div>"
        f"<div>Entry: free</div></div><div>Talk number {n} of the spring series. {PROSE}</div>"
        for n in range(3)
    )
    text = _text(f"<article>{events}</article>")
    assert "Speaker: Ann Berg 1" in text and "Location: Town hall" in text


def test_reader_boxes_beside_an_article_do_not_replace_it() -> None:
    replies = "".join(
        _post(n, "<div>Posts: 12</div><div>Joined: 2019</div>", f"Short reply {n}. I agree.")
        for n in range(3)
    )
    text = _text(f"<article><h1>Tram line</h1>{LONG}<p>{PROSE}</p></article><div>{replies}</div>")
    assert "first ride after it has rained" in text and "Posts: 12" not in text


def test_thread_posts_are_not_comments() -> None:
    posts = [
        _post(n, "<div>Posts: 5</div><div>Joined: 2020</div>", f"{PROSE} Post {n}.")
        for n in range(3)
    ]
    root = lxml_html.document_fromstring(f"<html><body>{_thread(posts)}</body></html>")
    clean_tree(root)
    selection = select_content(root, include_comments=True)
    assert selection.content is not None and selection.comments is None
    assert "Post 2." in render_text(selection.content)


def _vanilla_item(kind: str, number: int, body: str) -> str:
    return (
        f"<div class='{kind}'><div class='Item-Header'><div class='AuthorWrap'>"
        f"<a class='Username' href='/profile/u{number}'>rider{number}</a> "
        "<span class='MItem RoleTitle'>Member</span></div><div class='Meta'>"
        f"<span class='MItem DateCreated'><time>March {number}</time></span></div></div>"
        f"<div class='Item-Body'><div class='Message userContent'>{body}</div></div></div>"
    )


def test_forum_calling_its_posts_comments_is_not_swallowed() -> None:
    replies = "".join(
        f"<li class='Item ItemComment'>{_vanilla_item('Comment', n, f'{PROSE} Reply {n}.')}</li>"
        for n in range(2, 4)
    )
    text = _text(
        "<div id='Content'><div class='MessageList Discussion'>"
        f"{_vanilla_item('Discussion', 1, LONG)}</div><div class='CommentsWrap'>"
        f"<h2 class='CommentHeading'>Comments</h2><ul class='MessageList Comments'>{replies}"
        "</ul></div></div><div id='Panel'><p>Welcome to the forum for home mechanics.</p></div>"
    )
    assert "first ride after it has rained" in text and "Reply 3." in text
    assert "Welcome to the forum" not in text and "rider2" not in text


def test_comments_beside_an_article_stay_apart() -> None:
    comments = "".join(f"<li class='comment'><p>{PROSE} Comment {n}.</p></li>" for n in range(6))
    text = _text(f"<article><p>{PROSE}</p></article><ol class='comments'>{comments}</ol>")
    assert "first ride" in text and "Comment 0." not in text


def _smf_post(number: int, poster: str, body: str) -> str:
    return (
        f"<div class='windowbg{number % 2 or ''}'><div class='poster'>{poster}</div>"
        f"<div class='postarea'><div class='smalltext'>« Reply #{number} on: March 1{number}, "
        f"2019, 09:12:45 AM »</div><div class='inner'>{body}</div></div></div>"
    )


def test_thread_container_leaves_the_topic_bar_and_guest_box_behind() -> None:
    stats = "<h4><a href='/u'>marlinspike</a></h4><ul><li>Sr. Member</li><li>Posts: 318</li>"
    stats += "<li>Karma: +12/-0</li></ul>"
    guest = "<h4>Harbourmaster Jim</h4><ul><li>Guest</li></ul>"
    posts = [_smf_post(n, stats, f"{PROSE} Post {n}.") for n in range(3)]
    posts.append(_smf_post(3, guest, "Peel the whole bottom. It is quicker in the end."))
    text = _text(
        "<div id='forumposts'><h3>Topic: Osmosis blisters (Read 2167 times)</h3>"
        "<p>0 Members and 1 Guest are viewing this topic.</p>"
        f"<form id='quickModForm'>{''.join(posts)}</form></div>"
    )
    assert "Post 0." in text and "Peel the whole bottom. It is quicker in the end." in text
    assert "Read 2167 times" not in text and "viewing this topic" not in text
    assert "Harbourmaster Jim" not in text and "Sr. Member" not in text
    assert "Reply #2 on" not in text


def test_article_beside_a_thread_in_one_container_keeps_it() -> None:
    replies = "".join(
        _post(n, "<div>Posts: 12</div><div>Joined: 2019</div>", f"{PROSE} Reply {n}.")
        for n in range(2)
    )
    text = _text(f"<div><div class='intro'>{LONG}</div><div>{replies}</div></div>")
    assert text.startswith("The creak only shows up") and "Reply 1." in text


@pytest.mark.parametrize(
    ("posts", "joined"),
    [
        ("Beiträge: 1234", "Registriert: Mo 8. Mär 2016"),
        ("Messages : 87", "Inscrit le : 3 mai 2019"),
    ],
)
def test_profile_box_labels_in_other_languages(posts: str, joined: str) -> None:
    profile = f"<div>Stammgast</div><div>{posts}</div><div>{joined}</div><div>Wohnort: Köln</div>"
    text = _text(_thread([_post(n, profile, f"{PROSE} Post {n}.") for n in range(3)]))
    assert "Post 0." in text and "Post 2." in text
    assert posts not in text and "Stammgast" not in text and "Köln" not in text


def test_post_numbers_go_inside_a_thread_only() -> None:
    profile = "<div>Posts: 5</div><div>Joined: 2020</div>"
    posts = [
        _post(n, profile, f"{PROSE} Post {n}.", f"<div><span>#{n + 1}</span></div>")
        for n in range(3)
    ]
    assert "#2" not in _text(_thread(posts))
    ranking = f"<article><div>#1</div><p>{PROSE}</p><div>#2</div><p>{PROSE}</p></article>"
    assert "#1" in _text(ranking)


def _discourse_post(number: int, body: str) -> str:
    reply = "itemprop='comment' itemscope itemtype='http://schema.org/Comment' " if number else ""
    return (
        f"<div id='post_{number}' {reply}class='topic-body crawler-post'>"
        f"<div class='crawler-post-meta'><span class='creator' itemprop='author'>"
        f"<a href='/u/rider{number}'><span itemprop='name'>rider{number}</span></a></span>"
        f"<time class='post-time'>March {number + 1}, 2024, 9:14am</time></div>"
        f"<div class='post' itemprop='text'><p>{body}</p></div>"
        "<div itemprop='interactionStatistic'><span class='post-likes'>3 Likes</span></div></div>"
    )


def test_thread_declared_by_microdata_keeps_its_short_replies() -> None:
    posts = [
        _discourse_post(0, LONG),
        _discourse_post(1, "Check the seatpost first. It is nearly always the seatpost."),
        _discourse_post(2, "Thanks, that was it!"),
    ]
    text = _text(
        "<div id='main-outlet' role='main'><h1>Creaking bottom bracket</h1>"
        "<div itemscope itemtype='http://schema.org/DiscussionForumPosting'>"
        f"{''.join(posts)}</div></div>"
    )
    assert "It is nearly always the seatpost." in text and "Thanks, that was it!" in text
    assert "3 Likes" not in text and "rider1" not in text


def test_microdata_on_the_body_declares_no_list_of_posts() -> None:
    root = lxml_html.document_fromstring(
        "<html><body itemscope itemtype='https://schema.org/DiscussionForumPosting'>"
        f"<nav><a href='/'>Home</a></nav><article><p>{LONG}</p></article>"
        f"<div itemprop='comment'><p>{PROSE}</p></div></body></html>"
    )
    clean_tree(root)
    assert find_thread(segment(root), Weights()) is None


_FORUM = " itemtype='https://schema.org/DiscussionForumPosting'"
_MICRODATA = tag_soup(
    ("div", "section", "article", "p", "span"),
    ("", _FORUM, " itemtype='http://schema.org/Comment'", " itemtype=''", " itemprop='comment'"),
    ("reply", " ", "text. "),
    comments=True,
)


@settings(max_examples=EXAMPLES, deadline=None)
@given(_MICRODATA, _MICRODATA)
def test_the_declared_thread_read_off_the_table_is_the_one_the_search_finds(
    body: str, after: str
) -> None:
    """On a whole document the table's ``itemtypes`` stand for ``//@itemtype``; markup
    libxml2 leaves after ``</html>`` makes the search do the work, and both agree."""
    for html in (f"<html><body>{body}</body></html>", f"<html><body>{body}</body></html>{after}"):
        segmentation = segment(lxml_html.document_fromstring(html))
        found = threads._declaring(segmentation)
        whole = threads.is_whole_document
        try:
            threads.is_whole_document = lambda root: False  # type: ignore[assignment]
            assert threads._declaring(segmentation) == found
        finally:
            threads.is_whole_document = whole


def test_the_declared_thread_is_found_in_the_table() -> None:
    root = lxml_html.document_fromstring(
        f"<html><body><div><p>x</p></div><section{_FORUM}><div itemprop='comment'>reply</div>"
        f"</section><div{_FORUM}></div></body></html>"
    )
    segmentation = segment(root)
    assert threads._declaring(segmentation) == 4
    assert find_thread(segmentation, Weights()) == threads.Thread((), 4, frozenset())
