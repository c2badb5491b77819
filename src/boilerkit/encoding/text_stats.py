# ruff: noqa: RUF001, RUF003  (mojibake and look-alike characters are the subject here)
"""What real text looks like, as data: alphabets, letter and character frequencies,
character classes. ``plausibility`` turns these into costs.

Kept apart from the cost model so that the model reads as rules and the tables can be
checked (and extended) on their own.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Lower-case letters outside ASCII that each written language uses. A word whose
# accented letters fit none of these alphabets is a sign of a wrong code page.
_ALPHABET_TEXT = (
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüßéà",  # German (with common French loans)
    "áéíñóúüº",  # Spanish
    "áâãàçéêíóôõú",  # Portuguese (ü left the spelling in 1990)
    "àèéìíîòóùú",  # Italian
    "àçèéíïòóúüŀ",  # Catalan
    "éèëïöóáüêç",  # Dutch
    "æøåéóàü",  # Danish, Norwegian
    "åäöéü",  # Swedish, Finnish
    "áðéíóúýþæö",  # Icelandic
    "áðíóúýæø",  # Faroese
    "ąćęłńóśźżé",  # Polish
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "áéíóöőúüű",  # Hungarian
    "ăâîșşțţé",  # Romanian
    "çğıöşüâîû",  # Turkish
    "çəğıöşü",  # Azerbaijani
    "čćđšž",  # Croatian, Bosnian, Serbian Latin, Slovenian
    "āčēģīķļņšūž",  # Latvian
    "ąčęėįšųūž",  # Lithuanian
    "äöõüšž",  # Estonian
    "çë",  # Albanian
    "ĉĝĥĵŝŭ",  # Esperanto
    "ċġħżàèìòù",  # Maltese
    "âêîôûŵŷáéíóúẁẃẅýäëïöüÿ",  # Welsh
    "àèìòùáéíóú",  # Irish, Scottish Gaelic
)


def _vietnamese() -> frozenset[str]:
    bases = "aăâeêioôơuưy"
    marks = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    letters = {unicodedata.normalize("NFC", b + m) for b in bases for m in marks}
    return frozenset(c for c in letters | {"đ"} if len(c) == 1 and not c.isascii())


ALPHABETS: tuple[frozenset[str], ...] = (
    *(frozenset(a) for a in _ALPHABET_TEXT),
    _vietnamese(),
)


def _decode_range(codec: str, leads: range, trails: range) -> set[str]:
    """The characters of every two-byte sequence ``lead, trail`` that decodes on its own.

    A row of sequences is decoded at once, each followed by a line feed (never a trail
    byte, so a sequence cannot run into the next): a piece with U+FFFD did not decode.
    Where the row does not split into its pieces, its sequences are decoded one by one.
    Four times faster than one ``decode`` per sequence (40 ms a process for the tables).
    """
    chars: set[str] = set()
    count = len(trails)
    row = bytearray(3 * count)
    row[1::3], row[2::3] = bytes(trails), b"\n" * count
    for lead in leads:
        row[0::3] = bytes((lead,)) * count
        pieces = row.decode(codec, "replace").split("\n")
        if len(pieces) == count + 1:
            chars.update(*(piece for piece in pieces if "\ufffd" not in piece))
            continue
        for trail in trails:
            try:
                chars.update(bytes((lead, trail)).decode(codec))
            except UnicodeDecodeError:
                continue
    return chars


# Writing system each CJK codec implies (the plausibility model judges its characters by
# that country's standard).
CODEC_HOME = {
    "gb18030": "zh-hans",
    "big5hkscs": "zh-hant",
    "cp932": "ja",
    "euc_jp": "ja",
    "iso2022_jp": "ja",
    "cp949": "ko",
}


@lru_cache(maxsize=1)
def cjk_tiers() -> dict[str | None, tuple[frozenset[str], frozenset[str]]]:
    """(common, known) CJK characters per writing system, read off the national standards.

    The level-1 blocks of GB 2312, Big5 and JIS X 0208 are each country's most frequent
    characters, and KS X 1001 lists the 2,350 Hangul syllables in everyday use; level 2 is
    rarer. Mojibake decoded the wrong way lands mostly outside these sets. The ``None`` key
    is the union, for text whose writing system is unknown.
    """
    kana = _decode_range("euc_jp", range(0xA4, 0xA6), range(0xA1, 0xFF))
    hangul = _decode_range("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF))
    tiers = {
        "zh-hans": (
            _decode_range("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)),
            # GBK pages write traditional text too (quoted, or from Hong Kong and
            # Taiwan): Big5's level 1 is known to them, if not common
            _decode_range("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
            | _decode_range("big5", range(0xA4, 0xC7), range(0x40, 0xFF)),
        ),
        "zh-hant": (
            _decode_range("big5", range(0xA4, 0xC7), range(0x40, 0xFF)),
            _decode_range("big5", range(0xA1, 0xFA), range(0x40, 0xFF)),
        ),
        "ja": (
            _decode_range("shift_jis", range(0x88, 0x99), range(0x40, 0xFD)) | kana,
            _decode_range("shift_jis", range(0x81, 0xEB), range(0x40, 0xFD)),
        ),
        "ko": (hangul, hangul | _decode_range("euc_kr", range(0xA1, 0xFE), range(0xA1, 0xFF))),
    }
    common = set().union(*(c for c, _ in tiers.values()))
    known = set().union(*(k for _, k in tiers.values()))
    result: dict[str | None, tuple[frozenset[str], frozenset[str]]] = {
        home: (frozenset(c), frozenset(k)) for home, (c, k) in tiers.items()
    }
    result[None] = (frozenset(common), frozenset(known))
    return result


# The most frequent characters of each writing system, most frequent first (published
# character-frequency lists: simplified Chinese from news/web corpora, Japanese kanji
# from newspapers, Korean syllables from the Sejong corpus). Real text draws most of its
# characters from these; a wrong CJK reading of the same bytes draws few.
_TOP_CHARS = {
    "zh": (
        "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于"
        "着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还"
        "进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情"
        "明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或"
        "新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
        "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太"
        "量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基"
        "眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交"
        "规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济"
        "车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调"
        "深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越"
        "器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历"
        "首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维"
        "革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧"
        "黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值"
        "經國們這來為時個說後會對點過學動發當還種現無開經與長實"
    ),
    "ja": (
        "日一国人年大十二本中長出三同時政事自行社見月分議後前民生連五発間対上部東者党地合"
        "市業内相方四定今回新場金員九入選立開手米力学問高代明実円関決子動京全目表戦経通外"
        "最言氏現理調体化田当八六約主題下首意法不来作性的要用制治度務強気小七成期公持野協"
        "取都和統以機平総加山思家話世受区領多県続進正安設保改数記院女初北午指権心界支第産"
        "結百派点教報済書府活原先共得解名交資予川向際査勝面委告軍文反元重近千考判認画海参"
    ),
    "ko": (
        "이다는의에하고을를가지한기서로사대으도나어리자수해것인일시정들그전보게아주안상부라"
        "적성말경만원요국장있없되동과제와면년우무내여소미공화방유문세위중생모비신선회까마실"
        "터거저물관연재개직업작통발체진간분계러학당감했습니니까었았였던데서를요은른할될된행"
        "결과대한민의회사람들때문에까지부터처럼위해서통해관해새로운경우문제정부발표목일"
    ),
}


@lru_cache(maxsize=1)
def top_chars() -> dict[str | None, frozenset[str]]:
    """Most frequent characters per writing system (``None``: all of them)."""
    tops: dict[str | None, frozenset[str]] = {
        "zh-hans": frozenset(_TOP_CHARS["zh"]),
        "zh-hant": frozenset(_TOP_CHARS["zh"]),
        "ja": frozenset(_TOP_CHARS["ja"]),
        "ko": frozenset(_TOP_CHARS["ko"]),
    }
    tops[None] = frozenset().union(*tops.values())
    return tops


# Letters of the scripts single-byte code pages carry, most frequent first (from published
# letter-frequency tables). A wrong Cyrillic/Greek/Hebrew/Arabic code page turns frequent
# letters into rare ones, so the rank of each letter tells two same-script readings apart.
LETTER_RANKS = (
    "оеаинтсрвлкмдпуяыьгзбёчйхжшюцщэфъ",  # Russian (ё ranked as written when not replaced by е)
    "іїєґ",  # Ukrainian additions: і ranks with the frequent letters
    "αοιετνσςηυρπκμλωδγχθφβξζψ",  # Greek (accents stripped before lookup)
    "יוהלאמרבתשנםעדכקןפחגסזצטךףץ",  # Hebrew
    "اليمونرتبةعهدسفککقأحجشصیإخطزثضىذغظءئآؤگپچژ",  # Arabic, Persian
    "านอรกมเงยดวบทคสหลตปพแไจใขโชศผถณฉซญฐธภษฆฝฟฤฮฬะำฯๆ",  # Thai (spacing letters)
)
RARE_GREEK = frozenset("ΐΰϊϋΪΫ")
# Combining marks that decomposed Latin text really uses (Vietnamese tones among them).
COMMON_MARKS = frozenset(
    "\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u0309"
    "\u030a\u030b\u030c\u031b\u0323\u0326\u0327\u0328"
)
# Non-ASCII punctuation that real words hold inside (it’s, l·l, e-mail, soft hyphen).
JOINERS = frozenset("’‘·–—…\u00ad\u2010\u2011\u200b\u200c\u200d")
# Vowels as windows-1258 writes them, seen through windows-1252; a tone mark byte after
# one (``Viêòt``) is Vietnamese with its combining tones read as letters.
VOWELS_1258 = frozenset("aeiouyâêôãõýAEIOUYÂÊÔÃÕÝ")
HEBREW_FINALS = frozenset("ךםןףץةى")  # and Arabic taa marbuta, alif maqsura


def shape(codec: str, skip: str = "") -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(2-byte leads, 3-byte leads, continuations) of UTF-8 as ``codec`` shows them."""

    def chars(low: int, high: int) -> frozenset[str]:
        found = bytes(range(low, high)).decode(codec, "ignore")
        if codec == "cp1252":
            found += bytes(range(0x80, 0xA0)).decode("latin-1") if low == 0x80 else ""
        return frozenset(found) - frozenset(skip)

    return chars(0xC2, 0xE0), chars(0xE0, 0xF0), chars(0x80, 0xC0)


