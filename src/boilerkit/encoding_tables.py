"""Tables shared by the decode and repair stages: charset labels, alphabets, byte maps.

Everything here is data or a cheap lazily built lookup, so the stages themselves read as
algorithms. The WHATWG Encoding Standard is the reference for labels: browsers treat
``iso-8859-1`` and ``ascii`` as windows-1252 and ``gb2312`` as GBK, and pages are written
for browsers, so the same page must decode the same way here.
"""

from __future__ import annotations

import codecs
import unicodedata
from functools import lru_cache

# WHATWG label -> Python codec. Python codecs are picked as the closest superset that
# browsers use (GBK -> gb18030, Shift_JIS -> cp932, EUC-KR -> cp949, Big5 -> big5hkscs).
_WHATWG_LABELS: dict[str, tuple[str, ...]] = {
    "utf-8": (
        "unicode-1-1-utf-8",
        "unicode11utf8",
        "unicode20utf8",
        "utf-8",
        "utf8",
        "x-unicode20utf8",
    ),
    "cp866": ("866", "cp866", "csibm866", "ibm866"),
    "iso8859-2": (
        "csisolatin2",
        "iso-8859-2",
        "iso-ir-101",
        "iso8859-2",
        "iso88592",
        "iso_8859-2",
        "iso_8859-2:1987",
        "l2",
        "latin2",
    ),
    "iso8859-3": (
        "csisolatin3",
        "iso-8859-3",
        "iso-ir-109",
        "iso8859-3",
        "iso88593",
        "iso_8859-3",
        "iso_8859-3:1988",
        "l3",
        "latin3",
    ),
    "iso8859-4": (
        "csisolatin4",
        "iso-8859-4",
        "iso-ir-110",
        "iso8859-4",
        "iso88594",
        "iso_8859-4",
        "iso_8859-4:1988",
        "l4",
        "latin4",
    ),
    "iso8859-5": (
        "csisolatincyrillic",
        "cyrillic",
        "iso-8859-5",
        "iso-ir-144",
        "iso8859-5",
        "iso88595",
        "iso_8859-5",
        "iso_8859-5:1988",
    ),
    "iso8859-6": (
        "arabic",
        "asmo-708",
        "csiso88596e",
        "csiso88596i",
        "csisolatinarabic",
        "ecma-114",
        "iso-8859-6",
        "iso-8859-6-e",
        "iso-8859-6-i",
        "iso-ir-127",
        "iso8859-6",
        "iso88596",
        "iso_8859-6",
        "iso_8859-6:1987",
    ),
    "iso8859-7": (
        "csisolatingreek",
        "ecma-118",
        "elot_928",
        "greek",
        "greek8",
        "iso-8859-7",
        "iso-ir-126",
        "iso8859-7",
        "iso88597",
        "iso_8859-7",
        "iso_8859-7:1987",
        "sun_eu_greek",
    ),
    "iso8859-8": (
        "csiso88598e",
        "csisolatinhebrew",
        "hebrew",
        "iso-8859-8",
        "iso-8859-8-e",
        "iso-ir-138",
        "iso8859-8",
        "iso88598",
        "iso_8859-8",
        "iso_8859-8:1988",
        "visual",
        "csiso88598i",
        "iso-8859-8-i",
        "logical",
    ),
    "iso8859-10": (
        "csisolatin6",
        "iso-8859-10",
        "iso-ir-157",
        "iso8859-10",
        "iso885910",
        "l6",
        "latin6",
    ),
    "iso8859-13": ("iso-8859-13", "iso8859-13", "iso885913"),
    "iso8859-14": ("iso-8859-14", "iso8859-14", "iso885914"),
    "iso8859-15": ("csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"),
    "iso8859-16": ("iso-8859-16",),
    "koi8-r": ("cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"),
    "koi8-u": ("koi8-ru", "koi8-u"),
    "mac-roman": ("csmacintosh", "mac", "macintosh", "x-mac-roman"),
    "cp874": ("dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"),
    "cp1250": ("cp1250", "windows-1250", "x-cp1250"),
    "cp1251": ("cp1251", "windows-1251", "x-cp1251"),
    "cp1252": (
        "ansi_x3.4-1968",
        "ascii",
        "cp1252",
        "cp819",
        "csisolatin1",
        "ibm819",
        "iso-8859-1",
        "iso-ir-100",
        "iso8859-1",
        "iso88591",
        "iso_8859-1",
        "iso_8859-1:1987",
        "l1",
        "latin1",
        "us-ascii",
        "windows-1252",
        "x-cp1252",
    ),
    "cp1253": ("cp1253", "windows-1253", "x-cp1253"),
    "cp1254": (
        "cp1254",
        "csisolatin5",
        "iso-8859-9",
        "iso-ir-148",
        "iso8859-9",
        "iso88599",
        "iso_8859-9",
        "iso_8859-9:1989",
        "l5",
        "latin5",
        "windows-1254",
        "x-cp1254",
    ),
    "cp1255": ("cp1255", "windows-1255", "x-cp1255"),
    "cp1256": ("cp1256", "windows-1256", "x-cp1256"),
    "cp1257": ("cp1257", "windows-1257", "x-cp1257"),
    "cp1258": ("cp1258", "windows-1258", "x-cp1258"),
    "mac-cyrillic": ("x-mac-cyrillic", "x-mac-ukrainian"),
    "gb18030": (
        "chinese",
        "csgb2312",
        "csiso58gb231280",
        "gb2312",
        "gb_2312",
        "gb_2312-80",
        "gbk",
        "iso-ir-58",
        "x-gbk",
        "gb18030",
    ),
    "big5hkscs": ("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"),
    "euc_jp": ("cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"),
    "iso2022_jp": ("csiso2022jp", "iso-2022-jp"),
    "cp932": (
        "csshiftjis",
        "ms932",
        "ms_kanji",
        "shift-jis",
        "shift_jis",
        "sjis",
        "windows-31j",
        "x-sjis",
    ),
    "cp949": (
        "cseuckr",
        "csksc56011987",
        "euc-kr",
        "iso-ir-149",
        "korean",
        "ks_c_5601-1987",
        "ks_c_5601-1989",
        "ksc5601",
        "ksc_5601",
        "windows-949",
    ),
    "utf-16-be": ("unicodefffe", "utf-16be"),
    "utf-16-le": (
        "csunicode",
        "iso-10646-ucs-2",
        "ucs-2",
        "unicode",
        "unicodefeff",
        "utf-16",
        "utf-16le",
    ),
}
LABELS: dict[str, str] = {
    label: codec for codec, labels in _WHATWG_LABELS.items() for label in labels
}

