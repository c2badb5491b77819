# ruff: noqa: RUF001  (the pattern tables hold words of many scripts on purpose)
"""Every tunable number and pattern of the scoring and selection stages, in one place.

Override with ``dataclasses.replace(Weights(), link_penalty=2.0)`` and pass the result as
``Options(weights=...)``. Each value says what it means; the numbers were tuned on the
development corpora (``benchmarks/run.py``) and the golden fixtures, never per site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


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
    layout_cell_share: float = 0.8
    """A layout-table row or cell holding this share of the container's value becomes the
    container: the other cells of the layout are navigation columns and footers."""
    list_container_factor: float = 0.7
    """Lists make poor article containers (sidebars are lists): their value is scaled."""
    teaser_max_prose_share: float = 0.5
    """A "teaser block" holding more than this share of the page's prose, under no teaser
    heading, is the article itself (paragraphs with images and links look like cards)."""
    positive_hint_bonus: float = 0.25
    """Fraction added to a container's value when its class/id/tag says "article body"."""
    heading_bonus: float = 40.0
    """Added to a container holding the page's top heading (it frames the article)."""

    # --- block verdicts inside the chosen container ---------------------------------------
    max_link_density: float = 0.5
    """Blocks with more link text than this share are navigation, not prose."""
    date_line_max_chars: int = 48
    """A line up to this long that is only a date, perhaps after a label (``DATE_LINE``), is
    a dateline, not text."""
    min_chars: int = 10
    """Blocks shorter than this are kept only when they read as part of the article."""
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

    # --- confidence and fallback ----------------------------------------------------------
    low_confidence: float = 0.7
    """Below this confidence trafilatura's second opinion replaces our content (when
    ``Options.fallback``). 0.7 sends about 6% of trafilatura-eval pages to it and lifts
    F1 there by 0.005, on readability-test-pages by 0.015; 0.85 gains nothing more."""
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

    # --- favor switch ------------------------------------------------------------------------
    precision_scale: float = 1.5
    """``favor="precision"`` multiplies the block cost and link penalty by this."""
    recall_scale: float = 0.6
    """``favor="recall"`` multiplies them by this."""


# Class/id words. Matched against the lower-cased class and id of every element as whole
# "words" (split on non-letters), so "sidebar" matches "left-sidebar" but "ad" does not
# match "header" or "read".
NEGATIVE_WORDS = frozenset(
    """
    nav navbar navigation menu menubar breadcrumb breadcrumbs crumbs skip skiplink footer
    sidebar aside related widget widgets relatedposts recommended recommendations
    promo promos promoted sponsor sponsored advert advertisement ads adsense
    advertising banner share sharing social socials sharebar shares follow subscribe
    subscription newsletter signup cookie cookies consent gdpr popup modal overlay
    respond commentform
    masthead toolbar pagination pager tagcloud taglist outbrain taboola trending
    mostread more-stories morestories login offscreen sr-only
    author authors bio byline copyright caption credit credits noprint meta donate legend
    donation paywall buybox feedback poll survey toc editsection mw-editsection navbox
    disclosure cta postmetadata teasers nextstory citation
    avatar
    """.split()
)
"""Words in a class/id that mark boilerplate."""

FRAMEWORK_WORDS = frozenset({"elementor", "wp-block", "block", "vc", "et", "fl", "wpb"})
"""Page builders name every content box "widget"/"module"; with one of these words
present, a class says nothing about boilerplate."""

POSITIVE_WORDS = frozenset(
    """
    article articlebody articlecontent story storybody storycontent post postbody
    postcontent entry entrycontent content maincontent bodytext text blog blogpost
    richtext prose
    """.split()
)
"""Words in a class/id that suggest the article body; any furniture word outweighs them
("author-bio-content" is a bio)."""

STRONG_POSITIVE = re.compile(
    r"(article|story|post|entry|news)[-_]*(body|content|text|inner)|main[-_]?content"
    r"|body[-_]?text|rich[-_]?text|markdown-body|itemprop-articlebody"
)
"""Class/id names that mark the article body whatever else stands beside them."""

NEGATIVE_PATTERN = re.compile(
    r"news[-_]?letter|sidebar|related|cookie|advert|promo|social|share(?!d)|subscri|breadcrumb"
    r"|navbar|navigation|paywall|byline|author|copyright|disclaimer|signup|recommend"
    r"|popular|trending|outbrain|taboola|legend|footer|captcha"
)
"""Furniture fragments found inside compound names ("NewsletterModule", "c-sharebar")."""

