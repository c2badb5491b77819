"""Hints: what an element's markup says its subtree is (the first signal of ``score``).

Tags (``nav``, ``article``), ARIA roles and class/id words ("sidebar", "entry-content"),
matched against the word sets and patterns of the weights table. Only the elements the
page table lists as ``hinted`` are asked; each distinct tag/class/id/role combination is
judged once per process (``_hint_of``), and the class/id test has a compiled twin
(``_walk.NameTest``, twin of ``_name_hints``), as has the loop over a page's hinted
elements (``_walk.HintOf``, twin of ``_hint_of`` and ``own_hints``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..page.tags import HEADING_TAGS
from ..weights import (
    BUILDER_WORDS,
    COMMENT_COMPOUND,
    COMMENT_FURNITURE,
    COMMENT_WORDS,
    DIALOG_WORDS,
    FORUM_FURNITURE,
    FRAMEWORK_WORDS,
    NEGATIVE_PATTERN,
    NEGATIVE_ROLES,
    NEGATIVE_TAGS,
    NEGATIVE_WORDS,
    POSITIVE_ROLES,
    POSITIVE_TAGS,
    POSITIVE_WORDS,
    STRONG_POSITIVE,
    WORD_SPLIT,
    Weights,
)
from .page_table import compiled_class, literal_heads, pure_requested
from .segment import Segmentation


@dataclass(frozen=True, slots=True)
class Hint:
    """What an element's markup says about its subtree."""

    kind: str  # "boilerplate", "comments" or "article"
    detail: str  # e.g. "class=related", "tag=nav"
    weak: bool = False
    """An article hint from a common word ("content", "text") rather than a name for the
    article itself: it may pick a container, but does not vouch for a furniture box."""
    firm: bool = False
    """A furniture hint naming what the box is for (``DIALOG_WORDS``: cookie consent): no
    article name inside makes it a misnamed wrapper (a consent dialog has its own
    ``main-content``); only holding nearly all of the page's prose does."""


_HINT_TAGS = POSITIVE_TAGS | NEGATIVE_TAGS
_NameHints = tuple[Hint | None, Hint | None, Hint | None, Hint | None]


@functools.lru_cache(maxsize=8192)
def _hint_of(
    tag: str,
    css_class: str | None,
    css_id: str | None,
    role: str | None,
    names_say: Callable[[str], _NameHints],
) -> Hint | None:
    """The hint of a tag/class/id/role combination (pure, so memoized across pages);
    ``names_say`` is ``_name_hints`` or its compiled twin (``_names_test``)."""
    if tag in ("html", "body") or not isinstance(tag, str):
        return None
    if (css_class, css_id, role) == (None, None, None) and tag not in _HINT_TAGS:
        return None
    role = (role or "").strip().lower()
    comments, strong, negative, positive = names_say(f"{css_class or ''} {css_id or ''}")
    if comments:
        return comments
    if strong:
        return strong
    if tag in POSITIVE_TAGS or role in POSITIVE_ROLES:
        return Hint("article", f"tag={tag}" if tag in POSITIVE_TAGS else f"role={role}")
    if role in NEGATIVE_ROLES:
        return Hint("boilerplate", f"role={role}")
    if tag in NEGATIVE_TAGS:
        return Hint("boilerplate", f"tag={tag}")
    if negative is not None and tag in HEADING_TAGS and _furniture_fragment(negative):
        return positive  # "anchorWithStickyNavbar": a heading's style, not a box's purpose
    return negative or positive


_FRAGMENT = "class/id~"


def _furniture_fragment(hint: Hint) -> bool:
    """Whether a hint was read off a furniture fragment inside a compound class name
    (``NEGATIVE_PATTERN``), not a whole word: on a heading, such a fragment names how the
    heading is styled ("anchorWithStickyNavbar" offsets it below a sticky navbar)."""
    detail = hint.detail
    return detail.startswith(_FRAGMENT) and bool(
        NEGATIVE_PATTERN.fullmatch(detail[len(_FRAGMENT) :])
    )


