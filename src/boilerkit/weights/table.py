"""The numbers of the tuning table: what each weighs, and what measured it.

Override with ``dataclasses.replace(Weights(), link_penalty=2.0)`` and pass the result as
``Options(weights=...)``. Each value says what it means; the numbers were tuned on the
development corpora (``benchmarks/run.py``) and the golden fixtures, never per site.
"""

from __future__ import annotations

from dataclasses import dataclass

from .encoding import DecodeWeights, PlausibilityCosts, RepairWeights
from .memory import MemoryWeights


@dataclass(frozen=True, slots=True)
class PageTypeWeights:
    """Votes per signal for the page type (``metadata/page_type.py``): a section of the
    tuning table, ``Weights.page_type``. Set by hand, checked by the page-type tests
    (``tests/test_metadata_finalize.py``) and ``benchmarks/bench_metadata.py``; never fitted
    per site."""

    structured_article: float = 3.0
    """og:type ``article`` or a JSON-LD article type: the publisher says so."""
    structured_listing: float = 2.0
    """JSON-LD ``CollectionPage``/``ItemList``/... and no article type."""
    dated: float = 1.0
    """A publication date: articles have one, listings rarely do."""
    authored: float = 1.0
    """A named author."""
    root_url: float = 2.0
    """The URL path is empty or one short segment ("/", "/news/"): a home or section page."""
    root_segment_max_chars: int = 20
    """... short: at most this long, without a dot or a hyphen (an article's slug has them)."""
    long_text_chars: int = 1500
    """Selected text at least this long is something to read ..."""
    long_text: float = 2.0
    """... and gets this many article votes."""
    medium_text: float = 1.0
    """Selected text between the two (a short story, a post) gets this many: with a date or
    a byline beside it, that makes an article."""
    short_text_chars: int = 300
    """Selected text shorter than this is a listing, or neither (other) ..."""
    short_text: float = 1.5
    """... and gets this many listing votes and as many "other" votes."""
    teaser_link: float = 0.3
    """Listing votes per teaser link found around the content ..."""
    teaser_cap: float = 3.0
    """... up to this many in all: link grids are what listings are made of."""
    listing_verdict: float = 3.0
    """Listing votes when the selection found a listing (teaser blocks and no article): as
    strong as a publisher's own declaration, which archive pages often get wrong (an SEO
    plugin's ``og:type`` "article" on every page)."""
    min_votes: float = 2.0
    """Below this many votes for the leader, the page is ``other``."""