FORUM_FURNITURE = re.compile(
    r"post[-_]?profile|user[-_]?(info|details|extras|stats|title|profile|banner)"
    r"|signature|post[-_]?buttons|who[-_]?is[-_]?(online|viewing)|whos[-_]?online|online[-_]?list"
)
"""The furniture of forum software around each post: the poster's box (``dl.postprofile``,
``div.message-userDetails``, ``ul.user_info``), the signature under the post
(``div.signature``, ``aside.message-signature``), the post's buttons, and the board's "Who
is online" box. Unlike the words above, a page-builder word beside them does not cancel
them: phpBB calls its online box ``stat-block online-list``."""

COMMENT_WORDS = frozenset(
    "comment comments commentlist comment-list disqus replies discussion".split()
)
"""Words that mark the comment section (kept apart, returned with ``include_comments``)."""

COMMENT_COMPOUND = re.compile(r"comment(?!ary)\w+")
"""Compound names of comment sections ("commentlinks", "commentsection", "commentaires");
"commentary" is an opinion piece, not its readers' comments."""

COMMENT_FURNITURE = re.compile(
    r"comments?[-_]?(meta|metadata|author|form|respond|reply|title|date|time|avatar|notes"
    r"|navigation|awaiting-moderation)(?=\s|$)"
)
"""Parts of a comment section that are not comments (names, dates, the reply form)."""

NEGATIVE_TAGS = frozenset({"nav", "aside", "footer", "form"})
"""Tags that frame a page rather than hold its article (a ``footer`` inside an article is
exempt: it holds the byline). ``header`` is not one: article headers hold the lead."""

NEGATIVE_ROLES = frozenset(
    {
        "navigation",
        "banner",
        "contentinfo",
        "complementary",
        "search",
        "menu",
        "menubar",
        "dialog",
        "alertdialog",
        "toolbar",
        "tablist",
    }
)
"""ARIA roles of page furniture."""

POSITIVE_TAGS = frozenset({"article", "main"})
POSITIVE_ROLES = frozenset({"main", "article"})

WORD_SPLIT = re.compile(r"[^a-z0-9]+")