# Codecs whose name Python knows but WHATWG does not list, mapped the browser way.
_PYTHON_FALLBACK = {
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "gbk": "gb18030",
    "gb2312": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "tis-620": "cp874",
    "iso8859-11": "cp874",
    "iso8859-9": "cp1254",
    "utf-16": "utf-16-le",
    "utf-32": "utf-32-le",
}


def codec_for_label(label: str | None) -> str | None:
    """Python codec for a charset label, WHATWG first; ``None`` when nobody knows it."""
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    if key in LABELS:
        return LABELS[key]
    try:
        name = codecs.lookup(key).name
    except LookupError:
        return None
    return _PYTHON_FALLBACK.get(name, name)


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


@lru_cache(maxsize=16)
def byte_table(codec: str) -> dict[int, str]:
    """Translation table that turns text into one char per byte of ``codec`` (as Latin-1).

    Bytes the code page leaves undefined stand for themselves (C1 controls), the way
    browsers and latin-1 decoders leave them. Characters up to U+00FF that the code page
    cannot write map to U+FFFF so that ``encode("latin-1")`` fails on them.
    """
    table: dict[int, str] = {cp: "\uffff" for cp in range(0x80, 0x100)}
    for byte in range(0x80, 0x100):
        try:
            char = bytes([byte]).decode(codec)
        except UnicodeDecodeError:
            char = chr(byte)
        if len(char) == 1:
            table[ord(char)] = chr(byte)
    if codec == "cp1252":
        for byte in range(0x80, 0xA0):  # latin-1 readings of the C1 range
            if table[byte] == "\uffff":
                table[byte] = chr(byte)
    return table


def encode_as(text: str, codec: str) -> bytes | None:
    """The bytes ``text`` came from if it was read as ``codec``; ``None`` if impossible."""
    try:
        return text.translate(byte_table(codec)).encode("latin-1")
    except UnicodeEncodeError:
        return None


def encode_mixed(text: str) -> bytes:
    """The seed's mixed form: chars up to U+00FF are Latin-1 bytes, others UTF-8 bytes."""
    return b"".join(
        bytes([ord(c)]) if ord(c) < 0x100 else c.encode("utf-8", "surrogatepass") for c in text
    )


def _decode_range(codec: str, leads: range, trails: range) -> set[str]:
    chars: set[str] = set()
    for lead in leads:
        for trail in trails:
            try:
                chars.update(bytes([lead, trail]).decode(codec))
            except UnicodeDecodeError:
                continue
    return chars


HOMES = ("zh-hans", "zh-hant", "ja", "ko")


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
            _decode_range("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF)),
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
