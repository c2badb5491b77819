"""Tables shared by the decode and repair stages: charset labels, alphabets, byte maps.

Everything here is data or a cheap lazily built lookup, so the stages themselves read as
algorithms. The WHATWG Encoding Standard is the reference for labels: browsers treat
``iso-8859-1`` and ``ascii`` as windows-1252 and ``gb2312`` as GBK, and pages are written
for browsers, so the same page must decode the same way here.
"""

from __future__ import annotations

import codecs
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


@lru_cache(maxsize=64)  # every code page the repair stage reads through (30 or so)
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
    """The bytes ``text`` came from if it was read as ``codec``; ``None`` if impossible.

    ASCII stands for itself in every table, so only the runs of other characters go
    through the table (``_through``): a translation of every character cost 70 µs on a
    paragraph, and the repair stage writes a suspect paragraph back through 30 code pages.
    """
    handler = _through(codec)
    try:
        if handler is None:
            return text.translate(byte_table(codec)).encode("latin-1")
        return text.encode("ascii", handler)
    except UnicodeEncodeError:
        return None


@lru_cache(maxsize=64)
def _through(codec: str) -> str | None:
    """The name of an error handler that writes a run of non-ASCII characters through
    ``byte_table(codec)`` (registered once per code page; a character the code page
    cannot write fails the whole encoding, as ``encode("latin-1")`` of the table's
    ``\uffff`` does). ``None`` for a code page that remaps ASCII (none read here)."""
    table = byte_table(codec)
    if any(key < 0x80 for key in table):
        return None

    def through(error: UnicodeError) -> tuple[bytes, int]:
        assert isinstance(error, UnicodeEncodeError)
        run = error.object[error.start : error.end]
        return run.translate(table).encode("latin-1"), error.end

    name = f"boilerkit-through-{codec}"
    codecs.register_error(name, through)
    return name


def _utf8_run(error: UnicodeError) -> tuple[bytes, int]:
    assert isinstance(error, UnicodeEncodeError)
    return error.object[error.start : error.end].encode("utf-8", "surrogatepass"), error.end


codecs.register_error("boilerkit-utf8-run", _utf8_run)


def encode_mixed(text: str) -> bytes:
    """The seed's mixed form: chars up to U+00FF are Latin-1 bytes, others UTF-8 bytes
    (Latin-1's encoder hands the runs above U+00FF to ``_utf8_run``: a generator over
    every character cost 230 µs on a paragraph)."""
    return text.encode("latin-1", "boilerkit-utf8-run")


@lru_cache(maxsize=1)
def cjk_signs() -> frozenset[str]:
    """The signs the CJK national standards list before their letters (``◎ ☆ ※ ■ →
    ① ㉯``: the symbol rows of GB 2312, KS X 1001, JIS X 0208 and Big5), which CJK
    text uses as punctuation and bullets. A reading of a CJK encoding that gives them is
    no rarer-symbol reading (``judge.sound``)."""
    rows = (
        ("gb2312", range(0xA1, 0xAA), range(0xA1, 0xFF)),
        ("euc_kr", range(0xA1, 0xA4), range(0xA1, 0xFF)),
        ("euc_kr", range(0xA5, 0xAB), range(0xA1, 0xFF)),
        ("euc_jp", range(0xA1, 0xA3), range(0xA1, 0xFF)),
        ("big5", range(0xA1, 0xA4), range(0x40, 0xFF)),
    )
    signs: set[str] = set()
    for codec, leads, trails in rows:
        for lead in leads:
            for trail in trails:
                try:
                    signs.update(bytes([lead, trail]).decode(codec))
                except UnicodeDecodeError:
                    continue
    return frozenset(c for c in signs if c > "\u00ff")