# UTF-8 read through the usual code pages leaves a lead byte's character right before a
# continuation byte's: ``Ã©`` (windows-1252), ``√©`` (mac_roman), ``Рџ`` (windows-1251).
# Letters that Ukrainian, Belarusian and Serbian write are left out of the last one.
# Quotes are left out of the mac_roman leads: ``l’é`` is French, not UTF-8.
SHAPES = (
    shape("cp1252"),
    shape("mac_roman", "‘’“”«»…„–—\u00a0"),
    shape("cp1251", "іїєґёўјѕІЇЄҐЁЎЈЅ"),
)


ANY_CONT = frozenset().union(*(conts for _, _, conts in SHAPES))


def utf8_shape(prev2: str, prev: str, char: str) -> bool:
    """``prev2 prev char`` end like a UTF-8 sequence seen through one of the code pages."""
    if char not in ANY_CONT:
        return False
    if prev in "–—" and char in SHAPES[1][2] and not char.islower():
        return True  # mac_roman Cyrillic (``–ü—Ä``); a dash before a lower-case word is text
    for lead2, lead3, conts in SHAPES:
        if char in conts and (prev in lead2 or (prev in conts and prev2 in lead3)):
            return True
    return False


TONOS = frozenset("άέήίόύώΐΰΆΈΉΊΌΎΏ")

COMMON_PUNCT = frozenset("\u00a0‘’“”„–—…•«»‹›¡¿·′″\u200b\u200c\u200d\u2009\u202f")
ODD_PUNCT = frozenset("†‡‰‚")
# Scripts that a wrong reading lands in far more often than real web text uses them
# (Syriac, Thaana, NKo, Samaritan, Mongolian, Glagolitic, Tifinagh, Vai and others).
RARE_SCRIPTS = (
    (0x0700, 0x0750),
    (0x0780, 0x08A0),
    (0x1700, 0x1AB0),
    (0x2C00, 0x2C60),
    (0x2D30, 0x2D80),
    (0xA4D0, 0xA640),
    (0xA800, 0xA960),
)
ODD_LETTER_RANGES = ((0x0180, 0x01CD), (0x01DD, 0x0217), (0x021C, 0x0250), (0x0250, 0x02B0))
ODD_LETTER_OK = frozenset("ơƠưƯșȘțȚǎǐǒǔəƏ")