@functools.lru_cache(maxsize=8192)
def _name_hints(names: str) -> _NameHints:
    """What a class/id string says, by precedence: comments, strong article body,
    furniture, weak article words. Memoized apart from the tag: pages repeat their
    class names on many tags. A word set or pattern read here must feed
    ``page_table.HINT_WORDS`` too: values holding none of those are never asked."""
    text = names.lower()
    words = set(WORD_SPLIT.split(text)) if text.strip() else set()
    comment_words = words & COMMENT_WORDS or (
        {w for w in words if COMMENT_COMPOUND.match(w)} if "comment" in text else set()
    )
    if comment_words:
        furniture = COMMENT_FURNITURE.search(text)  # "comment-meta": not the comment's prose
        if furniture:
            return Hint("boilerplate", f"class/id~{furniture.group()}"), None, None, None
        comments = Hint("comments", f"class/id={'/'.join(sorted(comment_words))}")
        return comments, None, None, None
    strong = STRONG_POSITIVE.search(text)
    if strong:
        return None, Hint("article", f"class/id~{strong.group()}"), None, None
    negative: Hint | None = None
    builder = not words.isdisjoint(FRAMEWORK_WORDS)
    negatives = words & NEGATIVE_WORDS
    if builder:  # a page builder calls every box a widget: only the other words count
        negatives -= BUILDER_WORDS
    if negatives:
        detail = f"class/id={'/'.join(sorted(negatives))}"
        negative = Hint("boilerplate", detail, firm=bool(negatives & DIALOG_WORDS))
    elif not builder:
        fragment = NEGATIVE_PATTERN.search(text)
        if fragment:
            negative = Hint("boilerplate", f"class/id~{fragment.group()}")
    if negative is None:
        forum = FORUM_FURNITURE.search(text)
        if forum:
            negative = Hint("boilerplate", f"class/id~{forum.group()}")
    positives = words & POSITIVE_WORDS
    positive = (
        Hint("article", f"class/id={'/'.join(sorted(positives))}", weak=True) if positives else None
    )
    return None, None, negative, positive


_BUILDER_SETS = (FRAMEWORK_WORDS, BUILDER_WORDS, DIALOG_WORDS)


def _names_test() -> Callable[[str], _NameHints]:
    """``_name_hints``, compiled (``_walk.NameTest.hints``) when it is built and the pure
    path is not asked for."""
    if _NAME_TEST is None or pure_requested():
        return _name_hints
    found: Callable[[str], _NameHints] = _NAME_TEST.hints
    return found


def _name_test() -> Any:
    """``_walk.NameTest`` set up with the tables ``_name_hints`` reads, or ``None`` when
    the extension is not built or the tables are not what it can read: words cut as
    ``WORD_SPLIT`` cuts them only if that is ``[^a-z0-9]+``, and no empty word."""
    make = compiled_class("NameTest")
    word_sets = (COMMENT_WORDS, NEGATIVE_WORDS, POSITIVE_WORDS, *_BUILDER_SETS)
    if make is None or WORD_SPLIT.pattern != "[^a-z0-9]+" or WORD_SPLIT.flags != re.UNICODE:
        return None
    if any("" in words for words in word_sets):
        return None
    patterns = (COMMENT_FURNITURE, STRONG_POSITIVE, NEGATIVE_PATTERN, FORUM_FURNITURE)
    heads = tuple(_ascii_heads(pattern) for pattern in patterns)
    return make(Hint, word_sets, (COMMENT_COMPOUND, *patterns), heads, _name_hints)


