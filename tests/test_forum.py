"""Forum threads: the posts are the content; profile boxes, signatures and quote headers are not.

Each test is a tiny thread built around one signal, with posts long enough to be prose, and
the forum furniture (or a look-alike in an article) that the signal must drop (or keep).
"""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from boilerkit.clean import clean_tree
from boilerkit.render.text import render_text
from boilerkit.select import select_content

PROSE = (
    "The creak only shows up on the first ride after it has rained, then fades away. "
    "I greased the pedal threads and the chainring bolts but it came back within a week. "
    "Next I will pull the seatpost and clean the seat tube before touching the cups. "
)


def _text(body: str) -> str:
    root = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    clean_tree(root)
    selection = select_content(root)
    assert selection.content is not None
    return render_text(selection.content)


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