# Headings that introduce teaser blocks of other stories, in the languages of the web we
# see most. Matched case-insensitively against the start of a short heading.
TEASER_HEADING = re.compile(
    r"""^\W*(
        (top|more|latest|related|recommended|popular|trending|featured|editor'?s?)\s
          (stories|news|articles|posts|reads?|videos|picks|content|headlines|coverage)
      | local\sspotlight | most\s(read|viewed|popular|shared|commented)
      | (you\smay|you\smight)\s(also\s)?(like|enjoy) | read\s(also|more|next)
      | also\s(read|on|in) | more\s(from|on|in|about) | see\salso
      | (related|recommended|trending|popular|latest|more)(?=\W*$|\s(now|today|for\syou
          |this\sweek|on|in|from|at|with)\b) | what\sto\sread\snext | don'?t\smiss
      | weitere | weiterführende | mehr\s(zum|zu|aus|von) | lesen\ssie\sauch
      | auch\sinteressant | das\skönnte\ssie | meistgelesen | top[-\s]?themen
      | empfehlungen | empfohlen\w* | zum\sweiterlesen | verwandte | das\skönnte\sdich
      | diese\sbeiträge | (notas|noticias|artículos|articulos)\srelacionad
      | ähnliche | schon\sgelesen | passend\sdazu | neueste | aktuelle\sartikel
      | read\sthe\slatest | lo\súltimo | últimas | explore\sfurther
      | vorschau | nächste[rn]?\sartikel | next\s(article|story|post) | previous\s(article|post)
      | zobacz\stakże | zobacz\srównież | czytaj\srównież | leia\stambém | veja\stambém
      | à\slire\saussi | lire\saussi | sur\sle\smême\ssujet | les\splus\slus | voir\saussi
      | leer\smás | más\sleídas | también\ste\spuede | relacionad
      | leggi\sanche | potrebbe\sinteressarti | czytaj\steż | zobacz\steż | polecane
      | 相关 | 推荐 | 热门 | 更多 | 延伸阅读 | 相關 | 推薦 | 熱門 | 関連 | 人気
      | اقرأ\sأيضا | اقرأ\sايضا | مواضيع\sذات\sصلة | الأكثر\s(قراءة|مشاهدة) | ذات\sصلة
      | читайте\sтакже | смотрите\sтакже | по\sтеме | похожие\s(новости|статьи|материалы)
      | самое\s(читаемое|популярное) | другие\s(новости|статьи|материалы) | популярное
      | lees\sook | meer\s(nieuws|over|artikelen|lezen) | gerelateerd\w* | meest\sgelezen
      | ook\sinteressant | ilgili\shaber(ler)? | benzer\shaberler | en\sçok\s(okunan|izlenen)\w*
      | berita\s(lainnya|terkini|populer) | artikel\s(terkait|lainnya|populer) | rekomendasi
      | новости\sпо\sтеме | ещ[её]\sпо\sтеме | лента\sновостей | mais\s(lidas|vistas)
      | 最新記事 | ランキング | 관련\s?뉴스 | 인기\s?(기사|뉴스)
      | bunlar\sda\silginizi | baca\sjuga | berita\sterkait | terpopuler | tin\sliên\squan
      | đọc\sthêm | xem\sthêm | (đọc|xem)\snhiều | tin\s(khác|mới|nổi\sbật|cùng) | cùng\schuyên\smục
      | 관련\s?기사 | 많이\s?본 | 추천\s?기사 | おすすめ | 注目
      | 함께\s?(보면|읽으면) | 최신\s?기사 | 주요\s?뉴스 | あわせて読みたい | こちらも | 新着記事
      | (यह|ये)\sभी\sप(\u095d|\u0922\u093c)ें | और\sप(\u095d|\u0922\u093c)ें
      | संबंधित\s(\S*बरें|समाचार|लेख) | ता(ज\u093c?|\u095b)ा\s\S*बरें | ट्रेंडिंग
      | सबसे\s\S+\sप(\u095d|\u0922\u093c) | আর(ও|ো)\sপ(\u09dc|\u09a1\u09bc)ুন | সম্পর্কিত | সর্বাধিক\sপঠিত
      | อ่านเพิ่มเติม | ข่าวที่เกี่ยวข้อง | ข่าวล่าสุด
    )(\b|$|(?<=[^\x00-\x7f]))""",
    re.I | re.X,
)
"""Section headings of teaser blocks ("Top Stories", "Related", "Lesen Sie auch")."""

TOC_HEADING = re.compile(
    r"""^\W*(
        (table\sof\s)?contents | inhalt | inhaltsverzeichnis | sommaire
      | table\sdes\smati[èe]res | [íi]ndice | contenidos? | sommario | spis\stre[śs]ci
      | inhoud(sopgave)? | 目录 | 目錄 | 目次 | المحتويات
    )\W*$""",
    re.I | re.X,
)
"""Headings of a page's own table of contents ("Contents", "Inhaltsverzeichnis"): a list
of links to the sections below, which is navigation."""

TAG_HEADING = re.compile(
    r"""^\W*(
        tags? | keywords? | schlagw[öo]rte?r? | stichw[öo]rter | themen | mots[-\s]cl[ée]s
      | etiquetas | etichette | tagi | s[łl]owa\skluczowe | etiketler | теги | ключевые\sслова
      | タグ | キーワード | 标签 | 標籤 | 关键词 | 태그 | 키워드 | टैग्स? | ট্যাগ
    )\W*$""",
    re.I | re.X,
)
"""Headings of a page's tag list ("Tags", "Schlagworte", "Теги"): the words under them are
labels for the archive, not the article's closing list."""

