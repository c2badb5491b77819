# ruff: noqa: RUF001  (the pattern tables hold words of many scripts on purpose)
"""The named patterns of the tuning table: class/id words, teaser headings, furniture lines.

Each is compiled once at import; every one runs on page-controlled text, so each must
run in linear time (no nested quantifiers that can backtrack).
"""

from __future__ import annotations

import re

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

DIALOG_WORDS = frozenset("cookie cookies consent gdpr".split())
"""Furniture words that name what a box is for (a cookie consent dialog), not where it
stands: an article name inside ("moove-gdpr-tab-main-content") does not make such a box a
misnamed wrapper, however much of a short page's prose its notices hold. Not "modal" or
"popup", nor the dialog role: plugins show an article's footnotes in those (with them,
one trafilatura-eval page lost its footnotes). On trafilatura-eval it changes one page, a
short post whose consent dialog's policy won the container: snippet F1 0.00 to 1.00."""

FRAMEWORK_WORDS = frozenset({"elementor", "wp-block", "block", "vc", "et", "fl", "wpb"})
"""Page builders name every content box "widget"/"module"; with one of these words
present, those names (``BUILDER_WORDS``) and compound fragments say nothing about
boilerplate."""

BUILDER_WORDS = frozenset({"widget", "widgets", "meta"})
"""What page builders and block plugins call content boxes: every box a "widget", and a
recipe card's prep time and servings its "meta" (``wprm-recipe-meta-container``). Beside a
builder's word the other furniture words still count: a WordPress theme's ``widget block
widget_text sidebar-box`` is a sidebar box, ``elementor-widget-share-buttons`` a share
bar. On trafilatura-eval: five pages up (a sidebar's text widgets won the container on
one, F1 0.00 to 1.00), none down."""

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
    r"|popular|trending|outbrain|taboola|legend|footer|captcha|poll(?!ut)"
)
"""Furniture fragments found inside compound names ("NewsletterModule", "c-sharebar",
"componentsPoll": a reader poll in the article body; not "pollution")."""

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
    r"|navigation|awaiting-moderation|submitted|permalink)(?=\s|$)"
)
"""Parts of a comment section that are not comments (names, dates, the reply form; Drupal's
``comment-submitted`` holds the name, time and "Permalink")."""

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
      | διαφήμιση | annons | annonse | annonce | mainos | hirdetés | publicitate | פרסומת
      | تبلیغات | โฆษณา
      | スポンサーリンク
      | シェアする | この記事をシェア | 공유하기 | शेयर\sकरें | поделитесь
      | skip\sto\s.* | jump\sto\s.*
      | (yorumlar?|комментари[ийя]|コメント|댓글|bình\sluận|komentar|comentários?|comentarios?
        |kommentare|komentarze)(\s?\(?\d+\)?)?
      | iklan | ツイート | read\smore | continue\sreading | click\shere.* | back\sto\stop | top
      | (sign\sup|subscribe)\b.* | follow\sus.* | related(\sarticles|\sstories)?
      | loading.* | comments?(\s\(\d+\))? | \d+\scomments? | copy\slink | copied
      | facebook | twitter | whatsapp | linkedin | reddit | pinterest | telegram
      | (war|ist)\sder\sartikel\s.* | möchten\ssie\s.*teilen.* | was\sthis\s(article|page)\shelpful
      | (foto|photo|bild|image|credit|quelle|source)s?\s?:.* | ©.* | (kontakt|contact)\s?:?
      | weiterlesen\s?:?
      | \d+\s?(min|minut|minute|minuten|minutes)\.?\s(read|lesezeit|czytania|de\slectura).*
      | (lesezeit|reading\stime)\s?:?\s?\d+.*
      | click\sto\s(expand|collapse|show)\b.* | zum\svergrößern\sanklicken.*
      | cliquez\spour\s(agrandir|développer).*
      | last\s(edit|edited|updated|modified)\b.* | zuletzt\sbearbeitet\b.*
      | dernière\smodification\b.*
      | \d[\d,.]*\s?[km]?\s(likes?|replies|reactions?|views|upvotes?|votes?|shares?
        |ratings?|reviews?)
      | \d[\d,.]*[km] | \d[\d,.]*\s(from|out\sof)\s\d[\d,.]*\s?[km]?\s(votes?|ratings?|reviews?)
    )\W*$""",
    re.I | re.X,
)
"""Lines that are furniture even inside the article ("Share", "Advertisement")."""

VIEW_COUNT = re.compile(
    r"\b(?:views|aufrufe|просмотров|переглядів|wyświetleń|visualizações)\s?:\s?\d[\d\s.,]*$",
    re.I,
)
"""A view counter closing a short line: a byline or date line that ends on one ("Оксана
Мельник 22 серпня 2024, 16:30 Переглядів: 2 417") is furniture, whatever precedes it."""

COUNT_LINE = re.compile(
    r"""^\W*(
        \d{1,3}\s(/|of|von|de|z|из|з)\s\d{1,3}
      | \d{1,3}\s(photos?|images?|pictures?|fotos?|bilder|zdjęć|zdjęcia|фото|фотографі\w*)
      | [★☆⭐✩✭✮✯]{3,}(\s?\d[\d.,]*(\s?/\s?\d+)?)?
    )\W*$""",
    re.I | re.X,
)
"""A gallery's slide counter ("3 / 8"), its photo count ("8 photos") and a star rating
("★★★★☆"): furniture as a line of its own, but data in a table cell ("99 / 106", a page
reference), where they are left alone."""

# Calls to action that close an article: subscribe, follow, support, comment, contact,
# rights and disclosure notes. Searched in the kept blocks at the article's end only.
SIGN_OFF = re.compile(
    r"""^(?:x{1,3}|xoxo|xo|lg|(?:liebe|viele|herzliche|beste|sonnige)\s(?:gr(?:ü|ue|u)(?:ß|ss)e)
      |gr(?:ü|ue)(?:ß|ss)e|euer|eure|cheers|bisous|gros\sbisous|besos|abrazos
      |un\sabrazo|saludos|groetjes|pozdrawiam|pozdrowienia)\b[\s,!.:]*
    [^\W\d][\w.'-]*(?:\s[^\W\d][\w.'-]*)?$""",
    re.I | re.X,
)
"""A blog post's sign-off after its last paragraph: a greeting and the writer's name in one
or two words ("x Franzi", "XX, Die Redaktion", "Euer HansEhrlich", "Liebe Grüße, Anna").
The post's own last line, not trailing furniture: the tail trim keeps it."""

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
      | to\s(?:post\s(?:a\s)?|leave\sa\s)?comment | zum\skommentieren | para\scomentar
      | keine\skommentare | no\scomments
      | letter\sto\sthe\seditor | leserbrief | affiliate | receive\s(?:a\s)?compensation
      | commission | provision\s(?:erhalten|bekommen) | werbung\b | anzeige\b | sponsored
      | opinions?\sexpressed | meinung\sdes\sautors | disclaimer | einlogg | eingeloggt
      | if\syou\senjoyed | did\syou\senjoy | tried\sthis\srecipe | (?:tag|mention)\s(?:us|me|@)
      | gef[äa]llt\sdir | hat\sdir\s.{0,30}gefallen
      | war\s(?:der|dieser)\s(?:artikel|beitrag)\s(?:n[üu]tzlich|hilfreich)
      | hazte\smiembro | become\sa\smember | werde\smitglied | cancel\sany\s?time
      | cancela\scuando | jederzeit\sk[üu]ndbar | stay\s(?:up[-\s]to[-\s]date|informed|in\stouch)
      | bleiben\ssie\s(?:informiert|auf\sdem\slaufenden) | kontaktformular
      | pressekontakt | press\scontact | pressesprecher | ansprechpartner
      | last\s(?:modified|updated|changed|revised) | zuletzt\s(?:ge[äa]ndert|aktualisiert)
      | aktualisiert\sam | derni[èe]re\smise\s[àa]\sjour | [úu]ltima\sactualizaci[óo]n
      | not\sresponsible\sfor | sofern\snicht\sanders | responsabilidade\sexclusiva
      | exclusiva\sresponsabilidad
      | suggested\scitation | how\sto\scite | cite\sthis\s(?:article|post|page) | pour\sciter
      | zitiervorschlag | zitierweise | c[óo]mo\scitar | jak\scytowa[ćc]
      | подпис(?:ывайтесь|аться|ка) | все\sправа\sзащищены | abonneer | volg\sons
      | alle\srechten\svoorbehouden | takip\sedin | abone\sol | tüm\shakları\ssaklıdır
      | нашли\sошибку | помітили\sпомилку | ctrl\s?\+\s?enter | сообщите\sнам
      | hak\scipta | dilindungi\sundang
      | (?:in|to)\syour\sinbox | en\stu\s(?:correo|bandeja) | no\sseu\se-?mail
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
rights, contact lines, comment prompts, disclosures, "how to cite this article" boxes
(the last block of academic blogs: it ended the walk before the appeal above it), the
typo-report note of Russian and Ukrainian sites ("... Ctrl+Enter"), a newsletter's "in
your inbox" pitch, the comment box's disclaimer ("responsabilidade exclusiva de seus
autores"), and the footer lines of old pages (last updated, hit counters, "back to home",
the webmaster). Searched in lower-cased text, and anchored at word starts: a
case-insensitive search of many alternatives at every character costs ten times more."""

READER_ADDRESS = re.compile(
    r"""\b(?:you|your|yours|us|our
      | du|dich|dir|dein\w*|ihr|euch|euer\w*|uns|unser\w*
      | vous|votre|vos|notre|nos|tu|te|toi|ton|ta|tes
      | usted\w*|vosotros|nuestr\w*|tus?|ti|contigo
      | wy|was|wam|nas|nasz\w*|wasz\w*
      | jij|jou|jouw|je|ons|onze
      | вы|вас|вам|ваш\w*|нас|нам|наш\w*|ви
      | ctrl\s?\+\s?enter)\b""",
    re.X,
)
"""Words that speak to the reader or ask for the publisher (you, your, us, our): what a
call to action says ("Follow us", "Support our work") and a reported closing sentence
("A spokesperson declined to comment", "Voters can sign up at the clerk's office", "Now
we wait for the frogs") does not. The subject "we" is left out: bloggers narrate with it.
A key to press ("... натисніть Ctrl+Enter", the typo-report note) asks the reader too.
Searched in lower-cased text."""
RIGHTS_LINE = re.compile(
    r"©|\bcopyright\b|rights\sreserved|rechte\svorbehalten|derechos\sreservados|droits\sr[ée]serv"
)
"""The rights line of a page: never article text, whatever its grammar."""

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
       |\w{3,10}\.?\s\d{1,2},?\s\d{4}|\d{1,2}\.?\s\w{3,12},?\s\d{4}|\d{4}-\d{2}-\d{2}|\w{3,10}\s\d{4}
       |\d{4}\s?[年년]\s?\d{1,2}\s?[月월]\s?\d{1,2}\s?[日일])?[\s,|–-]*(at\s)?(\d{1,2}[:.]\d{2}([:.]\d{2})?(\s?(uhr|h|[ap]\.?m\.?))?(\s(gmt|utc|ist|[ecmp][sd]?t|bst|cet|cest|mez|mesz))?)?
       ([\s|·•]*(views?|aufrufe|просмотр\w*|görüntülenme|lượt\sxem|조회수?|閲覧数?)\s?:?\s?\d[\d\s.,]*)?\W*$""",
    re.I | re.X,
)
"""A line that is only a date and/or a time ("7. Oktober 2020", "05:28 Uhr", "2024年3月18日",
"Tuesday, 5 November, 2002, 10:32 GMT"),
perhaps after a label of up to three words ("Aktualisiert: 11.04.2020, 10:27", "opublikowano:
7 kwietnia 2021", a forum post's "Reply #3 on: March 16, 2019, 08:21:09 AM") and before a
view counter ("12 марта 2021, 14:05 Просмотров: 2 418")."""