def _ascii_heads(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The pattern's ``literal_heads`` if all are lower-case ASCII, else ``None`` (the
    compiled test then always searches)."""
    heads = literal_heads(pattern)
    if heads is None or not all(h and h.isascii() and h == h.lower() for h in heads):
        return None
    return tuple(sorted(heads))


_NAME_TEST = _name_test()


def _hint_test() -> Any:
    """``_walk.HintOf`` over the compiled class/id test, or ``None`` without it."""
    make = compiled_class("HintOf")
    if make is None or _NAME_TEST is None:
        return None
    tag_sets = (POSITIVE_TAGS, NEGATIVE_TAGS, HEADING_TAGS)
    role_sets = (POSITIVE_ROLES, NEGATIVE_ROLES)
    return make(_NAME_TEST.hints, Hint, tag_sets, role_sets, _furniture_fragment)


_HINT_OF = _hint_test()


def own_hints(
    tags: list[str],
    classes: list[str | None],
    ids: list[str | None],
    roles: list[str | None],
    hinted: list[int],
    say: Callable[[str], _NameHints],
) -> tuple[list[Hint | None], list[int]]:
    """The hint of each ``hinted`` element from its markup alone (``_hint_of``), and
    those of them whose furniture hint was read with an id (``element_hints`` asks
    whether the id is a slug). Compiled as ``_walk.HintOf.own_hints``."""
    hints: list[Hint | None] = [None] * len(tags)
    suspects: list[int] = []
    for index in hinted:
        hint = _hint_of(tags[index], classes[index], ids[index], roles[index], say)
        if hint is not None:
            hints[index] = hint
            if ids[index] and hint.kind != "article":
                suspects.append(index)
    return hints, suspects


def element_hints(segmentation: Segmentation, weights: Weights) -> list[Hint | None]:
    """Each element's own hint, from its tag, class, id and role.

    Only the elements the page table lists as ``hinted`` (a role, a hint tag, or a class
    or id holding one of ``HINT_WORDS``) can have one; ``_hint_of`` is memoized, so each
    distinct combination is matched once per process. A furniture hint read with an id
    that is a slug of the text it names is read again without the id.
    """
    table = segmentation.table
    tags, classes, ids, roles = table.tags, table.classes, table.ids, table.roles
    say = _names_test()
    if _HINT_OF is None or say is _name_hints:
        hints, suspects = own_hints(tags, classes, ids, roles, table.hinted, say)
    else:
        hints, suspects = _HINT_OF.own_hints(tags, classes, ids, roles, table.hinted)
    for index in suspects:
        css_id = ids[index]
        if css_id and _slug_id(index, css_id, segmentation, weights.slug_id_min_words):
            hints[index] = _hint_of(tags[index], classes[index], None, roles[index], say)
    return hints


_SLUG_WORDS = re.compile(r"[^\W_]+")


def _names_its_heading(index: int, css_id: str, segmentation: Segmentation, min_words: int) -> bool:
    """Whether an id is its section's heading made a slug: documentation tools and CMSs
    name sections after their headings ("sharing-with-a-single-developer", "related-work"),
    and a heading is no furniture hint. The heading is one of element ``index``'s first two
    children, read off the table."""
    tags, end = segmentation.tags, segmentation.end
    first = index + 1
    children = (first, end[first]) if first < end[index] else ()
    heading = next((c for c in children if c < end[index] and tags[c] in HEADING_TAGS), None)
    if heading is None:
        return False
    words = _SLUG_WORDS.findall(segmentation.table.text(heading).lower())
    return len(words) >= min_words and _SLUG_WORDS.findall(css_id.lower()) == words


def _slug_id(index: int, css_id: str, segmentation: Segmentation, min_words: int) -> bool:
    """Whether the id of element ``index`` is made from the text it names
    (``_names_its_heading``, ``_anchors_its_text``), not chosen for the box."""
    if segmentation.tags[index] in HEADING_TAGS and _anchors_its_text(index, css_id, segmentation):
        return True
    return _names_its_heading(index, css_id, segmentation, min_words)


def _anchors_its_text(heading: int, css_id: str, segmentation: Segmentation) -> bool:
    """Whether a heading's id is an anchor made of a prefix and the heading's own first
    words (``nav_nur_die_folie__1`` on "Nur die Folie bleibt zurück"): the prefix names
    the table of contents that links there, not the heading. Without a prefix, "share-this"
    over "Share this" is a chosen name and keeps its hint. The heading's words are read
    off the table (``PageTable.text``)."""
    ids = [word for word in _SLUG_WORDS.findall(css_id.lower()) if not word.isdigit()]
    words = _SLUG_WORDS.findall(segmentation.table.text(heading).lower())
    if len(words) < 2 or words[0] not in ids[1:]:
        return False
    run = ids[ids.index(words[0], 1) :]
    return len(run) >= 2 and run == words[: len(run)]