# Short lines that are page furniture wherever they stand.
BOILERPLATE_LINE = re.compile(
    r"""^\W*(
        share(\s(this|on|via)\b.*)? | tweet | e-?mail | print | advertisement | anzeige
      | werbung | publicité | publicidad | pubblicità | publicidade | reklama | реклама
      | advertentie | reklam | поделиться | delen | paylaş | bagikan | chia\ssẻ | 공유
      | إعلان | 广告 | 廣告 | 広告 | 광고 | sponsored | quảng\scáo | विज्ञापन | বিজ্ঞাপন
      | スポンサーリンク
      | シェアする | この記事をシェア | 공유하기 | शेयर\sकरें | поделитесь
      | skip\sto\s.* | jump\sto\s.*
      | (yorumlar?|комментари[ийя]|コメント|댓글|bình\sluận|komentar)(\s?\(?\d+\)?)?
      | iklan | ツイート | read\smore | continue\sreading | click\shere.* | back\sto\stop | top
      | (sign\sup|subscribe)\b.* | follow\sus.* | related(\sarticles|\sstories)?
      | loading.* | comments?(\s\(\d+\))? | \d+\scomments? | copy\slink | copied
      | facebook | twitter | whatsapp | linkedin | reddit | pinterest | telegram
      | (war|ist)\sder\sartikel\s.* | möchten\ssie\s.*teilen.* | was\sthis\s(article|page)\shelpful
      | (foto|photo|bild|image|credit|quelle|source)s?\s?:.* | ©.* | (kontakt|contact)\s?:?
      | weiterlesen\s?:?
      | \d+\s?(min|minut|minute|minuten|minutes)\.?\s(read|lesezeit|czytania|de\slectura)
      | (lesezeit|reading\stime)\s?:?\s?\d+.*
      | click\sto\s(expand|collapse|show)\b.* | zum\svergrößern\sanklicken.*
      | cliquez\spour\s(agrandir|développer).*
      | last\s(edit|edited|updated|modified)\b.* | zuletzt\sbearbeitet\b.*
      | dernière\smodification\b.*
      | \d[\d,.]*\s?[km]?\s(likes?|replies|reactions?|views|upvotes?|votes?|shares?)
    )\W*$""",
    re.I | re.X,
)
"""Lines that are furniture even inside the article ("Share", "Advertisement")."""

# Calls to action that close an article: subscribe, follow, support, comment, contact,
# rights and disclosure notes. Searched in the kept blocks at the article's end only.
CALL_TO_ACTION = re.compile(
    r"""©\s?\d | \b(?:
        newsletter | subscribe | subscription | abonnier | abonnez | abonne-toi | suscr[ií]b
      | subskrypc | prenumerat | sign\sup | jetzt\sanmelden | melde\sdich\san | inscr[ií]bete
      | follow\s(?:us|me) | folg(?:e|t|en\ssie)\s(?:uns|mir) | s[ií]guenos | suivez-nous
      | obserwuj\snas | [úu]nete | join\sus | download\s(?:the|our)\s(?:\w+\s)?apps?
      | donate | donation | support\s(?:us|our\swork) | unterst[üu]tze\b | unterst[üu]tzen\ssie
      | ap[óo]yanos | soutenez | wesprzyj
      | copyright | rights\sreserved | rechte\svorbehalten | derechos\sreservados
      | droits\sr[ée]serv
      | contact\sus | kontaktieren\ssie | in\skontakt\streten | cont[áa]ctanos | contactez-nous
      | e-?mail\s?: | telefon\s?: | tel\.\s?: | phone\s?:
      | to\scomment | zum\skommentieren | para\scomentar | keine\skommentare | no\scomments
      | letter\sto\sthe\seditor | leserbrief | affiliate | receive\s(?:a\s)?compensation
      | commission | provision\s(?:erhalten|bekommen) | werbung\b | anzeige\b | sponsored
      | opinions?\sexpressed | meinung\sdes\sautors | disclaimer | einlogg | eingeloggt
      | if\syou\senjoyed | did\syou\senjoy | gef[äa]llt\sdir | hat\sdir\s.{0,30}gefallen
      | war\s(?:der|dieser)\s(?:artikel|beitrag)\s(?:n[üu]tzlich|hilfreich)
      | hazte\smiembro | become\sa\smember | werde\smitglied | cancel\sany\s?time
      | cancela\scuando | jederzeit\sk[üu]ndbar | stay\s(?:up[-\s]to[-\s]date|informed|in\stouch)
      | bleiben\ssie\s(?:informiert|auf\sdem\slaufenden) | kontaktformular
      | pressekontakt | press\scontact | pressesprecher | ansprechpartner
      | last\s(?:modified|updated|changed|revised) | zuletzt\s(?:ge[äa]ndert|aktualisiert)
      | aktualisiert\sam | derni[èe]re\smise\s[àa]\sjour | [úu]ltima\sactualizaci[óo]n
      | not\sresponsible\sfor | sofern\snicht\sanders
      | подпис(?:ывайтесь|аться|ка) | все\sправа\sзащищены | abonneer | volg\sons
      | alle\srechten\svoorbehouden | takip\sedin | abone\sol | tüm\shakları\ssaklıdır
      | нашли\sошибку | сообщите\sнам | hak\scipta | dilindungi\sundang
      )|(?:무단\s?전재 | 재배포\s?금지 | 저작권자 | 無断転載 | 無断複製 | 版权所有 | 版權所有
      | सर्वाधिकार\sसुरक्षित | फॉलो\sकरें | সর্বস্বত্ব\sসংরক্ষিত
      | webmaster | best\sviewed | (?:page|site)\s(?:designed|maintained|created)\sby
      | you\sare\s(?:the\s)?visitor | visitors?\s(?:number|no\b|since|count)
      | (?:been\s)?(?:visited|accessed)\s.{0,20}\btimes | hits?\ssince | (?:hit|page)\scounter
      | back\sto\s(?:the\s)?(?:top|home|index|main|previous|contents)
    )""",
    re.X,
)
"""Words of the boxes that close an article: newsletters, apps, social accounts, donations,
rights, contact lines, comment prompts, disclosures, and the footer lines of old pages
(last updated, hit counters, "back to home", the webmaster). Searched
in lower-cased text, and anchored at word starts: a case-insensitive search of many
alternatives at every character costs ten times more."""

