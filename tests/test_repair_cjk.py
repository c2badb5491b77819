# ruff: noqa: RUF001, RUF002  (mojibake and look-alike characters are the subject here)
"""Legacy CJK read as windows-1252 or latin-1, and the seed's form, repaired whole.

Two checks the wild suite's generator never saw: CPython's own CJK codec test texts
(``encoding_cases/cjk_stdlib.py``, read from the running Python at run time, skipped when
absent), with a floor per encoding and form; and hand-written sentences of my own, for
the shapes those texts showed failing: ASCII words inside CJK text (``Python（…）``,
``このため、Guido``), a sign of the CJK standards (``◎``), traditional characters on a
GBK page, Korean in GB18030's four-byte sequences.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import pytest

from boilerkit import repair_text
from boilerkit.encoding.phrases import spoiled

sys.path.insert(0, str(Path(__file__).with_name("encoding_cases")))

from cjk_stdlib import cases
from wild import _read, _read_mixed

# (written in, form) -> floor, on CPython's texts. The forms: read as windows-1252 or
# latin-1 ("latin"), the seed's per-byte fallback ("mixed"). Not here: cp949 and
# big5hkscs, whose test texts are codec stress tests (chat slang built of bare jamo and
# circled letters, HKSCS's rare characters with combining marks). GBK and Big5 read as
# each other are read back by ``han.chinese_swap`` (0 of 73 before it); not Big5 read as
# GBK, one case, whose kana (Big5's commonest row read as GB 2312's) look like Japanese.
FLOORS = {
    ("gbk", "big5"): 0.97,
    ("gb18030", "big5"): 0.97,
    ("gbk", "latin"): 0.97,
    ("gbk", "mixed"): 0.97,
    ("gb18030", "latin"): 0.97,
    ("gb18030", "mixed"): 0.97,
    ("big5", "latin"): 0.97,
    ("big5", "mixed"): 0.95,
    ("shift_jis", "latin"): 0.95,
    ("shift_jis", "mixed"): 0.97,
    ("euc_jp", "latin"): 0.97,
    ("euc_jp", "mixed"): 0.97,
    ("euc_kr", "latin"): 0.65,
    ("euc_kr", "mixed"): 0.65,
}


def _rates() -> dict[tuple[str, str], float]:
    hits: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for case in cases():
        written, read = case.pair.split("/")
        form = "mixed" if read == "mixed" else "latin" if read in ("cp1252", "iso8859_1") else read
        if (written, form) in FLOORS:
            hits[(written, form)][0] += repair_text(case.broken) == case.expected
            hits[(written, form)][1] += 1
    return {key: fixed / total for key, (fixed, total) in hits.items()}


def test_cpython_cjk_texts_are_repaired() -> None:
    if not cases():
        pytest.skip("no CJK codec test texts in this Python (test package not installed)")
    rates = _rates()
    low = {key: round(rate, 3) for key, rate in rates.items() if rate < FLOORS[key]}
    assert not low, f"below the floor: {low}"
    assert set(rates) == set(FLOORS)


# (text, written in): each read as windows-1252 and as the seed's form, repaired whole.
# Sentences of my own.
REPAIRED = [
    ("用 Python（一种编程语言）写程序很方便。", "gbk"),
    ("我们在 2021 年发布了 3.0 版本，欢迎试用。", "gbk"),
    ("下载 iOS 14.2 版本，和 Android 版一样", "gbk"),  # 版 和 were left in pieces
    ("要討論的問題就是這個。", "gbk"),  # traditional characters on a GBK page
    ("这个功能和 C library 的接口一样。", "gb18030"),
    ("파이썬은 배우기 쉬운 언어입니다. 누구나 쓸 수 있습니다.", "gb18030"),  # four-byte
    ("서울은 한국의 수도입니다.", "gb18030"),
    ("這個版本和舊版不一樣，請先閱讀說明。", "big5"),
    ("このため、Guido は新しい言語を作りました。", "shift_jis"),
    ("東京の天気は、明日も晴れるでしょう。", "euc_jp"),
    ("◎ 오늘은 날씨가 좋아서 공원에 갔습니다.", "euc_kr"),
]


@pytest.mark.parametrize(("text", "written"), REPAIRED)
def test_legacy_cjk_read_as_latin_is_repaired_whole(text: str, written: str) -> None:
    data = text.encode(written)
    broken = _read(data, "cp1252")
    assert broken is not None
    assert repair_text(broken) == text
    assert repair_text(_read_mixed(data)) == text


# Clean text with the letters such readings would take: left as it is.
CLEAN = [
    "Größe und Gewicht: für Straße und Gebäude.",
    "iPhone手机 und Größe",
    "Le café ◎ menu du jour",
    "Ôôô VIDA MINHA",
    "用 Python 写程序，很方便。",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_stays(text: str) -> None:
    assert repair_text(text) == text


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("für", "f黵", True),  # the r went into the Han
        ("Größe", "Gr鰿e", True),
        ("Python£¨ÅÉÉ", "Python（派森", False),  # CJK beside an ASCII word
        ("‚±‚Ì‚½‚ß\x81AGuido", "このため、Guido", False),  # 、 is 0x81 'A'
        ("goodness\ufffd¢\ufffd\ufffd", "goodness锟舰锟斤拷", True),  # lost bytes
    ],
)
def test_spoiled_words(before: str, after: str, expected: bool) -> None:
    assert spoiled(before, after) is expected


def test_cjk_sign_inside_a_latin_word_is_no_reading() -> None:
    # Korean read as GBK inside German: a reading of the whole node back to Korean turns
    # the host's ü into ㉨, a sign of KS X 1001; the host word must stay as it was.
    korean = "그는 가장 인구는 것으로"
    text = f"Unterstütze ({korean.encode('euc_kr').decode('gbk')}) RosaMag"
    assert repair_text(text).startswith("Unterstütze (")


# Chinese read through the other Chinese code page, sentences of my own: GBK text read
# as Big5 lands half its characters in Big5's level 2 and its full-width punctuation on
# bopomofo and small forms. (Big5 read as GBK mostly loses bytes: GBK has no character
# for many of Big5's byte pairs.)
SWAPPED = [
    ("他说这个问题需要大家一起讨论。", "gbk", "big5"),
    ("这家公司的产品质量很好，价格也便宜。", "gbk", "big5"),
    ("我们明天早上八点出发，晚上回来。", "gbk", "big5"),
    ("北京是中国的首都。", "gbk", "big5"),
    ("请把这本书放在桌子上。", "gbk", "big5"),
]


# The same, as a phrase inside a Latin sentence (each CJK run read on its own), and
# Japanese read as GBK (its kana land on GBK's extension rows).
SWAPPED_RUNS = [
    ("Le ministre a déclaré ({}) jeudi soir.", "他说这个问题需要大家一起讨论", "gbk", "big5"),
    ("Výsledek ({}) překvapil všechny.", "北京是中国的首都", "gbk", "big5"),
    ("Das Projekt ({}) läuft weiter.", "このプログラムは簡単です", "shift_jis", "gbk"),
    ("Ver la serie ({}) en línea.", "シンプルなデザイン", "shift_jis", "gbk"),
]


@pytest.mark.parametrize(("host", "text", "written", "read"), SWAPPED_RUNS)
def test_a_cjk_phrase_read_as_another_cjk_code_page(
    host: str, text: str, written: str, read: str
) -> None:
    broken = text.encode(written).decode(read)
    assert repair_text(host.format(broken)) == host.format(text)


@pytest.mark.parametrize(("text", "written", "read"), SWAPPED)
def test_chinese_read_as_the_other_chinese_code_page(text: str, written: str, read: str) -> None:
    broken = text.encode(written).decode(read)
    assert broken != text
    assert repair_text(broken) == text
    assert repair_text(f"ID 4471 | {broken} | 3,200 views") == f"ID 4471 | {text} | 3,200 views"


# Clean text of many characters outside everyday Chinese: Cantonese, kana alone (read
# back from GBK as Big5 it is Big5's commonest Han), Japanese with its own kanji,
# classical Chinese and names.
ODD_CLEAN = [
    "佢哋喺度食咗飯，之後冇再出嚟。",
    "ひらがなとカタカナ",
    "気象庁は、広い範囲で雪が降ると発表した。",
    "窈窕淑女，君子好逑。",
    "龘靐齉爩",
    "経済産業省",
    "広告出稿に関するおといあわせはこちらまで",
    "366日への旅",
    "Le café (経済) est bon",
    "璩翀 和 翀璩",
]


@pytest.mark.parametrize("text", ODD_CLEAN)
def test_odd_chinese_clean_text_stays(text: str) -> None:
    assert repair_text(text) == text