QUOTE_HEADER = re.compile(
    r"""^\W*+(
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
said:" introduces the article's own quotation. The leading non-word run is possessive:
backtracking into a long run of spaces made the search superlinear."""

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

SHOWN_BY_SCRIPT_SHARE = 0.6
"""Elements hidden by their inline style (``display: none``, ``visibility: hidden``) that
share a parent and together hold at least this share of the paragraph text of the page
are the article a script shows (a gallery's slides, an article revealed after a consent
or paywall check) and stay: on the dev corpora and the peer suites, the hidden elements
that held the expected text held 0.74-0.96 of the page's paragraph text; every hidden box
that did not (cookie dialogs, modals, tabs, screen-reader copies) held 0.54 or less."""
SHOWN_BY_SCRIPT_MIN_CHARS = 500
"""... and at least this many characters of paragraph text (a short page's one hidden
notice is not its article)."""

BYLINE = re.compile(
    r"^\W*(?i:(?:posted|written|submitted|geschrieben|verfasst)\b(?=.*\d)[^.!?]{0,40}?\s)?"
    r"(?i:by|von|par|por|door|di|av|af|od)\s+"
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'-]*\.?\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž]\.\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž]"
)
"""A byline: "By Sam Okafor 17:42, 21 JUN 2022", "Von Anna Schmidt", "By John Q. Public":
a byline word, then a name of two capitalised words (German headings such as "Von Risiken
und Nebenwirkungen" capitalise one noun, not two words in a row). The blog engines' form
puts a verb and a date around it: "Posted 21 May 2001 by Tom Fairweather", "Submitted by
Jill Ambrose on Sun, 09/03/2014" (with the date only: readability-test-pages keeps "Posted
by Andrew Hayden, Software Engineer on Google Play" as text). Only short lines without a
sentence end are tested."""

SIGNUP_FORM = re.compile(
    r"mail|newsletter|subscri|sign[-_]?up|abonn|anmeld|inscri|suscri|rassegna|nieuwsbrief"
)
"""What the action, class, id or name of a sign-up form says (``list-manage.com/subscribe``,
``newsletter-form``, ``mc-embedded-subscribe-form``). Searched in lower-cased text."""

PUBLISHED_LINE = re.compile(
    r"""(?:^|\s)(?:published|updated|veröffentlicht|aktualisiert|yayınlanma|yayın\starihi
      | güncelleme|опубликовано|обновлено|cập\snhật|diperbarui|diterbitkan|publicado
      | actualizado|publié|mis\sà\sjour|pubblicato|aggiornato|입력|수정|公開日?|更新日?
      | 投稿日|प्रकाशित|अपडेटेड)\s?[:\uff1a]?\s?(?:\w+\.?,?\s)?\d""",
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

ORDINAL_DAY = re.compile(r"(?<![\w.])\d{1,2}\.\s(?=[^\W\d])")
"""A day written as an ordinal before its month ("02. November 2021", "3. März"): its dot
is no sentence end. Read only in the short lines above the headline (``trim_head``),
where "Pressemitteilung Aktuell 02. November 2021" is a kicker, not a sentence."""

NAV_SEPARATOR = re.compile(r"\s[|>/~·•-]\s|[|¦»›•·]|\]\s*\[|\s::\s")
"""The marks between the items of a menu or breadcrumb line written as text: "|", "»",
"·", a spaced ">" or "/", "] [" between bracketed items."""