CREDIT_LINE = re.compile(
    r"""©\s?\D | \((?:c|foto|photo|bild)\)\s?: | /\s?(?:afp|dpa)\b | \b(?:
        (?:foto|photo|bild|image|picture)s?\s?: | credits?\s?: | getty\s?images
      | istock(?:photo)?\b | shutterstock | picture[-\s]alliance | imago\b | wenn\.com
      | ap\sphoto\b | afp\s/ | dpa\s?/ | фото\s?: | фото\s(?:ria|риа|тасс|reuters)
    )|(?:फोटो|फ़ोटो|तस्वीर|ছবি|写真|사진)\s?[:：=]
    | [<\[(（〈][^<>\[\]()（）〈〉]{1,30}\s제공[>\])）〉]""",
    re.X,
)
"""Photo credits and their agencies: a short line naming one is a caption's credit
("Фото: ...", "사진=...", and the Korean "<... 제공>", "provided by ...").
Searched in lower-cased text."""

DATE_LINE = re.compile(
    r"""^\W*((\w+|\#\d+)(\s(\w+|\#\d+)){0,2}\s?:\s?)?(\w+,?\s)?(\d{1,2}[./-]\s?(\d{1,2}|\w{3,10})[./-]?\s?\d{2,4}
       |\w{3,10}\s\d{1,2},?\s\d{4}|\d{1,2}\.?\s\w{3,12}\s\d{4}|\d{4}-\d{2}-\d{2}|\w{3,10}\s\d{4}
       |\d{4}\s?[年년]\s?\d{1,2}\s?[月월]\s?\d{1,2}\s?[日일])?[\s,|–-]*(\d{1,2}[:.]\d{2}([:.]\d{2})?(\s?(uhr|h|am|pm))?)?
       ([\s|·•]*(views?|aufrufe|просмотр\w*|görüntülenme|lượt\sxem|조회수?|閲覧数?)\s?:?\s?\d[\d\s.,]*)?\W*$""",
    re.I | re.X,
)
"""A line that is only a date and/or a time ("7. Oktober 2020", "05:28 Uhr", "2024年3月18日"),
perhaps after a label of up to three words ("Aktualisiert: 11.04.2020, 10:27", "opublikowano:
7 kwietnia 2021", a forum post's "Reply #3 on: March 16, 2019, 08:21:09 AM") and before a
view counter ("12 марта 2021, 14:05 Просмотров: 2 418")."""