@dataclass(frozen=True, slots=True)
class Weights:
    """Scores that decide which blocks form the article."""

    # --- block value: what one block of text is worth to its container ---------------
    block_cost: float = 25.0
    """Chars every block pays: many short blocks (menus, bylines) sum below zero."""
    link_penalty: float = 1.25
    """Each char of link text counts this much against its block."""
    sentence_bonus: float = 20.0
    """Added per sentence end (``.?!。``) in a block: prose is the article's shape."""
    sentence_bonus_cap: int = 6
    """At most this many sentence ends earn the bonus."""
    boilerplate_factor: float = -1.0
    """Multiplier on a block's chars inside a region whose class/id/tag/role says boilerplate."""

    # --- container choice ---------------------------------------------------------------
    negative_weight: float = 0.25
    """How much negative block value counts against a container. At 1.0 the container is
    the maximum-sum subtree, which splits articles at every inline widget; lower values
    keep the container wide and leave the furniture inside it to the block verdicts."""
    lead_min_value: float = 60.0
    """A prose sibling before the chosen body worth this much is its lead and joins it."""
    lead_wrapper_levels: int = 2
    """... and so does one before a wrapper of the body (up this many wrappers whose other
    children are worth nothing): the intro in ``div.article-intro`` beside
    ``div.article-content > div.rtf-content-wrapper``."""
    lead_wrapper_share: float = 0.5
    """... a wrapper whose other children hold at most this share of the body's text (a tag
    list, a source line, ad slots); more (a recipe's ingredient tab beside its steps, a
    shop's tabs) is content the wrapper adds, not a box around the body."""
    sibling_share: float = 0.3
    """A later sibling joins when worth this share of the body (an article split in two)."""
    sibling_max_link_density: float = 0.3
    """... and only when it is prose, not a list of links."""
    furniture_max_share: float = 0.5
    """A furniture hint is waived when more than this share of the element's prose sits
    in an element that says "article" (``<div class="has-sidebar"><article>``)."""
    furniture_page_share: float = 0.8
    """... or when the element holds more than this share of the page's prose."""
    furniture_weak_page_share: float = 0.1
    """A furniture box smaller than this share of the page's prose is not waived by a weak
    article word inside it ("content", "text"): a newsletter box has a ``div.text`` too."""
    form_paragraphs: int = 3
    """A ``form`` (a furniture tag: search, login, sign-up) holding at least this many
    paragraphs (``form_paragraph_min_chars`` with a sentence end) is a shop's product form
    around the description, not furniture. A comment form's notes, a contact form's
    consent line and a sign-up box's pitch are one or two. On trafilatura-eval it changes
    one page (a product page, snippet F1 0.80 to 1.00; the description came from the
    second opinion before); at 1 paragraph, contact forms' consent lines leaked."""
    form_paragraph_min_chars: int = 100
    """... a paragraph at least this long."""
    layout_cell_share: float = 0.8
    """A layout-table row or cell holding this share of the container's value becomes the
    container: the other cells of the layout are navigation columns and footers."""
    column_share: float = 0.6
    """A child holding this share of the container's value, beside columns of boxes only
    (a sidebar of cards, each a title line and a little text), is the container: the
    article's column (``container.into_main_column``)."""
    box_column_share: float = 0.8
    """... a column of boxes: boxes of one tag and class holding this share of its text,"""
    box_max_chars: int = 600
    """... each at most this long (a card of contact lines; an article's section is longer)."""
    list_container_factor: float = 0.7
    """Lists make poor article containers (sidebars are lists): their value is scaled."""
    teaser_max_prose_share: float = 0.5
    """A "teaser block" holding more than this share of the page's prose, under no teaser
    heading, is the article itself (paragraphs with images and links look like cards)."""
    positive_hint_bonus: float = 0.25
    """Fraction added to a container's value when its class/id/tag says "article body"."""

    # --- block verdicts inside the chosen container ---------------------------------------
    max_link_density: float = 0.5
    """Blocks with more link text than this share are navigation, not prose."""
    linked_prose_min_chars: int = 80
    """... unless a paragraph that opens with its own words and ends a sentence holds this
    much text outside its links: prose whose names (people, firms) are links."""
    date_line_max_chars: int = 48
    """A line up to this long that is only a date, perhaps after a label (``DATE_LINE``), is
    a dateline, not text."""
    short_line_max_chars: int = 60
    """A line shorter than this that reads as a stock line (``BOILERPLATE_LINE``: "Share",
    "Advertisement"; a ``TEASER_HEADING`` without a sentence end; in a comment section a
    ``DATE_LINE`` too) is dropped; longer, it is prose that happens to start like one. The
    same length bounds a teaser section's label (``<div class="title">Related</div>``) and
    the part of a heading matched against ``TEASER_HEADING``."""
    region_max_link_density: float = 0.55
    """A sub-region (list, div) with more link text than this share is dropped whole."""
    region_min_links: int = 3
    """... when it holds at least this many links."""

    # --- teaser blocks ("Top Stories", "Related") ----------------------------------------
    teaser_min_items: int = 2
    """A teaser list has at least this many items, each dominated by a link."""
    teaser_headline_min_chars: int = 15
    """A teaser item's link must be at least this long to be a headline."""
    teaser_max_item_chars: int = 450
    """Teaser items are short: a headline and a blurb."""
    teaser_headline_offset: int = 40
    """A teaser item's headline starts within this many chars of the item's text (after a
    kicker or category label); a link further in is part of a sentence, not a headline."""
    teaser_item_share: float = 0.75
    """At least this share of a container's same-shaped children must be teasers."""
    read_more_link_share: float = 0.6
    """A "Read more: <headline>" line is a one-item teaser when its link holds this share
    of its text (the rest is the label)."""
    read_more_label_min_chars: int = 4
    """... and its label, the text beside the link, is at least this long ("Mehr", "More")."""
    teaser_min_headline_share: float = 0.12
    """The headline is at least this share of the item's text."""
    teaser_headline_probe_chars: int = 20
    """The headline's first this many chars are looked up in the item's text to find where
    the headline starts (``teaser_headline_offset``)."""
    rank_max_digits: int = 3
    """A "most read" list's rank number ("1", "12") set before the headline in the link has
    at most this many digits, and is left out of the headline."""
    teaser_unmarked_min_items: int = 3
    """A group of fewer items than this is a teaser block only with strong evidence: a
    teaser heading, a teaser class or linked headings (item headings or images alone are
    not enough for two links)."""
    teaser_distinct_url_share: float = 0.8
    """At least this share of a teaser group's links go to distinct pages; a list that
    repeats its links is a menu or a pager, not teasers."""
    title_line_max_chars: int = 60
    """A section title set as a plain line (no heading tag) is at most this long."""
    teaser_blurb_min_chars: int = 20
    """Items recognised by shape alone (see ``shapes``) each carry a blurb this long."""
    headline_list_min_items: int = 5
    """A list of this many bare headline links to the site's own pages is a teaser list
    (an archive), whatever its heading and classes say."""
    link_run_min_share: float = 0.75
    """An element that holds that many headline links and at least this share of link text
    is a run of them (an archive set as links between ``<br>``s, one per ``<p>``, or in
    table rows beside a date; see ``link_runs``)."""

    # --- forum threads (``threads.py``) ----------------------------------------------------
    # Set from the forum software's templates (phpBB, XenForo, SMF, vBulletin) and the forum
    # fixtures; on the development corpora they fire on one thread page and move neither F1.
    stat_line_max_chars: int = 40
    """A poster's "Label: value" line ("Posts: 1,234", "Joined: Mar 2006") is at most this long."""
    stat_label_max_chars: int = 24
    """... and its label at most this long (also a ``dt`` label of a ``dt``/``dd`` pair)."""
    profile_box_max_chars: int = 300
    """A profile box (name, rank title, avatar, stat lines) holds at most this many chars."""
    profile_box_min_lines: int = 2
    """... and at least this many stat lines, one of them with a ``PROFILE_LABEL``."""
    box_prose_min_chars: int = 16
    """A line with a sentence end and at least this long is a post's prose, which a profile
    box never holds ("Thanks, that was it!"); shorter ones are rank titles ("Sr. Member")."""
    thread_outside_share: float = 0.2
    """A container holding the thread shrinks to the list of posts when what it holds beside
    them is worth at most this share of the posts ("Topic: ... (Read 2167 times)", "2
    Members are viewing this topic"); more, and it is an article with readers' replies."""
    thread_min_posts: int = 2
    """A page with at least this many profile boxes is a forum thread: its posts are the
    content, all of them, short replies beside a long opening post included."""

    comments_only_max_prose: float = 150.0
    """A page whose prose outside its comment sections is worth less than this, while the
    sections hold more, has no article beside its "comments": they are its content, the
    posts of a forum that calls its replies comments (Vanilla: ``div.Discussion``,
    ``ul.Comments``)."""

    # --- ancestor voting (selection/vote.py) --------------------------------------------
    vote_min_chars: int = 25
    """Blocks shorter than this do not vote (Readability's threshold)."""
    vote_class_weight: float = 25.0
    """What an element's article or furniture name adds to or takes from its score."""
    vote_sibling_min: float = 10.0
    """A sibling of the best-voted element joins it with at least this score ..."""
    vote_sibling_share: float = 0.2
    """... and at least this share of the best score (Readability's values)."""
    vote_prose_chars: int = 80
    """A sibling paragraph longer than this, with few links, joins on its own."""
    vote_gain_share: float = 0.1
    """The voted region replaces our container when it holds it and adds this share of
    its prose value (see ``vote.prefer_vote``). Measured on the 86 dev pages where the
    vote holds ours: 0.1 widens 10 (F1 +0.41 on one, the rest unchanged); 0.05 adds one
    better page and 0.04 one page that drops to 0 (its added block is a teaser grid)."""

    # --- confidence and fallback ----------------------------------------------------------
    confidence_length_base: float = 0.5
    """Confidence is the kept share of the page's positive block value times
    ``min(1, confidence_length_base + kept_chars / confidence_full_length)``: a short
    article is less sure (at 0 chars half as sure) ..."""
    confidence_full_length: int = 1600
    """... reaching full weight at ``(1 - confidence_length_base) * confidence_full_length``
    kept chars (800)."""
    low_confidence: float = 0.7
    """Below this confidence trafilatura's second opinion is asked (when
    ``Options.fallback``). 0.7 sends about 6% of trafilatura-eval pages to it and lifts
    F1 there by 0.005, on readability-test-pages by 0.015; 0.85 gains nothing more."""
    opinion_short_chars: int = 400
    """Below ``low_confidence`` the second opinion is asked only for an article of ours
    shorter than this (a scrap, a brief, a part: where it found the rest) ..."""
    opinion_whole_confidence: float = 0.5
    """... or for a longer one with a confidence below this (ours holds less than half
    of the page's prose value). Measured on trafilatura-eval: 55 asks fall to 36 (F1
    0.9483 to 0.9485); of the 19 left out, not one was taken with a better page F1 (the
    5 taken added lines the gold ignores, or a leak), and above 0.5 none of the peers'
    test pages gains."""
    opinion_seconds_per_element: float = 5e-4
    """What trafilatura may take per element of the page: it is skipped when this times
    the element count exceeds the time left. Measured (full mode, 200 trafilatura-eval
    pages): 55 µs per element on average, 490 µs on the slowest page."""
    opinion_max_link_density: float = 0.5
    """A second opinion whose text is more than this share of link text is navigation."""
    opinion_holds_share: float = 0.8
    """One candidate holds another when it shares this share of the other's word 4-grams."""
    opinion_min_gain_chars: int = 50
    """A second opinion that holds ours is taken only when it adds this many chars: less
    is a stock line ("Comments are closed."). Costs one trafilatura-eval page (F1 0.8
    against 1.0: its missing line is 29 chars)."""
    opinion_max_item_share: float = 0.5
    """A second opinion that holds ours is not taken when what it adds is more than this
    share list items and no prose: menus and "more articles" lists around a short
    article (a held-out-style page: 193 chars of ours, 450 more of nav lists)."""
    opinion_prose_line_chars: int = 60
    """A line this long with a sentence end counts as prose (see ``agreement``)."""
    opinion_min_prose: int = 400
    """Between two different blocks theirs wins only with this many prose chars ..."""
    opinion_prose_ratio: float = 2.0
    """... and this many times ours (the same ratio of chars overrules a scrap of ours)."""
    opinion_listing_min_prose: int = 400
    """Where we found a listing, theirs overrules it only with this many prose chars ..."""
    opinion_page_links: int = 500
    """At most this many of the page's link texts are looked for in a second opinion's
    text to measure its links (bounds the time on pages of thousands of links)."""
    opinion_listing_max_link_density: float = 0.25
    """... or with at most this share of link text (a data page's labels and values, not
    an archive's titles, which are links)."""
    pre_css_class_share: float = 0.05
    """Pages with fewer class attributes than this per ``<`` of markup are marked up as
    before CSS, and their loose runs of text get paragraphs (``paragraphs.py``): the
    hand-written 1990s fixtures have 0-0.03, 8 of 990 trafilatura-eval pages are under
    0.05, the median is 0.26."""
    article_body_min_chars: int = 500
    """A JSON-LD ``articleBody`` at least this long ..."""
    article_body_share: float = 0.25
    """... replaces our content when our content holds less than this share of its length
    (the page renders its article with JavaScript; the markup holds a teaser)."""
    orphan_heading_max_chars: int = 80
    """A heading up to this long whose whole section was dropped goes with it ("Related",
    "Newsletter"); longer ones are leads set in a heading tag and stay."""
    slug_id_min_words: int = 3
    """An id of this many words that spells its section's heading ("sharing-with-a-single-
    developer") is the heading made a slug, not a furniture hint. Shorter ids
    ("share-this" over "Share this") are chosen names and keep their hint."""
    byline_max_chars: int = 80
    """A line up to this long, without a sentence end, opening with a byline word and a
    name ("By Sam Okafor 17:42") is the byline, not article text."""
    form_box_max_chars: int = 400
    """A box inside the article holding a sign-up form (a newsletter's) and at most this
    much text is furniture: its pitch asks the reader to fill the form in."""
    cta_max_chars: int = 400
    """Closing boxes ("Subscribe to our newsletter") up to this long are dropped from the
    article's end when they use the words of ``CALL_TO_ACTION``."""
    credit_max_chars: int = 120
    """Lines up to this long that name a photo credit (``CREDIT_LINE``) are captions."""
    info_line_max_chars: int = 120
    """A line up to this long without a sentence end that holds two publication or update
    stamps (``PUBLISHED_LINE``) is the article's info line, not its text. With one stamp
    the rule cost 0.0001 F1 on trafilatura-eval and 0.0002 on readability-test-pages: the
    corpora keep some single datelines ("CNNMoney (New York) First published ...")."""
    image_caption_max_chars: int = 120
    """A line up to this long without a sentence end, set under an image in one block (an
    old page's ``<center><img><br><i>The mill in 1910</i></center>``), is its caption.
    Icons inline with their text (an ingredient list) have no line break, and stay."""
    nav_line_max_chars: int = 200
    """A line up to this long ..."""
    nav_line_min_segments: int = 3
    """... cut by menu separators (``NAV_SEPARATOR``: "|", ">", "»") into at least this many
    short items ("Home > Articles > The Old Mill", "[ Home | Essays | Links ]") ..."""
    nav_item_max_chars: int = 40
    """... none longer than this ..."""
    nav_line_min_link_density: float = 0.3
    """... with at least this share of link text is a navigation line or breadcrumb (the
    current page is often named without a link, so the density stays under
    ``max_link_density``)."""
    tail_min_chars: int = 60
    """After the article's last paragraph, kept blocks shorter than this are trailing
    furniture (share prompts, credits, "Kontakt") and are dropped."""
    sign_off_max_chars: int = 40
    """... but a line up to this long that signs the post off (``SIGN_OFF``: "x Franzi")
    stays."""
    head_furniture_max_chars: int = 100
    """Before the article's first paragraph, kept lines up to this long that use the words
    of ``CALL_TO_ACTION`` ("Last updated 12 April 1999", "You are visitor number 4321")
    are page furniture too."""
    listing_max_chars: int = 300
    """A page whose "article" is shorter than this ..."""
    listing_teaser_ratio: float = 3.0
    """... with this many times more text in teaser blocks is a listing: no article."""
    min_article_chars: int = 150
    """An article shorter than this makes the page a listing/other page, not an article."""
    title_unit_min_words: int = 3
    """The title's story in a stream of stories (``container.title_unit``) is named by a
    heading of at least this many words that repeats the title: "News" names nothing."""
    title_unit_title_share: float = 0.8
    """... and says at least this share of the title's words: a section headed "What is
    X?" in an article titled "What is X and what is it for?" is a part, not the story."""
    title_unit_min_siblings: int = 2
    """... among at least this many sibling stories (a heading, then prose)."""
    title_unit_prose_chars: int = 40
    """A story's prose: a block after its heading with a sentence end and this many chars
    (a brief of ten words)."""
    post_paragraph_min_chars: int = 80
    """A kept paragraph this long with a sentence end counts towards a post: two of them
    on a page naming its author or date make it an article, never a listing."""

    # --- favor switch ------------------------------------------------------------------------
    precision_scale: float = 1.5
    """``favor="precision"`` multiplies the block cost and link penalty by this."""
    recall_scale: float = 0.6
    """``favor="recall"`` multiplies them by this."""

    # --- sections of other stages ------------------------------------------------------------
    page_type: PageTypeWeights = PageTypeWeights()
    """Votes for the page type (article, listing, other): ``PageTypeWeights``."""
    decode: DecodeWeights = DecodeWeights()  # noqa: RUF009 (frozen: one shared default is safe)
    """Charset decision thresholds and the byte counts it samples (``weights/encoding.py``)."""
    repair: RepairWeights = RepairWeights()  # noqa: RUF009 (frozen, as above)
    """Accept thresholds and chain priors of mojibake repair (``weights/encoding.py``)."""
    plausibility: PlausibilityCosts = PlausibilityCosts()  # noqa: RUF009 (frozen, as above)
    """Penalty per broken habit of real text: what decode and repair rank readings by."""
    memory: MemoryWeights = MemoryWeights()  # noqa: RUF009 (frozen, as above)
    """What a page weighs in a command-line batch, and its budget (``weights/memory.py``)."""