QUOTE_HEADER = re.compile(
    r"""^\W*(
        (quote|zitat|citation|cita|citazione|cytat|citação|цитата)(\s(from|von|de|di|od)\b.*|\s?:.*)
      | originally\sposted\sby\b.* | ursprünglich\sgeschrieben\svon\b.*
      | .{1,80}?\s(wrote|said|writes|says|schrieb|hat\sgeschrieben|hat\sgesagt|a\sécrit|a\sdit
        |escribió|dijo|ha\sescrito|scrisse|ha\sscritto|napisał|napisała|escreveu|disse
        |написал|написала|schreef|skrev|kirjoitti)\s?:.*
    )$""",
    re.I | re.X,
)
"""The attribution line that opens a quote in a forum post or comment ("tom wrote: ↑ Sun Oct
13", "lou said:", "Quote from: X on ...", "Originally Posted by X", "Zitat von X"). Judged
only inside a quote (``blockquote``, a "quote" class, ``cite``): elsewhere "The mayor
said:" introduces the article's own quotation."""

STAT_LINE = re.compile(r"^([^\W\d_][^:：]{0,40}?)\s?[:：]\s?(\S.*)$")
"""A "Label: value" line; the label is checked against ``stat_label_max_chars``."""

PROFILE_LABEL = re.compile(
    r"""^(
        posts | total\sposts | post\scount | messages | joined | join\sdate
      | registered | member\ssince | reputation | rep\spower | karma | reaction\sscore
      | likes\sreceived | trophy\spoints | points | thanks | thanked | liked
      | beiträge | registriert(\sseit)? | mitglied\sseit | dabei\sseit | punkte
      | inscrit\sle | inscription | date\sd'inscription | mensajes | registrado | fecha\sde\singreso
      | messaggi | iscritto | iscrizione | posty | postów | dołączył | rejestracja | berichten
      | lid\ssinds | geregistreerd | сообщения | сообщений | регистрация | зарегистрирован
      | 帖子 | 注册时间 | 注册 | 積分 | 积分 | 投稿数 | 登録日
    )$""",
    re.I | re.X,
)
"""Labels of a forum poster's membership and activity counts, in several languages: a box
of "Label: value" lines with one of these is a profile box. Location, age and the like are
left out: event and product boxes have them too."""

POST_NUMBER = re.compile(r"^#\s?\d{1,7}$")
"""A post's number in its thread ("#1", "#18"): furniture inside a thread's posts only,
since elsewhere a lone "#1" may be a ranking."""

QUOTE_HEADER_MAX_CHARS = 120
"""A quote's attribution line is at most this long (a name, "wrote:", a date); longer text
in a quote is the quotation itself."""

PUBLISHED_LINE = re.compile(
    r"""(?:^|\s)(?:published|updated|veröffentlicht|aktualisiert|yayınlanma|yayın\starihi
      | güncelleme|опубликовано|обновлено|cập\snhật|diperbarui|diterbitkan|publicado
      | actualizado|publié|mis\sà\sjour|pubblicato|aggiornato|입력|수정|公開日?|更新日?
      | 投稿日|प्रकाशित|अपडेटेड)\s?[:\uff1a]?\s?(?:\w+,?\s)?\d""",
    re.I | re.X,
)
"""A publication or update stamp ("Yayınlanma: 12 Mart 2024", "Updated 3 May", "입력
2024.06.03"). A short line without a sentence end holding two (published and updated,
after the author's name) is the article's info line."""

SERVER_ERROR = re.compile(
    r"(?<![a-z])(?:warning|notice|deprecated|fatal\serror|parse\serror|strict\sstandards)\s?:"
    r".{0,500}?\son\sline\s\d+",
    re.I | re.S,
)
"""A PHP error message printed into the page ("Warning: Use of undefined constant ... in
/htdocs/wp-content/plugins/x.php on line 928"): the server's, never the article's."""

SENTENCE_END = re.compile(r"[.!?؟।۔።。！？](?:(?<=[。！？])(?![。！？])|\s|$|[\"'”’»])")
"""A sentence end: the mark of prose. Latin, Arabic, Urdu (۔), Devanagari (।) and
Ethiopic (።) full stops end a sentence before a space or a closing quote, as "3.5" and
"e.g." show they otherwise may not; CJK full stops end one wherever they stand, since
CJK text runs on without spaces. (One character class first, then the lookarounds: an
alternation of two classes searched twice as slowly.)"""

NAV_SEPARATOR = re.compile(r"\s[|>/~·•-]\s|[|¦»›•·]|\]\s*\[|\s::\s")
"""The marks between the items of a menu or breadcrumb line written as text: "|", "»",
"·", a spaced ">" or "/", "] [" between bracketed items."""
